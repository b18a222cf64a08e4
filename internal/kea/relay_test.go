package kea

import (
	"strings"
	"testing"
)

func relayEstate() *Estate {
	s := func(v string) *string { return &v }
	return &Estate{
		Servers: []Server{
			{Name: "b", HA: &HAMembership{Relationship: "pair", Role: "standby", Address: "192.0.2.2", Port: 8001}},
			{Name: "a", Address: s("192.0.2.10"), HA: &HAMembership{Relationship: "pair", Role: "primary", Address: "192.0.2.1", Port: 8001}},
			{Name: "solo", Address: s("198.51.100.1")},
			{Name: "red", Address: s("203.0.113.1")},
			{Name: "v6", Address: s("2001:db8::547")},
		},
		HARelationships: []HARelationship{{Name: "pair", Mode: "hot-standby"}},
		Subnets: []Subnet{
			{Server: "pair", SubnetID: 1, Prefix: "10.1.0.0/24"},
			{Server: "a", SubnetID: 2, Prefix: "10.2.0.0/24"},
			{Server: "solo", SubnetID: 1, Prefix: "10.3.0.0/24"},
			{Server: "red", SubnetID: 1, Prefix: "10.3.0.0/24", VRF: s("RED")},
			{Server: "solo", SubnetID: 2, Prefix: "10.4.0.0/24"},
			{Server: "red", SubnetID: 2, Prefix: "10.4.0.0/24"},
			{Server: "v6", SubnetID: 1, Prefix: "2001:db8:1::/64"},
		},
	}
}

func TestRelay(t *testing.T) {
	s := func(v string) *string { return &v }
	cases := []struct {
		name    string
		q       RelayQuery
		targets string
		err     string
		ios     string
		junos   string
		eos     string
	}{
		{name: "relationship subnet: every member, primary first, address before HA address",
			q: RelayQuery{Prefix: "10.1.0.0/24", Interface: s("Vlan10")}, targets: "192.0.2.10 192.0.2.2",
			ios:   "interface Vlan10\n ip helper-address 192.0.2.10\n ip helper-address 192.0.2.2\n",
			junos: "set forwarding-options dhcp-relay server-group kea-pair 192.0.2.10\nset forwarding-options dhcp-relay server-group kea-pair 192.0.2.2\nset forwarding-options dhcp-relay group kea-pair active-server-group kea-pair\nset forwarding-options dhcp-relay group kea-pair interface Vlan10\n",
			eos:   "interface Vlan10\n   ip helper-address 192.0.2.10\n   ip helper-address 192.0.2.2\n"},
		{name: "subnet of an HA member: still every member", q: RelayQuery{Prefix: "10.2.0.0/24"}, targets: "192.0.2.10 192.0.2.2"},
		{name: "standalone server, global VRF", q: RelayQuery{Prefix: "10.3.0.0/24"}, targets: "198.51.100.1"},
		{name: "same prefix in a VRF", q: RelayQuery{Prefix: "10.3.0.0/24", VRF: s("RED"), Interface: s("Vlan30")}, targets: "203.0.113.1",
			ios:   "interface Vlan30\n ip helper-address vrf RED 203.0.113.1\n",
			junos: "set routing-instances RED forwarding-options dhcp-relay server-group kea-red 203.0.113.1\nset routing-instances RED forwarding-options dhcp-relay group kea-red active-server-group kea-red\nset routing-instances RED forwarding-options dhcp-relay group kea-red interface Vlan30\n",
			eos:   "interface Vlan30\n   ip helper-address 203.0.113.1 vrf RED\n"},
		{name: "two subnets, no VRF to tell them apart", q: RelayQuery{Prefix: "10.4.0.0/24"}, err: `2 subnets have the prefix 10.4.0.0/24 in the global VRF (solo/2, red/2); give vrf`},
		{name: "DHCPv6 prefix", q: RelayQuery{Prefix: "2001:db8:1::/64", Interface: s("Vlan60")}, targets: "2001:db8::547",
			ios:   "interface Vlan60\n ipv6 dhcp relay destination 2001:db8::547\n",
			junos: "set forwarding-options dhcp-relay dhcpv6 server-group kea-v6 2001:db8::547\nset forwarding-options dhcp-relay dhcpv6 group kea-v6 active-server-group kea-v6\nset forwarding-options dhcp-relay dhcpv6 group kea-v6 interface Vlan60\n",
			eos:   "interface Vlan60\n   ipv6 dhcp relay destination 2001:db8::547\n"},
		{name: "unknown prefix", q: RelayQuery{Prefix: "10.9.0.0/24"}, err: `no subnet passed in has the prefix 10.9.0.0/24 in the global VRF`},
		{name: "not a prefix", q: RelayQuery{Prefix: "10.9.0.1/24"}, err: `has host bits set`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, diags := Relay(relayEstate(), c.q)
			if c.err != "" {
				if !diags.HasErrors() || !strings.Contains(diags.Errors()[0].Error(), c.err) {
					t.Fatalf("want error %q, got %v", c.err, diags)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if strings.Join(got.Targets, " ") != c.targets {
				t.Errorf("targets %v, want %s", got.Targets, c.targets)
			}
			for _, s := range []struct{ got, want string }{{got.CiscoIOS, c.ios}, {got.Junos, c.junos}, {got.AristaEOS, c.eos}} {
				if s.want != "" && s.got != s.want {
					t.Errorf("snippet:\n%s\nwant:\n%s", s.got, s.want)
				}
			}
		})
	}
}

// Relay snippets are router commands: a VRF or interface value that is
// not a plain name is refused, so nothing can be injected into them.
func TestRelaySnippetsRefuseInjection(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, q := range []RelayQuery{
		{Prefix: "10.3.0.0/24", VRF: s("RED\nno ip routing")},
		{Prefix: "10.3.0.0/24", VRF: s("RED ; delete")},
		{Prefix: "10.3.0.0/24", VRF: s("a-very-long-vrf-name-of-more-than-32")},
		{Prefix: "10.3.0.0/24", Interface: s("Vlan10\n shutdown")},
		{Prefix: "10.3.0.0/24", Interface: s("Vlan10 ")},
		{Prefix: "10.3.0.0/24", Interface: s("ge-0/0/1.0\x00")},
	} {
		res, diags := Relay(relayEstate(), q)
		if !diags.HasErrors() || res != nil {
			t.Errorf("%q / %q: accepted", str(q.VRF), str(q.Interface))
		}
	}
	for _, q := range []RelayQuery{
		{Prefix: "10.3.0.0/24", VRF: s("RED"), Interface: s("GigabitEthernet0/0/1")},
		{Prefix: "10.3.0.0/24", Interface: s("ge-0/0/1.0")},
		{Prefix: "10.3.0.0/24", Interface: s("Ethernet1/1:2")},
	} {
		if _, diags := Relay(relayEstate(), q); diags.HasErrors() {
			t.Errorf("%q / %q: %v", str(q.VRF), str(q.Interface), diags)
		}
	}
	bad := Subnet{Server: "s", SubnetID: 1, Prefix: "10.9.0.0/24", VRF: s("RED\nno ip routing")}
	if ds := bad.Validate(0); !ds.HasErrors() || ds[0].Attr != "vrf" {
		t.Errorf("a subnet's vrf with a newline: %v", ds)
	}
}
