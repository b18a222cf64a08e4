# A hot-standby pair: two kea-dhcp4 servers sharing one relationship.
# Subnets attach to the relationship, so every member serves them and
# moving the primary role is an edit of the two `role` values.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea = { source = "keaform/kea" }
  }
}

variable "peers" {
  description = "Peer name => role and HA address."
  type = map(object({
    role    = string
    address = string
  }))
  default = {
    "dhcp-a" = { role = "primary", address = "198.18.0.1" }
    "dhcp-b" = { role = "standby", address = "198.18.0.2" }
  }
}

resource "kea_ha_relationship" "pair" {
  name               = "site-1"
  mode               = "hot-standby"
  heartbeat_delay    = 10000
  max_response_delay = 60000
  max_ack_delay      = 10000
}

resource "kea_dhcp_server" "peer" {
  for_each   = var.peers
  name       = each.key
  interfaces = ["ha0"]

  lease_database  = { type = "memfile", name = "kea-leases4.csv", lfc_interval = 3600 }
  control_sockets = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]

  ha = {
    relationship = kea_ha_relationship.pair.id
    role         = each.value.role
    address      = each.value.address
    port         = 8001 # the HA hook's own listener: not a control socket port
  }
}

resource "kea_subnet" "lan" {
  server      = kea_ha_relationship.pair.id
  subnet_id   = 1
  prefix      = "198.18.0.0/24"
  option_data = [kea_option_data.router.id]
}

resource "kea_option_data" "router" {
  name   = "site-1-router"
  option = "routers"
  values = ["198.18.0.254"]
}

resource "kea_pool" "lan" {
  subnet = kea_subnet.lan.id
  range  = "198.18.0.100 - 198.18.0.199"
}

output "configs" {
  description = "Host name => its kea-dhcp4.conf."
  value = { for name, server in kea_dhcp_server.peer : name => provider::kea::config(server, {
    servers          = values(kea_dhcp_server.peer)
    ha_relationships = [kea_ha_relationship.pair]
    subnets          = [kea_subnet.lan]
    pools            = [kea_pool.lan]
    option_data      = [kea_option_data.router]
  }).config }
}
