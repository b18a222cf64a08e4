import {
  to = kea_subnet.lan
  id = "dhcp-1/10"
}
