# By id (the class name): restores the attributes the id names;
# the next plan fills in the others from the configuration, as an update in
# place.
terraform import kea_client_class.pxe pxe

# By a JSON object of the attributes (jsonencode of the configured object):
# restores everything, so the next plan is empty.
terraform import kea_client_class.pxe '{"name":"pxe","test":"option[93].hex == 0x0007","boot_file_name":"ipxe.efi"}'
