package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// tfValue is a Terraform value of the JSON value v (json.Number for
// numbers) as Terraform would pass it to a function; leaves may be
// tftypes values already, such as unknowns.
func tfValue(v any) tftypes.Value {
	tv, err := anyToValue(v)
	if err != nil {
		panic(err)
	}
	return tv
}

// outcome is what a function call gives: a document and findings, or an
// error, or an unknown result.
type outcome struct {
	configs  map[string]string
	sha256   string
	warnings []string
	err      string
	unknown  bool
}

// viaTFTypes is the reference: the function's check of the objects'
// attributes, then the tftypes decoder the data source uses, then the
// renderer.
func viaTFTypes(target tftypes.Value, objects map[string]tftypes.Value) outcome {
	for _, k := range slices.Sorted(maps.Keys(objects)) {
		if !slices.Contains(inputNames(), k) {
			return outcome{err: "objects has an unsupported attribute " + k + "; use " + strings.Join(inputNames(), ", ")}
		}
	}
	in := decodeEstate(target, objects)
	if len(in.errs) > 0 {
		return outcome{err: strings.Join(in.errs, "\n")}
	}
	if in.unknown {
		return outcome{unknown: true}
	}
	r, diags := in.render(context.Background())
	if diags.HasErrors() {
		return outcome{err: errorText(diags)}
	}
	o := outcome{configs: map[string]string{}, sha256: r.SHA256}
	for _, p := range documentParts(in.targetID(), r) {
		o.configs[p.Name] = string(p.Document)
	}
	for _, d := range diags {
		o.warnings = append(o.warnings, d.Error())
	}
	return o
}

// dynamicArgs encodes function arguments as Terraform encodes dynamic
// ones: msgpack of the [type, value] pair.
func dynamicArgs(tb testing.TB, vals ...tftypes.Value) []*tfprotov6.DynamicValue {
	tb.Helper()
	args := make([]*tfprotov6.DynamicValue, len(vals))
	for i, v := range vals {
		dv, err := tfprotov6.NewDynamicValue(tftypes.DynamicPseudoType, v)
		if err != nil {
			tb.Fatal(err)
		}
		args[i] = &dv
	}
	return args
}

// viaWire is the function's path: both arguments encoded as Terraform
// encodes dynamic arguments, then callConfig.
func viaWire(t *testing.T, target tftypes.Value, objects tftypes.Value) outcome {
	t.Helper()
	resp := callConfig(context.Background(), dynamicArgs(t, target, objects))
	if resp.Error != nil {
		return outcome{err: resp.Error.Text}
	}
	rt := objectTypeOf(configResultType)
	v, err := resp.Result.Unmarshal(rt)
	if err != nil {
		t.Fatal(err)
	}
	if !v.IsKnown() {
		return outcome{unknown: true}
	}
	var fields map[string]tftypes.Value
	var configs map[string]tftypes.Value
	var warnings []tftypes.Value
	o := outcome{configs: map[string]string{}}
	if err := v.As(&fields); err != nil {
		t.Fatal(err)
	}
	_ = fields["configs"].As(&configs)
	_ = fields["warnings"].As(&warnings)
	_ = fields["sha256"].As(&o.sha256)
	for k, c := range configs {
		var s string
		_ = c.As(&s)
		o.configs[k] = s
	}
	for _, w := range warnings {
		var s string
		_ = w.As(&s)
		o.warnings = append(o.warnings, s)
	}
	return o
}

func objectTypeOf(m map[string]attr.Type) tftypes.Object {
	typs := map[string]tftypes.Type{}
	for k, a := range m {
		typs[k] = a.TerraformType(context.Background())
	}
	return tftypes.Object{AttributeTypes: typs}
}

// callCase is one pair of function arguments in their JSON form.
type callCase struct {
	name    string
	target  any
	objects map[string]any
}

// fixtureCalls reads every golden and rejected estate of internal/kea as
// function arguments: the fixture's server or named target, else its
// first object of a target kind.
func fixtureCalls(t *testing.T) []callCase {
	t.Helper()
	var files []string
	for _, dir := range []string{"golden", "rejected"} {
		m, err := filepath.Glob(filepath.Join("..", "kea", "testdata", dir, "*.in.json"))
		if err != nil || len(m) == 0 {
			t.Fatalf("no fixtures in %s: %v", dir, err)
		}
		files = append(files, m...)
	}
	var out []callCase
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		c := callCase{name: filepath.Base(f), objects: map[string]any{}}
		ref, _ := m["target"].(string)
		kind, id, _ := strings.Cut(ref, "/")
		for k, v := range m {
			switch k {
			case "server":
				c.target = v
			case "target":
			default:
				c.objects[k] = v
			}
		}
		for _, tk := range targetKinds {
			if c.target != nil {
				break
			}
			list, _ := c.objects[tk.kind.List].([]any)
			for _, o := range list {
				if name, _ := o.(map[string]any)["name"].(string); (ref == "" || tk.kind.Name == kind && name == id) && c.target == nil {
					c.target = o
				}
			}
		}
		if c.target == nil {
			continue // a fixture of objects only (relay lookups)
		}
		out = append(out, c)
	}
	return out
}

// compareCall runs one case through both paths and reports a difference.
func compareCall(t *testing.T, c callCase) outcome {
	t.Helper()
	target := tfValue(c.target)
	lists := map[string]tftypes.Value{}
	for k, v := range c.objects {
		lists[k] = tfValue(v)
	}
	return compareValues(t, c.name, target, lists, tfValue(c.objects))
}

func compareValues(t *testing.T, name string, target tftypes.Value, lists map[string]tftypes.Value, objects tftypes.Value) outcome {
	t.Helper()
	want := viaTFTypes(target, lists)
	got := viaWire(t, target, objects)
	if got.err != want.err || got.unknown != want.unknown || got.sha256 != want.sha256 ||
		!slices.Equal(got.warnings, want.warnings) || fmt.Sprint(got.configs) != fmt.Sprint(want.configs) {
		t.Errorf("%s: the function's wire path and the tftypes decoder disagree\nwire:   %+v\ntftypes: %+v", name, got, want)
	}
	return got
}

// The function's wire reader gives what the tftypes decoder of the data
// source gives, on every golden and rejected estate, as they are and with
// every number and bool turned into a string (csvdecode rows).
func TestWire_MatchesTFTypesDecoder(t *testing.T) {
	calls := fixtureCalls(t)
	if len(calls) < 60 {
		t.Fatalf("only %d fixture calls", len(calls))
	}
	rendered, refused := 0, 0
	for _, c := range calls {
		o := compareCall(t, c)
		if o.err == "" {
			rendered++
		} else {
			refused++
		}
		s := callCase{name: c.name + " (strings)", target: c.target, objects: stringify(c.objects).(map[string]any)}
		compareCall(t, s)
	}
	if rendered < 20 || refused < 20 {
		t.Errorf("%d fixtures rendered and %d were refused: the comparison needs both", rendered, refused)
	}
}

// Malformed inputs: both paths give the same message, naming the object,
// index and attribute.
func TestWire_BadInputsMatch(t *testing.T) {
	server := map[string]any{"name": "office"}
	subnet := func(k string, v any) map[string]any {
		s := map[string]any{"server": "office", "subnet_id": json.Number("10"), "prefix": "192.0.2.0/24"}
		if k != "" {
			s[k] = v
		}
		return s
	}
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	cases := []struct {
		name    string
		objects map[string]any
		want    string
	}{
		{"id not a number", map[string]any{"subnets": []any{subnet("subnet_id", "ten")}}, `subnets[0].subnet_id: "ten" is not a number`},
		{"id fractional", map[string]any{"subnets": []any{subnet("subnet_id", json.Number("1.5"))}}, `subnets[0].subnet_id: 1.5 is not a whole number`},
		{"id too large", map[string]any{"subnets": []any{subnet("subnet_id", json.Number("1e30"))}}, `subnets[0].subnet_id: 1e+30 is out of range`},
		{"id a bool", map[string]any{"subnets": []any{subnet("subnet_id", true)}}, `subnets[0].subnet_id: must be a number, got a bool`},
		{"id a list", map[string]any{"subnets": []any{subnet("subnet_id", []any{})}}, `subnets[0].subnet_id: must be a number, got a list`},
		{"prefix a number", map[string]any{"subnets": []any{subnet("prefix", json.Number("7"))}}, `subnets[0].prefix: must be a string, got a number`},
		{"unsupported attribute", map[string]any{"subnets": []any{subnet("colour", "red")}}, `subnets[0]: unsupported attribute "colour"`},
		{"list of strings", map[string]any{"subnets": []any{"10"}}, `subnets[0]: must be an object, got a string`},
		{"list a string", map[string]any{"subnets": "all"}, `subnets: must be a list of kea_subnet objects, got a string`},
		{"strings with a number", map[string]any{"subnets": []any{subnet("relay_addresses", []any{"192.0.2.1", json.Number("3")})}}, `subnets[0].relay_addresses[1]: must be a string`},
		{"bool not a bool", map[string]any{"subnets": []any{subnet("reservations_only", "maybe")}}, `subnets[0].reservations_only: "maybe" is not a bool`},
		{"secrets a list", map[string]any{"secrets": []any{"x"}}, `secrets: must be a map of strings, got a list`},
		{"secret a number", map[string]any{"secrets": map[string]any{"x": json.Number("1")}}, `secrets.x: must be a string`},
		{"faults in kinds order", map[string]any{"pools": []any{map[string]any{"subnet": "office/10", "range": json.Number("1")}}, "subnets": []any{subnet("prefix", false)}},
			"subnets[0].prefix: must be a string, got a bool\npools[0].range: must be a string, got a number"},
		{"unknown attribute value", map[string]any{"subnets": []any{subnet("interface", unknown)}}, ""},
		{"unknown list element", map[string]any{"subnets": []any{subnet("relay_addresses", []any{unknown})}}, ""},
	}
	for _, c := range cases {
		o := compareCall(t, callCase{name: c.name, target: server, objects: c.objects})
		if c.want == "" {
			if !o.unknown {
				t.Errorf("%s: want an unknown result, got %+v", c.name, o)
			}
			continue
		}
		if !strings.Contains(o.err, c.want) {
			t.Errorf("%s: error %q does not contain %q", c.name, o.err, c.want)
		}
	}
}

// The arguments as a whole: faults of the objects argument name it.
func TestWire_ArgumentErrors(t *testing.T) {
	server := tfValue(map[string]any{"name": "office"})
	call := func(objects tftypes.Value) *tfprotov6.FunctionError {
		return callConfig(context.Background(), dynamicArgs(t, server, objects)).Error
	}
	for _, c := range []struct {
		objects tftypes.Value
		want    string
	}{
		{tfValue("subnets"), "objects must be a list of objects such as [kea_subnet.all, kea_pool.staff], or an object such as { objects = [...], secrets = var.secrets }"},
		{tfValue(map[string]any{"subnetz": []any{}}), "objects has an unsupported attribute subnetz; use " + strings.Join(inputNames(), ", ")},
	} {
		e := call(c.objects)
		if e == nil || e.Text != c.want || e.FunctionArgument == nil || *e.FunctionArgument != 1 {
			t.Errorf("objects %v: got %+v, want %q on argument 1", c.objects, e, c.want)
		}
	}
	if e := call(tftypes.NewValue(tftypes.DynamicPseudoType, nil)); e != nil {
		t.Errorf("null objects: %v", e.Text)
	}
	if e := callConfig(context.Background(), []*tfprotov6.DynamicValue{{MsgPack: []byte{0xc0}}, nil}).Error; e == nil || *e.FunctionArgument != 0 {
		t.Errorf("null target: got %+v, want an error on argument 0", e)
	}
	// A truncated stream is an error, not a panic.
	good, _ := tfprotov6.NewDynamicValue(tftypes.DynamicPseudoType, tfValue(map[string]any{"subnets": []any{map[string]any{"server": "office", "subnet_id": json.Number("1"), "prefix": "192.0.2.0/24"}}}))
	sv, _ := tfprotov6.NewDynamicValue(tftypes.DynamicPseudoType, server)
	for n := 1; n < len(good.MsgPack); n++ {
		cut := tfprotov6.DynamicValue{MsgPack: good.MsgPack[:n]}
		resp := callConfig(context.Background(), []*tfprotov6.DynamicValue{&sv, &cut})
		if resp.Error == nil {
			t.Errorf("the objects argument cut at %d of %d bytes gave no error", n, len(good.MsgPack))
		}
	}
}

// The server answers kea_config's validation itself only while the
// framework would find nothing to run; a validator or a deprecated
// attribute hands it back to the framework.
func TestValidatesConfig(t *testing.T) {
	if validatesConfig(newConfigDataSource()) {
		t.Fatal("kea_config has validation now: the server hands it to the framework, so the shortcut and its comment in provider_server.go can go")
	}
	if !validatesConfig(&withValidator{}) {
		t.Error("a data source with a validated attribute was not seen as validating")
	}
}

type withValidator struct{ configDataSource }

func (*withValidator) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{Attributes: map[string]dsschema.Attribute{
		"x": dsschema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
	}}
}

// The relay_targets function's wire path answers what the data source's
// tftypes path answers, for every subnet of every fixture.
func TestWire_RelayMatchesTFTypes(t *testing.T) {
	asked := 0
	for _, c := range fixtureCalls(t) {
		objects := map[string]any{}
		lists := map[string]tftypes.Value{}
		for _, name := range relayInputs() {
			if v, ok := c.objects[name]; ok {
				objects[name] = v
				lists[name] = tfValue(v)
			}
		}
		if _, ok := c.target.(map[string]any); ok && objects["servers"] == nil {
			objects["servers"] = []any{c.target}
			lists["servers"] = tfValue(objects["servers"])
		}
		subnets, _ := objects["subnets"].([]any)
		for _, s := range subnets {
			prefix, _ := s.(map[string]any)["prefix"].(string)
			if prefix == "" {
				continue
			}
			asked++
			res, unknown, errs, diags := relayQuery(prefix, nil, nil, lists)
			var want string
			switch {
			case unknown:
				want = "unknown"
			case len(errs) > 0:
				want = strings.Join(errs, "\n")
			case diags.HasErrors():
				want = errorText(diags)
			default:
				want = fmt.Sprint(res.Targets, res.Servers, res.Subnet, res.CiscoIOS, res.Junos, res.AristaEOS)
			}
			pv, err := tfprotov6.NewDynamicValue(tftypes.String, tftypes.NewValue(tftypes.String, prefix))
			if err != nil {
				t.Fatal(err)
			}
			resp := callRelayTargets(context.Background(), []*tfprotov6.DynamicValue{&pv, dynamicArgs(t, tfValue(objects))[0]})
			var got string
			if resp.Error != nil {
				got = resp.Error.Text
			} else {
				v, err := resp.Result.Unmarshal(objectTypeOf(relayResultTypes))
				if err != nil {
					t.Fatal(err)
				}
				var f map[string]tftypes.Value
				_ = v.As(&f)
				strs := func(name string) []string {
					var l []tftypes.Value
					_ = f[name].As(&l)
					out := make([]string, len(l))
					for i, e := range l {
						_ = e.As(&out[i])
					}
					return out
				}
				str := func(name string) string {
					var s string
					_ = f[name].As(&s)
					return s
				}
				got = fmt.Sprint(strs("targets"), strs("target_servers"), str("subnet"), str("cisco_ios"), str("junos"), str("arista_eos"))
			}
			if got != want {
				t.Errorf("%s, prefix %s: wire path %q, tftypes path %q", c.name, prefix, got, want)
			}
		}
	}
	if asked < 50 {
		t.Errorf("only %d relay lookups compared", asked)
	}
}
