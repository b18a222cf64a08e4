package kea

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/keaform/terraform-provider-kea/internal/kea/expr"
	"net/netip"
	"slices"
	"sort"
	"strings"
)

// Rendered is a rendered document and its digest.
type Rendered struct {
	Document []byte // pretty-printed JSON with a trailing newline
	SHA256   string // hex sha256 of Document
	// HasSecrets is set when a secret was written into Document.
	HasSecrets bool
}

// subnetInfo is a selected subnet with everything derived from it.
type subnetInfo struct {
	s       *Subnet
	index   int
	prefix  netip.Prefix
	rng     addrRange
	pools   []poolInfo
	pdPools []pdPoolInfo
	hosts   []hostInfo
	net     *SharedNetwork // the shared network holding it, if any
	global  bool           // effective reservations-global
	outPool bool           // effective reservations-out-of-pool
}

type poolInfo struct {
	p     *Pool
	id    string
	index int
	rng   addrRange
}

type hostInfo struct {
	h      *Reservation
	id     string
	index  int
	idType string
	idVal  string
	addr   netip.Addr   // the first reserved address; zero when none
	addrs  []netip.Addr // every reserved address (DHCPv6 may reserve several)
	prefs  []netip.Prefix
}

// renderer holds the state of one Render call.
type renderer struct {
	e     *Estate
	diags Diags

	defs    *defIndex
	badDefs map[spaceKey]bool // user definitions that failed validation, by name and by code

	optionData  map[string]int // name -> index in e.OptionData
	classes     map[string]int // name -> index in e.ClientClasses
	usedOptions map[string]bool
	usedClasses map[string]bool
	usedDefs    map[defUse]bool
	vendors     map[string]*VendorOptionSpace
	global43    map[string]*VendorOptionSpace // option 43 vendors outside classes
	usedSecrets bool
	ha          *haInfo                // set when the target is an HA member
	fam         *family                // the target's address family
	selected    map[string]*subnetInfo // the document's subnets by id
	passed      map[string]bool        // ids of every subnet passed in
}

// secret resolves a named secret for the document and records that the
// document now holds one.
func (rd *renderer) secret(r reporter, attr, name string) (string, bool) {
	v, ok := checkSecret(r, attr, name, rd.e.Secrets)
	rd.usedSecrets = rd.usedSecrets || ok
	return v, ok
}

func (rd *renderer) rep(kind, id string, index int) reporter {
	return reporter{kind: kind, id: id, index: index, out: &rd.diags}
}

func newRenderer(e *Estate) *renderer {
	return &renderer{e: e, usedOptions: map[string]bool{}, usedClasses: map[string]bool{}, usedDefs: map[defUse]bool{}, global43: map[string]*VendorOptionSpace{}}
}

// Render validates the estate and renders the target server's
// configuration: kea-dhcp4's (Dhcp4) or, for a family 6 server,
// kea-dhcp6's (Dhcp6). Objects that belong to other servers are ignored; objects
// this server uses are validated, alone and against each other. On any
// error the document is nil.
func Render(e *Estate) (*Rendered, Diags) {
	rd := newRenderer(e)
	doc := rd.render()
	if rd.diags.HasErrors() || doc == nil {
		return nil, rd.diags
	}
	out := Marshal(doc)
	sum := sha256.Sum256(out)
	return &Rendered{Document: out, SHA256: hex.EncodeToString(sum[:]), HasSecrets: rd.usedSecrets}, rd.diags
}

func (rd *renderer) render() *Object {
	e := rd.e
	srv := &e.Server
	rd.diags = append(rd.diags, srv.Validate()...)
	if srv.Name == "" {
		return nil
	}
	rd.fam = srv.fam()
	rd.indexVendors()
	rd.indexDefinitions()
	rd.indexNamed()
	if srv.HA != nil && !rd.diags.HasErrors() {
		if rd.ha = rd.resolveHA(); rd.ha == nil || rd.diags.HasErrors() {
			return nil
		}
	}
	nets := rd.selectNetworks()
	subnets := rd.selectSubnets(nets)
	if subnets == nil && rd.diags.HasErrors() {
		return nil
	}
	rd.indexSubnets(subnets)
	rd.attachPools(subnets)
	rd.attachPDPools(subnets)
	rd.attachReservations(subnets)

	sr := rd.rep(KindServer, srv.ID(), -1)
	conf := &Object{}
	rd.renderServer(conf, sr)

	// Every object's own option data and classes first, so option-def and
	// client-classes can list what is used. In HA the primary owns the
	// global ones, and every member renders them.
	owner, or := srv, sr
	if rd.ha != nil && rd.ha.primary != nil {
		owner, or = rd.ha.primary, rd.rep(KindServer, rd.ha.primary.Name, -1)
	}
	serverOpts := rd.optionList(or, "option_data", owner.OptionData)
	rd.useClasses(or, "client_classes", owner.ClientClasses)
	var topSubnets []any
	var globalHosts []*Object
	rendered := make(map[*subnetInfo]*Object, len(subnets))
	for _, si := range subnets {
		obj, hosts := rd.renderSubnet(si)
		rendered[si] = obj
		if si.net == nil {
			topSubnets = append(topSubnets, obj)
		}
		globalHosts = append(globalHosts, hosts...)
	}
	networks := rd.renderNetworks(nets, rendered)
	classes := rd.renderClasses()
	if defs := rd.renderDefs(sr); len(defs) > 0 {
		conf.Set("option-def", defs)
	}
	if len(serverOpts) > 0 {
		conf.Set("option-data", serverOpts)
	}
	if len(classes) > 0 {
		conf.Set("client-classes", classes)
	}
	if len(networks) > 0 {
		conf.Set("shared-networks", networks)
	}
	if topSubnets == nil {
		topSubnets = []any{}
	}
	conf.Set(rd.fam.subnets, topSubnets)
	if len(globalHosts) > 0 {
		conf.Set("reservations", globalHosts)
	}
	rd.finish(conf, sr, srv.UserContext, srv.ExtraJSON)
	if rd.diags.HasErrors() {
		return nil
	}
	return (&Object{}).Set(rd.fam.top, conf)
}

// finish appends user-context and the extra_json keys of an object.
func (rd *renderer) finish(o *Object, r reporter, userContext, extra *string) {
	if uc := checkJSONObject(r, "user_context", userContext); uc != nil {
		o.Set("user-context", uc)
	}
	x := checkJSONObject(r, "extra_json", extra)
	if x == nil {
		return
	}
	for i, k := range x.keys {
		if o.Has(k) {
			r.errf("extra_json", "key %q is rendered from this object's attributes; set the attribute instead of overriding it", k)
			continue
		}
		o.Set(k, x.vals[i])
	}
}

func (rd *renderer) renderServer(o *Object, r reporter) {
	s := &rd.e.Server
	sockDir, hooksDir, leaseDir, _ := s.Dirs()
	ifc := &Object{}
	ifaces := s.Interfaces
	if ifaces == nil {
		ifaces = []string{"*"}
	}
	ifc.Set("interfaces", ifaces)
	if s.DHCPSocketType != nil {
		ifc.Set("dhcp-socket-type", *s.DHCPSocketType)
	}
	o.Set("interfaces-config", ifc)
	if len(s.ControlSockets) > 0 {
		socks := make([]any, len(s.ControlSockets))
		for i := range s.ControlSockets {
			socks[i] = renderControlSocket(r, fmt.Sprintf("control_sockets[%d]", i), &s.ControlSockets[i], sockDir, rd.secret)
		}
		o.Set("control-sockets", socks)
	}
	if db := s.LeaseDatabase; db != nil {
		l := &Object{}
		l.Set("type", "memfile")
		if db.Persist != nil {
			l.Set("persist", *db.Persist)
		}
		if db.Name != nil {
			p, _ := completePath(leaseDir, *db.Name, "", "")
			l.Set("name", p)
		}
		if db.LFCInterval != nil {
			l.Set("lfc-interval", *db.LFCInterval)
		}
		o.Set("lease-database", l)
	}
	var hooks []any
	if len(s.HooksLibraries) > 0 {
		for _, h := range s.HooksLibraries {
			p, _ := completePath(hooksDir, h.Library, "", "")
			ho := (&Object{}).Set("library", p)
			if h.Parameters != nil {
				if params, err := ParseObject(*h.Parameters); err == nil {
					ho.Set("parameters", params)
				}
			}
			hooks = append(hooks, ho)
		}
	}
	if rd.ha != nil {
		hooks = rd.renderHAHooks(r, hooks, hooksDir, rd.ha)
	}
	if len(hooks) > 0 {
		o.Set("hooks-libraries", hooks)
	}
	o.Set("valid-lifetime", s.validLifetime())
	setInt(o, "min-valid-lifetime", s.MinValidLifetime)
	o.Set("max-valid-lifetime", s.maxValidLifetime())
	setInt(o, "renew-timer", s.RenewTimer)
	setInt(o, "rebind-timer", s.RebindTimer)
	setBool(o, "calculate-tee-times", s.CalculateTeeTimes)
	setFloat(o, "t1-percent", s.T1Percent)
	setFloat(o, "t2-percent", s.T2Percent)
	setInt(o, "decline-probation-period", s.DeclineProbationPeriod)
	setInt(o, "preferred-lifetime", s.PreferredLifetime)
	setInt(o, "min-preferred-lifetime", s.MinPreferredLifetime)
	setInt(o, "max-preferred-lifetime", s.MaxPreferredLifetime)
	setBool(o, "authoritative", s.Authoritative)
	setBool(o, "match-client-id", s.MatchClientID)
	o.Set("reservations-global", boolv(s.ReservationsGlobal, BuiltinDefaults.ReservationsGlobal))
	o.Set("reservations-in-subnet", boolv(s.ReservationsInSubnet, BuiltinDefaults.ReservationsInSubnet))
	o.Set("reservations-out-of-pool", boolv(s.ReservationsOutOfPool, BuiltinDefaults.ReservationsOutOfPool))
	setBoot(o, s.NextServer, s.ServerHostname, s.BootFileName)
	if id := s.ServerID; id != nil {
		so := (&Object{}).Set("type", id.Type)
		if id.Identifier != nil {
			hexID, _, _ := normalizeHex(*id.Identifier)
			so.Set("identifier", strings.ReplaceAll(hexID, ":", ""))
		}
		setInt(so, "htype", id.HType)
		setInt(so, "enterprise-id", id.EnterpriseID)
		setBool(so, "persist", id.Persist)
		o.Set("server-id", so)
	}
	if len(s.MACSources) > 0 {
		o.Set("mac-sources", s.MACSources)
	}
	if len(s.RelaySuppliedOptions) > 0 {
		o.Set("relay-supplied-options", s.RelaySuppliedOptions)
	}
}

func setInt(o *Object, k string, v *int64) {
	if v != nil {
		o.Set(k, *v)
	}
}

func setBool(o *Object, k string, v *bool) {
	if v != nil {
		o.Set(k, *v)
	}
}

func setFloat(o *Object, k string, v *float64) {
	if v != nil {
		o.Set(k, Float(*v))
	}
}

func setStr(o *Object, k string, v *string) {
	if v != nil {
		o.Set(k, *v)
	}
}

func setBoot(o *Object, next, host, file *string) {
	setStr(o, "next-server", next)
	setStr(o, "server-hostname", host)
	setStr(o, "boot-file-name", file)
}

// indexDefinitions validates user option definitions and adds them to the
// standard catalogue.
func (rd *renderer) indexDefinitions() {
	rd.defs = rd.fam.std.clone()
	rd.badDefs = map[spaceKey]bool{}
	bad := func(d *OptionDef) {
		rd.badDefs[spaceKey{d.space(), d.Name}] = true
		rd.badDefs[spaceKey{d.space(), "#" + itoa(d.Code)}] = true
	}
	for i := range rd.e.OptionDefs {
		d := &rd.e.OptionDefs[i]
		ds := d.Validate(i)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			bad(d)
			continue
		}
		r := rd.rep(KindOptionDef, d.ID(), i)
		space := d.space()
		if o, dup := rd.defs.byCode[spaceCode{space, d.Code}]; dup {
			r.errf("code", "option %d in space %s is already defined as %q (%s entry #%d)", d.Code, space, o.Name, KindOptionDef, o.userIndex)
			bad(d)
			continue
		}
		if o, dup := rd.defs.byName[spaceKey{space, d.Name}]; dup {
			r.errf("name", "option %q in space %s is already defined with code %d (%s %q)", d.Name, space, o.Code, KindOptionDef, o.user.ID())
			bad(d)
			continue
		}
		od := &optionDef{Name: d.Name, Code: d.Code, Space: space, Type: OptionType(d.Type), Array: boolv(d.Array, false),
			Encapsulate: str(d.Encapsulate), user: d, userIndex: i}
		for _, t := range d.RecordTypes {
			od.RecordTypes = append(od.RecordTypes, OptionType(t))
		}
		rd.defs.byCode[spaceCode{space, d.Code}] = od
		rd.defs.byName[spaceKey{space, d.Name}] = od
	}
}

// indexNamed indexes option data and classes by name, reporting duplicates.
func (rd *renderer) indexNamed() {
	rd.optionData = make(map[string]int, len(rd.e.OptionData))
	for i := range rd.e.OptionData {
		o := &rd.e.OptionData[i]
		if j, dup := rd.optionData[o.Name]; dup {
			rd.rep(KindOptionData, o.Name, i).errf("name", "is used by another option data object too (entry #%d); names identify option data and must be unique", j)
			continue
		}
		rd.optionData[o.Name] = i
	}
	rd.classes = make(map[string]int, len(rd.e.ClientClasses))
	for i := range rd.e.ClientClasses {
		c := &rd.e.ClientClasses[i]
		if j, dup := rd.classes[c.Name]; dup {
			rd.rep(KindClientClass, c.Name, i).errf("name", "is used by another client class too (entry #%d); class names must be unique", j)
			continue
		}
		rd.classes[c.Name] = i
	}
}

// selectSubnets validates the server's subnets and returns them by id.
func (rd *renderer) selectSubnets(nets map[string]*netInfo) []*subnetInfo {
	srv := &rd.e.Server
	var out []*subnetInfo
	ids := map[int64]*subnetInfo{}
	prefixes := map[netip.Prefix]*subnetInfo{}
	for i := range rd.e.Subnets {
		s := &rd.e.Subnets[i]
		if !rd.owns(s, i) {
			continue
		}
		ds := s.Validate(i)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			continue
		}
		r := rd.rep(KindSubnet, s.ID(), i)
		p, _ := parsePrefix(s.Prefix)
		if p.Addr().Is4() != (rd.fam.v == 4) {
			r.errf("prefix", "%s is not an IPv%d prefix, and server %q is a DHCPv%d server (family = %d)", p, rd.fam.v, srv.Name, rd.fam.v, rd.fam.v)
			continue
		}
		si := &subnetInfo{s: s, index: i, prefix: p, rng: prefixRange(p)}
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
	sort.Slice(out, func(a, b int) bool { return out[a].s.SubnetID < out[b].s.SubnetID })
	kept := out[:0]
	for _, si := range out {
		r := rd.rep(KindSubnet, si.s.ID(), si.index)
		if !rd.attachToNetwork(r, si, nets) {
			continue
		}
		si.global = rd.inherit(si, func(s *Subnet) *bool { return s.ReservationsGlobal }, func(n *SharedNetwork) *bool { return n.ReservationsGlobal }, srv.ReservationsGlobal, BuiltinDefaults.ReservationsGlobal)
		si.outPool = rd.inherit(si, func(s *Subnet) *bool { return s.ReservationsOutOfPool }, func(n *SharedNetwork) *bool { return n.ReservationsOutOfPool }, srv.ReservationsOutOfPool, BuiltinDefaults.ReservationsOutOfPool)
		checkInheritedLifetimes(r, si.s, si.net, srv)
		kept = append(kept, si)
	}
	return kept
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
		return server == rd.e.Server.ID()
	}
	return server == rd.ha.rel.Name || rd.ha.primary != nil && server == rd.ha.primary.Name
}

func primaryName(p *Server) string {
	if p == nil {
		return "(none)"
	}
	return p.Name
}

// inherit resolves a reservation flag for a subnet: its own, its shared
// network's, the server's, the default.
func (rd *renderer) inherit(si *subnetInfo, own func(*Subnet) *bool, net func(*SharedNetwork) *bool, server *bool, def bool) bool {
	if v := own(si.s); v != nil {
		return *v
	}
	if si.net != nil {
		if v := net(si.net); v != nil {
			return *v
		}
	}
	return boolv(server, def)
}

// indexSubnets records the selected subnets by id, and the ids of every
// subnet passed in, for the objects that refer to a subnet.
func (rd *renderer) indexSubnets(sel []*subnetInfo) {
	rd.selected = make(map[string]*subnetInfo, len(sel))
	for _, si := range sel {
		rd.selected[si.s.ID()] = si
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
	if !ok && !rd.passed[ref] {
		rd.rep(kind, id, index).errf("subnet", "refers to subnet %q, which was not passed in", ref)
	}
	return si, ok
}

func (rd *renderer) attachPools(sel []*subnetInfo) {
	for i := range rd.e.Pools {
		p := &rd.e.Pools[i]
		si, ok := rd.parentSubnet(KindPool, p.ID(), i, p.Subnet)
		if !ok {
			continue
		}
		id := p.ID()
		ds := p.validate(i, id)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			continue
		}
		r := rd.rep(KindPool, id, i)
		rg, _, _ := p.addrRange()
		if !si.rng.contains(rg.first) || !si.rng.contains(rg.last) {
			r.errf("range", "%s is not inside subnet %s (%s)", rg.kea(), si.s.ID(), si.prefix)
			continue
		}
		if boolv(si.s.ReservationsOnly, false) {
			r.errf("subnet", "subnet %s is reservations_only: it hands out reserved addresses only, so it takes no pools", si.s.ID())
			continue
		}
		si.pools = append(si.pools, poolInfo{p: p, id: id, index: i, rng: rg})
	}
	for _, si := range sel {
		sort.Slice(si.pools, func(a, b int) bool { return si.pools[a].rng.first.Less(si.pools[b].rng.first) })
		for k := 1; k < len(si.pools); k++ {
			prev, cur := si.pools[k-1], si.pools[k]
			if prev.rng.overlaps(cur.rng) {
				rd.rep(KindPool, cur.id, cur.index).errf("range", "%s overlaps pool %s in subnet %s", cur.rng.kea(), prev.rng.kea(), si.s.ID())
			}
		}
	}
}

func (rd *renderer) attachReservations(sel []*subnetInfo) {
	globalIDs := map[string]string{}
	for i := range rd.e.Reservations {
		h := &rd.e.Reservations[i]
		si, ok := rd.parentSubnet(KindReservation, h.ID(), i, h.Subnet)
		if !ok {
			continue
		}
		t, v, err := h.identifier()
		id := h.Subnet + "/" + t + "=" + v
		if err != nil {
			id = h.ID()
		}
		ds := h.validate(i, id)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			continue
		}
		r := rd.rep(KindReservation, id, i)
		hi := hostInfo{h: h, id: id, index: i, idType: t, idVal: v}
		if !rd.hostFitsFamily(r, h) {
			continue
		}
		addrAttr := "ip_address"
		if rd.fam.v == 6 {
			addrAttr = "ip_addresses"
		}
		for _, a := range h.addresses() {
			addr, _ := parseIP(a)
			hi.addrs = append(hi.addrs, addr)
		}
		for _, p := range h.Prefixes {
			pp, _ := parsePrefix(p)
			hi.prefs = append(hi.prefs, pp)
		}
		if len(hi.addrs) > 0 {
			hi.addr = hi.addrs[0]
		}
		fits := true
		for _, addr := range hi.addrs {
			if !si.prefix.Contains(addr) {
				r.errf(addrAttr, "%s is not inside subnet %s (%s)", addr, si.s.ID(), si.prefix)
				fits = false
				continue
			}
			if si.outPool {
				// Pools are sorted and do not overlap: only the last pool
				// starting at or before the address can hold it.
				k := sort.Search(len(si.pools), func(k int) bool { return addr.Less(si.pools[k].rng.first) }) - 1
				if k >= 0 {
					p := si.pools[k]
					if p.rng.contains(addr) {
						r.errf(addrAttr, "%s is inside pool %s of subnet %s, and reservations_out_of_pool is in effect: Kea would not check reservations for pool addresses and could lease it to another client; move the address out of the pool or set reservations_out_of_pool = false on the subnet", addr, p.rng.kea(), si.s.ID())
					}
				}
			}
		}
		if !fits {
			continue
		}
		if si.global {
			key := t + "=" + v
			if other, dup := globalIDs[key]; dup {
				r.errf(identifierAttr[t], "%s %s already has a global reservation (%s); a client has one global reservation", t, v, other)
				continue
			}
			globalIDs[key] = id
		}
		si.hosts = append(si.hosts, hi)
	}
	for _, si := range sel {
		sort.Slice(si.hosts, func(a, b int) bool { return hostLess(si.hosts[a], si.hosts[b]) })
		ids := map[string]bool{}
		taken := map[netip.Addr]string{}
		takenPrefix := map[netip.Prefix]string{}
		for _, hi := range si.hosts {
			r := rd.rep(KindReservation, hi.id, hi.index)
			for _, a := range hi.addrs {
				if other, dup := taken[a]; dup {
					r.errf(map[int]string{4: "ip_address", 6: "ip_addresses"}[rd.fam.v], "%s is already reserved for %s in subnet %s", a, other, si.s.ID())
				}
				taken[a] = hi.id
			}
			for _, p := range hi.prefs {
				if other, dup := takenPrefix[p]; dup {
					r.errf("prefixes", "%s is already reserved for %s in subnet %s", p, other, si.s.ID())
				}
				takenPrefix[p] = hi.id
			}
			key := hi.idType + "=" + hi.idVal
			if ids[key] && !si.global {
				r.errf(identifierAttr[hi.idType], "%s %s has another reservation in subnet %s", hi.idType, hi.idVal, si.s.ID())
			}
			ids[key] = true
		}
	}
}

// hostLess orders reservations by address; those without one follow, by
// identifier.
func hostLess(a, b hostInfo) bool {
	switch {
	case a.addr.IsValid() && b.addr.IsValid():
		if c := a.addr.Compare(b.addr); c != 0 {
			return c < 0
		}
	case a.addr.IsValid() != b.addr.IsValid():
		return a.addr.IsValid()
	}
	if a.idType != b.idType {
		return a.idType < b.idType
	}
	return a.idVal < b.idVal
}

func (rd *renderer) renderSubnet(si *subnetInfo) (*Object, []*Object) {
	s := si.s
	r := rd.rep(KindSubnet, s.ID(), si.index)
	o := &Object{}
	o.Set("id", s.SubnetID)
	o.Set("subnet", si.prefix.String())
	setStr(o, "interface", s.Interface)
	setInt(o, "valid-lifetime", s.ValidLifetime)
	setInt(o, "min-valid-lifetime", s.MinValidLifetime)
	setInt(o, "max-valid-lifetime", s.MaxValidLifetime)
	setInt(o, "renew-timer", s.RenewTimer)
	setInt(o, "rebind-timer", s.RebindTimer)
	setInt(o, "preferred-lifetime", s.PreferredLifetime)
	setInt(o, "min-preferred-lifetime", s.MinPreferredLifetime)
	setInt(o, "max-preferred-lifetime", s.MaxPreferredLifetime)
	setStr(o, "interface-id", s.InterfaceID)
	setBool(o, "rapid-commit", s.RapidCommit)
	rd.setClasses(o, r, "subnet", nil, s.ClientClass, s.AdditionalClasses)
	setBool(o, "reservations-global", s.ReservationsGlobal)
	setBool(o, "reservations-in-subnet", s.ReservationsInSubnet)
	setBool(o, "reservations-out-of-pool", s.ReservationsOutOfPool)
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
	var local []any
	var global []*Object
	inSubnet := rd.inherit(si, func(s *Subnet) *bool { return s.ReservationsInSubnet }, func(n *SharedNetwork) *bool { return n.ReservationsInSubnet }, rd.e.Server.ReservationsInSubnet, BuiltinDefaults.ReservationsInSubnet)
	if len(si.hosts) > 0 && !si.global && !inSubnet {
		r.warnf("reservations_in_subnet", "is false for this subnet and its reservations are not global either: Kea will not look up its %d reservation(s)", len(si.hosts))
	}
	for _, hi := range si.hosts {
		ho := rd.renderHost(hi, !si.global)
		if si.global {
			if hi.addr.IsValid() || len(hi.prefs) > 0 {
				rd.rep(KindReservation, hi.id, hi.index).warnf(map[int]string{4: "ip_address", 6: "ip_addresses"}[rd.fam.v], "not rendered: reservations are global for subnet %s, and a global reservation carries no address (the client gets a dynamic address from the subnet)", s.ID())
			}
			global = append(global, ho)
		} else {
			local = append(local, ho)
		}
	}
	if len(local) > 0 {
		o.Set("reservations", local)
	}
	rd.finish(o, r, s.UserContext, s.ExtraJSON)
	return o, global
}

func (rd *renderer) renderPool(si *subnetInfo, pi poolInfo) *Object {
	p := pi.p
	r := rd.rep(KindPool, pi.id, pi.index)
	o := (&Object{}).Set("pool", pi.rng.kea())
	rd.setClasses(o, r, "pool", si.s, p.ClientClass, p.AdditionalClasses)
	if opts := rd.optionList(r, "option_data", p.OptionData); len(opts) > 0 {
		o.Set("option-data", opts)
	}
	rd.finish(o, r, p.UserContext, p.ExtraJSON)
	return o
}

func (rd *renderer) renderHost(hi hostInfo, withAddr bool) *Object {
	h := hi.h
	r := rd.rep(KindReservation, hi.id, hi.index)
	o := (&Object{}).Set(hi.idType, hi.idVal)
	if withAddr && rd.fam.v == 4 && hi.addr.IsValid() {
		o.Set("ip-address", hi.addr.String())
	}
	if withAddr && rd.fam.v == 6 {
		if len(hi.addrs) > 0 {
			l := make([]string, len(hi.addrs))
			for i, a := range hi.addrs {
				l[i] = a.String()
			}
			o.Set("ip-addresses", l)
		}
		if len(hi.prefs) > 0 {
			l := make([]string, len(hi.prefs))
			for i, p := range hi.prefs {
				l[i] = p.String()
			}
			o.Set("prefixes", l)
			if len(h.ExcludedPrefixes) > 0 {
				o.Set("excluded-prefixes", h.ExcludedPrefixes)
			}
		}
	}
	setStr(o, "hostname", h.Hostname)
	if len(h.ClientClasses) > 0 {
		rd.useClasses(r, "client_classes", h.ClientClasses)
		o.Set("client-classes", h.ClientClasses)
	}
	setBoot(o, h.NextServer, h.ServerHostname, h.BootFileName)
	if opts := rd.optionList(r, "option_data", h.OptionData); len(opts) > 0 {
		o.Set("option-data", opts)
	}
	rd.finish(o, r, h.UserContext, h.ExtraJSON)
	return o
}

func (rd *renderer) class(name string) *ClientClass {
	if i, ok := rd.classes[name]; ok {
		return &rd.e.ClientClasses[i]
	}
	return nil
}

// setClasses renders a scope's restricting class (client-classes) and
// additional classes. A restricting class that is only_in_additional_list
// is assigned only when the enclosing subnet lists it in its additional
// classes: allowed for a pool of such a subnet, an error elsewhere.
func (rd *renderer) setClasses(o *Object, r reporter, scope string, subnet *Subnet, class *string, additional []string) {
	if class != nil {
		rd.useClass(r, "client_class", *class)
		if c := rd.class(*class); c != nil && boolv(c.OnlyInAdditionalList, false) {
			switch {
			case subnet == nil:
				r.errf("client_class", "class %q is only_in_additional_list, so it is never assigned when the %s is selected; a %s restricted to it would serve no client", c.Name, scope, scope)
			case !slices.Contains(subnet.AdditionalClasses, c.Name):
				r.errf("client_class", "class %q is only_in_additional_list; it is assigned only when subnet %s lists it in additional_classes", c.Name, subnet.ID())
			}
		}
		o.Set("client-classes", []string{*class})
	}
	if len(additional) > 0 {
		rd.useClasses(r, "additional_classes", additional)
		o.Set("evaluate-additional-classes", additional)
	}
}

func (rd *renderer) useClass(r reporter, attr, name string) {
	if _, ok := rd.classes[name]; !ok {
		if isBuiltinClass(name) {
			return
		}
		r.errf(attr, "refers to client class %q, which was not passed in", name)
		return
	}
	rd.usedClasses[name] = true
}

func (rd *renderer) useClasses(r reporter, attr string, names []string) {
	for i, n := range names {
		rd.useClass(r, fmt.Sprintf("%s[%d]", attr, i), n)
	}
}

type renderedOption struct {
	space string
	code  int64
	name  string
	obj   *Object
}

// defUse is a user definition rendered into one option space.
type defUse struct {
	def   *optionDef
	space string
}

// optionList resolves option data references and renders them, with the
// containers vendor sub-options need, sorted by space and code. Outside
// classes it records the option 43 vendor for the global definition.
func (rd *renderer) optionList(r reporter, attr string, refs []string) []any {
	opts, v43 := rd.scopeOptions(r, attr, refs)
	if v43 != nil {
		rd.global43[v43.Name] = v43
	}
	return opts
}

// scopeOptions renders one scope's option data and returns the vendor whose
// sub-options its option 43 carries, if any.
func (rd *renderer) scopeOptions(r reporter, attr string, refs []string) ([]any, *VendorOptionSpace) {
	if len(refs) == 0 {
		return nil, nil
	}
	var opts []renderedOption
	delivered := map[string]*VendorOptionSpace{}
	for i, ref := range refs {
		idx, ok := rd.optionData[ref]
		if !ok {
			r.errf(fmt.Sprintf("%s[%d]", attr, i), "refers to option data %q, which was not passed in", ref)
			continue
		}
		o := &rd.e.OptionData[idx]
		def := rd.checkOption(o, idx)
		if def == nil {
			continue
		}
		space := def.Space
		if o.VendorSpace != nil {
			v, s, ok := rd.vendorSpaceOf(rd.rep(KindOptionData, o.Name, idx), o)
			if !ok {
				continue
			}
			space = s
			delivered[deliveredKey(o.delivery(), v)] = v
		}
		if !def.Standard {
			rd.usedDefs[defUse{def, space}] = true
		}
		opts = append(opts, renderedOption{space: space, code: def.Code, name: o.Name, obj: renderOption(o, def, space)})
	}
	opts, v43 := vendorContainers(r, attr, opts, delivered)
	sort.SliceStable(opts, func(a, b int) bool {
		if opts[a].space != opts[b].space {
			return opts[a].space < opts[b].space
		}
		if opts[a].code != opts[b].code {
			return opts[a].code < opts[b].code
		}
		return opts[a].name < opts[b].name
	})
	out := make([]any, len(opts))
	for i := range opts {
		out[i] = opts[i].obj
	}
	return out, v43
}

// checkOption validates option data against its definition (once per
// object) and returns the definition, or nil on error.
func (rd *renderer) checkOption(o *OptionData, idx int) *optionDef {
	def, err := rd.defs.resolve(o.spaceIn(rd.fam), o.Option, o.Code)
	first := !rd.usedOptions[o.Name]
	rd.usedOptions[o.Name] = true
	if !first {
		return def
	}
	r := rd.rep(KindOptionData, o.Name, idx)
	var ds Diags
	ds = o.validate(idx, rd.fam)
	rd.diags = append(rd.diags, ds...)
	if ds.HasErrors() {
		return nil
	}
	if err != nil {
		r.errf("code", "%v", err)
		return nil
	}
	if def == nil && rd.refersToBadDef(o) {
		return nil // the definition's own error says what is wrong
	}
	if def == nil {
		what := ""
		if o.Option != nil {
			what = fmt.Sprintf("%q", *o.Option)
		} else {
			what = fmt.Sprintf("code %d", *o.Code)
		}
		r.errf("option", "option %s has no definition in space %s: it is not a standard option; pass a %s for it (with space = %q)", what, o.spaceIn(rd.fam), KindOptionDef, o.spaceIn(rd.fam))
		return nil
	}
	if !def.Standard {
		checkOptionValue(r, o, def)
	}
	return def
}

// refersToBadDef reports whether the option names a user definition that
// was rejected.
func (rd *renderer) refersToBadDef(o *OptionData) bool {
	if o.Option != nil && rd.badDefs[spaceKey{o.spaceIn(rd.fam), *o.Option}] {
		return true
	}
	return o.Code != nil && rd.badDefs[spaceKey{o.spaceIn(rd.fam), "#" + itoa(*o.Code)}]
}

func renderOption(o *OptionData, def *optionDef, space string) *Object {
	obj := &Object{}
	obj.Set("name", def.Name)
	obj.Set("code", def.Code)
	obj.Set("space", space)
	if !o.csv() {
		obj.Set("csv-format", false)
	}
	if data, has := o.renderData(def); has {
		obj.Set("data", data)
	}
	if boolv(o.AlwaysSend, false) {
		obj.Set("always-send", true)
	}
	if boolv(o.NeverSend, false) {
		obj.Set("never-send", true)
	}
	return obj
}

// renderDefs lists the user option definitions in use, by space and code,
// and the definition of option 43 when the document's option 43 outside
// classes carries a vendor's sub-options.
func (rd *renderer) renderDefs(r reporter) []any {
	uses := make([]defUse, 0, len(rd.usedDefs))
	for u := range rd.usedDefs {
		uses = append(uses, u)
	}
	sort.Slice(uses, func(a, b int) bool {
		if uses[a].space != uses[b].space {
			return uses[a].space < uses[b].space
		}
		return uses[a].def.Code < uses[b].def.Code
	})
	var out []any
	if len(rd.global43) > 1 {
		names := make([]string, 0, len(rd.global43))
		for n := range rd.global43 {
			names = append(names, n)
		}
		sort.Strings(names)
		r.errf("option_data", "option 43 carries sub-options of several vendors outside client classes (%s); Kea gives option 43 one definition per document: deliver each vendor's option 43 through a client class that recognises it, or use vivso (option 125)", strings.Join(names, ", "))
	}
	for _, v := range rd.global43 {
		out = append(out, option43Def(v, true))
	}
	for _, u := range uses {
		d := u.def
		o := &Object{}
		o.Set("name", d.Name)
		o.Set("code", d.Code)
		o.Set("space", u.space)
		o.Set("type", string(d.Type))
		if d.Array {
			o.Set("array", true)
		}
		if len(d.RecordTypes) > 0 {
			o.Set("record-types", joinTypes(d.RecordTypes))
		}
		if d.Encapsulate != "" {
			o.Set("encapsulate", d.Encapsulate)
		}
		out = append(out, o)
	}
	return out
}

// classDeps lists the classes a class's expression refers to with
// member(); an expression that does not parse has none (its own error is
// reported when the class is validated).
func classDeps(c *ClientClass, f *family) []string {
	src, kind := c.Test, expr.Bool
	if src == nil {
		src, kind = c.TemplateTest, expr.String
	}
	if src == nil {
		return nil
	}
	deps, err := expr.Parse(*src, f.expr, kind)
	if err != nil {
		return nil
	}
	return deps
}

// checkClassOptions checks that the option names a class expression uses
// (option[name]) are defined, standard or by a kea_option_definition.
func (rd *renderer) checkClassOptions(r reporter, c *ClientClass) {
	src, kind, attr := c.Test, expr.Bool, "test"
	if src == nil {
		src, kind, attr = c.TemplateTest, expr.String, "template_test"
	}
	if src == nil {
		return
	}
	env := &expr.Env{OptionDefined: func(name string) bool {
		_, ok := rd.defs.byName[spaceKey{rd.fam.space, name}]
		return ok
	}}
	if _, err := expr.ParseEnv(*src, rd.fam.expr, kind, env); err != nil {
		r.errf(attr, "expression [%s] error: %v (define the option with a kea_option_definition, or use its code)", *src, err)
	}
}

// renderClasses renders every used class, and the classes their tests
// refer to, ordered so that member() only names earlier classes.
func (rd *renderer) renderClasses() []any {
	// Close over member() references.
	queue := make([]string, 0, len(rd.usedClasses))
	for n := range rd.usedClasses {
		queue = append(queue, n)
	}
	sort.Strings(queue)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		c := rd.class(n)
		for _, d := range classDeps(c, rd.fam) {
			if rd.usedClasses[d] || isBuiltinClass(d) {
				continue
			}
			if _, ok := rd.classes[d]; !ok {
				rd.rep(KindClientClass, n, rd.classes[n]).errf(testAttr(c), "member('%s') refers to a class that was not passed in", d)
				continue
			}
			rd.usedClasses[d] = true
			queue = append(queue, d)
		}
	}
	names := make([]string, 0, len(rd.usedClasses))
	for n := range rd.usedClasses {
		names = append(names, n)
	}
	sort.Strings(names)
	// Depth-first topological order, visiting in name order.
	state := map[string]int{} // 1 visiting, 2 done
	var order []string
	var visit func(n string, path []string)
	visit = func(n string, path []string) {
		switch state[n] {
		case 2:
			return
		case 1:
			c := rd.class(n)
			rd.rep(KindClientClass, n, rd.classes[n]).errf(testAttr(c), "member() references form a cycle: %s", strings.Join(append(path, n), " -> "))
			return
		}
		state[n] = 1
		c := rd.class(n)
		deps := classDeps(c, rd.fam)
		sort.Strings(deps)
		for _, d := range deps {
			if rd.usedClasses[d] {
				visit(d, append(path, n))
			}
		}
		state[n] = 2
		order = append(order, n)
	}
	for _, n := range names {
		visit(n, nil)
	}
	out := make([]any, 0, len(order))
	for _, n := range order {
		idx := rd.classes[n]
		c := &rd.e.ClientClasses[idx]
		ds := c.Validate(idx)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			continue
		}
		r := rd.rep(KindClientClass, n, idx)
		rd.checkClassOptions(r, c)
		rd.checkClassFamily(r, c)
		o := (&Object{}).Set("name", c.Name)
		setStr(o, "test", c.Test)
		setStr(o, "template-test", c.TemplateTest)
		setBool(o, "only-in-additional-list", c.OnlyInAdditionalList)
		setInt(o, "valid-lifetime", c.ValidLifetime)
		setInt(o, "min-valid-lifetime", c.MinValidLifetime)
		setInt(o, "max-valid-lifetime", c.MaxValidLifetime)
		setInt(o, "preferred-lifetime", c.PreferredLifetime)
		setInt(o, "min-preferred-lifetime", c.MinPreferredLifetime)
		setInt(o, "max-preferred-lifetime", c.MaxPreferredLifetime)
		setBoot(o, c.NextServer, c.ServerHostname, c.BootFileName)
		opts, v43 := rd.scopeOptions(r, "option_data", c.OptionData)
		if v43 != nil {
			// The class redefines option 43 for its vendor (Kea allows
			// class definitions for deferred codes: 43 and 224-254).
			o.Set("option-def", []any{option43Def(v43, false)})
		}
		if len(opts) > 0 {
			o.Set("option-data", opts)
		}
		rd.finish(o, r, c.UserContext, c.ExtraJSON)
		out = append(out, o)
	}
	return out
}

func testAttr(c *ClientClass) string {
	if c != nil && c.TemplateTest != nil {
		return "template_test"
	}
	return "test"
}

// checkInheritedLifetimes checks a subnet's lifetimes against the values it
// inherits from its shared network and server, as Kea does when it builds
// the subnet: an effective valid lifetime outside the effective [min, max]
// is rejected.
func checkInheritedLifetimes(r reporter, s *Subnet, n *SharedNetwork, srv *Server) {
	serverValid, serverMax := srv.validLifetime(), srv.maxValidLifetime()
	type level struct {
		from          string
		min, val, max *int64
	}
	levels := []level{{"", s.MinValidLifetime, s.ValidLifetime, s.MaxValidLifetime}}
	if n != nil {
		levels = append(levels, level{fmt.Sprintf("shared network %q", n.Name), n.MinValidLifetime, n.ValidLifetime, n.MaxValidLifetime})
	}
	levels = append(levels, level{fmt.Sprintf("server %q", srv.Name), srv.MinValidLifetime, &serverValid, &serverMax})
	pick := func(get func(level) *int64, name string) (*int64, string) {
		for _, l := range levels {
			if v := get(l); v != nil {
				if l.from == "" {
					return v, name
				}
				return v, name + " inherited from " + l.from
			}
		}
		return nil, ""
	}
	min, minFrom := pick(func(l level) *int64 { return l.min }, "min_valid_lifetime")
	valid, _ := pick(func(l level) *int64 { return l.val }, "valid_lifetime")
	max, maxFrom := pick(func(l level) *int64 { return l.max }, "max_valid_lifetime")
	switch {
	case *valid > *max:
		r.errf("valid_lifetime", "the effective valid lifetime %d is greater than the effective maximum %d (%s); set max_valid_lifetime on the subnet or lower the lifetime", *valid, *max, maxFrom)
	case min != nil && *valid < *min:
		r.errf("valid_lifetime", "the effective valid lifetime %d is less than the effective minimum %d (%s)", *valid, *min, minFrom)
	}
	if s.ValidLifetime == nil && (s.RenewTimer != nil || s.RebindTimer != nil) {
		checkLifetimes(r, nil, valid, nil, s.RenewTimer, s.RebindTimer)
	}
}
