package kea

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

// KindPDPool is the prefix delegation pool's Terraform type.
const KindPDPool = "kea_pd_pool"

// PDPool is a kea_pd_pool: prefixes a DHCPv6 subnet delegates.
type PDPool struct {
	Subnet          string  `json:"subnet"`
	Prefix          string  `json:"prefix"`
	DelegatedLength int64   `json:"delegated_length"`
	ExcludedPrefix  *string `json:"excluded_prefix"`
	ScopeRefs
	Escape
}

// ID is the pool's identity: "<subnet>/<prefix>".
func (p *PDPool) ID() string { return p.Subnet + "/" + p.Prefix }

// Identity is the id once the subnet and prefix are set.
func (p *PDPool) Identity() (string, bool) { return p.ID(), p.Subnet != "" && p.Prefix != "" }

// ParsePDPoolID reads a pd pool's import id, "<server>/<subnet_id>/<prefix>".
func ParsePDPoolID(id string) (*PDPool, error) {
	p, err := splitID(id, 3, "<server>/<subnet_id>/<prefix>")
	if err != nil {
		return nil, err
	}
	if !strings.Contains(p[2], "/") {
		return nil, fmt.Errorf("import id %q: %q is not a prefix", id, p[2])
	}
	return &PDPool{Subnet: p[0] + "/" + p[1], Prefix: p[2]}, nil
}

// Validate checks the prefix delegation pool on its own.
func (p *PDPool) Validate(index int) Diags {
	var out Diags
	p.validate(reporter{kind: KindPDPool, id: p.ID(), index: index, out: &out})
	return out
}

// validate checks the pool and returns its prefix and excluded prefix
// (zero when unset).
func (p *PDPool) validate(r reporter) (pref, excluded netip.Prefix) {
	if p.Subnet == "" {
		r.errf("subnet", "is required")
	}
	pref, err := parsePrefix(p.Prefix)
	switch {
	case err != nil:
		r.errf("prefix", "%v", err)
	case pref.Addr().Is4():
		r.errf("prefix", "%s is IPv4; prefix delegation is DHCPv6", pref)
	case pref.Bits() == 0:
		r.errf("prefix", "%s has length 0; Kea refuses a pd pool prefix of length 0 (\"Invalid prefix length: 0\"): give the part of the address space to delegate from", pref)
	case p.DelegatedLength < int64(pref.Bits()) || p.DelegatedLength > 128:
		r.errf("delegated_length", "%d must be at least the pool's prefix length (%d) and at most 128", p.DelegatedLength, pref.Bits())
	}
	if p.ExcludedPrefix != nil && err == nil {
		ex, xerr := parsePrefix(*p.ExcludedPrefix)
		switch {
		case xerr != nil:
			r.errf("excluded_prefix", "%v", xerr)
		case ex.Addr().Is4() || !pref.Contains(ex.Addr()):
			r.errf("excluded_prefix", "%s is not inside the pool's prefix %s", ex, pref)
		case int64(ex.Bits()) <= p.DelegatedLength:
			r.errf("excluded_prefix", "its length %d must be longer than delegated_length (%d): RFC 6603 excludes a part of each delegated prefix", ex.Bits(), p.DelegatedLength)
		}
		excluded = ex
	}
	p.ScopeRefs.check(r)
	p.Escape.check(r)
	return pref, excluded
}

type pdPoolInfo struct {
	p        *PDPool
	id       string
	index    int
	prefix   netip.Prefix
	excluded netip.Prefix
	rng      addrRange
}

// attachPDPools places prefix delegation pools in their (DHCPv6) subnets:
// pd pools of one subnet must not overlap each other or its address pools.
func (rd *renderer) attachPDPools(sel []*subnetInfo) {
	for i := range rd.e.PDPools {
		p := &rd.e.PDPools[i]
		id := p.ID()
		si, ok := rd.parentSubnet(KindPDPool, id, i, p.Subnet)
		if !ok {
			continue
		}
		r := rd.rep(KindPDPool, id, i)
		var pref, ex netip.Prefix
		if !rd.clean(func() { pref, ex = p.validate(r) }) {
			continue
		}
		if rd.fam.v != 6 {
			r.errf("subnet", "subnet %s is DHCPv4; prefix delegation pools belong to DHCPv6 subnets", si.id)
			continue
		}
		pi := pdPoolInfo{p: p, id: id, index: i, prefix: pref, excluded: ex, rng: prefixRange(pref)}
		for _, ap := range si.pools {
			if ap.rng.overlaps(pi.rng) {
				r.errf("prefix", "%s overlaps address pool %s of subnet %s", pref, ap.rng.kea(), si.id)
			}
		}
		si.pdPools = append(si.pdPools, pi)
	}
	for _, si := range sel {
		sort.Slice(si.pdPools, func(a, b int) bool { return si.pdPools[a].rng.first.Less(si.pdPools[b].rng.first) })
		for k := 1; k < len(si.pdPools); k++ {
			prev, cur := si.pdPools[k-1], si.pdPools[k]
			if prev.rng.overlaps(cur.rng) {
				rd.rep(KindPDPool, cur.id, cur.index).errf("prefix", "%s overlaps prefix delegation pool %s in subnet %s", cur.prefix, prev.prefix, si.id)
			}
		}
	}
}

func (rd *renderer) renderPDPool(subnet *Subnet, pi pdPoolInfo) *Object {
	p := pi.p
	r := rd.rep(KindPDPool, pi.id, pi.index)
	o := (&Object{}).Set("prefix", pi.prefix.Addr().String()).Set("prefix-len", int64(pi.prefix.Bits())).Set("delegated-len", p.DelegatedLength)
	if p.ExcludedPrefix != nil {
		o.Set("excluded-prefix", pi.excluded.Addr().String()).Set("excluded-prefix-len", int64(pi.excluded.Bits()))
	}
	rd.setClasses(o, r, "pd pool", subnet, &p.ScopeRefs)
	if opts := rd.optionList(r, "option_data", p.OptionData); len(opts) > 0 {
		o.Set("option-data", opts)
	}
	p.Escape.finish(o, r, rd.fam.doc, scopePDPool)
	return o
}
