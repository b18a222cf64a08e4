# By id (<server>/<name>): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_shared_network.building_a dhcp-1/building-a

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_shared_network.building_a '{"server":"dhcp-1","name":"building-a","interface":"eth1"}'
