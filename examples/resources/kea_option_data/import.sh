# By id (the option data's name): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_option_data.dns dns

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_option_data.dns '{"name":"dns","option":"domain-name-servers","values":["192.0.2.53"]}'
