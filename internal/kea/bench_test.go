package kea

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sync"
	"testing"
)

// The large estate of make bench: one server, 2,000 /24 subnets with a
// routers option each, 4,000 pools, 50,000 reservations, two global options
// and two client classes used by some pools. It has the shape bench/gen
// writes (scripts/bench.sh checks that the two agree, through
// TestLargeEstateMatchesGenerator).
const (
	largeSubnets  = 2000
	largePoolsPer = 2
	largeHostsPer = 25
)

// largeEstate builds the estate in memory. Keep in step with generate in
// bench/gen/main.go.
func largeEstate(nSubnets, poolsPer, hostsPer int) *fixture {
	sp := func(s string) *string { return &s }
	const srv = "big"
	e := &fixture{Server: &Server{Name: srv, Interfaces: []string{"*"}, OptionData: []string{"dns", "domain"}}}
	e.Estate = Estate{
		OptionData: []OptionData{
			{Name: "dns", Option: sp("domain-name-servers"), Values: []string{"10.0.0.53", "10.0.0.54"}},
			{Name: "domain", Option: sp("domain-name"), Data: sp("big.example.net")},
		},
		ClientClasses: []ClientClass{
			{Name: "pxe", Test: sp("option[93].hex == 0x0007"), BootFields: BootFields{NextServer: sp("10.0.0.5"), BootFileName: sp("ipxe.efi")}},
			{Name: "voip", Test: sp("substring(option[60].hex,0,4) == 'VOIP'")},
		},
		Subnets:      make([]Subnet, 0, nSubnets),
		Pools:        make([]Pool, 0, nSubnets*poolsPer),
		Reservations: make([]Reservation, 0, nSubnets*hostsPer),
	}
	poolSize := 100 / poolsPer
	host := 0
	for id := 1; id <= nSubnets; id++ {
		net := fmt.Sprintf("10.%d.%d.", id>>8&255, id&255)
		ref := fmt.Sprintf("%s/%d", srv, id)
		routers := fmt.Sprintf("routers-%d", id)
		e.OptionData = append(e.OptionData, OptionData{Name: routers, Option: sp("routers"), Data: sp(net + "1")})
		e.Subnets = append(e.Subnets, Subnet{Server: srv, SubnetID: int64(id), Prefix: net + "0/24", ScopeRefs: ScopeRefs{OptionData: []string{routers}}})
		for k := 0; k < poolsPer; k++ {
			first := 100 + k*poolSize
			p := Pool{Subnet: ref, Range: sp(fmt.Sprintf("%s%d - %s%d", net, first, net, first+poolSize-1))}
			switch {
			case id%10 == 0 && k == 0:
				p.ClientClasses = []string{"pxe"}
			case id%10 == 5 && k == 1:
				p.ClientClasses = []string{"voip"}
			}
			e.Pools = append(e.Pools, p)
		}
		for j := 0; j < hostsPer; j++ {
			e.Reservations = append(e.Reservations, Reservation{
				Subnet:    ref,
				HWAddress: sp(fmt.Sprintf("02:00:%02x:%02x:%02x:%02x", host>>24&255, host>>16&255, host>>8&255, host&255)),
				IPAddress: sp(fmt.Sprintf("%s%d", net, 10+j)),
				Hostname:  sp(fmt.Sprintf("h%d", host)),
			})
			host++
		}
	}
	return e
}

var (
	largeOnce sync.Once
	largeE    *fixture
	largeDoc  any
)

// large returns the large estate and its rendered document (built once;
// Render does not modify its input).
func large(tb testing.TB) (*fixture, any) {
	tb.Helper()
	largeOnce.Do(func() {
		largeE = largeEstate(largeSubnets, largePoolsPer, largeHostsPer)
		// Render returns bytes only; build the document as Render does.
		doc, _, diags := renderDHCP(&largeE.Estate, largeE.Server, DocDhcp4)
		if diags.HasErrors() || doc == nil {
			tb.Logf("render errors: %v", diags.Errors())
			return
		}
		largeDoc = doc
	})
	if largeDoc == nil {
		tb.Fatal("the large estate does not render")
	}
	return largeE, largeDoc
}

// TestLargeEstateRenders checks that the benchmark input is good: it
// renders without errors or warnings, and the document has every subnet,
// pool and reservation.
func TestLargeEstateRenders(t *testing.T) {
	e, _ := large(t)
	r, diags := Render(&e.Estate, e.Server)
	if diags.HasErrors() {
		t.Fatalf("render failed: %v", diags.Errors())
	}
	for _, d := range diags {
		t.Errorf("unexpected diagnostic: %v", d)
	}
	var doc struct {
		Dhcp4 struct {
			OptionData    []json.RawMessage `json:"option-data"`
			ClientClasses []json.RawMessage `json:"client-classes"`
			Reservations  []json.RawMessage `json:"reservations"`
			Subnet4       []struct {
				ID           int64             `json:"id"`
				OptionData   []json.RawMessage `json:"option-data"`
				Pools        []json.RawMessage `json:"pools"`
				Reservations []json.RawMessage `json:"reservations"`
			} `json:"subnet4"`
		}
	}
	if err := json.Unmarshal(r.Document, &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	d := doc.Dhcp4
	pools, hosts, opts := 0, 0, 0
	for i, s := range d.Subnet4 {
		if s.ID != int64(i+1) {
			t.Fatalf("subnet4[%d] has id %d, want %d", i, s.ID, i+1)
		}
		pools += len(s.Pools)
		hosts += len(s.Reservations)
		opts += len(s.OptionData)
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"subnets", len(d.Subnet4), largeSubnets},
		{"pools", pools, largeSubnets * largePoolsPer},
		{"reservations in subnets", hosts, largeSubnets * largeHostsPer},
		{"global reservations", len(d.Reservations), 0},
		{"subnet option data", opts, largeSubnets},
		{"global option data", len(d.OptionData), 2},
		{"client classes", len(d.ClientClasses), 2},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	t.Logf("document: %d bytes, sha256 %s", len(r.Document), r.SHA256)
}

// TestLargeEstateMatchesGenerator compares largeEstate with the file bench/gen
// wrote, named by KEA_BENCH_ESTATE (scripts/bench.sh sets it).
func TestLargeEstateMatchesGenerator(t *testing.T) {
	file := os.Getenv("KEA_BENCH_ESTATE")
	if file == "" {
		t.Skip("set KEA_BENCH_ESTATE to a file written by go run ./bench/gen")
	}
	got := loadFixture(t, file)
	want := largeEstate(largeSubnets, largePoolsPer, largeHostsPer)
	if len(got.OptionDefs) == 0 {
		got.OptionDefs = nil // "option_definitions": []
	}
	if !reflect.DeepEqual(got.Server, want.Server) {
		t.Errorf("server: %+v, want %+v", got.Server, want.Server)
	}
	compare := func(name string, g, w any) {
		gv, wv := reflect.ValueOf(g), reflect.ValueOf(w)
		if gv.Len() != wv.Len() {
			t.Errorf("%s: %d entries, want %d", name, gv.Len(), wv.Len())
			return
		}
		for i := 0; i < gv.Len(); i++ {
			if !reflect.DeepEqual(gv.Index(i).Interface(), wv.Index(i).Interface()) {
				gj, _ := json.Marshal(gv.Index(i).Interface())
				wj, _ := json.Marshal(wv.Index(i).Interface())
				t.Errorf("%s[%d]:\n got %s\nwant %s", name, i, gj, wj)
				return
			}
		}
	}
	compare("subnets", got.Subnets, want.Subnets)
	compare("pools", got.Pools, want.Pools)
	compare("reservations", got.Reservations, want.Reservations)
	compare("option_definitions", got.OptionDefs, want.OptionDefs)
	compare("option_data", got.OptionData, want.OptionData)
	compare("client_classes", got.ClientClasses, want.ClientClasses)
}

// BenchmarkRenderLarge is the whole of Render: validation, rendering,
// Marshal and sha256.
func BenchmarkRenderLarge(b *testing.B) {
	e, _ := large(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, diags := Render(&e.Estate, e.Server); diags.HasErrors() {
			b.Fatal(diags.Errors())
		}
	}
}

// BenchmarkMarshalOrderedLarge is the project's writer (indented) on the
// finished document.
func BenchmarkMarshalOrderedLarge(b *testing.B) {
	_, doc := large(b)
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		n = len(Marshal(doc))
	}
	b.SetBytes(int64(n))
}

// BenchmarkJSONMarshalLarge is encoding/json on the same document (through
// Object.MarshalJSON): compact, and indented like our output. Note that
// encoding/json re-validates (and, for MarshalIndent, re-indents) what a
// Marshaler returns at every nesting level, and Object.MarshalJSON calls
// json.Marshal per value, so this baseline is pessimistic for encoding/json.
func BenchmarkJSONMarshalLarge(b *testing.B) {
	_, doc := large(b)
	for _, bc := range []struct {
		name string
		f    func(any) ([]byte, error)
	}{
		{"Marshal", json.Marshal},
		{"MarshalIndent", func(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				out, err := bc.f(doc)
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.SetBytes(int64(n))
		})
	}
}

// BenchmarkParseLarge reads the large estate's document back into an
// estate (provider::kea::parse_config; issue 13 wants well under a second),
// its final check, a render, included.
func BenchmarkParseLarge(b *testing.B) {
	e, _ := large(b)
	r, diags := Render(&e.Estate, e.Server)
	if diags.HasErrors() {
		b.Fatal(diags.Errors())
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(r.Document)))
	b.ResetTimer()
	for b.Loop() {
		if _, diags := Parse(r.Document, e.Server.Name); diags.HasErrors() {
			b.Fatal(diags.Errors())
		}
	}
}
