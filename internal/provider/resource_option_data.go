package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var optionDataKind = &objectKind{
	kind:    kea.KindNamed(kea.KindOptionData),
	version: 0,
	description: "One DHCP option value, named so that servers, subnets, pools, classes and reservations can send it. " +
		"The value is checked against the option's definition: the built-in standard DHCPv4 catalogue (Kea 3.0's) or a " +
		"`kea_option_definition`.",
	idDesc: "The option data's `name`.",
	attrs: []attrSpec{
		field("name", tString, "Unique name of this option value (not the Kea option name), e.g. `office-dns`.").req().identity(),
		field("option", tString, "Kea option name, e.g. `domain-name-servers`. Set this, `code`, or both (they must agree)."),
		field("code", tInt, "Option code, e.g. `6`.").between(1, kea.MaxOption6),
		field("space", tString, "Option space. Defaults to the document's: `dhcp4`, or `dhcp6` in a DHCPv6 server's document."),
		field("data", tString, "The value as Kea reads it: comma-separated for arrays and records; hex bytes when `csv_format` is false. Set this or `values`."),
		field("values", tStrings, "The value as a list, one element per array item or record field, e.g. `[cidrhost(var.lan, 1)]`. Joined with `, ` into `data`; commas inside an element are escaped. Address-typed values may be written as address/length, as IPAM resources hand them out (`netbox_ip_address.gw.address`): the length is dropped."),
		field("csv_format", tBool, "`false` to give `data` as raw hex bytes. Defaults to `true`."),
		field("always_send", tBool, "Send the option even when the client does not ask for it."),
		field("never_send", tBool, "Never send the option, even when asked (useful to mask an inherited option)."),
		field("delivery", tString, "`standard` (default); `option43`: a sub-option of `vendor_space` carried in option 43, whose container and definition the renderer adds (in a client class, a class-level definition of option 43; elsewhere one global definition, so one vendor per document outside classes); `vivso`: carried in option 125 under the vendor space's enterprise number, any number of vendors per scope.").in(kea.Deliveries...),
		field("vendor_space", tString, "Id of the `kea_vendor_option_space` of a vendor sub-option (with delivery `option43` or `vivso`); `option` and `code` then name a definition in that space."),
		field("client_classes", tStrings, "Class tagging (`client-classes`): ids of `kea_client_class` objects; the option is sent only to clients in one of them. Unset sends it to every client the scope serves."),
		userContextAttr(),
	},
}
