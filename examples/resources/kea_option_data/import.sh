# The option data's name.
terraform import kea_option_data.dns dns
