package kea

import (
	"sort"
	"strings"
)

// KindSharedNetwork is the shared network's Terraform type.
const KindSharedNetwork = "kea_shared_network"

// SharedNetwork is a kea_shared_network: subnets on one link that share
// settings and whose addresses a client may get from any of them.
type SharedNetwork struct {
	Server         string   `json:"server"`
	Name           string   `json:"name"`
	Interface      *string  `json:"interface"`
	RelayAddresses []string `json:"relay_addresses"`
	Lifetimes
	Timers
	ScopeRefs
	ReservationModes
	DDNSScope
	Escape
	// DHCPv6 only.
	V6Lifetimes
	V6Link
}

// ID is the shared network's identity: "<server>/<name>".
func (n *SharedNetwork) ID() string { return n.Server + "/" + n.Name }

// Identity is the id once the server and name are set.
func (n *SharedNetwork) Identity() (string, bool) { return n.ID(), n.Server != "" && n.Name != "" }

// ParseSharedNetworkID reads a shared network's import id, "<server>/<name>".
func ParseSharedNetworkID(id string) (*SharedNetwork, error) {
	p, err := splitID(id, 2, "<server>/<name>")
	if err != nil {
		return nil, err
	}
	return &SharedNetwork{Server: p[0], Name: p[1]}, nil
}

// Validate checks the shared network on its own.
func (n *SharedNetwork) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindSharedNetwork, id: n.ID(), index: index, out: &out}
	if n.Server == "" {
		r.errf("server", "is required")
	}
	switch {
	case strings.TrimSpace(n.Name) == "":
		r.errf("name", "must not be empty")
	case strings.ContainsAny(n.Name, "/\"\\"):
		r.errf("name", "%q: a shared network name must not contain /, \" or \\", n.Name)
	}
	checkInterfaceName(r, "interface", n.Interface)
	checkLifetimes(r, &n.Lifetimes, &n.Timers)
	n.ScopeRefs.check(r)
	if n.InterfaceID != nil && n.Interface != nil {
		r.errf("interface_id", "a shared network is selected by interface or by interface_id, not both")
	}
	n.V6Lifetimes.check(r)
	n.Escape.check(r)
	return out
}

// netInfo is a selected shared network.
type netInfo struct {
	n       *SharedNetwork
	index   int
	subnets []*subnetInfo
}

// selectNetworks validates the target's shared networks, by id.
func (rd *renderer) selectNetworks() map[string]*netInfo {
	out := map[string]*netInfo{}
	names := map[string]string{}
	for i := range rd.e.SharedNetworks {
		n := &rd.e.SharedNetworks[i]
		if !rd.ownsServer(n.Server) {
			continue
		}
		ds := n.Validate(i)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			continue
		}
		r := rd.rep(KindSharedNetwork, n.ID(), i)
		checkRelays(r, n.RelayAddresses, rd.fam.v == 4)
		if rd.fam.v == 4 {
			checkV6Link(r, fam4, "shared network", n.Interface, &n.V6Link, &n.V6Lifetimes)
		}
		if other, dup := names[n.Name]; dup {
			rd.rep(KindSharedNetwork, n.ID(), i).errf("name", "%q is already the name of shared network %s in this server's document; Kea needs unique names", n.Name, other)
			continue
		}
		names[n.Name] = n.ID()
		checkNetworkLifetimes(r, n, rd.srv)
		out[n.ID()] = &netInfo{n: n, index: i}
	}
	return out
}

// attachToNetwork places a subnet in its shared network, if it has one.
func (rd *renderer) attachToNetwork(r reporter, si *subnetInfo, nets map[string]*netInfo) bool {
	s := si.s
	if s.SharedNetwork == nil {
		return true
	}
	ni, ok := nets[*s.SharedNetwork]
	if !ok {
		for i := range rd.e.SharedNetworks {
			if rd.e.SharedNetworks[i].ID() == *s.SharedNetwork {
				r.errf("shared_network", "shared network %q belongs to server %q, not to this subnet's %q", *s.SharedNetwork, rd.e.SharedNetworks[i].Server, s.Server)
				return false
			}
		}
		r.errf("shared_network", "refers to shared network %q, which was not passed in", *s.SharedNetwork)
		return false
	}
	if s.Interface != nil && ni.n.Interface != nil && *s.Interface != *ni.n.Interface {
		r.errf("interface", "%q differs from shared network %s's interface %q; Kea requires the same interface (or none) on the subnets of a shared network", *s.Interface, ni.n.ID(), *ni.n.Interface)
		return false
	}
	si.net = ni.n
	ni.subnets = append(ni.subnets, si)
	return true
}

// renderNetworks renders the shared networks, by name, each with its
// subnets (by id); subnet renders are collected by the caller.
func (rd *renderer) renderNetworks(nets map[string]*netInfo, rendered map[*subnetInfo]*Object) []any {
	list := make([]*netInfo, 0, len(nets))
	for _, ni := range nets {
		list = append(list, ni)
	}
	sort.Slice(list, func(a, b int) bool { return list[a].n.Name < list[b].n.Name })
	out := make([]any, 0, len(list))
	for _, ni := range list {
		n := ni.n
		r := rd.rep(KindSharedNetwork, n.ID(), ni.index)
		o := (&Object{}).Set("name", n.Name)
		setStr(o, "interface", n.Interface)
		if len(n.RelayAddresses) > 0 {
			o.Set("relay", (&Object{}).Set("ip-addresses", n.RelayAddresses))
		}
		renderLinkTimes(o, &n.Lifetimes, &n.Timers, &n.V6Lifetimes, &n.V6Link)
		rd.setClasses(o, r, "shared network", nil, &n.ScopeRefs)
		n.ReservationModes.render(o)
		rd.renderPolicy(o, r, scopeSharedNetwork, &n.DDNSScope)
		if opts := rd.optionList(r, "option_data", n.OptionData); len(opts) > 0 {
			o.Set("option-data", opts)
		}
		subnets := make([]any, 0, len(ni.subnets))
		for _, si := range ni.subnets { // already in id order
			subnets = append(subnets, rendered[si])
		}
		if len(subnets) == 0 {
			r.warnf("name", "has no subnets: clients on its link get no address from it")
		}
		o.Set(rd.fam.subnets, subnets)
		n.Escape.finish(o, r, rd.fam.doc, scopeSharedNetwork)
		out = append(out, o)
	}
	return out
}
