import {
  to = kea_pd_pool.cpe
  id = "dhcp6-1/1/2001:db8:8000::/48"
}
