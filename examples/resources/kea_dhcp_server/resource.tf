resource "kea_dhcp_server" "main" {
  name       = "dhcp-1"
  interfaces = ["eth1"]

  valid_lifetime      = 3600
  max_valid_lifetime  = 7200
  calculate_tee_times = true
  t1_percent          = 0.5
  t2_percent          = 0.875

  lease_database = {
    type         = "memfile"
    name         = "kea-leases4.csv" # completed to /var/lib/kea/kea-leases4.csv
    lfc_interval = 3600
  }

  control_sockets = [
    { type = "unix", socket_name = "kea4-ctrl-socket" }, # /run/kea/kea4-ctrl-socket
  ]

  hooks_libraries = [
    { library = "libdhcp_lease_cmds.so" },
  ]

  option_data  = [kea_option_data.dns.id]
  user_context = jsonencode({ site = "hq", rack = "r12" })
}

resource "kea_option_data" "dns" {
  name   = "hq-dns"
  option = "domain-name-servers"
  values = ["192.0.2.53", "192.0.2.54"]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [kea_option_data.dns]).config
}
