package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var storkAgentGroupKind = &objectKind{
	kind:    kea.KindNamed(kea.KindStorkAgentGroup),
	version: 0,
	description: "The Stork agent settings of a set of DHCP servers: each `kea_dhcp_server` whose `stork_agent_group` names the group " +
		"gets a `stork-agent` on its host. Rendering the group gives one `agent.env` per member host (the `configs` map of " +
		"`kea_config` and `provider::kea::config`, keyed by server name). The agent finds Kea through the member's control sockets; " +
		"its ports must not be the member's control socket or HA ports.",
	idDesc:      "The group's name.",
	targetInput: "stork_agent_group",
	attrs: []attrSpec{
		field("name", tString, "Unique name; also the id servers join the group by.").req().identity(),
		field("stork_server", tString, "Id of the `kea_stork_server` the agents register with; required in `both` and `stork-only` mode."),
		field("mode", tString, "`both` (the default: serve the Stork server and Prometheus), `prometheus-only` or `stork-only`.").in(kea.StorkModes...),
		field("agent_port", tInt, "Port the agent listens on for the Stork server (`STORK_AGENT_PORT`, default 8080).").between(1, kea.MaxUint16),
		field("exporter_address", tString, "Address the Prometheus Kea exporter listens on (`STORK_AGENT_PROMETHEUS_KEA_EXPORTER_ADDRESS`, Stork's default every address)."),
		field("exporter_port", tInt, "Port of the Prometheus Kea exporter (default 9547).").between(1, kea.MaxUint16),
		field("per_subnet_stats", tBool, "Export per-subnet statistics (default true)."),
		field("skip_tls_verification", tBool, "Accept Kea's https certificate (and the Stork server's) without verifying it; needed when Kea's control socket uses a private CA."),
		field("log_level", tString, "`DEBUG`, `INFO`, `WARN` or `ERROR` (`STORK_LOG_LEVEL`).").in(kea.StorkLogLevels...),
	},
}
