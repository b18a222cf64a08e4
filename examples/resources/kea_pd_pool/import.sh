# <server>/<subnet_id>/<prefix>
terraform import kea_pd_pool.cpe dhcp6-1/1/2001:db8:8000::/48
