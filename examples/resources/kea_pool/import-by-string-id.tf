import {
  to = kea_pool.guests
  id = "dhcp-1/10/192.0.2.200-192.0.2.239"
}
