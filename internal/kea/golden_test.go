package kea

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden documents")

// LoadEstate reads an estate in its JSON form (the HCL attribute names).
func loadEstate(t testing.TB, file string) *Estate {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var e Estate
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return &e
}

// TestGolden renders every testdata/golden/*.in.json estate and compares
// the document with the matching .kea4.json file (checked by real Kea in
// make test). Warnings are compared with a .warnings.txt file when present.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/golden/*.in.json")
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".in.json")
		t.Run(name, func(t *testing.T) {
			e := loadEstate(t, in)
			// An estate without a target server renders each of its
			// servers (an HA pair): <name>.<server>.kea4.json.
			targets := map[string]*Estate{name: e}
			if e.Server.Name == "" {
				targets = map[string]*Estate{}
				for _, s := range e.Servers {
					one := *e
					one.Server = s
					targets[name+"."+s.Name] = &one
				}
			}
			for out, est := range targets {
				checkGolden(t, in, out, est)
			}
		})
	}
}

func checkGolden(t *testing.T, in, name string, e *Estate) {
	t.Helper()
	r, diags := Render(e)
	if diags.HasErrors() {
		t.Fatalf("%s: render failed: %v", name, diags.Errors())
	}
	var warn bytes.Buffer
	for _, d := range diags {
		warn.WriteString(d.Error() + "\n")
	}
	check := func(file string, got []byte) {
		if *update {
			if len(got) == 0 {
				os.Remove(file)
				return
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(file)
		if err != nil && len(got) == 0 {
			return
		}
		if err != nil {
			t.Fatalf("%v (run go test ./internal/kea -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the rendered output:\n%s", file, got)
		}
	}
	suffix := ".kea4.json"
	if e.Server.fam().v == 6 {
		suffix = ".kea6.json"
	}
	check(filepath.Join("testdata/golden", name+suffix), r.Document)
	check(filepath.Join("testdata/golden", name+".warnings.txt"), warn.Bytes())
	// Rendering is deterministic: the same input, the same bytes.
	again, _ := Render(e)
	if !bytes.Equal(again.Document, r.Document) || again.SHA256 != r.SHA256 {
		t.Error("second render differs")
	}
	var v any
	if err := json.Unmarshal(r.Document, &v); err != nil {
		t.Errorf("output is not JSON: %v", err)
	}
}
