# Dynamic DNS for an office: kea-dhcp4 hands out a lease, sends a
# NameChangeRequest to the D2 daemon beside it (kea-dhcp-ddns on
# 127.0.0.1), and D2 adds the A and PTR records to the DNS server, signed
# with a TSIG key. The plan shows what changes in both files.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea = { source = "keaform/kea" }
  }
}

provider "kea" {
  enable_ddns = true
}

# The forward zone's key: generated at plan, kept in state (sensitive).
# Configure the DNS server with the same name, algorithm and secret.
resource "kea_tsig_key" "office" {
  name      = "office-key."
  algorithm = "HMAC-SHA256"
}

# The reverse zone's key lives in a file on the D2 host.
resource "kea_tsig_key" "reverse" {
  name        = "reverse-key."
  algorithm   = "HMAC-SHA512"
  digest_bits = 256 # the DNS server's key must be truncated alike (BIND: hmac-sha512-256)
  secret_file = "/etc/kea/secrets/ddns.tsig"
}

resource "kea_d2_daemon" "office" {
  name            = "d2-office"
  control_sockets = [{ type = "unix", socket_name = "kea-ddns-ctrl-socket" }]
}

resource "kea_ddns_domain" "forward" {
  d2_daemon   = kea_d2_daemon.office.id
  zone        = "office.example."
  tsig_key    = kea_tsig_key.office.name
  dns_servers = [{ address = "192.0.2.53" }]
}

resource "kea_ddns_domain" "reverse" {
  d2_daemon   = kea_d2_daemon.office.id
  zone        = "2.0.192.in-addr.arpa."
  tsig_key    = kea_tsig_key.reverse.name
  dns_servers = [{ address = "192.0.2.53" }]
}

# One policy for the whole server ...
resource "kea_ddns_policy" "office" {
  name                = "office"
  qualifying_suffix   = "office.example."
  replace_client_name = "when-not-present"
  generated_prefix    = "host"
  ttl_percent         = 0.5
}

# ... and an override for the lab subnet.
resource "kea_ddns_policy" "lab" {
  name              = "lab"
  qualifying_suffix = "lab.office.example."
  update_on_renew   = true
}

resource "kea_dhcp_server" "office" {
  name            = "office-dhcp"
  control_sockets = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  d2_daemon       = kea_d2_daemon.office.id
  ddns_policy     = kea_ddns_policy.office.id
}

resource "kea_subnet" "staff" {
  server    = kea_dhcp_server.office.id
  subnet_id = 10
  prefix    = "192.0.2.0/25"
}

resource "kea_subnet" "lab" {
  server      = kea_dhcp_server.office.id
  subnet_id   = 20
  prefix      = "192.0.2.128/25"
  ddns_policy = kea_ddns_policy.lab.id
}

resource "kea_pool" "staff" {
  subnet = kea_subnet.staff.id
  range  = "192.0.2.20 - 192.0.2.120"
}

resource "kea_pool" "lab" {
  subnet = kea_subnet.lab.id
  range  = "192.0.2.150 - 192.0.2.250"
}

locals {
  # What kea-dhcp4.conf draws from ...
  dhcp = {
    subnets       = [kea_subnet.staff, kea_subnet.lab]
    pools         = [kea_pool.staff, kea_pool.lab]
    d2_daemons    = [kea_d2_daemon.office]
    ddns_policies = [kea_ddns_policy.office, kea_ddns_policy.lab]
  }
  # ... and what kea-dhcp-ddns.conf does. The servers, subnets and policies
  # let the renderer warn about a zone no subnet uses, or a subnet whose
  # names no zone takes.
  d2 = merge(local.dhcp, {
    servers      = [kea_dhcp_server.office]
    ddns_domains = [kea_ddns_domain.forward, kea_ddns_domain.reverse]
    tsig_keys    = [kea_tsig_key.office, kea_tsig_key.reverse]
  })
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.office, local.dhcp).config
}

# kea-dhcp-ddns.conf holds the generated secret, so it is sensitive and the
# plan hides its diff (a key with secret_file keeps it visible: see
# examples/ddns-ha-pair). The secret is drawn when the key is created; set
# the provider's tsig_secret_seed to have it known in that first plan.
output "kea_dhcp_ddns_conf" {
  value     = provider::kea::config(kea_d2_daemon.office, local.d2).config
  sensitive = true
}
