resource "kea_dhcp_server" "main" {
  name = "dhcp-1"
}

resource "kea_subnet" "lan" {
  server    = kea_dhcp_server.main.id
  subnet_id = 10
  prefix    = "192.0.2.0/24"
}

resource "kea_reservation" "printer" {
  subnet     = kea_subnet.lan.id
  hw_address = "00:17:c8:12:34:56"
  ip_address = "192.0.2.10"
  hostname   = "printer-2nd-floor"
}

# A PXE client identified by its client identifier (option 61).
resource "kea_reservation" "pxe" {
  subnet         = kea_subnet.lan.id
  client_id      = "01:00:17:c8:12:34:57"
  ip_address     = "192.0.2.11"
  next_server    = "192.0.2.5"
  boot_file_name = "pxelinux.0"
}

# A switch port, identified by the relay's circuit id.
resource "kea_reservation" "port" {
  subnet     = kea_subnet.lan.id
  circuit_id = "'ge-0/0/7'"
  ip_address = "192.0.2.12"
}

# Reservations kept in a CSV file can be fed to the renderer as plain objects.
locals {
  csv_reservations = [
    { subnet = "dhcp-1/10", hw_address = "00:17:c8:00:00:01", ip_address = "192.0.2.21", hostname = "cam-1" },
    { subnet = "dhcp-1/10", hw_address = "00:17:c8:00:00:02", ip_address = "192.0.2.22", hostname = "" },
  ]
}

output "kea_dhcp4_conf" {
  # Resources in the one list; the CSV rows, plain objects, in their kind's list.
  value = provider::kea::config(kea_dhcp_server.main, {
    objects      = [kea_subnet.lan, kea_reservation.printer, kea_reservation.pxe, kea_reservation.port]
    reservations = local.csv_reservations
  }).config
}
