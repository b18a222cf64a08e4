package kea

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// FuzzRender feeds arbitrary estates to the renderer: it may reject them,
// but it must not panic, and whatever it renders must be valid JSON, or an
// env file every line of which Stork's parser and systemd read alike.
// Every target of the estate is rendered (the fixture's server, else each
// object of a target kind). Seeds are the golden and rejected estates;
// `go test` runs them, and `go test -fuzz FuzzRender ./internal/kea`
// explores further.
func FuzzRender(f *testing.F) {
	for _, pattern := range []string{"testdata/golden/*.in.json", "testdata/rejected/*.in.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			raw, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var f fixture
		if json.NewDecoder(bytes.NewReader(raw)).Decode(&f) != nil {
			return
		}
		for _, nt := range f.targets("fuzz") {
			r, diags := Render(&f.Estate, nt.t)
			if diags.HasErrors() {
				if r != nil {
					t.Fatal("a document was returned along with errors")
				}
				continue
			}
			if r.Kind.Format == FormatJSON {
				var v any
				if err := json.Unmarshal(r.Document, &v); err != nil {
					t.Fatalf("rendered document is not JSON: %v\n%s", err, r.Document)
				}
				continue
			}
			docs := [][]byte{r.Document}
			if r.Kind.PerMember {
				docs = docs[:0]
				for _, p := range r.Parts {
					docs = append(docs, p.Document)
				}
			}
			for _, doc := range docs {
				if err := checkEnvDocument(doc); err != nil {
					t.Fatalf("%s: %v\n%s", nt.name, err, doc)
				}
			}
		}
	})
}

// envLineRe is an env file line both readers take alike: a comment, a
// blank line, or KEY=value with a value free of quotes, backslashes and
// surrounding spaces.
var envLineRe = regexp.MustCompile(`^(|### [^\n]*|[A-Z][A-Z0-9_]*=([^"'\x60\\\s]([^"'\x60\\\n]*[^"'\x60\\\s])?)?)$`)

func checkEnvDocument(doc []byte) error {
	if len(doc) == 0 || doc[len(doc)-1] != '\n' {
		return fmt.Errorf("no trailing newline")
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(doc), "\n"), "\n") {
		if !envLineRe.MatchString(line) {
			return fmt.Errorf("line %d %q is not a comment or KEY=value that Stork and systemd read alike", i+1, line)
		}
	}
	return nil
}

// FuzzOptionValue checks arbitrary values against every option type: the
// checker may reject them but must not panic, and what it accepts for an
// address type must parse as that address.
func FuzzOptionValue(f *testing.F) {
	for _, seed := range []string{"192.0.2.1", "2001:db8::1", "2001:db8::/64", "0x0100/8", "true", "300", "-1", "0xff",
		"example.com.", "a..b", "0a:0b", "abc", "", " ", "1,2", "\\,", "fe80::1%eth0", "1.2.3.4/24"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, typ := range UserOptionTypes {
			if checkTypedValue(typ, v) == nil && typ == TypeIPv4Address {
				if _, err := parseIPv4(v); err != nil {
					t.Fatalf("accepted %q as ipv4-address", v)
				}
			}
		}
		_ = optionTokens(v)
	})
}
