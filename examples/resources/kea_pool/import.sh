# <server>/<subnet_id>/<first>-<last>
terraform import kea_pool.guests dhcp-1/10/192.0.2.200-192.0.2.239
