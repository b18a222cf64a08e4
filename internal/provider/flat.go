package provider

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// The objects input as one list of any objects: `[kea_subnet.all,
// kea_pool.staff, kea_reservation.host]`. Each resource is named once,
// whatever its kind; a for_each resource (a map of objects) and lists of
// objects may sit in the list as they are. Each object's kind is the one
// whose attributes it has: a resource object has all of its kind's, so
// it is never in doubt; a plain object may fit several kinds, and is then
// refused with the kinds it fits.

// flatInput is the name of the one-list input: the data source's
// attribute, and the key of the function's objects argument that takes
// it beside secrets (the argument may also be the list itself).
const flatInput = "objects"

// flatNote describes the one-list input, for the docs.
const flatNote = "Every object the document draws from, of any kinds, in one list: resources as they are " +
	"(`[kea_subnet.all, kea_pool.staff, kea_reservation.host]`: a `for_each` resource is a map of objects and may be given whole), " +
	"lists and maps of objects nested as they come. Each object's kind is the one whose attributes it has; a resource object has all of its " +
	"kind's, so it is never in doubt. A plain object (from `csvdecode`, say) that fits several kinds is refused: give it in its kind's list instead. " +
	"Faults in an object are led by where it sits in this list (`objects[2][\"nas\"]`: the third element, key `nas`)."

// resourceAttrs are, per kind, the names of the attributes a resource
// object of the kind has: its attribute table, id and outputs.
var resourceAttrs = func() map[*objectKind]map[string]bool {
	out := map[*objectKind]map[string]bool{}
	for _, k := range objectKinds {
		names := map[string]bool{"id": true}
		for _, a := range k.attrs {
			names[a.name] = true
		}
		for _, o := range k.outputs {
			names[o.name] = true
		}
		out[k] = names
	}
	return out
}()

// kindOfObject is the kind of an object with the attributes keys: the
// kind whose resource objects have exactly these, else the one kind they
// all belong to. problem says why there is none.
func kindOfObject(keys []string) (k *objectKind, problem string) {
	var fits []*objectKind
	for _, ok := range objectKinds {
		names := resourceAttrs[ok]
		if !hasAll(names, keys) {
			continue
		}
		if len(names) == len(keys) {
			return ok, ""
		}
		fits = append(fits, ok)
	}
	switch len(fits) {
	case 1:
		return fits[0], ""
	case 0:
		// The kind that has most of them, and what it lacks: a misspelt
		// attribute of a plain object, most likely.
		var near *objectKind
		var lacks []string
		for _, ok := range objectKinds {
			var l []string
			for _, key := range keys {
				if !resourceAttrs[ok][key] {
					l = append(l, strconv.Quote(key))
				}
			}
			if near == nil || len(l) < len(lacks) {
				near, lacks = ok, l
			}
		}
		return nil, fmt.Sprintf("an object with the attributes %s is of no kind the provider has: the nearest, %s, has no %s; give resource objects, or plain objects with the attributes of one kind",
			strings.Join(keys, ", "), near.kind.Name, orList(lacks))
	}
	names := make([]string, len(fits))
	lists := make([]string, len(fits))
	for i, f := range fits {
		names[i], lists[i] = f.kind.Name, f.kind.List
	}
	return nil, fmt.Sprintf("an object with the attributes %s could be a %s; give it in its kind's list (%s) or with an attribute only its kind has",
		strings.Join(keys, ", "), orList(names), orList(lists))
}

// orList joins "a", "b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// flat reads the one-list input at where into e: objects of any kind, in
// lists and maps nested as they come. hint is how many objects follow in
// the map the value sits in, all of one kind when it is a for_each
// resource: a kind's list grows by that much at once, not by doubling. A
// list may mix kinds, so its elements give no hint.
func (w *wireReader) flat(e *kea.Estate, where at, hint int) {
	switch n := w.peek(); n {
	case nNull, nBad:
		w.skip()
	case nUnknown:
		w.skip()
		w.d.unknown = append(w.d.unknown, where.String())
	case nList:
		for i := range w.arrayLen() {
			w.flat(e, where.elem(i), 0)
		}
	case nObject:
		k, collection, problem := w.objectKind()
		if collection { // a map of objects, such as a for_each resource
			l := w.mapLen()
			for i := range l {
				key := w.str()
				w.flat(e, where.member(key), l-i)
			}
			return
		}
		if problem != "" {
			w.skip()
			w.d.errf(where.String(), "%s", problem)
			return
		}
		list := k.kind.ListOf(e)
		i := list.Len()
		if i == list.Cap() {
			list.Grow(max(hint, 1))
		}
		list.SetLen(i + 1)
		if !w.objectInto(list.Index(i), k.attrs, where) {
			list.Index(i).SetZero()
			list.SetLen(i)
			return
		}
		w.origins.add(k.kind, origin{at: where, by: byPath})
	default:
		w.skip()
		w.d.errf(where.String(), "must be a resource object, or a list or map of them, got %s", w.kindName(n))
	}
}

// objectKind looks at the map that comes next without reading it: whether
// it is a collection of objects (every value an object, as in a for_each
// resource) rather than an object, and if an object, its kind.
func (w *wireReader) objectKind() (k *objectKind, collection bool, problem string) {
	start := w.src.Size() - int64(w.src.Len())
	n := w.mapLen()
	collection = true
	w.keys = w.keys[:0]
	for range n {
		w.keys = append(w.keys, w.str())
		if w.peek() != nObject {
			collection = false
		}
		w.skip()
	}
	if _, err := w.src.Seek(start, io.SeekStart); err != nil {
		w.fail(err)
	}
	if collection {
		return nil, true, ""
	}
	// Objects in a row are mostly of one kind (a for_each resource's).
	if k := w.lastKind; k != nil && len(resourceAttrs[k]) == len(w.keys) && hasAll(resourceAttrs[k], w.keys) {
		return k, false, ""
	}
	k, problem = kindOfObject(w.keys)
	w.lastKind = k
	return k, false, problem
}

func hasAll(names map[string]bool, keys []string) bool {
	for _, key := range keys {
		if !names[key] {
			return false
		}
	}
	return true
}

// objectOrigins reads a function's objects argument again, only to record
// where each object came from: a render that has findings to report
// needs it, and one without costs nothing for it.
func objectOrigins(arg []byte, a objectsArg) *origins {
	o := &origins{}
	w := newWireReader(arg, &decoder{})
	w.origins = o
	w.objects(&kea.Estate{}, a, map[string]*string{})
	return o
}

// origins are where each object of the estate came from, by kind and
// index in the kind's list: a reader given them records every object it
// keeps, in the order it adds them to the estate. Only the second reading
// of objectOrigins and readLists has them, so a render without findings
// records nothing.
type origins struct{ byKind map[*kea.Kind][]origin }

// origin is where one object came from: a plain list's element, a map's
// member, or a place in the one list (formatted only when a fault needs
// it).
type origin struct {
	at at
	by originBy
}

type originBy int

const (
	byIndex originBy = iota // a plain list: its index says it
	byKey                   // a map given as a kind's list
	byPath                  // the one list
)

func (o origin) String() string { return o.at.String() }

// add records where the object just added to k's list came from.
func (o *origins) add(k *kea.Kind, from origin) {
	if o == nil {
		return
	}
	if o.byKind == nil {
		o.byKind = map[*kea.Kind][]origin{}
	}
	o.byKind[k] = append(o.byKind[k], from)
}

// of is where the object at index of the kind named came from, when that
// is more than its index in its kind's list says.
func (o *origins) of(kind string, index int) (origin, bool) {
	if o == nil || index < 0 {
		return origin{}, false
	}
	k := kea.KindNamed(kind)
	if k == nil || index >= len(o.byKind[k]) {
		return origin{}, false
	}
	from := o.byKind[k][index]
	return from, from.by != byIndex
}

// lead is a finding's message, led by where its object came from when
// that was recorded.
func (o *origins) lead(d kea.Diag) string {
	if from, ok := o.of(d.Kind, d.Index); ok {
		return from.String() + ": " + d.Error()
	}
	return d.Error()
}

// path is the data source input a finding points at: the input its
// object came in (the one list, or a map given as a kind's list), else
// the list element its index names.
func (o *origins) path(d kea.Diag, target *objectKind) path.Path {
	switch from, ok := o.of(d.Kind, d.Index); {
	case ok && from.by == byPath:
		return path.Root(flatInput)
	case ok:
		return path.Root(from.at.path)
	}
	return diagPath(d, target)
}

// faults are the render's errors, one per line, each led by where its
// object came from when that was recorded, and each said once.
func (o *origins) faults(ds kea.Diags) string {
	var lines []string
	said := map[string]bool{}
	for _, d := range ds.Errors() {
		if line := o.lead(d); !said[line] {
			said[line] = true
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}
