package kea

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// KindOptionData is the option data's Terraform type.
const KindOptionData = "kea_option_data"

// OptionData is a kea_option_data: one option value, named so that servers,
// subnets, pools, classes and reservations can refer to it.
type OptionData struct {
	Name       string   `json:"name"`
	Option     *string  `json:"option"`
	Code       *int64   `json:"code"`
	Space      *string  `json:"space"`
	Data       *string  `json:"data"`
	Values     []string `json:"values"`
	CSVFormat  *bool    `json:"csv_format"`
	AlwaysSend *bool    `json:"always_send"`
	NeverSend  *bool    `json:"never_send"`
	// Delivery is standard (default), option43 or vivso; the latter two
	// need VendorSpace.
	Delivery    *string `json:"delivery"`
	VendorSpace *string `json:"vendor_space"`
	// ClientClasses tag the option: it is sent only to clients in one of
	// these classes.
	ClientClasses []string `json:"client_classes"`
	Context
}

// ID is the option data's identity: its name.
func (o *OptionData) ID() string { return o.Name }

// Identity is the id once the name is set.
func (o *OptionData) Identity() (string, bool) { return o.Name, o.Name != "" }

// ParseOptionDataID reads an option data's import id: its name.
func ParseOptionDataID(id string) (*OptionData, error) { return &OptionData{Name: id}, nil }

func (o *OptionData) space() string { return o.spaceIn(fam4) }

// spaceIn is the option's space in a document of family f: its vendor
// space, its space, or the family's standard space.
func (o *OptionData) spaceIn(f *family) string {
	if o.VendorSpace != nil {
		return *o.VendorSpace
	}
	if o.Space == nil || *o.Space == "" {
		return f.space
	}
	return *o.Space
}

func (o *OptionData) delivery() string {
	if o.Delivery == nil || *o.Delivery == "" {
		return "standard"
	}
	return *o.Delivery
}

func (o *OptionData) csv() bool { return o.CSVFormat == nil || *o.CSVFormat }

// Validate checks the option data on its own: everything that does not need
// a user definition. Values are checked against the standard catalogue here
// when the option is standard, and against user definitions at render time.
func (o *OptionData) Validate(index int) Diags { return o.validate(index, nil) }

// validate checks the option data for a document of family f; with f nil
// (the object alone, family unknown) values are checked only where the
// option's family is plain: an explicit space, or a name only one
// family's catalogue has.
func (o *OptionData) validate(index int, f *family) Diags {
	var out Diags
	r := reporter{kind: KindOptionData, id: o.ID(), index: index, out: &out}
	if o.Name == "" {
		r.errf("name", "is required")
	}
	o.Context.check(r)
	if (o.Option == nil || *o.Option == "") && o.Code == nil {
		r.errf("option", "set option (the Kea option name) or code")
	}
	if f == nil && o.Space == nil && o.Option != nil {
		_, in4 := stdIndex4.byName[spaceKey{SpaceDHCP4, *o.Option}]
		_, in6 := stdIndex6.byName[spaceKey{SpaceDHCP6, *o.Option}]
		if in4 != in6 {
			f = map[bool]*family{true: fam4, false: fam6}[in4]
		}
	} else if f == nil && o.Space != nil {
		switch *o.Space {
		case SpaceDHCP4:
			f = fam4
		case SpaceDHCP6:
			f = fam6
		}
	}
	if o.Code != nil && (*o.Code < 1 || *o.Code > 65535 || (f == fam4 || o.VendorSpace != nil) && *o.Code > 254) {
		r.errf("code", "%d is out of range: DHCPv4 option codes are 1 to 254, DHCPv6 1 to 65535", *o.Code)
	}
	if o.Data != nil && o.Values != nil {
		r.errf("values", "set either data or values, not both")
	}
	if !o.csv() && o.Values != nil {
		r.errf("values", "values are written as text; with csv_format = false give the raw bytes as hex in data")
	}
	if o.AlwaysSend != nil && *o.AlwaysSend && o.NeverSend != nil && *o.NeverSend {
		r.errf("never_send", "always_send and never_send cannot both be true")
	}
	if !spaceNameRe.MatchString(o.space()) {
		r.errf("space", "%q is not a valid option space name", o.space())
	}
	switch o.delivery() {
	case "standard":
		if o.VendorSpace != nil {
			r.errf("vendor_space", "is set, so the option is a vendor sub-option: set delivery to option43 or vivso")
		}
	case "option43", "vivso":
		if o.VendorSpace == nil {
			r.errf("vendor_space", "delivery %s carries a vendor's sub-options: set vendor_space", o.delivery())
		}
		if o.Space != nil {
			r.errf("space", "the delivery picks the space of a vendor sub-option; leave space unset")
		}
	default:
		r.errf("delivery", "%q: use standard, option43 or vivso", o.delivery())
	}
	if f != nil && o.VendorSpace == nil {
		if space := o.spaceIn(f); space == f.space {
			def, err := f.std.resolve(space, o.Option, o.Code)
			switch {
			case err != nil:
				r.errf("code", "%v", err)
			case def != nil && space == SpaceDHCP4 && def.Code == 43:
				// Option 43 may be redefined (OptionDef.redefines43): its
				// value is checked at render, against the document's definition.
			case def != nil:
				checkOptionValue(r, o, def)
			}
		}
	}
	if f == fam6 && o.delivery() != "standard" {
		r.errf("delivery", "%s is a DHCPv4 delivery; DHCPv6 vendor options (option 17) are not modelled yet", o.delivery())
	}
	return out
}

// optionTokens splits option data the way Kea does with csv-format on:
// on commas not escaped with a backslash, each token trimmed.
func optionTokens(data string) []string {
	var toks []string
	var cur strings.Builder
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\\' && i+1 < len(data) && data[i+1] == ',' {
			cur.WriteByte(',')
			i++
			continue
		}
		if c == ',' {
			toks = append(toks, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		cur.WriteByte(c)
	}
	toks = append(toks, strings.TrimSpace(cur.String()))
	return toks
}

// renderData is the "data" string Kea gets: data as given, or values
// joined with ", " (commas inside a value escaped). With a definition,
// address-typed values given in CIDR form (as IPAM systems hand them out,
// e.g. "192.0.2.1/24") are reduced to the address.
func (o *OptionData) renderData(def *optionDef) (string, bool) {
	if o.Values != nil {
		vals := o.typedValues(def)
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = strings.ReplaceAll(v, ",", `\,`)
		}
		return strings.Join(parts, ", "), len(vals) > 0
	}
	if o.Data != nil {
		return *o.Data, true
	}
	return "", false
}

// typedValues returns values with address-typed positions reduced to the
// address when written as address/length.
func (o *OptionData) typedValues(def *optionDef) []string {
	if def == nil {
		return o.Values
	}
	out := make([]string, len(o.Values))
	for i, v := range o.Values {
		out[i] = v
		t := def.fieldType(i)
		if (t == TypeIPv4Address || t == TypeIPv6Address) && strings.Contains(v, "/") {
			if p, err := netip.ParsePrefix(strings.TrimSpace(v)); err == nil {
				out[i] = p.Addr().String()
			}
		}
	}
	return out
}

// fieldType is the type of the i-th value: the option's type, or for a
// record the i-th field's (the last one repeating in a record array).
func (d *optionDef) fieldType(i int) OptionType {
	if d.Type != TypeRecord || len(d.RecordTypes) == 0 {
		return d.Type
	}
	if i < len(d.RecordTypes) {
		return d.RecordTypes[i]
	}
	return d.RecordTypes[len(d.RecordTypes)-1]
}

// checkOptionValue validates the option's value against its definition.
func checkOptionValue(r reporter, o *OptionData, def *optionDef) {
	data, has := o.renderData(def)
	attr := "data"
	if o.Values != nil {
		attr = "values"
	}
	label := fmt.Sprintf("option %s.%s (code %d, %s%s)", def.Space, def.Name, def.Code, def.Type, map[bool]string{true: " array", false: ""}[def.Array])
	if def.Type == TypeEmpty {
		if has && strings.TrimSpace(data) != "" {
			r.errf(attr, "%s carries no data (it is a container or a flag); remove the value", label)
		}
		return
	}
	if !o.csv() {
		if has && data != "" {
			if _, _, err := normalizeHex(data); err != nil {
				r.errf("data", "with csv_format = false the data is raw bytes in hex: %v", err)
			}
		}
		return
	}
	if def.Type == TypeInternal {
		return
	}
	if !has || strings.TrimSpace(data) == "" {
		r.errf(attr, "%s needs a value", label)
		return
	}
	var toks []string
	if o.Values != nil {
		toks = o.typedValues(def)
	} else {
		toks = optionTokens(data)
	}
	types := []OptionType{def.Type}
	if def.Type == TypeRecord {
		types = def.RecordTypes
	}
	switch {
	case def.Type == TypeRecord && !def.Array && len(toks) != len(types):
		r.errf(attr, "%s is a record of %d fields (%s); got %d value(s)", label, len(types), joinTypes(types), len(toks))
		return
	case def.Type == TypeRecord && def.Array && len(toks) < len(types):
		r.errf(attr, "%s is a record of at least %d fields (%s); got %d value(s)", label, len(types), joinTypes(types), len(toks))
		return
	case def.Type != TypeRecord && !def.Array && len(toks) > 1:
		r.errf(attr, "%s takes a single value, got %d; escape a literal comma as \\,", label, len(toks))
		return
	}
	for i, tok := range toks {
		t := def.fieldType(i)
		if err := checkTypedValue(t, tok); err != nil {
			pos := ""
			switch {
			case def.Type == TypeRecord:
				pos = fmt.Sprintf(" field %d (%s)", i+1, t)
			case len(toks) > 1:
				pos = fmt.Sprintf(" value %d", i+1)
			}
			r.errf(attr, "%s%s: %v", label, pos, err)
		}
	}
}

var intRanges = map[OptionType][2]int64{
	TypeUint8: {0, 255}, TypeUint16: {0, 65535}, TypeUint32: {0, 4294967295},
	TypeInt8: {-128, 127}, TypeInt16: {-32768, 32767}, TypeInt32: {-2147483648, 2147483647},
}

// checkTypedValue validates one csv token against an option type.
func checkTypedValue(t OptionType, v string) error {
	switch t {
	case TypeIPv4Address:
		_, err := parseIPv4(v)
		return err
	case TypeIPv6Address:
		a, err := netip.ParseAddr(v)
		if err != nil || !a.Is6() || a.Is4In6() {
			return fmt.Errorf("%q is not an IPv6 address", v)
		}
	case TypeIPv6Prefix:
		p, err := netip.ParsePrefix(v)
		if err != nil || !p.Addr().Is6() {
			return fmt.Errorf("%q is not an IPv6 prefix", v)
		}
		if p.Masked() != p {
			return fmt.Errorf("%q has bits set after the prefix length", v)
		}
	case TypeBoolean:
		switch strings.ToLower(v) {
		case "true", "false", "0", "1":
		default:
			return fmt.Errorf("%q is not a boolean: use true, false, 1 or 0", v)
		}
	case TypeUint8, TypeUint16, TypeUint32, TypeInt8, TypeInt16, TypeInt32:
		rng := intRanges[t]
		var n int64
		var err error
		if strings.HasPrefix(v, "0x") || strings.HasPrefix(v, "0X") {
			var u uint64
			u, err = strconv.ParseUint(v[2:], 16, 64)
			n = int64(u)
			if u > 1<<40 {
				n = rng[1] + 1
			}
		} else {
			n, err = strconv.ParseInt(v, 10, 64)
		}
		if err != nil {
			return fmt.Errorf("%q is not an integer", v)
		}
		if n < rng[0] || n > rng[1] {
			return fmt.Errorf("%s must be between %d and %d for %s", v, rng[0], rng[1], t)
		}
	case TypeFQDN:
		return validHostname(v)
	case TypeString:
		if v == "" {
			return fmt.Errorf("must not be empty")
		}
	case TypeBinary:
		if _, _, err := normalizeHex(v); err != nil {
			return fmt.Errorf("binary data is hex: %v", err)
		}
	case TypePSID:
		// psid/psid-length, the PSID fitting in its length (Kea: "invalid
		// PSID value 256 for a specified PSID length 8").
		a, b, ok := strings.Cut(v, "/")
		if !ok {
			return fmt.Errorf("%q is not a PSID: write psid/length, e.g. 0x0100/16", v)
		}
		a = strings.TrimSpace(a)
		base := 10
		if strings.HasPrefix(a, "0x") || strings.HasPrefix(a, "0X") {
			a, base = a[2:], 16
		}
		psid, err := strconv.ParseUint(a, base, 16)
		if err != nil {
			return fmt.Errorf("%q is not a PSID: the PSID is a 16-bit number", v)
		}
		n, err := strconv.ParseUint(strings.TrimSpace(b), 10, 8)
		if err != nil || n > 16 {
			return fmt.Errorf("%q is not a PSID: the length must be 0 to 16", v)
		}
		if n < 16 && psid >= 1<<n {
			return fmt.Errorf("%q: PSID %d does not fit in %d bits", v, psid, n)
		}
	}
	return nil
}

// multiInstance are the options a scope may carry more than once, one per
// vendor: V-I vendor class and vendor-specific information.
var multiInstance = map[spaceCode]bool{
	{SpaceDHCP4, 124}: true, {SpaceDHCP4, 125}: true,
	{SpaceDHCP6, 16}: true, {SpaceDHCP6, 17}: true,
}

// warnUnsent warns about option data in a space that no option of the
// document encapsulates: Kea accepts it and never sends it.
func (rd *renderer) warnUnsent() {
	carried := map[string]bool{rd.fam.space: true}
	for _, d := range rd.defs.byName {
		if d.Encapsulate != "" {
			carried[d.Encapsulate] = true
		}
	}
	for _, v := range rd.vendors {
		carried[v.Name] = true // delivered in option 43
		if v.EnterpriseID != nil {
			carried["vendor-"+itoa(*v.EnterpriseID)] = true // option 125 / 17
		}
	}
	for _, space := range slices.Sorted(maps.Keys(rd.usedSpaces)) {
		if carried[space] {
			continue
		}
		for _, idx := range slices.Compact(slices.Sorted(slices.Values(rd.usedSpaces[space]))) {
			o := &rd.e.OptionData[idx]
			rd.rep(KindOptionData, o.Name, idx).warnf("space", "no option in this document encapsulates space %q, so Kea never sends this option: define the option that carries the space (kea_option_definition with encapsulate = %q) or send it in the standard space", space, space)
		}
	}
}

// indexOptionData indexes option data by name, reporting duplicates.
func (rd *renderer) indexOptionData() {
	rd.optionData = make(map[string]int, len(rd.e.OptionData))
	for i := range rd.e.OptionData {
		o := &rd.e.OptionData[i]
		if j, dup := rd.optionData[o.Name]; dup {
			rd.rep(KindOptionData, o.Name, i).errf("name", "is used by another option data object too (%s); names identify option data and must be unique", row(KindOptionData, j))
			continue
		}
		rd.optionData[o.Name] = i
	}
}

type renderedOption struct {
	space string
	code  int64
	name  string
	obj   *Object
}

// defUse is a user definition rendered into one option space.
type defUse struct {
	def   *optionDef
	space string
}

// optionList resolves option data references and renders them, with the
// containers vendor sub-options need, sorted by space and code. Outside
// classes it records the option 43 vendor for the global definition.
func (rd *renderer) optionList(r reporter, attr string, refs []string) []any {
	opts, v43 := rd.scopeOptions(r, attr, refs)
	if v43 != nil {
		rd.global43[v43.Name] = v43
	}
	return opts
}

// scopeOptions renders one scope's option data and returns the vendor whose
// sub-options its option 43 carries, if any.
func (rd *renderer) scopeOptions(r reporter, attr string, refs []string) ([]any, *VendorOptionSpace) {
	if len(refs) == 0 {
		return nil, nil
	}
	var opts []renderedOption
	delivered := map[string]*VendorOptionSpace{}
	for i, ref := range refs {
		idx, ok := rd.optionData[ref]
		if !ok {
			r.errf(fmt.Sprintf("%s[%d]", attr, i), "refers to option data %q, which was not passed in", ref)
			continue
		}
		o := &rd.e.OptionData[idx]
		def := rd.checkOption(o, idx)
		if def == nil {
			continue
		}
		rd.useClasses(rd.rep(KindOptionData, o.Name, idx), "client_classes", o.ClientClasses)
		space := def.Space
		if o.VendorSpace != nil {
			v, s, ok := rd.vendorSpaceOf(rd.rep(KindOptionData, o.Name, idx), o)
			if !ok {
				continue
			}
			space = s
			delivered[deliveredKey(o.delivery(), v)] = v
		}
		if !def.Standard {
			rd.usedDefs[defUse{def, space}] = true
		}
		for _, prev := range opts {
			if prev.space == space && prev.code == def.Code && !multiInstance[spaceCode{space, def.Code}] {
				r.errf(fmt.Sprintf("%s[%d]", attr, i), "%q sends option %s.%s (code %d) again at this scope, after %q; Kea accepts both and clients see two copies: send each option once per scope", o.Name, space, def.Name, def.Code, prev.name)
			}
		}
		rd.usedSpaces[space] = append(rd.usedSpaces[space], idx)
		opts = append(opts, renderedOption{space: space, code: def.Code, name: o.Name, obj: renderOption(o, def, space)})
	}
	opts, v43 := vendorContainers(r, attr, opts, delivered)
	sort.SliceStable(opts, func(a, b int) bool {
		if opts[a].space != opts[b].space {
			return opts[a].space < opts[b].space
		}
		if opts[a].code != opts[b].code {
			return opts[a].code < opts[b].code
		}
		return opts[a].name < opts[b].name
	})
	out := make([]any, len(opts))
	for i := range opts {
		out[i] = opts[i].obj
	}
	return out, v43
}

// checkOption validates option data against its definition (once per
// object) and returns the definition, or nil on error.
func (rd *renderer) checkOption(o *OptionData, idx int) *optionDef {
	def, err := rd.defs.resolve(o.spaceIn(rd.fam), o.Option, o.Code)
	first := !rd.usedOptions[o.Name]
	rd.usedOptions[o.Name] = true
	if !first {
		return def
	}
	r := rd.rep(KindOptionData, o.Name, idx)
	ds := o.validate(idx, rd.fam)
	rd.diags = append(rd.diags, ds...)
	if ds.HasErrors() {
		return nil
	}
	if err != nil {
		r.errf("code", "%v", err)
		return nil
	}
	if def == nil && rd.refersToBadDef(o) {
		return nil // the definition's own error says what is wrong
	}
	if def == nil {
		what := ""
		if o.Option != nil {
			what = fmt.Sprintf("%q", *o.Option)
		} else {
			what = fmt.Sprintf("code %d", *o.Code)
		}
		space := o.spaceIn(rd.fam)
		if o.Option != nil {
			if near := rd.defs.nearNames(space, *o.Option); len(near) > 0 {
				r.errf("option", "option %s has no definition in space %s; did you mean %s? (a site option needs a %s with space = %q)", what, space, strings.Join(near, ", "), KindOptionDef, space)
				return nil
			}
		}
		r.errf("option", "option %s has no definition in space %s: it is not a standard option; pass a %s for it (with space = %q)", what, space, KindOptionDef, space)
		return nil
	}
	if !def.Standard {
		checkOptionValue(r, o, def)
	}
	return def
}

// refersToBadDef reports whether the option names a user definition that
// was rejected.
func (rd *renderer) refersToBadDef(o *OptionData) bool {
	if o.Option != nil && rd.badDefs[spaceKey{o.spaceIn(rd.fam), *o.Option}] {
		return true
	}
	return o.Code != nil && rd.badDefs[spaceKey{o.spaceIn(rd.fam), "#" + itoa(*o.Code)}]
}

func renderOption(o *OptionData, def *optionDef, space string) *Object {
	obj := &Object{}
	obj.Set("name", def.Name)
	obj.Set("code", def.Code)
	obj.Set("space", space)
	if !o.csv() {
		obj.Set("csv-format", false)
	}
	if data, has := o.renderData(def); has {
		obj.Set("data", data)
	}
	if boolv(o.AlwaysSend, false) {
		obj.Set("always-send", true)
	}
	if boolv(o.NeverSend, false) {
		obj.Set("never-send", true)
	}
	if len(o.ClientClasses) > 0 {
		obj.Set("client-classes", o.ClientClasses)
	}
	o.Context.render(obj)
	return obj
}
