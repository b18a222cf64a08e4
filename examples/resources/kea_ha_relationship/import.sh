# By id (the relationship's name): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_ha_relationship.lb dc-1

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_ha_relationship.lb '{"name":"dc-1","mode":"load-balancing","heartbeat_delay":10000}'
