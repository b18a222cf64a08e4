package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var optionDefinitionKind = &objectKind{
	kind:    kea.KindNamed(kea.KindOptionDef),
	version: 0,
	description: "A custom option definition (`option-def`). Standard DHCPv4 options are built in and need none; " +
		"a definition is rendered into a server's document only when option data that uses it is.",
	idDesc: "`<space>/<code>`, e.g. `dhcp4/224`; for a vendor sub-option `vendor:<vendor_space>/<code>`, e.g. `vendor:cisco/150`.",
	attrs: []attrSpec{
		field("name", tString, "Option name, used by `kea_option_data.option`. Must not be a standard option's name in `dhcp4`.").req(),
		field("code", tInt, "Option code: 1 to 254 in `dhcp4` and in spaces of DHCPv4 documents, 1 to 65535 in `dhcp6` and in spaces of DHCPv6 documents. In space `dhcp4` it must not be a standard option's code (224 to 254 are for site-specific options), except 43 (`vendor-encapsulated-options`), which Kea lets a configuration redefine; a document that redefines it cannot also send a vendor's option 43 sub-options outside client classes.").req().identity().between(1, kea.MaxOption6),
		field("type", tString, "Kea option type: `binary`, `boolean`, `empty`, `fqdn`, `int8`, `int16`, `int32`, `uint8`, `uint16`, `uint32`, `ipv4-address`, `ipv6-address`, `ipv6-prefix`, `psid`, `record`, `string` or `tuple`.").req().in(kea.UserOptionTypeNames...),
		field("array", tBool, "The option carries a list of values of `type` (not for `string`, `binary` or `empty`)."),
		field("record_types", tStrings, "Field types of a `record` option, in order.").in(kea.RecordFieldTypeNames...),
		field("encapsulate", tString, "Option space whose options this option carries."),
		field("space", tString, "Option space. Defaults to `dhcp4` (part of the id, so it does not follow the server's family): set `dhcp6` for a DHCPv6 server's own options. Leave it unset for a vendor sub-option: set `vendor_space`.").identity(),
		field("vendor_space", tString, "Id of the `kea_vendor_option_space` this sub-option belongs to. Its space in the document follows the delivery: the vendor space's name for option 43, `vendor-<enterprise_id>` for option 125.").identity(),
		userContextAttr(),
	},
}
