package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// The inputs of the kea_config data source and of the config function's
// objects argument: one list per kind of kea.Kinds, named as it says, and
// the secrets.

// secretsSpec describes the secrets input: names to values.
var secretsSpec = field(kea.SecretsKey, tStringMap, "Secrets written into the document where objects name them "+
	"(`control_sockets[*].authentication.clients[*].password_secret`), name to value. Give them from sensitive variables: "+
	"the function's result is then sensitive too. Prefer files on the Kea host (`password_file`) where you can: the plan then shows the document's diff.")

const estateListNote = " Give whole resource objects (`values(kea_subnet.all)`, `[kea_subnet.lan]`) or plain objects with the same attributes " +
	"(`csvdecode(file(\"subnets.csv\"))`: strings are converted to numbers and booleans, and empty strings mean unset)."

// targetKinds are the resource kinds documents are rendered for, each
// with the data source input that takes it; a test checks them against
// the document kinds.
var targetKinds = []*objectKind{serverKind, d2DaemonKind, storkServerKind, storkAgentGroupKind}

// targetNames are the data source's target inputs: "server", "d2_daemon".
func targetNames() []string {
	out := make([]string, len(targetKinds))
	for i, k := range targetKinds {
		out[i] = k.targetInput
	}
	return out
}

// targetOf is the target kind a value of the function's first argument
// has: the one whose attributes it holds. A plain object that fits more
// than one (only a name) is a server, the first kind.
func targetOf(v tftypes.Value) *objectKind {
	var fields map[string]tftypes.Value
	if !v.IsKnown() || v.IsNull() || v.As(&fields) != nil {
		return targetKinds[0]
	}
	for _, k := range targetKinds {
		idx := specIndex(k.attrs)
		fits := true
		for name := range fields {
			if _, ok := idx[name]; !ok && name != "id" && !outputNames[name] {
				fits = false
				break
			}
		}
		if fits {
			return k
		}
	}
	return targetKinds[0]
}

// inputNames are the objects argument's attributes: every list and secrets.
func inputNames() []string { return configObjects.names() }

// inputList describes the inputs for docs and errors: "a, b and c".
func inputList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// decodedEstate is the outcome of reading the inputs.
type decodedEstate struct {
	estate  *kea.Estate
	target  kea.Target
	targets []kea.Target // several targets, rendered in one call, instead of target
	unknown bool         // some input is not known yet: the result is unknown
	errs    []string     // malformed input, each prefixed with where it is
	size    int          // bytes of Terraform's encoding it was read from, the document's likely size
}

// decodeEstate reads the target (one or several, as the function's
// target argument; none when target is a null of no type) and the lists
// (by name; missing or null lists are empty).
func decodeEstate(target tftypes.Value, lists map[string]tftypes.Value) decodedEstate {
	var out decodedEstate
	var d decoder
	e := &kea.Estate{}
	out.readTarget(&d, target)
	for _, k := range kea.Kinds {
		decodeList(&d, lists[k.List], objectKindOf(k), e)
	}
	if sv, ok := lists[kea.SecretsKey]; ok && sv.Type() != nil && !sv.IsNull() {
		if m, set := d.value(sv, &secretsSpec, kea.SecretsKey); set {
			e.Secrets = m.(map[string]string)
		}
	}
	out.estate = e
	out.unknown = len(d.unknown) > 0
	out.errs = d.errs
	return out
}

// readTarget reads the function's target argument: one target (of the
// kind whose attributes it has) or several.
func (in *decodedEstate) readTarget(d *decoder, v tftypes.Value) {
	vals, wheres, several := severalTargets(v)
	if !several {
		in.target = decodeTarget(d, targetOf(v), v)
		return
	}
	in.targets = make([]kea.Target, 0, len(vals))
	for i, v := range vals {
		if t := decodeTargetAt(d, targetOf(v), v, wheres[i]); t != nil {
			in.targets = append(in.targets, t)
		}
	}
}

// targetID is the one target's id, or "" for several.
func (in decodedEstate) targetID() string {
	if in.target == nil {
		return ""
	}
	return in.target.ID()
}

// severalTargets are the function's target argument's targets when it
// holds several: the elements of a list of them, or the values of a map
// of them (a for_each resource) in key order, each with where it is.
func severalTargets(v tftypes.Value) (vals []tftypes.Value, wheres []string, ok bool) {
	if !v.IsKnown() || v.IsNull() {
		return nil, nil, false
	}
	t := v.Type()
	switch {
	case t.Is(tftypes.List{}), t.Is(tftypes.Tuple{}), t.Is(tftypes.Set{}):
		_ = v.As(&vals)
		for i := range vals {
			wheres = append(wheres, fmt.Sprintf("target[%d]", i))
		}
		return vals, wheres, true
	case t.Is(tftypes.Object{}), t.Is(tftypes.Map{}):
		var fields map[string]tftypes.Value
		_ = v.As(&fields)
		if len(fields) == 0 {
			return nil, nil, false
		}
		for _, f := range fields {
			if ft := f.Type(); !ft.Is(tftypes.Object{}) && !ft.Is(tftypes.Map{}) {
				return nil, nil, false // an object: the target itself
			}
		}
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			vals = append(vals, fields[k])
			wheres = append(wheres, fmt.Sprintf("target[%q]", k))
		}
		return vals, wheres, true
	}
	return nil, nil, false
}

// decodeTarget reads the target object of kind tk, when target is not a
// null of no type.
func decodeTarget(d *decoder, tk *objectKind, target tftypes.Value) kea.Target {
	return decodeTargetAt(d, tk, target, tk.targetInput)
}

// decodeTargetAt is decodeTarget naming where the target is in faults.
func decodeTargetAt(d *decoder, tk *objectKind, target tftypes.Value, where string) kea.Target {
	if target.Type() == nil {
		return nil
	}
	sm := d.object(target, tk.attrs, where)
	if sm == nil {
		if len(d.unknown) == 0 && len(d.errs) == 0 {
			d.errs = append(d.errs, where+": a "+tk.kind.Name+" object is required")
		}
		return nil
	}
	raw, _ := json.Marshal(sm)
	t, err := tk.kind.Decode(raw)
	if err != nil {
		d.errf(where, "%v", err)
		return nil
	}
	return t.(kea.Target)
}

// decodeList decodes one list input (a list, or a map of objects such as a
// for_each resource) into the estate.
func decodeList(d *decoder, v tftypes.Value, k *objectKind, e *kea.Estate) {
	name := k.kind.List
	if v.Type() == nil || v.IsNull() {
		return
	}
	if !v.IsKnown() {
		d.unknown = append(d.unknown, name)
		return
	}
	var elems []tftypes.Value
	t := v.Type()
	switch {
	case t.Is(tftypes.List{}), t.Is(tftypes.Tuple{}), t.Is(tftypes.Set{}):
		_ = v.As(&elems)
	case t.Is(tftypes.Object{}), t.Is(tftypes.Map{}):
		// A map of objects, e.g. kea_subnet.all from for_each: take the
		// values in key order.
		var fields map[string]tftypes.Value
		_ = v.As(&fields)
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			elems = append(elems, fields[k])
		}
	default:
		d.errf(name, "must be a list of %s objects, got %s", k.kind.Name, typeName(t))
		return
	}
	ms := make([]map[string]any, 0, len(elems))
	for i, el := range elems {
		if m := d.object(el, k.attrs, fmt.Sprintf("%s[%d]", name, i)); m != nil {
			ms = append(ms, m)
		}
	}
	if err := k.kind.DecodeMaps(e, ms); err != nil { // the attribute table and the kea type disagree: a bug
		panic(fmt.Sprintf("decoded %s do not fit: %s%v", name, name, err))
	}
}

// render renders the target's document (the one path of the data source
// and the function) and logs, at DEBUG, what was rendered from how many
// objects of each list, and every finding.
func (in decodedEstate) render(ctx context.Context) (*kea.Rendered, kea.Diags) {
	var r *kea.Rendered
	var diags kea.Diags
	fields := map[string]any{}
	if in.targets != nil {
		r, diags = kea.RenderEach(in.estate, in.targets, in.size)
		ids := make([]string, len(in.targets))
		for i, t := range in.targets {
			ids[i] = t.ID()
		}
		fields["targets"] = ids
	} else {
		r, diags = kea.RenderSized(in.estate, in.target, in.size)
		fields["target"] = in.target.ID()
	}
	for _, k := range kea.Kinds {
		if n := k.Len(in.estate); n > 0 {
			fields[k.List] = n
		}
	}
	for _, d := range diags {
		tflog.Debug(ctx, "finding: "+d.Error(), map[string]any{"warning": d.Severity == kea.Warning})
	}
	if r == nil {
		tflog.Debug(ctx, "nothing rendered: the inputs have errors", fields)
		return nil, diags
	}
	fields["sha256"], fields["bytes"] = r.SHA256, len(r.Document)
	for _, p := range r.Parts {
		fields["bytes"] = fields["bytes"].(int) + len(p.Document)
	}
	tflog.Debug(ctx, "rendered "+r.Kind.File, fields)
	return r, diags
}

// diagPath is the input a finding of the renderer points at: the element
// of the list its object came from, or the target.
func diagPath(dg kea.Diag, target *objectKind) path.Path {
	if k := kea.KindNamed(dg.Kind); k != nil {
		if dg.Index >= 0 {
			return path.Root(k.List).AtListIndex(dg.Index)
		}
		if target != nil && k == target.kind {
			return path.Root(target.targetInput)
		}
		return path.Root(k.List)
	}
	return path.Empty()
}

// errorText lists error findings, one per line, each once.
func errorText(ds kea.Diags) string { return (*origins)(nil).faults(ds) }

// documentParts are a render's documents, named: a per-member kind's
// parts by member, in name order, or the one document by its target's
// name (id).
func documentParts(id string, r *kea.Rendered) []kea.Part {
	if !r.Each() {
		return []kea.Part{{Name: id, Document: r.Document, SHA256: r.SHA256}}
	}
	return slices.SortedFunc(slices.Values(r.Parts), func(a, b kea.Part) int { return strings.Compare(a.Name, b.Name) })
}
