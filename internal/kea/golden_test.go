package kea

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden documents")

// fixture is a test case file (golden, rejected, fuzz seed): an estate in
// its JSON form and, optionally, the server to render. Without one, every
// object of a kind that documents are rendered for is a target.
type fixture struct {
	Server *Server `json:"server"`
	// Target names the one target among the estate's objects, as
	// "<kind>/<id>" (e.g. "kea_stork_agent_group/site").
	Target *string `json:"target"`
	Estate
}

func loadFixture(t testing.TB, file string) *fixture {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := decodeStrict(raw, &f); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return &f
}

// namedTarget is a target and the name its documents are filed under.
type namedTarget struct {
	name string
	t    Target
}

// targets are the fixture's explicit target, named name, or each object of
// a target kind, named name.<id>.
func (f *fixture) targets(name string) []namedTarget {
	if f.Server != nil {
		return []namedTarget{{name, f.Server}}
	}
	if f.Target != nil {
		kind, id, _ := strings.Cut(*f.Target, "/")
		if k := KindNamed(kind); k != nil {
			for i := 0; i < k.Len(&f.Estate); i++ {
				if t, ok := k.At(&f.Estate, i).(Target); ok && t.ID() == id {
					return []namedTarget{{name, t}}
				}
			}
		}
		return nil
	}
	seen := map[string]bool{}
	var out []namedTarget
	for _, d := range DocKinds {
		if seen[d.Target] {
			continue
		}
		seen[d.Target] = true
		k := KindNamed(d.Target)
		if k == nil || !d.Renders() {
			continue
		}
		for i := 0; i < k.Len(&f.Estate); i++ {
			if t, ok := k.At(&f.Estate, i).(Target); ok {
				out = append(out, namedTarget{name + "." + t.ID(), t})
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].name < out[b].name })
	return out
}

// docFile is where a target's document of a case is filed: <dir>/<name>.<suffix>.
func docFile(dir, name string, t Target) string {
	return filepath.Join(dir, name+"."+t.Document().Suffix)
}

// docFiles are the files a rendered document is filed under, with their
// bytes: <name>.<suffix>, or for a per-member kind <name>.<member>.<suffix>
// for each member.
func docFiles(dir, name string, r *Rendered) map[string][]byte {
	if !r.Kind.PerMember {
		return map[string][]byte{filepath.Join(dir, name+"."+r.Kind.Suffix): r.Document}
	}
	out := map[string][]byte{}
	for _, p := range r.Parts {
		out[filepath.Join(dir, name+"."+p.Name+"."+r.Kind.Suffix)] = p.Document
	}
	return out
}

// TestGolden renders every testdata/golden/*.in.json case and compares each
// target's document with <case>[.<target>].<suffix> (the suffix from the
// document kind; every golden document is loaded by real Kea in make
// test). Warnings are compared with a .warnings.txt file when present.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/golden/*.in.json")
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".in.json")
		t.Run(name, func(t *testing.T) {
			f := loadFixture(t, in)
			targets := f.targets(name)
			if len(targets) == 0 {
				t.Fatal("the case has no target")
			}
			for _, nt := range targets {
				checkGolden(t, nt.name, &f.Estate, nt.t)
			}
		})
	}
}

// TestGoldenDocumentsHaveCases requires every golden document to belong to
// a case and a document kind, so no stale file is checked by Kea alone.
func TestGoldenDocumentsHaveCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*")
	want := map[string]bool{}
	inputs, _ := filepath.Glob("testdata/golden/*.in.json")
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".in.json")
		want[in] = true
		f := loadFixture(t, in)
		for _, nt := range f.targets(name) {
			if r, _ := Render(&f.Estate, nt.t); r != nil {
				for file := range docFiles("testdata/golden", nt.name, r) {
					want[file] = true
				}
			}
			want[filepath.Join("testdata/golden", nt.name+".warnings.txt")] = true
		}
	}
	for _, f := range files {
		if !want[f] {
			t.Errorf("%s belongs to no golden case and target", f)
		}
	}
}

func checkGolden(t *testing.T, name string, e *Estate, target Target) {
	t.Helper()
	r, diags := Render(e, target)
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
	files := docFiles("testdata/golden", name, r)
	for file, got := range files {
		check(file, got)
	}
	check(filepath.Join("testdata/golden", name+".warnings.txt"), warn.Bytes())
	// Rendering is deterministic: the same input, the same bytes.
	again, _ := Render(e, target)
	if again.SHA256 != r.SHA256 || !maps.EqualFunc(docFiles("testdata/golden", name, again), files, bytes.Equal) {
		t.Error("second render differs")
	}
	if r.Kind.Format == FormatJSON {
		var v any
		if err := json.Unmarshal(r.Document, &v); err != nil {
			t.Errorf("output is not JSON: %v", err)
		}
	}
}
