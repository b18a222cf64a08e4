// Package kea is the domain of the provider: the objects of a Kea estate,
// their rules and the documents rendered from them. It imports nothing from
// Terraform; internal/provider is the glue.
//
// Where things live:
//
//   - estate.go: Estate (every object the renderers may draw from, in the
//     JSON form of the provider's objects argument) and Kinds, the registry
//     of object kinds: each kind's Terraform type, estate list, Go type,
//     import id parser and tied attributes. The provider derives its
//     resources, inputs and decoders from Kinds.
//   - document.go: DocKinds, the registry of document kinds (Dhcp4, Dhcp6,
//     DhcpDdns; later the Stork env files): top-level key or format, file
//     name, golden suffix, checking program, target kind and render
//     function. Render(estate, target) dispatches on the target.
//   - render.go: the DHCP pipeline only: select, validate, attach, render
//     in Kea's order.
//   - One file per object kind, each holding its type, id (ID, Identity,
//     ParseXxxID), validation and rendering: server.go, subnet.go,
//     sharednet.go, pool.go, pdpool.go, reservation.go, clientclass.go,
//     optiondata.go, optiondef.go, vendor.go, ha.go, tsig.go (TSIG keys),
//     d2.go (D2 daemons, DDNS domains, the DhcpDdns document and its zone
//     coverage warnings), ddnspolicy.go (DDNS policies); ddns.go is the DHCP
//     side of DDNS (the dhcp-ddns block, policy scopes, HA precedence);
//     sockets.go holds a daemon's control sockets.
//   - fields.go: field groups several kinds embed (Lifetimes, Timers,
//     V6Lifetimes, V6Link, BootFields, ReservationModes, ScopeRefs, Escape),
//     each with one check and one render helper.
//   - allowed.go: single-attribute allowed values and ranges, shared with
//     the provider's schema validators.
//   - checks.go, addr.go, family.go: checks every kind uses, address
//     parsing, what differs between DHCPv4 and DHCPv6 documents.
//   - diag.go: findings (Diag), located on a kind, id and attribute.
//   - jsonw.go: the ordered JSON writer; catalog_dhcp4.go, catalog_dhcp6.go,
//     optiontypes.go: Kea 3.0's standard option catalogues; relay.go: relay
//     targets for routers; expr/: Kea's expression language.
//   - keys.go and keys_kea.go: the keys Kea 3.0 accepts in each map, which
//     extra_json keys are checked against (generated from Kea's examples).
//   - keatest/: for tests only, real Kea daemons judging documents through
//     config-test.
//
// Adding an object kind: its own file (type, Identity, ParseID, Validate,
// rendering), one line in Kinds and one field in Estate; a kind that is a
// document target also adds one line to DocKinds.
package kea
