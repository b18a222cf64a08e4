resource "kea_ha_relationship" "lb" {
  name                  = "dc-1"
  mode                  = "load-balancing"
  delayed_updates_limit = 100

  # Without the dedicated listener, partners talk to each member's HTTP
  # control socket on the peer URL, with these credentials.
  multi_threading          = { http_dedicated_listener = false }
  basic_auth_user          = "ha-peer"
  basic_auth_password_file = "/etc/kea/secrets/ha-peer.pw"
}

resource "kea_dhcp_server" "dc1" {
  for_each = { "dhcp-1" = "198.18.0.1", "dhcp-2" = "198.18.0.2" }
  name     = each.key
  control_sockets = [
    { type = "unix", socket_name = "kea4-ctrl-socket" },
    {
      type           = "http"
      address        = each.value
      port           = 8004
      authentication = { clients = [{ user = "ha-peer", password_file = "/etc/kea/secrets/ha-peer.pw" }] }
    },
  ]
  ha = {
    relationship = kea_ha_relationship.lb.id
    role         = each.key == "dhcp-1" ? "primary" : "secondary"
    address      = each.value
    port         = 8004
  }
}

# Both members' kea-dhcp4.conf from one call, by server name: a fault
# both documents share is reported once.
output "configs" {
  value = provider::kea::config(kea_dhcp_server.dc1, [kea_dhcp_server.dc1, kea_ha_relationship.lb]).configs
}
