package provider

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-nettypes/cidrtypes"
	"github.com/hashicorp/terraform-plugin-framework-nettypes/hwtypes"
	"github.com/hashicorp/terraform-plugin-framework-nettypes/iptypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// One attribute table per object kind is the single source of truth: the
// resource schema, the decoder that reads the same object from a data
// source or function argument (whole resource objects or plain HCL objects)
// and the generated docs all come from it.

type kind int

const (
	tString kind = iota
	tInt
	tFloat
	tBool
	tStrings
	tJSON
	tIPv4
	tIPv4s
	tPrefix4
	tPrefix  // an IPv4 or IPv6 prefix
	tPrefix6 // an IPv6 prefix
	tIPs     // a list of IPv4 or IPv6 addresses
	tIPv6s   // a list of IPv6 addresses
	tPrefix6s
	tMAC
	tObject
	tObjects
	tStringMap
)

// isString is true for the kinds whose value is one string.
func (k kind) isString() bool {
	switch k {
	case tString, tJSON, tIPv4, tPrefix4, tPrefix, tPrefix6, tMAC:
		return true
	}
	return false
}

// isScalar is true for the kinds whose value is one string, number or bool.
func (k kind) isScalar() bool { return k.isString() || k == tInt || k == tFloat || k == tBool }

// isStringList is true for the kinds whose value is a list of strings.
func (k kind) isStringList() bool {
	switch k {
	case tStrings, tIPv4s, tIPs, tIPv6s, tPrefix6s:
		return true
	}
	return false
}

type attrSpec struct {
	name        string
	t           kind
	desc        string
	required    bool
	optComputed bool // optional; when unset the provider fills it at plan
	replace     bool // part of the object's identity: a change that changes the id replaces the object
	sensitive   bool // a secret: hidden in plan output
	nested      []attrSpec
	allowed     constraint
	feature     kea.Feature // the provider feature gate the attribute needs, if any
	deprecated  string      // why the attribute is deprecated and what to set instead; Terraform warns where it is set
}

// constraint is what a single attribute may hold, on its own: allowed
// values, a range, a length. The resource schema enforces it with a
// framework validator, so Terraform reports a bad value on the attribute;
// plain objects given to the data source and functions meet the same rule
// in internal/kea, where the values come from.
type constraint struct {
	oneOf    []string // allowed strings (each element's, for a list)
	ints     []int64  // allowed whole numbers
	min, max *int64   // whole-number range, inclusive
	fraction bool     // a real number from 0 to 1
	maxBytes int      // longest string, in bytes
}

func (a attrSpec) in(vals ...string) attrSpec  { a.allowed.oneOf = vals; return a }
func (a attrSpec) ints(vals ...int64) attrSpec { a.allowed.ints = vals; return a }
func (a attrSpec) between(min, max int64) attrSpec {
	a.allowed.min, a.allowed.max = &min, &max
	return a
}
func (a attrSpec) fraction() attrSpec         { a.allowed.fraction = true; return a }
func (a attrSpec) atMostBytes(n int) attrSpec { a.allowed.maxBytes = n; return a }

// violated reports whether a decoded value breaks the constraint (and so
// was already reported by the schema's validator).
func (c constraint) violated(v any) bool {
	switch x := v.(type) {
	case string:
		return c.oneOf != nil && !slices.Contains(c.oneOf, x) || c.maxBytes > 0 && len(x) > c.maxBytes
	case int64:
		return c.ints != nil && !slices.Contains(c.ints, x) || c.min != nil && x < *c.min || c.max != nil && x > *c.max
	case float64:
		return c.fraction && (x < 0 || x > 1)
	case []string:
		for _, e := range x {
			if c.violated(e) {
				return true
			}
		}
	}
	return false
}

func (c constraint) stringValidators() []validator.String {
	var out []validator.String
	if c.oneOf != nil {
		out = append(out, stringvalidator.OneOf(c.oneOf...))
	}
	if c.maxBytes > 0 {
		out = append(out, stringvalidator.LengthAtMost(c.maxBytes))
	}
	return out
}

func (c constraint) int64Validators() []validator.Int64 {
	var out []validator.Int64
	if c.ints != nil {
		out = append(out, int64validator.OneOf(c.ints...))
	}
	if c.min != nil {
		out = append(out, int64validator.Between(*c.min, *c.max))
	}
	return out
}

func (c constraint) float64Validators() []validator.Float64 {
	if c.fraction {
		return []validator.Float64{float64validator.Between(0, 1)}
	}
	return nil
}

func (c constraint) listValidators() []validator.List {
	if sv := c.stringValidators(); len(sv) > 0 {
		return []validator.List{listvalidator.ValueStringsAre(sv...)}
	}
	return nil
}

// constraintOf finds the attribute a kea finding names (e.g.
// "control_sockets[0].port") in the table and its value in the decoded
// object, and tells whether the value breaks the attribute's constraint.
func constraintOf(specs []attrSpec, m map[string]any, attr string) bool {
	var v any = m
	var spec *attrSpec
	steps := attrSteps(attr)
	if len(steps) == 0 || len(steps) != strings.Count(attr, ".")+1 {
		return false
	}
	for _, step := range steps {
		obj, ok := v.(map[string]any)
		if !ok {
			return false
		}
		spec = specIndex(specs)[step.name]
		if spec == nil {
			return false
		}
		specs, v = spec.nested, obj[step.name]
		for _, i := range step.indexes {
			switch l := v.(type) {
			case []any:
				if i >= len(l) {
					return false
				}
				v = l[i]
			case []string:
				if i >= len(l) {
					return false
				}
				v = l[i]
			default:
				return false
			}
		}
	}
	return spec != nil && spec.allowed.violated(v)
}

func field(name string, t kind, desc string) attrSpec { return attrSpec{name: name, t: t, desc: desc} }

func (a attrSpec) req() attrSpec             { a.required = true; return a }
func (a attrSpec) identity() attrSpec        { a.replace = true; return a }
func (a attrSpec) filled() attrSpec          { a.optComputed = true; return a }
func (a attrSpec) secret() attrSpec          { a.sensitive = true; return a }
func (a attrSpec) ddns() attrSpec            { a.feature = kea.FeatureDDNS; return a }
func (a attrSpec) stork() attrSpec           { a.feature = kea.FeatureStork; return a }
func (a attrSpec) also(more string) attrSpec { a.desc += " " + more; return a }

// deprecate marks a string attribute deprecated (the schema kinds the
// table uses carry the message only for strings so far).
func (a attrSpec) deprecate(why string) attrSpec {
	if a.t != tString {
		panic("deprecate: " + a.name + " is not a string attribute")
	}
	a.deprecated = why
	return a.also("**Deprecated:** " + why)
}
func nestedAttr(name string, t kind, desc string, n ...attrSpec) attrSpec {
	return attrSpec{name: name, t: t, desc: desc, nested: n}
}

// tfType is the attribute's Terraform type.
func (a attrSpec) tfType() tftypes.Type {
	switch {
	case a.t.isStringList():
		return tftypes.List{ElementType: tftypes.String}
	}
	switch a.t {
	case tInt, tFloat:
		return tftypes.Number
	case tBool:
		return tftypes.Bool
	case tStringMap:
		return tftypes.Map{ElementType: tftypes.String}
	case tObject:
		return objectType(a.nested)
	case tObjects:
		return tftypes.List{ElementType: objectType(a.nested)}
	}
	return tftypes.String
}

func objectType(specs []attrSpec) tftypes.Object {
	at := make(map[string]tftypes.Type, len(specs))
	for _, s := range specs {
		at[s.name] = s.tfType()
	}
	return tftypes.Object{AttributeTypes: at}
}

// resourceAttributes builds a resource schema from the table, plus the
// computed id.
func resourceAttributes(specs []attrSpec, idDesc string) map[string]schema.Attribute {
	m := nestedResourceAttributes(specs)
	m["id"] = schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: idDesc,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	return m
}

func nestedResourceAttributes(specs []attrSpec) map[string]schema.Attribute {
	m := make(map[string]schema.Attribute, len(specs))
	for _, s := range specs {
		m[s.name] = s.resourceAttribute()
	}
	return m
}

func (a attrSpec) resourceAttribute() schema.Attribute {
	opt := !a.required
	comp := a.optComputed
	desc := a.desc
	// Identity attributes carry no RequiresReplace of their own: the
	// resource replaces the object when its id changes (ModifyPlan), so
	// writing a pool's range as start and end, or importing it by its id,
	// is an update in place.
	if a.replace {
		desc += " Part of the object's id: a change that gives the object another id replaces it."
	}
	switch a.t {
	case tString, tJSON:
		return schema.StringAttribute{Required: a.required, Optional: opt, Computed: comp, Sensitive: a.sensitive, MarkdownDescription: desc, Validators: a.allowed.stringValidators(), DeprecationMessage: a.deprecated}
	case tStringMap:
		return schema.MapAttribute{ElementType: types.StringType, Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	case tIPv4:
		return schema.StringAttribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, CustomType: iptypes.IPv4AddressType{}}
	case tPrefix:
		return schema.StringAttribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, CustomType: cidrtypes.IPPrefixType{}}
	case tPrefix6:
		return schema.StringAttribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, CustomType: cidrtypes.IPv6PrefixType{}}
	case tIPs:
		return schema.ListAttribute{ElementType: iptypes.IPAddressType{}, Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	case tIPv6s:
		return schema.ListAttribute{ElementType: iptypes.IPv6AddressType{}, Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	case tPrefix6s:
		return schema.ListAttribute{ElementType: cidrtypes.IPv6PrefixType{}, Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	case tPrefix4:
		return schema.StringAttribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, CustomType: cidrtypes.IPv4PrefixType{}}
	case tMAC:
		return schema.StringAttribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, CustomType: hwtypes.MACAddressType{}}
	case tInt:
		return schema.Int64Attribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, Validators: a.allowed.int64Validators()}
	case tFloat:
		return schema.Float64Attribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, Validators: a.allowed.float64Validators()}
	case tBool:
		return schema.BoolAttribute{Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	case tStrings:
		return schema.ListAttribute{ElementType: types.StringType, Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc, Validators: a.allowed.listValidators()}
	case tIPv4s:
		return schema.ListAttribute{ElementType: iptypes.IPv4AddressType{}, Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	case tObject:
		return schema.SingleNestedAttribute{Attributes: nestedResourceAttributes(a.nested), Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	case tObjects:
		return schema.ListNestedAttribute{NestedObject: schema.NestedAttributeObject{Attributes: nestedResourceAttributes(a.nested)}, Required: a.required, Optional: opt, Computed: comp, MarkdownDescription: desc}
	}
	panic("unknown attribute kind")
}

// decoder turns a Terraform value of an object kind into the JSON form the
// internal/kea types read. It accepts whole resource objects (with id and
// nulls) and plain HCL objects or maps of the same shape, including rows of
// csvdecode(), whose values are all strings: numbers and booleans are
// converted, and empty strings in optional attributes mean "not set".
type decoder struct {
	unknown []string // attribute paths whose value is not known yet
	errs    []string
}

func (d *decoder) errf(where, format string, args ...any) {
	d.errs = append(d.errs, where+": "+fmt.Sprintf(format, args...))
}

// at is where a value sits, for messages: a path, a list index, an
// attribute, joined only when a message needs them ("reservations[7].hw_address").
// The wire reader passes one per value of a large estate, where joining
// them eagerly was most of its garbage.
type at struct {
	path  string
	index int    // -1: not a list element
	key   string // with keyed: the map element's key, after index
	keyed bool
	attr  string
}

// atPath is the place a whole path names.
func atPath(p string) at { return at{path: p, index: -1} }

func (a at) String() string {
	s := a.path
	if a.index >= 0 {
		s = fmt.Sprintf("%s[%d]", s, a.index)
	}
	if a.keyed {
		s = fmt.Sprintf("%s[%q]", s, a.key)
	}
	if a.attr != "" {
		s = join(s, a.attr)
	}
	return s
}

// elem is element i of the list at a.
func (a at) elem(i int) at {
	if a.index < 0 && !a.keyed && a.attr == "" {
		return at{path: a.path, index: i}
	}
	return at{path: a.String(), index: i}
}

// member is the element of the map at a with key k.
func (a at) member(k string) at {
	if !a.keyed && a.attr == "" {
		return at{path: a.path, index: a.index, key: k, keyed: true}
	}
	return at{path: a.String(), index: -1, key: k, keyed: true}
}

// child is attribute name of the object at a.
func (a at) child(name string) at {
	if a.attr == "" {
		return at{path: a.path, index: a.index, key: a.key, keyed: a.keyed, attr: name}
	}
	return at{path: a.String(), index: -1, attr: name}
}

func join(where, name string) string {
	if where == "" {
		return name
	}
	return where + "." + name
}

// object decodes an object or map value against specs.
func (d *decoder) object(v tftypes.Value, specs []attrSpec, where string) map[string]any {
	if !v.IsKnown() {
		d.unknown = append(d.unknown, where)
		return nil
	}
	if v.IsNull() {
		return nil
	}
	var fields map[string]tftypes.Value
	if !(v.Type().Is(tftypes.Object{}) || v.Type().Is(tftypes.Map{})) || v.As(&fields) != nil {
		d.errf(where, "must be an object, got %s", typeName(v.Type()))
		return nil
	}
	out := make(map[string]any, len(fields))
	byName := specIndex(specs)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fv := fields[k]
		s, ok := byName[k]
		if !ok {
			if k == "id" || outputNames[k] { // resource objects carry their computed id and outputs
				continue
			}
			d.errf(where, "unsupported attribute %q (accepted: %s)", k, specNames(specs))
			continue
		}
		if val, set := d.value(fv, s, join(where, k)); set {
			out[k] = val
		}
	}
	return out
}

var specIndexes sync.Map // *attrSpec (first of a table) -> map[string]*attrSpec

// specIndex maps attribute names to their specs; the tables are package
// variables, so the index is built once per table.
func specIndex(specs []attrSpec) map[string]*attrSpec {
	if len(specs) == 0 {
		return nil
	}
	if m, ok := specIndexes.Load(&specs[0]); ok {
		return m.(map[string]*attrSpec)
	}
	m := make(map[string]*attrSpec, len(specs))
	for i := range specs {
		m[specs[i].name] = &specs[i]
	}
	specIndexes.Store(&specs[0], m)
	return m
}

func specNames(specs []attrSpec) string {
	n := make([]string, len(specs))
	for i, s := range specs {
		n[i] = s.name
	}
	return strings.Join(n, ", ")
}

func typeName(t tftypes.Type) string {
	switch {
	case t.Is(tftypes.String):
		return "a string"
	case t.Is(tftypes.Number):
		return "a number"
	case t.Is(tftypes.Bool):
		return "a bool"
	case t.Is(tftypes.List{}), t.Is(tftypes.Tuple{}), t.Is(tftypes.Set{}):
		return "a list"
	case t.Is(tftypes.Object{}), t.Is(tftypes.Map{}):
		return "an object"
	}
	return t.String()
}

// value decodes one attribute; set is false for null, unknown and (in
// optional attributes) empty strings.
func (d *decoder) value(v tftypes.Value, s *attrSpec, where string) (any, bool) {
	if !v.IsKnown() {
		d.unknown = append(d.unknown, where)
		return nil, false
	}
	if v.IsNull() {
		return nil, false
	}
	t := v.Type()
	switch {
	case s.t.isScalar():
		var sc scalar
		switch {
		case t.Is(tftypes.String):
			sc.k = wString
			_ = v.As(&sc.s)
		case t.Is(tftypes.Number):
			sc.k = wNumber
			_ = v.As(&sc.big)
		case t.Is(tftypes.Bool):
			sc.k = wBool
			_ = v.As(&sc.b)
		default:
			sc.k = wOther
			sc.s = typeName(t)
		}
		return d.scalar(sc, s, atPath(where))
	case s.t.isStringList():
		elems, ok := d.list(v, where)
		if !ok {
			return nil, false
		}
		out := make([]string, 0, len(elems))
		for i, e := range elems {
			ew := fmt.Sprintf("%s[%d]", where, i)
			if !e.IsKnown() {
				d.unknown = append(d.unknown, where)
				return nil, false
			}
			if e.IsNull() || !e.Type().Is(tftypes.String) {
				d.errf(ew, "must be a string")
				continue
			}
			var str string
			_ = e.As(&str)
			out = append(out, str)
		}
		return out, true
	case s.t == tStringMap:
		var fields map[string]tftypes.Value
		if !(t.Is(tftypes.Map{}) || t.Is(tftypes.Object{})) || v.As(&fields) != nil {
			d.errf(where, "must be a map of strings, got %s", typeName(t))
			return nil, false
		}
		out := make(map[string]string, len(fields))
		for k, e := range fields {
			if !e.IsKnown() {
				d.unknown = append(d.unknown, where)
				return nil, false
			}
			if e.IsNull() || !e.Type().Is(tftypes.String) {
				d.errf(where+"."+k, "must be a string")
				continue
			}
			var str string
			_ = e.As(&str)
			out[k] = str
		}
		return out, true
	case s.t == tObject:
		o := d.object(v, s.nested, where)
		return o, o != nil
	case s.t == tObjects:
		elems, ok := d.list(v, where)
		if !ok {
			return nil, false
		}
		out := make([]any, 0, len(elems))
		for i, e := range elems {
			o := d.object(e, s.nested, fmt.Sprintf("%s[%d]", where, i))
			if o == nil {
				o = map[string]any{}
			}
			out = append(out, o)
		}
		return out, true
	}
	return nil, false
}

func (d *decoder) list(v tftypes.Value, where string) ([]tftypes.Value, bool) {
	var elems []tftypes.Value
	t := v.Type()
	if !(t.Is(tftypes.List{}) || t.Is(tftypes.Tuple{}) || t.Is(tftypes.Set{})) || v.As(&elems) != nil {
		d.errf(where, "must be a list, got %s", typeName(t))
		return nil, false
	}
	return elems, true
}

// encode turns a decoded (JSON-form) object back into a Terraform value of
// the kind's object type; used for import. Missing attributes are null.
func encode(m map[string]any, specs []attrSpec, withID string, outputs map[string]string) (tftypes.Value, error) {
	ot := objectType(specs)
	vals := make(map[string]tftypes.Value, len(specs)+1)
	for _, s := range specs {
		v, err := encodeValue(m[s.name], s)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", s.name, err)
		}
		vals[s.name] = v
	}
	if withID != "" || m != nil {
		ot.AttributeTypes["id"] = tftypes.String
		vals["id"] = tftypes.NewValue(tftypes.String, withID)
	}
	for name, v := range outputs {
		ot.AttributeTypes[name] = tftypes.String
		vals[name] = tftypes.NewValue(tftypes.String, v)
	}
	return tftypes.NewValue(ot, vals), nil
}

func encodeValue(v any, s attrSpec) (tftypes.Value, error) {
	t := s.tfType()
	if v == nil {
		return tftypes.NewValue(t, nil), nil
	}
	if _, ok := v.(unknownValue); ok {
		return tftypes.NewValue(t, tftypes.UnknownValue), nil
	}
	switch {
	case s.t == tInt || s.t == tFloat:
		switch n := v.(type) {
		case int64:
			return tftypes.NewValue(t, new(big.Float).SetInt64(n)), nil
		case float64:
			return tftypes.NewValue(t, big.NewFloat(n)), nil
		}
	case s.t == tBool:
		if b, ok := v.(bool); ok {
			return tftypes.NewValue(t, b), nil
		}
	case s.t.isStringList():
		if l, ok := v.([]string); ok {
			elems := make([]tftypes.Value, len(l))
			for i, e := range l {
				elems[i] = tftypes.NewValue(tftypes.String, e)
			}
			return tftypes.NewValue(t, elems), nil
		}
	case s.t == tStringMap:
		if m, ok := v.(map[string]string); ok {
			elems := make(map[string]tftypes.Value, len(m))
			for k, e := range m {
				elems[k] = tftypes.NewValue(tftypes.String, e)
			}
			return tftypes.NewValue(t, elems), nil
		}
		if m, ok := v.(map[string]any); ok { // from a JSON import id
			elems := make(map[string]tftypes.Value, len(m))
			for k, e := range m {
				str, _ := e.(string)
				elems[k] = tftypes.NewValue(tftypes.String, str)
			}
			return tftypes.NewValue(t, elems), nil
		}
	case s.t == tObject:
		if o, ok := v.(map[string]any); ok {
			return encodeNested(o, s.nested)
		}
	case s.t == tObjects:
		if l, ok := v.([]any); ok {
			elems := make([]tftypes.Value, len(l))
			for i, e := range l {
				o, _ := e.(map[string]any)
				ev, err := encodeNested(o, s.nested)
				if err != nil {
					return tftypes.Value{}, err
				}
				elems[i] = ev
			}
			return tftypes.NewValue(t, elems), nil
		}
	default:
		if str, ok := v.(string); ok {
			return tftypes.NewValue(t, str), nil
		}
	}
	return tftypes.Value{}, fmt.Errorf("unexpected value %v", v)
}

func encodeNested(m map[string]any, specs []attrSpec) (tftypes.Value, error) {
	vals := make(map[string]tftypes.Value, len(specs))
	for _, s := range specs {
		v, err := encodeValue(m[s.name], s)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", s.name, err)
		}
		vals[s.name] = v
	}
	return tftypes.NewValue(objectType(specs), vals), nil
}
