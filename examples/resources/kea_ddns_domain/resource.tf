provider "kea" {
  enable_ddns = true
}

resource "kea_d2_daemon" "office" {
  name = "d2-office"
}

resource "kea_tsig_key" "office" {
  name      = "office-key."
  algorithm = "HMAC-SHA256"
}

# A forward zone: A, AAAA and DHCID records.
resource "kea_ddns_domain" "forward" {
  d2_daemon = kea_d2_daemon.office.id
  zone      = "office.example."
  tsig_key  = kea_tsig_key.office.name
  dns_servers = [
    { address = "192.0.2.53" },
    { address = "2001:db8::53", port = 5353 },
  ]
}

# A reverse zone (the direction comes from the name): PTR records for
# 192.0.2.0/24.
resource "kea_ddns_domain" "reverse" {
  d2_daemon   = kea_d2_daemon.office.id
  zone        = "2.0.192.in-addr.arpa."
  tsig_key    = kea_tsig_key.office.name
  dns_servers = [{ address = "192.0.2.53" }]
}

# The document holds the generated secret, so the result is sensitive.
output "kea_dhcp_ddns_conf" {
  value = provider::kea::config(kea_d2_daemon.office, [
    kea_ddns_domain.forward, kea_ddns_domain.reverse, kea_tsig_key.office,
  ]).config
  sensitive = true
}
