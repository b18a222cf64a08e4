# By id (<server>/<subnet_id>/<prefix>): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_pd_pool.cpe 'dhcp6-1/1/2001:db8:8000::/48'

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_pd_pool.cpe '{"subnet":"dhcp6-1/1","prefix":"2001:db8:8000::/48","delegated_length":56}'
