package kea

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
	render func(e *Estate, t Target, d *DocKind) (body any, secrets bool, diags Diags)
}

// The document kinds. kea-dhcp-ddns has -t only (no -T). The Stork server.env
// and agent.env (targets kea_stork_server and kea_stork_agent_group) join
// with their kinds.
var (
	DocDhcp4    = &DocKind{Name: "Dhcp4", Format: FormatJSON, File: "kea-dhcp4.conf", Suffix: "kea4.json", Check: "kea-dhcp4 -T", Target: KindServer, render: renderDHCP}
	DocDhcp6    = &DocKind{Name: "Dhcp6", Format: FormatJSON, File: "kea-dhcp6.conf", Suffix: "kea6.json", Check: "kea-dhcp6 -T", Target: KindServer, render: renderDHCP}
	DocDhcpDdns = &DocKind{Name: docNameDhcpDdns, Format: FormatJSON, File: "kea-dhcp-ddns.conf", Suffix: "d2.json", Check: "kea-dhcp-ddns -t", Target: KindD2Daemon, render: renderDhcpDdns}
)

// DocKinds lists every document kind.
var DocKinds = []*DocKind{DocDhcp4, DocDhcp6, DocDhcpDdns}

// Renders reports whether the provider renders documents of the kind yet.
func (d *DocKind) Renders() bool { return d.render != nil }

// Target is an object documents are rendered for.
type Target interface {
	Entity
	// Document is the kind of document the object renders.
	Document() *DocKind
}

// Rendered is a rendered document and its digest.
type Rendered struct {
	Kind     *DocKind
	Document []byte // the file's bytes: for JSON, two-space indented with a trailing newline
	SHA256   string // hex sha256 of Document
	// HasSecrets is set when a secret was written into Document.
	HasSecrets bool
}

// Render validates the estate and renders the target's document. Objects
// the target does not use are ignored; objects it uses are validated,
// alone and against each other. On any error the document is nil.
func Render(e *Estate, t Target) (*Rendered, Diags) {
	if t == nil {
		return nil, Diags{{Severity: Error, Index: -1, Msg: "no target to render: pass a " + KindServer}}
	}
	doc := t.Document()
	if !doc.Renders() {
		return nil, Diags{{Severity: Error, Kind: doc.Target, Index: -1, Msg: doc.Name + " documents are not rendered yet"}}
	}
	body, secrets, diags := doc.render(e, t, doc)
	if diags.HasErrors() || body == nil {
		return nil, diags
	}
	var out []byte
	switch doc.Format {
	case FormatJSON:
		out = Marshal(body)
	default:
		panic(fmt.Sprintf("document kind %s: format %q has no writer", doc.Name, doc.Format))
	}
	sum := sha256.Sum256(out)
	return &Rendered{Kind: doc, Document: out, SHA256: hex.EncodeToString(sum[:]), HasSecrets: secrets}, diags
}
