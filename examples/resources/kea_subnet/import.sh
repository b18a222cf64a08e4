# <server>/<subnet_id>
terraform import kea_subnet.lan dhcp-1/10
