package kea

import "fmt"

// Field groups: attributes several object kinds share. Each group is
// embedded in the kinds that have it (encoding/json flattens embedded
// structs, so the JSON form is the flat HCL shape) and brings one check and
// one render helper. internal/provider/attrs_common.go holds the matching
// attribute tables.

// Lifetimes is a scope's valid lifetime and its bounds.
type Lifetimes struct {
	ValidLifetime    *int64 `json:"valid_lifetime"`
	MinValidLifetime *int64 `json:"min_valid_lifetime"`
	MaxValidLifetime *int64 `json:"max_valid_lifetime"`
}

func (l *Lifetimes) check(r reporter) {
	checkTriplet(r, "valid_lifetime", l.MinValidLifetime, l.ValidLifetime, l.MaxValidLifetime)
	if l.ValidLifetime != nil && *l.ValidLifetime == 0 {
		r.errf("valid_lifetime", "0 would make every lease expire as it is granted (Kea accepts it); give the lifetime in seconds")
	}
}

func (l *Lifetimes) render(o *Object) {
	setInt(o, "valid-lifetime", l.ValidLifetime)
	setInt(o, "min-valid-lifetime", l.MinValidLifetime)
	setInt(o, "max-valid-lifetime", l.MaxValidLifetime)
}

// Timers are T1 and T2.
type Timers struct {
	RenewTimer  *int64 `json:"renew_timer"`
	RebindTimer *int64 `json:"rebind_timer"`
}

// check applies the timer order renew < rebind < valid, against the valid
// lifetime in effect at the scope (nil when unknown).
func (t *Timers) check(r reporter, valid *int64) {
	renew, rebind := t.RenewTimer, t.RebindTimer
	checkSeconds(r, "renew_timer", renew)
	checkSeconds(r, "rebind_timer", rebind)
	if renew != nil && rebind != nil && *renew >= *rebind {
		r.errf("renew_timer", "%d must be less than rebind_timer (%d)", *renew, *rebind)
	}
	if rebind != nil && valid != nil && *rebind >= *valid {
		r.errf("rebind_timer", "%d must be less than valid_lifetime (%d)", *rebind, *valid)
	} else if renew != nil && rebind == nil && valid != nil && *renew >= *valid {
		r.errf("renew_timer", "%d must be less than valid_lifetime (%d)", *renew, *valid)
	}
}

func (t *Timers) render(o *Object) {
	setInt(o, "renew-timer", t.RenewTimer)
	setInt(o, "rebind-timer", t.RebindTimer)
}

// V6Lifetimes is a DHCPv6 scope's preferred lifetime and its bounds.
type V6Lifetimes struct {
	PreferredLifetime    *int64 `json:"preferred_lifetime"`
	MinPreferredLifetime *int64 `json:"min_preferred_lifetime"`
	MaxPreferredLifetime *int64 `json:"max_preferred_lifetime"`
}

func (l *V6Lifetimes) check(r reporter) {
	checkTriplet(r, "preferred_lifetime", l.MinPreferredLifetime, l.PreferredLifetime, l.MaxPreferredLifetime)
}

func (l *V6Lifetimes) render(o *Object) {
	setInt(o, "preferred-lifetime", l.PreferredLifetime)
	setInt(o, "min-preferred-lifetime", l.MinPreferredLifetime)
	setInt(o, "max-preferred-lifetime", l.MaxPreferredLifetime)
}

// set names the attributes of the group that are set (for family checks).
func (l *V6Lifetimes) set() map[string]bool {
	return map[string]bool{"preferred_lifetime": l.PreferredLifetime != nil, "min_preferred_lifetime": l.MinPreferredLifetime != nil, "max_preferred_lifetime": l.MaxPreferredLifetime != nil}
}

// V6Link are the DHCPv6 settings of a link: a subnet or shared network.
type V6Link struct {
	RapidCommit *bool   `json:"rapid_commit"`
	InterfaceID *string `json:"interface_id"`
}

func (l *V6Link) render(o *Object) {
	setStr(o, "interface-id", l.InterfaceID)
	setBool(o, "rapid-commit", l.RapidCommit)
}

// BootFields are the DHCPv4 header fields a scope can set.
type BootFields struct {
	NextServer     *string `json:"next_server"`
	ServerHostname *string `json:"server_hostname"`
	BootFileName   *string `json:"boot_file_name"`
}

func (b *BootFields) check(r reporter) {
	if b.NextServer != nil {
		if a, err := parseIPv4(*b.NextServer); err != nil {
			r.errf("next_server", "%v", err)
		} else if a == broadcast4 {
			r.errf("next_server", "%s is the broadcast address; Kea refuses it as a next server (\"invalid next server address\")", a)
		}
	}
	if b.ServerHostname != nil && len(*b.ServerHostname) > 63 {
		r.errf("server_hostname", "is %d bytes; the DHCPv4 sname field holds 63", len(*b.ServerHostname))
	}
	if b.BootFileName != nil && len(*b.BootFileName) > 127 {
		r.errf("boot_file_name", "is %d bytes; the DHCPv4 file field holds 127", len(*b.BootFileName))
	}
}

func (b *BootFields) render(o *Object) {
	setStr(o, "next-server", b.NextServer)
	setStr(o, "server-hostname", b.ServerHostname)
	setStr(o, "boot-file-name", b.BootFileName)
}

func (b *BootFields) set() map[string]bool {
	return map[string]bool{"next_server": b.NextServer != nil, "server_hostname": b.ServerHostname != nil, "boot_file_name": b.BootFileName != nil}
}

// ReservationModes are the three reservation lookup flags; unset inherits
// from the enclosing scope.
type ReservationModes struct {
	ReservationsGlobal    *bool `json:"reservations_global"`
	ReservationsInSubnet  *bool `json:"reservations_in_subnet"`
	ReservationsOutOfPool *bool `json:"reservations_out_of_pool"`
}

func (m *ReservationModes) render(o *Object) {
	setBool(o, "reservations-global", m.ReservationsGlobal)
	setBool(o, "reservations-in-subnet", m.ReservationsInSubnet)
	setBool(o, "reservations-out-of-pool", m.ReservationsOutOfPool)
}

// ScopeRefs are what an address scope (subnet, shared network, pool, pd
// pool) refers to: option data, its restricting class and the classes
// evaluated after lease assignment.
type ScopeRefs struct {
	OptionData  []string `json:"option_data"`
	ClientClass *string  `json:"client_class"` // deprecated: one class, as ClientClasses of one

	ClientClasses     []string `json:"client_classes"` // any of them (Kea 3.0's client-classes list)
	AdditionalClasses []string `json:"additional_classes"`
}

// restricting are the classes that restrict the scope, with the attribute
// each is named by: client_class, or client_classes[i].
func (s *ScopeRefs) restricting() (names, attrs []string) {
	if s.ClientClass != nil {
		return []string{*s.ClientClass}, []string{"client_class"}
	}
	for i, c := range s.ClientClasses {
		names = append(names, c)
		attrs = append(attrs, fmt.Sprintf("client_classes[%d]", i))
	}
	return names, attrs
}

// check: option data and additional classes listed once each, and the
// restricting class not also among the additional ones.
func (s *ScopeRefs) check(r reporter) {
	checkRefs(r, "option_data", s.OptionData)
	checkRefs(r, "additional_classes", s.AdditionalClasses)
	checkRefs(r, "client_classes", s.ClientClasses)
	if s.ClientClass != nil && s.ClientClasses != nil {
		r.errf("client_classes", "set client_class (one class) or client_classes (any of several), not both")
	} else if s.ClientClass != nil {
		r.warnf("client_class", "is deprecated, as Kea 3.0 deprecates client-class; set client_classes = [%q], which renders the same", *s.ClientClass)
	}
	names, _ := s.restricting()
	for _, c := range names {
		if contains(s.AdditionalClasses, c) {
			r.errf("additional_classes", "%q is already a restricting class (client_class or client_classes)", c)
		}
	}
}

// Escape is the escape hatch: a user context and raw keys merged into the
// rendered map.
type Escape struct {
	Context
	ExtraJSON *string `json:"extra_json"`
}

func (x *Escape) check(r reporter) {
	x.Context.check(r)
	checkJSONObject(r, "extra_json", x.ExtraJSON)
}

// Context is an object's user-context: a JSON object Kea keeps with the
// configuration and returns with it, for the operator's notes. A
// "comment" key is Kea's shorthand for a user-context with a comment.
type Context struct {
	UserContext *string `json:"user_context"`
}

func (c *Context) check(r reporter) { checkJSONObject(r, "user_context", c.UserContext) }

// render sets user-context in the object's rendered map; check reports a
// value that is not a JSON object, which is left out here.
func (c *Context) render(o *Object) {
	if c.UserContext == nil {
		return
	}
	if uc, err := ParseObject(*c.UserContext); err == nil {
		o.Set("user-context", uc)
	}
}

// finish appends user-context and the extra_json keys to the rendered map
// of a scope in a document (Dhcp4, Dhcp6, DhcpDdns): each key must be one
// Kea 3.0 takes in that map and not one the object's attributes render.
// A value that is not a JSON object is left out here: check, which every
// kind's validation calls, reports it.
func (x *Escape) finish(o *Object, r reporter, doc string, scope keyScope) {
	x.Context.render(o)
	if x.ExtraJSON == nil {
		return
	}
	extra, err := ParseObject(*x.ExtraJSON)
	if err != nil {
		return
	}
	for i, k := range extra.keys {
		if !checkExtraKey(r, doc, scope, k) {
			continue
		}
		if o.Has(k) {
			r.errf("extra_json", "key %q is rendered from this object's attributes; set the attribute instead of overriding it", k)
			continue
		}
		o.Set(k, extra.vals[i])
	}
}

// checkLifetimes applies Kea's triplet rule (min <= valid <= max) and the
// timer order at one scope.
func checkLifetimes(r reporter, l *Lifetimes, t *Timers) {
	l.check(r)
	if t != nil {
		t.check(r, l.ValidLifetime)
	}
}

// checkTriplet applies Kea's rule for a lifetime and its bounds, named
// <attr>, min_<attr> and max_<attr>: each 0 to 2^32-1, min <= value <= max.
func checkTriplet(r reporter, attr string, min, val, max *int64) {
	minA, maxA := "min_"+attr, "max_"+attr
	checkSeconds(r, minA, min)
	checkSeconds(r, attr, val)
	checkSeconds(r, maxA, max)
	if min != nil && max != nil && *min > *max {
		r.errf(minA, "%d is greater than %s (%d)", *min, maxA, *max)
	}
	if val != nil && min != nil && *val < *min {
		r.errf(attr, "%d is less than %s (%d)", *val, minA, *min)
	}
	if val != nil && max != nil && *val > *max {
		r.errf(attr, "%d is greater than %s (%d)", *val, maxA, *max)
	}
}

// checkSeconds checks a uint32 number of seconds.
func checkSeconds(r reporter, attr string, v *int64) {
	if v != nil && (*v < 0 || *v > MaxUint32) {
		r.errf(attr, "%d is out of range: 0 to %d seconds", *v, int64(MaxUint32))
	}
}

func setInt(o *Object, k string, v *int64) {
	if v != nil {
		o.Set(k, *v)
	}
}

func setBool(o *Object, k string, v *bool) {
	if v != nil {
		o.Set(k, *v)
	}
}

func setFloat(o *Object, k string, v *float64) {
	if v != nil {
		o.Set(k, Float(*v))
	}
}

func setStr(o *Object, k string, v *string) {
	if v != nil {
		o.Set(k, *v)
	}
}

func ptr[T any](v T) *T { return &v }
