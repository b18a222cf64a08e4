# By id (the space name): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_vendor_option_space.cisco cisco

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_vendor_option_space.cisco '{"name":"cisco","enterprise_id":9}'
