import {
  to = kea_dhcp_server.main
  id = "dhcp-1"
}
