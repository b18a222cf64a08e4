package kea

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
)

// SpaceDHCP4 is the standard DHCPv4 option space.
const SpaceDHCP4 = "dhcp4"

// optionDef is a resolved option definition: standard or user-supplied.
type optionDef struct {
	Name        string
	Code        int64
	Space       string
	Type        OptionType
	Array       bool
	RecordTypes []OptionType
	Encapsulate string
	Standard    bool
	user        *OptionDef // set for user definitions
	userIndex   int
}

type spaceKey struct {
	space string
	name  string
}

type spaceCode struct {
	space string
	code  int64
}

// defIndex resolves option names and codes in a space.
type defIndex struct {
	byName map[spaceKey]*optionDef
	byCode map[spaceCode]*optionDef
}

var stdIndex4 = func() *defIndex {
	ix := &defIndex{byName: map[spaceKey]*optionDef{}, byCode: map[spaceCode]*optionDef{}}
	ix.addStd(SpaceDHCP4, stdDHCP4Options)
	ix.addStd("dhcp-agent-options-space", stdDHCP4AgentOptions)
	ix.addStd("cablelabs-client-conf", stdDHCP4CableLabsOptions)
	return ix
}()

func (ix *defIndex) addStd(space string, defs []StdOptionDef) {
	for _, d := range defs {
		od := &optionDef{Name: d.Name, Code: int64(d.Code), Space: space, Type: d.Type, Array: d.Array,
			RecordTypes: d.RecordTypes, Encapsulate: d.Encapsulate, Standard: true}
		ix.byName[spaceKey{space, d.Name}] = od
		ix.byCode[spaceCode{space, od.Code}] = od
	}
}

// clone copies the index so user definitions can be added.
func (ix *defIndex) clone() *defIndex {
	n := &defIndex{byName: make(map[spaceKey]*optionDef, len(ix.byName)), byCode: make(map[spaceCode]*optionDef, len(ix.byCode))}
	for k, v := range ix.byName {
		n.byName[k] = v
	}
	for k, v := range ix.byCode {
		n.byCode[k] = v
	}
	return n
}

// StandardOption4 looks up a standard DHCPv4 option by name.
func StandardOption4(name string) (StdOptionDef, bool) {
	d, ok := stdIndex4.byName[spaceKey{SpaceDHCP4, name}]
	if !ok {
		return StdOptionDef{}, false
	}
	return StdOptionDef{Name: d.Name, Code: uint32(d.Code), Type: d.Type, Array: d.Array, RecordTypes: d.RecordTypes, Encapsulate: d.Encapsulate}, true
}

var (
	optionNameRe = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$`)
	spaceNameRe  = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$`)
)

func isUserType(t string) bool {
	for _, u := range UserOptionTypes {
		if string(u) == t {
			return true
		}
	}
	return false
}

// ID is the option definition's identity: "<space>/<code>".
// A vendor sub-option's is "vendor:<vendor space>/<code>".
func (d *OptionDef) ID() string {
	if d.VendorSpace != nil {
		return "vendor:" + *d.VendorSpace + "/" + itoa(d.Code)
	}
	return d.space() + "/" + itoa(d.Code)
}

func (d *OptionDef) space() string {
	if d.VendorSpace != nil {
		return *d.VendorSpace
	}
	if d.Space == nil || *d.Space == "" {
		return SpaceDHCP4
	}
	return *d.Space
}

// Validate checks one option definition on its own.
func (d *OptionDef) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindOptionDef, id: d.ID(), index: index, out: &out}
	if d.Name == "" {
		r.errf("name", "is required")
	} else if !optionNameRe.MatchString(d.Name) {
		r.errf("name", "%q is not a valid option name: use letters, digits, hyphens and underscores, starting and ending with a letter or digit", d.Name)
	}
	space := d.space()
	if d.VendorSpace != nil && d.Space != nil {
		r.errf("vendor_space", "set space or vendor_space, not both: a vendor's sub-options live in the space the delivery picks")
	}
	if !spaceNameRe.MatchString(space) {
		r.errf("space", "%q is not a valid option space name", space)
	}
	if space == SpaceDHCP6 {
		if d.Code < 1 || d.Code > 65535 {
			r.errf("code", "%d is out of range: DHCPv6 option codes are 1 to 65535", d.Code)
		}
	} else if d.Code < 1 || d.Code > 254 {
		r.errf("code", "%d is out of range: DHCPv4 option codes are 1 to 254 (0 is PAD, 255 is END)", d.Code)
	}
	for _, f := range []*family{fam4, fam6} {
		if space != f.space {
			continue
		}
		if std, ok := f.std.byCode[spaceCode{space, d.Code}]; ok {
			r.errf("code", "%d is the standard option %q; Kea does not allow redefining a standard option in space %s", d.Code, std.Name, space)
		}
		if std, ok := f.std.byName[spaceKey{space, d.Name}]; ok {
			r.errf("name", "%q is the name of standard option %d in space %s; Kea does not allow redefining it", d.Name, std.Code, space)
		}
	}
	if !isUserType(d.Type) {
		r.errf("type", "%q is not a Kea option type; use one of %s", d.Type, joinTypes(UserOptionTypes))
	}
	array := d.Array != nil && *d.Array
	switch OptionType(d.Type) {
	case TypeRecord:
		if len(d.RecordTypes) == 0 {
			r.errf("record_types", "a record definition needs at least one record type")
		}
	case TypeEmpty, TypeString, TypeBinary:
		if array {
			r.errf("array", "Kea does not accept an array of %s", d.Type)
		}
	}
	if OptionType(d.Type) != TypeRecord && len(d.RecordTypes) > 0 {
		r.errf("record_types", "is only used with type \"record\"")
	}
	for i, rt := range d.RecordTypes {
		if !isUserType(rt) || rt == string(TypeRecord) || rt == string(TypeEmpty) {
			r.errf(fmt.Sprintf("record_types[%d]", i), "%q cannot be a record field type", rt)
		}
	}
	if d.Encapsulate != nil && *d.Encapsulate != "" && !spaceNameRe.MatchString(*d.Encapsulate) {
		r.errf("encapsulate", "%q is not a valid option space name", *d.Encapsulate)
	}
	return out
}

func joinTypes(ts []OptionType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// ID is the option data's identity: its name.
func (o *OptionData) ID() string { return o.Name }

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
			if err != nil {
				r.errf("code", "%v", err)
			} else if def != nil {
				checkOptionValue(r, o, def)
			}
		}
	}
	if f == fam6 && o.delivery() != "standard" {
		r.errf("delivery", "%s is a DHCPv4 delivery; DHCPv6 vendor options (option 17) are not modelled yet", o.delivery())
	}
	return out
}

// resolve finds the definition of an option given by name and/or code.
// It returns (nil, nil) when neither is defined.
func (ix *defIndex) resolve(space string, name *string, code *int64) (*optionDef, error) {
	var byName, byCode *optionDef
	if name != nil && *name != "" {
		byName = ix.byName[spaceKey{space, *name}]
	}
	if code != nil {
		byCode = ix.byCode[spaceCode{space, *code}]
	}
	switch {
	case byName != nil && code != nil && byName.Code != *code:
		return nil, fmt.Errorf("option %q is code %d in space %s, not %d", *name, byName.Code, space, *code)
	case byName != nil:
		return byName, nil
	case name != nil && *name != "" && byCode != nil:
		return nil, fmt.Errorf("code %d in space %s is option %q, not %q", *code, space, byCode.Name, *name)
	case byCode != nil && (name == nil || *name == ""):
		return byCode, nil
	}
	return nil, nil
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
