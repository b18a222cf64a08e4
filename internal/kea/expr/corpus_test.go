package expr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

// corpusEntry is one expression of testdata/corpus.json with Kea's verdict
// (valid), checked by TestCorpusMatchesKea against real Kea.
type corpusEntry struct {
	Expr   string `json:"expr"`
	Family Family `json:"family"`
	Kind   string `json:"kind"` // "test" or "template"
	Valid  bool   `json:"valid"`
	Note   string `json:"note"`
	// ParseOK marks an expression Kea rejects only because a name does not
	// resolve (an undefined class or option name): Parse, which does not
	// resolve names, accepts it; ParseEnv with corpusEnv rejects it.
	ParseOK bool `json:"parse_ok,omitempty"`
}

func (e corpusEntry) want() Kind {
	if e.Kind == "template" {
		return String
	}
	return Bool
}

// The classes every corpus document defines before the checked class "t".
var corpusClasses = []string{"foo", "bar"}

// corpusEnv resolves names as Kea does in a corpus document: the helper
// classes and the built-in ones; the option names the valid entries use.
var corpusEnv = &Env{
	ClassDefined: func(name string) bool {
		return slices.Contains(corpusClasses, name) ||
			slices.Contains([]string{"ALL", "KNOWN", "UNKNOWN", "BOOTP", "DROP"}, name)
	},
	OptionDefined: func(name string) bool {
		return slices.Contains([]string{"vendor-class-identifier", "host-name", "dns-servers"}, name)
	},
}

func loadCorpus(t testing.TB) []corpusEntry {
	t.Helper()
	raw, err := os.ReadFile("testdata/corpus.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var entries []corpusEntry
	if err := dec.Decode(&entries); err != nil {
		t.Fatal(err)
	}
	for i, e := range entries {
		if e.Family != V4 && e.Family != V6 || e.Kind != "test" && e.Kind != "template" {
			t.Fatalf("entry %d (%q): bad family %d or kind %q", i, e.Expr, e.Family, e.Kind)
		}
		if e.ParseOK && e.Valid {
			t.Fatalf("entry %d (%q): parse_ok is for invalid entries", i, e.Expr)
		}
	}
	return entries
}

func TestCorpusParse(t *testing.T) {
	entries := loadCorpus(t)
	if len(entries) < 80 {
		t.Fatalf("only %d corpus entries", len(entries))
	}
	for i, e := range entries {
		_, err := Parse(e.Expr, e.Family, e.want())
		switch {
		case (e.Valid || e.ParseOK) && err != nil:
			t.Errorf("entry %d %q (v%d %s, %s): rejected: %v", i, e.Expr, e.Family, e.Kind, e.Note, err)
		case !e.Valid && !e.ParseOK && err == nil:
			t.Errorf("entry %d %q (v%d %s, %s): accepted, Kea rejects it", i, e.Expr, e.Family, e.Kind, e.Note)
		case err != nil:
			var pe *Error
			if !errors.As(err, &pe) || pe.Pos <= 0 || pe.Line <= 0 {
				t.Errorf("entry %d %q: error without a position: %#v", i, e.Expr, err)
			}
		}
		// With names resolved, the verdict is Kea's.
		_, err = ParseEnv(e.Expr, e.Family, e.want(), corpusEnv)
		if (err == nil) != e.Valid {
			t.Errorf("entry %d %q (v%d %s, %s): ParseEnv error %v, Kea valid=%v", i, e.Expr, e.Family, e.Kind, e.Note, err, e.Valid)
		}
	}
}

// keaDocument is the configuration checking entry e: the helper classes,
// then class "t" with the expression.
func keaDocument(e corpusEntry) []byte {
	classes := []map[string]any{}
	for _, name := range corpusClasses {
		classes = append(classes, map[string]any{"name": name, "test": "'a' == 'a'"})
	}
	key := "test"
	if e.Kind == "template" {
		key = "template-test"
	}
	classes = append(classes, map[string]any{"name": "t", key: e.Expr})
	doc := map[string]any{
		fmt.Sprintf("Dhcp%d", e.Family): map[string]any{
			"interfaces-config": map[string]any{"interfaces": []string{"*"}},
			"client-classes":    classes,
		},
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err)
	}
	return out
}

// TestCorpusMatchesKea checks every corpus verdict with the real Kea 3.0
// daemons, through the config-test command of one kea-dhcp4 and one
// kea-dhcp6 (internal/kea/keatest). make test sets KEA_CHECK=1.
func TestCorpusMatchesKea(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("KEA_CHECK=1 not set (make test sets it): corpus verdicts not checked with real Kea")
	}
	servers := keatest.NewServers(t)
	for i, e := range loadCorpus(t) {
		accepted, text := servers.ConfigTest(keaDocument(e))
		if accepted != e.Valid {
			verdict := map[bool]string{true: "accepted", false: "rejected"}[accepted]
			t.Errorf("entry %d: Kea %s %q (v%d %s, %s): %s", i, verdict, e.Expr, e.Family, e.Kind, e.Note, text)
		}
	}
}

// FuzzParse: Parse never panics, is deterministic, and returns either the
// members or an *Error with a position.
func FuzzParse(f *testing.F) {
	for _, e := range loadCorpus(f) {
		f.Add(e.Expr, uint8(e.Family), e.Kind == "template")
	}
	f.Fuzz(func(t *testing.T, src string, fam uint8, template bool) {
		family := V4
		if fam%2 == 1 {
			family = V6
		}
		want := Bool
		if template {
			want = String
		}
		m1, err1 := Parse(src, family, want)
		m2, err2 := Parse(src, family, want)
		if !slices.Equal(m1, m2) || fmt.Sprint(err1) != fmt.Sprint(err2) {
			t.Fatalf("not deterministic: %q %v / %q %v", m1, err1, m2, err2)
		}
		if err1 != nil {
			var pe *Error
			if !errors.As(err1, &pe) || pe.Line < 1 || pe.Pos < 1 || m1 != nil {
				t.Fatalf("bad error %#v (members %q)", err1, m1)
			}
		}
	})
}
