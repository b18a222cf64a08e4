package kea

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// DecodeMaps reads every golden and rejected estate exactly as the JSON
// decoder does: same objects, list by list.
func TestDecodeMapsMatchesJSON(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.in.json")
	if len(files) == 0 {
		t.Fatal("no estates")
	}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var lists map[string]json.RawMessage
		if err := json.Unmarshal(raw, &lists); err != nil {
			t.Fatal(err)
		}
		for _, k := range Kinds {
			list, ok := lists[k.List]
			if !ok {
				continue
			}
			var viaJSON, viaMaps Estate
			if err := k.DecodeList(&viaJSON, list); err != nil {
				t.Fatalf("%s %s: %v", file, k.List, err)
			}
			var ms []map[string]any
			dec := json.NewDecoder(bytesReader(list))
			dec.UseNumber()
			if err := dec.Decode(&ms); err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				numbersToGo(m)
			}
			if err := k.DecodeMaps(&viaMaps, ms); err != nil {
				t.Fatalf("%s %s: %v", file, k.List, err)
			}
			if !reflect.DeepEqual(viaJSON, viaMaps) {
				t.Errorf("%s %s: DecodeMaps differs from the JSON decoder", file, k.List)
			}
			for i, m := range ms { // one object at a time, as a resource's
				one, err := k.DecodeMap(m)
				if err != nil {
					t.Fatalf("%s %s[%d]: %v", file, k.List, i, err)
				}
				if !reflect.DeepEqual(one, k.At(&viaJSON, i)) {
					t.Errorf("%s %s[%d]: DecodeMap differs from the JSON decoder", file, k.List, i)
				}
			}
		}
	}
	// An attribute the kind does not have is refused, with its path.
	var e Estate
	err := KindNamed(KindSubnet).DecodeMaps(&e, []map[string]any{{"server": "s", "pool": "x"}})
	if err == nil || err.Error() != "[0].pool: unknown attribute" {
		t.Errorf("unknown attribute: %v", err)
	}
	if _, err := KindNamed(KindSubnet).DecodeMap(map[string]any{"server": "s", "pool": "x"}); err == nil || err.Error() != "kea_subnet.pool: unknown attribute" {
		t.Errorf("unknown attribute, one object: %v", err)
	}
}

// numbersToGo turns json.Numbers into int64 or float64, as the provider's
// decoder gives them, and []any of strings into []string.
func numbersToGo(m map[string]any) {
	for k, v := range m {
		m[k] = toGo(v)
	}
}

func toGo(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		numbersToGo(x)
		return x
	case []any:
		strs := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				for i := range x {
					x[i] = toGo(x[i])
				}
				return x
			}
			strs = append(strs, s)
		}
		return strs
	}
	return v
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
