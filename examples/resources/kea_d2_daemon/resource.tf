provider "kea" {
  enable_ddns = true
}

# One D2 beside each DHCP server (listener on 127.0.0.1, the default).
resource "kea_d2_daemon" "office" {
  name               = "d2-office"
  dns_server_timeout = 1000
  control_sockets    = [{ type = "unix", socket_name = "kea-ddns-ctrl-socket" }]
}

resource "kea_tsig_key" "office" {
  name        = "office-key."
  algorithm   = "HMAC-SHA256"
  secret_file = "/etc/kea/secrets/ddns.tsig"
}

resource "kea_ddns_domain" "forward" {
  d2_daemon   = kea_d2_daemon.office.id
  zone        = "office.example."
  tsig_key    = kea_tsig_key.office.name
  dns_servers = [{ address = "192.0.2.53" }]
}

# The data source leaves config readable when the document holds no secret
# (the key's secret is in a file), so the plan shows the diff.
data "kea_config" "d2" {
  d2_daemon    = kea_d2_daemon.office
  ddns_domains = [kea_ddns_domain.forward]
  tsig_keys    = [kea_tsig_key.office]
}

output "kea_dhcp_ddns_conf" {
  value = data.kea_config.d2.config
}
