# One kea-dhcp4.conf per HA member, written to out/<host>/kea-dhcp4.conf.
# Each host needs Kea's lease_cmds and HA hooks installed (Debian's
# kea-common ships both) and must reach its partner's peer URL.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea   = { source = "keaform/kea" }
    local = { source = "hashicorp/local" }
  }
}

module "pair" {
  source = "./estate"
}

resource "local_file" "kea_dhcp4" {
  for_each        = module.pair.configs
  filename        = "${path.root}/out/${each.key}/kea-dhcp4.conf"
  content         = each.value
  file_permission = "0640"
}
