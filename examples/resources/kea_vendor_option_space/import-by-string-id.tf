import {
  to = kea_vendor_option_space.cisco
  id = "cisco"
}
