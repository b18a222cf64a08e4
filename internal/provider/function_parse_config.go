package provider

import (
	"context"
	"fmt"
	"math/big"
	"reflect"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var _ function.Function = (*parseConfigFunction)(nil)

type parseConfigFunction struct{}

func newParseConfigFunction() function.Function { return &parseConfigFunction{} }

const parseConfigFunctionName = "parse_config"

// carriedType is one entry of the result's carried list.
var carriedType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"path": tftypes.String, "kind": tftypes.String, "id": tftypes.String, "key": tftypes.String}}

// parsedObjectType is a kind's object in the result: its attributes and
// its id, as the resource's import takes it.
func parsedObjectType(k *objectKind) tftypes.Object {
	t := objectType(k.attrs)
	t.AttributeTypes["id"] = tftypes.String
	return t
}

// parsedObjectsTF is the result's objects: a list per kind, the lists
// provider::kea::config takes.
var parsedObjectsTF = func() tftypes.Object {
	at := map[string]tftypes.Type{}
	for _, k := range objectKinds {
		at[k.kind.List] = tftypes.List{ElementType: parsedObjectType(k)}
	}
	return tftypes.Object{AttributeTypes: at}
}()

// parseConfigResultTF is the result's type: the server (or the D2 daemon,
// for a DhcpDdns document), the objects, the names of the secrets found
// and the keys kept in escape hatches.
var parseConfigResultTF = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
	"server":       parsedObjectType(serverKind),
	"d2_daemon":    parsedObjectType(d2DaemonKind),
	"objects":      parsedObjectsTF,
	"secret_names": tftypes.List{ElementType: tftypes.String},
	"carried":      tftypes.List{ElementType: carriedType},
	"warnings":     tftypes.List{ElementType: tftypes.String},
}}

var parseConfigResultType = attrTypeOf(parseConfigResultTF).(types.ObjectType).AttrTypes

// attrTypeOf is the framework type of a Terraform type.
func attrTypeOf(t tftypes.Type) attr.Type {
	switch tt := t.(type) {
	case tftypes.Object:
		at := make(map[string]attr.Type, len(tt.AttributeTypes))
		for n, e := range tt.AttributeTypes {
			at[n] = attrTypeOf(e)
		}
		return types.ObjectType{AttrTypes: at}
	case tftypes.List:
		return types.ListType{ElemType: attrTypeOf(tt.ElementType)}
	case tftypes.Map:
		return types.MapType{ElemType: attrTypeOf(tt.ElementType)}
	}
	switch {
	case t.Is(tftypes.Number):
		return types.NumberType
	case t.Is(tftypes.Bool):
		return types.BoolType
	}
	return types.StringType
}

func (f *parseConfigFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = parseConfigFunctionName
}

func (f *parseConfigFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Read an existing Kea DHCP configuration into the provider's objects",
		MarkdownDescription: "Reads a `kea-dhcp4.conf`, `kea-dhcp6.conf` or `kea-dhcp-ddns.conf` document (JSON with the comments Kea allows: `#`, `//`, `/* */`) " +
			"and returns its objects in the shapes the resources and `provider::kea::config` take: `server` (for a DHCP document) or `d2_daemon` " +
			"(for a DhcpDdns document; the other is null), and `objects`, a list per kind (" +
			inputList(kea.ListNames()) + "), each object with the `id` its resource's `import` accepts, so that " +
			"`provider::kea::config(p.server, p.objects)` renders the document again. Option data is named after its scope " +
			"and option (`subnet-10-routers`); an HA document's relationship is named `ha`, its peers are in `servers`, and its subnets belong to the relationship. " +
			"What the provider does not model is kept in the nearest object's `extra_json` (or `user_context`) and listed in `carried` " +
			"(`path`, `kind`, `id`, `key`), so nothing is dropped; `warnings` holds what was read but will render differently (a TSIG key no domain uses is left out). Secrets found (control socket and HA passwords, TSIG secrets) are not returned: objects name them " +
			"(`password_secret`, `secret_name`: a TSIG key's secret is named `tsig-<key name>`), and `secret_names` lists the names to give `provider::kea::config` in its `secrets` map; " +
			"the `kea_parsed_config` data source returns their values too, in a sensitive map. A DHCP document's `dhcp-ddns` map becomes a D2 daemon named `d2`, " +
			"the name a DhcpDdns document's daemon gets by default, so the two documents of one host read into one estate. " +
			"Where the document leaves a setting to Kea's default and the provider's default differs, the default is written out " +
			"(`valid_lifetime` 7200, `max_valid_lifetime` equal to it, `reservations_out_of_pool` false), so the estate renders what Kea ran with.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "document", MarkdownDescription: "The document's text, for example `file(\"kea-dhcp4.conf\")`."},
		},
		VariadicParameter: function.StringParameter{Name: "name", MarkdownDescription: parseNameDesc + " At most one."},
		Return:            function.ObjectReturn{AttributeTypes: parseConfigResultType},
	}
}

// Run serves the function where the framework calls it, through the one
// implementation, callParseConfig.
func (f *parseConfigFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var doc types.String
	var names []types.String
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &doc, &names))
	if resp.Error != nil {
		return
	}
	args := []attr.Value{doc}
	for _, n := range names {
		args = append(args, n)
	}
	runAsServer(ctx, resp, callParseConfig, parseConfigResultType, args...)
}

// callParseConfig parses the document argument (and the optional name)
// into the result object.
func callParseConfig(ctx context.Context, args []*tfprotov6.DynamicValue) *tfprotov6.CallFunctionResponse {
	if len(args) < 1 || len(args) > 2 {
		return funcErr("parse_config takes the document and, optionally, the server's name")
	}
	var strs []string
	for i, a := range args {
		v, err := a.Unmarshal(tftypes.String)
		if err != nil || v.IsNull() {
			return argErr(int64(i), "must be a string")
		}
		if !v.IsKnown() {
			return funcUnknown(ctx, parseConfigResultType)
		}
		var s string
		_ = v.As(&s)
		strs = append(strs, s)
	}
	name := ""
	if len(strs) == 2 {
		name = strs[1]
	}
	p, errText := parseDocument(ctx, []byte(strs[0]), name)
	if errText != "" {
		return argErr(0, errText)
	}
	v, err := parsedValue(p)
	if err != nil {
		return funcErr(err.Error())
	}
	return funcValue(ctx, parseConfigResultType, v)
}

// parseNameDesc describes the name argument of the function and the data
// source.
const parseNameDesc = "The server's or D2 daemon's name. Default: an HA document's `this-server-name`, else `kea` for a DHCP document and `d2` for a DhcpDdns document."

// parseDocument reads a document for the function and the data source,
// logging what it read; an error's text when the document cannot be read
// into an estate that renders.
func parseDocument(ctx context.Context, doc []byte, name string) (*kea.Parsed, string) {
	p, diags := kea.Parse(doc, name)
	if diags.HasErrors() {
		return nil, errorText(diags)
	}
	tflog.Debug(ctx, "parsed "+p.Doc.File, map[string]any{"target": p.TargetID, "carried": len(p.Carried), "secrets": len(p.Estate.Secrets)})
	for _, k := range kea.Kinds {
		if n := k.Len(p.Estate); n > 0 {
			tflog.Debug(ctx, "parsed objects", map[string]any{"kind": k.Name, "count": n})
		}
	}
	for _, c := range p.Carried {
		tflog.Debug(ctx, "kept in extra_json: "+c.Path, map[string]any{"kind": c.Kind, "id": c.ID})
	}
	for _, w := range p.Warnings {
		tflog.Warn(ctx, w)
	}
	return p, ""
}

// targetAttrs are the result's attributes for a document's target, by kind.
var targetAttrs = map[*objectKind]string{serverKind: "server", d2DaemonKind: "d2_daemon"}

// parsedValue is the parsed estate as the function's result.
func parsedValue(p *kea.Parsed) (tftypes.Value, error) {
	vals := map[string]tftypes.Value{
		"server":    tftypes.NewValue(parsedObjectType(serverKind), nil),
		"d2_daemon": tftypes.NewValue(parsedObjectType(d2DaemonKind), nil),
	}
	lists := map[string]tftypes.Value{}
	for _, k := range objectKinds {
		n := k.kind.Len(p.Estate)
		elems := make([]tftypes.Value, 0, n)
		for i := range n {
			ent := k.kind.At(p.Estate, i)
			v, err := entityValue(k, ent)
			if err != nil {
				return tftypes.Value{}, fmt.Errorf("%s[%d]: %w", k.kind.List, i, err)
			}
			if target, ok := targetAttrs[k]; ok && p.Doc.Target == k.kind.Name && i == 0 {
				vals[target] = v
				continue // the target is the result's server or d2_daemon; the lists hold the others
			}
			elems = append(elems, v)
		}
		lists[k.kind.List] = tftypes.NewValue(tftypes.List{ElementType: parsedObjectType(k)}, elems)
	}
	vals["objects"] = tftypes.NewValue(parsedObjectsTF, lists)
	names := make([]string, 0, len(p.Estate.Secrets))
	for n := range p.Estate.Secrets {
		names = append(names, n)
	}
	slices.Sort(names)
	sv := make([]tftypes.Value, len(names))
	for i, n := range names {
		sv[i] = tftypes.NewValue(tftypes.String, n)
	}
	vals["secret_names"] = tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, sv)
	cv := make([]tftypes.Value, len(p.Carried))
	for i, c := range p.Carried {
		cv[i] = tftypes.NewValue(carriedType, map[string]tftypes.Value{
			"path": tftypes.NewValue(tftypes.String, c.Path), "kind": tftypes.NewValue(tftypes.String, c.Kind),
			"id": tftypes.NewValue(tftypes.String, c.ID), "key": tftypes.NewValue(tftypes.String, c.Key),
		})
	}
	vals["carried"] = tftypes.NewValue(tftypes.List{ElementType: carriedType}, cv)
	wv := make([]tftypes.Value, len(p.Warnings))
	for i, w := range p.Warnings {
		wv[i] = tftypes.NewValue(tftypes.String, w)
	}
	vals["warnings"] = tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, wv)
	return tftypes.NewValue(parseConfigResultTF, vals), nil
}

// entityValue is one object of the estate as a value of its kind's type,
// with its id as the resource's import takes it.
func entityValue(k *objectKind, ent kea.Entity) (tftypes.Value, error) {
	v, err := structValue(reflect.ValueOf(ent).Elem(), k.attrs)
	if err != nil {
		return tftypes.Value{}, err
	}
	var vals map[string]tftypes.Value
	_ = v.As(&vals)
	vals["id"] = tftypes.NewValue(tftypes.String, ent.ID())
	return tftypes.NewValue(parsedObjectType(k), vals), nil
}

// structValue is a kea struct as a value of the object type of specs,
// read field by field through the attribute table; unset fields are null.
func structValue(v reflect.Value, specs []attrSpec) (tftypes.Value, error) {
	vals := make(map[string]tftypes.Value, len(specs))
	for _, s := range specs {
		f, ok := kea.Field(v, s.name)
		if !ok { // the table and the kea type disagree: TestObjectKindsMatchKea catches it
			return tftypes.Value{}, fmt.Errorf("no field %s in %s", s.name, v.Type())
		}
		fv, err := fieldValue(f, s)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", s.name, err)
		}
		vals[s.name] = fv
	}
	return tftypes.NewValue(objectType(specs), vals), nil
}

// fieldValue is one field of a kea struct as the attribute's value.
func fieldValue(f reflect.Value, s attrSpec) (tftypes.Value, error) {
	t := s.tfType()
	if (f.Kind() == reflect.Pointer || f.Kind() == reflect.Slice || f.Kind() == reflect.Map) && f.IsNil() {
		return tftypes.NewValue(t, nil), nil
	}
	if f.Kind() == reflect.Pointer {
		f = f.Elem()
	}
	switch {
	case s.t.isString():
		return tftypes.NewValue(t, f.String()), nil
	case s.t == tInt:
		return tftypes.NewValue(t, new(big.Float).SetInt64(f.Int())), nil
	case s.t == tFloat:
		return tftypes.NewValue(t, big.NewFloat(f.Float())), nil
	case s.t == tBool:
		return tftypes.NewValue(t, f.Bool()), nil
	case s.t.isStringList():
		elems := make([]tftypes.Value, f.Len())
		for i := range elems {
			elems[i] = tftypes.NewValue(tftypes.String, f.Index(i).String())
		}
		return tftypes.NewValue(t, elems), nil
	case s.t == tStringMap:
		elems := make(map[string]tftypes.Value, f.Len())
		for _, k := range f.MapKeys() {
			elems[k.String()] = tftypes.NewValue(tftypes.String, f.MapIndex(k).String())
		}
		return tftypes.NewValue(t, elems), nil
	case s.t == tObject:
		return structValue(f, s.nested)
	case s.t == tObjects:
		elems := make([]tftypes.Value, f.Len())
		for i := range elems {
			ev, err := structValue(f.Index(i), s.nested)
			if err != nil {
				return tftypes.Value{}, fmt.Errorf("[%d]: %w", i, err)
			}
			elems[i] = ev
		}
		return tftypes.NewValue(t, elems), nil
	}
	return tftypes.Value{}, fmt.Errorf("no value for kind %d", s.t)
}
