package kea

import (
	"fmt"
	"slices"
	"strings"
)

// keyScope is a map of a Kea document that extra_json adds keys to.
type keyScope int

const (
	scopeGlobal keyScope = iota
	scopeSharedNetwork
	scopeSubnet
	scopePool
	scopePDPool
	scopeReservation
	scopeClientClass
	scopeD2Global // a DhcpDdns document's top-level map
)

// allKeyScopes are the scopes in order, from keyScopeNames.
var allKeyScopes = func() []keyScope {
	out := make([]keyScope, len(keyScopeNames))
	for i := range out {
		out[i] = keyScope(i)
	}
	return out
}()

// keyScopeNames are each scope's name in messages and its Go name (for
// the generated keys_kea.go), by scope.
var keyScopeNames = [...]struct{ text, goName string }{
	scopeGlobal:        {"global", "scopeGlobal"},
	scopeSharedNetwork: {"shared network", "scopeSharedNetwork"},
	scopeSubnet:        {"subnet", "scopeSubnet"},
	scopePool:          {"pool", "scopePool"},
	scopePDPool:        {"pd pool", "scopePDPool"},
	scopeReservation:   {"reservation", "scopeReservation"},
	scopeClientClass:   {"client class", "scopeClientClass"},
	scopeD2Global:      {"global", "scopeD2Global"},
}

func (s keyScope) String() string { return keyScopeNames[s].text }
func (s keyScope) goName() string { return keyScopeNames[s].goName }

// checkExtraKey refuses an extra_json key Kea 3.0 does not accept in the
// scope's map of a document (Dhcp4, Dhcp6, DhcpDdns), naming the nearest
// keys it does.
func checkExtraKey(r reporter, doc string, scope keyScope, key string) bool {
	keys := keaKeys[doc][scope]
	if _, found := slices.BinarySearch(keys, key); found {
		return true
	}
	near := nearKeys(key, keys)
	hint := "see the Kea 3.0 reference for the keys of this map"
	if len(near) > 0 {
		hint = "did you mean " + strings.Join(near, ", ") + "?"
	}
	r.errf("extra_json", "key %q is not one Kea 3.0 accepts in a %s %s map; %s", key, doc, scope, hint)
	return false
}

// nearKeys are up to three keys within a small edit distance of key, or
// that contain it.
func nearKeys(key string, keys []string) []string {
	type cand struct {
		k string
		d int
	}
	var cands []cand
	limit := 2 + len(key)/8
	for _, k := range keys {
		d := editDistance(key, k)
		if d <= limit || len(key) >= 4 && strings.Contains(k, key) {
			cands = append(cands, cand{k, d})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.d - b.d })
	var out []string
	for i := 0; i < len(cands) && i < 3; i++ {
		out = append(out, fmt.Sprintf("%q", cands[i].k))
	}
	return out
}

// editDistance is the Levenshtein distance of two keys.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
