package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var serverKind = &objectKind{
	kind:    kea.KindNamed(kea.KindServer),
	version: 0,
	description: "A Kea DHCP server: one `kea-dhcp4` daemon, or one `kea-dhcp6` daemon with `family = 6`. Global settings live here; subnets, options and classes " +
		"attach to it by id. Render its configuration with the `kea_config` data source or the `provider::kea::config` function.\n\n" +
		"Unset lifetimes, reservation flags and directories take the provider block's `defaults` and directory settings, " +
		"and the effective values are recorded in state so every renderer sees the same server.",
	idDesc:      "The server's name.",
	targetInput: "server",
	attrs: concat([]attrSpec{
		field("name", tString, "Unique server name; also the id that subnets use to refer to the server.").req().identity(),
		field("family", tInt, "Address family: `4` renders `kea-dhcp4.conf` (`Dhcp4`), `6` renders `kea-dhcp6.conf` (`Dhcp6`). Defaults to `4`. DHCPv4-only attributes (boot fields, `authoritative`, `match_client_id`, `dhcp_socket_type`) are errors on a DHCPv6 server and DHCPv6-only ones on a DHCPv4 server.").ints(kea.Families...),
		field("interfaces", tStrings, "Interfaces to listen on (`interfaces-config.interfaces`), e.g. `[\"eth1\"]` or `[\"eth1/192.0.2.1\"]`. Defaults to `[\"*\"]` (all)."),
		field("dhcp_socket_type", tString, "`raw` (default in Kea; needed for directly connected clients without an address) or `udp` (relayed traffic only).").in(kea.DHCPSocketTypes...),
		field("outbound_interface", tString, "DHCPv4: how answers to relayed clients leave (`interfaces-config.outbound-interface`): `same-as-inbound` (Kea's default) or `use-routing` (the kernel's routing table picks the interface).").in(kea.OutboundInterfaces...),
		field("interfaces_re_detect", tBool, "Detect the host's interfaces again at each reconfiguration (`interfaces-config.re-detect`; Kea's default true). Set false where interfaces come and go and the server should keep the sockets it has."),
		field("service_sockets_require_all", tBool, "Fail the configuration unless every listed interface's socket opens (`interfaces-config.service-sockets-require-all`; Kea's default false: serve on the sockets that open)."),
		field("service_sockets_max_retries", tInt, "How often to retry opening a socket that failed (`interfaces-config.service-sockets-max-retries`; Kea's default 0: no retry).").between(0, kea.MaxUint32),
		field("service_sockets_retry_wait_time", tInt, "Milliseconds between those retries (`interfaces-config.service-sockets-retry-wait-time`; Kea's default 5000).").between(0, kea.MaxUint32),
		field("valid_lifetime", tInt, "Lease lifetime in seconds. Defaults to the provider's `defaults.valid_lifetime` (3600).").filled().seconds(),
		field("min_valid_lifetime", tInt, "Shortest lifetime granted when a client asks for less.").seconds(),
		field("max_valid_lifetime", tInt, "Longest lifetime granted when a client asks for more. Defaults to the provider's `defaults.max_valid_lifetime` (7200).").filled().seconds(),
	}, timerAttrs(), []attrSpec{
		field("calculate_tee_times", tBool, "Let Kea compute T1/T2 from `t1_percent` and `t2_percent` when the timers are unset."),
		field("t1_percent", tFloat, "T1 as a fraction of the lifetime, greater than 0 and less than 1 (Kea default 0.5). Rendered with a decimal point.").fraction(),
		field("t2_percent", tFloat, "T2 as a fraction of the lifetime, greater than `t1_percent` and less than 1 (Kea default 0.875).").fraction(),
		field("decline_probation_period", tInt, "Seconds a declined address stays out of use (`decline-probation-period`; Kea default 86400).").seconds(),
		field("authoritative", tBool, "Answer requests for unknown addresses with DHCPNAK (`authoritative`)."),
		field("match_client_id", tBool, "Identify clients by client identifier when they send one (`match-client-id`; Kea default true)."),
		field("reservations_global", tBool, "Look up reservations in the global list. Defaults to the provider's `defaults.reservations_global` (false).").filled(),
		field("reservations_in_subnet", tBool, "Look up reservations in the client's subnet. Defaults to the provider's `defaults.reservations_in_subnet` (true).").filled(),
		field("reservations_out_of_pool", tBool, "Assume reserved addresses lie outside the pools, so Kea skips reservation checks for pool addresses. The provider then rejects a reserved address inside a pool. Defaults to the provider's `defaults.reservations_out_of_pool` (true).").filled(),
	}, bootAttrs(), []attrSpec{
		nestedAttr("lease_database", tObject, "Memfile lease storage (`lease-database`). Unset means Kea's default (memfile in the lease directory).",
			field("type", tString, "Back end; only `memfile` is modelled (SQL back ends need their hook: use `extra_json`).").in(kea.LeaseDBTypes...),
			field("name", tString, "Lease file: a bare file name is placed in the lease directory; an absolute path must lie in it."),
			field("persist", tBool, "Write leases to disk (Kea default true)."),
			field("lfc_interval", tInt, "Seconds between lease file cleanups; 0 disables them.").seconds(),
		),
		controlSocketsAttr(),
		nestedAttr("hooks_libraries", tObjects, "Hook libraries to load, in order.",
			field("library", tString, "Library file: a bare name such as `libdhcp_lease_cmds.so` is placed in the hooks directory; an absolute path must lie in it.").req(),
			field("parameters", tJSON, "The hook's `parameters`, as a JSON object (`jsonencode({...})`)."),
		),
		optionDataAttr("global").also("In an HA relationship the primary's list is rendered into every member; another member may leave it empty or repeat it (so `for_each` members need no role test), not differ."),
		field("client_classes", tStrings, "Ids of `kea_client_class` objects to define on this server even when no subnet, pool or reservation refers to them. In an HA relationship, as `option_data`: the primary's list, repeated or left empty on the others."),
		field("option_definitions", tStrings, "Ids (`<space>/<code>`) of `kea_option_definition` objects to define on this server even when no option data sends them: a definition also tells Kea how to read the option when a client sends it. Definitions that option data use are rendered without being listed."),
		userContextAttr(),
		extraJSONAttr(),
	}, preferredAttrs("global"), []attrSpec{
		nestedAttr("server_id", tObject, "DHCPv6 only: the server's DUID (`server-id`).",
			field("type", tString, "`LLT`, `EN` or `LL`.").req().in(kea.ServerIDTypes...),
			field("identifier", tString, "The DUID's identifier part, as hex bytes."),
			field("enterprise_id", tInt, "Enterprise number, for type `EN`."),
			field("htype", tInt, "Hardware type, for `LLT` and `LL`.").between(0, kea.MaxUint16),
			field("persist", tBool, "Keep the generated DUID in the server's state file (Kea default true)."),
		),
		field("mac_sources", tStrings, "DHCPv6 only: where Kea looks for a client's MAC address, in order (`mac-sources`), e.g. `[\"duid\", \"ipv6-link-local\"]`.").in(kea.MACSourceNames...),
		field("relay_supplied_options", tStrings, "DHCPv6 only: option codes (as strings) that relays may insert and Kea passes on (`relay-supplied-options`)."),
	}, ddnsSharedAttrs("server"), []attrSpec{
		field("ddns_sender_ip", tString, "Address the server sends NameChangeRequests from (`dhcp-ddns.sender-ip`); of the D2 listener's address family. Kea's default is any address.").ddns(),
		field("ddns_sender_port", tInt, "Port the server sends NameChangeRequests from; 0 (Kea's default) picks one. Stays per server in an HA relationship.").between(0, kea.MaxUint16).ddns(),
		field("ddns_max_queue_size", tInt, "NameChangeRequests queued while D2 is unreachable (`max-queue-size`, Kea default 1024).").between(1, kea.MaxUint32).ddns(),
		field("stork_agent_group", tString, "Id of the `kea_stork_agent_group` whose `stork-agent` monitors this server on its host; the agent listens on `address` (or `ha.address`). Needs `enable_stork`.").stork(),
		field("address", tString, "The server's address as relays see it: the target routers need for `ip helper-address` (`kea_relay_targets`). Defaults to `ha.address`."),
		nestedAttr("ha", tObject, "Membership in a `kea_ha_relationship`. The peer URL is built from `address`, `port` and `tls` (IPv6 in brackets).",
			field("relationship", tString, "Id of the `kea_ha_relationship`.").req(),
			field("role", tString, "`primary`, `secondary` (load-balancing), `standby` (hot-standby) or `backup`.").req().in(kea.HARoles...),
			field("address", tString, "IP address partners reach this server's HA listener on (Kea takes no host names).").req(),
			field("port", tInt, "TCP port of the HA listener (or of the control socket partners use when the relationship has no dedicated listener).").req().between(1, kea.MaxUint16),
			field("tls", tBool, "Use https in the peer URL; the relationship must then set its TLS files."),
			field("auto_failover", tBool, "Let partners take over this server's clients automatically when it fails (Kea default true)."),
		),
		directoriesAttr(),
	}),
	fill: func(s *settings, m map[string]any) {
		s.fill(m, "valid_lifetime", s.Defaults.ValidLifetime)
		s.fill(m, "max_valid_lifetime", s.Defaults.MaxValidLifetime)
		s.fill(m, "reservations_global", s.Defaults.ReservationsGlobal)
		s.fill(m, "reservations_in_subnet", s.Defaults.ReservationsInSubnet)
		s.fill(m, "reservations_out_of_pool", s.Defaults.ReservationsOutOfPool)
		fillDirectories(s, m)
	},
}
