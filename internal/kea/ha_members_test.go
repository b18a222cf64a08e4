package kea

import (
	"strings"
	"testing"
)

// TestHAMembersRepeatGlobalLists: a standby may repeat the primary's global
// option data, client classes and option definitions (for_each members
// need no role test) and renders the same document as when it leaves them
// empty; a different list is an error naming the primary's.
func TestHAMembersRepeatGlobalLists(t *testing.T) {
	lists := []struct {
		attr, what, other string
		set               func(s *Server, l []string)
	}{
		{"option_data", "global option data", "ntp", func(s *Server, l []string) { s.OptionData = l }},
		{"client_classes", "client classes", "late", func(s *Server, l []string) { s.ClientClasses = l }},
		{"option_definitions", "option definitions", "dhcp4/223", func(s *Server, l []string) { s.OptionDefinitions = l }},
	}
	prim := map[string]string{"option_data": "dns", "client_classes": "early", "option_definitions": "dhcp4/222"}
	// What of the primary's list shows in every member's document.
	shows := map[string]string{"option_data": `"data": "198.18.0.53"`, "client_classes": `"name": "early"`, "option_definitions": `"code": 222`}
	estate := func(attr string, standby []string) *Estate {
		e := &Estate{
			HARelationships: []HARelationship{{Name: "p", Mode: "hot-standby"}},
			Servers: []Server{
				{Name: "a", HA: &HAMembership{Relationship: "p", Role: "primary", Address: "198.18.0.1", Port: 8001}},
				{Name: "b", HA: &HAMembership{Relationship: "p", Role: "standby", Address: "198.18.0.2", Port: 8001}},
			},
			OptionData: []OptionData{{Name: "dns", Option: ptr("domain-name-servers"), Data: ptr("198.18.0.53")}, {Name: "ntp", Option: ptr("ntp-servers"), Data: ptr("198.18.0.123")}},
			ClientClasses: []ClientClass{
				{Name: "early", Test: ptr("pkt4.msgtype == 1")},
				{Name: "late", Test: ptr("pkt4.msgtype == 3")},
			},
			OptionDefs: []OptionDef{{Name: "site-a", Code: 222, Type: "string"}, {Name: "site-b", Code: 223, Type: "string"}},
		}
		for _, l := range lists {
			if l.attr == attr {
				l.set(&e.Servers[0], []string{prim[attr]})
				l.set(&e.Servers[1], standby)
			}
		}
		return e
	}
	for _, l := range lists {
		e := estate(l.attr, nil)
		empty, diags := Render(e, &e.Servers[1])
		if empty == nil {
			t.Fatalf("%s: %s", l.attr, errorLines(diags))
		}
		if !strings.Contains(string(empty.Document), shows[l.attr]) {
			t.Errorf("%s: the primary's list is not in the standby's document:\n%s", l.attr, empty.Document)
		}
		e = estate(l.attr, []string{prim[l.attr]})
		same, diags := Render(e, &e.Servers[1])
		if same == nil || string(same.Document) != string(empty.Document) {
			t.Errorf("%s: repeating the primary's list renders differently: %s", l.attr, errorLines(diags))
		}
		e = estate(l.attr, []string{l.other})
		_, diags = Render(e, &e.Servers[1])
		want := l.attr + `: server "b" is standby in HA relationship "p", whose ` + l.what + ` are the primary's ("a": ` + prim[l.attr] + `)`
		if got := errorLines(diags); !strings.Contains(got, want) {
			t.Errorf("%s: a different list: %s\nwant %s", l.attr, got, want)
		}
	}
}
