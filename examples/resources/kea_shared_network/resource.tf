resource "kea_dhcp_server" "main" {
  name       = "dhcp-1"
  interfaces = ["eth1"]
}

# Two subnets on one VLAN: when the first runs out, clients get addresses
# from the second.
resource "kea_shared_network" "building_a" {
  server         = kea_dhcp_server.main.id
  name           = "building-a"
  interface      = "eth1"
  valid_lifetime = 7200
  option_data    = [kea_option_data.dns.id]
}

resource "kea_subnet" "a1" {
  server         = kea_dhcp_server.main.id
  subnet_id      = 11
  prefix         = "192.0.2.0/25"
  shared_network = kea_shared_network.building_a.id
}

resource "kea_subnet" "a2" {
  server         = kea_dhcp_server.main.id
  subnet_id      = 12
  prefix         = "192.0.2.128/25"
  shared_network = kea_shared_network.building_a.id
}

resource "kea_pool" "a1" {
  subnet = kea_subnet.a1.id
  range  = "192.0.2.10 - 192.0.2.120"
}

resource "kea_pool" "a2" {
  subnet = kea_subnet.a2.id
  range  = "192.0.2.140 - 192.0.2.250"
}

resource "kea_option_data" "dns" {
  name   = "building-a-dns"
  option = "domain-name-servers"
  values = ["192.0.2.53"]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_shared_network.building_a, kea_subnet.a1, kea_subnet.a2, kea_pool.a1, kea_pool.a2,
    kea_option_data.dns,
  ]).config
}
