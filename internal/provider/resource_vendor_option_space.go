package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var vendorOptionSpaceKind = &objectKind{
	kind:    kea.KindNamed(kea.KindVendorSpace),
	version: 0,
	description: "A vendor's option space: sub-options a vendor's devices read from option 43 " +
		"(`vendor-encapsulated-options`) or option 125 (`vivso-suboptions`, which names the vendor by its IANA enterprise number). " +
		"Define the sub-options with `kea_option_definition.vendor_space` and send them with `kea_option_data.delivery`.",
	idDesc: "The space's name.",
	attrs: []attrSpec{
		field("name", tString, "Unique name; rendered as the option 43 sub-options' space.").req().identity(),
		field("enterprise_id", tInt, "IANA private enterprise number (e.g. `9` for Cisco); required for option 125 delivery, whose sub-options Kea keeps in space `vendor-<enterprise_id>`.").between(1, kea.MaxUint32),
	},
}
