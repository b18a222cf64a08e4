package kea

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Reading JSON into Objects, which keep their keys in order and their
// numbers as written: user-supplied JSON (user_context, extra_json, hook
// parameters) and whole Kea documents (Parse). A reader of its own, over
// bytes: encoding/json's token stream keeps no order cheaply and was most
// of the time of reading a large document back.

// ParseObject decodes a JSON object keeping its key order and number
// literals.
func ParseObject(s string) (*Object, error) {
	r := jsonReader{s: s}
	r.space()
	if r.i >= len(r.s) {
		return nil, fmt.Errorf("not valid JSON: unexpected end of JSON input")
	}
	if r.s[r.i] != '{' {
		v, err := r.value()
		if err != nil {
			return nil, r.wrap(err)
		}
		return nil, fmt.Errorf("must be a JSON object, got %s", jsonKind(v))
	}
	v, err := r.value()
	if err != nil {
		return nil, r.wrap(err)
	}
	r.space()
	if r.i < len(r.s) {
		return nil, fmt.Errorf("not valid JSON: unexpected data after the object")
	}
	return v.(*Object), nil
}

// wrap says where a fault is: numbers out of Kea's range as they are,
// anything else as not valid JSON, at its line and column.
func (r *jsonReader) wrap(err error) error {
	if ne, ok := err.(numberError); ok {
		return ne
	}
	line := 1 + strings.Count(r.s[:r.i], "\n")
	col := r.i - strings.LastIndexByte(r.s[:r.i], '\n')
	return fmt.Errorf("not valid JSON: %v (line %d, column %d)", err, line, col)
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", v)
}

type jsonReader struct {
	s     string
	i     int
	depth int
}

// maxDepth bounds nesting, as encoding/json does, so that no input can
// exhaust the stack.
const maxDepth = 10000

func (r *jsonReader) space() {
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

func (r *jsonReader) unexpected() error {
	if r.i >= len(r.s) {
		return fmt.Errorf("unexpected end of JSON input")
	}
	return fmt.Errorf("unexpected %q", r.s[r.i])
}

// value reads one value at r.i (spaces before it skipped).
func (r *jsonReader) value() (any, error) {
	r.space()
	if r.i >= len(r.s) {
		return nil, r.unexpected()
	}
	switch c := r.s[r.i]; {
	case c == '{':
		return r.object()
	case c == '[':
		return r.array()
	case c == '"':
		return r.str()
	case c == '-' || c >= '0' && c <= '9':
		return r.number()
	case strings.HasPrefix(r.s[r.i:], "true"):
		r.i += 4
		return true, nil
	case strings.HasPrefix(r.s[r.i:], "false"):
		r.i += 5
		return false, nil
	case strings.HasPrefix(r.s[r.i:], "null"):
		r.i += 4
		return nil, nil
	}
	return nil, r.unexpected()
}

func (r *jsonReader) object() (*Object, error) {
	o := &Object{}
	err := r.elements('}', func() error {
		r.space()
		if r.i >= len(r.s) || r.s[r.i] != '"' {
			return r.unexpected()
		}
		key, err := r.str()
		if err != nil {
			return err
		}
		if o.Has(key) {
			return fmt.Errorf("duplicate key %q", key)
		}
		r.space()
		if r.i >= len(r.s) || r.s[r.i] != ':' {
			return r.unexpected()
		}
		r.i++
		v, err := r.value()
		o.Set(key, v)
		return err
	})
	return o, err
}

func (r *jsonReader) array() ([]any, error) {
	l := []any{}
	err := r.elements(']', func() error {
		v, err := r.value()
		l = append(l, v)
		return err
	})
	return l, err
}

// elements reads the elements of an object or array from its opening
// character to close, each by one call of elem; commas between them.
func (r *jsonReader) elements(close byte, elem func() error) error {
	if r.depth++; r.depth > maxDepth {
		return fmt.Errorf("exceeded max depth")
	}
	defer func() { r.depth-- }()
	r.i++ // { or [
	r.space()
	if r.i < len(r.s) && r.s[r.i] == close {
		r.i++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		r.space()
		if r.i >= len(r.s) {
			return r.unexpected()
		}
		switch r.s[r.i] {
		case ',':
			r.i++
		case close:
			r.i++
			return nil
		default:
			return r.unexpected()
		}
	}
}

// str reads a string; invalid UTF-8 becomes U+FFFD, as encoding/json has it.
func (r *jsonReader) str() (string, error) {
	r.i++ // "
	start := r.i
	for r.i < len(r.s) { // the common case: nothing to unescape
		c := r.s[r.i]
		if c == '"' {
			s := r.s[start:r.i]
			r.i++
			return s, nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		r.i++
	}
	var b strings.Builder
	b.WriteString(r.s[start:r.i])
	for r.i < len(r.s) {
		c := r.s[r.i]
		switch {
		case c == '"':
			r.i++
			return b.String(), nil
		case c < 0x20:
			return "", fmt.Errorf("invalid character %q in string literal", c)
		case c == '\\':
			if r.i+1 >= len(r.s) {
				return "", r.unexpected()
			}
			e := r.s[r.i+1]
			r.i += 2
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				u, ok := r.hex4()
				if !ok {
					return "", fmt.Errorf("invalid escape in string literal")
				}
				if utf16.IsSurrogate(u) {
					if strings.HasPrefix(r.s[r.i:], `\u`) {
						r.i += 2
						if u2, ok := r.hex4(); ok {
							if d := utf16.DecodeRune(u, u2); d != utf8.RuneError {
								b.WriteRune(d)
								continue
							}
							b.WriteRune(utf8.RuneError)
							u = u2
						} else {
							return "", fmt.Errorf("invalid escape in string literal")
						}
					} else {
						u = utf8.RuneError
					}
				}
				b.WriteRune(u)
			default:
				return "", fmt.Errorf("invalid escape character %q in string literal", e)
			}
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			r.i++
		default:
			ru, size := utf8.DecodeRuneInString(r.s[r.i:])
			b.WriteRune(ru) // RuneError for invalid UTF-8
			r.i += size
		}
	}
	return "", r.unexpected()
}

func (r *jsonReader) hex4() (rune, bool) {
	if r.i+4 > len(r.s) {
		return 0, false
	}
	n, err := strconv.ParseUint(r.s[r.i:r.i+4], 16, 32)
	if err != nil {
		return 0, false
	}
	r.i += 4
	return rune(n), true
}

// number reads a number as written (JSON's grammar) and applies Kea's
// range rules to it.
func (r *jsonReader) number() (json.Number, error) {
	start := r.i
	digits := func() int {
		n := 0
		for r.i < len(r.s) && r.s[r.i] >= '0' && r.s[r.i] <= '9' {
			r.i++
			n++
		}
		return n
	}
	if r.s[r.i] == '-' {
		r.i++
	}
	switch {
	case r.i < len(r.s) && r.s[r.i] == '0':
		r.i++
	case digits() == 0:
		return "", r.unexpected()
	}
	if r.i < len(r.s) && r.s[r.i] == '.' {
		r.i++
		if digits() == 0 {
			return "", r.unexpected()
		}
	}
	if r.i < len(r.s) && (r.s[r.i] == 'e' || r.s[r.i] == 'E') {
		r.i++
		if r.i < len(r.s) && (r.s[r.i] == '+' || r.s[r.i] == '-') {
			r.i++
		}
		if digits() == 0 {
			return "", r.unexpected()
		}
	}
	n := json.Number(r.s[start:r.i])
	return n, checkNumber(n)
}

// checkNumber applies Kea's number rules: an integer literal must fit in 64
// bits ("Failed to convert ... to an integer"), any other must be a finite
// double ("Failed to convert ... to a floating point").
func checkNumber(n json.Number) error {
	s := n.String()
	if !strings.ContainsAny(s, ".eE") {
		if _, err := strconv.ParseInt(s, 10, 64); err != nil {
			return numberError{fmt.Errorf("the number %s is outside Kea's integer range (-9223372036854775808 to 9223372036854775807)", s)}
		}
		return nil
	}
	if f, err := strconv.ParseFloat(s, 64); err != nil || math.IsInf(f, 0) {
		return numberError{fmt.Errorf("the number %s is outside Kea's floating-point range (a double)", s)}
	}
	return nil
}

// numberError is a number Kea cannot read in otherwise valid JSON.
type numberError struct{ error }
