package kea

import (
	"reflect"
	"regexp"
	"testing"
)

var catalogNameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkCatalogShape runs the structural checks shared by every catalogue:
// codes strictly increasing within 1..maxCode (254 for DHCPv4 spaces, 65535
// for DHCPv6 ones), names unique and lower-case-with-hyphens, known types,
// record types on records only, and an encapsulated space only on empty or
// record options (DHCPv6 has records that encapsulate, e.g. lq-query).
func checkCatalogShape(t *testing.T, label string, defs []StdOptionDef, maxCode uint32) {
	t.Helper()
	if len(defs) == 0 {
		t.Fatalf("%s: catalogue is empty", label)
	}
	valid := map[OptionType]bool{TypeInternal: true}
	for _, ot := range UserOptionTypes {
		valid[ot] = true
	}
	names := map[string]uint32{}
	var prev uint32
	for i, d := range defs {
		if d.Code < 1 || d.Code > maxCode {
			t.Errorf("%s[%d] %q: code %d outside 1..%d", label, i, d.Name, d.Code, maxCode)
		}
		if i > 0 && d.Code <= prev {
			t.Errorf("%s[%d] %q: code %d not greater than previous code %d", label, i, d.Name, d.Code, prev)
		}
		prev = d.Code
		if !catalogNameRE.MatchString(d.Name) {
			t.Errorf("%s[%d]: name %q is not lower-case-with-hyphens", label, i, d.Name)
		}
		if other, dup := names[d.Name]; dup {
			t.Errorf("%s: name %q used by codes %d and %d", label, d.Name, other, d.Code)
		}
		names[d.Name] = d.Code
		if !valid[d.Type] {
			t.Errorf("%s %q: unknown type %q", label, d.Name, d.Type)
		}
		if d.Type == TypeRecord {
			if len(d.RecordTypes) < 2 {
				t.Errorf("%s %q: record with %d record types", label, d.Name, len(d.RecordTypes))
			}
			for _, rt := range d.RecordTypes {
				if !valid[rt] || rt == TypeRecord || rt == TypeInternal || rt == TypeEmpty {
					t.Errorf("%s %q: invalid record field type %q", label, d.Name, rt)
				}
			}
		} else if d.RecordTypes != nil {
			t.Errorf("%s %q: record types set on a %q option", label, d.Name, d.Type)
		}
		if d.Encapsulate != "" && d.Type != TypeEmpty && d.Type != TypeRecord {
			t.Errorf("%s %q: encapsulates %q but is neither an empty nor a record option", label, d.Name, d.Encapsulate)
		}
	}
}

func TestCatalogDHCP4Shape(t *testing.T) {
	checkCatalogShape(t, "stdDHCP4Options", stdDHCP4Options, 254)
	// 123 entries of STANDARD_V4_OPTION_DEFINITIONS plus option 43 from
	// LAST_RESORT_V4_OPTION_DEFINITIONS, plus cablelabs-client-conf (122),
	// which Kea 3.0.3 defines and the 2024 source lacks.
	if got, want := len(stdDHCP4Options), 125; got != want {
		t.Errorf("stdDHCP4Options has %d entries, want %d", got, want)
	}
}

func TestCatalogDHCP4AgentShape(t *testing.T) {
	checkCatalogShape(t, "stdDHCP4AgentOptions", stdDHCP4AgentOptions, 254)
	if got, want := len(stdDHCP4AgentOptions), 20; got != want {
		t.Errorf("stdDHCP4AgentOptions has %d entries, want %d", got, want)
	}
}

func TestCatalogDHCP4CableLabsShape(t *testing.T) {
	checkCatalogShape(t, "stdDHCP4CableLabsOptions", stdDHCP4CableLabsOptions, 254)
	if got, want := len(stdDHCP4CableLabsOptions), 9; got != want {
		t.Errorf("stdDHCP4CableLabsOptions has %d entries, want %d", got, want)
	}
	if _, ok := catalogByCode(stdDHCP4CableLabsOptions, 3); ok {
		t.Errorf("suboption 3 has no standard definition in Kea 3.0.3")
	}
}

func catalogByCode(defs []StdOptionDef, code uint32) (StdOptionDef, bool) {
	for _, d := range defs {
		if d.Code == code {
			return d, true
		}
	}
	return StdOptionDef{}, false
}

// Values checked by hand against std_option_defs.h (commit 92ab16ab).
func TestCatalogDHCP4SpotCheck(t *testing.T) {
	want := []StdOptionDef{
		{Name: "subnet-mask", Code: 1, Type: TypeIPv4Address},
		{Name: "time-offset", Code: 2, Type: TypeInt32},
		{Name: "routers", Code: 3, Type: TypeIPv4Address, Array: true},
		{Name: "domain-name", Code: 15, Type: TypeString},
		{Name: "ntp-servers", Code: 42, Type: TypeIPv4Address, Array: true},
		{Name: "vendor-encapsulated-options", Code: 43, Type: TypeEmpty, Encapsulate: "vendor-encapsulated-options-space"},
		{Name: "dhcp-requested-address", Code: 50, Type: TypeIPv4Address},
		{Name: "dhcp-lease-time", Code: 51, Type: TypeUint32},
		{Name: "dhcp-message-type", Code: 53, Type: TypeUint8},
		{Name: "dhcp-parameter-request-list", Code: 55, Type: TypeUint8, Array: true},
		{Name: "dhcp-client-identifier", Code: 61, Type: TypeBinary},
		{Name: "tftp-server-name", Code: 66, Type: TypeString},
		{Name: "boot-file-name", Code: 67, Type: TypeString},
		{Name: "slp-directory-agent", Code: 78, Type: TypeRecord, Array: true, RecordTypes: []OptionType{TypeBoolean, TypeIPv4Address}},
		{Name: "fqdn", Code: 81, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeUint8, TypeFQDN}},
		{Name: "dhcp-agent-options", Code: 82, Type: TypeEmpty, Encapsulate: "dhcp-agent-options-space"},
		{Name: "client-system", Code: 93, Type: TypeUint16, Array: true},
		{Name: "v6-only-preferred", Code: 108, Type: TypeUint32},
		{Name: "domain-search", Code: 119, Type: TypeFQDN, Array: true},
		{Name: "classless-static-route", Code: 121, Type: TypeInternal},
		// Kea 3.0.3, not in the source (see catalog_dhcp4.go).
		{Name: "cablelabs-client-conf", Code: 122, Type: TypeEmpty, Encapsulate: "cablelabs-client-conf"},
		{Name: "vivso-suboptions", Code: 125, Type: TypeUint32},
		{Name: "v4-sztp-redirect", Code: 143, Type: TypeTuple, Array: true},
		{Name: "v4-portparams", Code: 159, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypePSID}},
		{Name: "v4-dnr", Code: 162, Type: TypeInternal},
		{Name: "option-6rd", Code: 212, Type: TypeRecord, Array: true, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeIPv6Address, TypeIPv4Address}},
		{Name: "v4-access-domain", Code: 213, Type: TypeFQDN},
	}
	for _, w := range want {
		got, ok := catalogByCode(stdDHCP4Options, w.Code)
		if !ok {
			t.Errorf("code %d (%s) missing", w.Code, w.Name)
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("code %d:\n got  %+v\n want %+v", w.Code, got, w)
		}
	}
	// Codes Kea leaves undefined in the dhcp4 space (all of them are probed
	// against Kea 3.0.3 by TestCatalogKeaKnowsNoOtherCodes).
	for _, code := range []uint32{80, 83, 84, 120, 150, 160, 161} {
		if d, ok := catalogByCode(stdDHCP4Options, code); ok {
			t.Errorf("code %d unexpectedly defined as %q", code, d.Name)
		}
	}
}

func TestCatalogDHCP4AgentSpotCheck(t *testing.T) {
	want := []StdOptionDef{
		{Name: "circuit-id", Code: 1, Type: TypeBinary},
		{Name: "remote-id", Code: 2, Type: TypeBinary},
		{Name: "link-selection", Code: 5, Type: TypeIPv4Address},
		{Name: "subscriber-id", Code: 6, Type: TypeString},
		{Name: "server-id-override", Code: 11, Type: TypeIPv4Address},
		{Name: "relay-port", Code: 19, Type: TypeUint16},
		{Name: "virtual-subnet-select-ctrl", Code: 152, Type: TypeEmpty},
	}
	for _, w := range want {
		got, ok := catalogByCode(stdDHCP4AgentOptions, w.Code)
		if !ok {
			t.Errorf("agent code %d (%s) missing", w.Code, w.Name)
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("agent code %d:\n got  %+v\n want %+v", w.Code, got, w)
		}
	}
}
