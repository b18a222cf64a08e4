package kea

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

// d2Office is a D2 beside an office DHCP server: a forward and a reverse
// zone, each signed, one server with a key of its own.
func d2Office() (*D2Daemon, []TSIGKey, []DDNSDomain) {
	d := &D2Daemon{Name: "d2-office", ControlSockets: []ControlSocket{{Type: "unix", SocketName: ptr("kea-ddns-ctrl.sock")}}}
	keys := []TSIGKey{
		{Name: "office-key", Algorithm: "HMAC-SHA256", Secret: ptr("c2VjcmV0LWZvci10ZXN0cy0zMi1ieXRlcy1sb25nISE=")},
		{Name: "reverse-key", Algorithm: "HMAC-SHA512", DigestBits: ptr(int64(256)), SecretFile: ptr("/etc/kea/secrets/ddns.tsig")},
		{Name: "unused", Algorithm: "HMAC-MD5", Secret: ptr("dW51c2Vk")},
	}
	domains := []DDNSDomain{
		{D2Daemon: "d2-office", Zone: "office.example.", TSIGKey: ptr("office-key"), DNSServers: []DNSServer{{Address: "192.0.2.53"}, {Address: "2001:db8::53", Port: ptr(int64(5353))}}},
		{D2Daemon: "d2-office", Zone: "2.0.192.in-addr.arpa", DNSServers: []DNSServer{{Address: "192.0.2.53", TSIGKey: ptr("reverse-key")}}},
		{D2Daemon: "d2-elsewhere", Zone: "other.example.", DNSServers: []DNSServer{{Address: "198.51.100.53"}}},
	}
	return d, keys, domains
}

func TestRenderD2(t *testing.T) {
	d, keys, domains := d2Office()
	var secrets []string
	o, diags := renderD2(d, &Estate{TSIGKeys: keys, DDNSDomains: domains}, func(n string) { secrets = append(secrets, n) })
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	doc := string(Marshal((&Object{}).Set(DocDhcpDdns.Name, o)))
	for _, want := range []string{
		`"ip-address": "127.0.0.1"`, `"port": 53001`, `"socket-name": "/run/kea/kea-ddns-ctrl.sock"`,
		`"name": "office-key"`, `"algorithm": "HMAC-SHA512"`, `"digest-bits": 256`, `"secret-file": "/etc/kea/secrets/ddns.tsig"`,
		`"name": "office.example."`, `"name": "2.0.192.in-addr.arpa."`, `"port": 5353`, `"key-name": "reverse-key"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %s:\n%s", want, doc)
		}
	}
	for _, unwanted := range []string{"unused", "other.example."} {
		if strings.Contains(doc, unwanted) {
			t.Errorf("the document holds %s, which this daemon does not use", unwanted)
		}
	}
	if strings.Join(secrets, ",") != "office-key" {
		t.Errorf("keys whose secret the document holds: %v, want office-key", secrets)
	}
	if os.Getenv("KEA_CHECK") != "1" {
		return
	}
	f := filepath.Join(t.TempDir(), "d2-office.json")
	if err := os.WriteFile(f, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if v := keatest.Check(t, []string{f})[f]; !v.Accepted {
		t.Errorf("kea-dhcp-ddns -t refuses the document: %s\n%s", v.Message, doc)
	}
}

func TestD2Rules(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(d *D2Daemon, keys []TSIGKey, domains []DDNSDomain) []DDNSDomain
		want   string
	}{
		{"domain without DNS servers", func(d *D2Daemon, k []TSIGKey, m []DDNSDomain) []DDNSDomain {
			m[0].DNSServers = nil
			return m
		}, `kea_ddns_domain "d2-office/office.example." dns_servers: a domain needs at least one DNS server`},
		{"key not passed", func(d *D2Daemon, k []TSIGKey, m []DDNSDomain) []DDNSDomain {
			m[0].TSIGKey = ptr("missing")
			return m
		}, `tsig_key: refers to TSIG key "missing", which was not passed in`},
		{"zone twice", func(d *D2Daemon, k []TSIGKey, m []DDNSDomain) []DDNSDomain {
			return append(m, DDNSDomain{D2Daemon: "d2-office", Zone: "OFFICE.example", DNSServers: []DNSServer{{Address: "192.0.2.54"}}})
		}, `zone: office.example. is already`},
		{"TCP", func(d *D2Daemon, k []TSIGKey, m []DDNSDomain) []DDNSDomain {
			d.NCRProtocol = ptr("TCP")
			return m
		}, `ncr_protocol: "TCP": D2 3.0 takes UDP only`},
		{"remote without address", func(d *D2Daemon, k []TSIGKey, m []DDNSDomain) []DDNSDomain {
			d.ListenerMode = ptr("remote")
			return m
		}, `address: is required in remote mode`},
		{"server by name", func(d *D2Daemon, k []TSIGKey, m []DDNSDomain) []DDNSDomain {
			m[0].DNSServers[0].Address = "ns1.example."
			return m
		}, `dns_servers[0].address: "ns1.example." is not an IP address: D2 takes an IP address`},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, keys, domains := d2Office()
			domains = c.change(d, keys, domains)
			_, diags := renderD2(d, &Estate{TSIGKeys: keys, DDNSDomains: domains}, func(string) {})
			for _, dg := range diags.Errors() {
				if strings.Contains(dg.Error(), c.want) {
					return
				}
			}
			t.Errorf("no error contains %q: %v", c.want, diags)
		})
	}
	// An http control socket without authentication is a warning: D2's
	// config-get returns the TSIG secrets in clear.
	d, keys, domains := d2Office()
	d.ControlSockets = append(d.ControlSockets, ControlSocket{Type: "http", Port: ptr(int64(8053))})
	_, diags := renderD2(d, &Estate{TSIGKeys: keys, DDNSDomains: domains}, func(string) {})
	found := false
	for _, dg := range diags {
		found = found || dg.Severity == Warning && strings.Contains(dg.Msg, "config-get returns the TSIG secrets in clear")
	}
	if !found || diags.HasErrors() {
		t.Errorf("unauthenticated D2 socket: %v", diags)
	}
}
