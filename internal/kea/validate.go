package kea

import (
	"fmt"
	"github.com/keaform/terraform-provider-kea/internal/kea/expr"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

var (
	serverNameRe = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$`)
	classNameRe  = regexp.MustCompile(`^[A-Za-z0-9_](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_])?$`)
)

// Kea's built-in classes: they exist without being defined and cannot be
// defined by a user.
var builtinClasses = map[string]bool{"ALL": true, "KNOWN": true, "UNKNOWN": true, "BOOTP": true}

var builtinClassPrefixes = []string{"VENDOR_CLASS_", "HA_"}

func isBuiltinClass(name string) bool {
	if builtinClasses[name] {
		return true
	}
	for _, p := range builtinClassPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

const maxSubnetID = 4294967294

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func boolv(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

// ID is the server's identity: its name.
func (s *Server) ID() string { return s.Name }

// Dirs returns the effective Kea build directories.
func (s *Server) Dirs() (sock, hooks, lease, log string) {
	sock, hooks, lease, log = DefaultControlSocketDir, DefaultHooksDir, DefaultLeaseDir, DefaultLogDir
	if d := s.Directories; d != nil {
		if d.ControlSocket != nil && *d.ControlSocket != "" {
			sock = *d.ControlSocket
		}
		if d.Hooks != nil && *d.Hooks != "" {
			hooks = *d.Hooks
		}
		if d.Lease != nil && *d.Lease != "" {
			lease = *d.Lease
		}
		if d.Log != nil && *d.Log != "" {
			log = *d.Log
		}
	}
	return
}

func (s *Server) validLifetime() int64 {
	if s.ValidLifetime != nil {
		return *s.ValidLifetime
	}
	return BuiltinDefaults.ValidLifetime
}

func (s *Server) maxValidLifetime() int64 {
	if s.MaxValidLifetime != nil {
		return *s.MaxValidLifetime
	}
	return BuiltinDefaults.MaxValidLifetime
}

// completePath turns a bare file name into dir/name and checks that an
// absolute path lies directly in dir, as Kea 3.0 requires.
func completePath(dir, name, what, setting string) (string, error) {
	if name == "" {
		return "", fmt.Errorf("must not be empty")
	}
	if !strings.Contains(name, "/") {
		return strings.TrimRight(dir, "/") + "/" + name, nil
	}
	if !strings.HasPrefix(name, "/") {
		return "", fmt.Errorf("%q is a relative path; give a bare file name (placed in %s) or an absolute path in %s", name, dir, dir)
	}
	if path.Dir(name) != path.Clean(dir) {
		return "", fmt.Errorf("%q is not in %s: Kea 3.0 accepts %s only in the directory it was built with (%s); give a bare file name, or set the provider's %s if your Kea build uses another directory", name, dir, what, dir, setting)
	}
	return name, nil
}

func checkJSONObject(r reporter, attr string, v *string) *Object {
	if v == nil {
		return nil
	}
	o, err := ParseObject(*v)
	if err != nil {
		r.errf(attr, "%v", err)
		return nil
	}
	return o
}

func checkRefs(r reporter, attr string, refs []string) {
	seen := map[string]bool{}
	for i, ref := range refs {
		if ref == "" {
			r.errf(fmt.Sprintf("%s[%d]", attr, i), "must not be empty")
		} else if seen[ref] {
			r.errf(fmt.Sprintf("%s[%d]", attr, i), "%q is listed twice", ref)
		}
		seen[ref] = true
	}
}

// checkScopeRefs checks what a subnet, shared network, pool or pd pool
// refers to: option data and additional classes listed once each, and the
// restricting class not also among the additional ones.
func checkScopeRefs(r reporter, optionData []string, class *string, additional []string) {
	checkRefs(r, "option_data", optionData)
	checkRefs(r, "additional_classes", additional)
	if class != nil && slices.Contains(additional, *class) {
		r.errf("additional_classes", "%q is already the restricting client_class", *class)
	}
}

// checkLifetimes applies Kea's triplet rule (min <= valid <= max) and the
// timer order renew < rebind < valid at one scope.
func checkLifetimes(r reporter, min, valid, max, renew, rebind *int64) {
	checkTriplet(r, "valid_lifetime", min, valid, max)
	for _, f := range []struct {
		attr string
		v    *int64
	}{{"renew_timer", renew}, {"rebind_timer", rebind}} {
		if f.v != nil && (*f.v < 0 || *f.v > 4294967295) {
			r.errf(f.attr, "%d is out of range: 0 to 4294967295 seconds", *f.v)
		}
	}
	if renew != nil && rebind != nil && *renew >= *rebind {
		r.errf("renew_timer", "%d must be less than rebind_timer (%d)", *renew, *rebind)
	}
	if rebind != nil && valid != nil && *rebind >= *valid {
		r.errf("rebind_timer", "%d must be less than valid_lifetime (%d)", *rebind, *valid)
	} else if renew != nil && rebind == nil && valid != nil && *renew >= *valid {
		r.errf("renew_timer", "%d must be less than valid_lifetime (%d)", *renew, *valid)
	}
}

// checkPreferred applies the triplet rule to the DHCPv6 preferred lifetimes.
func checkPreferred(r reporter, min, pref, max *int64) {
	checkTriplet(r, "preferred_lifetime", min, pref, max)
}

// checkTriplet applies Kea's rule for a lifetime and its bounds, named
// <attr>, min_<attr> and max_<attr>: each 0 to 2^32-1, min <= value <= max.
func checkTriplet(r reporter, attr string, min, val, max *int64) {
	minA, maxA := "min_"+attr, "max_"+attr
	for _, f := range []struct {
		attr string
		v    *int64
	}{{minA, min}, {attr, val}, {maxA, max}} {
		if f.v != nil && (*f.v < 0 || *f.v > 4294967295) {
			r.errf(f.attr, "%d is out of range: 0 to 4294967295 seconds", *f.v)
		}
	}
	if min != nil && max != nil && *min > *max {
		r.errf(minA, "%d is greater than %s (%d)", *min, maxA, *max)
	}
	if val != nil && min != nil && *val < *min {
		r.errf(attr, "%d is less than %s (%d)", *val, minA, *min)
	}
	if val != nil && max != nil && *val > *max {
		r.errf(attr, "%d is greater than %s (%d)", *val, maxA, *max)
	}
}

func checkBootFields(r reporter, next, host, file *string) {
	if next != nil {
		if _, err := parseIPv4(*next); err != nil {
			r.errf("next_server", "%v", err)
		}
	}
	if host != nil && len(*host) > 63 {
		r.errf("server_hostname", "is %d bytes; the DHCPv4 sname field holds 63", len(*host))
	}
	if file != nil && len(*file) > 127 {
		r.errf("boot_file_name", "is %d bytes; the DHCPv4 file field holds 127", len(*file))
	}
}

// Validate checks the server on its own.
func (s *Server) Validate() Diags {
	var out Diags
	r := reporter{kind: KindServer, id: s.Name, index: -1, out: &out}
	if s.Name == "" {
		r.errf("name", "is required")
	} else if !serverNameRe.MatchString(s.Name) {
		r.errf("name", "%q: use letters, digits, dots, hyphens and underscores", s.Name)
	}
	if s.Family != nil && *s.Family != 4 && *s.Family != 6 {
		r.errf("family", "%d is not an address family: use 4 or 6", *s.Family)
	}
	if s.fam().v == 6 {
		notIn(r, "DHCPv6", map[string]bool{
			"dhcp_socket_type": s.DHCPSocketType != nil, "authoritative": s.Authoritative != nil,
			"match_client_id": s.MatchClientID != nil, "next_server": s.NextServer != nil,
			"server_hostname": s.ServerHostname != nil, "boot_file_name": s.BootFileName != nil,
		})
		checkPreferred(r, s.MinPreferredLifetime, s.PreferredLifetime, s.MaxPreferredLifetime)
		if id := s.ServerID; id != nil {
			switch id.Type {
			case "LLT", "EN", "LL":
			default:
				r.errf("server_id.type", "%q: use LLT, EN or LL", id.Type)
			}
			if id.Identifier != nil {
				if _, _, err := normalizeHex(*id.Identifier); err != nil {
					r.errf("server_id.identifier", "%v", err)
				}
			}
			if id.EnterpriseID != nil && id.Type != "EN" {
				r.errf("server_id.enterprise_id", "applies to type EN only")
			}
			if id.HType != nil && (*id.HType < 0 || *id.HType > 65535 || id.Type == "EN") {
				r.errf("server_id.htype", "is a 16-bit hardware type, for types LLT and LL")
			}
		}
		for i, m := range s.MACSources {
			if !macSources[m] {
				r.errf(fmt.Sprintf("mac_sources[%d]", i), "%q is not a MAC source Kea knows: any, raw, duid, ipv6-link-local, client-link-addr-option, rfc6939, remote-id, rfc4649, subscriber-id, rfc4580, docsis-cmts, docsis-modem", m)
			}
		}
		for i, c := range s.RelaySuppliedOptions {
			if n, err := strconv.ParseInt(c, 10, 64); err != nil || n < 1 || n > 65535 {
				r.errf(fmt.Sprintf("relay_supplied_options[%d]", i), "%q is not a DHCPv6 option code (1 to 65535)", c)
			}
		}
	} else {
		notIn(r, "DHCPv4", map[string]bool{
			"preferred_lifetime": s.PreferredLifetime != nil, "min_preferred_lifetime": s.MinPreferredLifetime != nil,
			"max_preferred_lifetime": s.MaxPreferredLifetime != nil, "server_id": s.ServerID != nil,
			"mac_sources": s.MACSources != nil, "relay_supplied_options": s.RelaySuppliedOptions != nil,
		})
	}
	for i, ifc := range s.Interfaces {
		if ifc == "" || strings.ContainsAny(ifc, " \t") {
			r.errf(fmt.Sprintf("interfaces[%d]", i), "%q is not an interface name", ifc)
		}
	}
	if s.DHCPSocketType != nil && *s.DHCPSocketType != "raw" && *s.DHCPSocketType != "udp" {
		r.errf("dhcp_socket_type", "%q: use raw or udp", *s.DHCPSocketType)
	}
	valid, max := s.validLifetime(), s.maxValidLifetime()
	checkLifetimes(r, s.MinValidLifetime, &valid, &max, s.RenewTimer, s.RebindTimer)
	for _, f := range []struct {
		attr string
		v    *float64
	}{{"t1_percent", s.T1Percent}, {"t2_percent", s.T2Percent}} {
		if f.v != nil && (*f.v <= 0 || *f.v >= 1) {
			r.errf(f.attr, "%v is out of range: Kea takes a fraction greater than 0 and less than 1", *f.v)
		}
	}
	if s.T1Percent != nil && s.T2Percent != nil && *s.T1Percent >= *s.T2Percent {
		r.errf("t1_percent", "%v must be less than t2_percent (%v)", *s.T1Percent, *s.T2Percent)
	}
	if s.DeclineProbationPeriod != nil && (*s.DeclineProbationPeriod < 0 || *s.DeclineProbationPeriod > 4294967295) {
		r.errf("decline_probation_period", "%d is out of range: 0 to 4294967295 seconds", *s.DeclineProbationPeriod)
	}
	checkBootFields(r, s.NextServer, s.ServerHostname, s.BootFileName)
	sockDir, hooksDir, leaseDir, _ := s.Dirs()
	if db := s.LeaseDatabase; db != nil {
		if db.Type != nil && *db.Type != "memfile" {
			r.errf("lease_database.type", "%q: only memfile is modelled; SQL back ends need their hook and go in extra_json", *db.Type)
		}
		if db.Name != nil {
			if _, err := completePath(leaseDir, *db.Name, "lease files", "lease_dir"); err != nil {
				r.errf("lease_database.name", "%v", err)
			}
		}
		if db.LFCInterval != nil && (*db.LFCInterval < 0 || *db.LFCInterval > 4294967295) {
			r.errf("lease_database.lfc_interval", "%d is out of range: 0 to 4294967295 seconds", *db.LFCInterval)
		}
	}
	checkControlSockets(r, s.ControlSockets, sockDir)
	libs := map[string]int{}
	for i, h := range s.HooksLibraries {
		a := fmt.Sprintf("hooks_libraries[%d]", i)
		p, err := completePath(hooksDir, h.Library, "hook libraries", "hooks_dir")
		if err != nil {
			r.errf(a+".library", "%v", err)
		} else if j, dup := libs[p]; dup {
			r.errf(a+".library", "%s is already loaded by hooks_libraries[%d]", p, j)
		} else {
			libs[p] = i
		}
		checkJSONObject(r, a+".parameters", h.Parameters)
	}
	checkRefs(r, "option_data", s.OptionData)
	checkRefs(r, "client_classes", s.ClientClasses)
	checkJSONObject(r, "user_context", s.UserContext)
	checkJSONObject(r, "extra_json", s.ExtraJSON)
	if s.Address != nil {
		if _, err := parseAnyIP(*s.Address); err != nil {
			r.errf("address", "%v", err)
		}
	}
	if s.HA != nil {
		s.HA.validate(r)
		if s.HA.Relationship == s.Name && s.Name != "" {
			r.errf("ha.relationship", "%q is also this server's name; subnets refer to servers and relationships by name, so they must differ", s.Name)
		}
		for i, h := range s.HooksLibraries {
			if path.Base(h.Library) == libHA {
				r.errf(fmt.Sprintf("hooks_libraries[%d].library", i), "the HA relationship renders %s with its parameters; remove it here", libHA)
			}
		}
	}
	return out
}

var macSources = map[string]bool{"any": true, "raw": true, "duid": true, "ipv6-link-local": true, "client-link-addr-option": true,
	"rfc6939": true, "remote-id": true, "rfc4649": true, "subscriber-id": true, "rfc4580": true, "docsis-cmts": true, "docsis-modem": true}

// notIn reports the attributes set that the family's daemon does not have.
func notIn(r reporter, family string, set map[string]bool) {
	names := make([]string, 0, len(set))
	for n, ok := range set {
		if ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	other := map[string]string{"DHCPv4": "DHCPv6", "DHCPv6": "DHCPv4"}[family]
	for _, n := range names {
		r.errf(n, "is a %s setting; Kea's %s server has no such key", other, family)
	}
}

func isIPLiteral(s string) bool {
	_, err := parseAnyIP(s)
	return err == nil
}

// ID is the subnet's identity: "<server>/<subnet_id>".
func (s *Subnet) ID() string { return s.Server + "/" + itoa(s.SubnetID) }

// Validate checks the subnet on its own.
func (s *Subnet) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindSubnet, id: s.ID(), index: index, out: &out}
	if s.Server == "" {
		r.errf("server", "is required")
	}
	if s.SubnetID < 1 || s.SubnetID > maxSubnetID {
		r.errf("subnet_id", "%d is out of range: Kea subnet ids are 1 to 4294967294", s.SubnetID)
	}
	p, err := parsePrefix(s.Prefix)
	if err != nil {
		r.errf("prefix", "%v", err)
	}
	checkLifetimes(r, s.MinValidLifetime, s.ValidLifetime, s.MaxValidLifetime, s.RenewTimer, s.RebindTimer)
	if s.Interface != nil && (*s.Interface == "" || strings.ContainsAny(*s.Interface, " \t/")) {
		r.errf("interface", "%q is not an interface name", *s.Interface)
	}
	if err == nil {
		checkV6Link(r, famOf(p.Addr().Is4()), "subnet", s.Interface, s.InterfaceID, s.RapidCommit, s.MinPreferredLifetime, s.PreferredLifetime, s.MaxPreferredLifetime)
	}
	checkScopeRefs(r, s.OptionData, s.ClientClass, s.AdditionalClasses)
	if err == nil {
		checkRelays(r, s.RelayAddresses, p.Addr().Is4())
	}
	checkJSONObject(r, "user_context", s.UserContext)
	checkJSONObject(r, "extra_json", s.ExtraJSON)
	return out
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
func checkV6Link(r reporter, f *family, what string, iface, ifaceID *string, rapid *bool, minPref, pref, maxPref *int64) {
	if f.v == 4 {
		notIn(r, "DHCPv4", map[string]bool{
			"interface_id": ifaceID != nil, "rapid_commit": rapid != nil, "preferred_lifetime": pref != nil,
			"min_preferred_lifetime": minPref != nil, "max_preferred_lifetime": maxPref != nil,
		})
		return
	}
	if iface != nil && ifaceID != nil {
		r.errf("interface_id", "a %s is selected by interface or by interface_id (a relay's interface-id option), not both", what)
	}
	checkPreferred(r, minPref, pref, maxPref)
}

// addrRange returns the pool's range, from range or start/end.
func (p *Pool) addrRange() (addrRange, string, error) {
	if p.Range != nil {
		rg, err := parsePoolRange(*p.Range)
		return rg, "range", err
	}
	if p.Start == nil || p.End == nil {
		return addrRange{}, "range", fmt.Errorf("set range, or both start and end")
	}
	rg, err := makeRange(*p.Start, *p.End)
	return rg, "start", err
}

// ID is the pool's identity: "<subnet>/<first>-<last>".
func (p *Pool) ID() string {
	if rg, _, err := p.addrRange(); err == nil {
		return p.Subnet + "/" + rg.String()
	}
	if p.Range != nil {
		return p.Subnet + "/" + *p.Range
	}
	return p.Subnet + "/" + str(p.Start) + "-" + str(p.End)
}

// Validate checks the pool on its own.
func (p *Pool) Validate(index int) Diags { return p.validate(index, p.ID()) }

func (p *Pool) validate(index int, id string) Diags {
	var out Diags
	r := reporter{kind: KindPool, id: id, index: index, out: &out}
	if p.Subnet == "" {
		r.errf("subnet", "is required")
	}
	if p.Range != nil && (p.Start != nil || p.End != nil) {
		r.errf("range", "set range or start/end, not both")
	} else if _, attr, err := p.addrRange(); err != nil {
		r.errf(attr, "%v", err)
	}
	checkScopeRefs(r, p.OptionData, p.ClientClass, p.AdditionalClasses)
	checkJSONObject(r, "user_context", p.UserContext)
	checkJSONObject(r, "extra_json", p.ExtraJSON)
	return out
}

// identifier returns the reservation's identifier type and value (as given).
func (h *Reservation) identifiers() [][2]string {
	var ids [][2]string
	for _, t := range identifierTypes {
		var v *string
		switch t {
		case "hw-address":
			v = h.HWAddress
		case "duid":
			v = h.DUID
		case "client-id":
			v = h.ClientID
		case "circuit-id":
			v = h.CircuitID
		case "flex-id":
			v = h.FlexID
		}
		if v != nil {
			ids = append(ids, [2]string{t, *v})
		}
	}
	return ids
}

// identifier returns the single identifier, normalised.
func (h *Reservation) identifier() (typ, val string, err error) {
	ids := h.identifiers()
	if len(ids) != 1 {
		return "", "", fmt.Errorf("exactly one of hw_address, duid, client_id, circuit_id, flex_id must be set")
	}
	val, err = normalizeIdentifier(ids[0][0], ids[0][1])
	return ids[0][0], val, err
}

// ID is the reservation's identity: "<subnet>/<identifier-type>=<identifier>".
func (h *Reservation) ID() string {
	t, v, err := h.identifier()
	if err != nil {
		if ids := h.identifiers(); len(ids) > 0 {
			return h.Subnet + "/" + ids[0][0] + "=" + ids[0][1]
		}
		return h.Subnet + "/?"
	}
	return h.Subnet + "/" + t + "=" + v
}

// Validate checks the reservation on its own.
func (h *Reservation) Validate(index int) Diags { return h.validate(index, h.ID()) }

func (h *Reservation) validate(index int, id string) Diags {
	var out Diags
	r := reporter{kind: KindReservation, id: id, index: index, out: &out}
	if h.Subnet == "" {
		r.errf("subnet", "is required")
	}
	ids := h.identifiers()
	switch len(ids) {
	case 0:
		r.errf("hw_address", "a reservation needs exactly one identifier: hw_address, duid, client_id, circuit_id or flex_id")
	case 1:
		if _, err := normalizeIdentifier(ids[0][0], ids[0][1]); err != nil {
			r.errf(identifierAttr[ids[0][0]], "%v", err)
		}
	default:
		r.errf(identifierAttr[ids[1][0]], "a reservation has exactly one identifier; %s is already set", identifierAttr[ids[0][0]])
	}
	if h.IPAddress != nil {
		if a, err := parseIPv4(*h.IPAddress); err != nil {
			r.errf("ip_address", "%v", err)
		} else if a.IsUnspecified() || a == broadcast4 {
			r.errf("ip_address", "%s cannot be reserved", a)
		}
	}
	if h.Hostname != nil {
		if err := validHostname(*h.Hostname); err != nil {
			r.errf("hostname", "%v", err)
		}
	}
	checkV6Reservation(r, h)
	checkRefs(r, "client_classes", h.ClientClasses)
	checkRefs(r, "option_data", h.OptionData)
	checkBootFields(r, h.NextServer, h.ServerHostname, h.BootFileName)
	checkJSONObject(r, "user_context", h.UserContext)
	checkJSONObject(r, "extra_json", h.ExtraJSON)
	return out
}

// ID is the class's identity: its name.
func (c *ClientClass) ID() string { return c.Name }

// Validate checks the client class on its own.
func (c *ClientClass) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindClientClass, id: c.Name, index: index, out: &out}
	switch {
	case c.Name == "":
		r.errf("name", "is required")
	case isBuiltinClass(c.Name):
		r.errf("name", "%q is a Kea built-in class and cannot be defined", c.Name)
	case !classNameRe.MatchString(c.Name):
		r.errf("name", "%q: use letters, digits, underscores, dots, colons and hyphens", c.Name)
	}
	if c.Test != nil && c.TemplateTest != nil {
		r.errf("template_test", "set test or template_test, not both")
	}
	if c.Test != nil && strings.TrimSpace(*c.Test) == "" {
		r.errf("test", "must not be empty; leave it unset for a class without a test")
	} else if c.Test != nil {
		if err := parseEitherFamily(*c.Test, expr.Bool); err != nil {
			r.errf("test", "expression [%s] error: %v", *c.Test, err)
		}
	}
	if c.TemplateTest != nil && strings.TrimSpace(*c.TemplateTest) == "" {
		r.errf("template_test", "must not be empty")
	} else if c.TemplateTest != nil {
		if err := parseEitherFamily(*c.TemplateTest, expr.String); err != nil {
			r.errf("template_test", "expression [%s] error: %v (a template test computes the name of the class to spawn, a string)", *c.TemplateTest, err)
		}
	}
	checkLifetimes(r, c.MinValidLifetime, c.ValidLifetime, c.MaxValidLifetime, nil, nil)
	checkRefs(r, "option_data", c.OptionData)
	checkBootFields(r, c.NextServer, c.ServerHostname, c.BootFileName)
	checkJSONObject(r, "user_context", c.UserContext)
	checkJSONObject(r, "extra_json", c.ExtraJSON)
	return out
}

// parseEitherFamily checks an expression whose family is not known yet (a
// class alone): it must parse for DHCPv4 or DHCPv6; the document's family
// is checked when the class is rendered.
func parseEitherFamily(src string, kind expr.Kind) error {
	_, err4 := expr.Parse(src, expr.Family(4), kind)
	if err4 == nil {
		return nil
	}
	if _, err6 := expr.Parse(src, expr.Family(6), kind); err6 == nil {
		return nil
	}
	return err4
}
