# Relay targets from plain objects, e.g. an inventory kept as data.
locals {
  servers = [
    { name = "dhcp-red", address = "192.0.2.20" },
    { name = "dhcp-blue", address = "192.0.2.30" },
  ]
  subnets = [
    { server = "dhcp-red", subnet_id = 1, prefix = "10.20.0.0/24", vrf = "RED" },
    { server = "dhcp-blue", subnet_id = 1, prefix = "10.20.0.0/24", vrf = "BLUE" },
  ]
  red = provider::kea::relay_targets("10.20.0.0/24", {
    servers   = local.servers
    subnets   = local.subnets
    vrf       = "RED"
    interface = "irb.20"
  })
}

output "junos" {
  value = local.red.junos
}
