# <server>/<subnet_id>/<identifier-type>=<identifier>
terraform import kea_reservation.printer 'dhcp-1/10/hw-address=00:17:c8:12:34:56'
