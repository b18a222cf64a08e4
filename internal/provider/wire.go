package provider

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unsafe"

	"github.com/keaform/terraform-provider-kea/internal/kea"
	"github.com/vmihailenco/msgpack/v5"
	"github.com/vmihailenco/msgpack/v5/msgpcode"
)

// wireReader reads Terraform's msgpack encoding of the estate lists in one
// pass, straight into the kea types: no tftypes value tree, no maps, no
// JSON. It follows the attribute tables and the conversion rules of the
// tftypes decoder (scalar.go), and reports every fault with the same path
// ("subnets[3].pools"). A large estate given to provider::kea::config
// arrives this way; see provider_server.go.
//
// Terraform encodes objects and maps as msgpack maps with their keys in
// sorted order, lists, tuples and sets as arrays, unknown values as
// extensions, and a value whose declared type is dynamic (a function's
// dynamic argument) as the pair [type JSON, value] (dynamicBody).
type wireReader struct {
	dec  *msgpack.Decoder
	src  *bytes.Reader // what dec reads, unbuffered (a bytes.Reader is an io.ByteScanner)
	body []byte        // all of it
	d    *decoder
	bad  error // the stream itself is malformed
	// origins, when set, records where objects came from (flat.go).
	origins *origins
	// keys and lastKind serve objectKind (flat.go): a buffer of an
	// object's attribute names, and the kind of the last object read.
	keys     []string
	lastKind *objectKind
}

// newWireReader reads the dynamic argument b.
func newWireReader(b []byte, d *decoder) *wireReader {
	body, err := dynamicBody(b)
	src := bytes.NewReader(body)
	return &wireReader{dec: msgpack.NewDecoder(src), src: src, body: body, d: d, bad: err}
}

// what is next in the stream.
type wireNext int

const (
	nNull wireNext = iota
	nUnknown
	nString
	nNumber
	nBool
	nList
	nObject
	nBad
)

// sharing reads on from where w is, recording its findings in d.
func (w *wireReader) sharing(d *decoder) *wireReader {
	return &wireReader{dec: w.dec, src: w.src, body: w.body, d: d, origins: w.origins}
}

func (w *wireReader) fail(err error) {
	if err != nil && w.bad == nil {
		w.bad = err
	}
}

func (w *wireReader) peek() wireNext {
	if w.bad != nil {
		return nBad
	}
	c, err := w.dec.PeekCode()
	if err != nil {
		w.fail(err)
		return nBad
	}
	switch {
	case c == msgpcode.Nil:
		return nNull
	case c == msgpcode.True || c == msgpcode.False:
		return nBool
	case msgpcode.IsFixedNum(c), c >= msgpcode.Uint8 && c <= msgpcode.Int64, c == msgpcode.Float, c == msgpcode.Double:
		return nNumber
	case msgpcode.IsString(c):
		return nString
	case msgpcode.IsFixedArray(c), c == msgpcode.Array16, c == msgpcode.Array32:
		return nList
	case msgpcode.IsFixedMap(c), c == msgpcode.Map16, c == msgpcode.Map32:
		return nObject
	case msgpcode.IsExt(c), msgpcode.IsFixedExt(c):
		return nUnknown
	}
	w.fail(fmt.Errorf("unexpected msgpack code %#x", c))
	return nBad
}

func (w *wireReader) skip() { w.fail(w.dec.Skip()) }

// str reads a string without copying it: the string shares the argument's
// bytes, which the request holds for the whole call and nothing writes to.
// The estate's strings are then no second copy of the argument; what
// outlives the call (the document, messages) is built from them anew.
func (w *wireReader) str() string {
	n, err := w.dec.DecodeBytesLen() // a str or bin header; nil is -1
	if err != nil || n <= 0 {
		w.fail(err)
		return ""
	}
	start := len(w.body) - w.src.Len()
	if n > w.src.Len() {
		w.fail(io.ErrUnexpectedEOF)
		return ""
	}
	_, _ = w.src.Seek(int64(n), io.SeekCurrent)
	return unsafe.String(&w.body[start], n)
}
func (w *wireReader) arrayLen() int { n, err := w.dec.DecodeArrayLen(); w.fail(err); return n }
func (w *wireReader) mapLen() int   { n, err := w.dec.DecodeMapLen(); w.fail(err); return n }
func (w *wireReader) kindName(n wireNext) string {
	switch n {
	case nString:
		return "a string"
	case nNumber:
		return "a number"
	case nBool:
		return "a bool"
	case nList:
		return "a list"
	case nObject:
		return "an object"
	}
	return "an unknown value"
}

// dynamicBody is the value of a dynamic argument's [type JSON, value]
// pair: the type JSON is passed over in place (for a large tuple it is
// megabytes, and the value carries its own shape). A value without the
// pair (an unknown or a null of no type) is returned as it is.
func dynamicBody(b []byte) ([]byte, error) {
	if len(b) < 2 || b[0] != msgpcode.FixedArrayLow|2 {
		return b, nil
	}
	var n, at int
	switch c := b[1]; {
	case msgpcode.IsFixedString(c):
		n, at = int(c&msgpcode.FixedStrMask), 2
	case (c == msgpcode.Bin8 || c == msgpcode.Str8) && len(b) >= 3:
		n, at = int(b[2]), 3
	case (c == msgpcode.Bin16 || c == msgpcode.Str16) && len(b) >= 4:
		n, at = int(b[2])<<8|int(b[3]), 4
	case (c == msgpcode.Bin32 || c == msgpcode.Str32) && len(b) >= 6:
		n, at = int(b[2])<<24|int(b[3])<<16|int(b[4])<<8|int(b[5]), 6
	default:
		return nil, fmt.Errorf("a dynamic value whose type is not a string (%#x)", c)
	}
	if at+n >= len(b) {
		return nil, fmt.Errorf("a dynamic value cut short")
	}
	return b[at+n:], nil
}

// scalar reads a string, number or bool for the shared conversion; a list
// or object is skipped and named.
func (w *wireReader) scalar(n wireNext) scalar {
	switch n {
	case nString:
		return scalar{k: wString, s: w.str()}
	case nBool:
		b, err := w.dec.DecodeBool()
		w.fail(err)
		return scalar{k: wBool, b: b}
	case nNumber:
		c, _ := w.dec.PeekCode()
		if c == msgpcode.Float || c == msgpcode.Double {
			f, err := w.dec.DecodeFloat64()
			w.fail(err)
			return scalar{k: wNumber, f: f, isFloat: true}
		}
		i, err := w.dec.DecodeInt64()
		w.fail(err)
		return scalar{k: wNumber, i: i, isInt: true}
	}
	w.skip()
	return scalar{k: wOther, s: w.kindName(n)}
}

// objectInto reads an object or map of the attributes specs into the
// struct dst; false when it was null, unknown or not an object.
func (w *wireReader) objectInto(dst reflect.Value, specs []attrSpec, where at) bool {
	switch n := w.peek(); n {
	case nObject:
	case nUnknown:
		w.skip()
		w.d.unknown = append(w.d.unknown, where.String())
		return false
	case nNull:
		w.skip()
		return false
	case nBad:
		return false
	default:
		w.skip()
		w.d.errf(where.String(), "must be an object, got %s", w.kindName(n))
		return false
	}
	byName := specIndex(specs)
	for range w.mapLen() {
		k := w.str()
		s, ok := byName[k]
		if !ok {
			w.skip()
			if k != "id" && !outputNames[k] { // resource objects carry their computed id and outputs
				w.d.errf(where.String(), "unsupported attribute %q (accepted: %s)", k, specNames(specs))
			}
			continue
		}
		w.value(dst, s, where.child(k))
	}
	return w.bad == nil
}

var stringPtrType = reflect.TypeFor[*string]()

// value reads one attribute into its field of the struct dst.
func (w *wireReader) value(dst reflect.Value, s *attrSpec, where at) {
	n := w.peek()
	switch n {
	case nUnknown:
		w.skip()
		w.d.unknown = append(w.d.unknown, where.String())
		return
	case nNull:
		w.skip()
		return
	case nBad:
		return
	}
	f, ok := kea.Field(dst, s.name)
	if !ok { // the attribute table and the kea type disagree: a bug TestObjectKindsMatchKea catches
		panic(fmt.Sprintf("%s: no field %s in %s", where, s.name, dst.Type()))
	}
	var v any
	switch {
	case s.t.isScalar():
		sc := w.scalar(n)
		if sc.k == wString && sc.s != "" && s.t.isString() && f.Type() == stringPtrType {
			// d.scalar takes a non-empty string as it is: set the field
			// without the interface on the way (most of a large estate's
			// values are strings).
			p := new(string)
			*p = sc.s
			f.Set(reflect.ValueOf(p))
			return
		}
		var set bool
		if v, set = w.d.scalar(sc, s, where); !set {
			return
		}
	case s.t.isStringList():
		if !w.expect(n, nList, where.String(), "a list") {
			return
		}
		l := w.arrayLen()
		out := make([]string, 0, l)
		unknown := false
		for i := range l {
			if e, ok := w.stringElem(where.elem(i), &unknown); ok {
				out = append(out, e)
			}
		}
		if unknown {
			w.d.unknown = append(w.d.unknown, where.String())
			return
		}
		v = out
	case s.t == tStringMap:
		if !w.expect(n, nObject, where.String(), "a map of strings") {
			return
		}
		l := w.mapLen()
		out := make(map[string]string, l)
		unknown := false
		for range l {
			k := w.str()
			if e, ok := w.stringElem(where.child(k), &unknown); ok {
				out[k] = e
			}
		}
		if unknown {
			w.d.unknown = append(w.d.unknown, where.String())
			return
		}
		v = out
	case s.t == tObject:
		o := reflect.New(f.Type()).Elem()
		if !w.objectInto(o, s.nested, where) {
			return
		}
		f.Set(o)
		return
	case s.t == tObjects:
		if !w.expect(n, nList, where.String(), "a list") {
			return
		}
		l := w.arrayLen()
		out := reflect.MakeSlice(f.Type(), l, l)
		for i := range l {
			w.objectInto(out.Index(i), s.nested, where.elem(i))
		}
		f.Set(out)
		return
	}
	if err := kea.Assign(f, v); err != nil {
		panic(fmt.Sprintf("%s: %v", where, err)) // as above: a bug
	}
}

// expect reports whether the next value (n) is a want; if not, it skips
// the value and records "must be <what>, got ...".
func (w *wireReader) expect(n, want wireNext, where, what string) bool {
	if n == want {
		return true
	}
	w.skip()
	w.d.errf(where, "must be %s, got %s", what, w.kindName(n))
	return false
}

// stringElem reads one element of a list or map of strings: its value,
// or a fault recorded at where, or an unknown noted in unknown.
func (w *wireReader) stringElem(where at, unknown *bool) (string, bool) {
	switch w.peek() {
	case nString:
		return w.str(), true
	case nUnknown:
		w.skip()
		*unknown = true
	default:
		w.skip()
		w.d.errf(where.String(), "must be a string")
	}
	return "", false
}

// list reads one estate list (a list, or a map of objects such as a
// for_each resource, in key order) into the estate.
func (w *wireReader) list(k *objectKind, e *kea.Estate) {
	name := k.kind.List
	var l int
	keyed := false
	switch n := w.peek(); n {
	case nNull, nBad:
		w.skip()
		return
	case nUnknown:
		w.skip()
		w.d.unknown = append(w.d.unknown, name)
		return
	case nList:
		l = w.arrayLen()
	case nObject:
		l = w.mapLen()
		keyed = true // each object comes after its key
	default:
		w.skip()
		w.d.errf(name, "must be a list of %s objects, got %s", k.kind.Name, w.kindName(n))
		return
	}
	// The list is added to: objects of the kind may have come before,
	// in the one list (flat.go).
	out := k.kind.ListOf(e)
	kept := out.Len()
	out.Grow(l)
	out.SetLen(kept + l)
	for i := range l {
		var key string
		if keyed {
			key = w.str()
		}
		if w.objectInto(out.Index(kept), k.attrs, at{path: name, index: i}) {
			if w.origins != nil {
				from := origin{at: at{path: name, index: i}}
				if keyed {
					from = origin{at: atPath(name).member(key), by: byKey}
				}
				w.origins.add(k.kind, from)
			}
			kept++
		}
	}
	out.SetLen(kept)
}

// objectsArg is what a function's objects argument may hold.
type objectsArg struct {
	lists   []string // the estate lists it takes
	secrets bool     // and the secrets map
	flat    bool     // and the one list of any objects (flat.go), alone or as objects
	strs    []string // string attributes besides (relay_targets: vrf, interface)
	example string   // what the argument must be, with examples, for the message when it is not
}

// names are every attribute the argument takes, for messages.
func (a objectsArg) names() []string {
	out := slices.Clone(a.lists)
	if a.flat {
		out = append(out, flatInput)
	}
	if a.secrets {
		out = append(out, kea.SecretsKey)
	}
	return append(out, a.strs...)
}

// objects reads a function's objects argument (a dynamic value: an object
// of lists, secrets and strings, or where a.flat, one list of any
// objects) into e and strs. The error it returns is about the argument
// as a whole.
func (w *wireReader) objects(e *kea.Estate, a objectsArg, strs map[string]*string) (unknown bool, argErr string) {
	switch n := w.peek(); n {
	case nNull, nBad:
		return false, ""
	case nUnknown:
		return true, ""
	case nObject:
	case nList:
		if a.flat {
			w.flat(e, atPath(flatInput), 0)
			return false, ""
		}
		fallthrough
	default:
		return false, "objects must be " + a.example
	}
	// Each list is read with its own decoder, so the faults come out in
	// the order of kea.Kinds, as the tftypes path gives them.
	byList := map[string]*decoder{}
	for range w.mapLen() {
		name := w.str()
		k := kea.KindListed(name)
		switch {
		case k != nil && slices.Contains(a.lists, name):
			var d decoder
			byList[name] = &d
			sub := w.sharing(&d)
			sub.list(objectKindOf(k), e)
			w.fail(sub.bad)
		case a.flat && name == flatInput:
			var d decoder
			byList[name] = &d
			sub := w.sharing(&d)
			sub.flat(e, atPath(flatInput), 0)
			w.fail(sub.bad)
		case a.secrets && name == kea.SecretsKey:
			var d decoder
			byList[name] = &d
			holder := reflect.ValueOf(e).Elem()
			sub := w.sharing(&d)
			sub.value(holder, &secretsSpec, atPath(kea.SecretsKey))
			w.fail(sub.bad)
		case slices.Contains(a.strs, name):
			switch w.peek() {
			case nNull:
				w.skip()
			case nUnknown:
				return true, ""
			case nString:
				v := w.str()
				strs[name] = &v
			default:
				return false, "objects." + name + " must be a string"
			}
		default:
			w.skip()
			return false, "objects has an unsupported attribute " + name + "; use " + strings.Join(a.names(), ", ")
		}
	}
	for _, name := range append(kea.ListNames(), flatInput, kea.SecretsKey) {
		if d := byList[name]; d != nil {
			w.d.unknown = append(w.d.unknown, d.unknown...)
			w.d.errs = append(w.d.errs, d.errs...)
		}
	}
	return false, ""
}

// Writing msgpack: the results the provider's server returns are written
// directly, so that a large document is copied once, into the response.

// msgpackUnknown is Terraform's encoding of an unknown value.
var msgpackUnknown = []byte{0xd4, 0, 0}

// writeMsgpackStr writes p as a msgpack string (header, then the bytes).
func writeMsgpackStr(b *bytes.Buffer, p []byte) {
	n := len(p)
	switch {
	case n < 32:
		b.WriteByte(0xa0 | byte(n))
	case n < 1<<8:
		b.Write([]byte{0xd9, byte(n)})
	case n < 1<<16:
		b.Write([]byte{0xda, byte(n >> 8), byte(n)})
	default:
		b.Write([]byte{0xdb, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
	}
	b.Write(p)
}

// writeMsgpackMapHeader starts a msgpack map of n pairs.
func writeMsgpackMapHeader(b *bytes.Buffer, n int) {
	switch {
	case n < 16:
		b.WriteByte(0x80 | byte(n))
	case n < 1<<16:
		b.Write([]byte{0xde, byte(n >> 8), byte(n)})
	default:
		b.Write([]byte{0xdf, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
	}
}

// objectFields splits the msgpack encoding of an object into its
// attributes' names and their values' encodings, in order, without
// decoding the values.
func objectFields(b []byte) (names []string, raws [][]byte, err error) {
	rd := bytes.NewReader(b)
	dec := msgpack.NewDecoder(rd) // reads rd directly: rd.Len() is the offset
	n, err := dec.DecodeMapLen()
	if err != nil {
		return nil, nil, err
	}
	for range n {
		name, err := dec.DecodeString()
		if err != nil {
			return nil, nil, err
		}
		start := len(b) - rd.Len()
		if err := dec.Skip(); err != nil {
			return nil, nil, err
		}
		names = append(names, name)
		raws = append(raws, b[start:len(b)-rd.Len()])
	}
	return names, raws, nil
}

// replaceFields encodes the object objectFields split, with the values
// of the attributes in with written by their functions instead; extra is
// about how many bytes those write, so that the buffer is allocated once.
func replaceFields(names []string, raws [][]byte, with map[string]func(*bytes.Buffer), extra int) []byte {
	size := 16 + extra
	for i, n := range names {
		size += len(n) + len(raws[i]) + 5
	}
	var b bytes.Buffer
	b.Grow(size)
	writeMsgpackMapHeader(&b, len(names))
	for i, n := range names {
		writeMsgpackStr(&b, []byte(n))
		if w, ok := with[n]; ok {
			w(&b)
		} else {
			b.Write(raws[i])
		}
	}
	return b.Bytes()
}
