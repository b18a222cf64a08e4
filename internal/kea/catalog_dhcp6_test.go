package kea

import (
	"reflect"
	"testing"
)

// catalogDHCP6Spaces lists every DHCPv6 catalogue with its Kea option space.
var catalogDHCP6Spaces = []struct {
	space string
	label string
	defs  []StdOptionDef
}{
	{"dhcp6", "stdDHCP6Options", stdDHCP6Options},
	{"4o6", "stdDHCP6ISCOptions", stdDHCP6ISCOptions},
	{"s46-cont-mape-options", "stdDHCP6MAPEOptions", stdDHCP6MAPEOptions},
	{"s46-cont-mapt-options", "stdDHCP6MAPTOptions", stdDHCP6MAPTOptions},
	{"s46-cont-lw-options", "stdDHCP6LWOptions", stdDHCP6LWOptions},
	{"s46-rule-options", "stdDHCP6S46RuleOptions", stdDHCP6S46RuleOptions},
	{"s46-v4v6bind-options", "stdDHCP6S46V4V6BindOptions", stdDHCP6S46V4V6BindOptions},
	{"v6-ntp-server-suboptions", "stdDHCP6NTPServerOptions", stdDHCP6NTPServerOptions},
}

func TestCatalogDHCP6Shape(t *testing.T) {
	want := map[string]int{
		// 74 entries of STANDARD_V6_OPTION_DEFINITIONS (commit 92ab16ab) plus
		// the Kea 3.0 additions ntp-server (56) and addr-reg-enable (148).
		"dhcp6":                    76,
		"4o6":                      3,
		"s46-cont-mape-options":    2,
		"s46-cont-mapt-options":    2,
		"s46-cont-lw-options":      2,
		"s46-rule-options":         1,
		"s46-v4v6bind-options":     1,
		"v6-ntp-server-suboptions": 3,
	}
	for _, c := range catalogDHCP6Spaces {
		checkCatalogShape(t, c.label, c.defs, 65535)
		if got := len(c.defs); got != want[c.space] {
			t.Errorf("%s (space %q) has %d entries, want %d", c.label, c.space, got, want[c.space])
		}
	}
}

// Every encapsulated space a DHCPv6 option names is either one of the
// catalogued spaces or one std_option_defs.h leaves empty on purpose.
func TestCatalogDHCP6Encapsulations(t *testing.T) {
	known := map[string]bool{
		// rsoo (66) carries relay-supplied options; std_option_defs.h defines
		// none in "rsoo-opts".
		"rsoo-opts": true,
	}
	for _, c := range catalogDHCP6Spaces {
		known[c.space] = true
	}
	for _, c := range catalogDHCP6Spaces {
		for _, d := range c.defs {
			if d.Encapsulate != "" && !known[d.Encapsulate] {
				t.Errorf("%s %q encapsulates unknown space %q", c.label, d.Name, d.Encapsulate)
			}
		}
	}
}

// Values checked by hand against std_option_defs.h and dhcp6.h (commit
// 92ab16ab), except the Kea 3.0 additions (checked against Kea 3.0.3 by
// TestCatalogAgainstKea).
func TestCatalogDHCP6SpotCheck(t *testing.T) {
	want := []StdOptionDef{
		{Name: "clientid", Code: 1, Type: TypeBinary},
		{Name: "ia-na", Code: 3, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeUint32, TypeUint32}},
		{Name: "iaaddr", Code: 5, Type: TypeRecord, RecordTypes: []OptionType{TypeIPv6Address, TypeUint32, TypeUint32}},
		{Name: "oro", Code: 6, Type: TypeUint16, Array: true},
		{Name: "preference", Code: 7, Type: TypeUint8},
		{Name: "auth", Code: 11, Type: TypeBinary},
		{Name: "status-code", Code: 13, Type: TypeRecord, RecordTypes: []OptionType{TypeUint16, TypeString}},
		{Name: "rapid-commit", Code: 14, Type: TypeEmpty},
		{Name: "vendor-class", Code: 16, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeBinary}},
		{Name: "vendor-opts", Code: 17, Type: TypeUint32},
		{Name: "dns-servers", Code: 23, Type: TypeIPv6Address, Array: true},
		{Name: "domain-search", Code: 24, Type: TypeFQDN, Array: true},
		{Name: "iaprefix", Code: 26, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeUint32, TypeUint8, TypeIPv6Address}},
		{Name: "nis-domain-name", Code: 29, Type: TypeFQDN, Array: true},
		{Name: "geoconf-civic", Code: 36, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint16, TypeBinary}},
		{Name: "client-fqdn", Code: 39, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeFQDN}},
		{Name: "lq-query", Code: 44, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeIPv6Address}, Encapsulate: "dhcp6"},
		{Name: "client-data", Code: 45, Type: TypeEmpty, Encapsulate: "dhcp6"},
		{Name: "ntp-server", Code: 56, Type: TypeEmpty, Encapsulate: "v6-ntp-server-suboptions"},
		{Name: "bootfile-url", Code: 59, Type: TypeString},
		{Name: "bootfile-param", Code: 60, Type: TypeTuple, Array: true},
		{Name: "client-arch-type", Code: 61, Type: TypeUint16, Array: true},
		{Name: "aftr-name", Code: 64, Type: TypeFQDN},
		{Name: "rsoo", Code: 66, Type: TypeEmpty, Encapsulate: "rsoo-opts"},
		{Name: "pd-exclude", Code: 67, Type: TypeIPv6Prefix},
		{Name: "rdnss-selection", Code: 74, Type: TypeRecord, Array: true, RecordTypes: []OptionType{TypeIPv6Address, TypeUint8, TypeFQDN}},
		{Name: "solmax-rt", Code: 82, Type: TypeUint32},
		{Name: "dhcp4o6-server-addr", Code: 88, Type: TypeIPv6Address, Array: true},
		{Name: "s46-cont-mape", Code: 94, Type: TypeEmpty, Encapsulate: "s46-cont-mape-options"},
		{Name: "s46-cont-lw", Code: 96, Type: TypeEmpty, Encapsulate: "s46-cont-lw-options"},
		{Name: "v6-captive-portal", Code: 103, Type: TypeString},
		{Name: "relay-source-port", Code: 135, Type: TypeUint16},
		{Name: "v6-sztp-redirect", Code: 136, Type: TypeTuple, Array: true},
		{Name: "ipv6-address-andsf", Code: 143, Type: TypeIPv6Address, Array: true},
		{Name: "v6-dnr", Code: 144, Type: TypeInternal},
		{Name: "addr-reg-enable", Code: 148, Type: TypeEmpty},
	}
	for _, w := range want {
		got, ok := catalogByCode(stdDHCP6Options, w.Code)
		if !ok {
			t.Errorf("code %d (%s) missing", w.Code, w.Name)
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("code %d:\n got  %+v\n want %+v", w.Code, got, w)
		}
	}
	// Codes dhcp6.h leaves unassigned (10, 35) or comments out as not
	// implemented in Kea (49, 54, 63, 68, 84, 97, 100).
	for _, code := range []uint32{10, 35, 49, 54, 63, 68, 84, 97, 100} {
		if d, ok := catalogByCode(stdDHCP6Options, code); ok {
			t.Errorf("code %d unexpectedly defined as %q", code, d.Name)
		}
	}
}

func TestCatalogDHCP6SubspaceSpotCheck(t *testing.T) {
	portparams := StdOptionDef{Name: "s46-portparams", Code: 93, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypePSID}}
	rule := StdOptionDef{Name: "s46-rule", Code: 89, Type: TypeRecord,
		RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeUint8, TypeIPv4Address, TypeIPv6Prefix}, Encapsulate: "s46-rule-options"}
	cases := []struct {
		label string
		defs  []StdOptionDef
		want  StdOptionDef
	}{
		{"4o6", stdDHCP6ISCOptions, StdOptionDef{Name: "4o6-interface", Code: 60000, Type: TypeString}},
		{"4o6", stdDHCP6ISCOptions, StdOptionDef{Name: "4o6-source-address", Code: 60001, Type: TypeIPv6Address}},
		{"4o6", stdDHCP6ISCOptions, StdOptionDef{Name: "4o6-source-port", Code: 60002, Type: TypeUint16}},
		{"mape", stdDHCP6MAPEOptions, rule},
		{"mape", stdDHCP6MAPEOptions, StdOptionDef{Name: "s46-br", Code: 90, Type: TypeIPv6Address}},
		{"mapt", stdDHCP6MAPTOptions, rule},
		{"mapt", stdDHCP6MAPTOptions, StdOptionDef{Name: "s46-dmr", Code: 91, Type: TypeIPv6Prefix}},
		{"lw", stdDHCP6LWOptions, StdOptionDef{Name: "s46-v4v6bind", Code: 92, Type: TypeRecord,
			RecordTypes: []OptionType{TypeIPv4Address, TypeIPv6Prefix}, Encapsulate: "s46-v4v6bind-options"}},
		{"rule", stdDHCP6S46RuleOptions, portparams},
		{"v4v6bind", stdDHCP6S46V4V6BindOptions, portparams},
		{"ntp", stdDHCP6NTPServerOptions, StdOptionDef{Name: "ntp-server-fqdn", Code: 3, Type: TypeFQDN}},
	}
	for _, c := range cases {
		got, ok := catalogByCode(c.defs, c.want.Code)
		if !ok {
			t.Errorf("%s: code %d (%s) missing", c.label, c.want.Code, c.want.Name)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s code %d:\n got  %+v\n want %+v", c.label, c.want.Code, got, c.want)
		}
	}
}
