resource "kea_ha_relationship" "site" {
  name = "site-1"
  mode = "hot-standby"
}

resource "kea_dhcp_server" "peer" {
  for_each = { "dhcp-a" = "primary", "dhcp-b" = "standby" }
  name     = each.key
  address  = each.key == "dhcp-a" ? "192.0.2.10" : "192.0.2.11" # what relays send to
  ha = {
    relationship = kea_ha_relationship.site.id
    role         = each.value
    address      = each.key == "dhcp-a" ? "198.18.0.1" : "198.18.0.2"
    port         = 8001
  }
}

resource "kea_subnet" "users" {
  server    = kea_ha_relationship.site.id
  subnet_id = 10
  prefix    = "10.10.0.0/24"
}

data "kea_relay_targets" "users" {
  prefix    = "10.10.0.0/24"
  interface = "Vlan10"
  objects   = [kea_dhcp_server.peer, kea_ha_relationship.site, kea_subnet.users]
}

output "helper_addresses" {
  value = data.kea_relay_targets.users.targets # ["192.0.2.10", "192.0.2.11"]
}

output "cisco_ios" {
  value = data.kea_relay_targets.users.cisco_ios
}
