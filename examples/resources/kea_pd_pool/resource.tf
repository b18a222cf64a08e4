resource "kea_dhcp_server" "v6" {
  name   = "dhcp6-1"
  family = 6
}

resource "kea_subnet" "access" {
  server    = kea_dhcp_server.v6.id
  subnet_id = 1
  prefix    = "2001:db8:1::/64"
}

# Each requesting router gets a /56 out of the /48.
resource "kea_pd_pool" "cpe" {
  subnet           = kea_subnet.access.id
  prefix           = "2001:db8:8000::/48"
  delegated_length = 56
}

output "kea_dhcp6_conf" {
  value = provider::kea::config(kea_dhcp_server.v6, [
    kea_subnet.access, kea_pd_pool.cpe,
  ]).config
}
