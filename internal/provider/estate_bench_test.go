package provider

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// BenchmarkDecodeEstateLarge measures reading the large benchmark estate
// (bench/gen) from Terraform values into kea types, the provider's share of
// a plan besides rendering.
func BenchmarkDecodeEstateLarge(b *testing.B) {
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
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := decodeEstate(serverKind, fields["server"], fields)
		if len(in.errs) > 0 || in.unknown {
			b.Fatalf("decode: %v", in.errs)
		}
		if len(in.estate.Reservations) != 50000 {
			b.Fatalf("got %d reservations", len(in.estate.Reservations))
		}
	}
}
