# Adopting an existing kea-dhcp4.conf. The document is read into the
# provider's objects; the reservations, which change most, become
# resources and are imported; everything else stays data.
locals {
  existing = provider::kea::parse_config(file("${path.module}/kea-dhcp4.conf"), "office-dhcp")
  objects  = local.existing.objects
}

# Every attribute of the parsed objects is set, so that nothing is lost;
# the check below proves it.
resource "kea_reservation" "host" {
  for_each = { for r in local.objects.reservations : r.id => r }

  subnet            = each.value.subnet
  hw_address        = each.value.hw_address
  duid              = each.value.duid
  client_id         = each.value.client_id
  circuit_id        = each.value.circuit_id
  flex_id           = each.value.flex_id
  ip_address        = each.value.ip_address
  ip_addresses      = each.value.ip_addresses
  prefixes          = each.value.prefixes
  excluded_prefixes = each.value.excluded_prefixes
  hostname          = each.value.hostname
  client_classes    = each.value.client_classes
  option_data       = each.value.option_data
  next_server       = each.value.next_server
  server_hostname   = each.value.server_hostname
  boot_file_name    = each.value.boot_file_name
  ddns_policy       = each.value.ddns_policy
  user_context      = each.value.user_context
  extra_json        = each.value.extra_json
}

# Adopt them into state: the plan shows imports, not creations. An id that
# is the object's JSON restores every attribute.
import {
  for_each = { for r in local.objects.reservations : r.id => r }
  to       = kea_reservation.host[each.key]
  id       = jsonencode(each.value)
}

locals {
  # The document from the resources and the rest of the parsed objects.
  rendered = provider::kea::config(local.existing.server, merge(local.objects, {
    reservations = values(kea_reservation.host)
  }))
}

check "nothing_lost" {
  assert {
    condition     = local.rendered.config == provider::kea::config(local.existing.server, local.objects).config
    error_message = "The resources render a different document than the parsed objects: an attribute is not passed on."
  }
}

output "kea_dhcp4_conf" {
  value = local.rendered.config
}

# The keys the provider keeps only in extra_json.
output "carried" {
  value = [for c in local.existing.carried : c.path]
}
