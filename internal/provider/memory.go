package provider

import (
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// The provider's peak memory on a large estate (issue 12). A call that
// renders a whole estate holds Terraform's request, the decoded estate and
// the document at once, and hands gRPC a result that holds the document
// twice. Left to itself, Go's collector lets the heap grow to twice what
// was live at its last collection, and keeps freed pages resident: garbage
// of the previous call (its result, gRPC's pooled buffers) was still
// resident when the next request arrived. A large call therefore runs in
// a regime of its own (largeCall), which starts and ends by returning free
// memory to the system, and collects more often in between.

// largeInput is the size from which a call's input counts as large.
const largeInput = 1 << 20

// largeCallGCPercent is the collector's setting while a large call runs:
// the heap may grow by half of what is live, not by all of it. On the
// bench estate this costs two or three more collections per call, of a
// heap that is mostly bytes and cheap to mark.
const largeCallGCPercent = 50

// releaseDelay is how long after a large call its memory is given back:
// time for gRPC to send the result, far less than Terraform's own work
// before its next call.
const releaseDelay = 200 * time.Millisecond

var largeCalls struct {
	sync.Mutex
	running  int
	gcBefore int // the collector's setting before the first of them
	release  *time.Timer
}

// msgpackLen is the size of a value's encoding; 0 for none.
func msgpackLen(v *tfprotov6.DynamicValue) int {
	if v == nil {
		return 0
	}
	return len(v.MsgPack)
}

// largeCall enters the large-call regime for an input of n bytes, when it
// is large, and returns what the caller runs when it is done. The first
// large call running returns free memory to the system (a collection
// also empties gRPC's buffer pools of the previous calls' messages) and
// sets the collector's target; the last one restores it and, shortly
// after, returns to the system what its result left behind.
func largeCall(n int) (end func()) {
	if n <= largeInput {
		return func() {}
	}
	largeCalls.Lock()
	if largeCalls.running == 0 {
		// Two collections: a sync.Pool (gRPC's buffers) keeps what the
		// first finds unused until the second.
		runtime.GC()
		debug.FreeOSMemory()
		largeCalls.gcBefore = debug.SetGCPercent(largeCallGCPercent)
	}
	largeCalls.running++
	largeCalls.Unlock()
	return func() {
		largeCalls.Lock()
		defer largeCalls.Unlock()
		if largeCalls.running--; largeCalls.running > 0 {
			return
		}
		debug.SetGCPercent(largeCalls.gcBefore)
		if largeCalls.release == nil {
			largeCalls.release = time.AfterFunc(releaseDelay, debug.FreeOSMemory)
		} else {
			largeCalls.release.Reset(releaseDelay)
		}
	}
}

// settle collects and returns free memory to the system between the
// steps of a large call: after decoding, so that rendering and the
// document start from what is live (the estate) and not from the decoder's
// garbage; and before the result, so that the result and gRPC's copy of
// it reuse the memory of the estate (the caller drops it first).
func settle(n int) {
	if n > largeInput {
		debug.FreeOSMemory()
	}
}
