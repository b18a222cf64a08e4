package kea

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minRejectedCases is the least number of rules the corpus must cover.
const minRejectedCases = 15

// TestRejectedCorpus is the "Kea agrees" corpus: every
// testdata/rejected/<name>.in.json estate must be rejected by Render with an
// error whose text contains <name>.want.txt, and <name>.kea4.json is the
// document a renderer without that check would have produced, which real Kea
// must reject too (checked by make test with scripts/kea-check.sh
// --expect-fail).
func TestRejectedCorpus(t *testing.T) {
	inputs, err := filepath.Glob("testdata/rejected/*.in.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < minRejectedCases {
		t.Fatalf("the rejected corpus has %d cases; want at least %d", len(inputs), minRejectedCases)
	}
	docs, _ := filepath.Glob("testdata/rejected/*.kea4.json")
	for _, doc := range docs {
		if _, err := os.Stat(strings.TrimSuffix(doc, ".kea4.json") + ".in.json"); err != nil {
			t.Errorf("%s has no estate: %v", doc, err)
		}
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".in.json")
		t.Run(name, func(t *testing.T) {
			base := filepath.Join("testdata/rejected", name)
			if _, err := os.Stat(base + ".kea4.json"); err != nil {
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
			r, diags := Render(loadEstate(t, in))
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
}
