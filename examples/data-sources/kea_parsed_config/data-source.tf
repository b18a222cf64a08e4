provider "kea" {
  enable_ddns = true # kea_tsig_key is a DDNS object
}

# Adopt an existing kea-dhcp-ddns.conf. Its TSIG secrets come back in the
# sensitive map `secrets`; the objects only name them (secret_name).
data "kea_parsed_config" "d2" {
  document = file("${path.module}/kea-dhcp-ddns.conf")
}

locals {
  d2 = data.kea_parsed_config.d2
}

resource "kea_tsig_key" "adopted" {
  for_each    = { for k in local.d2.objects.tsig_keys : k.id => k }
  name        = each.value.name
  algorithm   = each.value.algorithm
  digest_bits = each.value.digest_bits
  secret_file = each.value.secret_file
  secret_name = each.value.secret_name
}

# The same document again, rendered from the adopted keys and the parsed
# daemon and domains; the secret makes it sensitive.
output "kea_dhcp_ddns_conf" {
  value = provider::kea::config(local.d2.d2_daemon, merge(local.d2.objects, {
    tsig_keys = values(kea_tsig_key.adopted)
    secrets   = local.d2.secrets
  })).config
  sensitive = true
}

output "secret_names" {
  value = local.d2.secret_names # names only: safe to show
}
