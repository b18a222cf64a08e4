package provider

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
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
				srv, lists := placeObject(ok, obj)
				_, r, _ := renderInputs(t, srv, lists)
				if r == nil {
					refused++
					continue
				}
				rendered++
				if seen[r.SHA256] {
					continue
				}
				seen[r.SHA256] = true
				for _, p := range documentParts("", r) {
					f := filepath.Join(dir, fmt.Sprintf("%04d.%s", len(docs), r.Kind.Suffix))
					if err := os.WriteFile(f, p.Document, 0o644); err != nil {
						t.Fatal(err)
					}
					docs = append(docs, doc{f, what})
				}
			}
		})
	}
	var keaFiles, storkFiles []string
	for _, d := range docs {
		if strings.HasSuffix(d.file, ".env") {
			storkFiles = append(storkFiles, d.file)
		} else {
			keaFiles = append(keaFiles, d.file)
		}
	}
	verdicts := keatest.Check(t, keaFiles)
	for f, v := range storkCheck(t, storkFiles) {
		verdicts[f] = v
	}
	for _, d := range docs {
		v, checked := verdicts[d.file]
		if checked && !v.Accepted {
			t.Errorf("the provider renders %s, and the program refuses the document: %s", d.what, v.Message)
		}
	}
	t.Logf("%d boundary values: %d refused by the provider, %d rendered (%d distinct documents, each held to Kea)", rendered+refused, refused, rendered, len(docs))
}

// hostDependent are attributes whose acceptance by Kea depends on the Kea
// host rather than on the document.
var hostDependent = map[string]string{
	"kea_dhcp_server hooks_libraries.library": "Kea loads the library from the host's hooks directory; the provider checks the directory, not which files a host has",
}

func init() {
	db := "stork-server needs the database these name; the test's PostgreSQL is the local one, database and user stork, without TLS or password"
	for _, a := range []string{"database_url", "database_host", "database_port", "database_name", "database_user", "database_sslmode", "database_sslcert", "database_sslkey", "database_sslrootcert", "database_password_secret", "database_password_file"} {
		hostDependent[kea.KindStorkServer+" "+a] = db
	}
	files := "stork-server reads these files at start; the provider checks the paths, not which files a host has"
	for _, a := range []string{"tls_certificate", "tls_private_key", "tls_ca_certificate"} {
		hostDependent[kea.KindStorkServer+" "+a] = files
	}
	hostDependent[kea.KindStorkServer+" rest_host"] = "stork-server resolves a name given here with the host's DNS"
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

// storkCheck holds env files to the real stork-server and stork-agent
// (scripts/stork-check.sh). Without the Stork source it says so and
// returns no verdicts.
func storkCheck(t *testing.T, files []string) map[string]keatest.Verdict {
	out := map[string]keatest.Verdict{}
	if len(files) == 0 {
		return out
	}
	cmd := exec.Command("../../scripts/stork-check.sh", files...)
	text, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 3:
		t.Logf("Stork env files NOT held to Stork: %s", strings.TrimSpace(string(text)))
		return out
	case err != nil && !errors.As(err, &exit), exit != nil && exit.ExitCode() != 1:
		t.Fatalf("stork-check: %v\n%s", err, text)
	}
	var reasons []string
	for _, line := range strings.Split(string(text), "\n") {
		switch {
		case strings.HasPrefix(line, "ok "):
			out[strings.TrimPrefix(line, "ok ")] = keatest.Verdict{Accepted: true}
			reasons = nil
		case strings.HasPrefix(line, "FAIL "):
			out[strings.TrimPrefix(line, "FAIL ")] = keatest.Verdict{Message: strings.Join(reasons, "; ")}
			reasons = nil
		case strings.HasPrefix(line, "  "):
			reasons = append(reasons, strings.TrimSpace(line))
		}
	}
	for _, f := range files {
		if _, ok := out[f]; !ok {
			t.Errorf("stork-check gave no verdict on %s:\n%s", f, text)
		}
	}
	return out
}
