# The space name.
terraform import kea_vendor_option_space.cisco cisco
