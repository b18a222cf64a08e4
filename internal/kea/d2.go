package kea

import (
	"encoding/base64"
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"
)

// Object kinds of Dynamic DNS. Not yet in Kinds: the DDNS objects join the
// estate, the provider and DocDhcpDdns together (issue 10).
const (
	KindD2Daemon   = "kea_d2_daemon"
	KindDDNSDomain = "kea_ddns_domain"
)

// D2Daemon is a kea_d2_daemon: one kea-dhcp-ddns, the target of a
// DhcpDdns document.
type D2Daemon struct {
	Name string `json:"name"`
	// ListenerMode is local (127.0.0.1, a D2 beside each DHCP server, the
	// default) or remote (Address).
	ListenerMode     *string `json:"listener_mode"`
	Address          *string `json:"address"`
	Port             *int64  `json:"port"`
	NCRProtocol      *string `json:"ncr_protocol"`
	NCRFormat        *string `json:"ncr_format"`
	DNSServerTimeout *int64  `json:"dns_server_timeout"`
	// TSIGKey is the key of the daemon's domains that name none.
	TSIGKey        *string         `json:"tsig_key"`
	ControlSockets []ControlSocket `json:"control_sockets"`
	Directories    *Directories    `json:"directories"`
	// StorkAgentGroup is the agent group monitoring a remote D2 daemon on
	// its own host.
	StorkAgentGroup *string `json:"stork_agent_group"`
	Escape
}

// DDNSDomain is a kea_ddns_domain: a zone a D2 daemon updates.
type DDNSDomain struct {
	D2Daemon   string      `json:"d2_daemon"`
	Zone       string      `json:"zone"`
	DNSServers []DNSServer `json:"dns_servers"`
	TSIGKey    *string     `json:"tsig_key"`
	Context
}

// DNSServer is one server a domain's updates go to.
type DNSServer struct {
	Address string  `json:"address"`
	Port    *int64  `json:"port"`
	TSIGKey *string `json:"tsig_key"`
	Context
}

// Listener modes and the NCR settings D2 3.0 runs with.
var (
	D2ListenerModes = []string{"local", "remote"}
	NCRProtocols    = []string{"UDP"} // D2 3.0 refuses TCP ("TCP is not yet supported")
	NCRFormats      = []string{"JSON"}
)

// docNameDhcpDdns is the DhcpDdns document's top-level key (DocDhcpDdns.Name).
const docNameDhcpDdns = "DhcpDdns"

// DefaultD2Port is D2's listener port.
const DefaultD2Port = 53001

// ID is the daemon's identity: its name.
func (d *D2Daemon) ID() string { return d.Name }

// ParseD2DaemonID reads a D2 daemon's import id: its name.
func ParseD2DaemonID(id string) (*D2Daemon, error) { return &D2Daemon{Name: id}, nil }

// Document is the kea-dhcp-ddns document a D2 daemon renders.
func (d *D2Daemon) Document() *DocKind { return DocDhcpDdns }

// Identity is the id once the name is set.
func (d *D2Daemon) Identity() (string, bool) { return d.Name, d.Name != "" }

// listener is the address and port D2 listens for NameChangeRequests on.
func (d *D2Daemon) listener() (string, int64) {
	addr := "127.0.0.1"
	if str(d.ListenerMode) == "remote" && d.Address != nil {
		addr = canonicalIP(*d.Address)
	}
	return addr, int64v(d.Port, DefaultD2Port)
}

// Validate checks the daemon on its own.
func (d *D2Daemon) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindD2Daemon, id: d.Name, index: index, out: &out}
	if d.Name == "" {
		r.errf("name", "is required")
	} else if !serverNameRe.MatchString(d.Name) {
		r.errf("name", "%q: use letters, digits, dots, hyphens and underscores", d.Name)
	}
	mode := "local"
	if d.ListenerMode != nil {
		mode = *d.ListenerMode
	}
	switch {
	case !contains(D2ListenerModes, mode):
		r.errf("listener_mode", "%q: use local (127.0.0.1, beside the DHCP server) or remote (address)", mode)
	case mode == "remote" && d.Address == nil:
		r.errf("address", "is required in remote mode: the address the DHCP servers send NameChangeRequests to")
	case mode == "local" && d.Address != nil:
		r.errf("address", "applies to remote mode; a local D2 listens on 127.0.0.1")
	case d.Address != nil:
		if _, err := parseAnyIP(*d.Address); err != nil {
			r.errf("address", "%v: D2 takes an IP address, not a name", err)
		}
	}
	checkPort(r, "port", d.Port, 1)
	if d.NCRProtocol != nil && !contains(NCRProtocols, *d.NCRProtocol) {
		r.errf("ncr_protocol", "%q: D2 3.0 takes UDP only (it refuses TCP: \"TCP is not yet supported\")", *d.NCRProtocol)
	}
	if d.NCRFormat != nil && !contains(NCRFormats, *d.NCRFormat) {
		r.errf("ncr_format", "%q: D2 3.0 takes JSON only", *d.NCRFormat)
	}
	if d.DNSServerTimeout != nil && (*d.DNSServerTimeout < 1 || *d.DNSServerTimeout > MaxUint32) {
		r.errf("dns_server_timeout", "%d is out of range: 1 to 4294967295 milliseconds", *d.DNSServerTimeout)
	}
	sockDir, _, _, _ := d.Directories.effective()
	checkControlSockets(r, d.ControlSockets, sockDir)
	// The NCR listener is UDP and an http control socket TCP: the same
	// port number serves both (kea-dhcp-ddns starts with either on 53001).
	for i := range d.ControlSockets {
		cs := &d.ControlSockets[i]
		if cs.Type != "unix" && cs.Authentication == nil {
			r.warnf(fmt.Sprintf("control_sockets[%d]", i), "has no authentication, and D2's config-get returns the TSIG secrets in clear: anyone who reaches the socket reads them")
		}
	}
	d.Escape.check(r)
	return out
}

// ID is the domain's identity: "<d2 daemon>/<zone>", the zone with its
// trailing dot.
func (m *DDNSDomain) ID() string { return m.D2Daemon + "/" + m.zone() }

// ParseDDNSDomainID reads a domain's import id, "<d2 daemon>/<zone>".
func ParseDDNSDomainID(id string) (*DDNSDomain, error) {
	p, err := splitID(id, 2, "<d2_daemon>/<zone>")
	if err != nil {
		return nil, err
	}
	return &DDNSDomain{D2Daemon: p[0], Zone: p[1]}, nil
}

// Identity is the id once the daemon and zone are set.
func (m *DDNSDomain) Identity() (string, bool) { return m.ID(), m.D2Daemon != "" && m.Zone != "" }

// zone is the zone name in D2's form: lower case, with a trailing dot.
func (m *DDNSDomain) zone() string {
	z := strings.ToLower(strings.TrimSpace(m.Zone))
	if z != "" && !strings.HasSuffix(z, ".") {
		z += "."
	}
	return z
}

// reverse reports whether the zone is a reverse zone.
func (m *DDNSDomain) reverse() bool {
	z := m.zone()
	return z == "in-addr.arpa." || z == "ip6.arpa." || strings.HasSuffix(z, ".in-addr.arpa.") || strings.HasSuffix(z, ".ip6.arpa.")
}

// Validate checks the domain on its own.
func (m *DDNSDomain) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindDDNSDomain, id: m.ID(), index: index, out: &out}
	if m.D2Daemon == "" {
		r.errf("d2_daemon", "is required")
	}
	if m.Zone == "" {
		r.errf("zone", "is required")
	} else if err := validHostname(m.Zone); err != nil {
		r.errf("zone", "%v", err)
	} else if _, err := m.reversePrefix(); err != nil {
		r.errf("zone", "%v", err)
	}
	m.Context.check(r)
	if len(m.DNSServers) == 0 {
		// D2 aborts ("Assertion 'px != 0' failed") on a domain without servers.
		r.errf("dns_servers", "a domain needs at least one DNS server; kea-dhcp-ddns aborts on a domain without dns-servers")
	}
	seen := map[string]int{}
	for i, s := range m.DNSServers {
		a := fmt.Sprintf("dns_servers[%d]", i)
		ip, err := parseIP(s.Address)
		if err != nil {
			r.errf(a+".address", "%v: D2 takes an IP address (\"hostname is not yet supported\")", err)
		}
		checkPort(r, a+".port", s.Port, 1)
		checkJSONObject(r, a+".user_context", s.UserContext)
		if port := int64v(s.Port, 53); err == nil && port >= 1 && port <= MaxUint16 {
			key := netip.AddrPortFrom(ip, uint16(port)).String()
			if j, dup := seen[key]; dup {
				r.errf(a, "%s is already dns_servers[%d]", key, j)
			}
			seen[key] = i
		}
	}
	return out
}

// renderDhcpDdns renders a D2 daemon's kea-dhcp-ddns (DhcpDdns) document.
func renderDhcpDdns(e *Estate, t Target, doc *DocKind) (any, bool, Diags) {
	d := t.(*D2Daemon)
	held := false
	o, diags := renderD2(d, e, func(string) { held = true })
	if o == nil {
		return nil, false, diags
	}
	diags = append(diags, checkCoverage(d, e)...)
	return (&Object{}).Set(doc.Name, o), held, diags
}

// renderD2 renders a D2 daemon's kea-dhcp-ddns document from the estate's
// keys and domains. Domains of other daemons are ignored.
// secret is called with the name of each secret the document holds.
func renderD2(d *D2Daemon, e *Estate, secret func(name string)) (*Object, Diags) {
	keys, domains := e.TSIGKeys, e.DDNSDomains
	var diags Diags
	dr := reporter{kind: KindD2Daemon, id: d.Name, index: -1, out: &diags}
	diags = append(diags, d.Validate(-1)...)
	byName := map[string]*TSIGKey{}
	keyIndex := map[string]int{} // name -> index in keys, for error paths
	for i := range keys {
		k := &keys[i]
		kr := reporter{kind: KindTSIGKey, id: k.Name, index: i, out: &diags}
		if _, dup := byName[k.Name]; dup {
			kr.errf("name", "is passed twice; TSIG key names are unique")
			continue
		}
		byName[k.Name] = k
		keyIndex[k.Name] = i
	}
	used := map[string]bool{}
	named := map[string]*string{} // key name -> the value of its secret_name
	useKey := func(r reporter, attr string, name *string) {
		if name == nil {
			return
		}
		k, ok := byName[*name]
		if !ok {
			r.errf(attr, "refers to TSIG key %q, which was not passed in", *name)
			return
		}
		if !used[k.Name] {
			diags = append(diags, k.Validate(keyIndex[k.Name])...)
			kr := reporter{kind: KindTSIGKey, id: k.Name, index: keyIndex[k.Name], out: &diags}
			switch {
			case k.SecretName != nil:
				if v, ok := lookupSecret(kr, "secret_name", *k.SecretName, e.Secrets); ok {
					if _, err := base64.StdEncoding.DecodeString(v); err != nil {
						// The value is not shown: it is a secret.
						kr.errf("secret_name", "the secret %q is not base64; D2 refuses it", *k.SecretName)
					}
					named[k.Name] = &v
				}
			case k.Secret == nil && k.SecretFile == nil:
				// D2: "missing parameter 'secret'".
				kr.errf("secret", "is not set, nor is secret_file or secret_name: a kea_tsig_key resource generates one; a plain object must give secret, secret_file or secret_name")
			}
		}
		used[k.Name] = true
	}
	var forward, reverse []*DDNSDomain
	zones := map[string]int{}
	for i := range domains {
		m := &domains[i]
		if m.D2Daemon != d.Name {
			continue
		}
		r := reporter{kind: KindDDNSDomain, id: m.ID(), index: i, out: &diags}
		diags = append(diags, m.Validate(i)...)
		if j, dup := zones[m.zone()]; dup {
			r.errf("zone", "%s is already the zone of %s on D2 daemon %q", m.zone(), row(KindDDNSDomain, j), d.Name)
			continue
		}
		zones[m.zone()] = i
		if m.TSIGKey != nil {
			useKey(r, "tsig_key", m.TSIGKey)
		} else {
			useKey(dr, "tsig_key", d.TSIGKey)
		}
		for j, s := range m.DNSServers {
			useKey(r, fmt.Sprintf("dns_servers[%d].tsig_key", j), s.TSIGKey)
		}
		if m.reverse() {
			reverse = append(reverse, m)
		} else {
			forward = append(forward, m)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	addr, port := d.listener()
	o := (&Object{}).Set("ip-address", addr).Set("port", port)
	setInt(o, "dns-server-timeout", d.DNSServerTimeout)
	setStr(o, "ncr-protocol", d.NCRProtocol)
	setStr(o, "ncr-format", d.NCRFormat)
	if len(d.ControlSockets) > 0 {
		sockDir, _, _, _ := d.Directories.effective()
		socks := make([]any, len(d.ControlSockets))
		for i := range d.ControlSockets {
			socks[i] = renderControlSocket(dr, fmt.Sprintf("control_sockets[%d]", i), &d.ControlSockets[i], sockDir, func(r reporter, attr, name string) (string, bool) {
				v, ok := checkSecret(r, attr, name, e.Secrets)
				if ok {
					secret(name)
				}
				return v, ok
			})
		}
		o.Set("control-sockets", socks)
	}
	names := make([]string, 0, len(used))
	for n := range used {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 0 {
		list := make([]any, len(names))
		for i, n := range names {
			k := byName[n]
			list[i] = k.render(named[n])
			switch {
			case k.SecretName != nil:
				secret(*k.SecretName)
			case k.Secret != nil:
				secret(n)
			}
		}
		o.Set("tsig-keys", list)
	}
	o.Set("forward-ddns", (&Object{}).Set("ddns-domains", renderDomains(forward, d.TSIGKey)))
	o.Set("reverse-ddns", (&Object{}).Set("ddns-domains", renderDomains(reverse, d.TSIGKey)))
	d.Escape.finish(o, dr, docNameDhcpDdns, scopeD2Global)
	if diags.HasErrors() {
		return nil, diags
	}
	return o, diags
}

// renderDomains renders domains by zone name; a domain without a key of
// its own takes the daemon's (D2 has no default key: it is written into
// each such domain).
func renderDomains(ms []*DDNSDomain, daemonKey *string) []any {
	sort.Slice(ms, func(a, b int) bool { return ms[a].zone() < ms[b].zone() })
	out := make([]any, 0, len(ms))
	for _, m := range ms {
		o := (&Object{}).Set("name", m.zone())
		key := m.TSIGKey
		if key == nil {
			key = daemonKey
		}
		setStr(o, "key-name", key)
		servers := make([]any, len(m.DNSServers))
		for i, s := range m.DNSServers {
			so := (&Object{}).Set("ip-address", canonicalIP(s.Address))
			setInt(so, "port", s.Port)
			setStr(so, "key-name", s.TSIGKey)
			s.Context.render(so)
			servers[i] = so
		}
		o.Set("dns-servers", servers)
		m.Context.render(o)
		out = append(out, o)
	}
	return out
}

// reversePrefix is the address block a reverse zone holds (invalid for a
// forward zone). D2 takes any zone name, so a reverse zone written wrongly
// (labels not in reverse order, not numbers, a missing in-addr.arpa) only
// shows when no PTR record ever appears; it is refused here.
func (m *DDNSDomain) reversePrefix() (netip.Prefix, error) {
	z := strings.TrimSuffix(m.zone(), ".")
	labels := strings.Split(z, ".")
	switch {
	case z == "in-addr.arpa" || strings.HasSuffix(z, ".in-addr.arpa"):
		octets := labels[:len(labels)-2]
		if len(octets) > 4 {
			return netip.Prefix{}, fmt.Errorf("%s has %d address labels; an in-addr.arpa zone has at most 4", m.zone(), len(octets))
		}
		// RFC 2317 classless delegation: "64-127.2.0.192.in-addr.arpa".
		if len(octets) == 4 && strings.ContainsAny(octets[0], "-/") {
			octets = octets[1:]
		}
		var b [4]byte
		for i, l := range octets {
			n, err := strconv.Atoi(l)
			if err != nil || n < 0 || n > 255 || l != strconv.Itoa(n) {
				return netip.Prefix{}, fmt.Errorf("%s: label %q is not an octet (0 to 255); an in-addr.arpa zone lists the network's octets in reverse, e.g. 2.0.192.in-addr.arpa. for 192.0.2.0/24", m.zone(), l)
			}
			b[len(octets)-1-i] = byte(n)
		}
		return netip.PrefixFrom(netip.AddrFrom4(b), 8*len(octets)), nil
	case z == "ip6.arpa" || strings.HasSuffix(z, ".ip6.arpa"):
		nibbles := labels[:len(labels)-2]
		if len(nibbles) > 32 {
			return netip.Prefix{}, fmt.Errorf("%s has %d nibble labels; an ip6.arpa zone has at most 32", m.zone(), len(nibbles))
		}
		var b [16]byte
		for i, l := range nibbles {
			n, err := strconv.ParseUint(l, 16, 4)
			if err != nil || len(l) != 1 {
				return netip.Prefix{}, fmt.Errorf("%s: label %q is not one hex digit; an ip6.arpa zone lists the prefix's nibbles in reverse, e.g. 8.b.d.0.1.0.0.2.ip6.arpa. for 2001:db8::/32", m.zone(), l)
			}
			pos := len(nibbles) - 1 - i
			b[pos/2] |= byte(n) << (4 * (1 - pos%2))
		}
		return netip.PrefixFrom(netip.AddrFrom16(b), 4*len(nibbles)), nil
	}
	numeric := len(labels) > 0
	for _, l := range labels {
		if _, err := strconv.Atoi(l); err != nil {
			numeric = false
		}
	}
	if numeric {
		return netip.Prefix{}, fmt.Errorf("%s looks like a reverse zone without its in-addr.arpa suffix: write %s.in-addr.arpa. with its trailing dot", m.zone(), z)
	}
	return netip.Prefix{}, nil
}

// checkCoverage matches the daemon's domains with the subnets of the
// servers that send to it (those passed in servers): a reverse zone that
// covers none of them, and a subnet whose qualifying suffix no forward zone
// serves, are warnings. Without such servers there is nothing to match.
func checkCoverage(d *D2Daemon, e *Estate) Diags {
	var out Diags
	rels := map[string]*HARelationship{}
	for i := range e.HARelationships {
		rels[e.HARelationships[i].Name] = &e.HARelationships[i]
	}
	policies := map[string]*DDNSPolicy{}
	for i := range e.DDNSPolicies {
		policies[e.DDNSPolicies[i].Name] = &e.DDNSPolicies[i]
	}
	nets := map[string]*SharedNetwork{}
	for i := range e.SharedNetworks {
		nets[e.SharedNetworks[i].ID()] = &e.SharedNetworks[i]
	}
	// owners: server or relationship name -> the global policy in effect.
	owners := map[string]*string{}
	for i := range e.Servers {
		s := &e.Servers[i]
		var rel *HARelationship
		if s.HA != nil {
			rel = rels[s.HA.Relationship]
		}
		shared := s.DDNSShared.under(rel)
		if shared.D2Daemon == nil || *shared.D2Daemon != d.Name {
			continue
		}
		owners[s.Name] = shared.DDNSPolicy
		if rel != nil { // subnets attached to the relationship
			owners[rel.Name] = shared.DDNSPolicy
		}
	}
	if len(owners) == 0 {
		return nil
	}
	var forward []string
	var reverse []*DDNSDomain
	for i := range e.DDNSDomains {
		m := &e.DDNSDomains[i]
		if m.D2Daemon != d.Name {
			continue
		}
		if m.reverse() {
			reverse = append(reverse, m)
		} else {
			forward = append(forward, m.zone())
		}
	}
	covered := make([]bool, len(reverse))
	for i := range e.Subnets {
		s := &e.Subnets[i]
		global, ok := owners[s.Server]
		if !ok {
			continue
		}
		p, err := parsePrefix(s.Prefix)
		if err != nil {
			continue
		}
		for j, m := range reverse {
			if zp, err := m.reversePrefix(); err == nil && zp.IsValid() && zp.Overlaps(p) {
				covered[j] = true
			}
		}
		// The qualifying suffix in effect: subnet, shared network, global.
		var chain []*string
		chain = append(chain, s.DDNSPolicy)
		if s.SharedNetwork != nil && nets[*s.SharedNetwork] != nil {
			chain = append(chain, nets[*s.SharedNetwork].DDNSPolicy)
		}
		chain = append(chain, global)
		var suffix *string
		var send *bool
		for _, name := range chain {
			if name == nil || policies[*name] == nil {
				continue
			}
			p := policies[*name]
			if suffix == nil {
				suffix = p.QualifyingSuffix
			}
			if send == nil {
				send = p.SendUpdates
			}
		}
		if suffix == nil || *suffix == "" || !boolv(send, true) {
			continue
		}
		sfx := strings.ToLower(strings.TrimSuffix(*suffix, ".")) + "."
		served := false
		for _, z := range forward {
			if sfx == z || strings.HasSuffix(sfx, "."+z) {
				served = true
			}
		}
		if !served {
			reporter{kind: KindSubnet, id: s.ID(), index: i, out: &out}.warnf("ddns_policy", "its qualifying suffix %s is in no forward zone of D2 daemon %q (%s): its clients' names get no DNS records", sfx, d.Name, zoneList(forward))
		}
	}
	for j, m := range reverse {
		if !covered[j] {
			reporter{kind: KindDDNSDomain, id: m.ID(), index: -1, out: &out}.warnf("zone", "covers no subnet of the servers that send to D2 daemon %q: no PTR record will be written in it", d.Name)
		}
	}
	return out
}

func zoneList(zones []string) string {
	if len(zones) == 0 {
		return "it has none"
	}
	sort.Strings(zones)
	return strings.Join(zones, ", ")
}
