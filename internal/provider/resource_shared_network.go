package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var sharedNetworkKind = &objectKind{
	kind:    kea.KindNamed(kea.KindSharedNetwork),
	version: 0,
	description: "A shared network: several subnets on one link (one interface or one relay), which Kea treats as one " +
		"address space for the clients there. Subnets join with `kea_subnet.shared_network`; the network's settings sit " +
		"between the server's and the subnets' (a subnet's own value wins).",
	idDesc: "`<server>/<name>`, e.g. `campus/building-a`.",
	attrs: concat([]attrSpec{
		field("server", tString, "Id of the `kea_dhcp_server` (or `kea_ha_relationship`) serving the network.").req().identity(),
		field("name", tString, "Name, unique in the server's document; spaces are allowed, `/` is not.").req().identity(),
		field("interface", tString, "Interface of the link, for directly connected clients. Subnets that set their own `interface` must name the same one."),
		field("relay_addresses", tIPs, "Relay addresses (giaddr) that select the network (`relay.ip-addresses`)."),
	}, lifetimeAttrs("shared network", true), timerAttrs(), preferredAttrs("shared network"), v6LinkAttrs("shared network"), []attrSpec{
		optionDataAttr("shared network"),
	}, classAttrs("shared network"), []attrSpec{
		field("reservations_global", tBool, "Override of the server's `reservations_global` for the network's subnets; unset inherits."),
		field("reservations_in_subnet", tBool, "Override of the server's `reservations_in_subnet`; unset inherits."),
		field("reservations_out_of_pool", tBool, "Override of the server's `reservations_out_of_pool`; unset inherits."),
		ddnsPolicyAttr("shared network"),
		userContextAttr(),
		extraJSONAttr(),
	}),
}
