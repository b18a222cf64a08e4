package kea

import (
	"strings"
	"testing"
)

// A remote D2 daemon on a host of its own joins an agent group: its
// agent.env is keyed by its name and listens on its address. A local one
// is refused (the agent of its DHCP servers monitors it), and a member
// name used twice is refused.
func TestStorkAgents_D2Members(t *testing.T) {
	e := &Estate{
		StorkServers:     []StorkServer{{Name: "stork", Endpoint: "198.51.100.10"}},
		StorkAgentGroups: []StorkAgentGroup{{Name: "g", StorkServer: ptr("stork")}},
		Servers:          []Server{{Name: "dhcp", Address: ptr("198.51.100.1"), ControlSockets: []ControlSocket{{Type: "unix", SocketName: ptr("kea4")}}, StorkAgentGroup: ptr("g")}},
		D2Daemons:        []D2Daemon{{Name: "d2", ListenerMode: ptr("remote"), Address: ptr("198.51.100.53"), ControlSockets: []ControlSocket{{Type: "unix", SocketName: ptr("d2")}}, StorkAgentGroup: ptr("g")}},
	}
	r, diags := Render(e, &e.StorkAgentGroups[0])
	if diags.HasErrors() {
		t.Fatal(diags.Errors())
	}
	hosts := map[string]string{}
	for _, p := range r.Parts {
		f := string(p.Document)
		hosts[p.Name] = f[strings.Index(f, "STORK_AGENT_HOST=")+len("STORK_AGENT_HOST=") : strings.Index(f, "\nSTORK_AGENT_PORT")]
	}
	if hosts["dhcp"] != "198.51.100.1" || hosts["d2"] != "198.51.100.53" || len(hosts) != 2 {
		t.Errorf("agent hosts by member: %v", hosts)
	}
	e.D2Daemons[0].ListenerMode, e.D2Daemons[0].Address = nil, nil
	if _, diags := Render(e, &e.StorkAgentGroups[0]); !strings.Contains(errorsOf(diags), `kea_d2_daemon "d2" stork_agent_group: applies to a remote D2 daemon`) {
		t.Errorf("a local D2 daemon in a group: %v", diags)
	}
	e.D2Daemons[0].ListenerMode, e.D2Daemons[0].Address, e.D2Daemons[0].Name = ptr("remote"), ptr("198.51.100.53"), "dhcp"
	if _, diags := Render(e, &e.StorkAgentGroups[0]); !strings.Contains(errorsOf(diags), `name: is also servers[0]`) {
		t.Errorf("a member name used twice: %v", diags)
	}
}

func errorsOf(ds Diags) string {
	var b strings.Builder
	for _, d := range ds.Errors() {
		b.WriteString(d.Error() + "\n")
	}
	return b.String()
}

// The env line check FuzzRender applies does refuse what Stork and
// systemd would read apart.
func TestCheckEnvDocument(t *testing.T) {
	for doc, ok := range map[string]bool{
		"### a comment\nSTORK_AGENT_PORT=8080\n\nSTORK_DATABASE_PASSWORD=p#ss\n": true,
		"STORK_AGENT_PORT=\"8080\"\n":                                            false,
		"STORK_AGENT_HOST=198.51.100.1 \n":                                       false,
		"STORK_AGENT_PORT=8080":                                                  false,
		"stork_agent_port=8080\n":                                                false,
		"STORK_AGENT_HOST=a\\\nb\n":                                              false,
		"# STORK_AGENT_PORT=8080\n":                                              false,
	} {
		if err := checkEnvDocument([]byte(doc)); (err == nil) != ok {
			t.Errorf("%q: accepted %v, want %v (%v)", doc, err == nil, ok, err)
		}
	}
}

// The agent's BIND 9 exporter always takes 0.0.0.0:9119 when it exports
// to Prometheus: a member's HA port there is refused, unless the agent
// is stork-only.
func TestStorkAgents_Bind9ExporterPort(t *testing.T) {
	e := &Estate{
		StorkAgentGroups: []StorkAgentGroup{{Name: "g", Mode: ptr("prometheus-only")}},
		HARelationships:  []HARelationship{{Name: "p", Mode: "hot-standby"}},
		Servers: []Server{{Name: "a", ControlSockets: []ControlSocket{{Type: "unix", SocketName: ptr("a")}}, StorkAgentGroup: ptr("g"),
			HA: &HAMembership{Relationship: "p", Role: "primary", Address: "198.51.100.1", Port: 9119}}},
	}
	if _, diags := Render(e, &e.StorkAgentGroups[0]); !strings.Contains(errorsOf(diags), "BIND 9 exporter listens on 0.0.0.0:9119, which is also its HA port (ha.port)") {
		t.Errorf("HA port 9119: %v", diags)
	}
	e.StorkAgentGroups[0] = StorkAgentGroup{Name: "g", Mode: ptr("stork-only"), StorkServer: ptr("stork")}
	e.StorkServers = []StorkServer{{Name: "stork", Endpoint: "198.51.100.10"}}
	if _, diags := Render(e, &e.StorkAgentGroups[0]); diags.HasErrors() {
		t.Errorf("stork-only agent, HA port 9119: %v", diags.Errors())
	}
}

// With server-token registration the agents carry no server URL, only the
// register command; a password from secrets makes server.env hold a
// secret, a password file does not.
func TestStork_RegistrationAndSecrets(t *testing.T) {
	e := &Estate{
		StorkServers:     []StorkServer{{Name: "stork", Endpoint: "198.51.100.10", Registration: ptr("server-token"), StorkDatabase: StorkDatabase{DatabasePasswordSecret: ptr("db")}}},
		StorkAgentGroups: []StorkAgentGroup{{Name: "g", StorkServer: ptr("stork")}},
		Servers:          []Server{{Name: "dhcp", Address: ptr("198.51.100.1"), ControlSockets: []ControlSocket{{Type: "unix", SocketName: ptr("kea4")}}, StorkAgentGroup: ptr("g")}},
		Secrets:          map[string]string{"db": "p#ss-word"},
	}
	r, diags := Render(e, &e.StorkAgentGroups[0])
	if diags.HasErrors() {
		t.Fatal(diags.Errors())
	}
	agent := string(r.Parts[0].Document)
	if strings.Contains(agent, "STORK_AGENT_SERVER_URL") || !strings.Contains(agent, "### server-token registration: run once on this host: stork-agent register -u http://198.51.100.10:8080 -t <server token> -a 198.51.100.1 -p 8080\n") {
		t.Errorf("server-token agent.env:\n%s", agent)
	}
	r, diags = Render(e, &e.StorkServers[0])
	if diags.HasErrors() || !r.HasSecrets || !strings.Contains(string(r.Document), "STORK_DATABASE_PASSWORD=p#ss-word\n") {
		t.Errorf("password from secrets: secrets %v, %v\n%s", r != nil && r.HasSecrets, diags, r.Document)
	}
	e.StorkServers[0].DatabasePasswordSecret, e.StorkServers[0].DatabasePasswordFile = nil, ptr("/etc/stork/db.env")
	r, diags = Render(e, &e.StorkServers[0])
	if diags.HasErrors() || r.HasSecrets || strings.Contains(string(r.Document), "STORK_DATABASE_PASSWORD=") {
		t.Errorf("password file: secrets %v, %v\n%s", r != nil && r.HasSecrets, diags, r.Document)
	}
}
