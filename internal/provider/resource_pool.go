package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var poolKind = &objectKind{
	kind:        kea.KindNamed(kea.KindPool),
	version:     0,
	description: "A dynamic address pool in a `kea_subnet`. Pools of one subnet must not overlap.",
	idDesc:      "`<server>/<subnet_id>/<first>-<last>`, e.g. `office-dhcp/10/192.0.2.100-192.0.2.199`.",
	attrs: concat([]attrSpec{
		field("subnet", tString, "Id of the `kea_subnet` the pool belongs to.").req().identity(),
		field("range", tString, "The pool as `\"first - last\"`, `\"first-last\"` or a prefix such as `192.0.2.64/26`. Set this or `start` and `end`.").identity(),
		field("start", tIPv4, "First address of the pool (with `end`).").identity(),
		field("end", tIPv4, "Last address of the pool (with `start`).").identity(),
	}, classAttrs("pool"), []attrSpec{
		optionDataAttr("pool"),
		ddnsPolicyAttr("pool"),
		userContextAttr(),
		extraJSONAttr(),
	}),
}
