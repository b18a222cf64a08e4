resource "kea_dhcp_server" "main" {
  name = "dhcp-1"
}

resource "kea_subnet" "lan" {
  server    = kea_dhcp_server.main.id
  subnet_id = 10
  prefix    = "192.0.2.0/24"
}

# A range written as "first - last" ...
resource "kea_pool" "dynamic" {
  subnet = kea_subnet.lan.id
  range  = "192.0.2.100 - 192.0.2.199"
}

# ... as start and end ...
resource "kea_pool" "guests" {
  subnet         = kea_subnet.lan.id
  start          = "192.0.2.200"
  end            = "192.0.2.239"
  client_classes = [kea_client_class.guests.id]
}

# ... or as a prefix.
resource "kea_pool" "lab" {
  subnet = kea_subnet.lan.id
  range  = "192.0.2.64/27"
}

resource "kea_client_class" "guests" {
  name = "guests"
  test = "not member('KNOWN')"
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.main, [
    kea_subnet.lan, kea_pool.dynamic, kea_pool.guests, kea_pool.lab, kea_client_class.guests,
  ]).config
}
