package kea

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

// KindPool is the address pool's Terraform type.
const KindPool = "kea_pool"

// Pool is a kea_pool: an address range in a subnet.
type Pool struct {
	Subnet string  `json:"subnet"`
	Range  *string `json:"range"`
	Start  *string `json:"start"`
	End    *string `json:"end"`
	ScopeRefs
	DDNSScope
	Escape
}

// poolParsed is a pool's range, read once.
type poolParsed struct {
	rng  addrRange
	attr string // the attribute the range came from, for errors
	err  error
	id   string
}

func (p *Pool) parse() poolParsed {
	var pp poolParsed
	switch {
	case p.Range != nil:
		pp.rng, pp.err = parsePoolRange(*p.Range)
		pp.attr = "range"
	case p.Start == nil || p.End == nil:
		pp.err, pp.attr = fmt.Errorf("set range, or both start and end"), "range"
	default:
		pp.rng, pp.err = makeRange(*p.Start, *p.End)
		pp.attr = "start"
	}
	switch {
	case pp.err == nil:
		pp.id = p.Subnet + "/" + pp.rng.String()
	case p.Range != nil:
		pp.id = p.Subnet + "/" + *p.Range
	default:
		pp.id = p.Subnet + "/" + str(p.Start) + "-" + str(p.End)
	}
	return pp
}

// ID is the pool's identity: "<subnet>/<first>-<last>".
func (p *Pool) ID() string { return p.parse().id }

// Identity is the id once the subnet and the range are set.
func (p *Pool) Identity() (string, bool) {
	return p.ID(), p.Subnet != "" && (p.Range != nil || p.Start != nil && p.End != nil)
}

// ParsePoolID reads a pool's import id, "<server>/<subnet_id>/<first>-<last>".
func ParsePoolID(id string) (*Pool, error) {
	p, err := splitID(id, 3, "<server>/<subnet_id>/<first>-<last>")
	if err != nil {
		return nil, err
	}
	first, last, ok := strings.Cut(p[2], "-")
	if !ok {
		return nil, fmt.Errorf("import id %q: the range %q is not first-last", id, p[2])
	}
	return &Pool{Subnet: p[0] + "/" + p[1], Start: &first, End: &last}, nil
}

// Validate checks the pool on its own.
func (p *Pool) Validate(index int) Diags {
	var out Diags
	pp := p.parse()
	p.check(reporter{kind: KindPool, id: pp.id, index: index, out: &out}, pp)
	return out
}

func (p *Pool) check(r reporter, pp poolParsed) {
	if p.Subnet == "" {
		r.errf("subnet", "is required")
	}
	if p.Range != nil && (p.Start != nil || p.End != nil) {
		r.errf("range", "set range or start/end, not both")
	} else if pp.err != nil {
		r.errf(pp.attr, "%v", pp.err)
	}
	p.ScopeRefs.check(r)
	p.Escape.check(r)
}

type poolInfo struct {
	p     *Pool
	id    string
	index int
	rng   addrRange
}

func (rd *renderer) attachPools(sel []*subnetInfo) {
	for i := range rd.e.Pools {
		p := &rd.e.Pools[i]
		pp := p.parse()
		si, ok := rd.parentSubnet(KindPool, pp.id, i, p.Subnet)
		if !ok {
			continue
		}
		r := rd.rep(KindPool, pp.id, i)
		if !rd.clean(func() { p.check(r, pp) }) {
			continue
		}
		if !si.rng.contains(pp.rng.first) || !si.rng.contains(pp.rng.last) {
			r.errf("range", "%s is not inside subnet %s (%s)", pp.rng.kea(), si.id, si.prefix)
			continue
		}
		if net, bc, ok := si.edges(); ok {
			for _, a := range []netip.Addr{net, bc} {
				if pp.rng.contains(a) {
					r.errf(pp.attr, "%s includes %s, the %s address of subnet %s (Kea accepts it and would lease it); start the pool after the network address and end it before the broadcast address", pp.rng.kea(), a, map[bool]string{true: "network", false: "broadcast"}[a == net], si.prefix)
				}
			}
		}
		if boolv(si.s.ReservationsOnly, false) {
			r.errf("subnet", "subnet %s is reservations_only: it hands out reserved addresses only, so it takes no pools", si.id)
			continue
		}
		si.pools = append(si.pools, poolInfo{p: p, id: pp.id, index: i, rng: pp.rng})
	}
	for _, si := range sel {
		sort.Slice(si.pools, func(a, b int) bool { return si.pools[a].rng.first.Less(si.pools[b].rng.first) })
		for k := 1; k < len(si.pools); k++ {
			prev, cur := si.pools[k-1], si.pools[k]
			if prev.rng.overlaps(cur.rng) {
				rd.rep(KindPool, cur.id, cur.index).errf("range", "%s overlaps pool %s in subnet %s", cur.rng.kea(), prev.rng.kea(), si.id)
			}
		}
	}
}

func (rd *renderer) renderPool(si *subnetInfo, pi poolInfo) *Object {
	p := pi.p
	r := rd.rep(KindPool, pi.id, pi.index)
	o := (&Object{}).Set("pool", pi.rng.kea())
	rd.setClasses(o, r, "pool", si.s, &p.ScopeRefs)
	rd.renderPolicy(o, r, scopePool, &p.DDNSScope)
	if opts := rd.optionList(r, "option_data", p.OptionData); len(opts) > 0 {
		o.Set("option-data", opts)
	}
	p.Escape.finish(o, r, rd.fam.doc, scopePool)
	return o
}
