package kea

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
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
	r, diags := Render(p.Estate, p.Target())
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

// goldenDocuments are the golden documents parse reads: kea-dhcp4,
// kea-dhcp6 and kea-dhcp-ddns.
func goldenDocuments(t testing.TB) []string {
	var out []string
	for _, d := range ParsedDocs {
		m, _ := filepath.Glob(filepath.Join("testdata/golden", "*."+d.Suffix))
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatal("no golden documents")
	}
	return out
}

// pendingRoundTrip are the golden documents that do not round-trip yet,
// with what they need. The list may only shrink: a document on it that
// round-trips fails the test until it is taken off.
var pendingRoundTrip = map[string]string{}

// TestParse_GoldensRoundTrip: every golden DHCP document parses into an
// estate that renders it again byte for byte.
func TestParse_GoldensRoundTrip(t *testing.T) {
	files := goldenDocuments(t)
	pass := 0
	for _, f := range files {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		got, p, diags := roundTrip(t, doc, "kea")
		var fault string
		switch {
		case diags.HasErrors():
			fault = errorLines(diags)
		case string(got) != string(doc):
			fault = firstDiff(got, doc)
		}
		if pendingOK(t, "pendingRoundTrip", pendingRoundTrip, base, fault) {
			pass++
		}
		if p != nil {
			importIDsRead(t, base, p.Estate)
		}
	}
	t.Logf("%d of %d golden documents round-trip", pass, len(files))
}

// importIDsRead checks that every object parsed has an id its resource's
// import reads back to the same id.
func importIDsRead(t *testing.T, doc string, e *Estate) {
	t.Helper()
	for _, k := range Kinds {
		for i := range k.Len(e) {
			id := k.At(e, i).ID()
			back, err := k.ParseID(id)
			if err != nil || back.ID() != id {
				t.Errorf("%s: %s %q: import reads back %v, %v", doc, k.Name, id, back, err)
			}
		}
	}
}

// pendingOK holds a document to a pending list (named list): one that
// passes must not be on it, one that fails must be, with its reason. True
// when the document passed.
func pendingOK(t *testing.T, list string, pending map[string]string, name, fault string) bool {
	t.Helper()
	why, listed := pending[name]
	switch {
	case fault == "" && listed:
		t.Errorf("%s passes now: take it off %s (%s)", name, list, why)
	case fault != "" && !listed:
		t.Errorf("%s fails: %s", name, fault)
	case fault != "":
		t.Logf("pending %s (%s): %s", name, why, fault)
	}
	return fault == ""
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

func TestKeaDialect(t *testing.T) {
	in := "{ # a comment\n  \"a\": \"x # not // a /* comment */\", // another\n  /* block\n over lines */ \"b\": \"q\\\"#\" }"
	got, err := keaDialect([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "{ \n  \"a\": \"x # not // a /* comment */\", \n  \n \"b\": \"q\\\"#\" }"
	if string(got) != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got, _ := keaDialect([]byte(`{"t1": .5, "t2": -.75, "l": [.1, 2.5], "s": ".5"}`)); string(got) != `{"t1": 0.5, "t2": -0.75, "l": [0.1, 2.5], "s": ".5"}` {
		t.Errorf("leading zeros: got %s", got)
	}
	for _, bad := range []string{`{"a": "open}`, `{ /* open`} {
		if _, err := keaDialect([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestParse_CarriesWhatIsNotModelled: keys the estate has no attribute for
// are kept in the nearest object's extra_json, listed in Carried, and
// rendered again; the document that comes back means the same (equal as
// JSON, the kept keys last in their object).
func TestParse_CarriesWhatIsNotModelled(t *testing.T) {
	doc := `// an office server, with keys the provider does not model
{"Dhcp4": {
  "interfaces-config": {"interfaces": ["eth0"]},
  "valid-lifetime": 3600,
  "store-extended-info": true, # global
  "subnet4": [{
    "id": 7, "subnet": "192.0.2.0/24",
    "pools": [{"pool": "192.0.2.10 - 192.0.2.20", "user-context": {"note": "lab"}}],
    "allocator": "random",
    "reservations": [{"hw-address": "aa:bb:cc:dd:ee:ff", "ip-address": "192.0.2.5", "hostname": "nas"}]
  }]
}}`
	got, p, diags := roundTrip(t, []byte(doc), "office")
	if diags.HasErrors() {
		t.Fatal(errorLines(diags))
	}
	want := []Carried{
		{Path: "Dhcp4.store-extended-info", Kind: KindServer, ID: "office", Key: "store-extended-info"},
		{Path: "Dhcp4.subnet4[0].allocator", Kind: KindSubnet, ID: "office/7", Key: "allocator"},
	}
	if !reflect.DeepEqual(p.Carried, want) {
		t.Errorf("carried %+v\nwant %+v", p.Carried, want)
	}
	if uc := p.Estate.Pools[0].UserContext; uc == nil || *uc != `{"note":"lab"}` {
		t.Errorf("the pool's user-context became %v, want its user_context", uc)
	}
	// The same, with what the document left to Kea's defaults made
	// explicit where the provider's own defaults differ.
	clean, _ := keaDialect([]byte(doc))
	var wantDoc map[string]map[string]any
	if err := json.Unmarshal(clean, &wantDoc); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]any{"max-valid-lifetime": 3600, "reservations-global": false, "reservations-in-subnet": true, "reservations-out-of-pool": false} {
		wantDoc["Dhcp4"][k] = v
	}
	wantJSON, _ := json.Marshal(wantDoc)
	if !jsonEqual(t, got, wantJSON) {
		t.Errorf("the document came back as\n%s", got)
	}
}

// jsonEqual compares two JSON texts as values.
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}

// FuzzParse: reading any text never panics, and whatever it gives either
// renders or fails with findings.
func FuzzParse(f *testing.F) {
	files := goldenDocuments(f)
	for _, file := range files {
		doc, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(doc)
	}
	f.Add([]byte(`{"Dhcp4": {"interfaces-config": {"interfaces": ["*"]}, "subnet4": [{"id": 1, "subnet": "192.0.2.0/24", "pools": [{"pool": "192.0.2.1-192.0.2.9"}]}]}} # end`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		p, diags := Parse(doc, "")
		if p == nil {
			if !diags.HasErrors() {
				t.Fatal("no estate and no error")
			}
			return
		}
		if r, diags := Render(p.Estate, p.Target()); r == nil && !diags.HasErrors() {
			t.Fatal("no document and no error")
		}
	})
}

// TestOptionDefCodeRangeByFamily: a definition in a space of its own takes
// the codes of the document's family: up to 65535 in DHCPv6, 254 in DHCPv4.
func TestOptionDefCodeRangeByFamily(t *testing.T) {
	for _, fam := range []int64{4, 6} {
		e := &Estate{
			Servers:    []Server{{Name: "s", Family: ptr(fam)}},
			OptionDefs: []OptionDef{{Name: "big", Code: 300, Type: "uint8", Space: ptr("my")}},
			OptionData: []OptionData{{Name: "o", Option: ptr("big"), Space: ptr("my"), Data: ptr("1")}},
		}
		e.ClientClasses = []ClientClass{{Name: "c", OptionData: []string{"o"}}}
		e.Servers[0].ClientClasses = []string{"c"}
		_, diags := Render(e, &e.Servers[0])
		msg := errorLines(diags)
		switch {
		case fam == 6 && msg != "":
			t.Errorf("DHCPv6: %s", msg)
		case fam == 4 && !strings.Contains(msg, `code: 300 is out of range: options of space my in a DHCPv4 document have codes 1 to 254`):
			t.Errorf("DHCPv4: got %q", msg)
		}
	}
}

// TestParse_GlobalReservations: global reservations without addresses, in
// the renderer's order, go to the first subnet that looks reservations up
// globally and render in the global list again; with an address among
// them, out of that order, or with no such subnet, they are kept in the
// server's extra_json. Either way they come back the same.
func TestParse_GlobalReservations(t *testing.T) {
	const hosts = `"reservations": [{"client-id": "01:aa:bb:cc:dd:ee:02", "hostname": "two"%s}, {"hw-address": "aa:bb:cc:dd:ee:01", "hostname": "one"}]`
	for _, c := range []struct {
		name, global, address string
		objects               bool
	}{
		{"looked up", `"reservations-global": true,`, "", true},
		{"with an address", `"reservations-global": true,`, `, "ip-address": "192.0.2.9"`, false},
		{"not looked up", "", "", false},
		{"out of order", `"reservations-global": true,`, "reversed", false},
	} {
		list := fmt.Sprintf(hosts, c.address)
		if c.address == "reversed" {
			list = `"reservations": [{"hw-address": "aa:bb:cc:dd:ee:01", "hostname": "one"}, {"client-id": "01:aa:bb:cc:dd:ee:02", "hostname": "two"}]`
		}
		doc := `{"Dhcp4": {"interfaces-config": {"interfaces": ["*"]}, ` + c.global + list + `, "subnet4": [{"id": 1, "subnet": "192.0.2.0/24"}]}}`
		got, p, diags := roundTrip(t, []byte(doc), "s")
		if diags.HasErrors() {
			t.Fatalf("%s: %s", c.name, errorLines(diags))
		}
		if n := len(p.Estate.Reservations); (n == 2) != c.objects {
			t.Errorf("%s: %d reservation objects", c.name, n)
		}
		var d map[string]map[string]any
		if err := json.Unmarshal(got, &d); err != nil {
			t.Fatal(err)
		}
		var want map[string]map[string]any
		_ = json.Unmarshal([]byte(doc), &want)
		if !reflect.DeepEqual(d["Dhcp4"]["reservations"], want["Dhcp4"]["reservations"]) {
			t.Errorf("%s: reservations came back as %v", c.name, d["Dhcp4"]["reservations"])
		}
	}
}

// TestParse_MapsKeptWhole: a map the estate models only whole (dhcp-ddns,
// control sockets) that holds a key the estate does not is kept whole in
// extra_json, and nothing of it is read half. (interfaces-config is always
// rendered, so one with other keys is refused: see pendingISC.)
func TestParse_MapsKeptWhole(t *testing.T) {
	doc := `{"Dhcp4": {
  "interfaces-config": {"interfaces": ["*"]}, "control-sockets": [{"socket-type": "unix", "socket-name": "kea4-ctrl"}, {"socket-type": "http", "socket-port": 8000, "unmodelled": true}],
  "dhcp-ddns": {"enable-updates": true, "sender-ip": "127.0.0.1", "max-queue-size": 64, "unmodelled": 1},
  "subnet4": [{"id": 1, "subnet": "192.0.2.0/24"}]
}}`
	p, diags := Parse([]byte(doc), "s")
	if diags.HasErrors() {
		t.Fatal(errorLines(diags))
	}
	srv := p.Estate.Servers[0]
	if srv.ControlSockets != nil || srv.DDNSSenderIP != nil || srv.DDNSMaxQueueSize != nil || srv.D2Daemon != nil || len(p.Estate.D2Daemons) != 0 {
		t.Errorf("part of a map kept whole was read too: %+v", srv)
	}
	var keys []string
	for _, c := range p.Carried {
		keys = append(keys, c.Key)
	}
	if !reflect.DeepEqual(keys, []string{"control-sockets", "dhcp-ddns"}) {
		t.Errorf("carried %v", keys)
	}
}

// TestParse_ErrorsNameThePath: what Kea accepts and the provider refuses
// fails with the provider's finding led by the object's JSON path.
func TestParse_ErrorsNameThePath(t *testing.T) {
	doc := `{"Dhcp4": {"interfaces-config": {"interfaces": ["*"]}, "subnet4": [{"id": 1, "subnet": "192.0.2.0/24", "reservations": [{"hw-address": "aa:bb:cc:dd:ee:ff", "client-classes": ["nowhere"]}]}]}}`
	_, diags := Parse([]byte(doc), "s")
	want := `Dhcp4.subnet4[0].reservations[0]: kea_reservation "s/1/hw-address=aa:bb:cc:dd:ee:ff" client_classes[0]: refers to client class "nowhere", which was not passed in`
	if got := errorLines(diags); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestParse_Secrets: passwords become secrets named after the server and
// the user, whatever the order of the keys, and objects name them.
func TestParse_Secrets(t *testing.T) {
	doc := `{"Dhcp4": {"interfaces-config": {"interfaces": ["*"]}, "control-sockets": [{"socket-type": "http", "socket-port": 8000,
  "authentication": {"type": "basic", "clients": [{"password": "p1", "user": "alice"}, {"user": "bob", "password": "p2"}]}}]}}`
	p, diags := Parse([]byte(doc), "s")
	if diags.HasErrors() {
		t.Fatal(errorLines(diags))
	}
	if want := map[string]string{"s-alice-password": "p1", "s-bob-password": "p2"}; !reflect.DeepEqual(p.Estate.Secrets, want) {
		t.Errorf("secrets %v, want %v", p.Estate.Secrets, want)
	}
	clients := p.Estate.Servers[0].ControlSockets[0].Authentication.Clients
	if *clients[0].PasswordSecret != "s-alice-password" || *clients[1].PasswordSecret != "s-bob-password" {
		t.Errorf("clients name %s and %s", *clients[0].PasswordSecret, *clients[1].PasswordSecret)
	}
}

// TestJSONDiff: the canonical comparison of config-get answers the ISC
// round trip relies on fills only what Kea resolves alike, and still sees
// every other difference.
func TestJSONDiff(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{`{"valid-lifetime": 300}`, `{"valid-lifetime": 300, "max-valid-lifetime": 300}`, ""},
		{`{"valid-lifetime": 300}`, `{"valid-lifetime": 300, "max-valid-lifetime": 600}`, ".max-valid-lifetime: 300 in the example, 600 rendered"},
		{`{"lease-database": {"name": "kea-leases4.csv"}}`, `{"lease-database": {"name": "/var/lib/kea/kea-leases4.csv"}}`, ""},
		{`{"lease-database": {"name": "kea-leases4.csv"}}`, `{"lease-database": {"name": "/var/lib/kea/other.csv"}}`, `.lease-database.name: "/var/lib/kea/kea-leases4.csv" in the example, "/var/lib/kea/other.csv" rendered`},
		{`{"subnet4": [{"option-data": [{"code": 6}, {"code": 3}]}]}`, `{"subnet4": [{"option-data": [{"code": 3}, {"code": 6}]}]}`, ""},
		{`{"option-data": [{"code": 43, "data": "a"}, {"code": 43, "data": "b"}]}`, `{"option-data": [{"code": 43, "data": "b"}, {"code": 43, "data": "a"}]}`, `.option-data[0].data: "a" in the example, "b" rendered`},
		{`{"client-classes": [{"name": "a"}, {"name": "b"}]}`, `{"client-classes": [{"name": "b"}, {"name": "a"}]}`, `.client-classes[0].name: "a" in the example, "b" rendered`},
		{`{"x": [1]}`, `{"x": [1, 2]}`, ".x: 1 elements in the example, 2 rendered"},
	} {
		if got := jsonDiff([]byte(c.a), []byte(c.b)); got != c.want {
			t.Errorf("jsonDiff(%s, %s) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

// TestClassOrderAsPassed: classes render in the order passed, a class
// moved up only where a later one's member() needs it first; by name
// they would be a, b, c.
func TestClassOrderAsPassed(t *testing.T) {
	e := &Estate{
		Servers: []Server{{Name: "s", ClientClasses: []string{"c", "b", "a"}}},
		ClientClasses: []ClientClass{
			{Name: "c", Test: ptr("member('b')")},
			{Name: "a", Test: ptr("pkt4.msgtype == 1")},
			{Name: "b", Test: ptr("pkt4.msgtype == 3")},
		},
	}
	r, diags := Render(e, &e.Servers[0])
	if r == nil {
		t.Fatal(errorLines(diags))
	}
	doc := string(r.Document)
	b, c, a := strings.Index(doc, `"name": "b"`), strings.Index(doc, `"name": "c"`), strings.Index(doc, `"name": "a"`)
	if !(b < c && c < a) {
		t.Errorf("classes rendered in the order b@%d c@%d a@%d, want b, c, a:\n%s", b, c, a, doc)
	}
}

// TestParse_NoInterfaces: a document that names no interface (Kea then
// listens on none) is refused as the resources refuse an empty
// interfaces list, rather than read as the provider's default, all.
func TestParse_NoInterfaces(t *testing.T) {
	for _, doc := range []string{`{"Dhcp4": {"subnet4": []}}`, `{"Dhcp6": {"interfaces-config": {"interfaces": []}}}`} {
		_, diags := Parse([]byte(doc), "s")
		if got := errorLines(diags); !strings.Contains(got, `kea_dhcp_server "s" interfaces: is empty, so the server would listen on no interface`) {
			t.Errorf("%s: %s", doc, got)
		}
	}
}

// TestScopeClientClasses: a scope restricted to any of several classes
// (client_classes) renders Kea 3.0's client-classes list and reads back
// as such; client_class and client_classes together are an error.
func TestScopeClientClasses(t *testing.T) {
	doc := `{"Dhcp4": {"interfaces-config": {"interfaces": ["*"]},
  "client-classes": [{"name": "a", "test": "pkt4.msgtype == 1"}, {"name": "b", "test": "pkt4.msgtype == 3"}],
  "subnet4": [{"id": 1, "subnet": "192.0.2.0/24", "pools": [{"pool": "192.0.2.10 - 192.0.2.20", "client-classes": ["a", "b"]}]}]}}`
	p, diags := Parse([]byte(doc), "s")
	if diags.HasErrors() {
		t.Fatal(errorLines(diags))
	}
	pool := &p.Estate.Pools[0]
	if !reflect.DeepEqual(pool.ClientClasses, []string{"a", "b"}) || pool.ClientClass != nil {
		t.Errorf("pool classes %v / %v", pool.ClientClasses, pool.ClientClass)
	}
	pool.ClientClass = ptr("a")
	_, diags = Render(p.Estate, p.Target())
	if got := errorLines(diags); !strings.Contains(got, "client_classes: set client_class (one class) or client_classes (any of several), not both") {
		t.Errorf("both set: %s", got)
	}
	// The deprecated client_class alone renders as a list of one, with a
	// warning that says what to write instead.
	pool.ClientClasses = nil
	r, diags := Render(p.Estate, p.Target())
	if diags.HasErrors() || !regexp.MustCompile(`"pool": "192.0.2.10 - 192.0.2.20",\s+"client-classes": \[\s+"a"\s+\]`).Match(r.Document) {
		t.Errorf("client_class alone: %s\n%s", errorLines(diags), r.Document)
	}
	if len(diags) != 1 || diags[0].Severity != Warning || !strings.Contains(diags[0].Error(), `client_class: is deprecated, as Kea 3.0 deprecates client-class; set client_classes = ["a"], which renders the same`) {
		t.Errorf("client_class alone: findings %v, want the deprecation warning", diags)
	}
}
