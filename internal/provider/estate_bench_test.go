package provider

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// BenchmarkDecodeEstateLarge measures reading the large benchmark estate
// (bench/gen) from Terraform values into kea types, the provider's share of
// a plan besides rendering.
func BenchmarkDecodeEstateLarge(b *testing.B) {
	fields := largeInputs(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := decodeEstate(fields["server"], fields)
		if len(in.errs) > 0 || in.unknown {
			b.Fatalf("decode: %v", in.errs)
		}
		if len(in.estate.Reservations) != 50000 {
			b.Fatalf("got %d reservations", len(in.estate.Reservations))
		}
	}
}

// largeInputs is the large benchmark estate (bench/gen) as Terraform
// values: the server and the lists.
func largeInputs(b *testing.B) map[string]tftypes.Value {
	b.Helper()
	dir := b.TempDir()
	file := filepath.Join(dir, "estate.json")
	gen := exec.Command("go", "run", "../../bench/gen", "-o", file)
	gen.Stderr = os.Stderr
	if err := gen.Run(); err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	v, err := jsonToValue(string(raw))
	if err != nil {
		b.Fatal(err)
	}
	var fields map[string]tftypes.Value
	if err := v.As(&fields); err != nil {
		b.Fatal(err)
	}
	return fields
}

// BenchmarkConfigCallLarge measures the function's whole call on the large
// estate, from the msgpack arguments Terraform sends to the msgpack result:
// time, allocations, and the peak of the live heap (sampled every
// millisecond) against the rendered document's size, which issue 12 wants
// within 10x.
func BenchmarkConfigCallLarge(b *testing.B) {
	fields := largeInputs(b)
	target := fields["server"]
	delete(fields, "server")
	types := map[string]tftypes.Type{}
	for k, v := range fields {
		types[k] = v.Type()
	}
	args := dynamicArgs(b, target, tftypes.NewValue(tftypes.Object{AttributeTypes: types}, fields))
	fields, target = nil, tftypes.Value{} //nolint:ineffassign // drop the references before measuring
	measureCall(b, args)
}

// BenchmarkConfigCallLargeOneList is BenchmarkConfigCallLarge with the
// objects as one list (flat.go) of what for_each resources are, a map of
// objects per kind, each object's kind read from its attributes.
func BenchmarkConfigCallLargeOneList(b *testing.B) {
	fields := largeInputs(b)
	target := fields["server"]
	delete(fields, "server")
	var elems []tftypes.Value
	var types []tftypes.Type
	for _, k := range kea.Kinds {
		v, ok := fields[k.List]
		if !ok || v.IsNull() {
			continue
		}
		var l []tftypes.Value
		if err := v.As(&l); err != nil {
			b.Fatal(err)
		}
		byKey := map[string]tftypes.Value{}
		keyTypes := map[string]tftypes.Type{}
		for i, o := range l {
			key := fmt.Sprintf("%s-%d", k.List, i)
			byKey[key], keyTypes[key] = o, o.Type()
		}
		m := tftypes.NewValue(tftypes.Object{AttributeTypes: keyTypes}, byKey)
		elems = append(elems, m)
		types = append(types, m.Type())
	}
	args := dynamicArgs(b, target, tftypes.NewValue(tftypes.Tuple{ElementTypes: types}, elems))
	fields, target, elems = nil, tftypes.Value{}, nil //nolint:ineffassign // drop the references before measuring
	measureCall(b, args)
}

// measureCall runs the function's call on args b.N times and reports
// the peak of the live heap and the sizes of the arguments and result.
func measureCall(b *testing.B, args []*tfprotov6.DynamicValue) {
	argBytes := len(args[0].MsgPack) + len(args[1].MsgPack)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	var docBytes int
	for i := 0; i < b.N; i++ {
		resp := callConfig(context.Background(), args)
		if resp.Error != nil {
			b.Fatal(resp.Error.Text)
		}
		docBytes = len(resp.Result.MsgPack)
	}
	b.StopTimer()
	close(stop)
	<-done
	live := float64(peak.Load()-base.HeapAlloc) / (1 << 20)
	b.ReportMetric(live, "peak-heap-MiB")
	b.ReportMetric(float64(argBytes)/(1<<20), "args-MiB")
	b.ReportMetric(float64(docBytes)/(1<<20), "result-MiB")
}
