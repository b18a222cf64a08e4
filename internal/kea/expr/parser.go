package expr

import (
	"slices"
	"strconv"
	"strings"
)

// Kea's grammar, as implemented below (one function per level):
//
//	top         = bool-expr EOF | string-expr EOF      (test / template-test)
//	bool-expr   = and-expr { ("or" | "sor") and-expr }
//	and-expr    = unary { ("and" | "sand") unary }
//	unary       = "not" unary | comparison
//	comparison  = bool-primary | string-expr "==" string-expr
//	string-expr = primary { "+" primary }
//	primary     = literal | "(" ... ")" | option | relay4 | relay6 | vendor
//	            | vendor-class | member | match | pkt | pkt4 | pkt6 | function
//
// Kea's LALR parser decides between a boolean and a string only when it
// must; so does this one. A primary is parsed in a context: bool (a boolean
// is expected; a string is fine if "==" follows), string, or either (just
// inside "(" where a boolean is expected: "('a') == 'b'" and "('a' == 'b')"
// are both valid). Errors are raised in the order Kea raises them: a
// construct is checked as soon as its last token is read, before the next
// token is scanned.

// context is what a primary may produce.
type context int

const (
	ctxBool   context = iota // a boolean, or a string followed by "=="
	ctxString                // a string
	ctxEither                // a boolean or a string (inside "(")
)

// node is the syntax tree of a checked expression: an operator or function
// (op) with its operands, or a literal (op "lit" with text).
type node struct {
	op   string
	kind Kind
	text string
	args []*node
}

func (n *node) String() string {
	if n.op == "lit" {
		return n.text
	}
	parts := []string{n.op}
	if n.text != "" {
		parts = append(parts, n.text)
	}
	for _, a := range n.args {
		parts = append(parts, a.String())
	}
	return "(" + strings.Join(parts, " ") + ")"
}

// members returns the classes named by member(), once each, in source
// order.
func (n *node) members() []string {
	var out []string
	var walk func(*node)
	walk = func(n *node) {
		if n.op == "member" && !slices.Contains(out, n.text) {
			out = append(out, n.text)
		}
		for _, a := range n.args {
			walk(a)
		}
	}
	walk(n)
	return out
}

type parser struct {
	lx     *lexer
	family Family
	env    *Env
	tok    token // the lookahead, when has
	has    bool
}

// peek returns the lookahead token, scanning it if needed.
func (p *parser) peek() token {
	if !p.has {
		p.tok = p.lx.next()
		p.has = true
	}
	return p.tok
}

func (p *parser) is(kinds ...tokKind) bool {
	return slices.Contains(kinds, p.peek().kind)
}

// take consumes and returns the lookahead token.
func (p *parser) take() token {
	t := p.peek()
	p.has = false
	return t
}

// expect consumes a token of kind k; otherwise it reports a syntax error
// listing k and alsoValid, the other tokens valid at that point (such as
// "+" after a string argument, handled by the caller's loop).
func (p *parser) expect(k tokKind, alsoValid ...tokKind) token {
	if p.peek().kind != k {
		p.unexpected(append([]tokKind{k}, alsoValid...)...)
	}
	return p.take()
}

// expectOneOf consumes a token of one of the kinds.
func (p *parser) expectOneOf(kinds ...tokKind) token {
	if !p.is(kinds...) {
		p.unexpected(kinds...)
	}
	return p.take()
}

// unexpected reports a syntax error on the lookahead as Kea does: the
// expected tokens are listed, in grammar order, only when there are at most
// four of them; callers pass none when more are valid.
func (p *parser) unexpected(expected ...tokKind) {
	t := p.peek()
	msg := "syntax error, unexpected " + t.kind.String()
	if len(expected) > 0 && len(expected) <= 4 {
		expected = slices.Clone(expected)
		slices.Sort(expected)
		names := make([]string, len(expected))
		for i, k := range expected {
			names[i] = k.String()
		}
		msg += ", expecting " + strings.Join(names, " or ")
	}
	p.fail(t.loc, msg)
}

func (p *parser) fail(l loc, msg string) {
	panic(newError(l, msg))
}

// parseTop: the whole expression of the wanted kind, then the end.
func (p *parser) parseTop(want Kind) *node {
	var n *node
	if want == Bool {
		n = p.parseOr(ctxBool)
	} else {
		n = p.parseString()
	}
	p.expect(tEOF)
	return n
}

// parseOr: and-expr { ("or" | "sor") and-expr }. In ctxEither the result
// may be a string (then no operator follows).
func (p *parser) parseOr(ctx context) *node {
	n := p.parseAnd(ctx)
	if n.kind == String {
		return n
	}
	for p.is(tOr, tSOr) {
		op := p.take()
		n = &node{op: op.kind.String(), kind: Bool, args: []*node{n, p.parseAnd(ctxBool)}}
	}
	return n
}

// parseAnd: unary { ("and" | "sand") unary }.
func (p *parser) parseAnd(ctx context) *node {
	n := p.parseUnary(ctx)
	if n.kind == String {
		return n
	}
	for p.is(tAnd, tSAnd) {
		op := p.take()
		n = &node{op: op.kind.String(), kind: Bool, args: []*node{n, p.parseUnary(ctxBool)}}
	}
	return n
}

// parseUnary: "not" unary | comparison. "not" binds tighter than "and".
func (p *parser) parseUnary(ctx context) *node {
	if p.is(tNot) {
		p.take()
		return &node{op: "not", kind: Bool, args: []*node{p.parseUnary(ctxBool)}}
	}
	return p.parseComparison(ctx)
}

// parseComparison: a boolean primary, or string-expr "==" string-expr (in
// ctxEither a lone string-expr is returned to the enclosing parenthesis).
func (p *parser) parseComparison(ctx context) *node {
	n := p.parsePrimary(ctx)
	if n.kind == Bool {
		return n
	}
	n = p.parseConcatRest(n)
	if p.is(tEqual) {
		p.take()
		return &node{op: "==", kind: Bool, args: []*node{n, p.parseString()}}
	}
	if ctx != ctxEither {
		p.unexpected(tEqual, tPlus)
	}
	return n
}

// parseString: primary { "+" primary }, all strings.
func (p *parser) parseString() *node {
	return p.parseConcatRest(p.parsePrimary(ctxString))
}

// parseConcatRest: { "+" primary } after a string n ("+" is left
// associative).
func (p *parser) parseConcatRest(n *node) *node {
	for p.is(tPlus) {
		p.take()
		n = &node{op: "+", kind: String, args: []*node{n, p.parsePrimary(ctxString)}}
	}
	return n
}

// parseStringArg parses a string argument and the token that must follow
// it (a comma or the closing parenthesis).
func (p *parser) parseStringArg(then tokKind) *node {
	n := p.parseString()
	p.expect(then, tPlus)
	return n
}

func lit(t token) *node { return &node{op: "lit", kind: String, text: t.text} }

// parsePrimary parses one operand in context ctx.
func (p *parser) parsePrimary(ctx context) *node {
	t := p.peek()
	switch t.kind {
	case tString:
		p.take()
		return &node{op: "lit", kind: String, text: "'" + t.text + "'"}
	case tHexString, tIPAddress:
		p.take()
		return lit(t)
	case tInteger:
		p.take()
		p.convertUint32(t)
		return lit(t)
	case tLParen:
		return p.parseParen(ctx)
	case tOption:
		return p.parseOption(ctx)
	case tRelay4:
		return p.parseRelay4(ctx)
	case tRelay6:
		return p.parseRelay6(ctx)
	case tVendor:
		return p.parseVendor(ctx)
	case tVendorClass:
		return p.parseVendorClass(ctx)
	case tPkt:
		p.take()
		p.expect(tDot)
		f := p.expectOneOf(tIface, tSrc, tDst, tLen)
		return &node{op: "pkt", kind: String, text: f.kind.String()}
	case tPkt4:
		p.take()
		p.expect(tDot)
		if !p.is(tMac, tHlen, tHtype, tCiaddr, tGiaddr, tYiaddr, tSiaddr, tMsgType, tTransID) {
			p.unexpected() // nine fields: too many to list
		}
		f := p.take()
		p.onlyIn(V4, t, "pkt4 can only be used in DHCPv4.")
		return &node{op: "pkt4", kind: String, text: f.kind.String()}
	case tPkt6:
		p.take()
		p.expect(tDot)
		f := p.expectOneOf(tMsgType, tTransID)
		p.onlyIn(V6, t, "pkt6 can only be used in DHCPv6.")
		return &node{op: "pkt6", kind: String, text: f.kind.String()}
	case tMember, tMatch:
		if ctx == ctxString {
			p.unexpected()
		}
		if t.kind == tMember {
			return p.parseMember()
		}
		return p.parseMatch()
	case tSubstring:
		p.take()
		p.expect(tLParen)
		s := p.parseStringArg(tComma)
		start := p.expect(tInteger)
		p.expect(tComma)
		length := p.expectOneOf(tAll, tInteger)
		p.expect(tRParen)
		return &node{op: "substring", kind: String, args: []*node{s, lit(start), lit(length)}}
	case tSplit:
		p.take()
		p.expect(tLParen)
		s := p.parseStringArg(tComma)
		delims := p.parseStringArg(tComma)
		field := p.expect(tInteger)
		p.expect(tRParen)
		return &node{op: "split", kind: String, args: []*node{s, delims, lit(field)}}
	case tConcat, tHexstring:
		p.take()
		p.expect(tLParen)
		a := p.parseStringArg(tComma)
		b := p.parseStringArg(tRParen)
		return &node{op: t.kind.String(), kind: String, args: []*node{a, b}}
	case tIfelse, tSIfelse:
		p.take()
		p.expect(tLParen)
		cond := p.parseOr(ctxBool)
		if !p.is(tComma) {
			p.unexpected() // "," and the boolean operators: too many to list
		}
		p.take()
		a := p.parseStringArg(tComma)
		b := p.parseStringArg(tRParen)
		return &node{op: t.kind.String(), kind: String, args: []*node{cond, a, b}}
	case tAddrToText, tInt8ToText, tInt16ToText, tInt32ToText,
		tUint8ToText, tUint16ToText, tUint32ToText, tLcase, tUcase:
		p.take()
		p.expect(tLParen)
		a := p.parseStringArg(tRParen)
		return &node{op: t.kind.String(), kind: String, args: []*node{a}}
	}
	p.unexpected() // an operand: too many possibilities to list
	return nil
}

// parseParen: "(" string-expr ")" in ctxString; otherwise "(" followed by
// a boolean or a string expression and ")".
func (p *parser) parseParen(ctx context) *node {
	p.take()
	if ctx == ctxString {
		n := p.parseString()
		p.expect(tRParen, tPlus)
		return n
	}
	n := p.parseOr(ctxEither)
	if !p.is(tRParen) {
		if n.kind == String {
			p.unexpected(tRParen, tEqual, tPlus)
		}
		p.unexpected() // ")" and the four boolean operators
	}
	p.take()
	return n
}

// optionRepr parses the representation after "option[...].": text, hex,
// or (unless a string is expected) exists; more lists what else was valid
// (another ".option[...]").
func (p *parser) optionRepr(ctx context, more ...tokKind) (string, Kind) {
	valid := append([]tokKind{tText, tHex}, more...)
	if ctx != ctxString {
		valid = append(valid, tExists)
	}
	if !p.is(valid...) {
		p.unexpected(valid...)
	}
	t := p.take()
	if t.kind == tExists {
		return "exists", Bool
	}
	return t.kind.String(), String
}

// parseOption: option[code].(text|hex|exists) or
// option[code].option[sub].(text|hex|exists).
func (p *parser) parseOption(ctx context) *node {
	p.take()
	p.expect(tLBracket)
	code := p.optionCode()
	p.expect(tRBracket)
	p.expect(tDot)
	if p.is(tOption) {
		p.take()
		p.expect(tLBracket)
		sub := p.subOptionCode()
		p.expect(tRBracket)
		p.expect(tDot)
		repr, kind := p.optionRepr(ctx)
		return &node{op: "option", kind: kind, text: code + "." + sub + "." + repr}
	}
	repr, kind := p.optionRepr(ctx, tOption)
	return &node{op: "option", kind: kind, text: code + "." + repr}
}

// parseRelay4: relay4[code].(text|hex|exists), DHCPv4 only.
func (p *parser) parseRelay4(ctx context) *node {
	t := p.take()
	p.expect(tLBracket)
	code := p.subOptionCode()
	p.expect(tRBracket)
	p.expect(tDot)
	repr, kind := p.optionRepr(ctx)
	p.onlyIn(V4, t, "relay4 can only be used in DHCPv4.")
	return &node{op: "relay4", kind: kind, text: code + "." + repr}
}

// parseRelay6: relay6[nest].option[code].(text|hex|exists) or
// relay6[nest].(peeraddr|linkaddr), DHCPv6 only.
func (p *parser) parseRelay6(ctx context) *node {
	t := p.take()
	p.expect(tLBracket)
	nest := p.nestLevel()
	p.expect(tRBracket)
	p.expect(tDot)
	var n *node
	switch f := p.expectOneOf(tOption, tPeerAddr, tLinkAddr); f.kind {
	case tOption:
		p.expect(tLBracket)
		code := p.subOptionCode()
		p.expect(tRBracket)
		p.expect(tDot)
		repr, kind := p.optionRepr(ctx)
		n = &node{op: "relay6", kind: kind, text: nest + ".option." + code + "." + repr}
	default:
		n = &node{op: "relay6", kind: String, text: nest + "." + f.kind.String()}
	}
	p.onlyIn(V6, t, "relay6 can only be used in DHCPv6.")
	return n
}

// parseVendor: vendor.enterprise, vendor[ent].exists or
// vendor[ent].option[code].(text|hex|exists).
func (p *parser) parseVendor(ctx context) *node {
	p.take()
	if p.expectOneOf(tLBracket, tDot).kind == tDot {
		p.expect(tEnterprise)
		return &node{op: "vendor", kind: String, text: "enterprise"}
	}
	ent := p.enterpriseID()
	p.expect(tRBracket)
	p.expect(tDot)
	valid := []tokKind{tOption}
	if ctx != ctxString {
		valid = append(valid, tExists)
	}
	if !p.is(valid...) {
		p.unexpected(valid...)
	}
	if p.take().kind == tExists {
		return &node{op: "vendor", kind: Bool, text: ent + ".exists"}
	}
	p.expect(tLBracket)
	code := p.subOptionCode()
	p.expect(tRBracket)
	p.expect(tDot)
	repr, kind := p.optionRepr(ctx)
	return &node{op: "vendor", kind: kind, text: ent + ".option." + code + "." + repr}
}

// parseVendorClass: vendor-class.enterprise, vendor-class[ent].exists,
// vendor-class[ent].data or vendor-class[ent].data[index].
func (p *parser) parseVendorClass(ctx context) *node {
	p.take()
	if p.expectOneOf(tLBracket, tDot).kind == tDot {
		p.expect(tEnterprise)
		return &node{op: "vendor-class", kind: String, text: "enterprise"}
	}
	ent := p.enterpriseID()
	p.expect(tRBracket)
	p.expect(tDot)
	valid := []tokKind{tData}
	if ctx != ctxString {
		valid = append(valid, tExists)
	}
	if !p.is(valid...) {
		p.unexpected(valid...)
	}
	if p.take().kind == tExists {
		return &node{op: "vendor-class", kind: Bool, text: ent + ".exists"}
	}
	text := ent + ".data"
	if p.is(tLBracket) {
		p.take()
		idx := p.expect(tInteger)
		p.convertRange(idx, 0, 255, "0..255")
		p.expect(tRBracket)
		text += "[" + idx.text + "]"
	}
	return &node{op: "vendor-class", kind: String, text: text}
}

// parseMember: member('class').
func (p *parser) parseMember() *node {
	p.take()
	p.expect(tLParen)
	name := p.expect(tString)
	p.expect(tRParen)
	if p.env.ClassDefined != nil && !p.env.ClassDefined(name.text) {
		p.fail(name.loc, "Not defined client class '"+name.text+"'")
	}
	return &node{op: "member", kind: Bool, text: name.text}
}

// parseMatch: match('regex', string-expr); Kea compiles the regular
// expression (ECMAScript) when it reads the expression.
func (p *parser) parseMatch() *node {
	p.take()
	p.expect(tLParen)
	re := p.expect(tString)
	p.expect(tComma)
	s := p.parseStringArg(tRParen)
	if msg := checkRegex(re.text); msg != "" {
		p.fail(re.loc, "invalid regular expression '"+re.text+"': "+msg)
	}
	return &node{op: "match", kind: Bool, text: "'" + re.text + "'", args: []*node{s}}
}

// onlyIn reports msg at the keyword t unless the server is of family f.
func (p *parser) onlyIn(f Family, t token, msg string) {
	if p.family != f {
		p.fail(t.loc, msg)
	}
}

// optionCode: an option code (0..255 in DHCPv4, 0..65535 in DHCPv6) or an
// option name.
func (p *parser) optionCode() string {
	if !p.is(tInteger, tOptionName) {
		p.unexpected(tInteger, tOptionName)
	}
	t := p.take()
	if t.kind == tOptionName {
		if p.env.OptionDefined != nil && !p.env.OptionDefined(t.text) {
			p.fail(t.loc, "option '"+t.text+"' is not defined")
		}
		return t.text
	}
	p.checkOptionCode(t)
	return t.text
}

// subOptionCode: a numeric option code (names are not allowed here).
func (p *parser) subOptionCode() string {
	t := p.expect(tInteger)
	p.checkOptionCode(t)
	return t.text
}

func (p *parser) checkOptionCode(t token) {
	n, err := strconv.ParseInt(t.text, 10, 32)
	if err != nil {
		p.fail(t.loc, "Option code has invalid value in "+t.text)
	}
	limit, allowed := int64(255), "0..255"
	if p.family == V6 {
		limit, allowed = 65535, "0..65535"
	}
	if n < 0 || n > limit {
		p.fail(t.loc, "Option code has invalid value in "+t.text+". Allowed range: "+allowed)
	}
}

// nestLevel: a relay nesting level, an int8 within -32..31 (DHCPv6 only).
func (p *parser) nestLevel() string {
	t := p.expect(tInteger)
	n := p.convertRange(t, -128, 127, "-128..127")
	if p.family != V6 {
		p.fail(t.loc, "Nest level invalid for DHCPv4 packets")
	}
	if n < -32 || n >= 32 {
		p.fail(t.loc, "Nest level has invalid value in "+t.text+". Allowed range: -32..31")
	}
	return t.text
}

// enterpriseID: a uint32 enterprise number or "*" (any).
func (p *parser) enterpriseID() string {
	if !p.is(tAny, tInteger) {
		p.unexpected(tAny, tInteger)
	}
	t := p.take()
	if t.kind == tInteger {
		p.convertUint32(t)
	}
	return t.text
}

// convertUint32 checks an integer used as a uint32 (an integer constant
// or an enterprise number). Kea reads negative numbers modulo 2^64, so
// every negative number but -0 is out of range.
func (p *parser) convertUint32(t token) {
	n, _ := strconv.ParseInt(t.text, 10, 64) // the lexer checked the syntax
	if n < 0 || n > 4294967295 {
		p.fail(t.loc, "Invalid value in "+t.text+". Allowed range: 0..4294967295")
	}
}

// convertRange checks that an integer is within lo..hi.
func (p *parser) convertRange(t token, lo, hi int64, allowed string) int64 {
	n, _ := strconv.ParseInt(t.text, 10, 64) // the lexer checked the syntax
	if n < lo || n > hi {
		p.fail(t.loc, "Invalid value in "+t.text+". Allowed range: "+allowed)
	}
	return n
}
