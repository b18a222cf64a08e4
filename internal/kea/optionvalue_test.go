package kea

import (
	"strings"
	"testing"
)

// Every option type's checker, on values Kea 3.0 accepts and refuses (the
// refusals were confirmed with kea-dhcp4 -T where noted in the catalogue
// tests).
func TestCheckTypedValue(t *testing.T) {
	cases := []struct {
		typ  OptionType
		v    string
		want string // "" means accepted; else a substring of the error
	}{
		{TypeIPv4Address, "192.0.2.1", ""},
		{TypeIPv4Address, "192.0.2.1/24", "not an IPv4 address"},
		{TypeIPv4Address, "2001:db8::1", "not an IPv4 address"},
		{TypeIPv6Address, "2001:db8::1", ""},
		{TypeIPv6Address, "::ffff:192.0.2.1", "not an IPv6 address"},
		{TypeIPv6Prefix, "2001:db8::/64", ""},
		{TypeIPv6Prefix, "2001:db8::1/64", "bits set after the prefix length"},
		{TypeBoolean, "TRUE", ""},
		{TypeBoolean, "yes", "not a boolean"},
		{TypeUint8, "255", ""},
		{TypeUint8, "0xff", ""},
		{TypeUint8, "256", "between 0 and 255 for uint8"},
		{TypeUint16, "70000", "between 0 and 65535 for uint16"},
		{TypeUint32, "4294967295", ""},
		{TypeUint32, "-1", "between 0 and 4294967295"},
		{TypeInt8, "-128", ""},
		{TypeInt8, "128", "between -128 and 127"},
		{TypeInt16, "-32769", "between -32768 and 32767"},
		{TypeInt32, "x", "not an integer"},
		{TypeFQDN, "example.com.", ""},
		{TypeFQDN, "-bad.example.com", "starting or ending with a hyphen"},
		{TypeString, "abc", ""},
		{TypeString, "", "must not be empty"},
		{TypeBinary, "0a:0b", ""},
		{TypeBinary, "0a0", "whole number of hex bytes"},
		{TypePSID, "0x0100/16", ""},
		{TypePSID, "3/2", ""},
		{TypePSID, "0x0100/8", "does not fit in 8 bits"},
		{TypePSID, "1/17", "length must be 0 to 16"},
		{TypePSID, "12", "write psid/length"},
		{TypeTuple, "anything, really", ""},
	}
	for _, c := range cases {
		err := checkTypedValue(c.typ, c.v)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s %q: unexpected error %v", c.typ, c.v, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s %q: want error containing %q, got %v", c.typ, c.v, c.want, err)
		}
	}
}
