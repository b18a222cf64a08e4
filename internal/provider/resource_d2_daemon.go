package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var d2DaemonKind = &objectKind{
	kind:    kea.KindNamed(kea.KindD2Daemon),
	version: 0,
	description: "A Kea DHCP-DDNS daemon (`kea-dhcp-ddns`, D2): it receives NameChangeRequests from DHCP servers and sends signed DNS updates. " +
		"Render its `kea-dhcp-ddns.conf` with the `kea_config` data source (`d2_daemon`) or the `provider::kea::config` function, " +
		"passing its `kea_ddns_domain` objects and the `kea_tsig_key` objects they name. Servers send to it with their `d2_daemon` attribute.",
	idDesc:      "The daemon's name.",
	targetInput: "d2_daemon",
	attrs: []attrSpec{
		field("name", tString, "Unique name; also the id servers and domains use to refer to it.").req().identity(),
		field("listener_mode", tString, "`local` (the default: D2 listens on 127.0.0.1 beside each DHCP server that sends to it, the usual layout for an HA pair) or `remote` (D2 listens on `address`).").in(kea.D2ListenerModes...),
		field("address", tString, "remote mode only: the IP address D2 listens on and servers send to."),
		field("port", tInt, "UDP port D2 listens on (Kea default 53001).").between(1, kea.MaxUint16),
		field("ncr_protocol", tString, "NameChangeRequest transport: `UDP` (D2 3.0 takes nothing else).").in(kea.NCRProtocols...),
		field("ncr_format", tString, "NameChangeRequest format: `JSON` (D2 3.0 takes nothing else).").in(kea.NCRFormats...),
		field("dns_server_timeout", tInt, "Milliseconds D2 waits for a DNS server's answer (Kea default 500).").between(1, kea.MaxUint32),
		field("tsig_key", tString, "Name of the `kea_tsig_key` for the daemon's domains that name none (D2 has no default key: it is written into each such domain). Unset leaves their updates unsigned."),
		controlSocketsAttr(),
		directoriesAttr(),
		field("stork_agent_group", tString, "remote mode only: Id of the `kea_stork_agent_group` whose `stork-agent` monitors the daemon on its own host (listening on `address`). A local D2 daemon is monitored by the agent of the DHCP servers it runs beside. Needs `enable_stork`.").stork(),
		userContextAttr(),
		extraJSONAttr(),
	},
	fill: fillDirectories,
}
