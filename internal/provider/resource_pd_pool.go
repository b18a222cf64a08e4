package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var pdPoolKind = &objectKind{
	kind:        kea.KindNamed(kea.KindPDPool),
	version:     0,
	description: "A DHCPv6 prefix delegation pool (`pd-pools` entry): prefixes of `delegated_length` carved from `prefix` and delegated to requesting routers. It must not overlap the subnet's address pools or other pd pools.",
	idDesc:      "`<server>/<subnet_id>/<prefix>`, e.g. `dhcp6-1/1/2001:db8:8000::/48`.",
	attrs: concat([]attrSpec{
		field("subnet", tString, "Id of the DHCPv6 `kea_subnet` the pool belongs to.").req().identity(),
		field("prefix", tPrefix6, "The pool, e.g. `2001:db8:8000::/48` (host bits zero).").req().identity(),
		field("delegated_length", tInt, "Length of each delegated prefix, from the pool's prefix length to 128.").req().between(1, 128),
		field("excluded_prefix", tPrefix6, "RFC 6603 excluded prefix, inside `prefix` and longer than `delegated_length`."),
	}, classAttrs("pd pool"), []attrSpec{
		optionDataAttr("pd pool"),
		userContextAttr(),
		extraJSONAttr(),
	}),
}
