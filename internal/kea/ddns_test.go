package kea

import (
	"strings"
	"testing"
)

// haDDNS is a hot-standby pair whose relationship names a D2 daemon and a
// policy, while member a names others of its own.
func haDDNS() *Estate {
	member := func(name, role, addr string) Server {
		return Server{Name: name, HA: &HAMembership{Relationship: "p", Role: role, Address: addr, Port: 8001}}
	}
	a, b := member("a", "primary", "198.18.0.1"), member("b", "standby", "198.18.0.2")
	a.D2Daemon, a.DDNSPolicy, a.DDNSSenderIP = ptr("d2-own"), ptr("own"), ptr("127.0.0.1")
	return &Estate{
		Servers:         []Server{a, b},
		HARelationships: []HARelationship{{Name: "p", Mode: "hot-standby", DDNSShared: DDNSShared{D2Daemon: ptr("d2-rel"), DDNSScope: DDNSScope{DDNSPolicy: ptr("rel")}}}},
		D2Daemons:       []D2Daemon{{Name: "d2-rel", Port: ptr(int64(53010))}, {Name: "d2-own", Port: ptr(int64(53020))}},
		DDNSPolicies:    []DDNSPolicy{{Name: "rel", QualifyingSuffix: ptr("site.example.")}, {Name: "own", QualifyingSuffix: ptr("own.example.")}},
		Subnets:         []Subnet{{Server: "p", SubnetID: 1, Prefix: "198.18.0.0/24"}},
	}
}

// In HA the relationship's D2 daemon and policy win over a member's own,
// with a warning naming what is ignored; the sender stays per server.
func TestDDNS_HAPrecedence(t *testing.T) {
	e := haDDNS()
	for i, want := range []struct{ sender, warn string }{
		{`"sender-ip": "127.0.0.1"`, `d2_daemon: "d2-own" is ignored: HA relationship "p" sends to D2 daemon "d2-rel"`},
		{"", ""},
	} {
		r, diags := Render(e, &e.Servers[i])
		if diags.HasErrors() {
			t.Fatal(diags.Errors())
		}
		doc := string(r.Document)
		for _, s := range []string{`"server-port": 53010`, `"ddns-qualifying-suffix": "site.example."`} {
			if !strings.Contains(doc, s) {
				t.Errorf("%s: the document lacks %s:\n%s", e.Servers[i].Name, s, doc)
			}
		}
		if strings.Contains(doc, "53020") || strings.Contains(doc, "own.example.") {
			t.Errorf("%s: the member's own D2 daemon or policy was rendered:\n%s", e.Servers[i].Name, doc)
		}
		if want.sender != "" && !strings.Contains(doc, want.sender) {
			t.Errorf("%s: the sender address is lost:\n%s", e.Servers[i].Name, doc)
		}
		if want.sender == "" && strings.Contains(doc, "sender-ip") {
			t.Errorf("%s: another member's sender address was rendered:\n%s", e.Servers[i].Name, doc)
		}
		var warned bool
		for _, d := range diags {
			warned = warned || want.warn != "" && strings.Contains(d.Error(), want.warn)
		}
		if want.warn != "" && !warned {
			t.Errorf("%s: no warning %q in %v", e.Servers[i].Name, want.warn, diags)
		}
	}
}

// The D2 document warns about a reverse zone that covers no subnet of the
// servers sending to it, and a subnet whose names no forward zone takes;
// a covered, served estate gets no warning.
func TestDDNS_ZoneCoverage(t *testing.T) {
	e := haDDNS()
	domain := func(zone string) DDNSDomain {
		return DDNSDomain{D2Daemon: "d2-rel", Zone: zone, DNSServers: []DNSServer{{Address: "198.18.0.53"}}}
	}
	e.DDNSDomains = []DDNSDomain{domain("site.example."), domain("0.18.198.in-addr.arpa.")}
	d2 := &e.D2Daemons[0]
	if _, diags := Render(e, d2); len(diags) > 0 {
		t.Fatalf("a covered estate has findings: %v", diags)
	}
	e.DDNSDomains = []DDNSDomain{domain("other.example."), domain("2.0.192.in-addr.arpa.")}
	_, diags := Render(e, d2)
	if diags.HasErrors() {
		t.Fatal(diags.Errors())
	}
	for _, want := range []string{
		`kea_subnet "p/1" ddns_policy: its qualifying suffix site.example. is in no forward zone of D2 daemon "d2-rel" (other.example.)`,
		`kea_ddns_domain "d2-rel/2.0.192.in-addr.arpa." zone: covers no subnet of the servers that send to D2 daemon "d2-rel"`,
	} {
		found := false
		for _, d := range diags {
			found = found || strings.Contains(d.Error(), want)
		}
		if !found {
			t.Errorf("no warning %q in %v", want, diags)
		}
	}
	// Without servers that send to the daemon there is nothing to match.
	e.Servers = nil
	if _, diags := Render(e, d2); len(diags) > 0 {
		t.Errorf("findings without servers: %v", diags)
	}
}

// Reverse zone names read into the block they hold; wrong ones are refused.
func TestDDNSDomain_ReversePrefix(t *testing.T) {
	for zone, want := range map[string]string{
		"2.0.192.in-addr.arpa":        "192.0.2.0/24",
		"10.in-addr.arpa.":            "10.0.0.0/8",
		"64-127.2.0.192.in-addr.arpa": "192.0.2.0/24",
		"8.b.d.0.1.0.0.2.ip6.arpa.":   "2001:db8::/32",
		"office.example.":             "invalid Prefix",
		"2.0.300.in-addr.arpa":        `label "300" is not an octet`,
		"x.8.b.d.0.1.0.0.2.ip6.arpa":  `label "x" is not one hex digit`,
		"2.0.192":                     "looks like a reverse zone without its in-addr.arpa suffix",
	} {
		m := DDNSDomain{Zone: zone}
		p, err := m.reversePrefix()
		got := p.String()
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, want) {
			t.Errorf("%s: got %s, want %s", zone, got, want)
		}
	}
}

// Subnets attached to an HA relationship are matched with a D2 daemon as
// soon as one member sends to it, whatever the order the members are
// passed in (a member sending elsewhere used to drop them).
func TestDDNS_ZoneCoverageHAMembersInAnyOrder(t *testing.T) {
	e := haDDNS()
	e.HARelationships[0].DDNSShared = DDNSShared{}
	e.Servers[0].D2Daemon, e.Servers[0].DDNSPolicy = ptr("d2-own"), ptr("own")
	e.Servers[1].D2Daemon = ptr("d2-rel")
	e.DDNSDomains = []DDNSDomain{{D2Daemon: "d2-own", Zone: "other.example.", DNSServers: []DNSServer{{Address: "198.18.0.53"}}}}
	want := `kea_subnet "p/1" ddns_policy: its qualifying suffix own.example. is in no forward zone of D2 daemon "d2-own"`
	for _, order := range [][2]int{{0, 1}, {1, 0}} {
		e2 := *e
		e2.Servers = []Server{e.Servers[order[0]], e.Servers[order[1]]}
		_, diags := Render(&e2, &e2.D2Daemons[1])
		found := false
		for _, d := range diags {
			found = found || strings.Contains(d.Error(), want)
		}
		if !found {
			t.Errorf("members in order %v: no warning %q in %v", order, want, diags)
		}
	}
}
