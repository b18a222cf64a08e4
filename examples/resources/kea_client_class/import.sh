# The class name.
terraform import kea_client_class.pxe pxe
