resource "kea_dhcp_server" "main" {
  name = "dhcp-1"
  option_data = [
    kea_option_data.dns.id,
    kea_option_data.domain.id,
    kea_option_data.search.id,
    kea_option_data.mtu.id,
    kea_option_data.raw.id,
  ]
}

# An array option from references: values is a list, one element per address.
resource "kea_option_data" "dns" {
  name   = "dns"
  option = "domain-name-servers"
  values = [cidrhost("192.0.2.0/24", 53), cidrhost("192.0.2.0/24", 54)]
}

resource "kea_option_data" "domain" {
  name        = "domain"
  option      = "domain-name"
  data        = "example.com"
  always_send = true
}

resource "kea_option_data" "search" {
  name   = "search"
  option = "domain-search"
  values = ["example.com", "corp.example.com"]
}

# By code instead of name.
resource "kea_option_data" "mtu" {
  name = "mtu"
  code = 26
  data = "9000"
}

# Raw bytes: csv_format = false takes hex.
resource "kea_option_data" "raw" {
  name       = "time-offset-raw"
  option     = "time-offset"
  csv_format = false
  data       = "00:00:0e:10"
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_option_data.dns, kea_option_data.domain, kea_option_data.search, kea_option_data.mtu,
    kea_option_data.raw,
  ]).config
}
