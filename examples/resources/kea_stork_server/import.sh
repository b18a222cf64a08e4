# By id (the server's name): restores the name; the next plan fills in the
# others from the configuration, as an update in place.
terraform import kea_stork_server.main stork

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_stork_server.main '{"name":"stork","endpoint":"stork.example.net","database_host":"127.0.0.1"}'
