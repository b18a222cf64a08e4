package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// objectKind is one Kea object kind as Terraform sees it: the kind in
// internal/kea (its rules, identity and import ids) and the attribute table
// that drives the resource schema, the decoders and the docs. Each resource
// file declares one; objectKinds in provider.go lists them.
type objectKind struct {
	kind *kea.Kind
	// version is the resource schema's version. Raise it with a state
	// upgrader in upgraders (keyed by the version it upgrades from)
	// whenever a change would not read older state as it is.
	version     int64
	upgraders   map[int64]resource.StateUpgrader
	description string
	idDesc      string
	attrs       []attrSpec
	// fill sets Optional+Computed attributes the configuration leaves
	// unset (only kea_dhcp_server uses it).
	fill func(s *settings, m map[string]any)
	// derive plans Optional+Computed attributes from the configuration
	// and the prior state (only kea_tsig_key uses it: its generated
	// secret).
	derive func(s *settings, config, prior, plan map[string]tftypes.Value) error
	// complete fills, at create and update, what derive left unknown.
	complete func(state map[string]tftypes.Value) error
	// targetInput is the kea_config input that takes an object of the
	// kind as the document's target ("server"), for target kinds.
	targetInput string
	// outputs are computed attributes derived from the object at plan,
	// beside id (kea_stork_server's url). Decoders skip them.
	outputs []output
}

// output is a computed attribute derived from the decoded object.
type output struct {
	name, desc string
	value      func(kea.Entity) string
}

// outputNames are every kind's outputs, which decoders skip like id.
var outputNames = map[string]bool{}

func init() {
	for _, k := range objectKinds {
		for _, o := range k.outputs {
			outputNames[o.name] = true
		}
	}
}

// typeName is the resource type without the provider prefix ("subnet").
func (k *objectKind) typeName() string { return strings.TrimPrefix(k.kind.Name, "kea_") }

// check validates one decoded object on its own and returns its id ("" while
// the identity attributes are not all set).
func (k *objectKind) check(m map[string]any) (string, kea.Diags) {
	id, _, diags := k.checked(m)
	return id, diags
}

// checked is check, also returning the decoded object.
func (k *objectKind) checked(m map[string]any) (string, kea.Entity, kea.Diags) {
	obj, err := k.kind.DecodeMap(dropUnknown(m).(map[string]any))
	if err != nil { // the attribute table and the kea type disagree: a bug
		panic(fmt.Sprintf("%s: decoded object does not fit: %v", k.kind.Name, err))
	}
	id, ok := obj.Identity()
	if !ok {
		id = ""
	}
	return id, obj, obj.Validate(-1)
}

// dropUnknown is a copy of v without its unknownValues (provider settings
// fill could not know yet), which read as unset.
func dropUnknown(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if _, ok := e.(unknownValue); !ok {
				out[k] = dropUnknown(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = dropUnknown(e)
		}
		return out
	}
	return v
}

// importAttrs reads an import id into the identity attributes it names.
func (k *objectKind) importAttrs(id string) (map[string]any, error) {
	obj, err := k.kind.ParseID(id)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	var all map[string]any
	if err := json.Unmarshal(raw, &all); err != nil {
		return nil, err
	}
	m := map[string]any{}
	for _, s := range k.attrs {
		if v := all[s.name]; s.replace && v != nil {
			m[s.name] = v
		}
	}
	return m, nil
}

// stateResource is a resource whose state lives in Terraform only, like
// random_* or tls_*: Read does nothing, Update copies the plan, Delete
// forgets. Its id derives from identity attributes at plan time.
type stateResource struct {
	k        *objectKind
	settings *settings
}

var (
	_ resource.ResourceWithConfigure      = (*stateResource)(nil)
	_ resource.ResourceWithValidateConfig = (*stateResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*stateResource)(nil)
	_ resource.ResourceWithImportState    = (*stateResource)(nil)
	_ resource.ResourceWithUpgradeState   = (*stateResource)(nil)
)

func (r *stateResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.k.typeName()
}

func (r *stateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Version:             r.k.version,
		MarkdownDescription: r.k.description,
		Attributes:          resourceAttributes(r.k.attrs, r.k.idDesc),
	}
	for _, o := range r.k.outputs {
		resp.Schema.Attributes[o.name] = schema.StringAttribute{Computed: true, MarkdownDescription: o.desc}
	}
}

func (r *stateResource) Configure(_ context.Context, req resource.ConfigureRequest, _ *resource.ConfigureResponse) {
	if s, ok := req.ProviderData.(*settings); ok {
		r.settings = s
	}
}

func (r *stateResource) current() *settings { return current(r.settings) }

// ValidateConfig runs the kind's single-object rules on the configuration.
// Attributes whose value is not known yet are skipped.
func (r *stateResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var d decoder
	m := d.object(req.Config.Raw, r.k.attrs, "")
	if len(d.errs) > 0 || m == nil {
		addDecodeErrors(&resp.Diagnostics, d.errs)
		return
	}
	_, diags := r.k.check(m)
	// Findings on paths wait for the provider's directories (plan), and
	// those on a value the schema's validator refuses are its to report.
	diags = filterDiags(diags, func(dg kea.Diag) bool {
		return !dg.DependsOnDirectories && !constraintOf(r.k.attrs, m, dg.Attr)
	})
	addKeaDiags(&resp.Diagnostics, r.k.kind, diags, d.unknown)
}

func filterDiags(ds kea.Diags, keep func(kea.Diag) bool) kea.Diags {
	var out kea.Diags
	for _, d := range ds {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

// ModifyPlan derives the id and fills provider defaults.
func (r *stateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if open, attr := r.current().gate(r.k.kind.Feature); !open {
		resp.Diagnostics.AddError("Feature not enabled", gateMessage(r.k.kind, attr))
		return
	}
	var d decoder
	m := d.object(req.Config.Raw, r.k.attrs, "")
	if len(d.errs) > 0 || m == nil {
		return
	}
	var fields map[string]tftypes.Value
	if err := req.Plan.Raw.As(&fields); err != nil {
		resp.Diagnostics.AddError("Unexpected plan value", err.Error())
		return
	}
	if r.k.fill != nil {
		r.k.fill(r.current(), m)
		for _, s := range r.k.attrs {
			if !s.optComputed {
				continue
			}
			v, err := encodeValue(m[s.name], s)
			if err != nil {
				resp.Diagnostics.AddError("Unexpected plan value", err.Error())
				return
			}
			if configKnown(req.Config.Raw, s.name) {
				fields[s.name] = v
			}
		}
	}
	if r.k.derive != nil {
		var cfg, prior map[string]tftypes.Value
		_ = req.Config.Raw.As(&cfg)
		if !req.State.Raw.IsNull() {
			_ = req.State.Raw.As(&prior)
		}
		if err := r.k.derive(r.current(), cfg, prior, fields); err != nil {
			resp.Diagnostics.AddError("Cannot plan "+r.k.kind.Name, err.Error())
			return
		}
	}
	for _, s := range r.k.attrs {
		if _, set := m[s.name]; !set || s.feature == "" {
			continue
		}
		if open, attr := r.current().gate(s.feature); !open {
			resp.Diagnostics.AddAttributeError(path.Root(s.name), "Feature not enabled", fmt.Sprintf("%s belongs to the %s feature, and the provider's %s is false; set %s = true in the provider \"kea\" block to use it", s.name, s.feature, attr, attr))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	id, obj, diags := r.k.checked(m)
	for _, o := range r.k.outputs {
		if len(d.unknown) > 0 {
			fields[o.name] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
		} else {
			fields[o.name] = tftypes.NewValue(tftypes.String, o.value(obj))
		}
	}
	if !r.current().dirsUnknown() { // else the paths are checked once the directories are known
		addKeaDiags(&resp.Diagnostics, r.k.kind, filterDiags(diags, func(dg kea.Diag) bool { return dg.DependsOnDirectories }), d.unknown)
	}
	known := id != "" && !hasUnknownIdentity(d.unknown, r.k.attrs)
	if known {
		fields["id"] = tftypes.NewValue(tftypes.String, id)
	} else {
		fields["id"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	}
	resp.Plan.Raw = tftypes.NewValue(req.Plan.Raw.Type(), fields)
	resp.RequiresReplace = append(resp.RequiresReplace, r.replaced(req.State.Raw, fields, known)...)
	tflog.Debug(ctx, "planned "+r.k.kind.Name, map[string]any{"id": id})
}

// replaced says which attributes force a replacement: the id, when the
// planned id differs from the one in state; while the planned id is not
// known, every identity attribute whose value may change.
func (r *stateResource) replaced(state tftypes.Value, plan map[string]tftypes.Value, idKnown bool) path.Paths {
	var old map[string]tftypes.Value
	if state.IsNull() || state.As(&old) != nil {
		return nil
	}
	if idKnown {
		if !old["id"].Equal(plan["id"]) {
			return path.Paths{path.Root("id")}
		}
		return nil
	}
	var out path.Paths
	for _, s := range r.k.attrs {
		if s.replace && !old[s.name].Equal(plan[s.name]) {
			out = append(out, path.Root(s.name))
		}
	}
	return out
}

func configKnown(cfg tftypes.Value, name string) bool {
	var fields map[string]tftypes.Value
	if cfg.As(&fields) != nil {
		return false
	}
	v, ok := fields[name]
	return ok && v.IsFullyKnown()
}

func hasUnknownIdentity(unknown []string, specs []attrSpec) bool {
	for _, u := range unknown {
		root := strings.SplitN(u, ".", 2)[0]
		root = strings.SplitN(root, "[", 2)[0]
		for _, s := range specs {
			if s.name == root && s.replace {
				return true
			}
		}
	}
	return false
}

// UpgradeState returns the kind's state upgraders (none yet: every
// resource is at schema version 0).
func (r *stateResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return r.k.upgraders
}

func (r *stateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = r.completed(req.Plan.Raw, &resp.Diagnostics)
}

// completed is the planned object with what was left unknown at plan
// filled in (only kea_tsig_key leaves anything: a secret drawn now).
func (r *stateResource) completed(plan tftypes.Value, diags *diag.Diagnostics) tftypes.Value {
	if r.k.complete == nil {
		return plan
	}
	var fields map[string]tftypes.Value
	if err := plan.As(&fields); err != nil {
		diags.AddError("Unexpected plan value", err.Error())
		return plan
	}
	if err := r.k.complete(fields); err != nil {
		diags.AddError("Cannot complete "+r.k.kind.Name, err.Error())
		return plan
	}
	return tftypes.NewValue(plan.Type(), fields)
}

// Read has nothing to refresh: the object exists only in Terraform state.
func (r *stateResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *stateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = r.completed(req.Plan.Raw, &resp.Diagnostics)
}

// Delete has nothing to remove; the framework drops the state.
func (r *stateResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// ImportState accepts the documented id, which restores the identity
// attributes, or a JSON object of all attributes (e.g. jsonencode() of
// the same object the configuration holds), which restores everything.
func (r *stateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var m map[string]any
	if strings.HasPrefix(strings.TrimSpace(req.ID), "{") {
		v, err := jsonToValue(req.ID)
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id", "The import id starts with { but is not a JSON object: "+err.Error())
			return
		}
		var d decoder
		m = d.object(v, r.k.attrs, "")
		if len(d.errs) > 0 {
			addDecodeErrors(&resp.Diagnostics, d.errs)
			return
		}
	} else {
		var err error
		m, err = r.k.importAttrs(req.ID)
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id", err.Error())
			return
		}
	}
	if r.k.fill != nil {
		r.k.fill(r.current().known(), m)
	}
	id, obj, diags := r.k.checked(m)
	if diags.HasErrors() && id == "" {
		addKeaDiags(&resp.Diagnostics, r.k.kind, diags, nil)
		return
	}
	outs := map[string]string{}
	for _, o := range r.k.outputs {
		outs[o.name] = o.value(obj)
	}
	v, err := encode(m, r.k.attrs, id, outs)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.State = tfsdk.State{Schema: resp.State.Schema, Raw: v}
}

// addKeaDiags reports kea findings on their attributes, leaving out those
// about attributes whose value is not known yet.
func addKeaDiags(diags *diag.Diagnostics, k *kea.Kind, ds kea.Diags, unknown []string) {
	for _, d := range ds {
		if d.Attr != "" && isUnknownAttr(k, d.Attr, unknown) {
			continue
		}
		p := attrPath(d.Attr)
		summary := "Invalid " + d.Kind
		if d.Attr != "" {
			summary += " " + d.Attr
		}
		if d.Severity == kea.Warning {
			diags.AddAttributeWarning(p, summary, d.Error())
		} else {
			diags.AddAttributeError(p, summary, d.Error())
		}
	}
}

func rootAttr(a string) string {
	return strings.SplitN(strings.SplitN(a, ".", 2)[0], "[", 2)[0]
}

// isUnknownAttr reports whether a finding on attr waits for a value that is
// not known yet: its own, or that of an attribute the kind ties to it.
func isUnknownAttr(k *kea.Kind, attr string, unknown []string) bool {
	root := rootAttr(attr)
	for _, u := range unknown {
		ur := rootAttr(u)
		if ur == root {
			return true
		}
		for _, g := range k.Tied {
			if slices.Contains(g, ur) && slices.Contains(g, root) {
				return true
			}
		}
	}
	return false
}

func addDecodeErrors(diags *diag.Diagnostics, errs []string) {
	for _, e := range errs {
		diags.AddError("Invalid object", e)
	}
}

var (
	pathStep = regexp.MustCompile(`^([a-z0-9_]+)((?:\[\d+\])*)$`)
	indexRe  = regexp.MustCompile(`\d+`)
)

// attrStep is one step of a finding's attribute path: an attribute name
// and the list indexes after it ("clients[0]").
type attrStep struct {
	name    string
	indexes []int
}

// attrSteps reads an attribute path such as "control_sockets[0].port",
// up to the first part that is not one.
func attrSteps(a string) []attrStep {
	var out []attrStep
	if a == "" {
		return nil
	}
	for _, part := range strings.Split(a, ".") {
		m := pathStep.FindStringSubmatch(part)
		if m == nil {
			break
		}
		st := attrStep{name: m[1]}
		for _, idx := range indexRe.FindAllString(m[2], -1) {
			i, _ := strconv.Atoi(idx)
			st.indexes = append(st.indexes, i)
		}
		out = append(out, st)
	}
	return out
}

// attrPath turns "control_sockets[0].socket_name" into a framework path.
func attrPath(a string) path.Path {
	p := path.Empty()
	for _, st := range attrSteps(a) {
		p = p.AtName(st.name)
		for _, i := range st.indexes {
			p = p.AtListIndex(i)
		}
	}
	return p
}

// jsonToValue reads plain JSON into a Terraform value with the types the
// JSON suggests: objects, tuples, strings, numbers and bools.
func jsonToValue(s string) (tftypes.Value, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return tftypes.Value{}, err
	}
	if _, ok := v.(map[string]any); !ok {
		return tftypes.Value{}, fmt.Errorf("not an object")
	}
	return anyToValue(v)
}

func anyToValue(v any) (tftypes.Value, error) {
	switch t := v.(type) {
	case nil:
		return tftypes.NewValue(tftypes.String, nil), nil
	case string:
		return tftypes.NewValue(tftypes.String, t), nil
	case bool:
		return tftypes.NewValue(tftypes.Bool, t), nil
	case json.Number:
		f, _, err := big.ParseFloat(t.String(), 10, 256, big.ToNearestEven)
		if err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(tftypes.Number, f), nil
	case []any:
		elems := make([]tftypes.Value, len(t))
		types := make([]tftypes.Type, len(t))
		for i, e := range t {
			ev, err := anyToValue(e)
			if err != nil {
				return tftypes.Value{}, err
			}
			elems[i], types[i] = ev, ev.Type()
		}
		return tftypes.NewValue(tftypes.Tuple{ElementTypes: types}, elems), nil
	case map[string]any:
		vals := make(map[string]tftypes.Value, len(t))
		types := make(map[string]tftypes.Type, len(t))
		for k, e := range t {
			ev, err := anyToValue(e)
			if err != nil {
				return tftypes.Value{}, err
			}
			vals[k], types[k] = ev, ev.Type()
		}
		return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, vals), nil
	case tftypes.Value: // converted already (tests put unknowns in)
		return t, nil
	}
	return tftypes.Value{}, fmt.Errorf("unexpected JSON value %v", v)
}
