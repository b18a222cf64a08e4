package kea

import (
	"fmt"
	"net/netip"
	"strings"
)

// The DHCP side of Dynamic DNS: the dhcp-ddns block that sends
// NameChangeRequests to a D2 daemon, and the DDNS policies attached to the
// scopes Kea takes ddns-* keys in. The D2 daemon's own document is d2.go.

// DDNSScope attaches a kea_ddns_policy to a scope.
type DDNSScope struct {
	DDNSPolicy *string `json:"ddns_policy"`
}

// DDNSShared is what an HA relationship sets for all its members, and a
// server for itself: the D2 daemon it sends to, whether it sends, and its
// global policy. A relationship's D2 daemon and policy win over its
// members' own.
type DDNSShared struct {
	D2Daemon          *string `json:"d2_daemon"`
	DDNSEnableUpdates *bool   `json:"ddns_enable_updates"`
	DDNSScope
}

// DDNSSender is a server's DDNS settings: the shared ones and those that
// stay per server (the sender's address and port, the queue).
type DDNSSender struct {
	DDNSShared
	DDNSSenderIP     *string `json:"ddns_sender_ip"`
	DDNSSenderPort   *int64  `json:"ddns_sender_port"`
	DDNSMaxQueueSize *int64  `json:"ddns_max_queue_size"`
}

// check validates the sender settings on their own.
func (s *DDNSSender) check(r reporter) {
	if s.DDNSSenderIP != nil {
		if _, err := parseAnyIP(*s.DDNSSenderIP); err != nil {
			r.errf("ddns_sender_ip", "%v: Kea takes an IP address", err)
		}
	}
	checkPort(r, "ddns_sender_port", s.DDNSSenderPort, 0)
	if q := s.DDNSMaxQueueSize; q != nil && (*q < 1 || *q > MaxUint32) {
		r.errf("ddns_max_queue_size", "%d is out of range: 1 to 4294967295 requests", *q)
	}
}

// refuse reports a policy attached where Kea 3.0 takes no ddns-* key.
func (s *DDNSScope) refuse(r reporter, scope keyScope) {
	if s.DDNSPolicy != nil {
		checkPolicyScope(r, "ddns_policy", scope)
	}
}

// ddnsState is what a DHCP render resolved of DDNS: the policies by name
// and which were checked.
type ddnsState struct {
	policies map[string]int // name -> index in e.DDNSPolicies
	checked  map[string]bool
	attached []string // "kind \"id\"" of scopes with a policy, for the no-D2 warning
	d2       *D2Daemon
}

// policy resolves a scope's policy, validating it the first time.
func (rd *renderer) policy(r reporter, scope keyScope, s *DDNSScope) *DDNSPolicy {
	if s.DDNSPolicy == nil || !checkPolicyScope(r, "ddns_policy", scope) {
		return nil
	}
	st := &rd.ddns
	if st.policies == nil {
		st.policies, st.checked = map[string]int{}, map[string]bool{}
		for i := range rd.e.DDNSPolicies {
			p := &rd.e.DDNSPolicies[i]
			if _, dup := st.policies[p.Name]; dup {
				rd.rep(KindDDNSPolicy, p.Name, i).errf("name", "is passed twice; DDNS policy names are unique")
				continue
			}
			st.policies[p.Name] = i
		}
	}
	name := *s.DDNSPolicy
	i, ok := st.policies[name]
	if !ok {
		r.errf("ddns_policy", "refers to DDNS policy %q, which was not passed in ddns_policies", name)
		return nil
	}
	p := &rd.e.DDNSPolicies[i]
	if !st.checked[name] {
		st.checked[name] = true
		rd.diags = append(rd.diags, p.Validate(i)...)
	}
	st.attached = append(st.attached, fmt.Sprintf("%s %q", r.kind, r.id))
	return p
}

// renderPolicy writes a scope's policy keys into its map.
func (rd *renderer) renderPolicy(o *Object, r reporter, scope keyScope, s *DDNSScope) {
	if p := rd.policy(r, scope, s); p != nil {
		p.render(o)
	}
}

// under is a member's DDNS settings in HA relationship rel (nil for
// none): the relationship's D2 daemon (with its enable flag) and policy
// win over the member's own.
func (s DDNSShared) under(rel *HARelationship) DDNSShared {
	if rel == nil {
		return s
	}
	if rel.D2Daemon != nil {
		s.D2Daemon, s.DDNSEnableUpdates = rel.D2Daemon, rel.DDNSEnableUpdates
	}
	if rel.DDNSPolicy != nil {
		s.DDNSPolicy = rel.DDNSPolicy
	}
	return s
}

// effectiveDDNS is the target's DDNS settings after HA precedence, with
// the reporter of the object each came from, warning about what the
// relationship overrides.
func (rd *renderer) effectiveDDNS(sr reporter) (shared DDNSShared, d2From, policyFrom reporter) {
	srv := rd.srv
	shared, d2From, policyFrom = srv.DDNSShared, sr, sr
	if rd.ha == nil {
		return
	}
	rel := rd.ha.rel
	shared = srv.DDNSShared.under(rel)
	hr := rd.rep(KindHARelationship, rel.Name, rd.ha.index)
	if rel.D2Daemon != nil {
		if srv.D2Daemon != nil && *srv.D2Daemon != *rel.D2Daemon {
			sr.warnf("d2_daemon", "%q is ignored: HA relationship %q sends to D2 daemon %q for every member", *srv.D2Daemon, rel.Name, *rel.D2Daemon)
		}
		if srv.DDNSEnableUpdates != nil && rel.DDNSEnableUpdates != nil && *srv.DDNSEnableUpdates != *rel.DDNSEnableUpdates {
			sr.warnf("ddns_enable_updates", "is ignored: HA relationship %q sets it for every member", rel.Name)
		}
		d2From = hr
	}
	if rel.DDNSPolicy != nil {
		if srv.DDNSPolicy != nil && *srv.DDNSPolicy != *rel.DDNSPolicy {
			sr.warnf("ddns_policy", "%q is ignored: HA relationship %q's policy %q applies to every member", *srv.DDNSPolicy, rel.Name, *rel.DDNSPolicy)
		}
		policyFrom = hr
	}
	return
}

// renderDDNS writes the server's dhcp-ddns block and global policy keys.
func (rd *renderer) renderDDNS(o *Object, sr reporter) {
	srv := rd.srv
	shared, d2From, policyFrom := rd.effectiveDDNS(sr)
	if shared.D2Daemon == nil {
		refuseSet(sr, "applies only when the server sends to a D2 daemon; set d2_daemon (or the HA relationship's)",
			isSet("ddns_enable_updates", srv.DDNSEnableUpdates), isSet("ddns_sender_ip", srv.DDNSSenderIP), isSet("ddns_sender_port", srv.DDNSSenderPort), isSet("ddns_max_queue_size", srv.DDNSMaxQueueSize))
	} else if d := rd.d2Daemon(d2From, *shared.D2Daemon); d != nil {
		rd.ddns.d2 = d
		rd.checkLocalD2Sockets(sr, d)
		addr, port := d.listener()
		server, serr := netip.ParseAddr(addr)
		if serr != nil {
			// The daemon's own document reports it too; this one must not
			// render an address Kea refuses either.
			rd.rep(KindD2Daemon, d.Name, -1).errf("address", "%q is not an IP address: the DHCP servers send NameChangeRequests to it, and D2 takes an IP address, not a name", addr)
		}
		b := (&Object{}).Set("enable-updates", boolv(shared.DDNSEnableUpdates, true))
		b.Set("server-ip", addr).Set("server-port", port)
		if ip := srv.DDNSSenderIP; ip != nil {
			sender, err := parseAnyIP(*ip)
			switch {
			case err != nil, serr != nil:
			case sender.Is4() != server.Is4():
				sr.errf("ddns_sender_ip", "%s and D2 daemon %q's listener %s are of different address families; Kea refuses the mix", sender, d.Name, addr)
			case sender == server && srv.DDNSSenderPort != nil && *srv.DDNSSenderPort == port:
				sr.errf("ddns_sender_port", "%d on %s is D2 daemon %q's listener; give the sender another port (0 picks one)", port, addr, d.Name)
			}
			b.Set("sender-ip", sender.String())
		}
		setInt(b, "sender-port", srv.DDNSSenderPort)
		setInt(b, "max-queue-size", srv.DDNSMaxQueueSize)
		setStr(b, "ncr-protocol", d.NCRProtocol)
		setStr(b, "ncr-format", d.NCRFormat)
		o.Set("dhcp-ddns", b)
	}
	rd.renderPolicy(o, policyFrom, scopeGlobal, &shared.DDNSScope)
}

// d2Daemon finds the D2 daemon a server sends to and validates it.
func (rd *renderer) d2Daemon(r reporter, name string) *D2Daemon {
	var found *D2Daemon
	for i := range rd.e.D2Daemons {
		d := &rd.e.D2Daemons[i]
		if d.Name != name {
			continue
		}
		if found != nil {
			rd.rep(KindD2Daemon, d.Name, i).errf("name", "is passed twice; D2 daemon names are unique")
			return nil
		}
		found = d
		rd.diags = append(rd.diags, d.Validate(i)...)
	}
	if found == nil {
		r.errf("d2_daemon", "refers to D2 daemon %q, which was not passed in d2_daemons", name)
	}
	return found
}

// warnDDNS reports policies that cannot take effect: the server sends to
// no D2 daemon.
func (rd *renderer) warnDDNS(sr reporter) {
	if rd.ddns.d2 == nil && len(rd.ddns.attached) > 0 {
		sr.warnf("d2_daemon", "is not set, so the DDNS policies of %s have no effect: the server sends no DNS updates", strings.Join(rd.ddns.attached, ", "))
	}
}

// checkLocalD2Sockets refuses an http control socket of the server on the
// address and port of one of its local D2 daemon's: both daemons run on
// the host and listen on TCP, so the second to start fails to bind.
func (rd *renderer) checkLocalD2Sockets(sr reporter, d *D2Daemon) {
	if str(d.ListenerMode) == "remote" {
		return
	}
	for j := range rd.srv.ControlSockets {
		sc := &rd.srv.ControlSockets[j]
		if sc.Type == "unix" || sc.Port == nil {
			continue
		}
		for i := range d.ControlSockets {
			dc := &d.ControlSockets[i]
			if dc.Type == "unix" || dc.Port == nil || *dc.Port != *sc.Port {
				continue
			}
			sa, err1 := netip.ParseAddr(sc.address())
			da, err2 := netip.ParseAddr(dc.address())
			if err1 == nil && err2 == nil && (sa == da || sa.IsUnspecified() || da.IsUnspecified()) {
				sr.errf(fmt.Sprintf("control_sockets[%d].port", j), "%d on %s is also the control socket port of D2 daemon %q, which runs on this host (local mode): the second daemon to start cannot bind it; give one of them another port", *sc.Port, sc.address(), d.Name)
			}
		}
	}
}
