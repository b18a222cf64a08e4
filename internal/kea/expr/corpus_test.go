package expr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
// daemons (scripts/kea-check.sh). make test sets KEA_CHECK=1.
func TestCorpusMatchesKea(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("KEA_CHECK=1 not set (make test sets it): corpus verdicts not checked with real Kea")
	}
	script, err := filepath.Abs("../../../scripts/kea-check.sh")
	if err != nil {
		t.Fatal(err)
	}
	entries := loadCorpus(t)
	dir := t.TempDir()
	var valid, invalid []string
	byFile := map[string]corpusEntry{}
	for i, e := range entries {
		kind := e.Kind
		file := filepath.Join(dir, fmt.Sprintf("%03d-v%d-%s.json", i, e.Family, kind))
		if err := os.WriteFile(file, keaDocument(e), 0o644); err != nil {
			t.Fatal(err)
		}
		byFile[file] = e
		if e.Valid {
			valid = append(valid, file)
		} else {
			invalid = append(invalid, file)
		}
	}
	run := func(args ...string) (string, error) {
		cmd := exec.Command(script, args...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	check := func(files []string, expectFail bool) {
		args := files
		if expectFail {
			args = append([]string{"--expect-fail"}, files...)
		}
		out, err := run(args...)
		if err == nil {
			return
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Fatalf("kea-check.sh could not check the corpus (%v):\n%s", err, out)
		}
		// Find the entries Kea disagrees with, one file at a time.
		for _, f := range files {
			one := []string{f}
			if expectFail {
				one = []string{"--expect-fail", f}
			}
			out, err := run(one...)
			if err == nil {
				continue
			}
			e := byFile[f]
			verdict := "rejected"
			if expectFail {
				verdict = "accepted"
			}
			t.Errorf("%s: Kea %s %q (v%d %s, %s)\n%s", filepath.Base(f), verdict, e.Expr, e.Family, e.Kind, e.Note, keaVerdict(out))
		}
	}
	check(valid, false)
	check(invalid, true)
}

// keaVerdict keeps the lines of kea-check.sh's output that give Kea's
// verdict (its error, the FAIL line), dropping its informational logs.
func keaVerdict(out string) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "error:") || strings.Contains(line, "ERROR") || strings.HasPrefix(line, "FAIL") {
			keep = append(keep, line)
		}
	}
	if len(keep) == 0 {
		return out
	}
	return strings.Join(keep, "\n")
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
