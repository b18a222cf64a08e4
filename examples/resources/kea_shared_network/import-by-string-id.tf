import {
  to = kea_shared_network.building_a
  id = "dhcp-1/building-a"
}
