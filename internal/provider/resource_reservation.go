package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var reservationKind = &objectKind{
	kind:    kea.KindNamed(kea.KindReservation),
	version: 0,
	description: "A host reservation. It identifies the client by exactly one of `hw_address`, `duid`, `client_id`, " +
		"`circuit_id` or `flex_id`. It renders inside its subnet, or in the server's global `reservations` list when " +
		"`reservations_global` is in effect for the subnet (a global reservation carries no address; the provider warns " +
		"when it leaves `ip_address` out).",
	idDesc: "`<server>/<subnet_id>/<identifier-type>=<identifier>`, e.g. `office-dhcp/10/hw-address=aa:bb:cc:00:00:01`. Hex identifiers are lower-case and colon-separated.",
	attrs: concat([]attrSpec{
		field("subnet", tString, "Id of the `kea_subnet` the reservation belongs to.").req().identity(),
		field("hw_address", tMAC, "Client MAC address, e.g. `aa:bb:cc:dd:ee:ff`.").identity(),
		field("duid", tString, "Client DUID as hex bytes, e.g. `00:03:00:01:aa:bb:cc:dd:ee:ff`.").identity(),
		field("client_id", tString, "DHCPv4 client identifier (option 61) as hex bytes.").identity(),
		field("circuit_id", tString, "Relay agent circuit id (option 82 sub-option 1), as hex bytes or as text in single quotes (`'ge-0/0/1'`).").identity(),
		field("flex_id", tString, "Flexible identifier computed by the flex_id hook, as hex bytes or text in single quotes.").identity(),
		field("ip_address", tIPv4, "DHCPv4: the reserved address; must lie in the subnet, and outside its pools while `reservations_out_of_pool` is in effect."),
		field("ip_addresses", tIPv6s, "DHCPv6: reserved addresses (`ip-addresses`), inside the subnet."),
		field("prefixes", tPrefix6s, "DHCPv6: reserved delegated prefixes (`prefixes`)."),
		field("excluded_prefixes", tPrefix6s, "DHCPv6: one excluded prefix per entry of `prefixes`, in the same order (RFC 6603)."),
		field("hostname", tString, "Host name handed to the client (a DNS name)."),
		field("client_classes", tStrings, "Ids of `kea_client_class` objects the client is put in."),
		optionDataAttr("reservation"),
	}, bootAttrs(), []attrSpec{
		refusedDDNSPolicyAttr("reservation"),
		userContextAttr(),
		extraJSONAttr(),
	}),
}
