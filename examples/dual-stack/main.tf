# Dual stack on one host: a kea-dhcp4 and a kea-dhcp6 server, each with
# its own document, sharing the classes and options that fit both.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea = { source = "keaform/kea" }
  }
}

resource "kea_dhcp_server" "v4" {
  name            = "host-1-v4"
  interfaces      = ["eth1"]
  control_sockets = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  lease_database  = { type = "memfile", name = "kea-leases4.csv" }
}

resource "kea_dhcp_server" "v6" {
  name               = "host-1-v6"
  family             = 6
  interfaces         = ["eth1"]
  preferred_lifetime = 3000
  valid_lifetime     = 4000
  max_valid_lifetime = 8000
  control_sockets    = [{ type = "unix", socket_name = "kea6-ctrl-socket" }]
  lease_database     = { type = "memfile", name = "kea-leases6.csv" }
  option_data        = [kea_option_data.dns6.id]
}

resource "kea_subnet" "lan4" {
  server    = kea_dhcp_server.v4.id
  subnet_id = 1
  prefix    = "192.0.2.0/24"
}

resource "kea_subnet" "lan6" {
  server       = kea_dhcp_server.v6.id
  subnet_id    = 1
  prefix       = "2001:db8:1::/64"
  rapid_commit = true
}

resource "kea_pool" "lan4" {
  subnet = kea_subnet.lan4.id
  range  = "192.0.2.100 - 192.0.2.199"
}

resource "kea_pool" "lan6" {
  subnet = kea_subnet.lan6.id
  range  = "2001:db8:1::1000 - 2001:db8:1::1fff"
}

resource "kea_pd_pool" "cpe" {
  subnet           = kea_subnet.lan6.id
  prefix           = "2001:db8:8000::/48"
  delegated_length = 56
}

resource "kea_reservation" "printer" {
  subnet       = kea_subnet.lan6.id
  duid         = "00:01:00:01:2a:3b:4c:5d:00:0c:29:aa:bb:cc"
  ip_addresses = ["2001:db8:1::10"]
  hostname     = "printer"
}

resource "kea_option_data" "dns6" {
  name   = "dns6"
  option = "dns-servers" # resolved in space dhcp6 for a family 6 server
  values = ["2001:db8::53"]
}

locals {
  objects = {
    subnets      = [kea_subnet.lan4, kea_subnet.lan6]
    pools        = [kea_pool.lan4, kea_pool.lan6]
    pd_pools     = [kea_pd_pool.cpe]
    reservations = [kea_reservation.printer]
    option_data  = [kea_option_data.dns6]
  }
}

output "kea_dhcp4_conf" {
  value = provider::kea::config(kea_dhcp_server.v4, local.objects).config
}

output "kea_dhcp6_conf" {
  value = provider::kea::config(kea_dhcp_server.v6, local.objects).config
}
