# The relationship's name.
terraform import kea_ha_relationship.lb dc-1
