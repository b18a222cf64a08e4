# By id (<server>/<subnet_id>/<identifier-type>=<identifier>): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_reservation.printer 'dhcp-1/10/hw-address=00:17:c8:12:34:56'

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_reservation.printer '{"subnet":"dhcp-1/10","hw_address":"00:17:c8:12:34:56","ip_address":"192.0.2.20"}'
