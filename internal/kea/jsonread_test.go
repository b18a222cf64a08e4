package kea

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// plain is a parsed value with its objects as maps, to compare with
// encoding/json's.
func plain(v any) any {
	switch x := v.(type) {
	case *Object:
		m := map[string]any{}
		for i, k := range x.keys {
			m[k] = plain(x.vals[i])
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = plain(e)
		}
		return l
	}
	return v
}

// FuzzParseObject holds the reader to encoding/json: what it reads,
// encoding/json reads the same; what it calls not valid JSON, encoding/json
// refuses too (besides duplicate keys, which encoding/json takes).
func FuzzParseObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a": [1, -2.5e3, "x\u00e9\ud83d\ude00", true, null, {"b": {}}]}`, `{"a": "\ud800"}`, `{"a":1,}`, `{"a" 1}`, `[1]`, `{"a": 01}`, `{"a": "\x01"}`, "{\"a\": \"\xff\"}", `{"a": 1e999}`, `{"a": 99999999999999999999}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ParseObject(s)
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		var want any
		jerr := dec.Decode(&want)
		if jerr == nil && dec.More() {
			jerr = errTrailing
		}
		if jerr == nil {
			var rest bytes.Buffer
			_, _ = rest.ReadFrom(dec.Buffered()) // a bytes.Buffer from a bytes.Reader
			if strings.TrimSpace(rest.String()) != "" {
				jerr = errTrailing
			}
		}
		switch {
		case err == nil && jerr != nil:
			t.Fatalf("read %q, which encoding/json refuses: %v", s, jerr)
		case err == nil && !reflect.DeepEqual(plain(o), want):
			t.Fatalf("%q: read %#v, encoding/json %#v", s, plain(o), want)
		case err != nil && jerr == nil && strings.HasPrefix(err.Error(), "not valid JSON") && !strings.Contains(err.Error(), "duplicate key") && !strings.Contains(err.Error(), "max depth"):
			t.Fatalf("%q: %v, but encoding/json reads it", s, err)
		}
	})
}

var errTrailing = jsonTrailing{}

type jsonTrailing struct{}

func (jsonTrailing) Error() string { return "data after the value" }
