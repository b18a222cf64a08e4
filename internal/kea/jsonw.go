package kea

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Object is a JSON object that keeps its keys in insertion order. The
// renderers build documents out of Objects so that key order is part of the
// code, not of a map's iteration order.
type Object struct {
	keys []string
	vals []any
}

// Float is a Kea real-number value. Kea's grammar types real keys such as
// "t1-percent" as floating point and rejects an integer literal there, so a
// Float always prints with a decimal point (1 prints as 1.0).
type Float float64

// Set appends key with value v. Values may be string, bool, int, int64,
// uint32, Float, json.Number, *Object, []any, []string or []*Object.
func (o *Object) Set(key string, v any) *Object {
	o.keys = append(o.keys, key)
	o.vals = append(o.vals, v)
	return o
}

// reset empties o, keeping its arrays for the next use.
func (o *Object) reset() {
	clear(o.vals) // let go of what the values held
	o.keys, o.vals = o.keys[:0], o.vals[:0]
}

// Has reports whether key is present.
func (o *Object) Has(key string) bool {
	for _, k := range o.keys {
		if k == key {
			return true
		}
	}
	return false
}

// Get returns the value stored under key.
func (o *Object) Get(key string) (any, bool) {
	for i, k := range o.keys {
		if k == key {
			return o.vals[i], true
		}
	}
	return nil, false
}

// Keys returns the keys in order.
func (o *Object) Keys() []string { return append([]string(nil), o.keys...) }

// Len is the number of keys.
func (o *Object) Len() int { return len(o.keys) }

// Marshal renders v as indented JSON (two spaces) with a trailing newline.
func Marshal(v any) []byte { return marshalSized(v, 0) }

// marshalSized is Marshal into a buffer that starts at sizeHint bytes.
func marshalSized(v any, sizeHint int) []byte {
	b := docBuffer{first: sizeHint}
	writeValue(&b, v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

// streamed is a value the tree does not hold: it writes itself when the
// document is written (see hostList).
type streamed interface {
	writeJSON(b *docBuffer, depth int)
}

// docBuffer collects a document in chunks that are never copied while it
// grows, and Bytes joins them once, into a slice of the exact size. A
// bytes.Buffer doubles and copies instead: an 8 MB document passes through
// 16 MB of discarded arrays and ends in a 16 MB one.
type docBuffer struct {
	done  [][]byte // full chunks
	cur   []byte
	n     int // bytes in done
	first int // the first chunk's size when over firstChunk (RenderSized)
}

const (
	firstChunk = 4 << 10
	maxChunk   = 1 << 20
)

// room makes space for at least one byte in cur.
func (b *docBuffer) room() {
	if len(b.cur) < cap(b.cur) {
		return
	}
	size := max(firstChunk, b.first)
	if b.cur != nil {
		b.done = append(b.done, b.cur)
		b.n += len(b.cur)
		size = min(2*cap(b.cur), maxChunk)
	}
	b.cur = make([]byte, 0, size)
}

// WriteByte appends c; it never fails (the error is io.ByteWriter's).
func (b *docBuffer) WriteByte(c byte) error {
	b.room()
	b.cur = append(b.cur, c)
	return nil
}

// WriteString appends s; it never fails (the results are io.StringWriter's).
func (b *docBuffer) WriteString(s string) (int, error) {
	n := len(s)
	for len(s) > 0 {
		b.room()
		k := copy(b.cur[len(b.cur):cap(b.cur)], s)
		b.cur = b.cur[:len(b.cur)+k]
		s = s[k:]
	}
	return n, nil
}

// Len is the number of bytes written.
func (b *docBuffer) Len() int { return b.n + len(b.cur) }

// Bytes is the whole document: the first chunk when it holds all of it,
// else one new slice of the exact size.
func (b *docBuffer) Bytes() []byte {
	if len(b.done) == 0 {
		return b.cur
	}
	out := make([]byte, 0, b.Len())
	for _, c := range b.done {
		out = append(out, c...)
	}
	return append(out, b.cur...)
}

// MarshalJSON makes an Object usable with encoding/json (used to compare
// the renderer against json.Marshal in benchmarks and tests).
func (o *Object) MarshalJSON() ([]byte, error) {
	var b docBuffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(&b, k)
		b.WriteByte(':')
		enc, err := json.Marshal(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.WriteString(string(enc))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalJSON prints the float with a decimal point.
func (f Float) MarshalJSON() ([]byte, error) { return []byte(formatFloat(float64(f))), nil }

func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return s
		}
	}
	return s + ".0"
}

func indent(b *docBuffer, n int) {
	b.WriteByte('\n')
	for i := 0; i < n; i++ {
		b.WriteString("  ")
	}
}

func writeValue(b *docBuffer, v any, depth int) {
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		writeString(b, t)
	case bool:
		if t {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int:
		b.WriteString(strconv.Itoa(t))
	case int64:
		b.WriteString(strconv.FormatInt(t, 10))
	case uint32:
		b.WriteString(strconv.FormatUint(uint64(t), 10))
	case Float:
		b.WriteString(formatFloat(float64(t)))
	case json.Number:
		b.WriteString(t.String())
	case *Object:
		if len(t.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, k := range t.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			indent(b, depth+1)
			writeString(b, k)
			b.WriteString(": ")
			writeValue(b, t.vals[i], depth+1)
		}
		indent(b, depth)
		b.WriteByte('}')
	case []any:
		if len(t) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			indent(b, depth+1)
			writeValue(b, e, depth+1)
		}
		indent(b, depth)
		b.WriteByte(']')
	case []string:
		if len(t) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			indent(b, depth+1)
			writeString(b, e)
		}
		indent(b, depth)
		b.WriteByte(']')
	case []*Object:
		l := make([]any, len(t))
		for i := range t {
			l[i] = t[i]
		}
		writeValue(b, l, depth)
	case streamed:
		t.writeJSON(b, depth)
	default:
		panic(fmt.Sprintf("kea: cannot render %T", v))
	}
}

const hexDigits = "0123456789abcdef"

// writeString writes s as a JSON string. Unlike encoding/json it does not
// escape <, > and &, which appear in Kea expressions.
func writeString(b *docBuffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}
