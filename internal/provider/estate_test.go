package provider

import (
	"encoding/json"
	"fmt"
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
// a test failure, and returns the decoder's errors and the findings.
func renderInputs(t *testing.T, server tftypes.Value, lists map[string]tftypes.Value) (errs []string, diags kea.Diags) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("panic: %v", p)
		}
	}()
	in := decodeEstate(server, lists)
	if len(in.errs) > 0 || in.unknown || in.target == nil {
		return in.errs, nil
	}
	r, diags := kea.Render(in.estate, in.target)
	if diags.HasErrors() != (r == nil) {
		t.Fatalf("a document and errors, or neither: %v", diags)
	}
	if r != nil && !json.Valid(r.Document) {
		t.Fatalf("the document is not JSON:\n%s", r.Document)
	}
	return nil, diags
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
	kea.KindServer:         {"name": "s1"},
	kea.KindHARelationship: {"name": "p", "mode": "hot-standby"},
	kea.KindVendorSpace:    {"name": "acme", "enterprise_id": int64(9)},
	kea.KindSharedNetwork:  {"server": "s1", "name": "n"},
	kea.KindSubnet:         {"server": "s1", "subnet_id": int64(1), "prefix": "192.0.2.0/24"},
	kea.KindPool:           {"subnet": "s1/1", "range": "192.0.2.10 - 192.0.2.20"},
	kea.KindPDPool:         {"subnet": "s1/1", "prefix": "2001:db8:8000::/48", "delegated_length": int64(56)},
	kea.KindReservation:    {"subnet": "s1/1", "hw_address": "aa:bb:cc:dd:ee:ff", "ip_address": "192.0.2.50"},
	kea.KindOptionDef:      {"name": "site", "code": int64(224), "type": "string"},
	kea.KindOptionData:     {"name": "dom", "option": "domain-name", "data": "example.com"},
	kea.KindClientClass:    {"name": "c"},
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
		if errs, diags := renderKindObject(t, ok, base); len(errs) > 0 || diags.HasErrors() {
			t.Fatalf("%s: the base object is refused: %v %v", ok.kind.Name, errs, diags.Errors())
		}
		walkAttrs(ok.attrs, func(name string, s *attrSpec, wrap attrWrap) {
			for _, bv := range badValues {
				t.Run(ok.kind.Name+"/"+name+"="+bv.name, func(t *testing.T) {
					obj, err := plainObject(base, wrap, s.name, bv.v)
					if err != nil {
						t.Fatal(err)
					}
					errs, diags := renderKindObject(t, ok, obj)
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

// renderKindObject renders a base server's document with obj in its
// kind's list (or as the target, for a server).
func renderKindObject(t *testing.T, ok *objectKind, obj any) ([]string, kea.Diags) {
	t.Helper()
	v, isValue := obj.(tftypes.Value)
	if !isValue {
		var err error
		v, err = plainObject(obj.(map[string]any), nil, "name", tftypes.NewValue(tftypes.String, obj.(map[string]any)["name"]))
		if _, hasName := obj.(map[string]any)["name"]; !hasName {
			v, err = anyToValueMap(obj.(map[string]any))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	server, _ := anyToValueMap(baseObjects[kea.KindServer])
	lists := map[string]tftypes.Value{}
	switch ok.kind.Name {
	case kea.KindServer:
		server = v
	default:
		lists[ok.kind.List] = tftypes.NewValue(tftypes.Tuple{ElementTypes: []tftypes.Type{v.Type()}}, []tftypes.Value{v})
		if ok.kind.Name != kea.KindSubnet {
			sub, _ := anyToValueMap(baseObjects[kea.KindSubnet])
			if ok.kind.Name == kea.KindPDPool {
				sub, _ = anyToValueMap(map[string]any{"server": "s1", "subnet_id": int64(1), "prefix": "2001:db8::/32"})
				server, _ = anyToValueMap(map[string]any{"name": "s1", "family": int64(6)})
			}
			lists["subnets"] = tftypes.NewValue(tftypes.Tuple{ElementTypes: []tftypes.Type{sub.Type()}}, []tftypes.Value{sub})
		}
	}
	return renderInputs(t, server, lists)
}

func anyToValueMap(m map[string]any) (tftypes.Value, error) {
	n := make(map[string]any, len(m))
	for k, v := range m {
		n[k] = normalize(v)
	}
	return anyToValue(n)
}
