package kea

// Allowed values and ranges of single attributes, as Kea 3.0 takes them.
// The checks of this package use them, and the provider turns them into
// schema validators, so Terraform reports a bad value on the attribute.

// Numeric limits.
const (
	MaxUint32   = 4294967295 // seconds, counts and enterprise numbers
	MaxUint16   = 65535      // ports, HA delays (milliseconds), hardware types
	MaxSubnetID = 4294967294
	MaxOption6  = 65535 // DHCPv6 option codes (DHCPv4: 254)
	// MaxHAThreads bounds the HA hook's listener and client threads: Kea
	// starts them at load, and 65535 exhausts an ordinary host.
	MaxHAThreads = 256
)

// Enumerations.
var (
	DHCPSocketTypes = []string{"raw", "udp"}
	LeaseDBTypes    = []string{"memfile"}
	SocketTypes     = []string{"unix", "http", "https"}
	ServerIDTypes   = []string{"LLT", "EN", "LL"}
	// MACSourceNames are the DHCPv6 mac-sources Kea knows, in the order
	// its documentation lists them.
	MACSourceNames = []string{"any", "raw", "duid", "ipv6-link-local", "client-link-addr-option", "rfc6939", "remote-id", "rfc4649", "subscriber-id", "rfc4580", "docsis-cmts", "docsis-modem"}
	HAModes        = []string{"hot-standby", "load-balancing", "passive-backup"}
	HARoles        = []string{"primary", "secondary", "standby", "backup"}
	Deliveries     = []string{"standard", "option43", "vivso"}
	Families       = []int64{4, 6}
)

// UserOptionTypeNames are the option types a user definition may use, and
// RecordFieldTypeNames those a record field may have.
var UserOptionTypeNames, RecordFieldTypeNames = func() (all, fields []string) {
	for _, t := range UserOptionTypes {
		all = append(all, string(t))
		if t != TypeRecord && t != TypeEmpty {
			fields = append(fields, string(t))
		}
	}
	return all, fields
}()
