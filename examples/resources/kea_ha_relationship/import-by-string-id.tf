import {
  to = kea_ha_relationship.lb
  id = "dc-1"
}
