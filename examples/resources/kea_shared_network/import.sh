# <server>/<name>
terraform import kea_shared_network.building_a dhcp-1/building-a
