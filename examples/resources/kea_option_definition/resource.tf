resource "kea_dhcp_server" "main" {
  name        = "dhcp-1"
  option_data = [kea_option_data.provisioning.id, kea_option_data.rack.id]
}

# A site-specific option carrying a URL.
resource "kea_option_definition" "provisioning_url" {
  name = "provisioning-url"
  code = 224
  type = "string"
}

# A record: a uint16 rack number followed by a list of ipv4 addresses.
resource "kea_option_definition" "rack" {
  name         = "rack-info"
  code         = 225
  type         = "record"
  record_types = ["uint16", "ipv4-address"]
  array        = true
}

resource "kea_option_data" "provisioning" {
  name   = "provisioning"
  option = kea_option_definition.provisioning_url.name
  data   = "https://192.0.2.5/provision"
}

resource "kea_option_data" "rack" {
  name   = "rack-12"
  option = kea_option_definition.rack.name
  values = ["12", "192.0.2.7", "192.0.2.8"]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_option_definition.provisioning_url, kea_option_definition.rack,
    kea_option_data.provisioning, kea_option_data.rack,
  ]).config
}
