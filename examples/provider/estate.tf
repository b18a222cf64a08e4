# A composed estate: a hot-standby pair serving one office LAN, with
# reservations for its printers, and Polycom phones, recognised by their
# vendor class, in a pool of their own that sends their provisioning server
# in option 43. The pair uses Kea 3.0's default HA layout: each member's
# dedicated HA listener binds its own peer URL (address:port below).

resource "kea_ha_relationship" "office" {
  name = "office"
  mode = "hot-standby"
}

locals {
  members = {
    "dhcp-a" = { role = "primary", address = "192.0.2.2" }
    "dhcp-b" = { role = "standby", address = "192.0.2.3" }
  }
}

resource "kea_dhcp_server" "member" {
  for_each        = local.members
  name            = each.key
  interfaces      = ["eth0"]
  control_sockets = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  ha = {
    relationship = kea_ha_relationship.office.id
    role         = each.value.role
    address      = each.value.address
    port         = 8000
  }
}

# The subnet belongs to the relationship: both members serve it.
resource "kea_subnet" "lan" {
  server      = kea_ha_relationship.office.id
  subnet_id   = 10
  prefix      = "192.0.2.0/24"
  option_data = [kea_option_data.router.id]
}

resource "kea_option_data" "router" {
  name   = "office-router"
  option = "routers"
  values = ["192.0.2.1"]
}

resource "kea_pool" "lan" {
  subnet = kea_subnet.lan.id
  range  = "192.0.2.100 - 192.0.2.199"
}

resource "kea_reservation" "printer" {
  for_each   = { "printer-1" = "192.0.2.11", "printer-2" = "192.0.2.12" }
  subnet     = kea_subnet.lan.id
  hw_address = each.key == "printer-1" ? "00:17:c8:00:00:01" : "00:17:c8:00:00:02"
  ip_address = each.value
  hostname   = each.key
}

# Polycom phones: their class sends option 43 in Polycom's layout.
resource "kea_vendor_option_space" "polycom" {
  name          = "polycom"
  enterprise_id = 13885
}

resource "kea_option_definition" "polycom_server" {
  name         = "provisioning-server"
  code         = 1
  type         = "string"
  vendor_space = kea_vendor_option_space.polycom.id
}

resource "kea_option_data" "polycom_server" {
  name         = "polycom-server"
  option       = kea_option_definition.polycom_server.name
  vendor_space = kea_vendor_option_space.polycom.id
  delivery     = "option43"
  data         = "https://192.0.2.5/polycom/"
}

resource "kea_client_class" "polycom" {
  name        = "polycom"
  test        = "substring(option[60].hex,0,7) == 'Polycom'"
  option_data = [kea_option_data.polycom_server.id]
}

resource "kea_pool" "phones" {
  subnet         = kea_subnet.lan.id
  range          = "192.0.2.200 - 192.0.2.239"
  client_classes = [kea_client_class.polycom.id]
}

# One kea-dhcp4.conf per member, in one call: the result's configs holds
# each member's document by name, and a fault both documents share is
# reported once. Each resource is named once, of any kind, in any order.
locals {
  dhcp = provider::kea::config(kea_dhcp_server.member, [
    kea_dhcp_server.member, kea_ha_relationship.office, kea_subnet.lan,
    kea_pool.lan, kea_pool.phones, kea_reservation.printer,
    kea_option_data.router, kea_option_data.polycom_server,
    kea_option_definition.polycom_server, kea_vendor_option_space.polycom,
    kea_client_class.polycom,
  ])
}

output "kea_dhcp4_confs" {
  value = local.dhcp.configs
}
