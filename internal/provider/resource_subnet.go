package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var subnetKind = &objectKind{
	kind:    kea.KindNamed(kea.KindSubnet),
	version: 0,
	description: "An IPv4 or IPv6 subnet served by a `kea_dhcp_server` (a `subnet4` or `subnet6` entry, by the server's `family`). Kea identifies subnets by the explicit " +
		"`subnet_id`, which must stay stable: leases are stored against it.",
	idDesc: "`<server>/<subnet_id>`, e.g. `office-dhcp/10`.",
	attrs: concat([]attrSpec{
		field("server", tString, "Id of the `kea_dhcp_server` serving this subnet, or of a `kea_ha_relationship`: its members all serve it.").req().identity(),
		field("subnet_id", tInt, "Kea subnet id, 1 to 4294967294, unique per server.").req().identity().between(1, kea.MaxSubnetID),
		field("prefix", tPrefix, "The subnet, e.g. `192.0.2.0/24` or `2001:db8:1::/64`; host bits must be zero. Its family must be the server's.").req(),
	}, lifetimeAttrs("subnet", true), timerAttrs(), preferredAttrs("subnet"), v6LinkAttrs("subnet"), []attrSpec{
		optionDataAttr("subnet"),
	}, classAttrs("subnet"), []attrSpec{
		field("reservations_global", tBool, "Override of the server's `reservations_global`; unset inherits. When effective, this subnet's reservations render in the global list, without `ip-address`."),
		field("reservations_in_subnet", tBool, "Override of the server's `reservations_in_subnet`; unset inherits."),
		field("reservations_out_of_pool", tBool, "Override of the server's `reservations_out_of_pool`; unset inherits."),
		field("reservations_only", tBool, "Serve reserved addresses only: no pools are rendered, and attaching a `kea_pool` is an error."),
		field("shared_network", tString, "Id of the `kea_shared_network` the subnet belongs to (same server). Its settings apply where the subnet sets none."),
		field("interface", tString, "Interface of the subnet's link, for directly connected clients (`interface`)."),
		field("vrf", tString, "Label of the VRF the prefix lives in. Not rendered: `kea_relay_targets` uses it to tell apart equal prefixes in different VRFs."),
		field("relay_addresses", tIPs, "Addresses of the relays (giaddr) whose traffic selects this subnet (`relay.ip-addresses`)."),
		ddnsPolicyAttr("subnet"),
		userContextAttr(),
		extraJSONAttr(),
	}),
}
