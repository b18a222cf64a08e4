resource "kea_dhcp_server" "main" {
  name = "dhcp-1"
}

resource "kea_subnet" "lan" {
  server    = kea_dhcp_server.main.id
  subnet_id = 10
  prefix    = "192.0.2.0/24"
}

# PXE clients get a boot file and a short lease.
resource "kea_client_class" "pxe" {
  name           = "pxe"
  test           = "substring(option[60].hex,0,9) == 'PXEClient'"
  next_server    = "192.0.2.5"
  boot_file_name = "pxelinux.0"
  valid_lifetime = 600
  option_data    = [kea_option_data.tftp.id]
}

# UEFI PXE clients: a refinement of pxe (member() refers to a class defined before it).
resource "kea_client_class" "pxe_uefi" {
  name           = "pxe-uefi"
  test           = "member('pxe') and option[93].hex == 0x0007"
  boot_file_name = "grubx64.efi"
}

resource "kea_option_data" "tftp" {
  name   = "tftp"
  option = "tftp-server-name"
  data   = "192.0.2.5"
}

resource "kea_pool" "pxe" {
  subnet         = kea_subnet.lan.id
  range          = "192.0.2.200 - 192.0.2.220"
  client_classes = [kea_client_class.pxe.id]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_subnet.lan, kea_pool.pxe, kea_client_class.pxe, kea_client_class.pxe_uefi,
    kea_option_data.tftp,
  ]).config
}
