import {
  to = kea_client_class.pxe
  id = "pxe"
}
