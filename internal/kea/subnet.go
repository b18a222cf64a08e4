package kea

import (
	"fmt"
	"net/netip"
	"slices"
	"sort"
)

// KindSubnet is the subnet's Terraform type.
const KindSubnet = "kea_subnet"

// Subnet is a kea_subnet.
type Subnet struct {
	Server   string `json:"server"`
	SubnetID int64  `json:"subnet_id"`
	Prefix   string `json:"prefix"`
	Lifetimes
	Timers
	ScopeRefs
	ReservationModes
	ReservationsOnly *bool    `json:"reservations_only"`
	RelayAddresses   []string `json:"relay_addresses"`
	VRF              *string  `json:"vrf"`
	SharedNetwork    *string  `json:"shared_network"`
	Interface        *string  `json:"interface"`
	// DHCPv6 only.
	V6Lifetimes
	V6Link
	DDNSScope
	Escape
}

// ID is the subnet's identity: "<server>/<subnet_id>".
func (s *Subnet) ID() string { return s.Server + "/" + itoa(s.SubnetID) }

// Identity is the id once the server and subnet id are set.
func (s *Subnet) Identity() (string, bool) { return s.ID(), s.Server != "" && s.SubnetID != 0 }

// ParseSubnetID reads a subnet's import id, "<server>/<subnet_id>".
func ParseSubnetID(id string) (*Subnet, error) {
	p, err := splitID(id, 2, "<server>/<subnet_id>")
	if err != nil {
		return nil, err
	}
	sid, err := parseIDNumber(p[1], "subnet id")
	if err != nil {
		return nil, err
	}
	return &Subnet{Server: p[0], SubnetID: sid}, nil
}

// Validate checks the subnet on its own.
func (s *Subnet) Validate(index int) Diags {
	var out Diags
	s.validate(reporter{kind: KindSubnet, id: s.ID(), index: index, out: &out})
	return out
}

// validate checks the subnet on its own and returns its prefix.
func (s *Subnet) validate(r reporter) netip.Prefix {
	if s.Server == "" {
		r.errf("server", "is required")
	}
	if s.SubnetID < 1 || s.SubnetID > MaxSubnetID {
		r.errf("subnet_id", "%d is out of range: Kea subnet ids are 1 to 4294967294", s.SubnetID)
	}
	p, err := parsePrefix(s.Prefix)
	switch {
	case err != nil:
		r.errf("prefix", "%v", err)
	case p.Bits() == 0:
		r.errf("prefix", "%s is the whole address space (Kea accepts it, and every client would match this subnet); give the link's prefix", p)
	}
	checkLifetimes(r, &s.Lifetimes, &s.Timers)
	checkInterfaceName(r, "interface", s.Interface)
	checkVRF(r, "vrf", s.VRF)
	if err == nil {
		checkV6Link(r, famOf(p.Addr().Is4()), "subnet", s.Interface, &s.V6Link, &s.V6Lifetimes)
	}
	s.ScopeRefs.check(r)
	if err == nil {
		checkRelays(r, s.RelayAddresses, p.Addr().Is4())
	}
	s.Escape.check(r)
	return p
}

// checkRelays checks relay addresses: of the subnet's family, no repeats.
func checkRelays(r reporter, addrs []string, is4 bool) {
	seen := map[string]bool{}
	for i, a := range addrs {
		ip, err := parseIP(a)
		switch {
		case err != nil:
			r.errf(fmt.Sprintf("relay_addresses[%d]", i), "%v", err)
		case ip.Is4() != is4:
			r.errf(fmt.Sprintf("relay_addresses[%d]", i), "%s is not of the %s family", a, map[bool]string{true: "IPv4", false: "IPv6"}[is4])
		case seen[ip.String()]:
			r.errf(fmt.Sprintf("relay_addresses[%d]", i), "%s is listed twice", a)
		}
		if err == nil {
			seen[ip.String()] = true
		}
	}
}

// checkV6Link checks the DHCPv6-only keys of a subnet or shared network.
func checkV6Link(r reporter, f *family, what string, iface *string, l *V6Link, pref *V6Lifetimes) {
	if f.v == 4 {
		notIn(r, "DHCPv4", union(pref.set(), map[string]bool{"interface_id": l.InterfaceID != nil, "rapid_commit": l.RapidCommit != nil}))
		return
	}
	if iface != nil && l.InterfaceID != nil {
		r.errf("interface_id", "a %s is selected by interface or by interface_id (a relay's interface-id option), not both", what)
	}
	pref.check(r)
}

// subnetInfo is a selected subnet with everything derived from it.
type subnetInfo struct {
	s       *Subnet
	id      string
	index   int
	prefix  netip.Prefix
	rng     addrRange
	pools   []poolInfo
	pdPools []pdPoolInfo
	hosts   []int32        // its reservations, as indexes in renderer.hosts
	net     *SharedNetwork // the shared network holding it, if any
	global  bool           // effective reservations-global
	outPool bool           // effective reservations-out-of-pool
}

// edges are an IPv4 subnet's network and broadcast addresses, which no
// client may be given; /31 and /32 subnets have none (RFC 3021).
func (si *subnetInfo) edges() (network, broadcast netip.Addr, ok bool) {
	if !si.prefix.Addr().Is4() || si.prefix.Bits() > 30 {
		return netip.Addr{}, netip.Addr{}, false
	}
	return si.rng.first, si.rng.last, true
}

// selectSubnets validates the server's subnets and returns them by id.
func (rd *renderer) selectSubnets(nets map[string]*netInfo) []*subnetInfo {
	srv := rd.srv
	var out []*subnetInfo
	ids := map[int64]*subnetInfo{}
	prefixes := map[netip.Prefix]*subnetInfo{}
	for i := range rd.e.Subnets {
		s := &rd.e.Subnets[i]
		if !rd.owns(s, i) {
			continue
		}
		id := s.ID()
		r := rd.rep(KindSubnet, id, i)
		var p netip.Prefix
		if !rd.clean(func() { p = s.validate(r) }) {
			continue
		}
		if p.Addr().Is4() != (rd.fam.v == 4) {
			r.errf("prefix", "%s is not an IPv%d prefix, and server %q is a DHCPv%d server (family = %d)", p, rd.fam.v, srv.Name, rd.fam.v, rd.fam.v)
			continue
		}
		si := &subnetInfo{s: s, id: id, index: i, prefix: p, rng: prefixRange(p)}
		if o, dup := ids[s.SubnetID]; dup {
			r.errf("subnet_id", "%d (given to %s) is already used by the subnet %s on server %q; subnet ids are unique per server", s.SubnetID, p, o.s.Prefix, srv.Name)
			continue
		}
		if o, dup := prefixes[p]; dup {
			r.errf("prefix", "%s is already subnet %d on server %q", p, o.s.SubnetID, srv.Name)
			continue
		}
		ids[s.SubnetID] = si
		prefixes[p] = si
		out = append(out, si)
	}
	rd.checkOverlaps(out)
	sort.Slice(out, func(a, b int) bool { return out[a].s.SubnetID < out[b].s.SubnetID })
	kept := out[:0]
	for _, si := range out {
		r := rd.rep(KindSubnet, si.id, si.index)
		if !rd.attachToNetwork(r, si, nets) {
			continue
		}
		si.global = rd.inherit(si, reservationsGlobal)
		si.outPool = rd.inherit(si, reservationsOutOfPool)
		checkInheritedLifetimes(r, si.s, si.net, srv)
		kept = append(kept, si)
	}
	return kept
}

// checkOverlaps refuses subnets of one document whose prefixes overlap
// (one inside another): Kea accepts them and picks whichever it meets
// first. Sorted by first address, a prefix overlaps a later one exactly
// when the later one starts inside it.
func (rd *renderer) checkOverlaps(subnets []*subnetInfo) {
	byAddr := slices.Clone(subnets)
	sort.Slice(byAddr, func(a, b int) bool {
		if c := byAddr[a].rng.first.Compare(byAddr[b].rng.first); c != 0 {
			return c < 0
		}
		return byAddr[a].prefix.Bits() < byAddr[b].prefix.Bits()
	})
	var open *subnetInfo // the widest prefix still covering the scan
	for _, si := range byAddr {
		if open != nil && open.rng.contains(si.rng.first) {
			rd.rep(KindSubnet, si.id, si.index).errf("prefix", "%s overlaps subnet %s (%s) on server %q; Kea would pick whichever it meets first: give each link its own prefix", si.prefix, open.id, open.prefix, rd.srv.Name)
			continue
		}
		open = si
	}
}

// owns reports whether a subnet belongs in the target's document: it is
// the target's, or, for an HA member, the relationship's or its primary's.
// A subnet attached to another member of the relationship is an error.
func (rd *renderer) owns(s *Subnet, index int) bool {
	if rd.ownsServer(s.Server) {
		return true
	}
	if rd.ha != nil {
		for _, m := range rd.ha.members {
			if m.Name == s.Server {
				rd.rep(KindSubnet, s.ID(), index).errf("server", "server %q is %s in HA relationship %q; attach the subnet to the relationship (server = %q), which survives a change of primary, or to the primary, %q", m.Name, m.HA.Role, rd.ha.rel.Name, rd.ha.rel.Name, primaryName(rd.ha.primary))
				return false
			}
		}
	}
	return false
}

// ownsServer reports whether objects attached to server (a server or HA
// relationship id) belong in the target's document.
func (rd *renderer) ownsServer(server string) bool {
	if rd.ha == nil {
		return server == rd.srv.ID()
	}
	return server == rd.ha.rel.Name || rd.ha.primary != nil && server == rd.ha.primary.Name
}

// inherit resolves a reservation flag for a subnet: its own, its shared
// network's, the server's, the default.
func (rd *renderer) inherit(si *subnetInfo, flag reservationFlag) bool {
	var net *ReservationModes
	if si.net != nil {
		net = &si.net.ReservationModes
	}
	return reservationMode(flag, &si.s.ReservationModes, net, &rd.srv.ReservationModes)
}

// reservationFlag is one of the reservation modes, and its default.
type reservationFlag struct {
	get func(*ReservationModes) *bool
	def bool
}

var (
	reservationsGlobal    = reservationFlag{func(m *ReservationModes) *bool { return m.ReservationsGlobal }, BuiltinDefaults.ReservationsGlobal}
	reservationsInSubnet  = reservationFlag{func(m *ReservationModes) *bool { return m.ReservationsInSubnet }, BuiltinDefaults.ReservationsInSubnet}
	reservationsOutOfPool = reservationFlag{func(m *ReservationModes) *bool { return m.ReservationsOutOfPool }, BuiltinDefaults.ReservationsOutOfPool}
)

// reservationMode is a subnet's flag in effect: the first of its own, its
// shared network's (nil when it has none) and the server's that is set,
// else the default.
func reservationMode(flag reservationFlag, subnet, network, server *ReservationModes) bool {
	for _, m := range []*ReservationModes{subnet, network, server} {
		if m != nil {
			if v := flag.get(m); v != nil {
				return *v
			}
		}
	}
	return flag.def
}

// indexSubnets records the selected subnets by id, and the ids of every
// subnet passed in, for the objects that refer to a subnet.
func (rd *renderer) indexSubnets(sel []*subnetInfo) {
	rd.selected = make(map[string]*subnetInfo, len(sel))
	for _, si := range sel {
		rd.selected[si.id] = si
	}
	rd.passed = make(map[string]bool, len(rd.e.Subnets))
	for i := range rd.e.Subnets {
		rd.passed[rd.e.Subnets[i].ID()] = true
	}
}

// parentSubnet finds the subnet an object refers to. Objects of subnets
// outside this document are skipped (ok false, no error); a subnet that
// was not passed in at all is an error.
func (rd *renderer) parentSubnet(kind, id string, index int, ref string) (*subnetInfo, bool) {
	si, ok := rd.selected[ref]
	switch {
	case ok:
	case ref == "":
		rd.rep(kind, id, index).errf("subnet", "is required")
	case !rd.passed[ref]:
		rd.rep(kind, id, index).errf("subnet", "refers to subnet %q, which was not passed in", ref)
	}
	return si, ok
}

func (rd *renderer) renderSubnet(si *subnetInfo) *Object {
	s := si.s
	r := rd.rep(KindSubnet, si.id, si.index)
	o := &Object{}
	o.Set("id", s.SubnetID)
	o.Set("subnet", si.prefix.String())
	setStr(o, "interface", s.Interface)
	renderLinkTimes(o, &s.Lifetimes, &s.Timers, &s.V6Lifetimes, &s.V6Link)
	rd.setClasses(o, r, "subnet", nil, &s.ScopeRefs)
	s.ReservationModes.render(o)
	rd.renderPolicy(o, r, scopeSubnet, &s.DDNSScope)
	if len(s.RelayAddresses) > 0 {
		o.Set("relay", (&Object{}).Set("ip-addresses", s.RelayAddresses))
	}
	if opts := rd.optionList(r, "option_data", s.OptionData); len(opts) > 0 {
		o.Set("option-data", opts)
	}
	if len(si.pools) > 0 {
		pools := make([]any, 0, len(si.pools))
		for _, pi := range si.pools {
			pools = append(pools, rd.renderPool(si, pi))
		}
		o.Set("pools", pools)
	}
	if len(si.pdPools) > 0 {
		pds := make([]any, 0, len(si.pdPools))
		for _, pi := range si.pdPools {
			pds = append(pds, rd.renderPDPool(s, pi))
		}
		o.Set("pd-pools", pds)
	}
	inSubnet := rd.inherit(si, reservationsInSubnet)
	if len(si.hosts) > 0 && !si.global && !inSubnet {
		r.warnf("reservations_in_subnet", "is false for this subnet and its reservations are not global either: Kea will not look up its %d reservation(s)", len(si.hosts))
	}
	rd.checkHosts(si.hosts, !si.global)
	if si.global {
		for _, at := range si.hosts {
			if hi := &rd.hosts[at]; len(hi.addrs) > 0 || len(hi.prefs) > 0 {
				rd.hostRep(hi).warnf(rd.fam.addrAttr, "not rendered: reservations are global for subnet %s, and a global reservation carries no address (the client gets a dynamic address from the subnet)", si.id)
			}
		}
	} else if len(si.hosts) > 0 {
		o.Set("reservations", hostList{rd: rd, hosts: si.hosts, withAddr: true})
	}
	s.Escape.finish(o, r, rd.fam.doc, scopeSubnet)
	return o
}

// renderLinkTimes renders the lifetimes and DHCPv6 link settings a subnet
// and a shared network share, in Kea's order.
func renderLinkTimes(o *Object, l *Lifetimes, t *Timers, pref *V6Lifetimes, link *V6Link) {
	l.render(o)
	t.render(o)
	pref.render(o)
	link.render(o)
}

// lifetimeLevel is one scope of a lifetime inheritance chain; from names
// it in messages ("" for the object itself).
type lifetimeLevel struct {
	from string
	l    *Lifetimes
}

// checkEffectiveLifetimes checks what an object (a subnet or shared network,
// called what) gets from its chain, itself first, as Kea does when it
// builds the scope: the effective valid lifetime within the effective
// bounds. It returns the effective valid lifetime.
func checkEffectiveLifetimes(r reporter, what string, levels []lifetimeLevel) *int64 {
	pick := func(get func(*Lifetimes) *int64, name string) (*int64, string) {
		for _, l := range levels {
			if v := get(l.l); v != nil {
				if l.from == "" {
					return v, name
				}
				return v, name + " inherited from " + l.from
			}
		}
		return nil, ""
	}
	min, minFrom := pick(func(l *Lifetimes) *int64 { return l.MinValidLifetime }, "min_valid_lifetime")
	valid, _ := pick(func(l *Lifetimes) *int64 { return l.ValidLifetime }, "valid_lifetime")
	max, maxFrom := pick(func(l *Lifetimes) *int64 { return l.MaxValidLifetime }, "max_valid_lifetime")
	switch {
	case *valid > *max:
		r.errf("valid_lifetime", "the effective valid lifetime %d is greater than the effective maximum %d (%s); set max_valid_lifetime on the %s or lower the lifetime", *valid, *max, maxFrom, what)
	case min != nil && *valid < *min:
		r.errf("valid_lifetime", "the effective valid lifetime %d is less than the effective minimum %d (%s)", *valid, *min, minFrom)
	case min != nil && *min > *max:
		r.errf("min_valid_lifetime", "the effective minimum %d (%s) is greater than the effective maximum %d (%s)", *min, minFrom, *max, maxFrom)
	}
	return valid
}

// serverLevel is the last level of every chain: the server, defaults
// filled in.
func serverLevel(srv *Server) lifetimeLevel {
	l := srv.lifetimes()
	return lifetimeLevel{fmt.Sprintf("server %q", srv.Name), &l}
}

// checkNetworkLifetimes checks a shared network's lifetimes against the
// server's, which it inherits where it sets none, as Kea does whether or
// not the network has subnets.
func checkNetworkLifetimes(r reporter, n *SharedNetwork, srv *Server) {
	if n.ValidLifetime != nil || n.MinValidLifetime != nil || n.MaxValidLifetime != nil {
		checkEffectiveLifetimes(r, "shared network", []lifetimeLevel{{"", &n.Lifetimes}, serverLevel(srv)})
	}
}

// checkInheritedLifetimes checks a subnet's lifetimes against the values it
// inherits from its shared network and server, and its timers against the
// valid lifetime it inherits.
func checkInheritedLifetimes(r reporter, s *Subnet, n *SharedNetwork, srv *Server) {
	levels := []lifetimeLevel{{"", &s.Lifetimes}}
	if n != nil {
		levels = append(levels, lifetimeLevel{fmt.Sprintf("shared network %q", n.Name), &n.Lifetimes})
	}
	valid := checkEffectiveLifetimes(r, "subnet", append(levels, serverLevel(srv)))
	if s.ValidLifetime == nil && (s.RenewTimer != nil || s.RebindTimer != nil) {
		checkSeconds(r, "valid_lifetime", valid)
		s.Timers.check(r, valid)
	}
}
