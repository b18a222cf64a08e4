package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var ddnsPolicyKind = &objectKind{
	kind:    kea.KindNamed(kea.KindDDNSPolicy),
	version: 0,
	description: "A set of Kea's `ddns-*` and `hostname-char-*` settings, each optional and rendered only when set. Attach it with " +
		"`ddns_policy` to a server (or an HA relationship, for all its members), a shared network, a subnet or a pool; the innermost " +
		"scope's settings win, as in Kea. Kea 3.0 refuses these keys in client classes, reservations and pd pools.",
	idDesc: "The policy's name.",
	attrs: []attrSpec{
		field("name", tString, "Unique name; also the id scopes attach the policy by.").req().identity(),
		field("send_updates", tBool, "`ddns-send-updates`: send DNS updates for leases in this scope (Kea default true)."),
		field("override_no_update", tBool, "`ddns-override-no-update`: update DNS even when the client asks the server not to."),
		field("override_client_update", tBool, "`ddns-override-client-update`: the server also does the forward update the client offered to do."),
		field("replace_client_name", tString, "`ddns-replace-client-name`: when to replace the client's name with a generated one.").in(kea.ReplaceClientNames...),
		field("generated_prefix", tString, "`ddns-generated-prefix`: prefix of generated names (Kea default `myhost`)."),
		field("qualifying_suffix", tString, "`ddns-qualifying-suffix`: domain appended to partial client names, e.g. `office.example.`; it should lie in a forward `kea_ddns_domain`."),
		field("hostname_char_set", tString, "`hostname-char-set`: a regular expression of characters to replace in client names (Kea default `[^A-Za-z0-9.-]`)."),
		field("hostname_char_replacement", tString, "`hostname-char-replacement`: what replaces each such character (empty removes it)."),
		field("update_on_renew", tBool, "`ddns-update-on-renew`: update DNS on every renewal, not only on new leases."),
		field("conflict_resolution_mode", tString, "`ddns-conflict-resolution-mode`: how D2 uses DHCID records to avoid overwriting other clients' names.").in(kea.ConflictResolutionModes...),
		field("ttl_percent", tFloat, "`ddns-ttl-percent`: the records' TTL as a fraction of the lease lifetime (Kea's default is one third); 0 un-sets an inherited value.").fraction(),
		field("ttl", tInt, "`ddns-ttl`: a fixed TTL in seconds; excludes `ttl_percent`, `ttl_min` and `ttl_max`.").seconds(),
		field("ttl_min", tInt, "`ddns-ttl-min`: the shortest TTL in seconds.").seconds(),
		field("ttl_max", tInt, "`ddns-ttl-max`: the longest TTL in seconds; at least `ttl_min`.").seconds(),
	},
}
