package kea

import (
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"
)

// KindHARelationship is the HA relationship's Terraform type.
const KindHARelationship = "kea_ha_relationship"

// HA modes and the roles each allows.

// haRoles orders the roles: primary first, then its partner, then backups.
var haRoles = map[string]int{"primary": 0, "secondary": 1, "standby": 1, "backup": 2}

// Library names the HA relationship renders into each member.
const (
	libLeaseCmds = "libdhcp_lease_cmds.so"
	libHA        = "libdhcp_ha.so"
)

// HAMembership places a server in a kea_ha_relationship.
type HAMembership struct {
	Relationship string `json:"relationship"`
	Role         string `json:"role"`
	Address      string `json:"address"`
	Port         int64  `json:"port"`
	TLS          *bool  `json:"tls"`
	AutoFailover *bool  `json:"auto_failover"`
}

// HARelationship is a kea_ha_relationship: the settings shared by the
// servers of one HA pair (or group).
type HARelationship struct {
	Name                    string            `json:"name"`
	Mode                    string            `json:"mode"`
	HeartbeatDelay          *int64            `json:"heartbeat_delay"`
	MaxResponseDelay        *int64            `json:"max_response_delay"`
	MaxAckDelay             *int64            `json:"max_ack_delay"`
	MaxUnackedClients       *int64            `json:"max_unacked_clients"`
	MaxRejectedLeaseUpdates *int64            `json:"max_rejected_lease_updates"`
	DelayedUpdatesLimit     *int64            `json:"delayed_updates_limit"`
	SendLeaseUpdates        *bool             `json:"send_lease_updates"`
	SyncLeases              *bool             `json:"sync_leases"`
	SyncTimeout             *int64            `json:"sync_timeout"`
	SyncPageLimit           *int64            `json:"sync_page_limit"`
	WaitBackupAck           *bool             `json:"wait_backup_ack"`
	RestrictCommands        *bool             `json:"restrict_commands"`
	MultiThreading          *HAMultiThreading `json:"multi_threading"`
	BasicAuthUser           *string           `json:"basic_auth_user"`
	BasicAuthPasswordFile   *string           `json:"basic_auth_password_file"`
	BasicAuthPasswordSecret *string           `json:"basic_auth_password_secret"`
	TrustAnchor             *string           `json:"trust_anchor"`
	CertFile                *string           `json:"cert_file"`
	KeyFile                 *string           `json:"key_file"`
	RequireClientCerts      *bool             `json:"require_client_certs"`
	DDNSShared
}

// HAMultiThreading is the HA hook's multi-threading map.
type HAMultiThreading struct {
	Enable                *bool  `json:"enable"`
	HTTPDedicatedListener *bool  `json:"http_dedicated_listener"`
	HTTPListenerThreads   *int64 `json:"http_listener_threads"`
	HTTPClientThreads     *int64 `json:"http_client_threads"`
}

// ID is the relationship's identity: its name.
func (h *HARelationship) ID() string { return h.Name }

// Identity is the id once the name is set.
func (h *HARelationship) Identity() (string, bool) { return h.Name, h.Name != "" }

// ParseHARelationshipID reads a relationship's import id: its name.
func ParseHARelationshipID(id string) (*HARelationship, error) { return &HARelationship{Name: id}, nil }

func (h *HARelationship) tls() bool {
	return h.TrustAnchor != nil || h.CertFile != nil || h.KeyFile != nil
}

// dedicatedListener reports whether members run the HA hook's own HTTP
// listener on their peer URL (Kea 3.0's default).
func (h *HARelationship) dedicatedListener() bool {
	mt := h.MultiThreading
	if mt == nil {
		return true
	}
	return boolv(mt.Enable, true) && boolv(mt.HTTPDedicatedListener, true)
}

// Validate checks the relationship on its own.
func (h *HARelationship) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindHARelationship, id: h.Name, index: index, out: &out}
	if h.Name == "" {
		r.errf("name", "is required")
	} else if !serverNameRe.MatchString(h.Name) {
		r.errf("name", "%q: use letters, digits, dots, hyphens and underscores", h.Name)
	}
	if !contains(HAModes, h.Mode) {
		r.errf("mode", "%q: use hot-standby, load-balancing or passive-backup", h.Mode)
	}
	for _, f := range []struct {
		attr string
		v    *int64
		max  int64
	}{
		{"heartbeat_delay", h.HeartbeatDelay, 65535},
		{"max_response_delay", h.MaxResponseDelay, 65535},
		{"max_ack_delay", h.MaxAckDelay, 65535},
		{"max_unacked_clients", h.MaxUnackedClients, 4294967295},
		{"max_rejected_lease_updates", h.MaxRejectedLeaseUpdates, 4294967295},
		{"delayed_updates_limit", h.DelayedUpdatesLimit, 4294967295},
		{"sync_timeout", h.SyncTimeout, 4294967295},
		{"sync_page_limit", h.SyncPageLimit, 4294967295},
	} {
		if f.v != nil && (*f.v < 0 || *f.v > f.max) {
			r.errf(f.attr, "%d is out of range: 0 to %d", *f.v, f.max)
		}
	}
	heartbeat, maxResponse := int64(10000), int64(60000) // Kea's defaults
	if h.HeartbeatDelay != nil {
		heartbeat = *h.HeartbeatDelay
	}
	if h.MaxResponseDelay != nil {
		maxResponse = *h.MaxResponseDelay
	}
	switch {
	case h.HeartbeatDelay != nil && *h.HeartbeatDelay == 0:
		r.errf("heartbeat_delay", "0 turns heartbeats off, so a partner's failure is never noticed (Kea accepts it); give milliseconds, e.g. 10000")
	case maxResponse < heartbeat:
		r.errf("max_response_delay", "%d is shorter than heartbeat_delay (%d): the partner would count as down between two heartbeats; make it several heartbeats long", maxResponse, heartbeat)
	}
	if h.SyncPageLimit != nil && *h.SyncPageLimit == 0 {
		r.errf("sync_page_limit", "must be at least 1")
	}
	if h.DelayedUpdatesLimit != nil && *h.DelayedUpdatesLimit != 0 && h.Mode != "load-balancing" {
		r.errf("delayed_updates_limit", "must be 0 (or unset) in %s mode: Kea delays lease updates only in load-balancing", h.Mode)
	}
	if h.WaitBackupAck != nil && *h.WaitBackupAck && h.Mode != "passive-backup" {
		r.errf("wait_backup_ack", "applies only to passive-backup mode")
	}
	if mt := h.MultiThreading; mt != nil {
		for _, f := range []struct {
			attr string
			v    *int64
		}{{"multi_threading.http_listener_threads", mt.HTTPListenerThreads}, {"multi_threading.http_client_threads", mt.HTTPClientThreads}} {
			if f.v != nil && (*f.v < 0 || *f.v > MaxHAThreads) {
				r.errf(f.attr, "%d is out of range: 0 (as many as cores) to %d; Kea starts that many threads when it loads the hook, and thousands fail (\"Resource temporarily unavailable\")", *f.v, MaxHAThreads)
			}
		}
	}
	if u := h.BasicAuthUser; u != nil {
		switch {
		case *u == "":
			r.errf("basic_auth_user", "must not be empty")
		case strings.Contains(*u, ":"):
			r.errf("basic_auth_user", "%q must not contain ':'", *u)
		}
		if h.BasicAuthPasswordFile == nil && h.BasicAuthPasswordSecret == nil {
			r.errf("basic_auth_password_file", "basic_auth_user needs basic_auth_password_file or basic_auth_password_secret")
		}
	} else if h.BasicAuthPasswordFile != nil || h.BasicAuthPasswordSecret != nil {
		r.errf("basic_auth_user", "is required with a basic-auth password")
	}
	if h.BasicAuthPasswordFile != nil && h.BasicAuthPasswordSecret != nil {
		r.errf("basic_auth_password_secret", "set basic_auth_password_file or basic_auth_password_secret, not both")
	}
	if h.BasicAuthPasswordFile != nil && !strings.HasPrefix(*h.BasicAuthPasswordFile, "/") {
		r.errf("basic_auth_password_file", "%q: give an absolute path", *h.BasicAuthPasswordFile)
	}
	n := 0
	for _, f := range []*string{h.TrustAnchor, h.CertFile, h.KeyFile} {
		if f != nil {
			n++
		}
	}
	if n > 0 && n < 3 {
		r.errf("trust_anchor", "set trust_anchor, cert_file and key_file together")
	}
	if h.RequireClientCerts != nil && n == 0 {
		r.errf("require_client_certs", "applies only with TLS (trust_anchor, cert_file, key_file)")
	}
	return out
}

// validateMembership checks a server's ha block on its own.
func (m *HAMembership) validate(r reporter) {
	if m.Relationship == "" {
		r.errf("ha.relationship", "is required")
	}
	if _, ok := haRoles[m.Role]; !ok {
		r.errf("ha.role", "%q: use primary, secondary, standby or backup", m.Role)
	}
	if a, err := parseAnyIP(m.Address); err != nil {
		r.errf("ha.address", "%q is not an IP address: Kea's HA peer URLs take addresses, not names", m.Address)
	} else if a.IsUnspecified() {
		r.errf("ha.address", "%s is not an address partners can reach", a)
	}
	if m.Port < 1 || m.Port > 65535 {
		r.errf("ha.port", "%d is out of range: 1 to 65535", m.Port)
	}
}

// url is the member's peer URL; IPv6 addresses are bracketed.
func (m *HAMembership) url() string {
	scheme := "http"
	if boolv(m.TLS, false) {
		scheme = "https"
	}
	a, err := netip.ParseAddr(m.Address)
	host := m.Address
	if err == nil {
		host = a.String()
		if a.Is6() {
			host = "[" + host + "]"
		}
	}
	return fmt.Sprintf("%s://%s:%d/", scheme, host, m.Port)
}

// haInfo is the relationship a target server belongs to, resolved.
type haInfo struct {
	rel     *HARelationship
	index   int
	members []*Server // every member, target included, sorted by role then name
	primary *Server
}

// resolveHA finds the target's relationship and partners and checks the
// rules Kea's HA hook applies only when it loads (and some it never does).
func (rd *renderer) resolveHA() *haInfo {
	srv := rd.srv
	sr := rd.rep(KindServer, srv.ID(), -1)
	var info haInfo
	for i := range rd.e.HARelationships {
		h := &rd.e.HARelationships[i]
		if h.Name == srv.HA.Relationship {
			if info.rel != nil {
				rd.rep(KindHARelationship, h.Name, i).errf("name", "is passed twice")
				return nil
			}
			info.rel, info.index = h, i
		}
	}
	if info.rel == nil {
		sr.errf("ha.relationship", "refers to HA relationship %q, which was not passed in", srv.HA.Relationship)
		return nil
	}
	hr := rd.rep(KindHARelationship, info.rel.Name, info.index)
	ds := info.rel.Validate(info.index)
	rd.diags = append(rd.diags, ds...)
	if ds.HasErrors() {
		return nil
	}
	// Members: the target, and every passed server in the relationship.
	seen := map[string]bool{srv.Name: true}
	info.members = append(info.members, srv)
	for i := range rd.e.Servers {
		s := &rd.e.Servers[i]
		if s.Name == srv.Name || s.HA == nil || s.HA.Relationship != info.rel.Name {
			continue
		}
		if seen[s.Name] {
			rd.rep(KindServer, s.Name, i).errf("name", "server %q is passed twice", s.Name)
			continue
		}
		seen[s.Name] = true
		rd.diags = append(rd.diags, s.Validate(i)...)
		info.members = append(info.members, s)
	}
	sort.SliceStable(info.members, func(a, b int) bool {
		ra, rb := haRoles[info.members[a].HA.Role], haRoles[info.members[b].HA.Role]
		if ra != rb {
			return ra < rb
		}
		return info.members[a].Name < info.members[b].Name
	})
	count := map[string][]string{}
	for _, m := range info.members {
		count[m.HA.Role] = append(count[m.HA.Role], m.Name)
	}
	mode := info.rel.Mode
	want := map[string][2]string{ // role -> (required count, explanation)
		"hot-standby":    {"primary standby", "one primary and one standby (plus any backups)"},
		"load-balancing": {"primary secondary", "one primary and one secondary (plus any backups)"},
		"passive-backup": {"primary", "one primary and backups"},
	}[mode]
	for _, role := range strings.Fields(want[0]) {
		if n := len(count[role]); n != 1 {
			hint := ""
			if n == 0 {
				hint = fmt.Sprintf("; pass every member's %s in servers (the target's partners are read from there)", KindServer)
			}
			hr.errf("mode", "%s needs %s; the members passed in have %d %s (%s)%s", mode, want[1], n, role, memberList(count[role]), hint)
		}
	}
	for _, role := range []string{"primary", "secondary", "standby"} {
		if !strings.Contains(want[0], role) && len(count[role]) > 0 {
			hr.errf("mode", "%s allows no %s server, but %s has that role; use %s", mode, role, memberList(count[role]), want[1])
		}
	}
	if len(count["primary"]) == 1 {
		for _, m := range info.members {
			if m.HA.Role == "primary" {
				info.primary = m
			}
		}
	}
	// Peer URLs and listeners.
	urls := map[string]string{}
	for _, m := range info.members {
		mr := rd.rep(KindServer, m.Name, -1)
		u := m.HA.url()
		if other, dup := urls[u]; dup {
			mr.errf("ha.address", "peer URL %s is also %s's", u, other)
		}
		urls[u] = m.Name
		if boolv(m.HA.TLS, false) && !info.rel.tls() {
			mr.errf("ha.tls", "an https peer URL needs the relationship's trust_anchor, cert_file and key_file")
		}
		rd.checkHAListener(mr, m, info.rel)
	}
	if srv.HA.Role != "primary" && info.primary != nil {
		// The pair's global lists are the primary's, rendered into every
		// member; another member may leave them empty or repeat them (so
		// for_each members need no role test), not differ.
		p := info.primary
		for _, l := range []struct {
			attr, what  string
			mine, prims []string
		}{
			{"option_data", "global option data", srv.OptionData, p.OptionData},
			{"client_classes", "client classes", srv.ClientClasses, p.ClientClasses},
			{"option_definitions", "option definitions", srv.OptionDefinitions, p.OptionDefinitions},
		} {
			if len(l.mine) > 0 && !slices.Equal(l.mine, l.prims) {
				sr.errf(l.attr, "server %q is %s in HA relationship %q, whose %s are the primary's (%q: %s), rendered into every member; leave %s empty here or give the same list", srv.Name, srv.HA.Role, info.rel.Name, l.what, p.Name, memberList(l.prims), l.attr)
			}
		}
	}
	return &info
}

func memberList(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// checkHAListener applies the listener rule. With the dedicated HA
// listener (Kea 3.0's default), each member binds its own peer URL, which
// must not be one of its HTTP control sockets. Without it, partners send
// HA commands to the member's control socket, so the peer URL must be one.
func (rd *renderer) checkHAListener(r reporter, m *Server, rel *HARelationship) {
	addr, err := netip.ParseAddr(m.HA.Address)
	if err != nil {
		return
	}
	var match *ControlSocket
	for i := range m.ControlSockets {
		cs := &m.ControlSockets[i]
		if cs.Type == "unix" || cs.Port == nil || *cs.Port != m.HA.Port {
			continue
		}
		ca, err := netip.ParseAddr(cs.address())
		if err != nil {
			continue
		}
		if ca == addr || ca.IsUnspecified() && ca.Is4() == addr.Is4() {
			match = cs
			if rel.dedicatedListener() {
				r.errf(fmt.Sprintf("control_sockets[%d]", i), "listens on %s:%d, which is this server's HA peer URL: the HA hook's dedicated listener binds that address and port itself (Kea would fail to start it); use another port, or turn multi_threading.http_dedicated_listener off on relationship %q to serve HA through this socket", cs.address(), *cs.Port, rel.Name)
			}
		}
	}
	if rel.dedicatedListener() {
		return
	}
	if match == nil {
		r.errf("ha.port", "relationship %q has no dedicated HA listener, so partners send HA commands to this server's HTTP control socket; add one on %s port %d", rel.Name, m.HA.Address, m.HA.Port)
		return
	}
	if match.https() != boolv(m.HA.TLS, false) {
		r.errf("ha.tls", "must match the control socket on port %d, which is %s", m.HA.Port, map[bool]string{true: "https", false: "plain http"}[match.https()])
	}
	if u := rel.BasicAuthUser; u != nil {
		found := false
		if match.Authentication != nil {
			for _, c := range match.Authentication.Clients {
				found = found || c.User == *u
			}
		}
		if !found {
			r.errf("ha.port", "the control socket on port %d must accept the relationship's basic_auth_user %q, since partners authenticate with it", m.HA.Port, *u)
		}
	} else if match.Authentication != nil {
		r.errf("ha.port", "the control socket on port %d requires authentication, but relationship %q sets no basic_auth_user for partners", m.HA.Port, rel.Name)
	}
}

// renderHAHooks appends lease_cmds (unless listed) and the HA hook with
// this server's high-availability parameters.
func (rd *renderer) renderHAHooks(r reporter, hooks []any, hooksDir string, info *haInfo) []any {
	leaseCmds := strings.TrimRight(hooksDir, "/") + "/" + libLeaseCmds
	has := false
	for _, h := range hooks {
		lib, _ := h.(*Object).Get("library")
		has = has || lib == leaseCmds
	}
	if !has {
		hooks = append(hooks, (&Object{}).Set("library", leaseCmds))
	}
	srv := rd.srv
	rel := info.rel
	ha := &Object{}
	ha.Set("this-server-name", srv.Name)
	ha.Set("mode", rel.Mode)
	setInt(ha, "heartbeat-delay", rel.HeartbeatDelay)
	setInt(ha, "max-response-delay", rel.MaxResponseDelay)
	setInt(ha, "max-ack-delay", rel.MaxAckDelay)
	setInt(ha, "max-unacked-clients", rel.MaxUnackedClients)
	setInt(ha, "max-rejected-lease-updates", rel.MaxRejectedLeaseUpdates)
	setInt(ha, "delayed-updates-limit", rel.DelayedUpdatesLimit)
	setBool(ha, "send-lease-updates", rel.SendLeaseUpdates)
	setBool(ha, "sync-leases", rel.SyncLeases)
	setInt(ha, "sync-timeout", rel.SyncTimeout)
	setInt(ha, "sync-page-limit", rel.SyncPageLimit)
	setBool(ha, "wait-backup-ack", rel.WaitBackupAck)
	setBool(ha, "restrict-commands", rel.RestrictCommands)
	setStr(ha, "trust-anchor", rel.TrustAnchor)
	setStr(ha, "cert-file", rel.CertFile)
	setStr(ha, "key-file", rel.KeyFile)
	setBool(ha, "require-client-certs", rel.RequireClientCerts)
	if mt := rel.MultiThreading; mt != nil {
		mo := &Object{}
		setBool(mo, "enable-multi-threading", mt.Enable)
		setBool(mo, "http-dedicated-listener", mt.HTTPDedicatedListener)
		setInt(mo, "http-listener-threads", mt.HTTPListenerThreads)
		setInt(mo, "http-client-threads", mt.HTTPClientThreads)
		ha.Set("multi-threading", mo)
	}
	var password string
	hasPassword := false
	if rel.BasicAuthPasswordSecret != nil {
		password, hasPassword = rd.secret(rd.rep(KindHARelationship, rel.Name, info.index), "basic_auth_password_secret", *rel.BasicAuthPasswordSecret)
	}
	peers := make([]any, 0, len(info.members))
	for _, m := range info.members {
		p := &Object{}
		p.Set("name", m.Name)
		p.Set("url", m.HA.url())
		p.Set("role", m.HA.Role)
		p.Set("auto-failover", boolv(m.HA.AutoFailover, true))
		if rel.BasicAuthUser != nil {
			p.Set("basic-auth-user", *rel.BasicAuthUser)
			if hasPassword {
				p.Set("basic-auth-password", password)
			}
			setStr(p, "basic-auth-password-file", rel.BasicAuthPasswordFile)
		}
		peers = append(peers, p)
	}
	ha.Set("peers", peers)
	hooks = append(hooks, (&Object{}).
		Set("library", strings.TrimRight(hooksDir, "/")+"/"+libHA).
		Set("parameters", (&Object{}).Set("high-availability", []any{ha})))
	return hooks
}
