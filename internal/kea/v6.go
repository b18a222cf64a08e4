package kea

import (
	"fmt"
	"net/netip"
	"sort"
)

// KindPDPool is the prefix delegation pool's Terraform type.
const KindPDPool = "kea_pd_pool"

// ID is the pool's identity: "<subnet>/<prefix>".
func (p *PDPool) ID() string { return p.Subnet + "/" + p.Prefix }

// Validate checks the prefix delegation pool on its own.
func (p *PDPool) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindPDPool, id: p.ID(), index: index, out: &out}
	if p.Subnet == "" {
		r.errf("subnet", "is required")
	}
	pref, err := parsePrefix(p.Prefix)
	switch {
	case err != nil:
		r.errf("prefix", "%v", err)
	case pref.Addr().Is4():
		r.errf("prefix", "%s is IPv4; prefix delegation is DHCPv6", pref)
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
	}
	checkScopeRefs(r, p.OptionData, p.ClientClass, p.AdditionalClasses)
	checkJSONObject(r, "user_context", p.UserContext)
	checkJSONObject(r, "extra_json", p.ExtraJSON)
	return out
}

type pdPoolInfo struct {
	p      *PDPool
	id     string
	index  int
	prefix netip.Prefix
	rng    addrRange
}

// attachPDPools places prefix delegation pools in their (DHCPv6) subnets:
// pd pools of one subnet must not overlap each other or its address pools.
func (rd *renderer) attachPDPools(sel []*subnetInfo) {
	for i := range rd.e.PDPools {
		p := &rd.e.PDPools[i]
		si, ok := rd.parentSubnet(KindPDPool, p.ID(), i, p.Subnet)
		if !ok {
			continue
		}
		ds := p.Validate(i)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			continue
		}
		r := rd.rep(KindPDPool, p.ID(), i)
		if rd.fam.v != 6 {
			r.errf("subnet", "subnet %s is DHCPv4; prefix delegation pools belong to DHCPv6 subnets", si.s.ID())
			continue
		}
		pref, _ := parsePrefix(p.Prefix)
		pi := pdPoolInfo{p: p, id: p.ID(), index: i, prefix: pref, rng: prefixRange(pref)}
		for _, ap := range si.pools {
			if ap.rng.overlaps(pi.rng) {
				r.errf("prefix", "%s overlaps address pool %s of subnet %s", pref, ap.rng.kea(), si.s.ID())
			}
		}
		si.pdPools = append(si.pdPools, pi)
	}
	for _, si := range sel {
		sort.Slice(si.pdPools, func(a, b int) bool { return si.pdPools[a].rng.first.Less(si.pdPools[b].rng.first) })
		for k := 1; k < len(si.pdPools); k++ {
			prev, cur := si.pdPools[k-1], si.pdPools[k]
			if prev.rng.overlaps(cur.rng) {
				rd.rep(KindPDPool, cur.id, cur.index).errf("prefix", "%s overlaps prefix delegation pool %s in subnet %s", cur.prefix, prev.prefix, si.s.ID())
			}
		}
	}
}

func (rd *renderer) renderPDPool(subnet *Subnet, pi pdPoolInfo) *Object {
	p := pi.p
	r := rd.rep(KindPDPool, pi.id, pi.index)
	o := (&Object{}).Set("prefix", pi.prefix.Addr().String()).Set("prefix-len", int64(pi.prefix.Bits())).Set("delegated-len", p.DelegatedLength)
	if p.ExcludedPrefix != nil {
		ex, _ := parsePrefix(*p.ExcludedPrefix)
		o.Set("excluded-prefix", ex.Addr().String()).Set("excluded-prefix-len", int64(ex.Bits()))
	}
	rd.setClasses(o, r, "pd pool", subnet, p.ClientClass, p.AdditionalClasses)
	if opts := rd.optionList(r, "option_data", p.OptionData); len(opts) > 0 {
		o.Set("option-data", opts)
	}
	rd.finish(o, r, p.UserContext, p.ExtraJSON)
	return o
}

// addresses are the reservation's addresses: ip_address (DHCPv4) or
// ip_addresses (DHCPv6).
func (h *Reservation) addresses() []string {
	if h.IPAddress != nil {
		return []string{*h.IPAddress}
	}
	return h.IPAddresses
}

// hostFitsFamily checks a reservation's attributes against the target's
// family: DHCPv6 reserves lists of addresses and prefixes and knows no
// client-id or circuit-id; DHCPv4 reserves one address.
func (rd *renderer) hostFitsFamily(r reporter, h *Reservation) bool {
	before := len(*r.out)
	if rd.fam.v == 6 {
		if h.IPAddress != nil {
			r.errf("ip_address", "is a DHCPv4 setting; a DHCPv6 reservation lists ip_addresses")
		}
		notIn(r, "DHCPv6", map[string]bool{"client_id": h.ClientID != nil, "circuit_id": h.CircuitID != nil,
			"next_server": h.NextServer != nil, "server_hostname": h.ServerHostname != nil, "boot_file_name": h.BootFileName != nil})
	} else {
		notIn(r, "DHCPv4", map[string]bool{"ip_addresses": h.IPAddresses != nil, "prefixes": h.Prefixes != nil, "excluded_prefixes": h.ExcludedPrefixes != nil})
	}
	return len(*r.out) == before
}

// checkV6Reservation checks the DHCPv6 attributes of a reservation alone.
func checkV6Reservation(r reporter, h *Reservation) {
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
		}
	}
	for i, p := range h.Prefixes {
		pp, err := parsePrefix(p)
		if err != nil || pp.Addr().Is4() {
			r.errf(fmt.Sprintf("prefixes[%d]", i), "%q is not an IPv6 prefix with its host bits zero", p)
		}
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
}

// checkClassFamily refuses class keys the target's daemon does not have.
func (rd *renderer) checkClassFamily(r reporter, c *ClientClass) {
	if rd.fam.v == 6 {
		notIn(r, "DHCPv6", map[string]bool{"next_server": c.NextServer != nil, "server_hostname": c.ServerHostname != nil, "boot_file_name": c.BootFileName != nil})
		return
	}
	notIn(r, "DHCPv4", map[string]bool{"preferred_lifetime": c.PreferredLifetime != nil, "min_preferred_lifetime": c.MinPreferredLifetime != nil, "max_preferred_lifetime": c.MaxPreferredLifetime != nil})
}
