package kea

import (
	"slices"
	"strings"
)

// Several targets rendered in one call: the members of an HA pair, say.
// Each document is rendered as Render renders it alone; a finding that
// several targets' documents share (an object of a subnet the pair
// serves, an HA relationship both members read) is reported once.

// RenderEach renders every target's document, named by the target's id
// in Parts, as a per-member kind's documents are; SHA256 changes when any
// of them does. The targets must render documents of one kind, and not
// of a per-member kind. On any error there are no documents.
func RenderEach(e *Estate, ts []Target, sizeHint int) (*Rendered, Diags) {
	if len(ts) == 0 {
		return nil, Diags{{Severity: Error, Index: -1, Msg: "no target to render: pass a " + KindServer + " or several"}}
	}
	kind := ts[0].Document()
	var diags Diags
	said := map[Diag]bool{}
	add := func(ds Diags) {
		for _, d := range ds {
			if !said[d] {
				said[d] = true
				diags = append(diags, d)
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range ts {
		switch doc := t.Document(); {
		case doc.PerMember:
			add(Diags{{Severity: Error, Kind: doc.Target, ID: t.ID(), Index: -1, Msg: "renders one " + doc.File + " per member already; render it alone"}})
		case doc != kind:
			add(Diags{{Severity: Error, Kind: doc.Target, ID: t.ID(), Index: -1, Msg: "renders " + doc.File + " where " + ts[0].ID() + " renders " + kind.File + "; render documents of different kinds in separate calls"}})
		case seen[t.ID()]:
			add(Diags{{Severity: Error, Kind: doc.Target, ID: t.ID(), Index: -1, Msg: "is given twice; give each target once"}})
		}
		seen[t.ID()] = true
	}
	if diags.HasErrors() {
		return nil, diags
	}
	out := &Rendered{Kind: kind, Parts: make([]Part, 0, len(ts))}
	for _, t := range ts {
		r, ds := RenderSized(e, t, sizeHint/len(ts))
		add(ds)
		if r != nil {
			out.Parts = append(out.Parts, Part{Name: t.ID(), Document: r.Document, SHA256: r.SHA256})
			out.HasSecrets = out.HasSecrets || r.HasSecrets
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	slices.SortFunc(out.Parts, func(a, b Part) int { return strings.Compare(a.Name, b.Name) })
	out.SHA256 = partsDigest(out.Parts)
	return out, diags
}

// Each reports whether the documents are in Parts (a per-member kind's,
// or several targets'), not in Document.
func (r *Rendered) Each() bool { return r.Kind.PerMember || r.Document == nil }
