# By id (the policy's name): restores the name; the next plan fills in the
# others from the configuration, as an update in place.
terraform import kea_ddns_policy.lab lab

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_ddns_policy.lab '{"name":"lab","qualifying_suffix":"lab.office.example.","update_on_renew":true}'
