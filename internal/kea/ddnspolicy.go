package kea

import (
	"slices"

	"github.com/keaform/terraform-provider-kea/internal/kea/expr"
)

// KindDDNSPolicy is the DDNS policy's Terraform type.
const KindDDNSPolicy = "kea_ddns_policy"

// DDNSPolicy is a kea_ddns_policy: the ddns-* and hostname-char-* knobs,
// each optional and rendered only when set, at a scope that takes them
// (global, shared network, subnet, pool). Not yet in Kinds (issue 10).
type DDNSPolicy struct {
	Name                    string   `json:"name"`
	SendUpdates             *bool    `json:"send_updates"`
	OverrideNoUpdate        *bool    `json:"override_no_update"`
	OverrideClientUpdate    *bool    `json:"override_client_update"`
	ReplaceClientName       *string  `json:"replace_client_name"`
	GeneratedPrefix         *string  `json:"generated_prefix"`
	QualifyingSuffix        *string  `json:"qualifying_suffix"`
	HostnameCharSet         *string  `json:"hostname_char_set"`
	HostnameCharReplacement *string  `json:"hostname_char_replacement"`
	UpdateOnRenew           *bool    `json:"update_on_renew"`
	ConflictResolutionMode  *string  `json:"conflict_resolution_mode"`
	TTLPercent              *float64 `json:"ttl_percent"`
	TTL                     *int64   `json:"ttl"`
	TTLMin                  *int64   `json:"ttl_min"`
	TTLMax                  *int64   `json:"ttl_max"`
}

// The values Kea 3.0 takes for the enumerated knobs.
var (
	ReplaceClientNames      = []string{"never", "always", "when-present", "when-not-present"}
	ConflictResolutionModes = []string{"check-with-dhcid", "no-check-with-dhcid", "check-exists-with-dhcid", "no-check-without-dhcid"}
)

// ID is the policy's identity: its name.
func (p *DDNSPolicy) ID() string { return p.Name }

// ParseDDNSPolicyID reads a policy's import id: its name.
func ParseDDNSPolicyID(id string) (*DDNSPolicy, error) { return &DDNSPolicy{Name: id}, nil }

// Identity is the id once the name is set.
func (p *DDNSPolicy) Identity() (string, bool) { return p.Name, p.Name != "" }

// Validate checks the policy on its own.
func (p *DDNSPolicy) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindDDNSPolicy, id: p.Name, index: index, out: &out}
	if p.Name == "" {
		r.errf("name", "is required")
	}
	if v := p.ReplaceClientName; v != nil && !contains(ReplaceClientNames, *v) {
		r.errf("replace_client_name", "%q: Kea takes never, always, when-present or when-not-present", *v)
	}
	if v := p.ConflictResolutionMode; v != nil && !contains(ConflictResolutionModes, *v) {
		r.errf("conflict_resolution_mode", "%q: Kea takes check-with-dhcid, no-check-with-dhcid, check-exists-with-dhcid or no-check-without-dhcid", *v)
	}
	if v := p.TTLPercent; v != nil && (*v < 0 || *v > 1) {
		// Kea 3.0 accepts any real; 0 un-sets an inherited value.
		r.errf("ttl_percent", "%v: give a fraction of the lease lifetime from 0 (unset) to 1", *v)
	}
	checkSeconds(r, "ttl", p.TTL)
	checkSeconds(r, "ttl_min", p.TTLMin)
	checkSeconds(r, "ttl_max", p.TTLMax)
	if p.TTL != nil && *p.TTL != 0 {
		// Kea: "cannot specify both ddns-ttl-percent and ddns-ttl", and so
		// for ttl-min and ttl-max.
		refuseSet(r, "cannot be combined with ttl: a fixed TTL leaves nothing to compute",
			isSet("ttl_percent", p.TTLPercent), isSet("ttl_min", p.TTLMin), isSet("ttl_max", p.TTLMax))
	}
	if p.TTLMin != nil && p.TTLMax != nil && *p.TTLMax != 0 && *p.TTLMax < *p.TTLMin {
		// Kea: "ddns-ttl-max: 100 must be greater than ddns-ttl-min: 600".
		r.errf("ttl_max", "%d is less than ttl_min (%d)", *p.TTLMax, *p.TTLMin)
	}
	if v := p.HostnameCharSet; v != nil && *v != "" {
		if err := expr.CheckRegex(*v); err != nil {
			r.errf("hostname_char_set", "%q is not a regular expression Kea can compile: %v", *v, err)
		}
	}
	return out
}

// render writes the policy's keys into a scope's map, in Kea's order.
func (p *DDNSPolicy) render(o *Object) {
	setBool(o, "ddns-send-updates", p.SendUpdates)
	setBool(o, "ddns-override-no-update", p.OverrideNoUpdate)
	setBool(o, "ddns-override-client-update", p.OverrideClientUpdate)
	setStr(o, "ddns-replace-client-name", p.ReplaceClientName)
	setStr(o, "ddns-generated-prefix", p.GeneratedPrefix)
	setStr(o, "ddns-qualifying-suffix", p.QualifyingSuffix)
	setStr(o, "hostname-char-set", p.HostnameCharSet)
	setStr(o, "hostname-char-replacement", p.HostnameCharReplacement)
	setBool(o, "ddns-update-on-renew", p.UpdateOnRenew)
	setStr(o, "ddns-conflict-resolution-mode", p.ConflictResolutionMode)
	setFloat(o, "ddns-ttl-percent", p.TTLPercent)
	setInt(o, "ddns-ttl", p.TTL)
	setInt(o, "ddns-ttl-min", p.TTLMin)
	setInt(o, "ddns-ttl-max", p.TTLMax)
}

// policyScopes are the maps a policy may render into (Kea 3.0 refuses
// ddns-* keys in client classes, reservations and pd pools).
var policyScopes = []keyScope{scopeGlobal, scopeSharedNetwork, scopeSubnet, scopePool}

// checkPolicyScope refuses a policy at a scope Kea 3.0 rejects its keys in.
func checkPolicyScope(r reporter, attr string, scope keyScope) bool {
	if slices.Contains(policyScopes, scope) {
		return true
	}
	r.errf(attr, "Kea 3.0 refuses ddns-* keys in a %s (got unexpected keyword); attach the policy to the server, a shared network, a subnet or a pool", scope)
	return false
}
