package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var ddnsDomainKind = &objectKind{
	kind:    kea.KindNamed(kea.KindDDNSDomain),
	version: 0,
	description: "A DNS zone a `kea_d2_daemon` updates. The direction comes from the name: `in-addr.arpa.` and `ip6.arpa.` zones are reverse " +
		"(PTR records), every other zone is forward (A, AAAA and DHCID records).",
	idDesc: "`<d2_daemon>/<zone>`, the zone in lower case with its trailing dot, e.g. `d2-office/office.example.`.",
	attrs: []attrSpec{
		field("d2_daemon", tString, "Id of the `kea_d2_daemon` that updates the zone.").req().identity(),
		field("zone", tString, "Zone name, e.g. `office.example.` or `2.0.192.in-addr.arpa.` (the trailing dot is added). A reverse zone lists the network's octets (or nibbles) in reverse.").req().identity(),
		nestedAttr("dns_servers", tObjects, "The zone's primary servers, tried in order; at least one (D2 aborts on a domain without servers).",
			field("address", tString, "The server's IP address (D2 resolves no names).").req(),
			field("port", tInt, "DNS port (default 53).").between(1, kea.MaxUint16),
			field("tsig_key", tString, "Name of a `kea_tsig_key` used for this server instead of the domain's."),
			userContextAttr(),
		).req(),
		field("tsig_key", tString, "Name of the `kea_tsig_key` updates to the zone are signed with. Unset takes the D2 daemon's `tsig_key`; with neither, updates are unsigned, which DNS servers normally refuse."),
		userContextAttr(),
	},
}
