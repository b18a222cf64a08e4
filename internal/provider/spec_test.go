package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// A kea finding on a value the schema's validator refuses is left to the
// validator (one error, on the attribute); other findings stay.
func TestConstraintOf(t *testing.T) {
	m := map[string]any{
		"name":             "s1",
		"family":           int64(7),
		"t1_percent":       0.5,
		"dhcp_socket_type": "udp",
		"mac_sources":      []string{"duid", "magic"},
		"control_sockets":  []any{map[string]any{"type": "http", "port": int64(70000)}, map[string]any{"type": "unix", "port": int64(8000)}},
		"ha":               map[string]any{"role": "leader", "port": int64(8001)},
	}
	for _, c := range []struct {
		attr string
		want bool
	}{
		{"family", true},
		{"t1_percent", false},
		{"dhcp_socket_type", false},
		{"mac_sources[1]", true},
		{"mac_sources[0]", false},
		{"mac_sources", true},
		{"control_sockets[0].port", true},
		{"control_sockets[1].port", false},
		{"control_sockets[5].port", false},
		{"ha.role", true},
		{"ha.port", false},
		{"name", false},
		{"no_such_attribute", false},
		{"", false},
	} {
		if got := constraintOf(serverKind.attrs, m, c.attr); got != c.want {
			t.Errorf("%s: %v, want %v", c.attr, got, c.want)
		}
	}
}

// TestKindsClassified: every attribute kind is exactly one of a scalar, a
// list of strings, a map of strings, an object or a list of objects, so
// that a new kind cannot fall through the decoders' switches unnoticed.
func TestKindsClassified(t *testing.T) {
	for k := tString; k <= tStringMap; k++ {
		n := 0
		for _, is := range []bool{k.isScalar(), k.isStringList(), k == tStringMap, k == tObject, k == tObjects} {
			if is {
				n++
			}
		}
		if n != 1 {
			t.Errorf("kind %d is in %d classes", k, n)
		}
	}
}

// client_class is deprecated where it is offered (Kea 3.0 deprecates
// client-class), and its message says what to set instead.
func TestClientClassDeprecated(t *testing.T) {
	n := 0
	for _, k := range objectKinds {
		r := &stateResource{k: k}
		var resp resource.SchemaResponse
		r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
		a, ok := resp.Schema.Attributes["client_class"]
		if !ok {
			continue
		}
		n++
		if msg := a.GetDeprecationMessage(); !strings.Contains(msg, "set `client_classes = [\"name\"]`") {
			t.Errorf("%s client_class: deprecation message %q", k.kind.Name, msg)
		}
		if _, ok := resp.Schema.Attributes["client_classes"]; !ok {
			t.Errorf("%s has client_class but no client_classes", k.kind.Name)
		}
	}
	if n != 4 {
		t.Errorf("client_class on %d kinds, want 4 (subnet, shared network, pool, pd pool)", n)
	}
}
