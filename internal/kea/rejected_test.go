package kea

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minRejectedCases is the least number of rules the corpus must cover, and
// minRejectedPerKind the least for each document kind.
const (
	minRejectedCases   = 15
	minRejectedPerKind = 10
)

// TestRejectedCorpus is the "Kea agrees" corpus: every
// testdata/rejected/<name>.in.json case must be rejected by Render with an
// error whose text contains <name>.want.txt, and <name>.<suffix> (the
// suffix of the target's document kind) is the document a renderer without
// that check would have produced, which real Kea must reject too (checked
// by make test with scripts/kea-check.sh --expect-fail).
func TestRejectedCorpus(t *testing.T) {
	inputs, err := filepath.Glob("testdata/rejected/*.in.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < minRejectedCases {
		t.Fatalf("the rejected corpus has %d cases; want at least %d", len(inputs), minRejectedCases)
	}
	perKind := map[*DocKind]int{}
	for _, d := range DocKinds {
		docs, _ := filepath.Glob("testdata/rejected/*." + d.Suffix)
		for _, doc := range docs {
			if _, err := os.Stat(strings.TrimSuffix(doc, "."+d.Suffix) + ".in.json"); err != nil {
				t.Errorf("%s has no case: %v", doc, err)
			}
		}
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".in.json")
		t.Run(name, func(t *testing.T) {
			base := filepath.Join("testdata/rejected", name)
			f := loadFixture(t, in)
			targets := f.targets(name)
			if len(targets) != 1 {
				t.Fatalf("a rejected case renders one target; this one has %d", len(targets))
			}
			target := targets[0].t
			perKind[target.Document()]++
			if _, err := os.Stat(docFile("testdata/rejected", name, target)); err != nil {
				t.Errorf("missing Kea document: %v", err)
			}
			raw, err := os.ReadFile(base + ".want.txt")
			if err != nil {
				t.Fatalf("missing expected error text: %v", err)
			}
			want := strings.TrimSpace(string(raw))
			if want == "" || strings.Contains(want, "\n") {
				t.Fatalf("%s.want.txt must hold one non-empty line", base)
			}
			r, diags := Render(&f.Estate, target)
			errs := diags.Errors()
			if len(errs) == 0 {
				t.Fatalf("Render accepted the estate; want an error containing %q", want)
			}
			if r != nil {
				t.Errorf("Render returned a document together with errors")
			}
			for _, d := range errs {
				if strings.Contains(d.Error(), want) {
					return
				}
			}
			var got strings.Builder
			for _, d := range errs {
				got.WriteString("\n\t" + d.Error())
			}
			t.Errorf("no error contains %q; got:%s", want, got.String())
		})
	}
	for _, d := range DocKinds {
		if d.Renders() && perKind[d] < minRejectedPerKind {
			t.Errorf("the rejected corpus has %d %s cases; want at least %d", perKind[d], d.Name, minRejectedPerKind)
		}
	}
}
