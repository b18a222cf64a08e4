package kea

import (
	"reflect"
	"strings"
	"testing"
)

// TestParse_D2: a DhcpDdns document reads into a D2 daemon, its keys and
// domains. A key's secret becomes a named secret the key refers to, never
// a value in the object; a key no domain uses is read with a warning (the
// renderer writes only keys in use); the listener's defaults are left to
// the daemon's.
func TestParse_D2(t *testing.T) {
	doc := `{"DhcpDdns": {
  // a remote D2 on the default port
  "ip-address": "192.0.2.5", "port": 53001, "dns-server-timeout": 800,
  "user-context": {"site": "a"},
  "loggers": [{"name": "kea-dhcp-ddns", "severity": "INFO"}],
  "tsig-keys": [
    {"name": "fwd.key", "algorithm": "hmac-sha256", "secret": "c2VjcmV0LWZvci10ZXN0cy0zMi1ieXRlcy1sb25nISE="},
    {"name": "spare.key", "algorithm": "HMAC-MD5", "secret-file": "/etc/kea/spare"}],
  "forward-ddns": {"ddns-domains": [{"name": "Example.ORG", "key-name": "fwd.key", "dns-servers": [{"ip-address": "192.0.2.53", "port": 5353}]}]},
  "reverse-ddns": {"ddns-domains": [{"name": "2.0.192.in-addr.arpa.", "dns-servers": [{"ip-address": "192.0.2.53", "key-name": "fwd.key"}]}]}
}}`
	p, diags := Parse([]byte(doc), "")
	if diags.HasErrors() {
		t.Fatal(errorLines(diags))
	}
	if p.TargetID != "d2" || p.Target().ID() != "d2" {
		t.Errorf("target %q", p.TargetID)
	}
	d := p.Estate.D2Daemons[0]
	if str(d.ListenerMode) != "remote" || str(d.Address) != "192.0.2.5" || d.Port != nil || *d.DNSServerTimeout != 800 {
		t.Errorf("daemon %+v", d)
	}
	if str(d.UserContext) != `{"site":"a"}` || !strings.Contains(str(d.ExtraJSON), `"loggers"`) {
		t.Errorf("daemon user_context %s, extra_json %s", str(d.UserContext), str(d.ExtraJSON))
	}
	k := p.Estate.TSIGKeys[0]
	if k.Secret != nil || str(k.SecretName) != "tsig-fwd.key" {
		t.Errorf("key %+v: the secret must travel by name", k)
	}
	if want := map[string]string{"tsig-fwd.key": "c2VjcmV0LWZvci10ZXN0cy0zMi1ieXRlcy1sb25nISE="}; !reflect.DeepEqual(p.Estate.Secrets, want) {
		t.Errorf("secrets %v", p.Estate.Secrets)
	}
	if len(p.Estate.DDNSDomains) != 2 || p.Estate.DDNSDomains[0].ID() != "d2/example.org." || *p.Estate.DDNSDomains[1].DNSServers[0].TSIGKey != "fwd.key" {
		t.Errorf("domains %+v", p.Estate.DDNSDomains)
	}
	var warned bool
	for _, w := range diags {
		warned = warned || w.Severity == Warning && strings.Contains(w.Error(), "DhcpDdns.tsig-keys") && strings.Contains(w.Error(), `"spare.key"`)
	}
	if !warned {
		t.Errorf("no warning for the unused key: %v", diags)
	}
	r, rd := Render(p.Estate, p.Target())
	if r == nil {
		t.Fatal(errorLines(rd))
	}
	for _, want := range []string{`"ip-address": "192.0.2.5"`, `"secret": "c2VjcmV0`, `"name": "example.org."`, `"algorithm": "HMAC-SHA256"`, `"loggers"`} {
		if !strings.Contains(string(r.Document), want) {
			t.Errorf("rendered document lacks %s:\n%s", want, r.Document)
		}
	}
	if strings.Contains(string(r.Document), "spare.key") || !r.HasSecrets {
		t.Errorf("rendered: unused key written, or the document not marked as holding a secret (%v)", r.HasSecrets)
	}
}

// TestParse_D2Refusals: what a kea_ddns_domain or kea_tsig_key cannot hold
// is an error at its JSON path, as is a zone filed under the other list
// (the renderer places zones by name).
func TestParse_D2Refusals(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{`{"DhcpDdns": {"forward-ddns": {"ddns-domains": [{"name": "a.example.", "weight": 1, "dns-servers": [{"ip-address": "192.0.2.1"}]}]}}}`,
			"DhcpDdns.forward-ddns.ddns-domains[0]: holds keys a kea_ddns_domain does not model"},
		{`{"DhcpDdns": {"forward-ddns": {"ddns-domains": [{"name": "2.0.192.in-addr.arpa.", "dns-servers": [{"ip-address": "192.0.2.1"}]}]}}}`,
			`DhcpDdns.forward-ddns.ddns-domains[0].name: "2.0.192.in-addr.arpa." is a reverse zone in DhcpDdns.forward-ddns`},
		{`{"DhcpDdns": {"tsig-keys": [{"name": "k", "algorithm": "HMAC-MD5", "secret": "LSWXnfkKZjdPJI5QxlpnfQ==", "comment": 7}]}}`,
			"DhcpDdns.tsig-keys[0]: holds keys a kea_tsig_key does not model"},
		{`{"DhcpDdns": {"forward-ddns": {"ddns-domains": [{"name": "a.example.", "key-name": "nowhere", "dns-servers": [{"ip-address": "192.0.2.1"}]}]}}}`,
			`DhcpDdns.forward-ddns.ddns-domains[0]: kea_ddns_domain "d2/a.example." tsig_key: refers to TSIG key "nowhere"`},
	} {
		_, diags := Parse([]byte(c.doc), "")
		if got := errorLines(diags); !strings.Contains(got, c.want) {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// TestTSIGKeySecretName: a key's secret_name is resolved from the
// renderer's secrets; a missing or non-base64 secret is an error naming
// the attribute, and the value is never shown.
func TestTSIGKeySecretName(t *testing.T) {
	e := &Estate{
		D2Daemons:   []D2Daemon{{Name: "d2"}},
		TSIGKeys:    []TSIGKey{{Name: "k", Algorithm: "HMAC-SHA256", SecretName: ptr("s")}},
		DDNSDomains: []DDNSDomain{{D2Daemon: "d2", Zone: "example.org", TSIGKey: ptr("k"), DNSServers: []DNSServer{{Address: "192.0.2.53"}}}},
	}
	for _, c := range []struct {
		secrets map[string]string
		want    string
	}{
		{nil, `kea_tsig_key "k" secret_name: names the secret "s", which was not passed in secrets`},
		{map[string]string{"s": "not base64 at all!"}, `kea_tsig_key "k" secret_name: the secret "s" is not base64`},
		{map[string]string{"s": "c2VjcmV0"}, ""},
	} {
		e.Secrets = c.secrets
		r, diags := Render(e, &e.D2Daemons[0])
		got := errorLines(diags)
		if c.want == "" {
			if r == nil || !strings.Contains(string(r.Document), `"secret": "c2VjcmV0"`) || !r.HasSecrets {
				t.Errorf("secret not rendered: %s", got)
			}
			continue
		}
		if !strings.Contains(got, c.want) || strings.Contains(got, "not base64 at all") {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
	e.TSIGKeys[0].Secret = ptr("c2VjcmV0")
	if got := errorLines(e.TSIGKeys[0].Validate(0)); !strings.Contains(got, "secret_name: set one of secret, secret_file and secret_name") {
		t.Errorf("secret and secret_name together: %s", got)
	}
}

// TestParse_Comments: comment and user-context on objects without
// extra_json (option data and definitions, DDNS domains, their servers,
// TSIG keys) go to user_context, a comment as Kea reads it: a
// user-context with a comment. They render as user-context.
func TestParse_Comments(t *testing.T) {
	p, diags := Parse([]byte(`{"Dhcp4": {
  "interfaces-config": {"interfaces": ["*"]}, "option-def": [{"name": "site", "code": 240, "type": "uint16", "comment": "site id"}],
  "option-data": [{"name": "site", "data": "7", "user-context": {"owner": "net"}, "comment": "ours"}],
  "subnet4": []}}`), "s")
	if diags.HasErrors() {
		t.Fatal(errorLines(diags))
	}
	if got := str(p.Estate.OptionDefs[0].UserContext); got != `{"comment":"site id"}` {
		t.Errorf("definition user_context %s", got)
	}
	if got := str(p.Estate.OptionData[0].UserContext); got != `{"owner":"net","comment":"ours"}` {
		t.Errorf("option data user_context %s", got)
	}
	r, rd := Render(p.Estate, p.Target())
	if r == nil {
		t.Fatal(errorLines(rd))
	}
	if !strings.Contains(string(r.Document), `"user-context": {
          "comment": "site id"
        }`) || !strings.Contains(string(r.Document), `"owner": "net"`) {
		t.Errorf("user-context not rendered:\n%s", r.Document)
	}
	d2, diags := Parse([]byte(`{"DhcpDdns": {
  "tsig-keys": [{"name": "k", "algorithm": "HMAC-MD5", "secret": "LSWXnfkKZjdPJI5QxlpnfQ==", "comment": "key"}],
  "forward-ddns": {"ddns-domains": [{"comment": "zone", "name": "a.example.", "key-name": "k",
    "dns-servers": [{"ip-address": "192.0.2.1", "user-context": {"rack": 4}}]}]}}}`), "")
	if diags.HasErrors() {
		t.Fatal(errorLines(diags))
	}
	m := d2.Estate.DDNSDomains[0]
	if str(m.UserContext) != `{"comment":"zone"}` || str(m.DNSServers[0].UserContext) != `{"rack":4}` || str(d2.Estate.TSIGKeys[0].UserContext) != `{"comment":"key"}` {
		t.Errorf("domain %s, server %s, key %s", str(m.UserContext), str(m.DNSServers[0].UserContext), str(d2.Estate.TSIGKeys[0].UserContext))
	}
}
