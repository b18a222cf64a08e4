package kea

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

// The lists of keys Kea 3.0 accepts at each scope (keys_kea.go) come from
// Kea's own examples (all-keys.json and the others) (package kea-doc, which
// scripts/kea-install.sh unpacks into the chroot). TestKeaKeyLists checks
// the committed lists against them, and with -update rewrites keys_kea.go.

// keaDocExamples is where the chroot holds Kea's examples.
func keaDocExamples(t *testing.T) string {
	root := os.Getenv("KEA_CACHE")
	if root == "" {
		root = "../../.cache/kea"
	}
	dir := filepath.Join(root, "root/usr/share/doc/kea/examples")
	if _, err := os.Stat(filepath.Join(dir, "kea4/all-keys.json")); err != nil {
		t.Fatalf("Kea's all-keys.json examples are missing (run scripts/kea-install.sh, which unpacks kea-doc): %v", err)
	}
	return dir
}

// keaJSON reads Kea's relaxed JSON: comments (//, #, /* */) and numbers
// written with a leading point (.5).
func keaJSON(raw []byte) (map[string]any, error) {
	var out bytes.Buffer
	in := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case in:
			out.WriteByte(c)
			if c == '\\' && i+1 < len(raw) {
				i++
				out.WriteByte(raw[i])
			} else if c == '"' {
				in = false
			}
		case c == '"':
			in = true
			out.WriteByte(c)
		case c == '#' || c == '/' && i+1 < len(raw) && raw[i+1] == '/':
			for i < len(raw) && raw[i] != '\n' {
				i++
			}
			out.WriteByte('\n')
		case c == '/' && i+1 < len(raw) && raw[i+1] == '*':
			end := bytes.Index(raw[i+2:], []byte("*/"))
			if end < 0 {
				return nil, fmt.Errorf("unterminated comment")
			}
			i += end + 3
		case c == '.' && out.Len() > 0 && strings.ContainsRune(" :,[\n\t", rune(out.Bytes()[out.Len()-1])):
			out.WriteString("0.")
		default:
			out.WriteByte(c)
		}
	}
	var doc map[string]any
	return doc, json.Unmarshal(out.Bytes(), &doc)
}

// scopeKeys collects, from a Dhcp4 or Dhcp6 map, the keys of every map at
// each scope, each with the first value seen (a sample for the check).
func scopeKeys(top map[string]any, subnets string, into map[keyScope]map[string]any) {
	add := func(s keyScope, m any) {
		obj, ok := m.(map[string]any)
		if !ok {
			return
		}
		if into[s] == nil {
			into[s] = map[string]any{}
		}
		for k, v := range obj {
			if _, seen := into[s][k]; !seen {
				into[s][k] = v
			}
		}
	}
	list := func(m map[string]any, key string) []map[string]any {
		l, _ := m[key].([]any)
		var out []map[string]any
		for _, e := range l {
			if em, ok := e.(map[string]any); ok {
				out = append(out, em)
			}
		}
		return out
	}
	add(scopeGlobal, top)
	subnetMaps := list(top, subnets)
	for _, n := range list(top, "shared-networks") {
		add(scopeSharedNetwork, n)
		subnetMaps = append(subnetMaps, list(n, subnets)...)
	}
	for _, h := range list(top, "reservations") {
		add(scopeReservation, h)
	}
	for _, c := range list(top, "client-classes") {
		add(scopeClientClass, c)
	}
	for _, s := range subnetMaps {
		add(scopeSubnet, s)
		for _, p := range list(s, "pools") {
			add(scopePool, p)
		}
		for _, p := range list(s, "pd-pools") {
			add(scopePDPool, p)
		}
		for _, h := range list(s, "reservations") {
			add(scopeReservation, h)
		}
	}
}

// exampleKeys reads every kea4 (or kea6) example of kea-doc.
func exampleKeys(t *testing.T, dir string, v int) map[keyScope]map[string]any {
	top, subnets := map[int]string{4: "Dhcp4", 6: "Dhcp6"}[v], map[int]string{4: "subnet4", 6: "subnet6"}[v]
	files, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("kea%d", v), "*.json"))
	if len(files) < 10 {
		t.Fatalf("only %d kea%d examples in %s", len(files), v, dir)
	}
	out := map[keyScope]map[string]any{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := keaJSON(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if m, ok := doc[top].(map[string]any); ok {
			scopeKeys(m, subnets, out)
		}
	}
	return out
}

// scopeDoc is a document holding m in the scope's map; nested scopes sit
// in a minimal subnet.
func scopeDoc(doc string, scope keyScope, m map[string]any) map[string]any {
	if scope == scopeD2Global {
		return map[string]any{doc: m}
	}
	v := map[string]int{"Dhcp4": 4, "Dhcp6": 6}[doc]
	subnets, prefix := map[int]string{4: "subnet4", 6: "subnet6"}[v], map[int]string{4: "192.0.2.0/24", 6: "2001:db8::/32"}[v]
	top := map[string]any{"interfaces-config": map[string]any{"interfaces": []any{"*"}}}
	subnet := func(extra map[string]any) map[string]any {
		s := map[string]any{"id": 1, "subnet": prefix}
		for k, val := range extra {
			s[k] = val
		}
		return s
	}
	switch scope {
	case scopeGlobal:
		for k, val := range m {
			top[k] = val
		}
	case scopeSharedNetwork:
		top["shared-networks"] = []any{m}
	case scopeSubnet:
		top[subnets] = []any{m}
	case scopePool:
		top[subnets] = []any{subnet(map[string]any{"pools": []any{m}})}
	case scopePDPool:
		top[subnets] = []any{subnet(map[string]any{"pd-pools": []any{m}})}
	case scopeReservation:
		top["reservations"] = []any{m}
	case scopeClientClass:
		top["client-classes"] = []any{m}
	}
	return map[string]any{doc: top}
}

// d2ExampleKeys reads the top-level keys of kea-doc's D2 examples.
func d2ExampleKeys(t *testing.T, dir string) map[keyScope]map[string]any {
	files, _ := filepath.Glob(filepath.Join(dir, "ddns", "*.json"))
	if len(files) < 2 {
		t.Fatalf("only %d D2 examples in %s", len(files), dir)
	}
	out := map[keyScope]map[string]any{scopeD2Global: {}}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := keaJSON(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if m, ok := doc["DhcpDdns"].(map[string]any); ok {
			for k, v := range m {
				if _, seen := out[scopeD2Global][k]; !seen {
					out[scopeD2Global][k] = v
				}
			}
		}
	}
	return out
}

func TestKeaKeyLists(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" && !*update {
		t.Skip("set KEA_CHECK=1 (make test does) to check the key lists against Kea's all-keys.json")
	}
	dir := keaDocExamples(t)
	samples := map[string]map[keyScope]map[string]any{"Dhcp4": exampleKeys(t, dir, 4), "Dhcp6": exampleKeys(t, dir, 6), "DhcpDdns": d2ExampleKeys(t, dir)}
	// The keys the provider renders (its golden documents, each loaded by
	// Kea), and user-context and comment, which Kea's grammar takes in
	// every map, join the examples' keys; the check below holds them all
	// to real Kea.
	for _, d := range []*DocKind{DocDhcp4, DocDhcp6} {
		v := map[*DocKind]int{DocDhcp4: 4, DocDhcp6: 6}[d]
		vs := d.Name
		files, _ := filepath.Glob("testdata/golden/*." + d.Suffix)
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatal(err)
			}
			top, _ := doc[d.Name].(map[string]any)
			scopeKeys(top, map[int]string{4: "subnet4", 6: "subnet6"}[v], samples[vs])
		}
	}
	for _, vs := range []string{"Dhcp4", "Dhcp6", "DhcpDdns"} {
		for _, s := range allKeyScopes {
			if m := samples[vs][s]; m != nil {
				for k, val := range map[string]any{"user-context": map[string]any{"note": "x"}, "comment": "x"} {
					if _, seen := m[k]; !seen {
						m[k] = val
					}
				}
			}
		}
	}
	got := map[string]map[keyScope][]string{}
	for v, scopes := range samples {
		got[v] = map[keyScope][]string{}
		for s, keys := range scopes {
			for k := range keys {
				got[v][s] = append(got[v][s], k)
			}
			slices.Sort(got[v][s])
		}
	}
	var b strings.Builder
	b.WriteString("// Code generated by TestKeaKeyLists -update from Kea 3.0's kea4 and kea6 examples (package kea-doc); DO NOT EDIT.\n\npackage kea\n\n")
	b.WriteString("// keaKeys are the keys Kea 3.0 accepts in each map of a Dhcp4, Dhcp6 or DhcpDdns document.\n")
	b.WriteString("var keaKeys = map[string]map[keyScope][]string{\n")
	for _, v := range []string{"Dhcp4", "Dhcp6", "DhcpDdns"} {
		fmt.Fprintf(&b, "\t%q: {\n", v)
		for _, s := range allKeyScopes {
			keys := got[v][s]
			if len(keys) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\t\t%s: {", s.goName())
			for i, k := range keys {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%q", k)
			}
			b.WriteString("},\n")
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("keys_kea.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, _ := os.ReadFile("keys_kea.go")
	if !bytes.Equal(want, src) {
		t.Errorf("keys_kea.go differs from what Kea's examples give; run KEA_CHECK=1 go test ./internal/kea -run TestKeaKeyLists -update")
	}
	// Real Kea takes every listed key in its map: a document holding all
	// of a scope's keys (with the examples' values) passes Kea's syntax
	// check, whatever its values mean; a misspelt key does not.
	type keysDoc struct {
		what string
		bad  bool // holds a misspelt key, which Kea must refuse
	}
	tmp := t.TempDir()
	var files []string
	docs := map[string]keysDoc{}
	write := func(v string, s keyScope, m map[string]any, d keysDoc) {
		raw, _ := json.MarshalIndent(scopeDoc(v, s, m), "", " ")
		f := filepath.Join(tmp, fmt.Sprintf("%03d.json", len(files)))
		if err := os.WriteFile(f, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		docs[f] = d
	}
	for _, v := range []string{"Dhcp4", "Dhcp6", "DhcpDdns"} {
		for _, s := range allKeyScopes {
			if len(samples[v][s]) == 0 {
				continue
			}
			m := maps.Clone(samples[v][s])
			// Kea takes control-socket (one, older) or control-sockets,
			// not both: the singular is checked in a document of its own.
			if val, ok := m["control-socket"]; ok && (s == scopeGlobal || s == scopeD2Global) {
				delete(m, "control-socket")
				write(v, s, map[string]any{"control-socket": val}, keysDoc{what: fmt.Sprintf("%s %s map (control-socket alone)", v, s)})
			}
			write(v, s, m, keysDoc{what: fmt.Sprintf("%s %s map", v, s)})
			misspelt := maps.Clone(m)
			misspelt["valid-lifetme"] = 7200
			write(v, s, misspelt, keysDoc{what: fmt.Sprintf("%s %s map with a misspelt key", v, s), bad: true})
		}
	}
	for f, verdict := range keatest.Check(t, files) {
		d := docs[f]
		switch {
		case d.bad && !strings.Contains(verdict.Message, `unexpected keyword "valid-lifetme"`):
			t.Errorf("%s: Kea did not refuse the misspelt key: %s", d.what, verdict.Message)
		case !d.bad && strings.Contains(verdict.Message, "Syntax check failed"):
			t.Errorf("%s: Kea refuses a listed key: %s", d.what, verdict.Message)
		}
	}
	for _, v := range []string{"Dhcp4", "Dhcp6", "DhcpDdns"} {
		for _, s := range allKeyScopes {
			if (s == scopePDPool && v == "Dhcp4") || (s == scopeD2Global) != (v == "DhcpDdns") {
				continue
			}
			if len(got[v][s]) < 5 {
				t.Errorf("%s %s: only %d keys found in Kea's examples", v, s, len(got[v][s]))
			}
		}
	}
}
