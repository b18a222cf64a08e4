resource "kea_dhcp_server" "main" {
  name = "dhcp-1"
}

resource "kea_subnet" "lan" {
  server    = kea_dhcp_server.main.id
  subnet_id = 10
  prefix    = "192.0.2.0/24"
}

resource "kea_pool" "lan" {
  subnet = kea_subnet.lan.id
  range  = "192.0.2.100 - 192.0.2.199"
}

# Read during apply whenever a referenced resource changes; use the
# provider::kea::config function to see the rendered diff in the plan.
data "kea_config" "main" {
  server  = kea_dhcp_server.main
  subnets = [kea_subnet.lan]
  pools   = [kea_pool.lan]
}

output "kea_dhcp4_conf" {
  value = data.kea_config.main.config
}

output "kea_dhcp4_sha256" {
  value = data.kea_config.main.sha256
}
