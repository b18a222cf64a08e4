package kea

// OptionType is a Kea option data type as written in an option-def "type"
// or "record-types" entry.
type OptionType string

// The option data types Kea 3.0 accepts in option-def.
const (
	TypeBinary      OptionType = "binary"
	TypeBoolean     OptionType = "boolean"
	TypeEmpty       OptionType = "empty"
	TypeFQDN        OptionType = "fqdn"
	TypeInt8        OptionType = "int8"
	TypeInt16       OptionType = "int16"
	TypeInt32       OptionType = "int32"
	TypeUint8       OptionType = "uint8"
	TypeUint16      OptionType = "uint16"
	TypeUint32      OptionType = "uint32"
	TypeIPv4Address OptionType = "ipv4-address"
	TypeIPv6Address OptionType = "ipv6-address"
	TypeIPv6Prefix  OptionType = "ipv6-prefix"
	TypePSID        OptionType = "psid"
	TypeRecord      OptionType = "record"
	TypeString      OptionType = "string"
	TypeTuple       OptionType = "tuple"
	// TypeInternal marks a standard option whose value Kea parses with
	// dedicated code (e.g. classless-static-route, option 121). It cannot be
	// used in a user option-def.
	TypeInternal OptionType = "internal"
)

// UserOptionTypes lists the types a user option definition may use, in the
// order the documentation presents them.
var UserOptionTypes = []OptionType{
	TypeBinary, TypeBoolean, TypeEmpty, TypeFQDN, TypeInt8, TypeInt16, TypeInt32,
	TypeUint8, TypeUint16, TypeUint32, TypeIPv4Address, TypeIPv6Address,
	TypeIPv6Prefix, TypePSID, TypeRecord, TypeString, TypeTuple,
}

// StdOptionDef is one entry of a built-in standard option catalogue.
type StdOptionDef struct {
	Name        string
	Code        uint32
	Type        OptionType
	Array       bool
	RecordTypes []OptionType
	// Encapsulate is the option space this option carries, if any.
	Encapsulate string
}
