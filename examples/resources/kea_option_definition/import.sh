# By id (<space>/<code>, or vendor:<vendor_space>/<code> for a vendor sub-option): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_option_definition.provisioning_url dhcp4/224

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_option_definition.provisioning_url '{"name":"provisioning-url","code":224,"type":"string"}'
