package provider

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// renderInputs runs the whole path the function and the data source take:
// Terraform values -> decode -> validate -> render. It reports a panic as
// a test failure, and returns the decoder's errors, the document (nil when
// refused) and the findings.
func renderInputs(t *testing.T, server tftypes.Value, lists map[string]tftypes.Value) (errs []string, r *kea.Rendered, diags kea.Diags) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("panic: %v", p)
		}
	}()
	in := decodeEstate(server, lists)
	if len(in.errs) > 0 || in.unknown || in.target == nil {
		return in.errs, nil, nil
	}
	r, diags = kea.Render(in.estate, in.target)
	if diags.HasErrors() != (r == nil) {
		t.Fatalf("a document and errors, or neither: %v", diags)
	}
	if r != nil && r.Kind.Format == kea.FormatJSON && !json.Valid(r.Document) {
		t.Fatalf("the document is not JSON:\n%s", r.Document)
	}
	return nil, r, diags
}

// stringify turns every number and bool of a JSON value into a string, as
// csvdecode() hands rows over.
func stringify(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = stringify(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stringify(e)
		}
		return out
	case json.Number, bool:
		return fmt.Sprint(x)
	}
	return v
}

// fuzzInput runs one fixture-shaped JSON document ({"server": ..., lists})
// through renderInputs.
func fuzzInput(t *testing.T, raw []byte) {
	v, err := jsonToValue(string(raw))
	if err != nil {
		return
	}
	var fields map[string]tftypes.Value
	if v.As(&fields) != nil {
		return
	}
	server, ok := fields["server"]
	if !ok {
		return
	}
	delete(fields, "server")
	renderInputs(t, server, fields)
	// The function's own path, from the msgpack Terraform sends, agrees.
	objects := map[string]tftypes.Value{}
	types := map[string]tftypes.Type{}
	for k, v := range fields {
		objects[k], types[k] = v, v.Type()
	}
	compareValues(t, "fuzz input", server, fields, tftypes.NewValue(tftypes.Object{AttributeTypes: types}, objects))
}

// FuzzDecodeRender feeds the function's inputs, as plain objects and as
// csvdecode()-style strings, through decode, validation and rendering: they
// may be refused, never panic. Seeds are the golden and rejected cases of
// internal/kea, each also with every value turned into a string, and
// values at the edges of what numbers can be.
func FuzzDecodeRender(f *testing.F) {
	for _, pattern := range []string{"../kea/testdata/golden/*.in.json", "../kea/testdata/rejected/*.in.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			raw, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(raw)
			dec := json.NewDecoder(strings.NewReader(string(raw)))
			dec.UseNumber()
			var v any
			if dec.Decode(&v) == nil {
				s, _ := json.Marshal(stringify(v))
				f.Add(s)
			}
		}
	}
	for _, seed := range []string{
		`{"server": {"name": "s", "t1_percent": 1e400}}`,
		`{"server": {"name": "s", "t1_percent": "Inf"}}`,
		`{"server": {"name": "s", "valid_lifetime": "NaN"}}`,
		`{"server": {"name": "s", "user_context": "{\"n\": 1e400}"}}`,
		`{"server": {"name": "s", "extra_json": "{\"n\": 9223372036854775808}"}}`,
		`{"server": {"name": "s"}, "subnets": [{"server": "s", "subnet_id": 1e30, "prefix": "192.0.2.0/24"}]}`,
		`{"server": {"name": "s"}, "reservations": [{}], "subnets": [{}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(fuzzInput)
}

// baseObjects are minimal valid plain objects of every kind, which
// TestEveryAttributeRefusesBadValues spoils one attribute at a time.
var baseObjects = map[string]map[string]any{
	kea.KindServer:          {"name": "s1"},
	kea.KindHARelationship:  {"name": "p", "mode": "hot-standby"},
	kea.KindVendorSpace:     {"name": "acme", "enterprise_id": int64(9)},
	kea.KindSharedNetwork:   {"server": "s1", "name": "n"},
	kea.KindSubnet:          {"server": "s1", "subnet_id": int64(1), "prefix": "192.0.2.0/24"},
	kea.KindPool:            {"subnet": "s1/1", "range": "192.0.2.10 - 192.0.2.20"},
	kea.KindPDPool:          {"subnet": "s1/1", "prefix": "2001:db8:8000::/48", "delegated_length": int64(56)},
	kea.KindReservation:     {"subnet": "s1/1", "hw_address": "aa:bb:cc:dd:ee:ff", "ip_address": "192.0.2.50"},
	kea.KindOptionDef:       {"name": "site", "code": int64(224), "type": "string"},
	kea.KindOptionData:      {"name": "dom", "option": "domain-name", "data": "example.com"},
	kea.KindClientClass:     {"name": "c"},
	kea.KindTSIGKey:         {"name": "k", "algorithm": "HMAC-SHA256", "secret": "c2VjcmV0LWZvci10ZXN0cy0zMi1ieXRlcy1sb25nISE="},
	kea.KindD2Daemon:        {"name": "d2", "listener_mode": "local"},
	kea.KindDDNSDomain:      {"d2_daemon": "d2", "zone": "example.org", "dns_servers": []any{map[string]any{"address": "192.0.2.53"}}},
	kea.KindDDNSPolicy:      {"name": "pol"},
	kea.KindStorkServer:     {"name": "stork", "endpoint": "192.0.2.10"},
	kea.KindStorkAgentGroup: {"name": "g", "stork_server": "stork"},
}

// badValue is a value of the wrong shape or size for an attribute.
type badValue struct {
	name string
	v    tftypes.Value
	// mustFail tells for which attributes the value has to be refused;
	// for the others it must only not panic.
	mustFail func(s *attrSpec) bool
}

func isNumber(s *attrSpec) bool { return s.t == tInt || s.t == tFloat }

var badValues = []badValue{
	{"1e400", tftypes.NewValue(tftypes.Number, mustBig("1e400")), isNumber},
	{"+Inf", tftypes.NewValue(tftypes.Number, new(big.Float).SetInf(false)), isNumber},
	{`"Inf"`, tftypes.NewValue(tftypes.String, "Inf"), isNumber},
	{`"NaN"`, tftypes.NewValue(tftypes.String, "NaN"), isNumber},
	{"huge integer", tftypes.NewValue(tftypes.Number, mustBig("100000000000000000000000")), func(s *attrSpec) bool { return s.t == tInt }},
	{`""`, tftypes.NewValue(tftypes.String, ""), func(*attrSpec) bool { return false }},
	{"a bool", tftypes.NewValue(tftypes.Bool, true), func(s *attrSpec) bool { return s.t != tBool }},
	{"a list", tftypes.NewValue(tftypes.List{ElementType: tftypes.Bool}, []tftypes.Value{tftypes.NewValue(tftypes.Bool, true)}), func(*attrSpec) bool { return true }},
}

func mustBig(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, 256, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

// TestEveryAttributeRefusesBadValues gives every attribute of every kind,
// nested ones included, a non-finite number, a string that is not a
// number, a huge integer, an empty string and values of the wrong type, and
// requires an error that names the attribute where the value cannot be
// right, and never a panic.
func TestEveryAttributeRefusesBadValues(t *testing.T) {
	for _, ok := range objectKinds {
		base, found := baseObjects[ok.kind.Name]
		if !found {
			t.Fatalf("%s has no base object in baseObjects", ok.kind.Name)
		}
		// The base object renders: a bad value is what makes it fail.
		baseValue, err := anyToValueMap(base)
		if err != nil {
			t.Fatal(err)
		}
		srv, lists := placeObject(ok, baseValue)
		if errs, _, diags := renderInputs(t, srv, lists); len(errs) > 0 || diags.HasErrors() {
			t.Fatalf("%s: the base object is refused: %v %v", ok.kind.Name, errs, diags.Errors())
		}
		walkAttrs(ok.attrs, func(name string, s *attrSpec, wrap attrWrap) {
			for _, bv := range badValues {
				t.Run(ok.kind.Name+"/"+name+"="+bv.name, func(t *testing.T) {
					obj, err := plainObject(base, wrap, s.name, bv.v)
					if err != nil {
						t.Fatal(err)
					}
					srv, lists := placeObject(ok, obj)
					errs, _, diags := renderInputs(t, srv, lists)
					if !bv.mustFail(s) {
						return
					}
					leaf := s.name
					for _, e := range errs {
						if strings.Contains(e, leaf) {
							return
						}
					}
					for _, d := range diags.Errors() {
						if strings.Contains(d.Attr, leaf) || strings.Contains(d.Msg, leaf) {
							return
						}
					}
					t.Errorf("not refused on %s: decoder %v, findings %v", name, errs, diags)
				})
			}
		})
	}
}

// attrWrap places a one-attribute object where a nested attribute's parent
// goes, up to the top level, and returns the top-level attribute and value.
type attrWrap func(tftypes.Value) (string, tftypes.Value)

// walkAttrs calls visit for every attribute of specs, nested ones included,
// with its dotted path and the wrap that places it in a top-level object
// (nil for a top-level attribute).
func walkAttrs(specs []attrSpec, visit func(path string, s *attrSpec, wrap attrWrap)) {
	var walk func(specs []attrSpec, prefix string, wrap attrWrap)
	walk = func(specs []attrSpec, prefix string, wrap attrWrap) {
		for i := range specs {
			s := &specs[i]
			visit(prefix+s.name, s, wrap)
			if s.t != tObject && s.t != tObjects {
				continue
			}
			outer, list, parent := s.name, s.t == tObjects, wrap
			walk(s.nested, prefix+outer+".", func(inner tftypes.Value) (string, tftypes.Value) {
				v := inner
				if list {
					v = tftypes.NewValue(tftypes.Tuple{ElementTypes: []tftypes.Type{inner.Type()}}, []tftypes.Value{inner})
				}
				if parent == nil {
					return outer, v
				}
				return parent(tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{outer: v.Type()}}, map[string]tftypes.Value{outer: v}))
			})
		}
	}
	walk(specs, "", nil)
}

// plainObject is base with attribute name set to v; wrap, for a nested
// attribute, puts the one-attribute object where its parent goes.
func plainObject(base map[string]any, wrap attrWrap, name string, v tftypes.Value) (tftypes.Value, error) {
	vals := map[string]tftypes.Value{}
	for k, e := range base {
		ev, err := anyToValue(normalize(e))
		if err != nil {
			return tftypes.Value{}, err
		}
		vals[k] = ev
	}
	if wrap == nil {
		vals[name] = v
	} else {
		inner := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{name: v.Type()}}, map[string]tftypes.Value{name: v})
		k, w := wrap(inner)
		vals[k] = w
	}
	types := map[string]tftypes.Type{}
	for k, e := range vals {
		types[k] = e.Type()
	}
	return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, vals), nil
}

// normalize turns the Go values of the test tables into the JSON forms
// anyToValue reads: int64 into json.Number, nested maps and lists alike.
func normalize(v any) any {
	switch x := v.(type) {
	case int64:
		return json.Number(fmt.Sprint(x))
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}

func anyToValueMap(m map[string]any) (tftypes.Value, error) {
	n := make(map[string]any, len(m))
	for k, v := range m {
		n[k] = normalize(v)
	}
	return anyToValue(n)
}

// placeObject is the inputs of a base server's document holding obj
// where the document uses it (or obj as the target, for a server), so that
// every attribute of it reaches the rendered document.
func placeObject(ok *objectKind, obj tftypes.Value) (tftypes.Value, map[string]tftypes.Value) {
	// The context puts the object in the document: the server uses the
	// class and the option data, a subnet joins the shared network, the
	// server is a member of the relationship, option data uses the
	// definition.
	srv := map[string]any{"name": "s1"}
	sub := maps.Clone(baseObjects[kea.KindSubnet])
	more := map[string][]map[string]any{}
	switch ok.kind.Name {
	case kea.KindPDPool:
		srv["family"] = int64(6)
		sub["prefix"] = "2001:db8::/32"
	case kea.KindClientClass:
		srv["client_classes"] = []any{"c"}
	case kea.KindOptionData:
		srv["option_data"] = []any{"dom"}
	case kea.KindOptionDef:
		srv["option_data"] = []any{"site"}
		more["option_data"] = []map[string]any{{"name": "site", "option": "site", "data": "x"}}
	case kea.KindSharedNetwork:
		sub["shared_network"] = "s1/n"
	case kea.KindDDNSPolicy:
		srv["ddns_policy"] = "pol"
	case kea.KindTSIGKey, kea.KindDDNSDomain, kea.KindD2Daemon:
		// A D2 daemon's document: the domain names the key.
		srv = maps.Clone(baseObjects[kea.KindD2Daemon])
		dom := maps.Clone(baseObjects[kea.KindDDNSDomain])
		dom["tsig_key"] = "k"
		if ok.kind.Name != kea.KindTSIGKey {
			more["tsig_keys"] = []map[string]any{baseObjects[kea.KindTSIGKey]}
		}
		if ok.kind.Name != kea.KindDDNSDomain {
			more["ddns_domains"] = []map[string]any{dom}
		}
	case kea.KindStorkServer, kea.KindStorkAgentGroup:
		// An agent group's documents: the server is its member, with an
		// address and a control socket the agent can use.
		srv = maps.Clone(baseObjects[kea.KindStorkAgentGroup])
		more["servers"] = []map[string]any{{"name": "s1", "address": "192.0.2.1", "stork_agent_group": "g", "control_sockets": []any{map[string]any{"type": "unix", "socket_name": "kea4-ctrl"}}}}
		if ok.kind.Name == kea.KindStorkAgentGroup {
			more["stork_servers"] = []map[string]any{baseObjects[kea.KindStorkServer]}
		}
	case kea.KindHARelationship:
		member := func(name, role, addr string) map[string]any {
			return map[string]any{"name": name, "ha": map[string]any{"relationship": "p", "role": role, "address": addr, "port": int64(8001)}}
		}
		srv = member("s1", "primary", "198.18.0.1")
		more["servers"] = []map[string]any{member("s2", "standby", "198.18.0.2")}
	}
	server, _ := anyToValueMap(srv)
	lists := map[string]tftypes.Value{}
	add := func(list string, v tftypes.Value) {
		var elems []tftypes.Value
		if old, found := lists[list]; found {
			_ = old.As(&elems)
		}
		elems = append(elems, v)
		types := make([]tftypes.Type, len(elems))
		for i, e := range elems {
			types[i] = e.Type()
		}
		lists[list] = tftypes.NewValue(tftypes.Tuple{ElementTypes: types}, elems)
	}
	if ok.targetInput != "" {
		server = obj
	} else {
		add(ok.kind.List, obj)
	}
	if ok.kind.Name != kea.KindSubnet {
		sv, _ := anyToValueMap(sub)
		add("subnets", sv)
	}
	for list, objs := range more {
		for _, m := range objs {
			v, _ := anyToValueMap(m)
			add(list, v)
		}
	}
	return server, lists
}
