package provider

import (
	"runtime/debug"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestLargeCall: large calls, nested as concurrent ones are, run with the
// collector's large-call setting, and the last to end restores the one
// before; a small input changes nothing.
func TestLargeCall(t *testing.T) {
	before := gcPercent()
	largeCall(largeInput)()
	if got := gcPercent(); got != before {
		t.Fatalf("a call of %d bytes (not large) left GC percent %d, was %d", largeInput, got, before)
	}
	end1 := largeCall(largeInput + 1)
	if got := gcPercent(); got != largeCallGCPercent {
		t.Fatalf("in a large call GC percent is %d, want %d", got, largeCallGCPercent)
	}
	end2 := largeCall(largeInput + 1)
	end1()
	if got := gcPercent(); got != largeCallGCPercent {
		t.Fatalf("with one large call still running GC percent is %d, want %d", got, largeCallGCPercent)
	}
	end2()
	if got := gcPercent(); got != before {
		t.Fatalf("after the large calls GC percent is %d, want %d as before", got, before)
	}
}
