package kea

import (
	"testing"

	"github.com/keaform/terraform-provider-kea/internal/kea/keatest"
)

// ruleCase is the provider's verdict on one case of a rules table: the
// attribute it refuses ("" to accept) and, where it refuses what Kea
// takes, why it is stricter.
type ruleCase struct {
	name, refuse, stricter string
}

// checkProviderVerdict requires the provider's findings to match the case.
func checkProviderVerdict(t *testing.T, c ruleCase, ds Diags) {
	t.Helper()
	switch {
	case c.refuse == "" && ds.HasErrors():
		t.Errorf("%s: refused: %v", c.name, ds)
	case c.refuse != "" && (!ds.HasErrors() || ds.Errors()[0].Attr != c.refuse):
		t.Errorf("%s: want an error on %s, got %v", c.name, c.refuse, ds)
	}
}

// checkKeaAgrees requires Kea's verdict to match the provider's: Kea takes
// what the provider accepts and refuses what it refuses, except where the
// case says why the provider is stricter.
func checkKeaAgrees(t *testing.T, c ruleCase, v keatest.Verdict) {
	t.Helper()
	switch {
	case c.refuse == "" && !v.Accepted:
		t.Errorf("%s: Kea refuses what the provider accepts: %s", c.name, v.Message)
	case c.refuse != "" && c.stricter == "" && v.Accepted:
		t.Errorf("%s: Kea takes what the provider refuses on %s; mark the case stricter, with the reason, or drop the rule", c.name, c.refuse)
	case c.stricter != "" && !v.Accepted:
		t.Errorf("%s: marked stricter than Kea, but Kea refuses it too: %s", c.name, v.Message)
	}
}
