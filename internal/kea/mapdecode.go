package kea

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// DecodeMaps reads a list of the kind's objects from their map form (the
// JSON form as Go values: strings, int64, float64, bool, []string,
// map[string]string, nested map[string]any and []any of them) into the
// estate, refusing attributes the kind does not have. It does what
// DecodeList does without a JSON round trip: the provider's decoder
// produces these maps, and a large estate's objects are many.
func (k *Kind) DecodeMaps(e *Estate, ms []map[string]any) error {
	list := reflect.ValueOf(k.list(e)).Elem()
	out := reflect.MakeSlice(list.Type(), len(ms), len(ms))
	for i, m := range ms {
		if err := assignObject(out.Index(i), m); err != nil {
			return fmt.Errorf("[%d]%w", i, err)
		}
	}
	list.Set(out)
	return nil
}

// DecodeMap reads one object of the kind from its map form, as
// DecodeMaps reads a list of them; a resource's configuration arrives
// this way.
func (k *Kind) DecodeMap(m map[string]any) (Entity, error) {
	v := k.new()
	if err := assignObject(reflect.ValueOf(v), m); err != nil {
		return nil, fmt.Errorf("%s%w", k.Name, err)
	}
	return v, nil
}

// fieldPaths maps a struct type's JSON names to field index paths,
// embedded structs flattened as encoding/json does.
var fieldPaths sync.Map // reflect.Type -> map[string][]int

func fieldsOf(t reflect.Type) map[string][]int {
	if m, ok := fieldPaths.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			path := append(append([]int{}, prefix...), i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, path)
				continue
			}
			if name == "" || name == "-" {
				continue
			}
			m[name] = path
		}
	}
	walk(t, nil)
	fieldPaths.Store(t, m)
	return m
}

func assignObject(dst reflect.Value, m map[string]any) error {
	for dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	if dst.Kind() != reflect.Struct {
		return fmt.Errorf(": an object where %s is expected", dst.Type())
	}
	fields := fieldsOf(dst.Type())
	for name, v := range m {
		path, ok := fields[name]
		if !ok {
			return fmt.Errorf(".%s: unknown attribute", name)
		}
		if v == nil {
			continue
		}
		if err := assignValue(dst.FieldByIndex(path), v); err != nil {
			return fmt.Errorf(".%s%w", name, err)
		}
	}
	return nil
}

func assignValue(dst reflect.Value, v any) error {
	if dst.Kind() == reflect.Pointer {
		p := reflect.New(dst.Type().Elem())
		if err := assignValue(p.Elem(), v); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		return assignObject(dst, x)
	case []any:
		if dst.Kind() != reflect.Slice {
			return fmt.Errorf(": a list where %s is expected", dst.Type())
		}
		out := reflect.MakeSlice(dst.Type(), len(x), len(x))
		for i, e := range x {
			if err := assignValue(out.Index(i), e); err != nil {
				return fmt.Errorf("[%d]%w", i, err)
			}
		}
		dst.Set(out)
		return nil
	}
	rv := reflect.ValueOf(v)
	switch {
	case rv.Type().AssignableTo(dst.Type()):
		dst.Set(rv)
	case rv.Kind() == reflect.Int64 && dst.Kind() == reflect.Float64:
		dst.SetFloat(float64(rv.Int()))
	case rv.Kind() == reflect.Float64 && dst.Kind() == reflect.Int64 && rv.Float() == float64(int64(rv.Float())):
		dst.SetInt(int64(rv.Float()))
	default:
		return fmt.Errorf(": a %s where %s is expected", rv.Type(), dst.Type())
	}
	return nil
}

// ListOf is the estate's list of the kind as a settable slice value, for
// decoders that fill the kea types field by field (the provider's reader
// of Terraform's wire format).
func (k *Kind) ListOf(e *Estate) reflect.Value { return reflect.ValueOf(k.list(e)).Elem() }

// Field is the field of the struct dst (pointers followed and allocated)
// that holds the JSON attribute name, embedded structs flattened as
// encoding/json does.
func Field(dst reflect.Value, name string) (reflect.Value, bool) {
	for dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	if dst.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	path, ok := fieldsOf(dst.Type())[name]
	if !ok {
		return reflect.Value{}, false
	}
	return dst.FieldByIndex(path), true
}

// Assign sets dst (a field Field found, or a list element) from a value of
// the map form DecodeMaps reads.
func Assign(dst reflect.Value, v any) error { return assignValue(dst, v) }
