# By id (the key's name): restores the name; the next plan fills in the
# others from the configuration, as an update in place. A configuration
# without secret or secret_file then generates a new secret: give the key's
# existing secret (from a sensitive variable) to keep it.
terraform import kea_tsig_key.reverse reverse-key.

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty. Prefer secret_file here:
# an import id with a secret ends up in shell history.
terraform import kea_tsig_key.reverse '{"name":"reverse-key.","algorithm":"HMAC-SHA512","digest_bits":256,"secret_file":"/etc/kea/secrets/ddns.tsig"}'
