package kea

import (
	"encoding/hex"
	"fmt"
	"net/netip"
	"strings"
)

// parseIPv4 accepts a dotted-quad IPv4 address and nothing else.
func parseIPv4(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return netip.Addr{}, fmt.Errorf("%q is not an IPv4 address", s)
	}
	return a, nil
}

// addrRange is an inclusive address range.
type addrRange struct{ first, last netip.Addr }

func (r addrRange) String() string { return r.first.String() + "-" + r.last.String() }

// kea renders a pool range the way Kea documents it.
func (r addrRange) kea() string { return r.first.String() + " - " + r.last.String() }

func (r addrRange) contains(a netip.Addr) bool {
	return r.first.Compare(a) <= 0 && a.Compare(r.last) <= 0
}

func (r addrRange) overlaps(o addrRange) bool {
	return r.first.Compare(o.last) <= 0 && o.first.Compare(r.last) <= 0
}

func prefixRange(p netip.Prefix) addrRange {
	first := p.Masked().Addr()
	bits := p.Bits()
	if first.Is4() {
		b := first.As4()
		for i := bits; i < 32; i++ {
			b[i/8] |= 0x80 >> (i % 8)
		}
		return addrRange{first, netip.AddrFrom4(b)}
	}
	b := first.As16()
	for i := bits; i < 128; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	return addrRange{first, netip.AddrFrom16(b)}
}

// parsePrefix accepts an IPv4 or IPv6 prefix whose host bits are zero.
func parsePrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil || p.Addr().Zone() != "" || p.Addr().Is4In6() {
		return netip.Prefix{}, fmt.Errorf("%q is not a prefix (address/length)", s)
	}
	if p.Masked() != p {
		return netip.Prefix{}, fmt.Errorf("%q has host bits set; the network is %s", s, p.Masked())
	}
	return p, nil
}

// parseIP accepts an IPv4 or IPv6 address without a zone.
func parseIP(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" || a.Is4In6() {
		return netip.Addr{}, fmt.Errorf("%q is not an IP address", s)
	}
	return a, nil
}

// parsePoolRange reads "a - b", "a-b" or a prefix, of either family.
func parsePoolRange(s string) (addrRange, error) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		p, err := parsePrefix(s)
		if err != nil {
			return addrRange{}, err
		}
		return prefixRange(p), nil
	}
	// IPv6 addresses contain no "-", so the first one separates.
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return addrRange{}, fmt.Errorf("%q is not a range: write \"first - last\" or a prefix", s)
	}
	return makeRange(strings.TrimSpace(a), strings.TrimSpace(b))
}

func makeRange(a, b string) (addrRange, error) {
	first, err := parseIP(a)
	if err != nil {
		return addrRange{}, err
	}
	last, err := parseIP(b)
	if err != nil {
		return addrRange{}, err
	}
	if first.Is4() != last.Is4() {
		return addrRange{}, fmt.Errorf("the range %s - %s mixes IPv4 and IPv6", first, last)
	}
	if last.Less(first) {
		return addrRange{}, fmt.Errorf("the range %s - %s is reversed: the first address is after the last", first, last)
	}
	return addrRange{first, last}, nil
}

// normalizeHex reads hex bytes written as "01:02:0a", "01020a", "01-02-0a"
// or "0102.0a0b" and returns them lower-case and colon-separated.
var hexSeparators = strings.NewReplacer(":", "", "-", "", ".", "", " ", "")

func normalizeHex(s string) (string, int, error) {
	if n, ok := canonicalHex(s); ok {
		return s, n, nil // most identifiers are written this way already
	}
	return rewriteHex(s)
}

// rewriteHex is normalizeHex for input not yet in its form.
func rewriteHex(s string) (string, int, error) {
	clean := hexSeparators.Replace(s)
	if clean == "" {
		return "", 0, fmt.Errorf("must not be empty")
	}
	if len(clean)%2 != 0 {
		return "", 0, fmt.Errorf("%q is not a whole number of hex bytes", s)
	}
	raw, err := hex.DecodeString(clean)
	if err != nil {
		return "", 0, fmt.Errorf("%q is not hexadecimal", s)
	}
	var b strings.Builder
	for i, c := range raw {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(hex.EncodeToString([]byte{c}))
	}
	return b.String(), len(raw), nil
}

// canonicalHex reports whether s is already what normalizeHex returns:
// lower-case hex bytes joined by colons, and how many bytes.
func canonicalHex(s string) (int, bool) {
	if len(s)%3 != 2 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i%3 == 2:
			if c != ':' {
				return 0, false
			}
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f':
		default:
			return 0, false
		}
	}
	return (len(s) + 1) / 3, true
}

// normalizeIdentifier checks and canonicalises a reservation identifier.
// Hex identifiers become lower-case colon-separated bytes; circuit-id and
// flex-id may also be a quoted string, 'text', which Kea takes verbatim.
func normalizeIdentifier(typ, v string) (string, error) {
	if (typ == "circuit-id" || typ == "flex-id") && strings.HasPrefix(v, "'") {
		if len(v) < 3 || !strings.HasSuffix(v, "'") {
			return "", fmt.Errorf("%q: a text %s is written in single quotes, e.g. 'port-7'", v, typ)
		}
		if strings.Contains(v[1:len(v)-1], "'") {
			return "", fmt.Errorf("%q: a text %s must not contain a quote", v, typ)
		}
		return v, nil
	}
	n, size, err := normalizeHex(v)
	if err != nil {
		return "", err
	}
	lo, hi := 1, 128
	switch typ {
	case "hw-address":
		lo, hi = 1, 20
	case "duid":
		lo, hi = 3, 130
	case "client-id":
		lo, hi = 2, 255
	}
	if size < lo || size > hi {
		return "", fmt.Errorf("%q is %d bytes long; a %s is %d to %d bytes", v, size, typ, lo, hi)
	}
	return n, nil
}

// validHostname checks a DNS name: labels of 1..63 letters, digits and
// hyphens, not starting or ending with a hyphen, 253 characters at most.
func validHostname(s string) error {
	name := strings.TrimSuffix(s, ".")
	if name == "" {
		return fmt.Errorf("must not be empty")
	}
	if len(name) > 253 {
		return fmt.Errorf("%q is longer than 253 characters", s)
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" || len(label) > 63 {
			return fmt.Errorf("%q has an empty label or one longer than 63 characters", s)
		}
		if label[0] == '-' || label[len(label)-1] == '-' {
			return fmt.Errorf("%q has a label starting or ending with a hyphen", s)
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return fmt.Errorf("%q contains %q; DNS names use ASCII letters, digits, hyphens (and underscores): write an internationalised name in its xn-- (punycode) form", s, string(c))
			}
		}
	}
	return nil
}

var broadcast4 = netip.AddrFrom4([4]byte{255, 255, 255, 255})

func parseAnyIP(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Addr{}, fmt.Errorf("%q is not an IP address", s)
	}
	return a, nil
}
