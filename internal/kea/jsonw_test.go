package kea

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDocBuffer writes the same bytes into a docBuffer and a bytes.Buffer,
// across chunk boundaries, with and without a size hint (RenderSized), and
// requires equal output.
func TestDocBuffer(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, first := range []int{0, 100, 5000, 3 << 20} {
		var d docBuffer
		d.first = first
		var want bytes.Buffer
		for want.Len() < 2<<20+12345 {
			if rng.IntN(3) == 0 {
				c := byte('a' + rng.IntN(26))
				_ = d.WriteByte(c)
				want.WriteByte(c)
				continue
			}
			s := strings.Repeat(string(rune('A'+rng.IntN(26))), rng.IntN(20000))
			_, _ = d.WriteString(s)
			want.WriteString(s)
		}
		if d.Len() != want.Len() {
			t.Fatalf("first %d: Len %d, want %d", first, d.Len(), want.Len())
		}
		if got := d.Bytes(); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("first %d: %d bytes differ from bytes.Buffer's", first, len(got))
		}
		if first > want.Len() && len(d.done) != 0 {
			t.Errorf("first %d: a document within the hint took %d chunks besides the first", first, len(d.done))
		}
	}
}
