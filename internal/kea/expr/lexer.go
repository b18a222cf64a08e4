package expr

import (
	"fmt"
	"net/netip"
	"strconv"
)

// tokKind is a token of Kea's expression language. The order is the order
// of the tokens in Kea's grammar: syntax errors list the expected tokens in
// that order, as Kea does.
type tokKind int

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tNot
	tAnd
	tSAnd
	tOr
	tSOr
	tEqual
	tOption
	tRelay4
	tRelay6
	tMember
	tPeerAddr
	tLinkAddr
	tLBracket
	tRBracket
	tDot
	tText
	tHex
	tExists
	tPkt
	tIface
	tSrc
	tDst
	tLen
	tPkt4
	tMac
	tHlen
	tHtype
	tCiaddr
	tGiaddr
	tYiaddr
	tSiaddr
	tSubstring
	tSplit
	tAll
	tComma
	tConcat
	tPlus
	tIfelse
	tSIfelse
	tHexstring
	tAddrToText
	tInt8ToText
	tInt16ToText
	tInt32ToText
	tUint8ToText
	tUint16ToText
	tUint32ToText
	tLcase
	tUcase
	tPkt6
	tMsgType
	tTransID
	tVendorClass
	tVendor
	tAny
	tData
	tEnterprise
	tMatch
	tString     // 'text'
	tInteger    // -?[0-9]+
	tHexString  // 0x0123
	tOptionName // routers (only when followed by "]")
	tIPAddress  // 192.0.2.1, 2001:db8::1
	numTokKinds
)

// keywords maps the reserved words and punctuation to their tokens.
var keywords = map[string]tokKind{
	"==": tEqual, "option": tOption, "relay4": tRelay4, "relay6": tRelay6,
	"peeraddr": tPeerAddr, "linkaddr": tLinkAddr, "text": tText, "hex": tHex,
	"exists": tExists, "pkt": tPkt, "iface": tIface, "src": tSrc, "dst": tDst,
	"len": tLen, "pkt4": tPkt4, "mac": tMac, "hlen": tHlen, "htype": tHtype,
	"ciaddr": tCiaddr, "giaddr": tGiaddr, "yiaddr": tYiaddr, "siaddr": tSiaddr,
	"pkt6": tPkt6, "msgtype": tMsgType, "transid": tTransID, "vendor": tVendor,
	"vendor-class": tVendorClass, "data": tData, "enterprise": tEnterprise,
	"substring": tSubstring, "split": tSplit, "all": tAll, "concat": tConcat,
	"ifelse": tIfelse, "sifelse": tSIfelse, "hexstring": tHexstring,
	"addrtotext": tAddrToText, "int8totext": tInt8ToText,
	"int16totext": tInt16ToText, "int32totext": tInt32ToText,
	"uint8totext": tUint8ToText, "uint16totext": tUint16ToText,
	"uint32totext": tUint32ToText, "lcase": tLcase, "ucase": tUcase,
	"not": tNot, "and": tAnd, "sand": tSAnd, "or": tOr, "sor": tSOr,
	"member": tMember, "match": tMatch,
	".": tDot, "(": tLParen, ")": tRParen, "[": tLBracket, "]": tRBracket,
	",": tComma, "*": tAny, "+": tPlus,
}

// maxKeywordLen is the length of the longest keyword ("vendor-class").
const maxKeywordLen = 12

// tokNames are the names Kea's messages use for the tokens.
var tokNames = [numTokKinds]string{
	tEOF: "end of file", tComma: `","`, tString: "constant string",
	tInteger: "integer", tHexString: "constant hexstring",
	tOptionName: "option name", tIPAddress: "ip address",
}

func init() {
	for word, k := range keywords {
		if tokNames[k] == "" {
			tokNames[k] = word
		}
	}
}

func (k tokKind) String() string { return tokNames[k] }

// loc is a source range as Kea's (bison's) location: lines and columns
// count from 1 and the end column is exclusive.
type loc struct {
	line, col, endLine, endCol int
}

func (l *loc) step()         { l.line, l.col = l.endLine, l.endCol }
func (l *loc) columns(n int) { l.endCol += n }
func (l *loc) lines(n int) {
	if n > 0 {
		l.endLine += n
		l.endCol = 1
	}
}

// token is one lexeme; text is the value of literals (a string without its
// quotes, the digits of a number, an option name).
type token struct {
	kind tokKind
	text string
	loc  loc
}

// lexer splits an expression into tokens on demand, with the rules of Kea's
// flex scanner: longest match first, then the earlier rule.
type lexer struct {
	src string
	pos int
	loc loc
}

func newLexer(src string) *lexer {
	return &lexer{src: src, loc: loc{1, 1, 1, 1}}
}

// next returns the next token. A lexical error (an invalid character, a
// number or an address Kea cannot convert) panics with an *Error.
func (lx *lexer) next() token {
	lx.loc.step()
	for lx.pos < len(lx.src) {
		c := lx.src[lx.pos]
		switch c {
		case ' ', '\t':
			n := lx.span(lx.pos, isBlank)
			lx.pos += n
			lx.loc.columns(n)
			lx.loc.step()
			continue
		case '\n':
			n := lx.span(lx.pos, func(c byte) bool { return c == '\n' })
			lx.pos += n
			lx.loc.columns(n)
			lx.loc.lines(n)
			lx.loc.step()
			continue
		}
		return lx.scan()
	}
	return token{kind: tEOF, loc: lx.loc}
}

// scan matches one token at lx.pos, which is not a blank or a newline.
func (lx *lexer) scan() token {
	src, start := lx.src, lx.pos
	best, kind := 0, tEOF

	// The candidates in the scanner's rule order; a later rule wins only
	// with a strictly longer match.
	consider := func(n int, k tokKind) {
		if n > best {
			best, kind = n, k
		}
	}
	consider(matchString(src, start), tString)
	consider(matchHex(src, start), tHexString)
	consider(matchInt(src, start), tInteger)
	nameLen, nameCtx := matchOptionName(src, start)
	consider(nameCtx, tOptionName)
	if n := matchAddr(src, start); n > 0 {
		consider(n, tIPAddress)
	}
	for n := min(maxKeywordLen, len(src)-start); n > 0; n-- {
		if k, ok := keywords[src[start:start+n]]; ok {
			consider(n, k)
			break
		}
	}

	if best == 0 {
		lx.pos++
		lx.loc.columns(1)
		lx.fail("Invalid character: " + printable(src[start]))
	}

	if kind == tOptionName {
		// The "]" is trailing context: it stays in the input.
		best = nameLen
	}
	text := src[start : start+best]
	lx.pos += best
	lx.loc.columns(best)

	switch kind {
	case tString:
		text = text[1 : len(text)-1]
	case tInteger:
		if _, err := strconv.ParseInt(text, 10, 64); err != nil {
			lx.fail("Failed to convert " + text + " to an integer.")
		}
	case tIPAddress:
		if _, err := netip.ParseAddr(text); err != nil {
			lx.fail("Failed to convert " + text + " to an IP address.")
		}
	case tOptionName:
		text = lx.trimName(text)
	}
	return token{kind: kind, text: text, loc: lx.loc}
}

// trimName removes the blanks and newlines between an option name and its
// "]", moving the location the way Kea's scanner does for newlines.
func (lx *lexer) trimName(text string) string {
	for len(text) > 1 {
		last := text[len(text)-1]
		if !isBlank(last) && last != '\n' {
			break
		}
		if last == '\n' {
			lx.loc.lines(1)
			lx.loc.step()
		}
		text = text[:len(text)-1]
	}
	return text
}

func (lx *lexer) fail(msg string) {
	panic(newError(lx.loc, msg))
}

func (lx *lexer) span(i int, ok func(byte) bool) int {
	n := 0
	for i+n < len(lx.src) && ok(lx.src[i+n]) {
		n++
	}
	return n
}

// printable renders a byte of an "Invalid character" message; Kea prints
// the raw byte, which is not always valid UTF-8.
func printable(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return string(c)
	}
	return fmt.Sprintf("\\x%02x", c)
}

func isBlank(c byte) bool  { return c == ' ' || c == '\t' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isLetter(c) || isDigit(c) }
func isHexDigit(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// countFrom returns how many bytes from src[i:] satisfy ok.
func countFrom(src string, i int, ok func(byte) bool) int {
	n := 0
	for i+n < len(src) && ok(src[i+n]) {
		n++
	}
	return n
}

// matchString: '[^'\n]*' (no escapes: a quote always ends the string).
func matchString(src string, i int) int {
	if src[i] != '\'' {
		return 0
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\'':
			return j + 1 - i
		case '\n':
			return 0
		}
	}
	return 0
}

// matchHex: 0[xX][0-9a-fA-F]+
func matchHex(src string, i int) int {
	if i+2 >= len(src) || src[i] != '0' || (src[i+1] != 'x' && src[i+1] != 'X') {
		return 0
	}
	n := countFrom(src, i+2, isHexDigit)
	if n == 0 {
		return 0
	}
	return 2 + n
}

// matchInt: -?[0-9]+
func matchInt(src string, i int) int {
	j := i
	if src[j] == '-' {
		j++
	}
	n := countFrom(src, j, isDigit)
	if n == 0 {
		return 0
	}
	return j - i + n
}

// matchOptionName: [A-Za-z]([-_A-Za-z0-9]*[A-Za-z0-9])?[ \t\n]* followed by
// "]". It returns the length of the name with its trailing blanks and the
// length including the "]" (which counts for the longest match).
func matchOptionName(src string, i int) (n, withContext int) {
	if !isLetter(src[i]) {
		return 0, 0
	}
	j := i + 1 + countFrom(src, i+1, func(c byte) bool {
		return isAlnum(c) || c == '-' || c == '_'
	})
	// The name must end with a letter or a digit.
	for j > i+1 && !isAlnum(src[j-1]) {
		j--
	}
	if j < len(src) && src[j] != ']' && !isBlank(src[j]) && src[j] != '\n' {
		// A shorter name would be followed by a name character: no match.
		return 0, 0
	}
	k := j + countFrom(src, j, func(c byte) bool { return isBlank(c) || c == '\n' })
	if k >= len(src) || src[k] != ']' {
		return 0, 0
	}
	return k - i, k + 1 - i
}

// matchAddr: [0-9]+\.[0-9]+\.[0-9]+\.[0-9]+ or
// [0-9a-fA-F]*:[0-9a-fA-F]*:[0-9a-fA-F:.]* (the longer one).
func matchAddr(src string, i int) int {
	v4 := 0
	j := i
	for part := 0; part < 4; part++ {
		if part > 0 {
			if j >= len(src) || src[j] != '.' {
				j = -1
				break
			}
			j++
		}
		n := countFrom(src, j, isDigit)
		if n == 0 {
			j = -1
			break
		}
		j += n
	}
	if j > 0 {
		v4 = j - i
	}

	v6 := 0
	j = i + countFrom(src, i, isHexDigit)
	if j < len(src) && src[j] == ':' {
		j++
		j += countFrom(src, j, isHexDigit)
		if j < len(src) && src[j] == ':' {
			j++
			j += countFrom(src, j, func(c byte) bool { return isHexDigit(c) || c == ':' || c == '.' })
			v6 = j - i
		}
	}
	return max(v4, v6)
}
