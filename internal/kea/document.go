package kea

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Format is how a document is written.
type Format string

// Document formats.
const (
	FormatJSON Format = "json" // a Kea JSON document under one top-level key
	FormatEnv  Format = "env"  // a Stork environment file (KEY=value lines)
)

// DocKind describes one kind of document the provider renders: what it
// is called, where the daemon reads it, how real software checks it and
// what it is rendered for. The golden and rejected tests and the scripts
// (scripts/dockinds prints this table) derive file suffixes and checking
// programs from it.
type DocKind struct {
	// Name is the top-level key of a JSON document (Dhcp4), or the name
	// of an env file.
	Name   string
	Format Format
	// File is the file the daemon loads.
	File string
	// Suffix names golden and rejected documents: <case>.<Suffix>.
	Suffix string
	// Check is the program and flag that check a document of this kind
	// (kea-dhcp4 -T). -T loads hooks, which -t does not.
	Check string
	// Target is the object kind a document is rendered for.
	Target string
	// PerMember kinds render one document per member host of the target
	// (Stork's agent.env, per member of an agent group): their render
	// function returns a map of member names to bodies.
	PerMember bool
	render    func(e *Estate, t Target, d *DocKind) (body any, secrets bool, diags Diags)
}

// The document kinds. kea-dhcp-ddns has -t only (no -T). The Stork env
// files are checked by running the programs with --use-env-file
// (scripts/stork-check.sh).
var (
	DocDhcp4       = &DocKind{Name: "Dhcp4", Format: FormatJSON, File: "kea-dhcp4.conf", Suffix: "kea4.json", Check: "kea-dhcp4 -T", Target: KindServer, render: renderDHCP}
	DocDhcp6       = &DocKind{Name: "Dhcp6", Format: FormatJSON, File: "kea-dhcp6.conf", Suffix: "kea6.json", Check: "kea-dhcp6 -T", Target: KindServer, render: renderDHCP}
	DocStorkServer = &DocKind{Name: "server.env", Format: FormatEnv, File: "server.env", Suffix: "server.env", Check: "stork-server --use-env-file", Target: KindStorkServer, render: renderStorkServer}
	DocStorkAgent  = &DocKind{Name: "agent.env", Format: FormatEnv, File: "agent.env", Suffix: "agent.env", Check: "stork-agent --use-env-file", Target: KindStorkAgentGroup, PerMember: true, render: renderStorkAgents}
	DocDhcpDdns    = &DocKind{Name: docNameDhcpDdns, Format: FormatJSON, File: "kea-dhcp-ddns.conf", Suffix: "d2.json", Check: "kea-dhcp-ddns -t", Target: KindD2Daemon, render: renderDhcpDdns}
)

// DocKinds lists every document kind.
var DocKinds = []*DocKind{DocDhcp4, DocDhcp6, DocDhcpDdns, DocStorkServer, DocStorkAgent}

// Renders reports whether the provider renders documents of the kind yet.
func (d *DocKind) Renders() bool { return d.render != nil }

// Target is an object documents are rendered for.
type Target interface {
	Entity
	// Document is the kind of document the object renders.
	Document() *DocKind
}

// Rendered is a rendered document and its digest, or for a per-member
// kind, the documents of every member.
type Rendered struct {
	Kind     *DocKind
	Document []byte // the file's bytes: for JSON, two-space indented with a trailing newline; nil for a per-member kind
	// SHA256 is the hex sha256 of Document; for a per-member kind, of
	// every part's name and digest, one "name sha256\n" line each.
	SHA256 string
	// Parts are a per-member kind's documents, by member name.
	Parts []Part
	// HasSecrets is set when a secret was written into a document.
	HasSecrets bool
}

// Part is one member's document of a per-member kind.
type Part struct {
	Name     string
	Document []byte
	SHA256   string
}

// Render validates the estate and renders the target's document. Objects
// the target does not use are ignored; objects it uses are validated,
// alone and against each other. On any error the document is nil.
func Render(e *Estate, t Target) (*Rendered, Diags) { return RenderSized(e, t, 0) }

// RenderSized is Render told the size the document will probably have: its
// buffer starts at that size, and a document that fits is not copied when
// it is done. The provider passes the size of its input (Terraform's
// encoding of the estate), which for a large estate is a little more
// than the document; a document that outgrows the hint costs one copy.
func RenderSized(e *Estate, t Target, sizeHint int) (*Rendered, Diags) {
	doc, body, secrets, diags := build(e, t)
	if diags.HasErrors() || body == nil {
		return nil, diags
	}
	r := &Rendered{Kind: doc, HasSecrets: secrets}
	if !doc.PerMember {
		r.Document = doc.write(body, sizeHint)
		r.SHA256 = digest(r.Document)
		return r, diags
	}
	parts := body.(map[string]*EnvFile)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		p := Part{Name: name, Document: doc.write(parts[name], 0)}
		p.SHA256 = digest(p.Document)
		r.Parts = append(r.Parts, p)
	}
	r.SHA256 = partsDigest(r.Parts)
	return r, diags
}

// Check is Render without the writing: the findings on the target's
// document, for who needs to know only whether it renders.
func Check(e *Estate, t Target) Diags {
	_, _, _, diags := build(e, t)
	return diags
}

// build validates the estate and builds the target's document body.
func build(e *Estate, t Target) (doc *DocKind, body any, secrets bool, diags Diags) {
	if t == nil {
		return nil, nil, false, Diags{{Severity: Error, Index: -1, Msg: "no target to render: pass a " + KindServer}}
	}
	doc = t.Document()
	if !doc.Renders() {
		return doc, nil, false, Diags{{Severity: Error, Kind: doc.Target, Index: -1, Msg: doc.Name + " documents are not rendered yet"}}
	}
	body, secrets, diags = doc.render(e, t, doc)
	return doc, body, secrets, diags
}

// write writes one document body in the kind's format.
func (d *DocKind) write(body any, sizeHint int) []byte {
	switch d.Format {
	case FormatJSON:
		return marshalSized(body, sizeHint)
	case FormatEnv:
		return body.(*EnvFile).bytes()
	}
	panic(fmt.Sprintf("document kind %s: format %q has no writer", d.Name, d.Format))
}

// partsDigest is the digest of documents in name order: of one
// "name sha256" line each.
func partsDigest(parts []Part) string {
	var index strings.Builder
	for _, p := range parts {
		index.WriteString(p.Name + " " + p.SHA256 + "\n")
	}
	return digest([]byte(index.String()))
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
