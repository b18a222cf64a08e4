# Vendor options for a voice VLAN and PXE clients:
# - Polycom phones read their provisioning server from option 43, but only
#   when the class that recognises them sends it (each vendor has its own
#   option 43 layout, so option 43 is delivered per class);
# - PXE clients read discovery control from option 43 too, in their class;
# - every phone also gets a vendor-neutral provisioning URL in option 125,
#   where several vendors can coexist at one scope.

terraform {
  required_providers {
    kea = { source = "keaform/kea" }
  }
}

resource "kea_vendor_option_space" "polycom" {
  name          = "polycom"
  enterprise_id = 13885
}

resource "kea_vendor_option_space" "pxe" {
  name = "pxe"
}

resource "kea_option_definition" "polycom_server" {
  name         = "provisioning-server"
  code         = 1
  type         = "string"
  vendor_space = kea_vendor_option_space.polycom.id
}

resource "kea_option_definition" "pxe_discovery" {
  name         = "discovery-control"
  code         = 6
  type         = "uint8"
  vendor_space = kea_vendor_option_space.pxe.id
}

resource "kea_option_data" "polycom_43" {
  name         = "polycom-server-43"
  option       = kea_option_definition.polycom_server.name
  vendor_space = kea_vendor_option_space.polycom.id
  delivery     = "option43"
  data         = "https://192.0.2.5/polycom/"
}

resource "kea_option_data" "polycom_125" {
  name         = "polycom-server-125"
  option       = kea_option_definition.polycom_server.name
  vendor_space = kea_vendor_option_space.polycom.id
  delivery     = "vivso"
  data         = "https://192.0.2.5/polycom/"
}

resource "kea_option_data" "pxe_discovery" {
  name         = "pxe-discovery"
  option       = kea_option_definition.pxe_discovery.name
  vendor_space = kea_vendor_option_space.pxe.id
  delivery     = "option43"
  data         = "8" # boot from the boot file name, skip the PXE menu
}

resource "kea_client_class" "polycom" {
  name        = "polycom"
  test        = "substring(option[60].hex,0,7) == 'Polycom'"
  option_data = [kea_option_data.polycom_43.id]
}

resource "kea_client_class" "pxe" {
  name           = "pxe"
  test           = "substring(option[60].hex,0,9) == 'PXEClient'"
  boot_file_name = "undionly.kpxe"
  next_server    = "192.0.2.5"
  option_data    = [kea_option_data.pxe_discovery.id]
}

resource "kea_dhcp_server" "main" {
  name           = "dhcp-1"
  client_classes = [kea_client_class.polycom.id, kea_client_class.pxe.id]
}

resource "kea_subnet" "voice" {
  server      = kea_dhcp_server.main.id
  subnet_id   = 20
  prefix      = "192.0.2.0/24"
  option_data = [kea_option_data.polycom_125.id]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_subnet.voice, kea_vendor_option_space.polycom, kea_vendor_option_space.pxe,
    kea_option_definition.polycom_server, kea_option_definition.pxe_discovery,
    kea_option_data.polycom_43, kea_option_data.polycom_125, kea_option_data.pxe_discovery,
    kea_client_class.polycom, kea_client_class.pxe,
  ]).config
}
