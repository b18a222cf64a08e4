# enable_stork defaults to true.
resource "kea_stork_server" "main" {
  name          = "stork"
  endpoint      = "stork.example.net" # the name agents reach the server at
  rest_port     = 8080
  database_host = "127.0.0.1"
  database_name = "stork"
  database_user = "stork"
  # STORK_DATABASE_PASSWORD=... lives in this file, loaded by a second
  # EnvironmentFile= in the unit: server.env holds no secret.
  database_password_file = "/etc/stork/db-password.env"
  enable_metrics         = true
  log_level              = "INFO"
}

output "stork_server_env" {
  value = provider::kea::config(kea_stork_server.main, {}).config
}
