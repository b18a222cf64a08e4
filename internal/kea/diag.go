package kea

import (
	"fmt"
	"strings"
)

// row names an object by its place in the estate: "reservations[3]".
func row(kind string, index int) string {
	if k := KindNamed(kind); k != nil {
		return fmt.Sprintf("%s[%d]", k.List, index)
	}
	return fmt.Sprintf("#%d", index)
}

// Severity of a Diag.
type Severity int

// Error diagnostics stop rendering; warnings are reported alongside the
// document.
const (
	Error Severity = iota
	Warning
)

// Diag is one validation finding, located on an object and one of its
// attributes.
type Diag struct {
	Severity Severity
	Kind     string // object kind, e.g. "kea_subnet"
	ID       string // the object's id, when it can be computed
	Index    int    // position of the object in its input list; -1 when not from a list
	Attr     string // attribute path inside the object, e.g. "prefix" or "control_sockets[0].port"
	Msg      string
	// DependsOnDirectories marks a finding about a path checked against
	// the Kea build directories, which are provider settings: Terraform
	// validates a resource before the provider is configured, so these
	// findings can be reported at plan only.
	DependsOnDirectories bool
}

// Where names the object and attribute, e.g. `kea_subnet "office/10" prefix`.
func (d Diag) Where() string {
	var b strings.Builder
	b.WriteString(d.Kind)
	if d.ID != "" {
		fmt.Fprintf(&b, " %q", d.ID)
	} else if d.Index >= 0 {
		b.WriteString(" " + row(d.Kind, d.Index))
	}
	if d.Attr != "" {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(d.Attr)
	}
	return b.String()
}

func (d Diag) Error() string {
	if w := d.Where(); w != "" {
		return w + ": " + d.Msg
	}
	return d.Msg
}

// Diags is a list of findings.
type Diags []Diag

// HasErrors reports whether any finding is an error.
func (ds Diags) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (ds Diags) Errors() Diags {
	var out Diags
	for _, d := range ds {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// reporter collects findings for one object.
type reporter struct {
	kind  string
	id    string
	index int
	out   *Diags
}

func (r reporter) errf(attr, format string, args ...any) {
	*r.out = append(*r.out, Diag{Severity: Error, Kind: r.kind, ID: r.id, Index: r.index, Attr: attr, Msg: fmt.Sprintf(format, args...)})
}

func (r reporter) dirErrf(attr, format string, args ...any) {
	*r.out = append(*r.out, Diag{Severity: Error, Kind: r.kind, ID: r.id, Index: r.index, Attr: attr, Msg: fmt.Sprintf(format, args...), DependsOnDirectories: true})
}

func (r reporter) warnf(attr, format string, args ...any) {
	*r.out = append(*r.out, Diag{Severity: Warning, Kind: r.kind, ID: r.id, Index: r.index, Attr: attr, Msg: fmt.Sprintf(format, args...)})
}
