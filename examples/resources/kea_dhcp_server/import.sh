# By name: restores the name; the next plan fills in the other attributes
# from the configuration (no change to the rendered documents).
terraform import kea_dhcp_server.main dhcp-1

# By a JSON object of the attributes: restores everything, so the next plan is empty.
terraform import kea_dhcp_server.main '{"name":"dhcp-1","interfaces":["eth1"]}'
