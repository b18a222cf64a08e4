package kea

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// KindOptionDef is the option definition's Terraform type.
const KindOptionDef = "kea_option_definition"

// SpaceDHCP4 is the standard DHCPv4 option space.
const SpaceDHCP4 = "dhcp4"

// OptionDef is a kea_option_definition.
type OptionDef struct {
	Name        string   `json:"name"`
	Code        int64    `json:"code"`
	Type        string   `json:"type"`
	Array       *bool    `json:"array"`
	RecordTypes []string `json:"record_types"`
	Encapsulate *string  `json:"encapsulate"`
	Space       *string  `json:"space"`
	VendorSpace *string  `json:"vendor_space"`
	Context
}

// optionDef is a resolved option definition: standard or user-supplied.
type optionDef struct {
	Name        string
	Code        int64
	Space       string
	Type        OptionType
	Array       bool
	RecordTypes []OptionType
	Encapsulate string
	UserContext *string
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
	ix.addStd("docsis3-v4", stdDHCP4DOCSISOptions)
	ix.addStd("vendor-4491", stdDHCP4DOCSISOptions)
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

// nearNames are up to three option names of the space close to name (a
// typo: "router" for "routers"), quoted, for messages.
func (ix *defIndex) nearNames(space, name string) []string {
	var names []string
	for k := range ix.byName {
		if k.space == space {
			names = append(names, k.name)
		}
	}
	sort.Strings(names)
	return nearKeys(name, names)
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

// Identity is the id once the code is set.
func (d *OptionDef) Identity() (string, bool) { return d.ID(), d.Code != 0 }

// ParseOptionDefID reads an option definition's import id, "<space>/<code>"
// or "vendor:<vendor space>/<code>".
func ParseOptionDefID(id string) (*OptionDef, error) {
	p, err := splitID(id, 2, "<space>/<code>")
	if err != nil {
		return nil, err
	}
	code, err := parseIDNumber(p[1], "option code")
	if err != nil {
		return nil, err
	}
	d := &OptionDef{Code: code}
	switch {
	case strings.HasPrefix(p[0], "vendor:"):
		d.VendorSpace = ptr(strings.TrimPrefix(p[0], "vendor:"))
	case p[0] != SpaceDHCP4:
		d.Space = ptr(p[0])
	}
	return d, nil
}

// redefines43 is true for a definition of option 43 in dhcp4: the one
// standard option Kea lets a configuration redefine, since its layout is
// each vendor's (vendor-encapsulated-options).
func (d *OptionDef) redefines43() bool { return d.space() == SpaceDHCP4 && d.Code == 43 }

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
	d.Context.check(r)
	space := d.space()
	if d.VendorSpace != nil && d.Space != nil {
		r.errf("vendor_space", "set space or vendor_space, not both: a vendor's sub-options live in the space the delivery picks")
	}
	if !spaceNameRe.MatchString(space) {
		r.errf("space", "%q is not a valid option space name", space)
	}
	switch {
	case space == SpaceDHCP4 && (d.Code < 1 || d.Code > 254):
		r.errf("code", "%d is out of range: DHCPv4 option codes are 1 to 254 (0 is PAD, 255 is END)", d.Code)
	case space != SpaceDHCP4 && (d.Code < 1 || d.Code > 65535):
		// Other spaces take the codes of the document's family, which a
		// definition alone does not know: DHCPv4 documents are held to 1
		// to 254 when rendered (indexDefinitions).
		r.errf("code", "%d is out of range: option codes are 1 to 65535 in DHCPv6 spaces, 1 to 254 in DHCPv4 ones", d.Code)
	}
	for _, f := range []*family{fam4, fam6} {
		if space != f.space {
			continue
		}
		if std, ok := f.std.byCode[spaceCode{space, d.Code}]; ok && !d.redefines43() {
			r.errf("code", "%d is the standard option %q; Kea does not allow redefining a standard option in space %s (it does for option 43 alone)", d.Code, std.Name, space)
		}
		if std, ok := f.std.byName[spaceKey{space, d.Name}]; ok && !(d.redefines43() && std.Code == 43) {
			r.errf("name", "%q is the name of standard option %d in space %s; Kea does not allow redefining it", d.Name, std.Code, space)
		}
	}
	if !isUserType(d.Type) {
		r.errf("type", "%q is not a Kea option type; use one of %s", d.Type, joinTypes(UserOptionTypes))
	}
	array := d.Array != nil && *d.Array
	switch OptionType(d.Type) {
	case TypeRecord:
		if len(d.RecordTypes) < 2 {
			r.errf("record_types", "a record has at least 2 fields, got %d (Kea: \"invalid number of data fields\"); use the field's type as the option type for one field", len(d.RecordTypes))
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
		switch {
		case !isUserType(rt) || rt == string(TypeRecord) || rt == string(TypeEmpty):
			r.errf(fmt.Sprintf("record_types[%d]", i), "%q cannot be a record field type", rt)
		case (rt == string(TypeString) || rt == string(TypeBinary)) && i < len(d.RecordTypes)-1:
			// Kea: "string data field can't be laid before data fields of other types."
			r.errf(fmt.Sprintf("record_types[%d]", i), "a %s field takes the rest of the option, so Kea accepts it only as the last field; move it to the end", rt)
		case (rt == string(TypeString) || rt == string(TypeBinary)) && array:
			// Kea: "array of strings is not a valid option definition."
			r.errf(fmt.Sprintf("record_types[%d]", i), "a record array cannot end in a %s field: Kea could not tell where one record ends; drop array or the %s field", rt, rt)
		}
	}
	if d.Encapsulate != nil && *d.Encapsulate != "" {
		switch {
		case !spaceNameRe.MatchString(*d.Encapsulate):
			r.errf("encapsulate", "%q is not a valid option space name", *d.Encapsulate)
		case *d.Encapsulate == space:
			r.errf("encapsulate", "%q is the space the option belongs to; Kea refuses an option that encapsulates its own space", *d.Encapsulate)
		case array:
			r.errf("encapsulate", "an array option cannot encapsulate an option space (Kea: \"comprising an array of data fields may not encapsulate any option space\"); drop array or encapsulate")
		}
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

// indexDefinitions validates user option definitions and adds them to the
// standard catalogue.
func (rd *renderer) indexDefinitions() {
	rd.defs = rd.fam.std.clone()
	rd.badDefs = map[spaceKey]bool{}
	bad := func(d *OptionDef) {
		rd.badDefs[spaceKey{d.space(), d.Name}] = true
		rd.badDefs[spaceKey{d.space(), "#" + itoa(d.Code)}] = true
	}
	for i := range rd.e.OptionDefs {
		d := &rd.e.OptionDefs[i]
		ds := d.Validate(i)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			bad(d)
			continue
		}
		r := rd.rep(KindOptionDef, d.ID(), i)
		space := d.space()
		if d.redefines43() {
			if std, ok := rd.defs.byCode[spaceCode{space, 43}]; ok && std.user == nil {
				delete(rd.defs.byCode, spaceCode{space, 43})
				delete(rd.defs.byName, spaceKey{space, std.Name})
			}
		}
		if d.Code > rd.fam.maxCode {
			r.errf("code", "%d is out of range: options of space %s in a DHCPv4 document have codes 1 to 254 (Kea: it must not be greater than '255')", d.Code, space)
			bad(d)
			continue
		}
		if o, dup := rd.defs.byCode[spaceCode{space, d.Code}]; dup {
			r.errf("code", "option %d in space %s is already defined as %q (%s %s)", d.Code, space, o.Name, KindOptionDef, row(KindOptionDef, o.userIndex))
			bad(d)
			continue
		}
		if o, dup := rd.defs.byName[spaceKey{space, d.Name}]; dup {
			r.errf("name", "option %q in space %s is already defined with code %d (%s %q)", d.Name, space, o.Code, KindOptionDef, o.user.ID())
			bad(d)
			continue
		}
		od := &optionDef{Name: d.Name, Code: d.Code, Space: space, Type: OptionType(d.Type), Array: boolv(d.Array, false),
			Encapsulate: str(d.Encapsulate), UserContext: d.UserContext, user: d, userIndex: i}
		for _, t := range d.RecordTypes {
			od.RecordTypes = append(od.RecordTypes, OptionType(t))
		}
		rd.defs.byCode[spaceCode{space, d.Code}] = od
		rd.defs.byName[spaceKey{space, d.Name}] = od
	}
}

// useDefs renders the definitions a server lists (option_definitions)
// whether or not option data sends them.
func (rd *renderer) useDefs(r reporter, attr string, ids []string) {
	for i, id := range ids {
		at := fmt.Sprintf("%s[%d]", attr, i)
		d, err := ParseOptionDefID(id)
		switch {
		case err != nil:
			r.errf(at, "%v", err)
			continue
		case d.VendorSpace != nil:
			r.errf(at, "%q is a vendor space's definition, written where its options are sent (the space depends on the delivery); list definitions of named spaces here", id)
			continue
		}
		key := spaceCode{d.space(), d.Code}
		if rd.badDefs[spaceKey{key.space, "#" + itoa(key.code)}] {
			continue // its own error is reported
		}
		od, ok := rd.defs.byCode[key]
		if !ok || od.user == nil {
			r.errf(at, "refers to option definition %q, which was not passed in", id)
			continue
		}
		rd.usedDefs[defUse{od, key.space}] = true
	}
}

// renderDefs lists the user option definitions in use, by space and code,
// and the definition of option 43 when the document's option 43 outside
// classes carries a vendor's sub-options.
func (rd *renderer) renderDefs(r reporter) []any {
	uses := make([]defUse, 0, len(rd.usedDefs))
	for u := range rd.usedDefs {
		uses = append(uses, u)
	}
	sort.Slice(uses, func(a, b int) bool {
		if uses[a].space != uses[b].space {
			return uses[a].space < uses[b].space
		}
		return uses[a].def.Code < uses[b].def.Code
	})
	var out []any
	if len(rd.global43) > 1 {
		names := make([]string, 0, len(rd.global43))
		for n := range rd.global43 {
			names = append(names, n)
		}
		sort.Strings(names)
		r.errf("option_data", "option 43 carries sub-options of several vendors outside client classes (%s); Kea gives option 43 one definition per document: deliver each vendor's option 43 through a client class that recognises it, or use vivso (option 125)", strings.Join(names, ", "))
	}
	for _, v := range rd.global43 {
		if user := rd.defs.byCode[spaceCode{SpaceDHCP4, 43}]; user != nil && user.user != nil {
			rd.rep(KindOptionDef, user.user.ID(), user.userIndex).errf("code", "redefines option 43, while option data send vendor %q's sub-options in option 43 outside client classes, which needs option 43 defined to carry them: keep one of the two", v.Name)
			continue
		}
		out = append(out, option43Def(v, true))
	}
	for _, u := range uses {
		d := u.def
		o := &Object{}
		o.Set("name", d.Name)
		o.Set("code", d.Code)
		o.Set("space", u.space)
		o.Set("type", string(d.Type))
		if d.Array {
			o.Set("array", true)
		}
		if len(d.RecordTypes) > 0 {
			o.Set("record-types", joinTypes(d.RecordTypes))
		}
		if d.Encapsulate != "" {
			o.Set("encapsulate", d.Encapsulate)
		}
		(&Context{d.UserContext}).render(o)
		out = append(out, o)
	}
	return out
}
