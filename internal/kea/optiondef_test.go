package kea

import (
	"strings"
	"testing"
)

// TestServerOptionDefinitions: a server's option_definitions are rendered
// though no option data sends them; an id that names no definition passed
// in, a malformed one, or a vendor space's is an error naming the entry.
func TestServerOptionDefinitions(t *testing.T) {
	for _, c := range []struct{ id, want string }{
		{"dhcp4/240", ""},
		{"dhcp4/241", `kea_dhcp_server "s" option_definitions[0]: refers to option definition "dhcp4/241", which was not passed in`},
		{"240", `kea_dhcp_server "s" option_definitions[0]: import id "240" does not have the form <space>/<code>`},
		{"vendor:acme/1", `kea_dhcp_server "s" option_definitions[0]: "vendor:acme/1" is a vendor space's definition`},
	} {
		e := &Estate{
			Servers:    []Server{{Name: "s", OptionDefinitions: []string{c.id}}},
			OptionDefs: []OptionDef{{Name: "site", Code: 240, Type: "uint16"}},
		}
		r, diags := Render(e, &e.Servers[0])
		got := errorLines(diags)
		switch {
		case c.want == "" && (r == nil || !strings.Contains(string(r.Document), `"name": "site"`)):
			t.Errorf("%s: definition not rendered: %s", c.id, got)
		case c.want != "" && !strings.Contains(got, c.want):
			t.Errorf("%s: got %s\nwant %s", c.id, got, c.want)
		}
	}
}

// TestOptionClassTags: an option tagged with classes renders
// client-classes and has its classes rendered, also when only a class's
// own option is tagged; a tag naming a class not passed in is an error on
// the option data.
func TestOptionClassTags(t *testing.T) {
	e := &Estate{
		Servers: []Server{{Name: "s", ClientClasses: []string{"outer"}}},
		ClientClasses: []ClientClass{
			{Name: "outer", Test: ptr("pkt4.msgtype == 1"), OptionData: []string{"tagged"}},
			{Name: "inner", Test: ptr("pkt4.msgtype == 3")},
		},
		OptionData: []OptionData{{Name: "tagged", Option: ptr("domain-name"), Data: ptr("example.org"), ClientClasses: []string{"inner"}}},
	}
	r, diags := Render(e, &e.Servers[0])
	if r == nil {
		t.Fatal(errorLines(diags))
	}
	if doc := string(r.Document); !strings.Contains(doc, `"name": "inner"`) || !strings.Contains(doc, `"client-classes": [
              "inner"`) {
		t.Errorf("tag or its class not rendered:\n%s", doc)
	}
	e.OptionData[0].ClientClasses = []string{"nowhere"}
	if _, diags := Render(e, &e.Servers[0]); !strings.Contains(errorLines(diags), `kea_option_data "tagged" client_classes[0]: refers to client class "nowhere", which was not passed in`) {
		t.Errorf("missing tag class: %s", errorLines(diags))
	}
}

// TestOptionNameTypo: a misspelt option name gets the nearest names of
// its space.
func TestOptionNameTypo(t *testing.T) {
	e := &Estate{
		Servers:    []Server{{Name: "s", OptionData: []string{"gw"}}},
		OptionData: []OptionData{{Name: "gw", Option: ptr("router"), Data: ptr("192.0.2.1")}},
	}
	_, diags := Render(e, &e.Servers[0])
	if got := errorLines(diags); !strings.Contains(got, `kea_option_data "gw" option: option "router" has no definition in space dhcp4; did you mean "routers"`) {
		t.Errorf("got %s", got)
	}
}
