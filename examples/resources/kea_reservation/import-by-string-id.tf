import {
  to = kea_reservation.printer
  id = "dhcp-1/10/hw-address=00:17:c8:12:34:56"
}
