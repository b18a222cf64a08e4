package kea

import (
	"strings"
	"testing"
)

// TestHAMembersRepeatGlobalLists: a standby may repeat the primary's global
// option data and classes (for_each members need no role test) and renders
// the same document as when it leaves them empty; a different list is an
// error naming the primary's.
func TestHAMembersRepeatGlobalLists(t *testing.T) {
	estate := func(standbyOpts []string) *Estate {
		return &Estate{
			HARelationships: []HARelationship{{Name: "p", Mode: "hot-standby"}},
			Servers: []Server{
				{Name: "a", OptionData: []string{"dns"}, HA: &HAMembership{Relationship: "p", Role: "primary", Address: "198.18.0.1", Port: 8001}},
				{Name: "b", OptionData: standbyOpts, HA: &HAMembership{Relationship: "p", Role: "standby", Address: "198.18.0.2", Port: 8001}},
			},
			OptionData: []OptionData{{Name: "dns", Option: ptr("domain-name-servers"), Data: ptr("198.18.0.53")}, {Name: "ntp", Option: ptr("ntp-servers"), Data: ptr("198.18.0.123")}},
		}
	}
	empty, diags := Render(estate(nil), &estate(nil).Servers[1])
	if empty == nil {
		t.Fatal(errorLines(diags))
	}
	e := estate([]string{"dns"})
	same, diags := Render(e, &e.Servers[1])
	if same == nil || string(same.Document) != string(empty.Document) {
		t.Fatalf("repeating the primary's list renders differently: %s", errorLines(diags))
	}
	e = estate([]string{"ntp"})
	_, diags = Render(e, &e.Servers[1])
	if got := errorLines(diags); !strings.Contains(got, `whose global option data are the primary's ("a": dns)`) {
		t.Errorf("a different list: %s", got)
	}
}
