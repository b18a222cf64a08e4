package kea

import (
	"fmt"
	"net/netip"
	"regexp"
	"sort"
	"strings"
)

// KindRelayQuery labels findings about the relay query itself (its
// prefix), rather than about an object of the estate.
const KindRelayQuery = "relay lookup"

// RelayQuery asks which DHCP servers a router relays a prefix's clients to.
type RelayQuery struct {
	Prefix    string
	VRF       *string
	Interface *string // router interface for the snippets
}

// RelayTargets is the answer: the addresses for `ip helper-address`, the
// servers they belong to, and configuration snippets for common routers.
type RelayTargets struct {
	Targets   []string
	Servers   []string
	Subnet    string // id of the subnet that matched
	CiscoIOS  string
	Junos     string
	AristaEOS string
}

// Relay answers q from the estate's servers, HA relationships and subnets:
// for a subnet served by an HA relationship, or by a member of one, every
// member's address; otherwise its server's. Servers are addressed by
// `address`, falling back to their HA address.
func Relay(e *Estate, q RelayQuery) (*RelayTargets, Diags) {
	var diags Diags
	r := reporter{kind: KindRelayQuery, index: -1, out: &diags}
	p, err := parsePrefix(q.Prefix)
	if err != nil {
		r.errf("prefix", "%v", err)
	}
	checkVRF(r, "vrf", q.VRF)
	checkRouterInterface(r, "interface", q.Interface)
	if diags.HasErrors() {
		return nil, diags
	}
	vrf := str(q.VRF)
	var matches []*Subnet
	for i := range e.Subnets {
		s := &e.Subnets[i]
		sp, err := netip.ParsePrefix(s.Prefix)
		if err != nil || sp != p || str(s.VRF) != vrf {
			continue
		}
		matches = append(matches, s)
	}
	where := "the global VRF"
	if vrf != "" {
		where = fmt.Sprintf("VRF %q", vrf)
	}
	switch len(matches) {
	case 0:
		r.errf("prefix", "no subnet passed in has the prefix %s in %s", p, where)
		return nil, diags
	case 1:
	default:
		ids := make([]string, len(matches))
		for i, s := range matches {
			ids[i] = s.ID()
		}
		r.errf("prefix", "%d subnets have the prefix %s in %s (%s); give vrf, or label the subnets' vrf", len(matches), p, where, strings.Join(ids, ", "))
		return nil, diags
	}
	subnet := matches[0]
	servers := map[string]*Server{}
	for i := range e.Servers {
		servers[e.Servers[i].Name] = &e.Servers[i]
	}
	rels := map[string]bool{}
	for i := range e.HARelationships {
		rels[e.HARelationships[i].Name] = true
	}
	// The subnet belongs to a relationship, or to a server that may be in one.
	relName := ""
	if rels[subnet.Server] {
		relName = subnet.Server
	} else if s, ok := servers[subnet.Server]; ok {
		if s.HA != nil {
			relName = s.HA.Relationship
		}
	} else {
		r.errf("prefix", "subnet %s is served by %q, which is neither a server nor an HA relationship passed in", subnet.ID(), subnet.Server)
		return nil, diags
	}
	var members []*Server
	if relName != "" {
		for i := range e.Servers {
			if s := &e.Servers[i]; s.HA != nil && s.HA.Relationship == relName {
				members = append(members, s)
			}
		}
		sort.SliceStable(members, func(a, b int) bool {
			ra, rb := haRoles[members[a].HA.Role], haRoles[members[b].HA.Role]
			if ra != rb {
				return ra < rb
			}
			return members[a].Name < members[b].Name
		})
		if len(members) == 0 {
			r.errf("servers", "no server passed in is a member of HA relationship %q, which serves subnet %s", relName, subnet.ID())
			return nil, diags
		}
	} else {
		members = []*Server{servers[subnet.Server]}
	}
	out := &RelayTargets{Subnet: subnet.ID()}
	for _, s := range members {
		addr, _ := s.hostAddress()
		if addr == "" {
			rs := reporter{kind: KindServer, id: s.Name, index: -1, out: &diags}
			rs.errf("address", "is not set: relays need the address of every server of subnet %s", subnet.ID())
			continue
		}
		if a, err := parseIP(addr); err == nil && a.Is4() != p.Addr().Is4() {
			rs := reporter{kind: KindServer, id: s.Name, index: -1, out: &diags}
			rs.errf("address", "%s is not of prefix %s's family: relays of an IPv%d prefix need the server's IPv%d address", addr, p, map[bool]int{true: 4, false: 6}[p.Addr().Is4()], map[bool]int{true: 4, false: 6}[p.Addr().Is4()])
			continue
		}
		out.Targets = append(out.Targets, canonicalIP(addr))
		out.Servers = append(out.Servers, s.Name)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	group := subnet.Server
	if relName != "" {
		group = relName
	}
	syn := relay4
	if !p.Addr().Is4() {
		syn = relay6
	}
	out.CiscoIOS, out.Junos, out.AristaEOS = relaySnippets(syn, out.Targets, vrf, str(q.Interface), group)
	return out, diags
}

var (
	junosName = regexp.MustCompile(`[^A-Za-z0-9_-]`)
	// A VRF name every snippet platform takes: Cisco IOS and Arista EOS
	// VRF names and Junos routing-instance names share letters, digits,
	// hyphens and underscores, and IOS stops at 32 characters.
	vrfNameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$`)
	// A router interface name: GigabitEthernet0/0/1, ge-0/0/1.0, Vlan10,
	// Port-channel10, Ethernet1/1:2.
	routerIfaceRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9/._:-]{0,63}$`)
)

// checkVRF checks a VRF label: it is written into router snippets, so it
// must be a name all three platforms take and must carry no command.
func checkVRF(r reporter, attr string, v *string) {
	if v != nil && !vrfNameRe.MatchString(*v) {
		r.errf(attr, "%q is not a VRF name the relay snippets can use: 1 to 32 letters, digits, hyphens and underscores, starting with a letter or digit (Cisco IOS, Junos and Arista EOS all take these)", *v)
	}
}

// checkRouterInterface checks the router interface named in the snippets.
func checkRouterInterface(r reporter, attr string, v *string) {
	if v != nil && !routerIfaceRe.MatchString(*v) {
		r.errf(attr, "%q is not a router interface name: up to 64 letters, digits and / . _ : -, starting with a letter (e.g. GigabitEthernet0/0/1, ge-0/0/1.0, Vlan10)", *v)
	}
}

// relaySyntax is how one family's relay destination is written.
type relaySyntax struct {
	iosGlobal, iosVRF string // format with (target) / (vrf, target)
	eosGlobal, eosVRF string // format with (target) / (target, vrf)
	junos             string // the dhcp-relay sub-hierarchy: "" or " dhcpv6"
}

var (
	relay4 = relaySyntax{" ip helper-address %s\n", " ip helper-address vrf %s %s\n", "   ip helper-address %s\n", "   ip helper-address %s vrf %s\n", ""}
	relay6 = relaySyntax{" ipv6 dhcp relay destination %s\n", " ipv6 dhcp relay destination vrf %s %s\n", "   ipv6 dhcp relay destination %s\n", "   ipv6 dhcp relay destination %s vrf %s\n", " dhcpv6"}
)

// relaySnippets writes the relay configuration for Cisco IOS, Junos (set
// commands) and Arista EOS. Without an interface name the snippets carry
// the placeholder <interface>.
func relaySnippets(syn relaySyntax, targets []string, vrf, iface, group string) (ios, junos, eos string) {
	if iface == "" {
		iface = "<interface>"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "interface %s\n", iface)
	for _, t := range targets {
		if vrf != "" {
			fmt.Fprintf(&b, syn.iosVRF, vrf, t)
		} else {
			fmt.Fprintf(&b, syn.iosGlobal, t)
		}
	}
	ios = b.String()

	b.Reset()
	prefix := "set forwarding-options dhcp-relay" + syn.junos
	if vrf != "" {
		prefix = fmt.Sprintf("set routing-instances %s forwarding-options dhcp-relay%s", vrf, syn.junos)
	}
	g := "kea-" + junosName.ReplaceAllString(group, "-")
	for _, t := range targets {
		fmt.Fprintf(&b, "%s server-group %s %s\n", prefix, g, t)
	}
	fmt.Fprintf(&b, "%s group %s active-server-group %s\n", prefix, g, g)
	fmt.Fprintf(&b, "%s group %s interface %s\n", prefix, g, iface)
	junos = b.String()

	b.Reset()
	fmt.Fprintf(&b, "interface %s\n", iface)
	for _, t := range targets {
		if vrf != "" {
			fmt.Fprintf(&b, syn.eosVRF, t, vrf)
		} else {
			fmt.Fprintf(&b, syn.eosGlobal, t)
		}
	}
	eos = b.String()
	return ios, junos, eos
}
