package provider

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// TestConformance is the generated guard against documents Kea refuses:
// every attribute of every kind, nested ones included, gets its boundary
// values (a range's min-1, min, max and max+1, each allowed value and one
// that is not, an empty string, an empty list and a list with a
// duplicate) in a base object; every document the provider renders from
// them goes to real Kea (kea-dhcp4/kea-dhcp6 -T), and a document Kea
// refuses fails the test. make test runs it (KEA_CHECK=1).
func TestConformance(t *testing.T) {
	if os.Getenv("KEA_CHECK") != "1" {
		t.Skip("set KEA_CHECK=1 (make test does) to hold rendered boundary values to real Kea")
	}
	dir := t.TempDir()
	type doc struct{ file, what string }
	var docs []doc
	seen := map[string]bool{}
	rendered, refused := 0, 0
	for _, ok := range objectKinds {
		base := baseObjects[ok.kind.Name]
		walkAttrs(ok.attrs, func(path string, s *attrSpec, wrap attrWrap) {
			if why, skip := hostDependent[ok.kind.Name+" "+path]; skip {
				t.Logf("not held to Kea: %s %s: %s", ok.kind.Name, path, why)
				return
			}
			for _, v := range boundaryValues(s) {
				obj, err := plainObject(base, wrap, s.name, v.v)
				if err != nil {
					t.Fatal(err)
				}
				what := fmt.Sprintf("%s %s = %s", ok.kind.Name, path, v.name)
				r := renderConformance(t, ok, obj)
				if r == nil {
					refused++
					continue
				}
				rendered++
				if seen[r.SHA256] {
					continue
				}
				seen[r.SHA256] = true
				f := filepath.Join(dir, fmt.Sprintf("%04d.json", len(docs)))
				if err := os.WriteFile(f, r.Document, 0o644); err != nil {
					t.Fatal(err)
				}
				docs = append(docs, doc{f, what})
			}
		})
	}
	files := make([]string, len(docs))
	for i, d := range docs {
		files[i] = d.file
	}
	verdicts := keaVerdicts(t, files)
	for _, d := range docs {
		if msg, bad := verdicts[d.file]; bad {
			t.Errorf("the provider renders %s, and Kea refuses the document: %s", d.what, msg)
		}
	}
	t.Logf("%d boundary values: %d refused by the provider, %d rendered (%d distinct documents, each held to Kea)", rendered+refused, refused, rendered, len(docs))
}

// hostDependent are attributes whose acceptance by Kea depends on the Kea
// host rather than on the document.
var hostDependent = map[string]string{
	"kea_dhcp_server hooks_libraries.library": "Kea loads the library from the host's hooks directory; the provider checks the directory, not which files a host has",
}

// boundaryValue is one value to try for an attribute.
type boundaryValue struct {
	name string
	v    tftypes.Value
}

// boundaryValues are the edges of what an attribute may hold.
func boundaryValues(s *attrSpec) []boundaryValue {
	num := func(i int64) boundaryValue {
		return boundaryValue{fmt.Sprint(i), tftypes.NewValue(tftypes.Number, mustBig(fmt.Sprint(i)))}
	}
	str := func(v string) boundaryValue {
		return boundaryValue{fmt.Sprintf("%q", v), tftypes.NewValue(tftypes.String, v)}
	}
	strList := func(vs ...string) boundaryValue {
		elems := make([]tftypes.Value, len(vs))
		types := make([]tftypes.Type, len(vs))
		for i, v := range vs {
			elems[i], types[i] = tftypes.NewValue(tftypes.String, v), tftypes.String
		}
		return boundaryValue{fmt.Sprintf("%q", vs), tftypes.NewValue(tftypes.Tuple{ElementTypes: types}, elems)}
	}
	c := s.allowed
	var out []boundaryValue
	// make fuzz sets KEA_CONFORMANCE_LONG=1: more values per attribute.
	if os.Getenv("KEA_CONFORMANCE_LONG") == "1" {
		switch s.t {
		case tInt:
			if c.min != nil {
				out = append(out, num(*c.min+1), num((*c.min+*c.max)/2), num(*c.max-1))
			} else {
				out = append(out, num(2), num(255), num(65535), num(65536), num(1<<31))
			}
		case tString, tJSON:
			out = append(out, str("é"), str(`a"b`), str(`a\b`), str(strings.Repeat("c", 64)), str(strings.Repeat("c", 255)), str(" x "))
		}
	}
	switch s.t {
	case tInt:
		if c.min != nil {
			out = append(out, num(*c.min-1), num(*c.min), num(*c.max), num(*c.max+1))
		} else {
			out = append(out, num(-1), num(0), num(1), num(kea.MaxUint32), num(kea.MaxUint32+1))
		}
		for _, i := range c.ints {
			out = append(out, num(i))
		}
	case tFloat:
		for _, f := range []string{"0", "0.5", "1", "-0.5", "1.5"} {
			out = append(out, boundaryValue{f, tftypes.NewValue(tftypes.Number, mustBig(f))})
		}
	case tBool:
		out = append(out, boundaryValue{"true", tftypes.NewValue(tftypes.Bool, true)}, boundaryValue{"false", tftypes.NewValue(tftypes.Bool, false)})
	case tString, tJSON:
		out = append(out, str(""), str("x"), str(strings.Repeat("a", 300)))
		for _, v := range c.oneOf {
			out = append(out, str(v))
		}
		if c.maxBytes > 0 {
			out = append(out, str(strings.Repeat("b", c.maxBytes)), str(strings.Repeat("b", c.maxBytes+1)))
		}
		if s.t == tJSON {
			out = append(out, str(`{}`), str(`{"n": 9223372036854775807}`))
		}
	case tStrings:
		sample := "x"
		if len(c.oneOf) > 0 {
			sample = c.oneOf[0]
		}
		out = append(out, strList(), strList(sample), strList(sample, sample))
		for _, v := range c.oneOf {
			out = append(out, strList(v))
		}
	case tIPs, tIPv4s:
		out = append(out, strList(), strList("192.0.2.1"), strList("192.0.2.1", "192.0.2.1"), strList("2001:db8::1"))
	case tIPv6s:
		out = append(out, strList(), strList("2001:db8::1"), strList("2001:db8::1", "2001:db8::1"))
	case tPrefix6s:
		out = append(out, strList(), strList("2001:db8:8000::/48"), strList("2001:db8:8000::/48", "2001:db8:8000::/48"))
	case tIPv4:
		out = append(out, str(""), str("0.0.0.0"), str("192.0.2.1"), str("255.255.255.255"))
	case tPrefix, tPrefix4:
		out = append(out, str("192.0.2.0/24"), str("192.0.2.0/32"), str("192.0.2.0/31"), str("0.0.0.0/0"), str("2001:db8::/64"))
	case tPrefix6:
		out = append(out, str("2001:db8::/128"), str("2001:db8::/64"), str("::/0"))
	case tMAC:
		out = append(out, str("00:00:00:00:00:00"), str("ff:ff:ff:ff:ff:ff"))
	}
	return out
}

// renderConformance renders the base server's document with obj in place
// (see renderKindObject), or returns nil when the provider refuses it.
func renderConformance(t *testing.T, ok *objectKind, obj tftypes.Value) *kea.Rendered {
	t.Helper()
	// The context puts the object in the document: the server uses the
	// class and the option data, a subnet joins the shared network, the
	// server is a member of the relationship, option data uses the
	// definition.
	srv := map[string]any{"name": "s1"}
	sub := maps.Clone(baseObjects[kea.KindSubnet])
	more := map[string][]map[string]any{}
	switch ok.kind.Name {
	case kea.KindPDPool:
		srv["family"] = int64(6)
		sub["prefix"] = "2001:db8::/32"
	case kea.KindClientClass:
		srv["client_classes"] = []any{"c"}
	case kea.KindOptionData:
		srv["option_data"] = []any{"dom"}
	case kea.KindOptionDef:
		srv["option_data"] = []any{"site"}
		more["option_data"] = []map[string]any{{"name": "site", "option": "site", "data": "x"}}
	case kea.KindSharedNetwork:
		sub["shared_network"] = "s1/n"
	case kea.KindHARelationship:
		member := func(name, role, addr string) map[string]any {
			return map[string]any{"name": name, "ha": map[string]any{"relationship": "p", "role": role, "address": addr, "port": int64(8001)}}
		}
		srv = member("s1", "primary", "198.18.0.1")
		more["servers"] = []map[string]any{member("s2", "standby", "198.18.0.2")}
	}
	server, _ := anyToValueMap(srv)
	lists := map[string]tftypes.Value{}
	add := func(list string, v tftypes.Value) {
		var elems []tftypes.Value
		if old, found := lists[list]; found {
			_ = old.As(&elems)
		}
		elems = append(elems, v)
		types := make([]tftypes.Type, len(elems))
		for i, e := range elems {
			types[i] = e.Type()
		}
		lists[list] = tftypes.NewValue(tftypes.Tuple{ElementTypes: types}, elems)
	}
	if ok.kind.Name == kea.KindServer {
		server = obj
	} else {
		add(ok.kind.List, obj)
	}
	if ok.kind.Name != kea.KindSubnet {
		sv, _ := anyToValueMap(sub)
		add("subnets", sv)
	}
	for list, objs := range more {
		for _, m := range objs {
			v, _ := anyToValueMap(m)
			add(list, v)
		}
	}
	in := decodeEstate(server, lists)
	if len(in.errs) > 0 || in.unknown || in.target == nil {
		return nil
	}
	r, diags := kea.Render(in.estate, in.target)
	if diags.HasErrors() {
		return nil
	}
	return r
}

var keaVerdictLine = regexp.MustCompile(`^(ok|FAIL) (.+)$`)

// keaVerdicts runs scripts/kea-check.sh over files, in two concurrent runs,
// and returns Kea's message for each file it refuses.
func keaVerdicts(t *testing.T, files []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var errs []string
	sort.Strings(files)
	half := (len(files) + 1) / 2
	for _, part := range [][]string{files[:half], files[half:]} {
		if len(part) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command("bash", append([]string{"../../scripts/kea-check.sh", "--"}, part...)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			mu.Lock()
			defer mu.Unlock()
			if ee, isExit := err.(*exec.ExitError); err != nil && (!isExit || ee.ExitCode() != 1) {
				errs = append(errs, fmt.Sprintf("kea-check.sh: %v\n%s", err, stderr.String()))
				return
			}
			var block []string
			for _, line := range strings.Split(stdout.String(), "\n") {
				m := keaVerdictLine.FindStringSubmatch(line)
				if m == nil {
					if strings.Contains(line, "ERROR") || strings.Contains(line, "failed") {
						block = append(block, strings.TrimSpace(line))
					}
					continue
				}
				if m[1] == "FAIL" {
					out[m[2]] = strings.Join(block, "; ")
				}
				block = nil
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatal(strings.Join(errs, "\n"))
	}
	return out
}
