# By id (the group's name): restores the name; the next plan fills in the
# others from the configuration, as an update in place.
terraform import kea_stork_agent_group.dhcp dhcp

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_stork_agent_group.dhcp '{"name":"dhcp","stork_server":"stork","agent_port":8081}'
