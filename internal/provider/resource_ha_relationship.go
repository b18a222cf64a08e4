package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var haRelationshipKind = &objectKind{
	kind:    kea.KindNamed(kea.KindHARelationship),
	version: 0,
	description: "A Kea High Availability relationship: the settings its member servers share. Servers join it with their " +
		"`ha` block (role, address, port); every member's document gets `libdhcp_lease_cmds.so` and `libdhcp_ha.so` with " +
		"the `high-availability` parameters, peers listed primary first. Subnets attached to the relationship " +
		"(`server = kea_ha_relationship.x.id`) render into every member, so moving the primary role is an edit of two `role` attributes.",
	idDesc: "The relationship's name.",
	attrs: append([]attrSpec{
		field("name", tString, "Unique name; also the id subnets use to attach to the relationship. Must differ from every server's name.").req().identity(),
		field("mode", tString, "`hot-standby` (one primary, one standby), `load-balancing` (one primary, one secondary) or `passive-backup` (one primary); any mode takes backup servers.").req().in(kea.HAModes...),
		field("heartbeat_delay", tInt, "Milliseconds between heartbeats, at most 65535 (Kea default 10000).").between(0, kea.MaxUint16),
		field("max_response_delay", tInt, "Milliseconds without a response before a partner is considered down, at most 65535 (Kea default 60000).").between(0, kea.MaxUint16),
		field("max_ack_delay", tInt, "Milliseconds a client may wait unanswered before it counts as unacked, at most 65535 (Kea default 10000).").between(0, kea.MaxUint16),
		field("max_unacked_clients", tInt, "Unacked clients tolerated before failover (Kea default 10).").between(0, kea.MaxUint32),
		field("max_rejected_lease_updates", tInt, "Rejected lease updates tolerated before the pair stops (Kea default 10).").between(0, kea.MaxUint32),
		field("delayed_updates_limit", tInt, "load-balancing only: lease updates queued while the partner is unavailable (Kea default 100).").between(0, kea.MaxUint32),
		field("send_lease_updates", tBool, "Send lease updates to partners (Kea default true)."),
		field("sync_leases", tBool, "Synchronise the lease database from the partner at start-up (Kea default true)."),
		field("sync_timeout", tInt, "Milliseconds allowed for one lease synchronisation page (Kea default 60000).").between(0, kea.MaxUint32),
		field("sync_page_limit", tInt, "Leases per synchronisation page (Kea default 10000).").between(1, kea.MaxUint32),
		field("wait_backup_ack", tBool, "passive-backup only: answer clients only after a backup acknowledged the lease update."),
		field("restrict_commands", tBool, "Accept only HA commands on the HA listener (Kea 3.0 default true)."),
		nestedAttr("multi_threading", tObject, "The HA hook's multi-threading map. With the dedicated listener (Kea's default) each member binds its own peer URL, which must not be one of its HTTP control sockets; without it partners send HA commands to that control socket, so the peer URL must be one.",
			field("enable", tBool, "Run HA in multi-threaded mode (Kea default true)."),
			field("http_dedicated_listener", tBool, "Serve HA on a dedicated listener bound to the peer URL (Kea default true)."),
			field("http_listener_threads", tInt, "Listener threads; 0 means one per core, at most 256.").between(0, kea.MaxHAThreads),
			field("http_client_threads", tInt, "Client threads; 0 means one per core, at most 256.").between(0, kea.MaxHAThreads),
		),
		field("basic_auth_user", tString, "User the members authenticate with at their partners; must not contain `:`."),
		field("basic_auth_password_file", tString, "Absolute path, on each Kea host, of the file holding the basic-auth password."),
		field("basic_auth_password_secret", tString, "Name of an entry in the renderer's `secrets` map holding the basic-auth password (the rendered documents are then sensitive). Set this or `basic_auth_password_file`."),
		field("trust_anchor", tString, "CA file or directory for TLS between peers (with `cert_file` and `key_file`)."),
		field("cert_file", tString, "Certificate file each member presents."),
		field("key_file", tString, "Private key file for `cert_file`."),
		field("require_client_certs", tBool, "Require partners to present certificates (Kea default true)."),
	}, ddnsSharedAttrs("HA relationship")...),
}
