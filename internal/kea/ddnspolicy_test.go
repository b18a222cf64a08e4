package kea

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

// policyCases are DDNS policies with the provider's verdict (the attribute
// it refuses, or "") and, where the provider is stricter than Kea, why.
var policyCases = []struct {
	name     string
	p        DDNSPolicy
	scope    keyScope
	refuse   string
	stricter string
}{
	{"every knob in a pool", DDNSPolicy{SendUpdates: ptr(true), OverrideNoUpdate: ptr(false), OverrideClientUpdate: ptr(false),
		ReplaceClientName: ptr("when-not-present"), GeneratedPrefix: ptr("host"), QualifyingSuffix: ptr("example.test"),
		HostnameCharSet: ptr("[^A-Za-z0-9.-]"), HostnameCharReplacement: ptr("-"), UpdateOnRenew: ptr(true),
		ConflictResolutionMode: ptr("no-check-with-dhcid"), TTLPercent: ptr(0.5), TTLMin: ptr(int64(60)), TTLMax: ptr(int64(3600))}, scopePool, "", ""},
	{"fixed TTL on the server", DDNSPolicy{SendUpdates: ptr(true), TTL: ptr(int64(600))}, scopeGlobal, "", ""},
	{"ttl_min equal to ttl_max", DDNSPolicy{TTLMin: ptr(int64(600)), TTLMax: ptr(int64(600))}, scopeSubnet, "", ""},
	{"replace_client_name unknown", DDNSPolicy{ReplaceClientName: ptr("sometimes")}, scopeSubnet, "replace_client_name", ""},
	{"conflict mode unknown", DDNSPolicy{ConflictResolutionMode: ptr("yes")}, scopeSubnet, "conflict_resolution_mode", ""},
	{"ttl with ttl_percent", DDNSPolicy{TTL: ptr(int64(600)), TTLPercent: ptr(0.5)}, scopeSubnet, "ttl_percent", ""},
	{"ttl with ttl_min", DDNSPolicy{TTL: ptr(int64(600)), TTLMin: ptr(int64(100))}, scopeGlobal, "ttl_min", ""},
	{"ttl_max below ttl_min", DDNSPolicy{TTLMin: ptr(int64(600)), TTLMax: ptr(int64(100))}, scopeSubnet, "ttl_max", ""},
	{"hostname_char_set not a regex", DDNSPolicy{HostnameCharSet: ptr("[a-")}, scopeSubnet, "hostname_char_set", ""},
	{"ttl_percent above 1", DDNSPolicy{TTLPercent: ptr(1.5)}, scopeSubnet, "ttl_percent", "a TTL longer than the lease outlives the address"},
	{"ttl_percent below 0", DDNSPolicy{TTLPercent: ptr(-0.1)}, scopeSubnet, "ttl_percent", "a negative share of the lease means nothing"},
	{"ttl beyond 32 bits", DDNSPolicy{TTL: ptr(int64(4294967296))}, scopeSubnet, "ttl", "DNS TTLs are 32-bit; Kea wraps the value"},
}

// policyDoc is a Dhcp4 document with the policy at the scope.
func policyDoc(p *DDNSPolicy, scope keyScope) []byte {
	pool := (&Object{}).Set("pool", "192.0.2.10 - 192.0.2.20")
	subnet := (&Object{}).Set("id", int64(1)).Set("subnet", "192.0.2.0/24")
	top := (&Object{}).Set("interfaces-config", (&Object{}).Set("interfaces", []string{"*"}))
	switch scope {
	case scopeGlobal:
		p.render(top)
	case scopeSubnet:
		p.render(subnet)
	case scopePool:
		p.render(pool)
	}
	subnet.Set("pools", []any{pool})
	top.Set("subnet4", []any{subnet})
	return Marshal((&Object{}).Set("Dhcp4", top))
}

func TestDDNSPolicyRules(t *testing.T) {
	for _, c := range policyCases {
		p := c.p
		p.Name = "p"
		ds := p.Validate(0)
		checkProviderVerdict(t, ruleCase{c.name, c.refuse, c.stricter}, ds)
	}
	var diags Diags
	r := reporter{kind: KindSubnet, index: -1, out: &diags}
	for _, s := range []keyScope{scopeClientClass, scopeReservation, scopePDPool} {
		if checkPolicyScope(r, "ddns_policy", s) {
			t.Errorf("a policy is accepted in a %s, where Kea 3.0 refuses ddns-* keys", s)
		}
	}
	for _, s := range policyScopes {
		if !checkPolicyScope(r, "ddns_policy", s) {
			t.Errorf("a policy is refused in a %s", s)
		}
	}
}

// TestDDNSPolicyRulesMatchKea holds the rules to kea-dhcp4 -T: it takes
// every policy the provider accepts and refuses every one the provider
// refuses, except where the provider says why it is stricter.
func TestDDNSPolicyRulesMatchKea(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("set KEA_CHECK=1 (make test does) to check the DDNS policy rules with kea-dhcp4")
	}
	dir := t.TempDir()
	var files []string
	byFile := map[string]int{}
	for i, c := range policyCases {
		p := c.p
		f := filepath.Join(dir, fmt.Sprintf("policy-%02d.json", i))
		if err := os.WriteFile(f, policyDoc(&p, c.scope), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		byFile[f] = i
	}
	for f, v := range keatest.Check(t, files) {
		c := policyCases[byFile[f]]
		checkKeaAgrees(t, ruleCase{c.name, c.refuse, c.stricter}, v)
	}
}
