package expr

import (
	"errors"
	"strconv"
)

// Kea's match('regex', ...) compiles the regular expression with the C++
// standard library's std::regex (ECMAScript grammar, libstdc++ as shipped
// with Kea's Debian packages) when it reads the configuration. checkRegex
// mirrors that compiler closely enough to reject what it rejects, with its
// messages: it is a validator, not a matcher.

// regexStateLimit is libstdc++'s _GLIBCXX_REGEX_STATE_LIMIT: a regular
// expression compiling to more NFA states is rejected.
const regexStateLimit = 100000

const (
	reParen    = "Mismatched '(' and ')' in regular expression"
	reBrace    = "Mismatched '{' and '}' in regular expression"
	reBadBrace = "Invalid range in '{}' in regular expression"
	reBraceChr = "Unexpected character in brace expression."
	reAssert   = "Invalid '(?...)' zero-width assertion in regular expression"
	reEscEnd   = "Invalid escape at end of regular expression"
	reHex      = "Invalid '\\xNN' control character in regular expression"
	reUnicode  = "Invalid '\\uNNNN' control character in regular expression"
	reCtrl     = "invalid '\\cX' control character in regular expression"
	reBackref  = "Back-reference index exceeds current sub-expression count."
	reBrack    = "Unexpected character within '[...]' in regular expression"
	reRange    = "Invalid range in bracket expression."
	reRangeBeg = "Invalid start of '[x-x]' range in regular expression"
	reRangeEnd = "Invalid end of '[x-x]' range in regular expression"
	reCtype    = "Invalid character class."
	reStates   = "Number of NFA states exceeds limit. Please use shorter regex string, or use smaller brace expression, or make _GLIBCXX_REGEX_STATE_LIMIT larger."
)

// reError stops the validation with a message.
type reError string

type reChecker struct {
	s      string
	i      int
	groups int // capturing groups opened so far
}

// checkRegex returns "" when std::regex accepts re, or its message.
func checkRegex(re string) (msg string) {
	c := &reChecker{s: re}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(reError)
			if !ok {
				panic(r)
			}
			msg = string(e)
		}
	}()
	states := c.disjunction() + 3 // the enclosing group and the accept state
	if c.i < len(c.s) {
		panic(reError(reParen)) // a stray ")" or a quantifier with no atom
	}
	if states > regexStateLimit {
		panic(reError(reStates))
	}
	return ""
}

func (c *reChecker) more() bool { return c.i < len(c.s) }
func (c *reChecker) peekIs(b byte) bool {
	return c.i < len(c.s) && c.s[c.i] == b
}

// disjunction: alternative { "|" alternative }; returns its NFA size.
func (c *reChecker) disjunction() int {
	n := c.alternative()
	for c.peekIs('|') {
		c.i++
		n += c.alternative() + 2
	}
	return n
}

// alternative: { term }, up to "|", ")" or the end.
func (c *reChecker) alternative() int {
	n := 1
	for c.more() {
		size, ok := c.term()
		if !ok {
			break
		}
		n = addStates(n, size)
	}
	return n
}

// term: an assertion, or an atom with its quantifiers. It reports false
// (consuming nothing) at "|", ")", a quantifier with no atom, or the end.
func (c *reChecker) term() (int, bool) {
	switch c.s[c.i] {
	case '|', ')', '*', '+', '?', '{':
		return 0, false
	case '^', '$':
		c.i++
		return 1, true
	case '\\':
		if c.i+1 < len(c.s) && (c.s[c.i+1] == 'b' || c.s[c.i+1] == 'B') {
			c.i += 2
			return 1, true
		}
	case '(':
		if c.i+2 < len(c.s) && c.s[c.i+1] == '?' && (c.s[c.i+2] == '=' || c.s[c.i+2] == '!') {
			c.i += 3
			n := c.group()
			return n + 2, true // lookaheads are assertions: no quantifier
		}
	}
	size := c.atom()
	for c.more() {
		var ok bool
		size, ok = c.quantifier(size)
		if !ok {
			break
		}
	}
	return size, true
}

// group: the inside of a group after its opening, and its ")".
func (c *reChecker) group() int {
	n := c.disjunction()
	if !c.peekIs(')') {
		panic(reError(reParen))
	}
	c.i++
	return n
}

// atom: ".", a literal, an escape, a group or a bracket expression.
func (c *reChecker) atom() int {
	switch c.s[c.i] {
	case '(':
		c.i++
		if c.peekIs('?') {
			if c.i+1 < len(c.s) && c.s[c.i+1] == ':' {
				c.i += 2
				return c.group() + 2
			}
			panic(reError(reAssert))
		}
		c.groups++
		return c.group() + 2
	case '[':
		c.i++
		c.bracket()
		return 1
	case '\\':
		c.escape()
		return 1
	}
	c.i++ // ".", "]", "}" and other characters stand for themselves
	return 1
}

// quantifier: "*", "+", "?" or "{n}", "{n,}", "{n,m}", each optionally
// followed by "?" (lazy). It returns the NFA size of the quantified atom.
func (c *reChecker) quantifier(size int) (int, bool) {
	switch c.s[c.i] {
	case '*', '+', '?':
		c.i++
		if c.peekIs('?') {
			c.i++
		}
		return addStates(size, 2), true
	case '{':
	default:
		return size, false
	}
	c.i++
	lo, ok := c.number()
	if !ok {
		panic(reError(reBadBrace))
	}
	hi, infinite := lo, false
	if c.peekIs(',') {
		c.i++
		if n, ok := c.number(); ok {
			hi = n
		} else {
			infinite = true
		}
	}
	switch {
	case !c.more():
		panic(reError(reBrace))
	case c.s[c.i] != '}':
		panic(reError(reBraceChr))
	}
	c.i++
	if !infinite && hi < lo {
		panic(reError(reBadBrace))
	}
	if c.peekIs('?') {
		c.i++
	}
	// libstdc++ keeps the atom, adds two dummy states, a copy of the atom
	// per mandatory repetition and a copy with a repeat state per optional
	// one (one copy when unbounded).
	optional := 1
	if !infinite {
		optional = hi - lo
	}
	n := addStates(size+2, mulStates(size, lo))
	return addStates(n, mulStates(size+1, optional)), true
}

// number reads decimal digits.
func (c *reChecker) number() (int, bool) {
	start := c.i
	for c.more() && isDigit(c.s[c.i]) {
		c.i++
	}
	if c.i == start {
		return 0, false
	}
	n, err := strconv.Atoi(c.s[start:c.i])
	if err != nil {
		n = regexStateLimit + 1
	}
	return n, true
}

// escape: a backslash sequence outside brackets.
func (c *reChecker) escape() {
	c.i++ // the backslash
	if !c.more() {
		panic(reError(reEscEnd))
	}
	e := c.s[c.i]
	c.i++
	switch {
	case e == 'x':
		c.hexDigits(2, reHex)
	case e == 'u':
		c.hexDigits(4, reUnicode)
	case e == 'c':
		if !c.more() {
			panic(reError(reCtrl))
		}
		c.i++
	case e >= '1' && e <= '9':
		start := c.i - 1
		for c.more() && isDigit(c.s[c.i]) {
			c.i++
		}
		n, err := strconv.Atoi(c.s[start:c.i])
		if err != nil || n > c.groups {
			panic(reError(reBackref))
		}
	}
}

func (c *reChecker) hexDigits(n int, msg string) {
	for range n {
		if !c.more() || !isHexDigit(c.s[c.i]) {
			panic(reError(msg))
		}
		c.i++
	}
}

// classNames are the names std::regex_traits<char> accepts in [[:name:]].
var classNames = map[string]bool{
	"alnum": true, "alpha": true, "blank": true, "cntrl": true, "digit": true,
	"graph": true, "lower": true, "print": true, "punct": true, "space": true,
	"upper": true, "xdigit": true, "d": true, "s": true, "w": true,
}

// bracket: a bracket expression after its "[", up to and including "]".
// In the ECMAScript grammar "[]" and "[^]" are complete (empty) classes.
func (c *reChecker) bracket() {
	if c.peekIs('^') {
		c.i++
	}
	for {
		if !c.more() {
			panic(reError(reBrack))
		}
		if c.s[c.i] == ']' {
			c.i++
			return
		}
		// One item: a class ([:x:], \d), or a character possibly starting
		// a range. A "-" first or last is a literal.
		ch, isClass := c.bracketItem()
		if !c.peekIs('-') {
			continue
		}
		if c.i+1 >= len(c.s) {
			panic(reError(reRangeEnd))
		}
		if c.s[c.i+1] == ']' {
			continue // a final "-": read as a literal next
		}
		c.i++ // the "-"
		if isClass {
			panic(reError(reRangeBeg))
		}
		end, endClass := c.bracketItem()
		if endClass {
			panic(reError(reRangeEnd))
		}
		// libstdc++ compares plain (signed) chars.
		if int8(ch) > int8(end) {
			panic(reError(reRange))
		}
	}
}

// bracketItem reads one element of a bracket expression: it returns the
// character, or isClass for a character class.
func (c *reChecker) bracketItem() (ch byte, isClass bool) {
	if !c.more() {
		panic(reError(reRangeEnd))
	}
	b := c.s[c.i]
	switch {
	case b == '[' && c.i+1 < len(c.s) && (c.s[c.i+1] == ':' || c.s[c.i+1] == '.' || c.s[c.i+1] == '='):
		kind := c.s[c.i+1]
		start := c.i + 2
		for j := start; j+1 < len(c.s); j++ {
			if c.s[j] == kind && c.s[j+1] == ']' {
				name := c.s[start:j]
				c.i = j + 2
				if kind == ':' {
					if !classNames[name] {
						panic(reError(reCtype))
					}
					return 0, true
				}
				if name == "" {
					return 0, false
				}
				return name[0], false
			}
		}
		panic(reError(reBrack))
	case b == '\\':
		c.i++
		if !c.more() {
			panic(reError(reBrack))
		}
		e := c.s[c.i]
		c.i++
		switch e {
		case 'd', 'D', 's', 'S', 'w', 'W':
			return 0, true
		case 'x':
			c.hexDigits(2, reHex)
		case 'u':
			c.hexDigits(4, reUnicode)
		case 'b':
			return '\b', false
		}
		return e, false
	}
	c.i++
	return b, false
}

// addStates and mulStates count NFA states, saturating above the limit.
func addStates(a, b int) int { return min(a+b, regexStateLimit+1) }
func mulStates(a, b int) int {
	if a != 0 && b > (regexStateLimit+1)/a {
		return regexStateLimit + 1
	}
	return min(a*b, regexStateLimit+1)
}

// CheckRegex reports whether libstdc++'s std::regex (as Kea 3.0 is built
// with) accepts re, with its message when it does not. Kea compiles
// match() patterns and hostname-char-set with it.
func CheckRegex(re string) error {
	if msg := checkRegex(re); msg != "" {
		return errors.New(msg)
	}
	return nil
}
