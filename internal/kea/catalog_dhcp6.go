package kea

// Standard DHCPv6 option definitions built into ISC Kea.
//
// Source: isc-projects/kea, src/lib/dhcp/std_option_defs.h, read at commit
// 92ab16abbed9cf5b92e9b10ca9e42152ec1fab2f (file header "Copyright (C)
// 2012-2024"; the same copy stdDHCP4Options was taken from). Option codes come
// from the D6O_* enum in src/lib/dhcp/dhcp6.h at the same commit, and the 4o6
// codes from its ISC_V6_4O6_* constants.
//
// Kea 3.0 additions. No copy of std_option_defs.h from a Kea 3.0.x tag was
// available, so the entries Kea 3.0 added after that commit were found in the
// installed Kea 3.0.3 itself (option names and option spaces held in
// libkea-dhcp.so, see scripts/kea-install.sh) and are proved by
// TestCatalogAgainstKea (catalog_kea_test.go), which has kea-dhcp6 -T accept
// every entry below by name and code with a value of its type:
//   - ntp-server (56, RFC 5908): an empty option encapsulating the new space
//     "v6-ntp-server-suboptions" (stdDHCP6NTPServerOptions);
//   - addr-reg-enable (148, RFC 9686): an empty option.
//
// stdDHCP6Options mirrors STANDARD_V6_OPTION_DEFINITIONS (space "dhcp6") sorted
// by code. The source array is in code order except that s46-cont-mape (94),
// s46-cont-mapt (95) and s46-cont-lw (96) stand after ipv6-address-andsf (143),
// just before v6-dnr (144); here they are at their code position.
//
// Type mapping: as for stdDHCP4Options (OPT_<X>_TYPE → the matching
// OptionType; OPT_INTERNAL_TYPE → TypeInternal; OPT_RECORD_TYPE → TypeRecord
// with RecordTypes from the RECORD_DECL named in its RECORD_DEF(...)).
//
// Unlike DHCPv4, a few DHCPv6 definitions both carry record fields and
// encapsulate an option space: lq-query (44) encapsulates "dhcp6", and
// s46-rule / s46-v4v6bind encapsulate "s46-rule-options" /
// "s46-v4v6bind-options". client-data (45) is an empty option encapsulating
// "dhcp6", and rsoo (66) encapsulates "rsoo-opts", a space std_option_defs.h
// defines no options in (the relay supplies them).
//
// The other DHCPv6 option spaces std_option_defs.h defines are listed below
// in their own variables. Vendor-specific spaces (e.g. DOCSIS3 "vendor-4491")
// are defined in other files (docsis3_option_defs.h) and are not part of this
// catalogue.
var stdDHCP6Options = []StdOptionDef{
	{Name: "clientid", Code: 1, Type: TypeBinary},
	{Name: "serverid", Code: 2, Type: TypeBinary},
	{Name: "ia-na", Code: 3, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeUint32, TypeUint32}},
	{Name: "ia-ta", Code: 4, Type: TypeUint32},
	{Name: "iaaddr", Code: 5, Type: TypeRecord, RecordTypes: []OptionType{TypeIPv6Address, TypeUint32, TypeUint32}},
	{Name: "oro", Code: 6, Type: TypeUint16, Array: true},
	{Name: "preference", Code: 7, Type: TypeUint8},
	{Name: "elapsed-time", Code: 8, Type: TypeUint16},
	{Name: "relay-msg", Code: 9, Type: TypeBinary},
	{Name: "auth", Code: 11, Type: TypeBinary},
	{Name: "unicast", Code: 12, Type: TypeIPv6Address},
	{Name: "status-code", Code: 13, Type: TypeRecord, RecordTypes: []OptionType{TypeUint16, TypeString}},
	{Name: "rapid-commit", Code: 14, Type: TypeEmpty},
	{Name: "user-class", Code: 15, Type: TypeBinary},
	{Name: "vendor-class", Code: 16, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeBinary}},
	{Name: "vendor-opts", Code: 17, Type: TypeUint32},
	{Name: "interface-id", Code: 18, Type: TypeBinary},
	{Name: "reconf-msg", Code: 19, Type: TypeUint8},
	{Name: "reconf-accept", Code: 20, Type: TypeEmpty},
	{Name: "sip-server-dns", Code: 21, Type: TypeFQDN, Array: true},
	{Name: "sip-server-addr", Code: 22, Type: TypeIPv6Address, Array: true},
	{Name: "dns-servers", Code: 23, Type: TypeIPv6Address, Array: true},
	{Name: "domain-search", Code: 24, Type: TypeFQDN, Array: true},
	{Name: "ia-pd", Code: 25, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeUint32, TypeUint32}},
	{Name: "iaprefix", Code: 26, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeUint32, TypeUint8, TypeIPv6Address}},
	{Name: "nis-servers", Code: 27, Type: TypeIPv6Address, Array: true},
	{Name: "nisp-servers", Code: 28, Type: TypeIPv6Address, Array: true},
	{Name: "nis-domain-name", Code: 29, Type: TypeFQDN, Array: true},
	{Name: "nisp-domain-name", Code: 30, Type: TypeFQDN, Array: true},
	{Name: "sntp-servers", Code: 31, Type: TypeIPv6Address, Array: true},
	{Name: "information-refresh-time", Code: 32, Type: TypeUint32},
	{Name: "bcmcs-server-dns", Code: 33, Type: TypeFQDN, Array: true},
	{Name: "bcmcs-server-addr", Code: 34, Type: TypeIPv6Address, Array: true},
	{Name: "geoconf-civic", Code: 36, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint16, TypeBinary}},
	{Name: "remote-id", Code: 37, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeBinary}},
	{Name: "subscriber-id", Code: 38, Type: TypeBinary},
	{Name: "client-fqdn", Code: 39, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeFQDN}},
	{Name: "pana-agent", Code: 40, Type: TypeIPv6Address, Array: true},
	{Name: "new-posix-timezone", Code: 41, Type: TypeString},
	{Name: "new-tzdb-timezone", Code: 42, Type: TypeString},
	{Name: "ero", Code: 43, Type: TypeUint16, Array: true},
	{Name: "lq-query", Code: 44, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeIPv6Address}, Encapsulate: "dhcp6"},
	{Name: "client-data", Code: 45, Type: TypeEmpty, Encapsulate: "dhcp6"},
	{Name: "clt-time", Code: 46, Type: TypeUint32},
	{Name: "lq-relay-data", Code: 47, Type: TypeRecord, RecordTypes: []OptionType{TypeIPv6Address, TypeBinary}},
	{Name: "lq-client-link", Code: 48, Type: TypeIPv6Address, Array: true},
	{Name: "v6-lost", Code: 51, Type: TypeFQDN},
	{Name: "capwap-ac-v6", Code: 52, Type: TypeIPv6Address, Array: true},
	{Name: "relay-id", Code: 53, Type: TypeBinary},
	// Kea 3.0 addition (not in the 2024 source; see the header comment).
	{Name: "ntp-server", Code: 56, Type: TypeEmpty, Encapsulate: "v6-ntp-server-suboptions"},
	{Name: "v6-access-domain", Code: 57, Type: TypeFQDN},
	{Name: "sip-ua-cs-list", Code: 58, Type: TypeFQDN, Array: true},
	{Name: "bootfile-url", Code: 59, Type: TypeString},
	{Name: "bootfile-param", Code: 60, Type: TypeTuple, Array: true},
	{Name: "client-arch-type", Code: 61, Type: TypeUint16, Array: true},
	{Name: "nii", Code: 62, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeUint8}},
	{Name: "aftr-name", Code: 64, Type: TypeFQDN},
	{Name: "erp-local-domain-name", Code: 65, Type: TypeFQDN},
	{Name: "rsoo", Code: 66, Type: TypeEmpty, Encapsulate: "rsoo-opts"},
	{Name: "pd-exclude", Code: 67, Type: TypeIPv6Prefix},
	{Name: "rdnss-selection", Code: 74, Type: TypeRecord, Array: true, RecordTypes: []OptionType{TypeIPv6Address, TypeUint8, TypeFQDN}},
	{Name: "client-linklayer-addr", Code: 79, Type: TypeBinary},
	{Name: "link-address", Code: 80, Type: TypeIPv6Address},
	{Name: "solmax-rt", Code: 82, Type: TypeUint32},
	{Name: "inf-max-rt", Code: 83, Type: TypeUint32},
	{Name: "dhcpv4-message", Code: 87, Type: TypeBinary},
	{Name: "dhcp4o6-server-addr", Code: 88, Type: TypeIPv6Address, Array: true},
	{Name: "s46-cont-mape", Code: 94, Type: TypeEmpty, Encapsulate: "s46-cont-mape-options"},
	{Name: "s46-cont-mapt", Code: 95, Type: TypeEmpty, Encapsulate: "s46-cont-mapt-options"},
	{Name: "s46-cont-lw", Code: 96, Type: TypeEmpty, Encapsulate: "s46-cont-lw-options"},
	{Name: "v6-captive-portal", Code: 103, Type: TypeString},
	{Name: "relay-source-port", Code: 135, Type: TypeUint16},
	{Name: "v6-sztp-redirect", Code: 136, Type: TypeTuple, Array: true},
	{Name: "ipv6-address-andsf", Code: 143, Type: TypeIPv6Address, Array: true},
	{Name: "v6-dnr", Code: 144, Type: TypeInternal},
	// Kea 3.0 addition (not in the 2024 source; see the header comment).
	{Name: "addr-reg-enable", Code: 148, Type: TypeEmpty},
}

// stdDHCP6DOCSISOptions are CableLabs' DOCSIS 3 options for DHCPv6
// (CL-SP-CANN-DHCP-Reg), which Kea 3.0 defines in both "docsis3-v6" and
// "vendor-4491" (docsis3_option_defs.h). Names, codes and types as Kea
// 3.0.3 reports and pins them (TestCatalogAgainstKea,
// TestCatalogKeaPinsTypes, TestCatalogKeaKnowsNoOtherCodes).
var stdDHCP6DOCSISOptions = []StdOptionDef{
	{Name: "oro", Code: 1, Type: TypeUint16, Array: true},
	{Name: "device-type", Code: 2, Type: TypeString},
	{Name: "vendor-type", Code: 10, Type: TypeString},
	{Name: "tftp-servers", Code: 32, Type: TypeIPv6Address, Array: true},
	{Name: "config-file", Code: 33, Type: TypeString},
	{Name: "syslog-servers", Code: 34, Type: TypeIPv6Address, Array: true},
	{Name: "device-id", Code: 36, Type: TypeBinary},
	{Name: "time-servers", Code: 37, Type: TypeIPv6Address, Array: true},
	{Name: "time-offset", Code: 38, Type: TypeInt32},
	{Name: "cmts-cm-mac", Code: 1026, Type: TypeBinary},
}

// stdDHCP6ISCOptions mirrors ISC_V6_OPTION_DEFINITIONS, space "4o6": ISC
// vendor options Kea's DHCPv4-over-DHCPv6 processes use between themselves.
var stdDHCP6ISCOptions = []StdOptionDef{
	{Name: "4o6-interface", Code: 60000, Type: TypeString},
	{Name: "4o6-source-address", Code: 60001, Type: TypeIPv6Address},
	{Name: "4o6-source-port", Code: 60002, Type: TypeUint16},
}

// stdDHCP6MAPEOptions mirrors MAPE_V6_OPTION_DEFINITIONS, space
// "s46-cont-mape-options" (the suboptions of s46-cont-mape, 94), sorted by
// code (the source lists s46-br before s46-rule).
var stdDHCP6MAPEOptions = []StdOptionDef{
	{Name: "s46-rule", Code: 89, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeUint8, TypeIPv4Address, TypeIPv6Prefix}, Encapsulate: "s46-rule-options"},
	{Name: "s46-br", Code: 90, Type: TypeIPv6Address},
}

// stdDHCP6MAPTOptions mirrors MAPT_V6_OPTION_DEFINITIONS, space
// "s46-cont-mapt-options" (the suboptions of s46-cont-mapt, 95).
var stdDHCP6MAPTOptions = []StdOptionDef{
	{Name: "s46-rule", Code: 89, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeUint8, TypeIPv4Address, TypeIPv6Prefix}, Encapsulate: "s46-rule-options"},
	{Name: "s46-dmr", Code: 91, Type: TypeIPv6Prefix},
}

// stdDHCP6LWOptions mirrors LW_V6_OPTION_DEFINITIONS, space
// "s46-cont-lw-options" (the suboptions of s46-cont-lw, 96).
var stdDHCP6LWOptions = []StdOptionDef{
	{Name: "s46-br", Code: 90, Type: TypeIPv6Address},
	{Name: "s46-v4v6bind", Code: 92, Type: TypeRecord, RecordTypes: []OptionType{TypeIPv4Address, TypeIPv6Prefix}, Encapsulate: "s46-v4v6bind-options"},
}

// stdDHCP6S46RuleOptions mirrors V4V6_RULE_OPTION_DEFINITIONS, space
// "s46-rule-options" (the suboptions of s46-rule, 89).
var stdDHCP6S46RuleOptions = []StdOptionDef{
	{Name: "s46-portparams", Code: 93, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypePSID}},
}

// stdDHCP6S46V4V6BindOptions mirrors V4V6_BIND_OPTION_DEFINITIONS, space
// "s46-v4v6bind-options" (the suboptions of s46-v4v6bind, 92).
var stdDHCP6S46V4V6BindOptions = []StdOptionDef{
	{Name: "s46-portparams", Code: 93, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypePSID}},
}

// stdDHCP6NTPServerOptions is the Kea 3.0 space "v6-ntp-server-suboptions"
// (the suboptions of ntp-server, 56; RFC 5908 section 4). Not in the 2024
// source: names and space from the installed Kea 3.0.3, types from RFC 5908
// (NTP_SUBOPTION_SRV_ADDR / _MC_ADDR carry one IPv6 address, _SRV_FQDN one
// domain name), all confirmed by TestCatalogAgainstKea.
var stdDHCP6NTPServerOptions = []StdOptionDef{
	{Name: "ntp-server-address", Code: 1, Type: TypeIPv6Address},
	{Name: "ntp-server-multicast", Code: 2, Type: TypeIPv6Address},
	{Name: "ntp-server-fqdn", Code: 3, Type: TypeFQDN},
}
