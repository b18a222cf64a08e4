# <space>/<code>
terraform import kea_option_definition.provisioning_url dhcp4/224
