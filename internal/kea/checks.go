package kea

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Checks shared by every object kind.

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func boolv(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

func int64v(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

func strv(p *string, def string) string {
	if p == nil {
		return def
	}
	return *p
}

// checkPort checks an optional port: min (0 or 1) to 65535.
func checkPort(r reporter, attr string, p *int64, min int64) {
	if p != nil && (*p < min || *p > MaxUint16) {
		r.errf(attr, "%d is out of range: %d to 65535", *p, min)
	}
}

// setAttr is an optional attribute and whether the object sets it.
type setAttr struct {
	attr string
	set  bool
}

func isSet[T any](attr string, p *T) setAttr { return setAttr{attr, p != nil} }

// refuseSet reports each set attribute with the same reason: attributes
// that do not apply, or that exclude another.
func refuseSet(r reporter, reason string, attrs ...setAttr) {
	for _, a := range attrs {
		if a.set {
			r.errf(a.attr, "%s", reason)
		}
	}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

func contains(list []string, v string) bool { return slices.Contains(list, v) }

// completePath turns a bare file name into dir/name and checks that an
// absolute path lies directly in dir, as Kea 3.0 requires.
func completePath(dir, name, what, setting string) (string, error) {
	if name == "" {
		return "", fmt.Errorf("must not be empty")
	}
	if !strings.Contains(name, "/") {
		return strings.TrimRight(dir, "/") + "/" + name, nil
	}
	if !strings.HasPrefix(name, "/") {
		return "", fmt.Errorf("%q is a relative path; give a bare file name (placed in %s) or an absolute path in %s", name, dir, dir)
	}
	if path.Dir(name) != path.Clean(dir) {
		return "", fmt.Errorf("%q is not in %s: Kea 3.0 accepts %s only in the directory it was built with (%s); give a bare file name, or set the provider's %s if your Kea build uses another directory", name, dir, what, dir, setting)
	}
	return name, nil
}

// checkPath checks a file name against a Kea build directory. Its finding
// depends on the directory settings (see Diag.DependsOnDirectories).
func checkPath(r reporter, attr, dir, name, what, setting string) (string, bool) {
	p, err := completePath(dir, name, what, setting)
	if err != nil {
		r.dirErrf(attr, "%v", err)
		return "", false
	}
	return p, true
}

func checkJSONObject(r reporter, attr string, v *string) *Object {
	if v == nil {
		return nil
	}
	o, err := ParseObject(*v)
	if err != nil {
		r.errf(attr, "%v", err)
		return nil
	}
	return o
}

func checkRefs(r reporter, attr string, refs []string) {
	seen := map[string]bool{}
	for i, ref := range refs {
		if ref == "" {
			r.errf(fmt.Sprintf("%s[%d]", attr, i), "must not be empty")
		} else if seen[ref] {
			r.errf(fmt.Sprintf("%s[%d]", attr, i), "%q is listed twice", ref)
		}
		seen[ref] = true
	}
}

// notIn reports the attributes set that the family's daemon does not have.
func notIn(r reporter, family string, set map[string]bool) {
	names := make([]string, 0, len(set))
	for n, ok := range set {
		if ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	other := map[string]string{"DHCPv4": "DHCPv6", "DHCPv6": "DHCPv4"}[family]
	for _, n := range names {
		r.errf(n, "is a %s setting; Kea's %s server has no such key", other, family)
	}
}

// union merges sets of attribute names for notIn.
func union(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, s := range sets {
		for k, v := range s {
			out[k] = out[k] || v
		}
	}
	return out
}

// checkInterfaceName checks an optional interface attribute.
func checkInterfaceName(r reporter, attr string, v *string) {
	if v == nil {
		return
	}
	if err := interfaceName(*v); err != nil {
		r.errf(attr, "%v", err)
	}
}

// maxIfName is the longest interface name Linux allows (IFNAMSIZ - 1).
const maxIfName = 15

// interfaceName checks a network interface name.
func interfaceName(v string) error {
	switch {
	case v == "" || strings.ContainsAny(v, " \t/\r\n\x00"):
		return fmt.Errorf("%q is not an interface name", v)
	case len(v) > maxIfName:
		return fmt.Errorf("%q is %d bytes; interface names have at most %d (Kea would find no such interface)", v, len(v), maxIfName)
	}
	return nil
}
