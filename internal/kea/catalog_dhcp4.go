package kea

// Standard DHCPv4 option definitions built into ISC Kea.
//
// Source: isc-projects/kea, src/lib/dhcp/std_option_defs.h, read at commit
// 92ab16abbed9cf5b92e9b10ca9e42152ec1fab2f (file header "Copyright (C)
// 2012-2024"; the newest copy of the file available when this catalogue was
// written — no copy carrying a 2025 / Kea-3.0.x tag was available to compare
// against). Option codes come from the DHO_* and RAI_OPTION_* enums in
// src/lib/dhcp/dhcp4.h.
//
// stdDHCP4Options mirrors the array STANDARD_V4_OPTION_DEFINITIONS (space
// "dhcp4") in source order, which is ascending code order. The one entry that
// array does not hold is vendor-encapsulated-options (43): in the source the
// array carries the comment "vendor-encapsulated-options (43) is deferred",
// and the definition is in LAST_RESORT_V4_OPTION_DEFINITIONS instead (space
// "last-resort-v4"; Kea falls back to it when no other definition for 43
// exists). Kea accepts option-data for it by name in the dhcp4 space, so it is
// listed here at its code position with the values from that array.
//
// Type mapping: OPT_<X>_TYPE → the matching OptionType constant;
// OPT_INTERNAL_TYPE (options Kea encodes with dedicated classes) → TypeInternal;
// OPT_RECORD_TYPE → TypeRecord, with RecordTypes taken from the RECORD_DECL
// named in the entry's RECORD_DEF(...).
//
// Other DHCPv4 option spaces named in std_option_defs.h:
//   - "dhcp-agent-options-space": suboptions of option 82, in
//     DHCP_AGENT_OPTION_DEFINITIONS (see stdDHCP4AgentOptions below).
//   - "vendor-encapsulated-options-space": the space option 43 encapsulates;
//     std_option_defs.h defines no options in it (the user supplies them).
//   - "last-resort-v4": holds only the option 43 definition described above.
//   - "cablelabs-client-conf" (Kea 3.0, not in the 2024 source): suboptions
//     of option 122 (see stdDHCP4CableLabsOptions below).
//
// CableLabs' DOCSIS 3 options are defined in docsis3_option_defs.h, twice:
// in "docsis3-v4" and in "vendor-4491" (the space of enterprise 4491's
// vendor options); see stdDHCP4DOCSISOptions below.
//
// Checked against Kea 3.0.3 (catalog_kea_test.go, KEA_CHECK=1): Kea accepts
// every entry by name and code with a value of its type, rejects values just
// outside the type, and has no other standard definition in the dhcp4 space.
// One entry differs from the 2024 source; it is marked "FIX (Kea 3.0.3)".
var stdDHCP4Options = []StdOptionDef{
	{Name: "subnet-mask", Code: 1, Type: TypeIPv4Address},
	{Name: "time-offset", Code: 2, Type: TypeInt32},
	{Name: "routers", Code: 3, Type: TypeIPv4Address, Array: true},
	{Name: "time-servers", Code: 4, Type: TypeIPv4Address, Array: true},
	{Name: "name-servers", Code: 5, Type: TypeIPv4Address, Array: true},
	{Name: "domain-name-servers", Code: 6, Type: TypeIPv4Address, Array: true},
	{Name: "log-servers", Code: 7, Type: TypeIPv4Address, Array: true},
	{Name: "cookie-servers", Code: 8, Type: TypeIPv4Address, Array: true},
	{Name: "lpr-servers", Code: 9, Type: TypeIPv4Address, Array: true},
	{Name: "impress-servers", Code: 10, Type: TypeIPv4Address, Array: true},
	{Name: "resource-location-servers", Code: 11, Type: TypeIPv4Address, Array: true},
	{Name: "host-name", Code: 12, Type: TypeString},
	{Name: "boot-size", Code: 13, Type: TypeUint16},
	{Name: "merit-dump", Code: 14, Type: TypeString},
	// The source declares domain-name as OPT_STRING_TYPE, not fqdn.
	{Name: "domain-name", Code: 15, Type: TypeString},
	{Name: "swap-server", Code: 16, Type: TypeIPv4Address},
	{Name: "root-path", Code: 17, Type: TypeString},
	{Name: "extensions-path", Code: 18, Type: TypeString},
	{Name: "ip-forwarding", Code: 19, Type: TypeBoolean},
	{Name: "non-local-source-routing", Code: 20, Type: TypeBoolean},
	{Name: "policy-filter", Code: 21, Type: TypeIPv4Address, Array: true},
	{Name: "max-dgram-reassembly", Code: 22, Type: TypeUint16},
	{Name: "default-ip-ttl", Code: 23, Type: TypeUint8},
	{Name: "path-mtu-aging-timeout", Code: 24, Type: TypeUint32},
	{Name: "path-mtu-plateau-table", Code: 25, Type: TypeUint16, Array: true},
	{Name: "interface-mtu", Code: 26, Type: TypeUint16},
	{Name: "all-subnets-local", Code: 27, Type: TypeBoolean},
	{Name: "broadcast-address", Code: 28, Type: TypeIPv4Address},
	{Name: "perform-mask-discovery", Code: 29, Type: TypeBoolean},
	{Name: "mask-supplier", Code: 30, Type: TypeBoolean},
	{Name: "router-discovery", Code: 31, Type: TypeBoolean},
	{Name: "router-solicitation-address", Code: 32, Type: TypeIPv4Address},
	{Name: "static-routes", Code: 33, Type: TypeIPv4Address, Array: true},
	{Name: "trailer-encapsulation", Code: 34, Type: TypeBoolean},
	{Name: "arp-cache-timeout", Code: 35, Type: TypeUint32},
	{Name: "ieee802-3-encapsulation", Code: 36, Type: TypeBoolean},
	{Name: "default-tcp-ttl", Code: 37, Type: TypeUint8},
	{Name: "tcp-keepalive-interval", Code: 38, Type: TypeUint32},
	{Name: "tcp-keepalive-garbage", Code: 39, Type: TypeBoolean},
	{Name: "nis-domain", Code: 40, Type: TypeString},
	{Name: "nis-servers", Code: 41, Type: TypeIPv4Address, Array: true},
	{Name: "ntp-servers", Code: 42, Type: TypeIPv4Address, Array: true},
	// From LAST_RESORT_V4_OPTION_DEFINITIONS (see the comment above).
	{Name: "vendor-encapsulated-options", Code: 43, Type: TypeEmpty, Encapsulate: "vendor-encapsulated-options-space"},
	{Name: "netbios-name-servers", Code: 44, Type: TypeIPv4Address, Array: true},
	{Name: "netbios-dd-server", Code: 45, Type: TypeIPv4Address, Array: true},
	{Name: "netbios-node-type", Code: 46, Type: TypeUint8},
	{Name: "netbios-scope", Code: 47, Type: TypeString},
	{Name: "font-servers", Code: 48, Type: TypeIPv4Address, Array: true},
	{Name: "x-display-manager", Code: 49, Type: TypeIPv4Address, Array: true},
	{Name: "dhcp-requested-address", Code: 50, Type: TypeIPv4Address},
	{Name: "dhcp-lease-time", Code: 51, Type: TypeUint32},
	{Name: "dhcp-option-overload", Code: 52, Type: TypeUint8},
	{Name: "dhcp-message-type", Code: 53, Type: TypeUint8},
	{Name: "dhcp-server-identifier", Code: 54, Type: TypeIPv4Address},
	{Name: "dhcp-parameter-request-list", Code: 55, Type: TypeUint8, Array: true},
	{Name: "dhcp-message", Code: 56, Type: TypeString},
	{Name: "dhcp-max-message-size", Code: 57, Type: TypeUint16},
	{Name: "dhcp-renewal-time", Code: 58, Type: TypeUint32},
	{Name: "dhcp-rebinding-time", Code: 59, Type: TypeUint32},
	{Name: "vendor-class-identifier", Code: 60, Type: TypeString},
	{Name: "dhcp-client-identifier", Code: 61, Type: TypeBinary},
	{Name: "nwip-domain-name", Code: 62, Type: TypeString},
	{Name: "nwip-suboptions", Code: 63, Type: TypeBinary},
	{Name: "nisplus-domain-name", Code: 64, Type: TypeString},
	{Name: "nisplus-servers", Code: 65, Type: TypeIPv4Address, Array: true},
	{Name: "tftp-server-name", Code: 66, Type: TypeString},
	{Name: "boot-file-name", Code: 67, Type: TypeString},
	{Name: "mobile-ip-home-agent", Code: 68, Type: TypeIPv4Address, Array: true},
	{Name: "smtp-server", Code: 69, Type: TypeIPv4Address, Array: true},
	{Name: "pop-server", Code: 70, Type: TypeIPv4Address, Array: true},
	{Name: "nntp-server", Code: 71, Type: TypeIPv4Address, Array: true},
	{Name: "www-server", Code: 72, Type: TypeIPv4Address, Array: true},
	{Name: "finger-server", Code: 73, Type: TypeIPv4Address, Array: true},
	{Name: "irc-server", Code: 74, Type: TypeIPv4Address, Array: true},
	{Name: "streettalk-server", Code: 75, Type: TypeIPv4Address, Array: true},
	{Name: "streettalk-directory-assistance-server", Code: 76, Type: TypeIPv4Address, Array: true},
	{Name: "user-class", Code: 77, Type: TypeBinary},
	{Name: "slp-directory-agent", Code: 78, Type: TypeRecord, Array: true, RecordTypes: []OptionType{TypeBoolean, TypeIPv4Address}},
	{Name: "slp-service-scope", Code: 79, Type: TypeRecord, RecordTypes: []OptionType{TypeBoolean, TypeString}},
	{Name: "fqdn", Code: 81, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeUint8, TypeFQDN}},
	{Name: "dhcp-agent-options", Code: 82, Type: TypeEmpty, Encapsulate: "dhcp-agent-options-space"},
	{Name: "nds-servers", Code: 85, Type: TypeIPv4Address, Array: true},
	{Name: "nds-tree-name", Code: 86, Type: TypeString},
	{Name: "nds-context", Code: 87, Type: TypeString},
	{Name: "bcms-controller-names", Code: 88, Type: TypeFQDN, Array: true},
	{Name: "bcms-controller-address", Code: 89, Type: TypeIPv4Address, Array: true},
	{Name: "authenticate", Code: 90, Type: TypeBinary},
	{Name: "client-last-transaction-time", Code: 91, Type: TypeUint32},
	{Name: "associated-ip", Code: 92, Type: TypeIPv4Address, Array: true},
	{Name: "client-system", Code: 93, Type: TypeUint16, Array: true},
	{Name: "client-ndi", Code: 94, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeUint8}},
	{Name: "uuid-guid", Code: 97, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeBinary}},
	{Name: "uap-servers", Code: 98, Type: TypeString},
	{Name: "geoconf-civic", Code: 99, Type: TypeBinary},
	{Name: "pcode", Code: 100, Type: TypeString},
	{Name: "tcode", Code: 101, Type: TypeString},
	{Name: "v6-only-preferred", Code: 108, Type: TypeUint32},
	{Name: "netinfo-server-address", Code: 112, Type: TypeIPv4Address, Array: true},
	{Name: "netinfo-server-tag", Code: 113, Type: TypeString},
	{Name: "v4-captive-portal", Code: 114, Type: TypeString},
	{Name: "auto-config", Code: 116, Type: TypeUint8},
	{Name: "name-service-search", Code: 117, Type: TypeUint16, Array: true},
	{Name: "subnet-selection", Code: 118, Type: TypeIPv4Address},
	{Name: "domain-search", Code: 119, Type: TypeFQDN, Array: true},
	{Name: "classless-static-route", Code: 121, Type: TypeInternal},
	// FIX (Kea 3.0.3): absent from the 2024 source, but Kea 3.0.3 defines
	// option 122, CableLabs Client Configuration (RFC 3495), as an empty
	// option encapsulating the space "cablelabs-client-conf"
	// (stdDHCP4CableLabsOptions). Found by TestCatalogKeaKnowsNoOtherCodes;
	// Kea rejects data for it ("attempt to write invalid option data field
	// type into the option buffer"), as for every empty option.
	{Name: "cablelabs-client-conf", Code: 122, Type: TypeEmpty, Encapsulate: "cablelabs-client-conf"},
	{Name: "vivco-suboptions", Code: 124, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeBinary}},
	{Name: "vivso-suboptions", Code: 125, Type: TypeUint32},
	{Name: "pana-agent", Code: 136, Type: TypeIPv4Address, Array: true},
	{Name: "v4-lost", Code: 137, Type: TypeFQDN},
	{Name: "capwap-ac-v4", Code: 138, Type: TypeIPv4Address, Array: true},
	{Name: "sip-ua-cs-domains", Code: 141, Type: TypeFQDN, Array: true},
	{Name: "v4-sztp-redirect", Code: 143, Type: TypeTuple, Array: true},
	{Name: "rdnss-selection", Code: 146, Type: TypeRecord, Array: true, RecordTypes: []OptionType{TypeUint8, TypeIPv4Address, TypeIPv4Address, TypeFQDN}},
	{Name: "status-code", Code: 151, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypeString}},
	{Name: "base-time", Code: 152, Type: TypeUint32},
	{Name: "start-time-of-state", Code: 153, Type: TypeUint32},
	{Name: "query-start-time", Code: 154, Type: TypeUint32},
	{Name: "query-end-time", Code: 155, Type: TypeUint32},
	{Name: "dhcp-state", Code: 156, Type: TypeUint8},
	{Name: "data-source", Code: 157, Type: TypeUint8},
	{Name: "v4-portparams", Code: 159, Type: TypeRecord, RecordTypes: []OptionType{TypeUint8, TypePSID}},
	{Name: "v4-dnr", Code: 162, Type: TypeInternal},
	{Name: "option-6rd", Code: 212, Type: TypeRecord, Array: true, RecordTypes: []OptionType{TypeUint8, TypeUint8, TypeIPv6Address, TypeIPv4Address}},
	{Name: "v4-access-domain", Code: 213, Type: TypeFQDN},
}

// stdDHCP4AgentOptions mirrors DHCP_AGENT_OPTION_DEFINITIONS in the same
// std_option_defs.h: the Relay Agent Information (option 82) suboptions, in
// the "dhcp-agent-options-space" option space.
var stdDHCP4AgentOptions = []StdOptionDef{
	{Name: "circuit-id", Code: 1, Type: TypeBinary},
	{Name: "remote-id", Code: 2, Type: TypeBinary},
	{Name: "docsis-device-class", Code: 4, Type: TypeUint32},
	{Name: "link-selection", Code: 5, Type: TypeIPv4Address},
	{Name: "subscriber-id", Code: 6, Type: TypeString},
	{Name: "radius", Code: 7, Type: TypeBinary},
	{Name: "auth", Code: 8, Type: TypeBinary},
	{Name: "vendor-specific-info", Code: 9, Type: TypeBinary},
	{Name: "relay-flags", Code: 10, Type: TypeUint8},
	{Name: "server-id-override", Code: 11, Type: TypeIPv4Address},
	{Name: "relay-id", Code: 12, Type: TypeBinary},
	{Name: "access-techno-type", Code: 13, Type: TypeUint16},
	{Name: "access-network-name", Code: 14, Type: TypeString},
	{Name: "access-point-name", Code: 15, Type: TypeString},
	{Name: "access-point-bssid", Code: 16, Type: TypeBinary},
	{Name: "operator-id", Code: 17, Type: TypeUint32},
	{Name: "operator-realm", Code: 18, Type: TypeString},
	{Name: "relay-port", Code: 19, Type: TypeUint16},
	{Name: "virtual-subnet-select", Code: 151, Type: TypeBinary},
	{Name: "virtual-subnet-select-ctrl", Code: 152, Type: TypeEmpty},
}

// stdDHCP4CableLabsOptions is the Kea 3.0 space "cablelabs-client-conf": the
// suboptions of cablelabs-client-conf (122, RFC 3495, with RFC 3594 and
// RFC 3634). Not in the 2024 source: the names and codes are those Kea 3.0.3
// reports (probed by TestCatalogKeaKnowsNoOtherCodes), the types follow the
// RFCs and are pinned by TestCatalogKeaPinsTypes (e.g. tsp-use-tgt accepts
// "true" and rejects "2", so it is boolean; tsp-sct accepts 65535 and rejects
// 65536, so uint16). Suboption 3 (TSP's Provisioning Server Address, an
// address or a name) has no standard definition in Kea: users define it.
var stdDHCP4CableLabsOptions = []StdOptionDef{
	{Name: "tsp-primary-server", Code: 1, Type: TypeIPv4Address},
	{Name: "tsp-secondary-server", Code: 2, Type: TypeIPv4Address},
	{Name: "tsp-as-parameters", Code: 4, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeUint32, TypeUint32}},
	{Name: "tsp-ap-parameters", Code: 5, Type: TypeRecord, RecordTypes: []OptionType{TypeUint32, TypeUint32, TypeUint32}},
	{Name: "tsp-realm", Code: 6, Type: TypeFQDN},
	{Name: "tsp-use-tgt", Code: 7, Type: TypeBoolean},
	{Name: "tsp-provisioning-timer", Code: 8, Type: TypeUint8},
	{Name: "tsp-sct", Code: 9, Type: TypeUint16},
	{Name: "kdc-server", Code: 10, Type: TypeIPv4Address, Array: true},
}

// stdDHCP4DOCSISOptions are CableLabs' DOCSIS 3 options for DHCPv4
// (CL-SP-CANN-DHCP-Reg), which Kea 3.0 defines in both "docsis3-v4" and
// "vendor-4491" (docsis3_option_defs.h). Names, codes and types as Kea
// 3.0.3 reports and pins them (TestCatalogAgainstKea,
// TestCatalogKeaPinsTypes, TestCatalogKeaKnowsNoOtherCodes).
var stdDHCP4DOCSISOptions = []StdOptionDef{
	{Name: "oro", Code: 1, Type: TypeUint8, Array: true},
	{Name: "tftp-servers", Code: 2, Type: TypeIPv4Address, Array: true},
}
