resource "kea_dhcp_server" "main" {
  name = "dhcp-1"
}

resource "kea_subnet" "lan" {
  server    = kea_dhcp_server.main.id
  subnet_id = 10
  prefix    = "192.0.2.0/24"
}

# Resources go in one list, of any kinds: [kea_subnet.lan, kea_pool.all].
# Plain objects, such as rows of a CSV file, go in their kind's list
# beside it: pools = csvdecode(file("pools.csv")).
locals {
  pools = [
    { subnet = "dhcp-1/10", range = "192.0.2.100 - 192.0.2.149" },
    { subnet = "dhcp-1/10", range = "192.0.2.150 - 192.0.2.199" },
  ]
  rendered = provider::kea::config(kea_dhcp_server.main, {
    objects = [kea_subnet.lan]
    pools   = local.pools
  })
}

output "kea_dhcp4_conf" {
  value = local.rendered.config
}

output "kea_dhcp4_sha256" {
  value = local.rendered.sha256
}

# Render warnings (for example a global reservation's address that is left
# out) shown in the plan as a warning.
check "kea_dhcp4_warnings" {
  assert {
    condition     = length(local.rendered.warnings) == 0
    error_message = join("\n", local.rendered.warnings)
  }
}
