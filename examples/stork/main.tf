# Monitoring a hot-standby pair with Stork: one stork-server, and a
# stork-agent beside each kea-dhcp4 that the server registers. The plan
# shows every change to server.env and to each host's agent.env along
# with the Kea documents.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea = { source = "keaform/kea" }
  }
}

resource "kea_stork_server" "main" {
  name          = "stork"
  endpoint      = "198.18.0.10"
  database_host = "127.0.0.1"
  database_name = "stork"
  database_user = "stork"
  # The password is in this file (STORK_DATABASE_PASSWORD=...), loaded by a
  # second EnvironmentFile= of the unit, so server.env stays readable.
  database_password_file = "/etc/stork/db-password.env"
  log_level              = "INFO"
}

resource "kea_stork_agent_group" "site" {
  name             = "site-1"
  stork_server     = kea_stork_server.main.id
  agent_port       = 8081
  exporter_port    = 9547
  per_subnet_stats = true
}

resource "kea_ha_relationship" "pair" {
  name = "site-1-ha"
  mode = "hot-standby"
}

# Each member joins the group: its agent listens on the member's HA
# address and reads Kea's unix control socket.
resource "kea_dhcp_server" "peer" {
  for_each = {
    "dhcp-a" = { role = "primary", address = "198.18.0.1" }
    "dhcp-b" = { role = "standby", address = "198.18.0.2" }
  }
  name              = each.key
  control_sockets   = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  stork_agent_group = kea_stork_agent_group.site.id
  ha = {
    relationship = kea_ha_relationship.pair.id
    role         = each.value.role
    address      = each.value.address
    port         = 8001
  }
}

resource "kea_subnet" "lan" {
  server    = kea_ha_relationship.pair.id
  subnet_id = 1
  prefix    = "198.18.0.0/24"
}

resource "kea_pool" "lan" {
  subnet = kea_subnet.lan.id
  range  = "198.18.0.100 - 198.18.0.199"
}

locals {
  estate = [
    kea_dhcp_server.peer, kea_ha_relationship.pair, kea_subnet.lan, kea_pool.lan,
    kea_stork_server.main, kea_stork_agent_group.site,
  ]
}

output "kea_dhcp4_confs" {
  description = "Host name => its kea-dhcp4.conf."
  value       = provider::kea::config(kea_dhcp_server.peer, local.estate).configs
}

output "stork_server_env" {
  description = "/etc/stork/server.env on the Stork host."
  value       = provider::kea::config(kea_stork_server.main, local.estate).config
}

output "stork_agent_envs" {
  description = "Host name => its /etc/stork/agent.env."
  value       = provider::kea::config(kea_stork_agent_group.site, local.estate).configs
}
