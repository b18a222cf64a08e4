package kea

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// KindServer is the DHCP server's Terraform type.
const KindServer = "kea_dhcp_server"

// Server is a kea_dhcp_server: one kea-dhcp4 or kea-dhcp6 daemon, the
// target of a Dhcp4 or Dhcp6 document.
type Server struct {
	Name           string   `json:"name"`
	Family         *int64   `json:"family"`
	Interfaces     []string `json:"interfaces"`
	DHCPSocketType *string  `json:"dhcp_socket_type"`
	InterfaceKnobs
	Lifetimes
	Timers
	CalculateTeeTimes      *bool    `json:"calculate_tee_times"`
	T1Percent              *float64 `json:"t1_percent"`
	T2Percent              *float64 `json:"t2_percent"`
	DeclineProbationPeriod *int64   `json:"decline_probation_period"`
	Authoritative          *bool    `json:"authoritative"`
	MatchClientID          *bool    `json:"match_client_id"`
	ReservationModes
	BootFields
	LeaseDatabase  *LeaseDatabase  `json:"lease_database"`
	ControlSockets []ControlSocket `json:"control_sockets"`
	HooksLibraries []HookLibrary   `json:"hooks_libraries"`
	OptionData     []string        `json:"option_data"`
	ClientClasses  []string        `json:"client_classes"`
	// OptionDefinitions are definitions rendered even when no option data
	// sends them (a definition also tells Kea how to read the option a
	// client sends).
	OptionDefinitions []string `json:"option_definitions"`
	Escape
	Directories *Directories  `json:"directories"`
	Address     *string       `json:"address"`
	HA          *HAMembership `json:"ha"`
	DDNSSender
	// StorkAgentGroup is the kea_stork_agent_group whose agent monitors
	// the server on its host.
	StorkAgentGroup *string `json:"stork_agent_group"`
	// DHCPv6 only.
	V6Lifetimes
	ServerID             *ServerID `json:"server_id"`
	MACSources           []string  `json:"mac_sources"`
	RelaySuppliedOptions []string  `json:"relay_supplied_options"`
}

// InterfaceKnobs are the rest of interfaces-config: how the server opens
// its sockets and sends its answers.
type InterfaceKnobs struct {
	OutboundInterface           *string `json:"outbound_interface"` // DHCPv4 only
	InterfacesReDetect          *bool   `json:"interfaces_re_detect"`
	ServiceSocketsRequireAll    *bool   `json:"service_sockets_require_all"`
	ServiceSocketsMaxRetries    *int64  `json:"service_sockets_max_retries"`
	ServiceSocketsRetryWaitTime *int64  `json:"service_sockets_retry_wait_time"`
}

// OutboundInterfaces are outbound-interface's values.
var OutboundInterfaces = []string{"same-as-inbound", "use-routing"}

func (k *InterfaceKnobs) check(r reporter) {
	if k.OutboundInterface != nil && !contains(OutboundInterfaces, *k.OutboundInterface) {
		r.errf("outbound_interface", "%q: use same-as-inbound (answer through the interface the query came in on) or use-routing (the kernel's routing table)", *k.OutboundInterface)
	}
	for attr, v := range map[string]*int64{"service_sockets_max_retries": k.ServiceSocketsMaxRetries, "service_sockets_retry_wait_time": k.ServiceSocketsRetryWaitTime} {
		if v != nil && (*v < 0 || *v > MaxUint32) {
			r.errf(attr, "%d is out of range: 0 to 4294967295", *v)
		}
	}
}

// render writes the knobs into interfaces-config.
func (k *InterfaceKnobs) render(ifc *Object) {
	setStr(ifc, "outbound-interface", k.OutboundInterface)
	setBool(ifc, "re-detect", k.InterfacesReDetect)
	setBool(ifc, "service-sockets-require-all", k.ServiceSocketsRequireAll)
	setInt(ifc, "service-sockets-max-retries", k.ServiceSocketsMaxRetries)
	setInt(ifc, "service-sockets-retry-wait-time", k.ServiceSocketsRetryWaitTime)
}

// ServerID is a DHCPv6 server's DUID settings.
type ServerID struct {
	Type         string  `json:"type"`
	Identifier   *string `json:"identifier"`
	EnterpriseID *int64  `json:"enterprise_id"`
	HType        *int64  `json:"htype"`
	Persist      *bool   `json:"persist"`
}

// LeaseDatabase is the server's lease-database map. Only memfile is
// modelled; other back ends need hooks and go through extra_json.
type LeaseDatabase struct {
	Type        *string `json:"type"`
	Name        *string `json:"name"`
	Persist     *bool   `json:"persist"`
	LFCInterval *int64  `json:"lfc_interval"`
}

// HookLibrary is one entry of hooks-libraries.
type HookLibrary struct {
	Library    string  `json:"library"`
	Parameters *string `json:"parameters"`
}

// Directories are the Kea build directories rendered paths are checked
// against and bare file names are completed with. Kea 3.0 accepts a socket,
// hook, lease file or log file only in the directory it was built with.
type Directories struct {
	ControlSocket *string `json:"control_socket"`
	Hooks         *string `json:"hooks"`
	Lease         *string `json:"lease"`
	Log           *string `json:"log"`
}

// Debian's and ISC's package defaults (amd64).
const (
	DefaultControlSocketDir = "/run/kea"
	DefaultHooksDir         = "/usr/lib/x86_64-linux-gnu/kea/hooks"
	DefaultLeaseDir         = "/var/lib/kea"
	DefaultLogDir           = "/var/log/kea"
)

// Defaults are the model defaults a server takes when it does not set a
// value: the NetBox plugin's PLUGINS_CONFIG model defaults.
type Defaults struct {
	ValidLifetime         int64
	MaxValidLifetime      int64
	ReservationsGlobal    bool
	ReservationsInSubnet  bool
	ReservationsOutOfPool bool
}

// BuiltinDefaults are used when neither the object nor the provider block
// sets a value.
var BuiltinDefaults = Defaults{
	ValidLifetime:         3600,
	MaxValidLifetime:      7200,
	ReservationsGlobal:    false,
	ReservationsInSubnet:  true,
	ReservationsOutOfPool: true,
}

var serverNameRe = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$`)

// ID is the server's identity: its name.
func (s *Server) ID() string { return s.Name }

// hostAddress is the address others reach the server's host at: relays,
// and the Stork server dialling its agent. It is address, else the HA
// address.
func (s *Server) hostAddress() (string, bool) {
	switch {
	case s.Address != nil:
		return *s.Address, true
	case s.HA != nil:
		return s.HA.Address, true
	}
	return "", false
}

// Identity is the id once the name is set.
func (s *Server) Identity() (string, bool) { return s.Name, s.Name != "" }

// ParseServerID reads a server's import id: its name.
func ParseServerID(id string) (*Server, error) {
	if id == "" {
		return nil, fmt.Errorf("the import id is the server's name")
	}
	return &Server{Name: id}, nil
}

// Document is the kind of document the server renders: Dhcp4, or Dhcp6
// for a family 6 server.
func (s *Server) Document() *DocKind {
	if s.fam() == fam6 {
		return DocDhcp6
	}
	return DocDhcp4
}

// Dirs returns the effective Kea build directories.
func (s *Server) Dirs() (sock, hooks, lease, log string) { return s.Directories.effective() }

// effective are the directories, each the package default where unset.
func (d *Directories) effective() (sock, hooks, lease, log string) {
	if d == nil {
		d = &Directories{}
	}
	or := func(p *string, def string) string {
		if p != nil && *p != "" {
			return *p
		}
		return def
	}
	return or(d.ControlSocket, DefaultControlSocketDir), or(d.Hooks, DefaultHooksDir), or(d.Lease, DefaultLeaseDir), or(d.Log, DefaultLogDir)
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

// lifetimes are the server's lifetimes with the defaults filled in.
func (s *Server) lifetimes() Lifetimes {
	l := s.Lifetimes
	l.ValidLifetime, l.MaxValidLifetime = ptr(s.validLifetime()), ptr(s.maxValidLifetime())
	return l
}

// Validate checks the server on its own.
func (s *Server) Validate(index int) Diags {
	var out Diags
	s.validate(reporter{kind: KindServer, id: s.Name, index: index, out: &out})
	return out
}

func (s *Server) validate(r reporter) {
	if s.Name == "" {
		r.errf("name", "is required")
	} else if !serverNameRe.MatchString(s.Name) {
		r.errf("name", "%q: use letters, digits, dots, hyphens and underscores", s.Name)
	}
	if s.Family != nil && *s.Family != 4 && *s.Family != 6 {
		r.errf("family", "%d is not an address family: use 4 or 6", *s.Family)
	}
	s.DDNSSender.check(r)
	if s.fam().v == 6 {
		s.checkV6(r)
	} else {
		notIn(r, "DHCPv4", union(s.V6Lifetimes.set(), map[string]bool{
			"server_id": s.ServerID != nil, "mac_sources": s.MACSources != nil, "relay_supplied_options": s.RelaySuppliedOptions != nil,
		}))
	}
	if s.Interfaces != nil && len(s.Interfaces) == 0 {
		r.errf("interfaces", "is empty, so the server would listen on no interface (Kea accepts it); name the interfaces, or leave it unset for all (\"*\")")
	}
	for i, ifc := range s.Interfaces {
		name, _, _ := strings.Cut(ifc, "/") // eth1/192.0.2.1 listens on one address
		err := interfaceName(name)
		switch {
		case ifc == "*":
		case err != nil:
			r.errf(fmt.Sprintf("interfaces[%d]", i), "%v", err)
		case contains(s.Interfaces[:i], ifc):
			r.errf(fmt.Sprintf("interfaces[%d]", i), "%q is listed twice; Kea refuses an interface specified twice", ifc)
		}
	}
	s.InterfaceKnobs.check(r)
	if s.DHCPSocketType != nil && !contains(DHCPSocketTypes, *s.DHCPSocketType) {
		r.errf("dhcp_socket_type", "%q: use raw or udp", *s.DHCPSocketType)
	}
	l := s.lifetimes()
	checkLifetimes(r, &l, &s.Timers)
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
	checkSeconds(r, "decline_probation_period", s.DeclineProbationPeriod)
	s.BootFields.check(r)
	sockDir, hooksDir, leaseDir, _ := s.Dirs()
	if db := s.LeaseDatabase; db != nil {
		if db.Type != nil && !contains(LeaseDBTypes, *db.Type) {
			r.errf("lease_database.type", "%q: only memfile is modelled; SQL back ends need their hook and go in extra_json", *db.Type)
		}
		if db.Name != nil {
			if strings.ContainsAny(*db.Name, " \t\r\n='\"") {
				// Kea passes the name in a "key=value key=value" access string.
				r.errf("lease_database.name", "%q holds a space, quote or '='; Kea's database access string cannot carry it (\"invalid database access string\"): choose a plain file name", *db.Name)
			} else {
				checkPath(r, "lease_database.name", leaseDir, *db.Name, "lease files", "lease_dir")
			}
		}
		checkSeconds(r, "lease_database.lfc_interval", db.LFCInterval)
	}
	checkControlSockets(r, s.ControlSockets, sockDir)
	libs := map[string]int{}
	for i, h := range s.HooksLibraries {
		a := fmt.Sprintf("hooks_libraries[%d]", i)
		if p, ok := checkPath(r, a+".library", hooksDir, h.Library, "hook libraries", "hooks_dir"); ok {
			if j, dup := libs[p]; dup {
				r.errf(a+".library", "%s is already loaded by hooks_libraries[%d]", p, j)
			} else {
				libs[p] = i
			}
		}
		checkJSONObject(r, a+".parameters", h.Parameters)
	}
	checkRefs(r, "option_data", s.OptionData)
	checkRefs(r, "client_classes", s.ClientClasses)
	s.Escape.check(r)
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
}

// checkV6 checks a DHCPv6 server's family-specific attributes.
func (s *Server) checkV6(r reporter) {
	notIn(r, "DHCPv6", union(s.BootFields.set(), map[string]bool{
		"dhcp_socket_type": s.DHCPSocketType != nil, "authoritative": s.Authoritative != nil, "match_client_id": s.MatchClientID != nil,
		"outbound_interface": s.OutboundInterface != nil,
	}))
	s.V6Lifetimes.check(r)
	if id := s.ServerID; id != nil {
		if !contains(ServerIDTypes, id.Type) {
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
		switch {
		case !contains(MACSourceNames, m):
			r.errf(fmt.Sprintf("mac_sources[%d]", i), "%q is not a MAC source Kea knows: %s", m, strings.Join(MACSourceNames, ", "))
		case contains(s.MACSources[:i], m):
			r.errf(fmt.Sprintf("mac_sources[%d]", i), "%q is listed twice; Kea refuses a repeated MAC source", m)
		}
	}
	for i, c := range s.RelaySuppliedOptions {
		if n, err := strconv.ParseInt(c, 10, 64); err != nil || n < 1 || n > 65535 {
			r.errf(fmt.Sprintf("relay_supplied_options[%d]", i), "%q is not a DHCPv6 option code (1 to 65535)", c)
		}
	}
}

// renderServer renders the server's global settings.
func (rd *renderer) renderServer(o *Object, r reporter) {
	s := rd.srv
	sockDir, hooksDir, leaseDir, _ := s.Dirs()
	ifc := &Object{}
	ifaces := s.Interfaces
	if ifaces == nil {
		ifaces = []string{"*"}
	}
	ifc.Set("interfaces", ifaces)
	setStr(ifc, "dhcp-socket-type", s.DHCPSocketType)
	s.InterfaceKnobs.render(ifc)
	o.Set("interfaces-config", ifc)
	if len(s.ControlSockets) > 0 {
		socks := make([]any, len(s.ControlSockets))
		for i := range s.ControlSockets {
			socks[i] = renderControlSocket(r, fmt.Sprintf("control_sockets[%d]", i), &s.ControlSockets[i], sockDir, rd.secret)
		}
		o.Set("control-sockets", socks)
	}
	if db := s.LeaseDatabase; db != nil {
		l := (&Object{}).Set("type", "memfile")
		setBool(l, "persist", db.Persist)
		if db.Name != nil {
			p, _ := completePath(leaseDir, *db.Name, "", "")
			l.Set("name", p)
		}
		setInt(l, "lfc-interval", db.LFCInterval)
		o.Set("lease-database", l)
	}
	var hooks []any
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
	if rd.ha != nil {
		hooks = rd.renderHAHooks(r, hooks, hooksDir, rd.ha)
	}
	if len(hooks) > 0 {
		o.Set("hooks-libraries", hooks)
	}
	l := s.lifetimes()
	l.render(o)
	s.Timers.render(o)
	setBool(o, "calculate-tee-times", s.CalculateTeeTimes)
	setFloat(o, "t1-percent", s.T1Percent)
	setFloat(o, "t2-percent", s.T2Percent)
	setInt(o, "decline-probation-period", s.DeclineProbationPeriod)
	s.V6Lifetimes.render(o)
	setBool(o, "authoritative", s.Authoritative)
	setBool(o, "match-client-id", s.MatchClientID)
	o.Set("reservations-global", boolv(s.ReservationsGlobal, BuiltinDefaults.ReservationsGlobal))
	o.Set("reservations-in-subnet", boolv(s.ReservationsInSubnet, BuiltinDefaults.ReservationsInSubnet))
	o.Set("reservations-out-of-pool", boolv(s.ReservationsOutOfPool, BuiltinDefaults.ReservationsOutOfPool))
	s.BootFields.render(o)
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
	rd.renderDDNS(o, r)
}
