resource "kea_stork_server" "main" {
  name          = "stork"
  endpoint      = "198.51.100.10"
  database_host = "127.0.0.1"
}

resource "kea_stork_agent_group" "dhcp" {
  name             = "dhcp"
  stork_server     = kea_stork_server.main.id
  agent_port       = 8081
  exporter_port    = 9547
  per_subnet_stats = true
}

# Each member's agent listens on the server's address and reaches Kea
# through its control socket.
resource "kea_dhcp_server" "office" {
  name              = "office-dhcp"
  address           = "198.51.100.2"
  control_sockets   = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  stork_agent_group = kea_stork_agent_group.dhcp.id
}

# One agent.env per member host, keyed by server name.
output "agent_envs" {
  value = provider::kea::config(kea_stork_agent_group.dhcp, [
    kea_dhcp_server.office, kea_stork_server.main,
  ]).configs
}
