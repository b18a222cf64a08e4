package kea

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

// KindReservation is the host reservation's Terraform type.
const KindReservation = "kea_reservation"

// Reservation is a kea_reservation (a Kea host reservation).
type Reservation struct {
	Subnet    string  `json:"subnet"`
	HWAddress *string `json:"hw_address"`
	DUID      *string `json:"duid"`
	ClientID  *string `json:"client_id"`
	CircuitID *string `json:"circuit_id"`
	FlexID    *string `json:"flex_id"`
	IPAddress *string `json:"ip_address"`
	// DHCPv6 only.
	IPAddresses      []string `json:"ip_addresses"`
	Prefixes         []string `json:"prefixes"`
	ExcludedPrefixes []string `json:"excluded_prefixes"`
	Hostname         *string  `json:"hostname"`
	ClientClasses    []string `json:"client_classes"`
	OptionData       []string `json:"option_data"`
	BootFields
	DDNSScope
	Escape
}

// identifierKinds are the reservation identifiers, in the order Kea lists
// them: Kea's type name, the attribute, and the field.
var identifierKinds = []struct {
	typ, attr string
	get       func(*Reservation) *string
}{
	{"hw-address", "hw_address", func(h *Reservation) *string { return h.HWAddress }},
	{"duid", "duid", func(h *Reservation) *string { return h.DUID }},
	{"client-id", "client_id", func(h *Reservation) *string { return h.ClientID }},
	{"circuit-id", "circuit_id", func(h *Reservation) *string { return h.CircuitID }},
	{"flex-id", "flex_id", func(h *Reservation) *string { return h.FlexID }},
}

// identifierAttr maps a Kea identifier type to its attribute.
var identifierAttr = func() map[string]string {
	m := map[string]string{}
	for _, k := range identifierKinds {
		m[k.typ] = k.attr
	}
	return m
}()

// IdentifierAttributes are the reservation attributes that identify a
// client, in Kea's order; a reservation sets exactly one.
func IdentifierAttributes() []string {
	out := make([]string, len(identifierKinds))
	for i, k := range identifierKinds {
		out[i] = k.attr
	}
	return out
}

// hostParsed is a reservation's identifier, read once.
type hostParsed struct {
	ids    [][2]string // the identifiers set: Kea type and value as given
	idType string      // the single identifier's type and normalised value
	idVal  string
	idErr  error
	id     string
}

func (h *Reservation) parse() hostParsed {
	var hp hostParsed
	for _, k := range identifierKinds {
		if v := k.get(h); v != nil {
			hp.ids = append(hp.ids, [2]string{k.typ, *v})
		}
	}
	if len(hp.ids) != 1 {
		hp.idErr = fmt.Errorf("exactly one of hw_address, duid, client_id, circuit_id, flex_id must be set")
	} else {
		hp.idType = hp.ids[0][0]
		hp.idVal, hp.idErr = normalizeIdentifier(hp.idType, hp.ids[0][1])
	}
	switch {
	case h.Subnet == "" || len(hp.ids) != 1:
		// No id to speak of: findings name the row instead.
	case hp.idErr == nil:
		hp.id = h.Subnet + "/" + hp.idType + "=" + hp.idVal
	default:
		hp.id = h.Subnet + "/" + hp.ids[0][0] + "=" + hp.ids[0][1]
	}
	return hp
}

// ID is the reservation's identity: "<subnet>/<identifier-type>=<identifier>",
// or "" while it has no subnet or not exactly one identifier.
func (h *Reservation) ID() string { return h.parse().id }

// Identity is the id once the subnet and exactly one identifier are set.
func (h *Reservation) Identity() (string, bool) {
	hp := h.parse()
	return hp.id, hp.id != ""
}

// ParseReservationID reads a reservation's import id,
// "<server>/<subnet_id>/<identifier-type>=<identifier>".
func ParseReservationID(id string) (*Reservation, error) {
	p, err := splitID(id, 3, "<server>/<subnet_id>/<identifier-type>=<identifier>")
	if err != nil {
		return nil, err
	}
	typ, val, ok := strings.Cut(p[2], "=")
	h := &Reservation{Subnet: p[0] + "/" + p[1]}
	switch typ {
	case "hw-address":
		h.HWAddress = &val
	case "duid":
		h.DUID = &val
	case "client-id":
		h.ClientID = &val
	case "circuit-id":
		h.CircuitID = &val
	case "flex-id":
		h.FlexID = &val
	default:
		ok = false
	}
	if !ok {
		return nil, fmt.Errorf("import id %q: %q is not <identifier-type>=<identifier> with type hw-address, duid, client-id, circuit-id or flex-id", id, p[2])
	}
	return h, nil
}

// Validate checks the reservation on its own.
func (h *Reservation) Validate(index int) Diags {
	var out Diags
	hp := h.parse()
	h.check(reporter{kind: KindReservation, id: hp.id, index: index, out: &out}, hp)
	return out
}

// check checks the reservation on its own and returns the addresses and
// prefixes it reserves.
func (h *Reservation) check(r reporter, hp hostParsed) (addrs []netip.Addr, prefs []netip.Prefix) {
	if h.Subnet == "" {
		r.errf("subnet", "is required")
	}
	h.DDNSScope.refuse(r, scopeReservation)
	switch len(hp.ids) {
	case 0:
		r.errf("hw_address", "a reservation needs exactly one identifier: hw_address, duid, client_id, circuit_id or flex_id")
	case 1:
		if hp.idErr != nil {
			r.errf(identifierAttr[hp.idType], "%v", hp.idErr)
		}
	default:
		r.errf(identifierAttr[hp.ids[1][0]], "a reservation has exactly one identifier; %s is already set", identifierAttr[hp.ids[0][0]])
	}
	if h.IPAddress != nil {
		if a, err := parseIPv4(*h.IPAddress); err != nil {
			r.errf("ip_address", "%v", err)
		} else if a.IsUnspecified() || a == broadcast4 {
			r.errf("ip_address", "%s cannot be reserved", a)
		} else {
			addrs = append(addrs, a)
		}
	}
	if h.Hostname != nil {
		if err := validHostname(*h.Hostname); err != nil {
			r.errf("hostname", "%v", err)
		}
	}
	v6addrs, prefs := h.checkV6(r)
	if h.IPAddress == nil {
		addrs = v6addrs
	}
	checkRefs(r, "client_classes", h.ClientClasses)
	checkRefs(r, "option_data", h.OptionData)
	h.BootFields.check(r)
	h.Escape.check(r)
	return addrs, prefs
}

// checkV6 checks the DHCPv6 attributes of a reservation alone.
func (h *Reservation) checkV6(r reporter) (addrs []netip.Addr, prefs []netip.Prefix) {
	if h.IPAddress != nil && (h.IPAddresses != nil || h.Prefixes != nil) {
		r.errf("ip_address", "is for DHCPv4; a DHCPv6 reservation lists ip_addresses and prefixes")
	}
	for i, a := range h.IPAddresses {
		ip, err := parseIP(a)
		switch {
		case err != nil:
			r.errf(fmt.Sprintf("ip_addresses[%d]", i), "%v", err)
		case ip.Is4():
			r.errf(fmt.Sprintf("ip_addresses[%d]", i), "%s is IPv4; ip_addresses are DHCPv6 addresses (use ip_address for DHCPv4)", a)
		case ip.IsUnspecified():
			r.errf(fmt.Sprintf("ip_addresses[%d]", i), "%s cannot be reserved", a)
		default:
			addrs = append(addrs, ip)
		}
	}
	for i, p := range h.Prefixes {
		pp, err := parsePrefix(p)
		if err != nil || pp.Addr().Is4() {
			r.errf(fmt.Sprintf("prefixes[%d]", i), "%q is not an IPv6 prefix with its host bits zero", p)
			continue
		}
		prefs = append(prefs, pp)
	}
	if h.ExcludedPrefixes != nil {
		if len(h.ExcludedPrefixes) != len(h.Prefixes) {
			r.errf("excluded_prefixes", "lists %d prefixes for %d reserved prefixes; Kea pairs them by position", len(h.ExcludedPrefixes), len(h.Prefixes))
		} else {
			for i, x := range h.ExcludedPrefixes {
				ex, err := parsePrefix(x)
				base, berr := parsePrefix(h.Prefixes[i])
				if err != nil || berr != nil || !base.Contains(ex.Addr()) || ex.Bits() <= base.Bits() {
					r.errf(fmt.Sprintf("excluded_prefixes[%d]", i), "%q must be a longer prefix inside %s", x, h.Prefixes[i])
				}
			}
		}
	}
	return addrs, prefs
}

// fitsFamily checks a reservation's attributes against the target's
// family: DHCPv6 reserves lists of addresses and prefixes and knows no
// client-id or circuit-id; DHCPv4 reserves one address.
func (h *Reservation) fitsFamily(r reporter, f *family) bool {
	before := len(*r.out)
	if f.v == 6 {
		if h.IPAddress != nil {
			r.errf("ip_address", "is a DHCPv4 setting; a DHCPv6 reservation lists ip_addresses")
		}
		notIn(r, "DHCPv6", union(h.BootFields.set(), map[string]bool{"client_id": h.ClientID != nil, "circuit_id": h.CircuitID != nil}))
	} else if h.IPAddresses != nil || h.Prefixes != nil || h.ExcludedPrefixes != nil { // the map only when there is a finding: this runs per reservation
		notIn(r, "DHCPv4", map[string]bool{"ip_addresses": h.IPAddresses != nil, "prefixes": h.Prefixes != nil, "excluded_prefixes": h.ExcludedPrefixes != nil})
	}
	return len(*r.out) == before
}

// hostInfo is a reservation the document holds, with what its checks
// derived. A large estate has tens of thousands, all held until the
// document is written, so it keeps only what cannot be derived again
// cheaply (80 bytes).
type hostInfo struct {
	h      *Reservation
	idVal  string         // the identifier's value, normalised
	addrs  []netip.Addr   // every reserved address (DHCPv6 may reserve several)
	prefs  []netip.Prefix // DHCPv6 only
	index  int32          // in the estate's reservations
	idKind uint8          // in identifierKinds
}

func (hi *hostInfo) idType() string { return identifierKinds[hi.idKind].typ }

// rep reports on the reservation under its id (Reservation.ID).
func (rd *renderer) hostRep(hi *hostInfo) reporter {
	return rd.rep(KindReservation, hi.h.Subnet+"/"+hi.idType()+"="+hi.idVal, int(hi.index))
}

// identifierKind is the index in identifierKinds of Kea's type name typ.
func identifierKind(typ string) uint8 {
	for i, k := range identifierKinds {
		if k.typ == typ {
			return uint8(i)
		}
	}
	panic("kea: no identifier type " + typ)
}

// attachReservations checks the document's reservations and gives each
// subnet its own, sorted. Every hostInfo lives in one slice sized once
// (rd.hosts); a subnet lists indexes into it, so that fifty thousand
// reservations are not copied as their subnets' lists grow.
func (rd *renderer) attachReservations(sel []*subnetInfo) {
	type identity struct {
		kind uint8
		val  string
	}
	globalIDs := map[identity]int32{}
	rd.hosts = make([]hostInfo, 0, len(rd.e.Reservations))
	for i := range rd.e.Reservations {
		h := &rd.e.Reservations[i]
		hp := h.parse()
		si, ok := rd.parentSubnet(KindReservation, hp.id, i, h.Subnet)
		if !ok {
			continue
		}
		r := rd.rep(KindReservation, hp.id, i)
		hi := hostInfo{h: h, index: int32(i), idVal: hp.idVal}
		if !rd.clean(func() { hi.addrs, hi.prefs = h.check(r, hp) }) || !h.fitsFamily(r, rd.fam) {
			continue
		}
		hi.idKind = identifierKind(hp.idType)
		fits := true
		for _, addr := range hi.addrs {
			if !si.prefix.Contains(addr) {
				r.errf(rd.fam.addrAttr, "%s is not inside subnet %s (%s)", addr, si.id, si.prefix)
				fits = false
				continue
			}
			if net, bc, ok := si.edges(); ok && (addr == net || addr == bc) {
				r.errf(rd.fam.addrAttr, "%s is the %s address of subnet %s; no client can use it (Kea accepts the reservation)", addr, map[bool]string{true: "network", false: "broadcast"}[addr == net], si.prefix)
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
						r.errf(rd.fam.addrAttr, "%s is inside pool %s of subnet %s, and reservations_out_of_pool is in effect: Kea would not check reservations for pool addresses and could lease it to another client; move the address out of the pool or set reservations_out_of_pool = false on the subnet", addr, p.rng.kea(), si.id)
					}
				}
			}
		}
		for _, pref := range hi.prefs {
			if !si.outPool {
				break
			}
			for _, pd := range si.pdPools {
				if pd.prefix.Overlaps(pref) {
					r.errf("prefixes", "%s is inside prefix delegation pool %s of subnet %s, and reservations_out_of_pool is in effect: Kea would not check reservations for pool prefixes and could delegate it to another client; move the prefix out of the pool or set reservations_out_of_pool = false on the subnet", pref, pd.prefix, si.id)
				}
			}
		}
		if !fits {
			continue
		}
		at := int32(len(rd.hosts))
		if si.global {
			key := identity{hi.idKind, hi.idVal}
			if other, dup := globalIDs[key]; dup {
				o := &rd.hosts[other]
				r.errf(identifierAttr[hp.idType], "%s %s already has a global reservation (%s, %s); a client has one global reservation", hp.idType, hi.idVal, o.h.ID(), row(KindReservation, int(o.index)))
				continue
			}
			globalIDs[key] = at
		}
		rd.hosts = append(rd.hosts, hi)
		si.hosts = append(si.hosts, at)
	}
	// One set of maps serves every subnet, emptied between them.
	ids := map[identity]int32{}
	taken := map[netip.Addr]int32{}
	takenPrefix := map[netip.Prefix]int32{}
	for _, si := range sel {
		sort.Slice(si.hosts, func(a, b int) bool { return hostLess(&rd.hosts[si.hosts[a]], &rd.hosts[si.hosts[b]]) })
		clear(ids)
		clear(taken)
		clear(takenPrefix)
		for _, at := range si.hosts {
			hi := &rd.hosts[at]
			r := rd.hostRep(hi)
			for _, a := range hi.addrs {
				if other, dup := taken[a]; dup {
					r.errf(rd.fam.addrAttr, "%s is already reserved for %s in subnet %s", a, rd.hosts[other].h.ID(), si.id)
				}
				taken[a] = at
			}
			for _, p := range hi.prefs {
				if other, dup := takenPrefix[p]; dup {
					r.errf("prefixes", "%s is already reserved for %s in subnet %s", p, rd.hosts[other].h.ID(), si.id)
				}
				takenPrefix[p] = at
			}
			key := identity{hi.idKind, hi.idVal}
			if other, dup := ids[key]; dup && !si.global {
				r.errf(identifierAttr[hi.idType()], "%s %s has another reservation in subnet %s (%s); a client has one reservation per subnet", hi.idType(), hi.idVal, si.id, row(KindReservation, int(rd.hosts[other].index)))
			} else {
				ids[key] = at
			}
		}
	}
}

// hostLess orders reservations by identifier (type name, then value):
// what identifies a reservation, so that a change of its address, name or
// options leaves it where it is and a plan's diff of the document shows that
// one entry, not every entry between its old and new address.
func hostLess(a, b *hostInfo) bool {
	if a.idKind != b.idKind {
		return a.idType() < b.idType() // by type name
	}
	return a.idVal < b.idVal
}

// renderHost renders one reservation into o, which the caller has emptied.
// It runs twice per reservation: when the document is rendered, for its
// findings and the classes and options it uses, and again when the
// document is written (hostList).
func (rd *renderer) renderHost(hi *hostInfo, withAddr bool, o *Object) {
	h := hi.h
	o.Set(hi.idType(), hi.idVal)
	if withAddr && rd.fam.v == 4 && len(hi.addrs) > 0 {
		o.Set("ip-address", hi.addrs[0].String())
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
	var r reporter
	if !h.plain() { // most reservations are: their id is not built
		r = rd.hostRep(hi)
	}
	if len(h.ClientClasses) > 0 {
		rd.useClasses(r, "client_classes", h.ClientClasses)
		o.Set("client-classes", h.ClientClasses)
	}
	h.BootFields.render(o)
	if len(h.OptionData) > 0 {
		if opts := rd.optionList(r, "option_data", h.OptionData); len(opts) > 0 {
			o.Set("option-data", opts)
		}
	}
	if h.Escape != (Escape{}) {
		h.Escape.finish(o, r, rd.fam.doc, scopeReservation)
	}
}

// plain is true for a reservation whose rendering can neither report a
// finding nor use a class or an option: one that refers to none and has
// no escape hatch set.
func (h *Reservation) plain() bool {
	return len(h.ClientClasses) == 0 && len(h.OptionData) == 0 && h.Escape == (Escape{})
}

// checkHosts renders a subnet's reservations for their findings and the
// classes and options they use, and keeps none of them. Plain ones have
// neither and are passed over.
func (rd *renderer) checkHosts(hosts []int32, withAddr bool) {
	var o Object
	for _, at := range hosts {
		if rd.hosts[at].h.plain() {
			continue
		}
		o.reset()
		rd.renderHost(&rd.hosts[at], withAddr, &o)
	}
}

// hostList is a list of reservations in the document tree. Reservations
// are most of a large document, and an Object each would hold the document
// a second time in memory; a hostList renders them again, one at a time,
// as the document is written, and nothing of them stays behind.
// checkHosts has already reported their findings: those of the second
// rendering are dropped.
type hostList struct {
	rd       *renderer
	hosts    []int32 // indexes in rd.hosts
	withAddr bool
}

func (l hostList) writeJSON(b *docBuffer, depth int) {
	if len(l.hosts) == 0 {
		b.WriteString("[]")
		return
	}
	rd := l.rd
	kept := rd.diags
	defer func() { rd.diags = kept }()
	var o Object
	b.WriteByte('[')
	for i, at := range l.hosts {
		if i > 0 {
			b.WriteByte(',')
		}
		indent(b, depth+1)
		o.reset()
		rd.diags = rd.diags[:0:0]
		rd.renderHost(&rd.hosts[at], l.withAddr, &o)
		writeValue(b, &o, depth+1)
	}
	indent(b, depth)
	b.WriteByte(']')
}

// MarshalJSON serves encoding/json, which tests compare the writer with.
func (l hostList) MarshalJSON() ([]byte, error) { return Marshal(l), nil }
