provider "kea" {
  enable_ddns = true
}

# A secret generated at plan: kept in state (sensitive), the same on every
# plan. Give the same key to the DNS server, e.g. with
#   nonsensitive(kea_tsig_key.office.secret) written by a sensitive local_file.
resource "kea_tsig_key" "office" {
  name      = "office-key."
  algorithm = "HMAC-SHA256"
}

# A secret kept in a file on the D2 host: the rendered kea-dhcp-ddns.conf
# holds only the path, so its diff stays visible in the plan.
resource "kea_tsig_key" "reverse" {
  name        = "reverse-key."
  algorithm   = "HMAC-SHA512"
  digest_bits = 256
  secret_file = "/etc/kea/secrets/ddns.tsig"
}
