# Read an existing kea-dhcp4.conf (here inline; usually
# file("kea-dhcp4.conf")) into the provider's objects, and render it again.
locals {
  existing = provider::kea::parse_config(<<-EOT
    // kea-dhcp4.conf, kept by hand until now
    {
      "Dhcp4": {
        "interfaces-config": { "interfaces": [ "eth1" ] },
        "valid-lifetime": 4000,
        "store-extended-info": true,
        "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.2, 192.0.2.3" } ],
        "subnet4": [
          {
            "id": 1,
            "subnet": "192.0.2.0/24",
            "pools": [ { "pool": "192.0.2.100 - 192.0.2.199" } ],
            "option-data": [ { "name": "routers", "data": "192.0.2.1" } ],
            "reservations": [ { "hw-address": "aa:bb:cc:dd:ee:01", "ip-address": "192.0.2.10", "hostname": "printer" } ]
          }
        ]
      }
    }
  EOT
  , "dhcp-1")

  # The objects are what provider::kea::config takes: render them again.
  rendered = provider::kea::config(local.existing.server, local.existing.objects)
}

output "kea_dhcp4_conf" {
  value = local.rendered.config
}

# Keys the provider does not model stay in the objects' extra_json; this
# lists them, so nothing is lost unnoticed.
output "carried" {
  value = [for c in local.existing.carried : c.path]
}
