# By id (<server>/<subnet_id>): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_subnet.lan dhcp-1/10

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_subnet.lan '{"server":"dhcp-1","subnet_id":10,"prefix":"192.0.2.0/24"}'
