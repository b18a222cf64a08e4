provider "kea" {
  enable_ddns = true
}

# The office default: names under office.example., a TTL of half the lease.
resource "kea_ddns_policy" "office" {
  name                      = "office"
  qualifying_suffix         = "office.example."
  replace_client_name       = "when-not-present"
  generated_prefix          = "host"
  ttl_percent               = 0.5
  hostname_char_set         = "[^A-Za-z0-9.-]"
  hostname_char_replacement = "-"
}

# A subnet override: lab machines get names under lab.office.example.
resource "kea_ddns_policy" "lab" {
  name              = "lab"
  qualifying_suffix = "lab.office.example."
  update_on_renew   = true
}

resource "kea_d2_daemon" "office" {
  name = "d2-office"
}

resource "kea_dhcp_server" "office" {
  name        = "office-dhcp"
  d2_daemon   = kea_d2_daemon.office.id
  ddns_policy = kea_ddns_policy.office.id
}

resource "kea_subnet" "lab" {
  server      = kea_dhcp_server.office.id
  subnet_id   = 20
  prefix      = "198.51.100.0/24"
  ddns_policy = kea_ddns_policy.lab.id
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.office, [
    kea_subnet.lab, kea_d2_daemon.office, kea_ddns_policy.office, kea_ddns_policy.lab,
  ]).config
}
