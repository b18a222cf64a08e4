package kea

import (
	"fmt"
	"net/netip"
	"strings"
)

// Object kinds of Stork monitoring.
const (
	KindStorkServer     = "kea_stork_server"
	KindStorkAgentGroup = "kea_stork_agent_group"
)

// StorkServer is a kea_stork_server: one stork-server, the target of a
// server.env document.
type StorkServer struct {
	Name string `json:"name"`
	// Endpoint is the address or DNS name agents reach the server at.
	Endpoint         string  `json:"endpoint"`
	RESTHost         *string `json:"rest_host"`
	RESTPort         *int64  `json:"rest_port"`
	BaseURL          *string `json:"base_url"`
	TLSCertificate   *string `json:"tls_certificate"`
	TLSPrivateKey    *string `json:"tls_private_key"`
	TLSCACertificate *string `json:"tls_ca_certificate"`
	StaticFilesDir   *string `json:"static_files_dir"`
	StorkDatabase
	EnableMetrics *bool   `json:"enable_metrics"`
	LogLevel      *string `json:"log_level"`
	// Registration is how agents register: agent-token (each agent
	// registers at start; an admin authorizes it) or server-token (each
	// host runs stork-agent register with the server's token once).
	Registration *string `json:"registration"`
}

// StorkDatabase is a Stork server's PostgreSQL connection.
type StorkDatabase struct {
	DatabaseURL            *string `json:"database_url"`
	DatabaseHost           *string `json:"database_host"`
	DatabasePort           *int64  `json:"database_port"`
	DatabaseName           *string `json:"database_name"`
	DatabaseUser           *string `json:"database_user"`
	DatabasePasswordSecret *string `json:"database_password_secret"`
	DatabasePasswordFile   *string `json:"database_password_file"`
	DatabaseSSLMode        *string `json:"database_sslmode"`
	DatabaseSSLCert        *string `json:"database_sslcert"`
	DatabaseSSLKey         *string `json:"database_sslkey"`
	DatabaseSSLRootCert    *string `json:"database_sslrootcert"`
}

// StorkAgentGroup is a kea_stork_agent_group: the stork-agent settings of
// the DHCP servers that join it (kea_dhcp_server.stork_agent_group). Its
// documents are one agent.env per member host.
type StorkAgentGroup struct {
	Name                string  `json:"name"`
	StorkServer         *string `json:"stork_server"`
	Mode                *string `json:"mode"`
	AgentPort           *int64  `json:"agent_port"`
	ExporterAddress     *string `json:"exporter_address"`
	ExporterPort        *int64  `json:"exporter_port"`
	PerSubnetStats      *bool   `json:"per_subnet_stats"`
	SkipTLSVerification *bool   `json:"skip_tls_verification"`
	LogLevel            *string `json:"log_level"`
}

// Stork's values and defaults (stork-rules.md).
var (
	StorkModes            = []string{"both", "prometheus-only", "stork-only"}
	StorkLogLevels        = []string{"DEBUG", "INFO", "WARN", "ERROR"}
	StorkRegistrations    = []string{"agent-token", "server-token"}
	StorkDatabaseSSLModes = []string{"disable", "require", "verify-ca", "verify-full"}
)

// storkBind9ExporterPort is the port the agent's BIND 9 exporter listens
// on (0.0.0.0) whenever it exports to Prometheus, BIND or not; the
// provider does not configure it.
const storkBind9ExporterPort = 9119

const (
	defaultStorkRESTPort     = 8080
	defaultStorkAgentPort    = 8080
	defaultStorkExporterPort = 9547
	defaultStorkStaticDir    = "/usr/share/stork/www"
)

// ID is the server's identity: its name.
func (s *StorkServer) ID() string { return s.Name }

// Identity is the id once the name is set.
func (s *StorkServer) Identity() (string, bool) { return s.Name, s.Name != "" }

// ParseStorkServerID reads a Stork server's import id: its name.
func ParseStorkServerID(id string) (*StorkServer, error) { return &StorkServer{Name: id}, nil }

// Document is the server.env a Stork server renders.
func (s *StorkServer) Document() *DocKind { return DocStorkServer }

// ID is the group's identity: its name.
func (g *StorkAgentGroup) ID() string { return g.Name }

// Identity is the id once the name is set.
func (g *StorkAgentGroup) Identity() (string, bool) { return g.Name, g.Name != "" }

// ParseStorkAgentGroupID reads an agent group's import id: its name.
func ParseStorkAgentGroupID(id string) (*StorkAgentGroup, error) {
	return &StorkAgentGroup{Name: id}, nil
}

// Document is the agent.env an agent group renders for each member.
func (g *StorkAgentGroup) Document() *DocKind { return DocStorkAgent }

func (g *StorkAgentGroup) mode() string {
	if g.Mode == nil {
		return "both"
	}
	return *g.Mode
}

func (g *StorkAgentGroup) exporter() bool { return g.mode() != "stork-only" }
func (g *StorkAgentGroup) grpc() bool     { return g.mode() != "prometheus-only" }

func (g *StorkAgentGroup) agentPort() int64 { return int64v(g.AgentPort, defaultStorkAgentPort) }
func (g *StorkAgentGroup) exporterPort() int64 {
	return int64v(g.ExporterPort, defaultStorkExporterPort)
}

// URL is the server's URL as agents use it: https with TLS, the base URL
// without its trailing slash (the seed's form).
func (s *StorkServer) URL() string {
	scheme := "http"
	if s.TLSCertificate != nil {
		scheme = "https"
	}
	host := s.Endpoint
	if a, err := netip.ParseAddr(host); err == nil && a.Is6() {
		host = "[" + a.String() + "]"
	}
	return fmt.Sprintf("%s://%s:%d%s", scheme, host, int64v(s.RESTPort, defaultStorkRESTPort), strings.TrimSuffix(str(s.BaseURL), "/"))
}

// checkLogLevel refuses a level Stork would ignore.
func checkLogLevel(r reporter, v *string) {
	if v == nil || contains(StorkLogLevels, *v) {
		return
	}
	if contains(StorkLogLevels, strings.ToUpper(*v)) {
		r.errf("log_level", "%q: Stork takes the level in capitals (%s) and silently ignores %q, logging at INFO", *v, strings.ToUpper(*v), *v)
		return
	}
	r.errf("log_level", "%q: Stork takes DEBUG, INFO, WARN or ERROR", *v)
}

// checkHostValue checks an address or DNS name written into an env file.
func checkHostValue(r reporter, attr, v string) bool {
	if !checkEnvValue(r, attr, v) {
		return false
	}
	if _, err := netip.ParseAddr(v); err == nil {
		return true
	}
	if err := validHostname(v); err != nil {
		r.errf(attr, "%q is neither an IP address nor a DNS name: %v", v, err)
		return false
	}
	return true
}

// Validate checks the Stork server on its own.
func (s *StorkServer) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindStorkServer, id: s.Name, index: index, out: &out}
	if s.Name == "" {
		r.errf("name", "is required")
	} else if !serverNameRe.MatchString(s.Name) {
		r.errf("name", "%q: use letters, digits, dots, hyphens and underscores", s.Name)
	}
	if s.Endpoint == "" {
		r.errf("endpoint", "is required: the address or DNS name agents reach the server at")
	} else if a, err := netip.ParseAddr(s.Endpoint); err == nil && a.IsUnspecified() {
		r.errf("endpoint", "%s is not an address agents can reach; give the server's address or DNS name", s.Endpoint)
	} else {
		checkHostValue(r, "endpoint", s.Endpoint)
	}
	if s.RESTHost != nil {
		checkHostValue(r, "rest_host", *s.RESTHost)
	}
	checkPort(r, "rest_port", s.RESTPort, 1)
	if b := s.BaseURL; b != nil && checkEnvValue(r, "base_url", *b) && !strings.HasPrefix(*b, "/") {
		r.errf("base_url", "%q: the base URL is a path starting with /, e.g. /stork/", *b)
	}
	if (s.TLSCertificate == nil) != (s.TLSPrivateKey == nil) {
		r.errf("tls_private_key", "set tls_certificate and tls_private_key together")
	}
	if s.TLSCACertificate != nil && s.TLSCertificate == nil {
		r.errf("tls_ca_certificate", "needs tls_certificate and tls_private_key: mutual TLS is part of serving https")
	}
	for _, f := range []struct {
		attr string
		v    *string
	}{{"tls_certificate", s.TLSCertificate}, {"tls_private_key", s.TLSPrivateKey}, {"tls_ca_certificate", s.TLSCACertificate}, {"static_files_dir", s.StaticFilesDir}} {
		if f.v != nil && checkEnvValue(r, f.attr, *f.v) && !strings.HasPrefix(*f.v, "/") {
			r.errf(f.attr, "%q: give an absolute path on the Stork server's host", *f.v)
		}
	}
	s.StorkDatabase.check(r)
	checkLogLevel(r, s.LogLevel)
	if v := s.Registration; v != nil && !contains(StorkRegistrations, *v) {
		r.errf("registration", "%q: use agent-token or server-token", *v)
	}
	return out
}

// check validates the database settings.
func (d *StorkDatabase) check(r reporter) {
	if d.DatabaseURL != nil {
		u := *d.DatabaseURL
		if checkEnvValue(r, "database_url", u) {
			if !strings.HasPrefix(u, "postgres://") && !strings.HasPrefix(u, "postgresql://") {
				r.errf("database_url", "%q: give a postgres:// or postgresql:// URL", u)
			}
			if strings.Contains(u, "sslmode=") {
				// stork-rules: "sslmode inside the URL is ignored".
				r.errf("database_url", "holds sslmode, which Stork ignores there (it connects without TLS); set database_sslmode")
			}
		}
		// Stork: "URL is mutually exclusive with the database name", and
		// "... with the password" (checked with stork-server 2.5.1).
		refuseSet(r, "cannot be combined with database_url, which Stork takes instead of the separate fields (a password, if any, goes in the URL)",
			isSet("database_host", d.DatabaseHost), isSet("database_port", d.DatabasePort), isSet("database_name", d.DatabaseName), isSet("database_user", d.DatabaseUser),
			isSet("database_password_secret", d.DatabasePasswordSecret), isSet("database_password_file", d.DatabasePasswordFile))
	}
	if d.DatabaseHost != nil {
		checkHostValue(r, "database_host", *d.DatabaseHost)
	} else if d.DatabasePort != nil && d.DatabaseURL == nil {
		r.errf("database_port", "applies to a TCP connection: without database_host Stork uses the unix socket /var/run/postgresql/.s.PGSQL.5432 and ignores the port")
	}
	checkPort(r, "database_port", d.DatabasePort, 1)
	for _, f := range []struct {
		attr string
		v    *string
	}{{"database_name", d.DatabaseName}, {"database_user", d.DatabaseUser}} {
		if f.v != nil {
			checkEnvValue(r, f.attr, *f.v)
		}
	}
	if d.DatabasePasswordSecret != nil && d.DatabasePasswordFile != nil {
		r.errf("database_password_file", "set database_password_secret or database_password_file, not both")
	}
	if f := d.DatabasePasswordFile; f != nil && checkEnvValue(r, "database_password_file", *f) && !strings.HasPrefix(*f, "/") {
		r.errf("database_password_file", "%q: give an absolute path on the Stork server's host", *f)
	}
	mode := "disable"
	if d.DatabaseSSLMode != nil {
		mode = *d.DatabaseSSLMode
		if !contains(StorkDatabaseSSLModes, mode) {
			r.errf("database_sslmode", "%q: Stork takes disable, require, verify-ca or verify-full", mode)
		}
	}
	for _, f := range []struct {
		attr  string
		v     *string
		needs []string
	}{
		{"database_sslcert", d.DatabaseSSLCert, []string{"require", "verify-ca", "verify-full"}},
		{"database_sslkey", d.DatabaseSSLKey, []string{"require", "verify-ca", "verify-full"}},
		{"database_sslrootcert", d.DatabaseSSLRootCert, []string{"verify-ca", "verify-full"}},
	} {
		if f.v == nil {
			continue
		}
		if checkEnvValue(r, f.attr, *f.v) && !strings.HasPrefix(*f.v, "/") {
			r.errf(f.attr, "%q: give an absolute path on the Stork server's host", *f.v)
		}
		if !contains(f.needs, mode) {
			r.errf(f.attr, "is not used with database_sslmode %s; set database_sslmode to %s", mode, strings.Join(f.needs, " or "))
		}
	}
	if (d.DatabaseSSLCert == nil) != (d.DatabaseSSLKey == nil) {
		r.errf("database_sslkey", "set database_sslcert and database_sslkey together")
	}
}

// Validate checks the agent group on its own.
func (g *StorkAgentGroup) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindStorkAgentGroup, id: g.Name, index: index, out: &out}
	if g.Name == "" {
		r.errf("name", "is required")
	} else if !serverNameRe.MatchString(g.Name) {
		r.errf("name", "%q: use letters, digits, dots, hyphens and underscores", g.Name)
	}
	mode := g.mode()
	switch {
	case !contains(StorkModes, mode):
		r.errf("mode", "%q: use both, prometheus-only or stork-only", mode)
	case mode != "prometheus-only" && g.StorkServer == nil:
		// Without a server URL or an earlier registration the agent exits:
		// "the agent cannot start due to missing certificates".
		r.errf("stork_server", "is required in %s mode: the agent registers with a Stork server (or set mode = \"prometheus-only\")", mode)
	case mode == "prometheus-only" && g.StorkServer != nil:
		r.errf("stork_server", "is set, but a prometheus-only agent does not listen for the Stork server; use mode both, or unset stork_server")
	}
	checkPort(r, "agent_port", g.AgentPort, 1)
	checkPort(r, "exporter_port", g.ExporterPort, 1)
	if g.ExporterAddress != nil {
		checkHostValue(r, "exporter_address", *g.ExporterAddress)
	}
	if !g.exporter() {
		refuseSet(r, "applies to the Prometheus exporter, which a stork-only agent does not run",
			isSet("exporter_address", g.ExporterAddress), isSet("exporter_port", g.ExporterPort), isSet("per_subnet_stats", g.PerSubnetStats))
	}
	if mode == "both" && g.agentPort() == g.exporterPort() {
		r.errf("exporter_port", "%d is also the agent port; the exporter and the agent's listener need a port each", g.exporterPort())
	}
	checkLogLevel(r, g.LogLevel)
	return out
}

// renderStorkServer renders a Stork server's server.env.
func renderStorkServer(e *Estate, t Target, _ *DocKind) (any, bool, Diags) {
	s := t.(*StorkServer)
	diags := s.Validate(-1)
	r := reporter{kind: KindStorkServer, id: s.Name, index: -1, out: &diags}
	if diags.HasErrors() {
		return nil, false, diags
	}
	f := &EnvFile{}
	f.section().comment("PostgreSQL database")
	d := &s.StorkDatabase
	if d.DatabaseURL != nil {
		// Stork counts its defaults for name, user and port as set and
		// refuses them beside a URL unless they are emptied.
		f.set("STORK_DATABASE_URL", *d.DatabaseURL).set("STORK_DATABASE_NAME", "").set("STORK_DATABASE_USER_NAME", "").set("STORK_DATABASE_PORT", "0")
	} else {
		if d.DatabaseHost != nil {
			f.set("STORK_DATABASE_HOST", *d.DatabaseHost)
		} else {
			f.comment("no host: the unix socket /var/run/postgresql/.s.PGSQL.5432")
		}
		if d.DatabasePort != nil {
			f.set("STORK_DATABASE_PORT", itoa(*d.DatabasePort))
		}
		f.set("STORK_DATABASE_NAME", strv(d.DatabaseName, "stork"))
		f.set("STORK_DATABASE_USER_NAME", strv(d.DatabaseUser, "stork"))
	}
	f.set("STORK_DATABASE_SSLMODE", strv(d.DatabaseSSLMode, "disable"))
	setEnv(f, "STORK_DATABASE_SSLCERT", d.DatabaseSSLCert)
	setEnv(f, "STORK_DATABASE_SSLKEY", d.DatabaseSSLKey)
	setEnv(f, "STORK_DATABASE_SSLROOTCERT", d.DatabaseSSLRootCert)
	secrets := false
	switch {
	case d.DatabasePasswordSecret != nil:
		if v, ok := checkSecret(r, "database_password_secret", *d.DatabasePasswordSecret, e.Secrets); ok && checkSecretEnvValue(r, "database_password_secret", v) {
			f.set("STORK_DATABASE_PASSWORD", v)
			secrets = true
		}
	case d.DatabasePasswordFile != nil:
		f.comment("STORK_DATABASE_PASSWORD is set in " + *d.DatabasePasswordFile + ": load it with a second EnvironmentFile=")
	default:
		f.comment("no password (peer or trust authentication); empty so that Stork does not prompt for one")
		f.set("STORK_DATABASE_PASSWORD", "")
	}
	f.section().comment("REST API and web UI")
	setEnv(f, "STORK_REST_HOST", s.RESTHost)
	f.set("STORK_REST_PORT", itoa(int64v(s.RESTPort, defaultStorkRESTPort)))
	setEnv(f, "STORK_REST_TLS_CERTIFICATE", s.TLSCertificate)
	setEnv(f, "STORK_REST_TLS_PRIVATE_KEY", s.TLSPrivateKey)
	setEnv(f, "STORK_REST_TLS_CA_CERTIFICATE", s.TLSCACertificate)
	f.set("STORK_REST_STATIC_FILES_DIR", strv(s.StaticFilesDir, defaultStorkStaticDir))
	setEnv(f, "STORK_REST_BASE_URL", s.BaseURL)
	if s.EnableMetrics != nil {
		f.section().comment("Prometheus /metrics endpoint of the server")
		f.set("STORK_SERVER_ENABLE_METRICS", envBool(*s.EnableMetrics))
	}
	if s.LogLevel != nil {
		f.section().comment("logging")
		f.set("STORK_LOG_LEVEL", *s.LogLevel)
	}
	if diags.HasErrors() {
		return nil, false, diags
	}
	return f, secrets, diags
}

// renderStorkAgents renders one agent.env per member of the target group:
// the servers passed in servers whose stork_agent_group names it.
func renderStorkAgents(e *Estate, t Target, _ *DocKind) (any, bool, Diags) {
	g := t.(*StorkAgentGroup)
	diags := g.Validate(-1)
	gr := reporter{kind: KindStorkAgentGroup, id: g.Name, index: -1, out: &diags}
	var srv *StorkServer
	if g.StorkServer != nil {
		for i := range e.StorkServers {
			if e.StorkServers[i].Name == *g.StorkServer {
				if srv != nil {
					reporter{kind: KindStorkServer, id: srv.Name, index: i, out: &diags}.errf("name", "is passed twice")
				}
				srv = &e.StorkServers[i]
				diags = append(diags, srv.Validate(i)...)
			}
		}
		if srv == nil {
			gr.errf("stork_server", "refers to Stork server %q, which was not passed in stork_servers", *g.StorkServer)
		}
	}
	parts := map[string]*EnvFile{}
	seen := map[string]string{} // member name -> where it was passed
	join := func(m agentMember, where string) {
		if other, dup := seen[m.name]; dup {
			m.r.errf("name", "is also %s: each member host's agent.env is named after its member, so names must differ", other)
			return
		}
		seen[m.name] = where
		diags = append(diags, m.validate()...)
		if f := renderAgentEnv(g, srv, m, gr); f != nil {
			parts[m.name] = f
		}
	}
	for i := range e.Servers {
		s := &e.Servers[i]
		if s.StorkAgentGroup != nil && *s.StorkAgentGroup == g.Name {
			host, ok := s.hostAddress()
			join(agentMember{name: s.Name, host: host, hasHost: ok, sockets: s.ControlSockets, ha: s.HA,
				r: reporter{kind: KindServer, id: s.Name, index: i, out: &diags}, validate: func() Diags { return s.Validate(i) }}, fmt.Sprintf("servers[%d]", i))
		}
	}
	for i := range e.D2Daemons {
		d := &e.D2Daemons[i]
		if d.StorkAgentGroup == nil || *d.StorkAgentGroup != g.Name {
			continue
		}
		r := reporter{kind: KindD2Daemon, id: d.Name, index: i, out: &diags}
		if str(d.ListenerMode) != "remote" {
			// A local D2 runs beside its DHCP servers, whose agent finds
			// every Kea daemon of the host.
			r.errf("stork_agent_group", "applies to a remote D2 daemon, on a host of its own: a local D2 daemon runs beside its DHCP servers, and their agent monitors it too; join the group with those servers")
			continue
		}
		join(agentMember{name: d.Name, host: str(d.Address), hasHost: d.Address != nil, sockets: d.ControlSockets,
			r: r, validate: func() Diags { return d.Validate(i) }}, fmt.Sprintf("d2_daemons[%d]", i))
	}
	if len(seen) == 0 {
		gr.errf("name", "has no members: pass the kea_dhcp_server (or remote kea_d2_daemon) objects whose stork_agent_group is %q in servers (d2_daemons)", g.Name)
	}
	if diags.HasErrors() {
		return nil, false, diags
	}
	return parts, false, diags
}

// agentMember is a host an agent group's agent runs on: a DHCP server's,
// or a remote D2 daemon's.
type agentMember struct {
	name     string
	host     string
	hasHost  bool
	sockets  []ControlSocket
	ha       *HAMembership
	r        reporter
	validate func() Diags
}

// renderAgentEnv renders the agent.env of one member host.
func renderAgentEnv(g *StorkAgentGroup, srv *StorkServer, m agentMember, gr reporter) *EnvFile {
	mr := m.r
	n := len(*mr.out)
	f := &EnvFile{}
	host, hasHost := m.host, m.hasHost
	if g.grpc() {
		a, err := netip.ParseAddr(host)
		switch {
		case !hasHost:
			mr.errf("address", "is not set: the agent of group %q listens on the member's address and tells the Stork server to reach it there (STORK_AGENT_HOST)", g.Name)
		case err == nil && a.IsUnspecified():
			// 0.0.0.0 with a server URL is fatal at start; :: registers an
			// address no other host can dial.
			mr.errf("address", "%s cannot be the agent's address: the Stork server dials the agent at it; give the host's own address", host)
		}
		f.section().comment("the address the agent listens on, and the Stork server reaches it at")
		f.set("STORK_AGENT_HOST", host)
		f.set("STORK_AGENT_PORT", itoa(g.agentPort()))
	}
	switch g.mode() {
	case "prometheus-only":
		f.section().comment("serve Prometheus only, not the Stork server")
		f.set("STORK_AGENT_LISTEN_PROMETHEUS_ONLY", "true")
	case "stork-only":
		f.section().comment("serve the Stork server only, not Prometheus")
		f.set("STORK_AGENT_LISTEN_STORK_ONLY", "true")
	}
	if g.exporter() {
		f.section().comment("Prometheus exporter of Kea statistics")
		setEnv(f, "STORK_AGENT_PROMETHEUS_KEA_EXPORTER_ADDRESS", g.ExporterAddress)
		f.set("STORK_AGENT_PROMETHEUS_KEA_EXPORTER_PORT", itoa(g.exporterPort()))
		f.set("STORK_AGENT_PROMETHEUS_KEA_EXPORTER_PER_SUBNET_STATS", envBool(boolv(g.PerSubnetStats, true)))
	}
	if srv != nil && g.grpc() {
		f.section().comment("the Stork server")
		if strv(srv.Registration, "agent-token") == "agent-token" {
			f.set("STORK_AGENT_SERVER_URL", srv.URL())
		} else {
			f.comment(fmt.Sprintf("server-token registration: run once on this host: stork-agent register -u %s -t <server token> -a %s -p %d", srv.URL(), host, g.agentPort()))
		}
	}
	if boolv(g.SkipTLSVerification, false) {
		f.section().comment("accept Kea's (and the Stork server's) certificate without verifying it")
		f.set("STORK_AGENT_SKIP_TLS_CERT_VERIFICATION", "true")
	}
	if g.LogLevel != nil {
		f.section().comment("logging")
		f.set("STORK_LOG_LEVEL", *g.LogLevel)
	}
	checkAgentSockets(g, m, gr, mr)
	if (*mr.out)[n:].HasErrors() {
		return nil
	}
	return f
}

// checkAgentSockets holds a member's Kea sockets against the agent: the
// agent reaches Kea through them, and its ports must be free on the host.
func checkAgentSockets(g *StorkAgentGroup, m agentMember, gr, mr reporter) {
	if len(m.sockets) == 0 {
		mr.errf("control_sockets", "is empty: the Stork agent of group %q finds Kea through its control sockets; give the server a unix or http one", g.Name)
	}
	// portUse is a port and what takes it (for a member's ports) or the
	// group attribute that sets it (for the agent's).
	type portUse struct {
		port int64
		what string
	}
	var taken []portUse
	for i := range m.sockets {
		cs := &m.sockets[i]
		if cs.Type == "unix" || cs.Port == nil {
			continue
		}
		taken = append(taken, portUse{*cs.Port, fmt.Sprintf("its control_sockets[%d] port", i)})
		if cs.CertFile != nil && !boolv(g.SkipTLSVerification, false) {
			mr.warnf(fmt.Sprintf("control_sockets[%d]", i), "is https: the Stork agent verifies Kea's certificate, so unless it is signed by a CA the host trusts, set skip_tls_verification on group %q (else no statistics arrive)", g.Name)
		}
	}
	if m.ha != nil {
		taken = append(taken, portUse{m.ha.Port, "its HA port (ha.port)"})
	}
	var agentPorts []portUse
	if g.grpc() {
		agentPorts = append(agentPorts, portUse{g.agentPort(), "agent_port"})
	}
	if g.exporter() {
		agentPorts = append(agentPorts, portUse{g.exporterPort(), "exporter_port"}, portUse{storkBind9ExporterPort, "mode"})
	}
	for _, a := range agentPorts {
		for _, u := range taken {
			if a.port == u.port {
				what := fmt.Sprintf("%d", a.port)
				if a.what == "mode" {
					what = fmt.Sprintf("%s: the agent's BIND 9 exporter listens on 0.0.0.0:%d, which", g.mode(), a.port)
				}
				gr.errf(a.what, "%s is also %s on member %q, which runs on the same host as its agent; give them different ports", what, u.what, m.name)
			}
		}
	}
}

func setEnv(f *EnvFile, key string, v *string) {
	if v != nil {
		f.set(key, *v)
	}
}
