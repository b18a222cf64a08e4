import {
  to = kea_option_definition.provisioning_url
  id = "dhcp4/224"
}
