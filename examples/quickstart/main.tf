# A small office: one kea-dhcp4 server, a staff LAN and a voice VLAN,
# a dozen reservations, the usual options, one custom option for the
# phones and a client class that keeps printers in their own pool.

terraform {
  required_version = ">= 1.8"
  required_providers {
    kea = {
      source = "keaform/kea"
    }
  }
}

resource "kea_dhcp_server" "office" {
  name                     = "office-dhcp"
  interfaces               = ["*"]
  renew_timer              = 900
  rebind_timer             = 1800
  decline_probation_period = 3600

  lease_database = {
    type         = "memfile"
    name         = "kea-leases4.csv"
    lfc_interval = 3600
  }
  control_sockets = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  hooks_libraries = [{ library = "libdhcp_lease_cmds.so" }]

  option_data = [
    kea_option_data.dns.id,
    kea_option_data.domain.id,
    kea_option_data.ntp.id,
  ]
}

# Options sent to everyone.
resource "kea_option_data" "dns" {
  name   = "office-dns"
  option = "domain-name-servers"
  values = ["192.0.2.53", "192.0.2.54"]
}

resource "kea_option_data" "domain" {
  name   = "office-domain"
  option = "domain-name"
  data   = "office.example.com"
}

resource "kea_option_data" "ntp" {
  name   = "office-ntp"
  option = "ntp-servers"
  values = ["192.0.2.123"]
}

# Subnets and their gateways.
locals {
  subnets = {
    staff = { id = 10, prefix = "192.0.2.0/25" }
    voice = { id = 20, prefix = "198.51.100.0/24" }
  }
}

resource "kea_option_data" "router" {
  for_each = local.subnets
  name     = "${each.key}-router"
  option   = "routers"
  values   = [cidrhost(each.value.prefix, 1)]
}

resource "kea_subnet" "this" {
  for_each    = local.subnets
  server      = kea_dhcp_server.office.id
  subnet_id   = each.value.id
  prefix      = each.value.prefix
  option_data = [kea_option_data.router[each.key].id]
}

resource "kea_pool" "staff" {
  subnet = kea_subnet.this["staff"].id
  start  = "192.0.2.64"
  end    = "192.0.2.126"
}

# Printers (recognised by their vendor class) get addresses from their own pool.
resource "kea_client_class" "printers" {
  name = "printers"
  test = "substring(option[60].hex,0,8) == 'HP-Print'"
}

resource "kea_pool" "printers" {
  subnet         = kea_subnet.this["staff"].id
  range          = "192.0.2.40 - 192.0.2.59"
  client_classes = [kea_client_class.printers.id]
}

# The phones fetch their configuration from a URL in a site-specific option.
resource "kea_option_definition" "phone_config" {
  name = "phone-config-url"
  code = 224
  type = "string"
}

resource "kea_option_data" "phone_config" {
  name   = "phone-config"
  option = kea_option_definition.phone_config.name
  data   = "http://198.51.100.5/phones.cfg"
}

resource "kea_pool" "voice" {
  subnet      = kea_subnet.this["voice"].id
  range       = "198.51.100.100 - 198.51.100.199"
  option_data = [kea_option_data.phone_config.id]
}

# A dozen reservations, kept as data.
locals {
  reservations = {
    "printer-1" = { subnet = "staff", mac = "00:17:c8:00:00:01", ip = "192.0.2.10" }
    "printer-2" = { subnet = "staff", mac = "00:17:c8:00:00:02", ip = "192.0.2.11" }
    "nas"       = { subnet = "staff", mac = "00:11:32:00:00:03", ip = "192.0.2.12" }
    "ap-1"      = { subnet = "staff", mac = "18:e8:29:00:00:04", ip = "192.0.2.13" }
    "ap-2"      = { subnet = "staff", mac = "18:e8:29:00:00:05", ip = "192.0.2.14" }
    "camera-1"  = { subnet = "staff", mac = "bc:ad:28:00:00:06", ip = "192.0.2.15" }
    "phone-101" = { subnet = "voice", mac = "00:04:f2:00:01:01", ip = "198.51.100.11" }
    "phone-102" = { subnet = "voice", mac = "00:04:f2:00:01:02", ip = "198.51.100.12" }
    "phone-103" = { subnet = "voice", mac = "00:04:f2:00:01:03", ip = "198.51.100.13" }
    "phone-104" = { subnet = "voice", mac = "00:04:f2:00:01:04", ip = "198.51.100.14" }
    "phone-105" = { subnet = "voice", mac = "00:04:f2:00:01:05", ip = "198.51.100.15" }
    "doorbell"  = { subnet = "voice", mac = "00:04:f2:00:01:06", ip = "198.51.100.16" }
  }
}

resource "kea_reservation" "host" {
  for_each   = local.reservations
  subnet     = kea_subnet.this[each.value.subnet].id
  hw_address = each.value.mac
  ip_address = each.value.ip
  hostname   = each.key
}

# Render kea-dhcp4.conf during plan. The server names its subnets' and
# options' ids; the function needs the objects themselves, each resource
# once, of any kind and in any order (a for_each resource whole).
locals {
  office = provider::kea::config(kea_dhcp_server.office, [
    kea_subnet.this, kea_pool.staff, kea_pool.printers, kea_pool.voice, kea_reservation.host,
    kea_option_data.dns, kea_option_data.domain, kea_option_data.ntp, kea_option_data.router,
    kea_option_definition.phone_config, kea_option_data.phone_config, kea_client_class.printers,
  ])
}

output "kea_dhcp4_conf" {
  description = "The rendered kea-dhcp4.conf. `make demo` writes it to out/kea-dhcp4.conf."
  value       = local.office.config
}

output "kea_dhcp4_sha256" {
  description = "SHA-256 of kea-dhcp4.conf, for reload triggers."
  value       = local.office.sha256
}
