# By id (<server>/<subnet_id>/<first>-<last>): restores the attributes the id
# names; the next plan fills in the others from the configuration, as an
# update in place. A pool written with range (or as a prefix) imports under
# the same id without being replaced.
terraform import kea_pool.guests dhcp-1/10/192.0.2.200-192.0.2.239

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_pool.guests '{"subnet":"dhcp-1/10","range":"192.0.2.200 - 192.0.2.239"}'
