provider "kea" {
  # Model defaults for servers that leave these unset.
  defaults = {
    valid_lifetime           = 7200
    max_valid_lifetime       = 14400
    reservations_out_of_pool = true
  }

  # Where this Kea build accepts sockets, hooks, lease and log files
  # (Debian/ISC package defaults shown).
  control_socket_dir = "/run/kea"
  hooks_dir          = "/usr/lib/x86_64-linux-gnu/kea/hooks"
  lease_dir          = "/var/lib/kea"
  log_dir            = "/var/log/kea"
}
