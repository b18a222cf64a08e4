# By id (the daemon's name): restores the name; the next plan fills in the
# others from the configuration, as an update in place.
terraform import kea_d2_daemon.office d2-office

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_d2_daemon.office '{"name":"d2-office","dns_server_timeout":1000}'
