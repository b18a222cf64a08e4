package kea

import (
	"strings"
	"testing"
)

// TestWrongInProduction: documents Kea 3.0 loads but that would misbehave
// in production are refused (or, where the document still works, warned
// about), with a message that says why and what to do.
func TestWrongInProduction(t *testing.T) {
	for _, c := range []struct {
		name    string
		fixture string
		want    string
		warning bool
	}{
		{"pool over the network address", `{"server": {"name": "s"}, "subnets": [{"server": "s", "subnet_id": 1, "prefix": "192.0.2.0/24"}],
			"pools": [{"subnet": "s/1", "range": "192.0.2.0 - 192.0.2.99"}]}`,
			`kea_pool "s/1/192.0.2.0-192.0.2.99" range: 192.0.2.0 - 192.0.2.99 includes 192.0.2.0, the network address of subnet 192.0.2.0/24`, false},
		{"pool over the broadcast address", `{"server": {"name": "s"}, "subnets": [{"server": "s", "subnet_id": 1, "prefix": "192.0.2.0/24"}],
			"pools": [{"subnet": "s/1", "range": "192.0.2.0/24"}]}`,
			`includes 192.0.2.255, the broadcast address of subnet 192.0.2.0/24`, false},
		{"reservation of the broadcast address", `{"server": {"name": "s"}, "subnets": [{"server": "s", "subnet_id": 1, "prefix": "192.0.2.0/24"}],
			"reservations": [{"subnet": "s/1", "hw_address": "aa:bb:cc:dd:ee:ff", "ip_address": "192.0.2.255"}]}`,
			`ip_address: 192.0.2.255 is the broadcast address of subnet 192.0.2.0/24`, false},
		{"overlapping subnets", `{"server": {"name": "s"}, "subnets": [{"server": "s", "subnet_id": 1, "prefix": "10.0.0.0/16"}, {"server": "s", "subnet_id": 2, "prefix": "10.0.5.0/24"}]}`,
			`kea_subnet "s/2" prefix: 10.0.5.0/24 overlaps subnet s/1 (10.0.0.0/16) on server "s"`, false},
		{"whole address space", `{"server": {"name": "s"}, "subnets": [{"server": "s", "subnet_id": 1, "prefix": "0.0.0.0/0"}]}`,
			`prefix: 0.0.0.0/0 is the whole address space`, false},
		{"zero lifetime", `{"server": {"name": "s"}, "subnets": [{"server": "s", "subnet_id": 1, "prefix": "192.0.2.0/24", "valid_lifetime": 0, "min_valid_lifetime": 0}]}`,
			`valid_lifetime: 0 would make every lease expire as it is granted`, false},
		{"no interfaces", `{"server": {"name": "s", "interfaces": []}}`,
			`kea_dhcp_server "s" interfaces: is empty, so the server would listen on no interface`, false},
		{"HA heartbeat off", `{"server": {"name": "a", "ha": {"relationship": "p", "role": "primary", "address": "198.18.0.1", "port": 8001}},
			"servers": [{"name": "b", "ha": {"relationship": "p", "role": "standby", "address": "198.18.0.2", "port": 8001}}],
			"ha_relationships": [{"name": "p", "mode": "hot-standby", "heartbeat_delay": 0}]}`,
			`kea_ha_relationship "p" heartbeat_delay: 0 turns heartbeats off`, false},
		{"HA response delay below heartbeat", `{"server": {"name": "a", "ha": {"relationship": "p", "role": "primary", "address": "198.18.0.1", "port": 8001}},
			"servers": [{"name": "b", "ha": {"relationship": "p", "role": "standby", "address": "198.18.0.2", "port": 8001}}],
			"ha_relationships": [{"name": "p", "mode": "hot-standby", "heartbeat_delay": 20000, "max_response_delay": 15000}]}`,
			`max_response_delay: 15000 is shorter than heartbeat_delay (20000)`, false},
		{"same option twice at a scope", `{"server": {"name": "s", "option_data": ["dns-a", "dns-b"]},
			"option_data": [{"name": "dns-a", "option": "domain-name-servers", "data": "192.0.2.53"}, {"name": "dns-b", "code": 6, "data": "192.0.2.54"}]}`,
			`kea_dhcp_server "s" option_data[1]: "dns-b" sends option dhcp4.domain-name-servers (code 6) again at this scope, after "dns-a"`, false},
		{"option in a space nothing carries", `{"server": {"name": "s", "option_data": ["x"]},
			"option_definitions": [{"name": "x", "code": 1, "type": "uint8", "space": "orphan"}],
			"option_data": [{"name": "x", "option": "x", "space": "orphan", "data": "7"}]}`,
			`kea_option_data "x" space: no option in this document encapsulates space "orphan", so Kea never sends this option`, true},
		{"class lifetime above the server maximum", `{"server": {"name": "s", "client_classes": ["long"]},
			"client_classes": [{"name": "long", "valid_lifetime": 86400}]}`,
			`kea_client_class "long" valid_lifetime: 86400 is above server "s"'s max_valid_lifetime (7200)`, true},
		{"relative authentication directory", `{"server": {"name": "s", "control_sockets": [{"type": "http", "port": 8004,
			"authentication": {"directory": "etc/kea", "clients": [{"user": "u", "password_file": "pw"}]}}]}}`,
			`control_sockets[0].authentication.directory: "etc/kea" is relative`, false},
		{"line break in a realm", `{"server": {"name": "s", "control_sockets": [{"type": "http", "port": 8004,
			"authentication": {"realm": "kea\r\nX-Injected: 1", "clients": [{"user": "u", "password_file": "/etc/kea/pw"}]}}]}}`,
			`control_sockets[0].authentication.realm: "kea\r\nX-Injected: 1" holds a line break`, false},
		{"line break in a header value", `{"server": {"name": "s", "control_sockets": [{"type": "http", "port": 8004,
			"http_headers": {"X-A": "1\r\nX-B: 2"}}]}}`,
			`the value of header "X-A" holds a line break or NUL`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var f fixture
			if err := decodeStrict([]byte(c.fixture), &f); err != nil {
				t.Fatal(err)
			}
			_, diags := Render(&f.Estate, f.Server)
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
				if strings.Contains(d.Error(), c.want) {
					if (d.Severity == Warning) != c.warning {
						t.Errorf("found with severity %v: %s", d.Severity, d.Error())
					}
					return
				}
			}
			t.Errorf("no finding contains %q:\n%s", c.want, strings.Join(got, "\n"))
		})
	}
}
