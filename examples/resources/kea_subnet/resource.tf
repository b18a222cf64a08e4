resource "kea_dhcp_server" "main" {
  name = "dhcp-1"
}

resource "kea_subnet" "lan" {
  server             = kea_dhcp_server.main.id
  subnet_id          = 10 # stable: Kea stores leases against it
  prefix             = "192.0.2.0/24"
  valid_lifetime     = 86400
  max_valid_lifetime = 172800 # the server's maximum would otherwise cap it
  renew_timer        = 43200
  rebind_timer       = 75600

  relay_addresses = ["192.0.2.1"]
  option_data     = [kea_option_data.lan_router.id]
  user_context    = jsonencode({ vlan = 10 })
}

resource "kea_option_data" "lan_router" {
  name   = "lan-router"
  option = "routers"
  values = [cidrhost("192.0.2.0/24", 1)]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_subnet.lan, kea_option_data.lan_router,
  ]).config
}
