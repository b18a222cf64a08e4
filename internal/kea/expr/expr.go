// Package expr checks Kea 3.0 client-classification expressions: the "test"
// (boolean) and "template-test" (string) expressions of client classes.
//
// It follows the grammar of Kea's evaluator (src/lib/eval/parser.yy and
// lexer.ll of the 3.0 series) so that an expression Kea would reject at
// configuration time is rejected at plan time, with Kea's message and
// position where practical (see Error). It is a checker, not an evaluator.
//
// The grammar is that of Kea 3.0.3's libkea-eval (its parser tables name the
// same 70 tokens and 22 nonterminals as the Bison 3.8 parser.cc generated
// from parser.yy of the 2.7/3.0 series, which was followed rule by rule);
// every verdict of testdata/corpus.json was checked with kea-dhcp4/6 -T.
//
// What Parse cannot know without the rest of the configuration is left to
// an optional Env: whether the class named in member('x') is defined before
// the class being checked, and whether an option name (option[routers])
// resolves to a standard or custom option definition.
package expr

import (
	"fmt"
	"strings"
)

// Family is the DHCP family of the server checking the expression: 4 or 6.
type Family int

// The families.
const (
	V4 Family = 4
	V6 Family = 6
)

// Kind is the type of a Kea expression.
type Kind int

// The kinds: a "test" is Bool, a "template-test" is String.
const (
	Bool Kind = iota
	String
)

func (k Kind) String() string {
	if k == Bool {
		return "bool"
	}
	return "string"
}

// Env supplies what the expression refers to outside itself. A nil Env, or
// a nil field, accepts every name.
type Env struct {
	// ClassDefined reports whether member(name) may be used: Kea accepts
	// built-in classes and the classes defined before the one checked.
	ClassDefined func(name string) bool
	// OptionDefined reports whether option[name] resolves in the family's
	// standard option space (standard or custom definitions).
	OptionDefined func(name string) bool
}

// Error is a rejected expression, with the position Kea reports.
type Error struct {
	Line int // 1-based line of the start of the faulty token
	Pos  int // 1-based column of the start of the faulty token
	// EndLine and End are the line and column of the last byte of the
	// token (End is Pos-1 for an empty token, as at the end of input).
	EndLine int
	End     int
	Msg     string
}

func newError(l loc, msg string) *Error {
	return &Error{Line: l.line, Pos: l.col, EndLine: l.endLine, End: l.endCol - 1, Msg: msg}
}

// Error renders the error as Kea does, without Kea's "<string>:" prefix:
// "1.5-7: syntax error, unexpected and, expecting == or +".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d.%d", e.Line, e.Pos)
	switch {
	case e.EndLine > e.Line:
		fmt.Fprintf(&b, "-%d.%d", e.EndLine, e.End)
	case e.End > e.Pos:
		fmt.Fprintf(&b, "-%d", e.End)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Parse checks src as Kea would for a DHCPv<family> server, expecting a
// value of kind want (a "test" is Bool, a "template-test" String). It
// returns the client classes referenced with member('x'), each once, in
// order of first appearance, or an *Error. Class and option names are not
// resolved; see ParseEnv.
func Parse(src string, family Family, want Kind) (members []string, err error) {
	return ParseEnv(src, family, want, nil)
}

// ParseEnv is Parse with names resolved through env.
func ParseEnv(src string, family Family, want Kind, env *Env) (members []string, err error) {
	n, err := parse(src, family, want, env)
	if err != nil {
		return nil, err
	}
	return n.members(), nil
}

// parse returns the syntax tree of src.
func parse(src string, family Family, want Kind, env *Env) (n *node, err error) {
	if family != V4 && family != V6 {
		return nil, &Error{Line: 1, Pos: 1, EndLine: 1, Msg: fmt.Sprintf("unsupported DHCP family %d", int(family))}
	}
	if src == "" && want == String {
		// Kea checks an empty template-test before parsing it (an empty
		// test goes to the parser: "unexpected end of file").
		return nil, &Error{Line: 1, Pos: 1, EndLine: 1, Msg: "expression can not be empty"}
	}
	if env == nil {
		env = &Env{}
	}
	p := &parser{lx: newLexer(src), family: family, env: env}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			n, err = nil, e
		}
	}()
	return p.parseTop(want), nil
}
