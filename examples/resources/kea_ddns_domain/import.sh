# By id (<d2_daemon>/<zone>): restores the daemon and zone; the next plan
# fills in the others from the configuration, as an update in place.
terraform import kea_ddns_domain.reverse d2-office/2.0.192.in-addr.arpa.

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_ddns_domain.reverse '{"d2_daemon":"d2-office","zone":"2.0.192.in-addr.arpa.","tsig_key":"office-key.","dns_servers":[{"address":"192.0.2.53"}]}'
