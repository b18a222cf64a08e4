resource "kea_vendor_option_space" "cisco" {
  name          = "cisco"
  enterprise_id = 9
}

resource "kea_option_definition" "cisco_tftp" {
  name         = "tftp-servers"
  code         = 150
  type         = "ipv4-address"
  array        = true
  vendor_space = kea_vendor_option_space.cisco.id
}

# Option 125: Kea keeps the sub-options in space vendor-9.
resource "kea_option_data" "cisco_tftp" {
  name         = "cisco-tftp"
  option       = kea_option_definition.cisco_tftp.name
  vendor_space = kea_vendor_option_space.cisco.id
  delivery     = "vivso"
  values       = ["192.0.2.9"]
}

resource "kea_dhcp_server" "main" {
  name        = "dhcp-1"
  option_data = [kea_option_data.cisco_tftp.id]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_vendor_option_space.cisco, kea_option_definition.cisco_tftp, kea_option_data.cisco_tftp,
  ]).config
}
