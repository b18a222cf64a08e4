# Client classes for a campus: classify by vendor class, relay and
# reservation, refine with member(), and spawn a class per switch.

terraform {
  required_providers {
    kea = { source = "keaform/kea" }
  }
}

# A test is a boolean expression in Kea's language.
resource "kea_client_class" "pxe" {
  name           = "pxe"
  test           = "substring(option[vendor-class-identifier].text,0,9) == 'PXEClient'"
  next_server    = "192.0.2.5"
  boot_file_name = "undionly.kpxe"
}

# member() may only name classes defined before: the provider orders the
# classes so that pxe comes first, and rejects cycles.
resource "kea_client_class" "pxe_uefi" {
  name           = "pxe-uefi"
  test           = "member('pxe') and option[93].hex == 0x0007"
  boot_file_name = "ipxe.efi"
}

# Clients relayed by the lab router (giaddr) and not reserved.
resource "kea_client_class" "lab_guests" {
  name           = "lab-guests"
  test           = "pkt4.giaddr == 192.0.2.1 and not member('KNOWN')"
  valid_lifetime = 1800
}

# A template test computes a string: Kea spawns one class per value,
# here one per switch (option 82, sub-option 1 is the circuit id).
resource "kea_client_class" "per_switch" {
  name          = "switch"
  template_test = "substring(relay4[1].hex,0,4)"
}

# Evaluated only when a pool or subnet asks for it.
resource "kea_client_class" "late" {
  name                    = "late-boot"
  test                    = "option[77].exists"
  only_in_additional_list = true
  boot_file_name          = "menu.ipxe"
}

resource "kea_dhcp_server" "main" {
  name           = "dhcp-1"
  client_classes = [kea_client_class.pxe_uefi.id, kea_client_class.per_switch.id]
}

resource "kea_subnet" "lab" {
  server             = kea_dhcp_server.main.id
  subnet_id          = 10
  prefix             = "192.0.2.0/24"
  additional_classes = [kea_client_class.late.id]
}

resource "kea_pool" "guests" {
  subnet         = kea_subnet.lab.id
  range          = "192.0.2.100 - 192.0.2.199"
  client_classes = [kea_client_class.lab_guests.id]
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_subnet.lab, kea_pool.guests, kea_client_class.pxe, kea_client_class.pxe_uefi,
    kea_client_class.lab_guests, kea_client_class.per_switch, kea_client_class.late,
  ]).config
}
