package kea

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
)

// KindVendorSpace is the vendor option space's Terraform type.
const KindVendorSpace = "kea_vendor_option_space"

// Container options that carry vendor sub-options.
const (
	vendorEncapsulated = "vendor-encapsulated-options" // option 43
	vivsoSuboptions    = "vivso-suboptions"            // option 125
)

// VendorOptionSpace is a kea_vendor_option_space: a vendor's sub-option
// space, delivered in option 43 or, with its IANA enterprise number, in
// option 125 (VIVSO).
type VendorOptionSpace struct {
	Name         string `json:"name"`
	EnterpriseID *int64 `json:"enterprise_id"`
}

// ID is the vendor space's identity: its name.
func (v *VendorOptionSpace) ID() string { return v.Name }

// Identity is the id once the name is set.
func (v *VendorOptionSpace) Identity() (string, bool) { return v.Name, v.Name != "" }

// ParseVendorOptionSpaceID reads a vendor space's import id: its name.
func ParseVendorOptionSpaceID(id string) (*VendorOptionSpace, error) {
	return &VendorOptionSpace{Name: id}, nil
}

// Validate checks the vendor space on its own.
func (v *VendorOptionSpace) Validate(index int) Diags {
	var out Diags
	r := reporter{kind: KindVendorSpace, id: v.Name, index: index, out: &out}
	switch {
	case v.Name == "":
		r.errf("name", "is required")
	case !spaceNameRe.MatchString(v.Name):
		r.errf("name", "%q is not a valid option space name", v.Name)
	case v.Name == SpaceDHCP4 || v.Name == "dhcp6":
		r.errf("name", "%q is a standard option space", v.Name)
	}
	if e := v.EnterpriseID; e != nil && (*e < 1 || *e > 4294967295) {
		r.errf("enterprise_id", "%d is out of range: IANA enterprise numbers are 1 to 4294967295", *e)
	}
	return out
}

// indexVendors validates the vendor spaces passed in.
func (rd *renderer) indexVendors() {
	rd.vendors = map[string]*VendorOptionSpace{}
	ids := map[int64]string{}
	for i := range rd.e.VendorSpaces {
		v := &rd.e.VendorSpaces[i]
		ds := v.Validate(i)
		rd.diags = append(rd.diags, ds...)
		if ds.HasErrors() {
			continue
		}
		r := rd.rep(KindVendorSpace, v.Name, i)
		if _, dup := rd.vendors[v.Name]; dup {
			r.errf("name", "is passed twice")
			continue
		}
		if v.EnterpriseID != nil {
			if other, dup := ids[*v.EnterpriseID]; dup {
				r.errf("enterprise_id", "%d is also vendor space %q's; option 125 tells vendors apart by this number", *v.EnterpriseID, other)
				continue
			}
			ids[*v.EnterpriseID] = v.Name
		}
		rd.vendors[v.Name] = v
	}
}

// vendorSpaceOf resolves the vendor space of a sub-option and the space
// Kea reads its data from for the delivery: the vendor space's name for
// option 43, "vendor-<enterprise number>" for option 125.
func (rd *renderer) vendorSpaceOf(r reporter, o *OptionData) (*VendorOptionSpace, string, bool) {
	v, ok := rd.vendors[*o.VendorSpace]
	if !ok {
		r.errf("vendor_space", "refers to vendor option space %q, which was not passed in", *o.VendorSpace)
		return nil, "", false
	}
	if o.delivery() == "vivso" {
		if v.EnterpriseID == nil {
			r.errf("delivery", "vivso (option 125) names the vendor by its enterprise number; set enterprise_id on vendor space %q", v.Name)
			return nil, "", false
		}
		return v, "vendor-" + strconv.FormatInt(*v.EnterpriseID, 10), true
	}
	return v, v.Name, true
}

// vendorContainers adds, to one scope's options, the container options its
// vendor sub-options need: one option 43 (a scope carries one vendor's
// option 43), and one option 125 per enterprise number. It returns the
// option 43 vendor, if any.
func vendorContainers(r reporter, attr string, opts []renderedOption, delivered map[string]*VendorOptionSpace) ([]renderedOption, *VendorOptionSpace) {
	var v43 *VendorOptionSpace
	has := func(code int64, data string) bool {
		for _, o := range opts {
			if o.space == SpaceDHCP4 && o.code == code {
				if d, _ := o.obj.Get("data"); code == 43 || d == data {
					return true
				}
			}
		}
		return false
	}
	var added []renderedOption
	for _, key := range slices.Sorted(maps.Keys(delivered)) {
		v := delivered[key]
		if key[0] == 'o' { // option43
			if v43 != nil && v43.Name != v.Name {
				r.errf(attr, "sends option 43 sub-options of two vendors (%s, %s) at one scope; option 43 carries one vendor's: deliver per vendor through client classes, or use vivso (option 125)", v43.Name, v.Name)
				continue
			}
			v43 = v
			if !has(43, "") {
				added = append(added, renderedOption{space: SpaceDHCP4, code: 43, name: vendorEncapsulated,
					obj: (&Object{}).Set("name", vendorEncapsulated).Set("code", int64(43)).Set("space", SpaceDHCP4)})
			}
			continue
		}
		data := strconv.FormatInt(*v.EnterpriseID, 10)
		if !has(125, data) {
			added = append(added, renderedOption{space: SpaceDHCP4, code: 125, name: vivsoSuboptions + "/" + data,
				obj: (&Object{}).Set("name", vivsoSuboptions).Set("code", int64(125)).Set("space", SpaceDHCP4).Set("data", data)})
		}
	}
	return append(opts, added...), v43
}

// option43Def is the definition of option 43 that makes it carry a
// vendor space's sub-options. Kea treats 43 as a deferred option, so the
// definition may stand globally and, per vendor, in client classes.
func option43Def(v *VendorOptionSpace, withSpace bool) *Object {
	o := (&Object{}).Set("name", vendorEncapsulated).Set("code", int64(43))
	if withSpace {
		o.Set("space", SpaceDHCP4)
	}
	return o.Set("type", string(TypeEmpty)).Set("encapsulate", v.Name)
}

func deliveredKey(delivery string, v *VendorOptionSpace) string {
	return fmt.Sprintf("%c:%s", delivery[0], v.Name)
}
