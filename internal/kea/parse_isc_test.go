package kea

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
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
	"kea4/all-options.json":  "it names no interface (no interfaces-config), so Kea listens on none; the provider refuses such a server, as its resources do",
	"kea6/all-options.json":  "it names no interface (no interfaces-config), which the provider refuses as for kea4/all-options; and record options given more values than the record has fields (geoconf-civic, nii): Kea ignores the values past the last field, the provider refuses them rather than drop them unseen",
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
	var pairs []meaningPair
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
		clean, _ := keaDialect(doc)
		pairs = append(pairs, meaningPair{name, clean, r.Document})
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
	same := sameMeaning(t, pairs)
	for name := range pendingISC {
		if _, ok := refused[name]; ok {
			t.Errorf("pendingISC lists %s, which Kea itself refuses", name)
		}
	}
	guideSays(t, len(files), len(accepted), len(read), same, refused)
	names := make([]string, 0, len(refused))
	for n := range refused {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "ISC's examples: %d; Kea 3.0 accepts %d; the provider reads back %d of them and Kea accepts every document rendered from those; %d pending.\n", len(files), len(accepted), len(read), len(accepted)-len(read))
	fmt.Fprintf(&b, "Same meaning: Kea loaded with the example and with the document rendered from it answers config-get alike for %d of the %d.\n", same, len(pairs))
	for _, n := range names {
		msg := refused[n]
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		fmt.Fprintf(&b, "  Kea refuses %s: %s\n", n, msg)
	}
	t.Log(b.String())
}

// meaningPair is an example and the document rendered from what was read
// of it.
type meaningPair struct {
	name               string
	original, rendered []byte
}

// pendingMeaning are the examples whose rendered document Kea loads with
// another meaning (config-get answers differ), with why. The list may only
// shrink.
var pendingMeaning = map[string]string{}

// sameMeaning loads each example and the document rendered from it into
// the real daemon (keatest.Loaded: in a namespace with the interfaces the
// examples name) and compares what config-get answers, Kea's own
// normalisation with every default filled in. It returns how many agree.
func sameMeaning(t *testing.T, pairs []meaningPair) int {
	t.Helper()
	same := 0
	var answers []json.RawMessage
	for _, pc := range pairs {
		var fault string
		a, err := keatest.Loaded(t, pc.original)
		answers = append(answers, a)
		if err != nil {
			// The example passed -T; a daemon that does not run with it
			// here needs the lab (keatest.Lab) to hold what it names.
			fault = fmt.Sprintf("Kea does not run the example in keatest.Lab, so nothing is compared: %v", err)
		} else if b, err := keatest.Loaded(t, pc.rendered); err != nil {
			fault = fmt.Sprintf("Kea runs the example but not the document rendered from it: %v", err)
		} else if d := jsonDiff(a, b); d != "" {
			fault = "config-get differs: " + d
		}
		if pendingOK(t, "pendingMeaning", pendingMeaning, pc.name, fault) {
			same++
		}
	}
	// The comparison can fail: two different examples do not compare
	// equal.
	if len(answers) > 1 && answers[0] != nil && answers[1] != nil && jsonDiff(answers[0], answers[1]) == "" {
		t.Errorf("%s and %s compare equal: the comparison sees no difference", pairs[0].name, pairs[1].name)
	}
	return same
}

// jsonDiff is the first difference between two config-get answers in
// their canonical form (canonical), by path; empty when they are equal
// (objects compared as maps, lists in order).
func jsonDiff(a, b []byte) string {
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		return err.Error()
	}
	if err := json.Unmarshal(b, &y); err != nil {
		return err.Error()
	}
	canonical(x)
	canonical(y)
	return diffAt("", x, y)
}

// canonical completes a config-get answer where Kea resolves a value the
// same way whether it is written or not, and config-get still shows it as
// written:
//   - max-valid-lifetime, left out, is valid-lifetime (Kea ARM, "Lease
//     lifetimes"); the provider always writes both;
//   - a bare file name (the lease file, a unix control socket, a hook
//     library) is in Kea's directory for it, where the provider writes it
//     with the directory;
//   - option data of different options, in any scope, in any order: Kea
//     keeps a scope's options by code and sends them in code order; the
//     provider writes them by code. Entries of one option keep their
//     order (the sort is stable).
func canonical(v any) {
	walkObjects(v, func(o map[string]any) {
		if l, ok := o["option-data"].([]any); ok {
			sort.SliceStable(l, func(i, j int) bool { return optionKey(l[i]) < optionKey(l[j]) })
		}
	})
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if _, set := m["max-valid-lifetime"]; !set && m["valid-lifetime"] != nil {
		m["max-valid-lifetime"] = m["valid-lifetime"]
	}
	sock, hooks, lease, _ := (&Server{}).Dirs()
	bare := func(o any, key, dir string) {
		if om, ok := o.(map[string]any); ok {
			if n, ok := om[key].(string); ok && n != "" && !strings.Contains(n, "/") {
				om[key] = dir + "/" + n
			}
		}
	}
	bare(m["lease-database"], "name", lease)
	for _, s := range asList(m["control-sockets"]) {
		if sm, ok := s.(map[string]any); ok && sm["socket-type"] == "unix" {
			bare(s, "socket-name", sock)
		}
	}
	for _, h := range asList(m["hooks-libraries"]) {
		bare(h, "library", hooks)
	}
}

func asList(v any) []any { l, _ := v.([]any); return l }

// walkObjects calls f on every object in v, outermost first.
func walkObjects(v any, f func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		f(x)
		for _, e := range x {
			walkObjects(e, f)
		}
	case []any:
		for _, e := range x {
			walkObjects(e, f)
		}
	}
}

// optionKey orders option data by space and code.
func optionKey(v any) string {
	o, _ := v.(map[string]any)
	space, _ := o["space"].(string)
	code, _ := o["code"].(float64)
	return fmt.Sprintf("%s/%08d", space, int(code))
}

func diffAt(path string, x, y any) string {
	switch xv := x.(type) {
	case map[string]any:
		yv, ok := y.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(xv)+len(yv))
		for k := range xv {
			keys = append(keys, k)
		}
		for k := range yv {
			if _, ok := xv[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if d := diffAt(path+"."+k, xv[k], yv[k]); d != "" {
				return d
			}
		}
		return ""
	case []any:
		yv, ok := y.([]any)
		if !ok {
			break
		}
		for i := range min(len(xv), len(yv)) {
			if d := diffAt(fmt.Sprintf("%s[%d]", path, i), xv[i], yv[i]); d != "" {
				return d
			}
		}
		if len(xv) != len(yv) {
			return fmt.Sprintf("%s: %d elements in the example, %d rendered", path, len(xv), len(yv))
		}
		return ""
	}
	if reflect.DeepEqual(x, y) {
		return ""
	}
	xs, _ := json.Marshal(x)
	ys, _ := json.Marshal(y)
	return fmt.Sprintf("%s: %s in the example, %s rendered", path, clip(xs), clip(ys))
}

func clip(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}

// guide is the migration guide's template, whose tables and counts the
// ISC test holds to what it finds.
const guide = "../../templates/guides/migrating.md.tmpl"

// guideSays checks the guide's counts and that it lists every example
// Kea refuses here, and lists as refused none that Kea accepts.
func guideSays(t *testing.T, examples, accepted, read, same int, refused map[string]string) {
	t.Helper()
	b, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	for _, want := range []string{
		fmt.Sprintf("of the %d examples, Kea 3.0 accepts %d on the test machine, the provider reads back %d of those", examples, accepted, read),
		fmt.Sprintf("all %d mean the same to Kea", same),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("%s does not say %q: update its counts", guide, want)
		}
	}
	_, table, _ := strings.Cut(string(b), "The examples Kea 3.0 itself refuses")
	_, table, _ = strings.Cut(table, "\n\n|") // the table follows the sentence
	table, _, _ = strings.Cut(table, "\n\n")
	listed := map[string]bool{}
	for _, m := range exampleNameRE.FindAllStringSubmatch(table, -1) {
		listed[m[1]] = true
	}
	for name := range refused {
		if !listed[name] {
			t.Errorf("%s: Kea refuses %s (%s); list it in the guide's table of refused examples", guide, name, refused[name])
		}
	}
	for name := range listed {
		if _, ok := refused[name]; !ok {
			t.Errorf("%s lists %s as refused by Kea, which accepts it", guide, name)
		}
	}
}

var exampleNameRE = regexp.MustCompile("`((?:kea4|kea6|ddns)/[a-z0-9-]+\\.json)`")

// TestPendingISCInGuide: every example pending is in the guide's table of
// examples not read back, and the table lists no other.
func TestPendingISCInGuide(t *testing.T) {
	b, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(b), "The examples not read back, and why")
	table, _, _ = strings.Cut(table, "The examples Kea 3.0 itself refuses")
	listed := map[string]bool{}
	for _, m := range exampleNameRE.FindAllStringSubmatch(table, -1) {
		listed[m[1]] = true
	}
	for name, why := range pendingISC {
		if !listed[name] {
			t.Errorf("%s is pending (%s) but not in the guide's table", name, why)
		}
	}
	for name := range listed {
		if _, ok := pendingISC[name]; !ok {
			t.Errorf("the guide lists %s as not read back, but it is not pending", name)
		}
	}
}

// TestParse_CommentsMeanTheSame: comments read into user_context render
// as user-context, and Kea holds the same configuration either way (its
// config-get answers agree), for the objects that have no extra_json; so
// does an option tagged with client-classes.
func TestParse_CommentsMeanTheSame(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("set KEA_CHECK=1 (make test does) to load the documents into real Kea")
	}
	docs := map[string]string{
		"dhcp4": `{"Dhcp4": {"interfaces-config": {"interfaces": ["*"]},
  "option-def": [{"name": "site", "code": 240, "type": "uint16", "comment": "site id"}],
  "option-data": [{"name": "site", "data": "7", "user-context": {"owner": "net"}, "comment": "ours"},
    {"name": "domain-name", "data": "example.org", "comment": "search"},
    {"name": "ntp-servers", "data": "192.0.2.123", "client-classes": ["phones"]}],
  "client-classes": [{"name": "phones", "test": "substring(option[60].hex,0,6) == 'Aastra'"}],
  "subnet4": [{"id": 1, "subnet": "192.0.2.0/24", "comment": "lab",
    "option-data": [{"name": "routers", "data": "192.0.2.1", "comment": "gateway"}]}]}}`,
		"d2": `{"DhcpDdns": {
  "tsig-keys": [{"name": "k", "algorithm": "HMAC-MD5", "secret": "LSWXnfkKZjdPJI5QxlpnfQ==", "comment": "key"}],
  "forward-ddns": {"ddns-domains": [{"comment": "zone", "name": "a.example.", "key-name": "k",
    "dns-servers": [{"ip-address": "192.0.2.1", "user-context": {"rack": 4}, "comment": "primary"}]}]},
  "reverse-ddns": {"ddns-domains": []}}}`,
	}
	var pairs []meaningPair
	for name, doc := range docs {
		p, diags := Parse([]byte(doc), "")
		if diags.HasErrors() {
			t.Fatalf("%s: %s", name, errorLines(diags))
		}
		r, diags := Render(p.Estate, p.Target())
		if r == nil {
			t.Fatalf("%s: %s", name, errorLines(diags))
		}
		if strings.Contains(string(r.Document), `"comment"`) && !strings.Contains(string(r.Document), `"user-context"`) {
			t.Errorf("%s: comments not rendered as user-context", name)
		}
		pairs = append(pairs, meaningPair{name, []byte(doc), r.Document})
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a].name < pairs[b].name }) // two different documents: the control comparison sees them differ
	if same := sameMeaning(t, pairs); same != len(pairs) {
		t.Errorf("%d of %d mean the same", same, len(pairs))
	}
}

// TestParse_GuideExamplesMeanTheSame: the documents the migration guide
// adopts (a hand-kept kea-dhcp4.conf with comments, a kea-dhcp-ddns.conf
// holding a TSIG secret) mean the same to Kea as what the provider renders
// from them. The examples themselves (make test applies them) show the
// resources render what the parsed objects render, and a second plan is
// empty.
func TestParse_GuideExamplesMeanTheSame(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("set KEA_CHECK=1 (make test does) to load the documents into real Kea")
	}
	var pairs []meaningPair
	for _, f := range []string{"../../examples/guides/migrating/kea-dhcp4.conf", "../../examples/data-sources/kea_parsed_config/kea-dhcp-ddns.conf"} {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, diags := Parse(doc, "")
		if diags.HasErrors() {
			t.Fatalf("%s: %s", f, errorLines(diags))
		}
		r, diags := Render(p.Estate, p.Target())
		if r == nil {
			t.Fatalf("%s: %s", f, errorLines(diags))
		}
		clean, _ := keaDialect(doc)
		pairs = append(pairs, meaningPair{filepath.Base(f), clean, r.Document})
	}
	if same := sameMeaning(t, pairs); same != len(pairs) {
		t.Errorf("%d of %d mean the same", same, len(pairs))
	}
}
