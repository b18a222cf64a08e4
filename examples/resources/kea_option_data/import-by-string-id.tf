import {
  to = kea_option_data.dns
  id = "dns"
}
