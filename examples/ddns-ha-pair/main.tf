# Dynamic DNS for a hot-standby pair. The relationship names one local D2
# daemon: each member sends its NameChangeRequests to the kea-dhcp-ddns on
# its own host (127.0.0.1), so the same kea-dhcp-ddns.conf is installed
# beside each member and either can update DNS when it serves clients.
# The relationship's D2 daemon and policy win over the members' own; the
# sender address and port stay per server.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea = { source = "keaform/kea" }
  }
}

provider "kea" {
  enable_ddns = true
}

resource "kea_tsig_key" "site" {
  name        = "site-1-key."
  algorithm   = "HMAC-SHA256"
  secret_file = "/etc/kea/secrets/ddns.tsig"
}

resource "kea_d2_daemon" "local" {
  name          = "d2-site-1"
  listener_mode = "local"
}

resource "kea_ddns_domain" "forward" {
  d2_daemon   = kea_d2_daemon.local.id
  zone        = "site-1.example."
  tsig_key    = kea_tsig_key.site.name
  dns_servers = [{ address = "198.18.0.53" }]
}

resource "kea_ddns_domain" "reverse" {
  d2_daemon   = kea_d2_daemon.local.id
  zone        = "0.18.198.in-addr.arpa."
  tsig_key    = kea_tsig_key.site.name
  dns_servers = [{ address = "198.18.0.53" }]
}

resource "kea_ddns_policy" "site" {
  name              = "site-1"
  qualifying_suffix = "site-1.example."
}

resource "kea_ha_relationship" "pair" {
  name        = "site-1"
  mode        = "hot-standby"
  d2_daemon   = kea_d2_daemon.local.id
  ddns_policy = kea_ddns_policy.site.id
}

resource "kea_dhcp_server" "peer" {
  for_each = {
    "dhcp-a" = { role = "primary", address = "198.18.0.1" }
    "dhcp-b" = { role = "standby", address = "198.18.0.2" }
  }
  name            = each.key
  control_sockets = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  ddns_sender_ip  = "127.0.0.1"
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
  estate = {
    objects = [
      kea_dhcp_server.peer, kea_ha_relationship.pair, kea_subnet.lan, kea_pool.lan, kea_d2_daemon.local,
      kea_ddns_domain.forward, kea_ddns_domain.reverse, kea_ddns_policy.site,
    ]
    # The key's secret is in a file: leave the sensitive attribute out so
    # the D2 document stays readable in the plan (a plain object, so in
    # its kind's list).
    tsig_keys = [for k in [kea_tsig_key.site] : { name = k.name, algorithm = k.algorithm, secret_file = k.secret_file }]
  }
}

output "configs" {
  description = "Host name => its kea-dhcp4.conf."
  value       = provider::kea::config(kea_dhcp_server.peer, local.estate).configs
}

output "kea_dhcp_ddns_conf" {
  description = "The kea-dhcp-ddns.conf installed beside each member."
  value       = provider::kea::config(kea_d2_daemon.local, local.estate).config
}
