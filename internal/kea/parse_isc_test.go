package kea

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

// pendingISC are ISC's example configurations (Debian's kea-doc for Kea
// 3.0) that Kea accepts and the provider does not read back yet, with
// why. The list may only shrink: an example on it that reads back fails
// the test until it is taken off.
var pendingISC = map[string]string{
	"kea4/advanced.json":     "interfaces-config keys besides interfaces cannot be kept: extra_json cannot merge into a map the attributes render",
	"kea4/all-options.json":  "options of Kea's DOCSIS space (docsis3-v4) are not in the provider's catalogue",
	"kea4/reservations.json": "options of Kea's DOCSIS space (vendor-4491) are not in the provider's catalogue",
	"kea6/advanced.json":     "interfaces-config keys besides interfaces (re-detect) cannot be kept: extra_json cannot merge into a map the attributes render",
	"kea6/all-options.json":  "record options given more values than the record has fields (geoconf-civic, nii), which Kea accepts and the provider refuses; DOCSIS options (docsis3-v6) are not in the provider's catalogue",
	"kea6/reservations.json": "the provider refuses what Kea accepts: reservations name classes that are not defined (the error names the JSON path)",
}

// TestParse_ISCExamples: every example configuration of ISC's that Kea
// 3.0 accepts is read back into an estate (or is on pendingISC with its
// reason), and Kea accepts what the estate renders. Needs real Kea
// (KEA_CHECK=1, as make test sets), whose kea-doc package ships the
// examples.
func TestParse_ISCExamples(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("set KEA_CHECK=1 (make test does) to read ISC's examples, judged by real Kea")
	}
	dir := filepath.Join(keatest.Root(t), "usr/share/doc/kea/examples")
	var files []string
	for _, sub := range []string{"kea4", "kea6", "ddns"} {
		m, _ := filepath.Glob(filepath.Join(dir, sub, "*.json"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no examples in %s: is kea-doc installed (scripts/kea-install.sh)?", dir)
	}
	verdicts := keatest.Check(t, files)
	out := t.TempDir()
	var accepted, read, rendered []string
	refused := map[string]string{}
	for _, f := range files {
		name, _ := filepath.Rel(dir, f)
		if !verdicts[f].Accepted {
			refused[name] = verdicts[f].Message
			continue
		}
		accepted = append(accepted, name)
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var fault string
		p, diags := Parse(doc, "")
		if diags.HasErrors() {
			fault = errorLines(diags)
		}
		if !pendingOK(t, "pendingISC", pendingISC, name, fault) {
			continue
		}
		read = append(read, name)
		r, diags := Render(p.Estate, p.Target())
		if r == nil {
			t.Errorf("%s: read back, but the estate does not render: %s", name, errorLines(diags))
			continue
		}
		path := filepath.Join(out, strings.ReplaceAll(name, "/", "-"))
		if err := os.WriteFile(path, r.Document, 0o644); err != nil {
			t.Fatal(err)
		}
		rendered = append(rendered, path)
	}
	for f, v := range keatest.Check(t, rendered) {
		if !v.Accepted {
			t.Errorf("Kea refuses the document rendered from %s: %s", filepath.Base(f), v.Message)
		}
	}
	for name := range pendingISC {
		if _, ok := refused[name]; ok {
			t.Errorf("pendingISC lists %s, which Kea itself refuses", name)
		}
	}
	names := make([]string, 0, len(refused))
	for n := range refused {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "ISC's examples: %d; Kea 3.0 accepts %d; the provider reads back %d of them and Kea accepts every document rendered from those; %d pending.\n", len(files), len(accepted), len(read), len(accepted)-len(read))
	for _, n := range names {
		msg := refused[n]
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		fmt.Fprintf(&b, "  Kea refuses %s: %s\n", n, msg)
	}
	t.Log(b.String())
}
