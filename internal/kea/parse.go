package kea

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Reading an existing Kea document back into an estate (issue 13): the
// reverse of the renderers. A key is read into the attribute whose name it
// is with hyphens for underscores when the object's kind has one of a
// fitting type; the keys whose attribute is named otherwise, and the lists
// of objects, are read by the scope's own code below. Whatever the estate
// does not model is kept in the nearest object's extra_json and listed in
// Parsed.Carried, never dropped.

// ParsedDocs are the kinds of document Parse reads.
var ParsedDocs = []*DocKind{DocDhcp4, DocDhcp6, DocDhcpDdns}

// Parsed is an estate read from a Kea document.
type Parsed struct {
	Doc      *DocKind
	TargetID string // the id of the server (or D2 daemon) the document is for
	Estate   *Estate
	// Carried lists the document's keys the estate keeps only in an
	// object's extra_json, in document order.
	Carried []Carried
	// Warnings are the findings that did not stop the reading, as text.
	Warnings []string
}

// Carried is one key kept in extra_json: where it was in the document, and
// the object that carries it.
type Carried struct {
	Path string // JSON path in the document, e.g. Dhcp4.subnet4[0].store-extended-info
	Kind string // the carrying object's kind
	ID   string // and id
	Key  string
}

// Parse reads a kea-dhcp4 (Dhcp4), kea-dhcp6 (Dhcp6) or kea-dhcp-ddns
// (DhcpDdns) document, JSON with the comments Kea allows (#, // and /* */),
// into an estate whose server is named name (default "kea"; an HA document
// names its server itself), or whose D2 daemon is (default "d2", the name
// a DHCP server's dhcp-ddns map is read into).
func Parse(data []byte, name string) (*Parsed, Diags) {
	fail := func(format string, args ...any) (*Parsed, Diags) {
		return nil, Diags{{Severity: Error, Index: -1, Msg: fmt.Sprintf(format, args...)}}
	}
	clean, err := keaDialect(data)
	if err != nil {
		return fail("the document: %v", err)
	}
	top, err := ParseObject(string(clean))
	if err != nil {
		return fail("the document: %v", err)
	}
	if top.Len() != 1 {
		return fail("the document must hold one top-level key (a Dhcp4, Dhcp6 or DhcpDdns document), found %d: %s", top.Len(), strings.Join(top.keys, ", "))
	}
	key := top.keys[0]
	var doc *DocKind
	names := make([]string, len(ParsedDocs))
	for i, d := range ParsedDocs {
		names[i] = d.Name
		if d.Name == key {
			doc = d
		}
	}
	if doc == nil {
		return fail("the document's top-level key is %q; parse_config reads %s documents", key, strings.Join(names, ", "))
	}
	fam := map[*DocKind]*family{DocDhcp4: fam4, DocDhcp6: fam6}[doc] // nil for DhcpDdns
	body, ok := top.vals[0].(*Object)
	if !ok {
		return fail("%s must be an object", key)
	}
	p := &parser{e: &Estate{}, fam: fam, doc: doc, paths: map[string][]string{}, option43: map[string]bool{}, vendors: map[string]bool{}}
	switch {
	case doc == DocDhcpDdns:
		if name == "" {
			name = "d2" // as the DHCP servers' dhcp-ddns names it
		}
		p.d2(body, name)
	default:
		if name == "" {
			name = "kea" // an HA document's this-server-name wins
		}
		if fam == fam4 {
			p.scanOption43(body)
		}
		p.server(body, name)
	}
	if p.diags.HasErrors() {
		return nil, p.diags
	}
	// The estate must render: where the provider refuses what Kea
	// accepted, say so at the document's place rather than hand back
	// objects that fail later.
	parsed := &Parsed{Doc: doc, TargetID: p.srv, Estate: p.e, Carried: p.carried}
	for _, d := range p.diags {
		if d.Severity == Warning {
			parsed.Warnings = append(parsed.Warnings, d.Error())
		}
	}
	if rdiags := Check(p.e, parsed.Target()); rdiags.HasErrors() {
		return nil, p.located(rdiags.Errors())
	}
	return parsed, p.diags
}

// Target is the object the document is rendered from: the estate's first
// server, or for a DhcpDdns document its first D2 daemon.
func (p *Parsed) Target() Target {
	if p.Doc == DocDhcpDdns {
		return &p.Estate.D2Daemons[0]
	}
	return &p.Estate.Servers[0]
}

// located are findings about the estate's objects, each led by the JSON
// path in the document of the object it is about.
func (p *parser) located(ds Diags) Diags {
	out := make(Diags, len(ds))
	for i, d := range ds {
		path := ""
		switch at := p.paths[d.Kind]; {
		case d.Index >= 0 && d.Index < len(at):
			path = at[d.Index]
		case (d.Kind == KindServer || d.Kind == KindD2Daemon) && d.ID == p.srv:
			path = p.doc.Name
		}
		out[i] = d
		if path != "" {
			out[i] = Diag{Severity: d.Severity, Index: -1, Attr: path, Msg: d.Error()}
		}
	}
	return out
}

// keaDialect turns Kea's JSON dialect into standard JSON: the comments Kea's
// parser accepts (#, // to the end of the line, /* */) are removed outside
// strings, keeping line breaks so that messages still count lines, and a
// number written without its leading zero (.5, -.5, as ISC's examples do)
// gets one.
func keaDialect(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '.' && i+1 < len(data) && data[i+1] >= '0' && data[i+1] <= '9' && startsValue(out):
			out = append(out, '0', '.')
		case c == '"':
			j := i + 1
			for ; j < len(data) && data[j] != '"'; j++ {
				if data[j] == '\\' {
					j++
				}
			}
			if j >= len(data) {
				return nil, fmt.Errorf("a string is not closed")
			}
			out = append(out, data[i:j+1]...)
			i = j
		case c == '#', c == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			if i < len(data) {
				out = append(out, '\n')
			}
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			end := strings.Index(string(data[i+2:]), "*/")
			if end < 0 {
				return nil, fmt.Errorf("a /* comment is not closed")
			}
			for _, b := range data[i : i+2+end+2] {
				if b == '\n' {
					out = append(out, '\n')
				}
			}
			i += 2 + end + 1
		default:
			out = append(out, c)
		}
	}
	return out, nil
}

// startsValue reports whether what follows out begins a value: the last
// character written, spaces aside, is one after which JSON expects one
// (or a minus sign right after such a character).
func startsValue(out []byte) bool {
	out = bytes.TrimRight(out, " \t\r\n")
	if n := len(out); n > 0 && out[n-1] == '-' {
		out = bytes.TrimRight(out[:n-1], " \t\r\n")
	}
	n := len(out)
	return n > 0 && (out[n-1] == ':' || out[n-1] == ',' || out[n-1] == '[')
}

type parser struct {
	e       *Estate
	fam     *family
	doc     *DocKind
	srv     string // the server's name
	owner   string // what subnets and shared networks attach to: the server, or its HA relationship
	carried []Carried
	diags   Diags
	names   map[string]int // option data names given so far
	// globalMax tells whether the document sets a global
	// max-valid-lifetime (ownMax).
	globalMax bool
	// paths are the JSON paths of the estate's objects, by kind and
	// position in the estate's list.
	paths map[string][]string
	// option43 are the vendor spaces option 43 is defined to encapsulate
	// (the renderer writes that definition and option 43 itself).
	option43 map[string]bool
	vendors  map[string]bool // vendor spaces added so far
}

// placed records the JSON path of the object just added to kind's list.
func (p *parser) placed(kind, path string) {
	p.paths[kind] = append(p.paths[kind], path)
}

// scope is one object of the document being read into one estate object.
type scope struct {
	p    *parser
	path string // JSON path of the object
	kind string
	id   string
	dst  reflect.Value // the estate object (a struct)
	// rest collects the keys nothing models, for extra_json.
	rest Object
	// ctx are the object's user-context and comment keys, for
	// user_context.
	ctx contextKeys
	// policy collects the scope's ddns-* keys, which become a
	// kea_ddns_policy the scope refers to.
	policy *DDNSPolicy
	name   string // the scope's part in generated names ("subnet-10")
}

func (p *parser) scope(path, kind, id string, dst any) *scope {
	return &scope{p: p, path: path, kind: kind, id: id, dst: reflect.ValueOf(dst).Elem()}
}

// errf reports a finding at a JSON path.
func (p *parser) errf(path, format string, args ...any) {
	p.diags = append(p.diags, Diag{Severity: Error, Index: -1, Attr: path, Msg: fmt.Sprintf(format, args...)})
}

// generic reads key into the attribute named after it, when the object's
// kind has one that can hold the value; false when it has none.
func (s *scope) generic(key string, v any) bool { return setKey(s.dst, key, v) }

// setKey sets the attribute of the struct dst that the Kea key names
// (hyphens for underscores); false when there is none or the value does
// not fit it.
func setKey(dst reflect.Value, key string, v any) bool {
	path, ok := keaKeysOf(dst.Type())[key]
	return ok && assignJSON(dst.FieldByIndex(path), v)
}

// assignTo sets *dst (a field's address) from a parsed JSON value; false
// when the value does not fit.
func assignTo(dst, v any) bool { return assignJSON(reflect.ValueOf(dst).Elem(), v) }

// readAll reads every key of o into the struct *dst: by its handler in
// special, else into the attribute the key names. False when a key fits
// nowhere, for a map the estate models only whole: dst may then hold part
// of o, so callers read into a value of their own and use it only on
// success (the caller keeps the map in extra_json instead).
func readAll(o *Object, dst any, special map[string]func(v any) bool) bool {
	d := reflect.ValueOf(dst).Elem()
	for i, k := range o.keys {
		if h, ok := special[k]; ok {
			if !h(o.vals[i]) {
				return false
			}
		} else if !setKey(d, k, o.vals[i]) {
			return false
		}
	}
	return true
}

// secret keeps a password found in the document as a named secret and
// returns the name; a name taken by another value gets a number.
func (p *parser) secret(base, value string) *string {
	if p.e.Secrets == nil {
		p.e.Secrets = map[string]string{}
	}
	name := base
	for n := 2; ; n++ {
		if old, taken := p.e.Secrets[name]; !taken || old == value {
			break
		}
		name = fmt.Sprintf("%s-%d", base, n)
	}
	p.e.Secrets[name] = value
	return &name
}

// keaKeyPaths maps a struct type's attributes, by the Kea key named after
// each (hyphens for underscores), to field index paths.
var keaKeyPaths sync.Map // reflect.Type -> map[string][]int

func keaKeysOf(t reflect.Type) map[string][]int {
	if m, ok := keaKeyPaths.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	for name, path := range fieldsOf(t) {
		m[strings.ReplaceAll(name, "_", "-")] = path
	}
	keaKeyPaths.Store(t, m)
	return m
}

// setAttrJSON sets attribute name of the struct dst from a parsed JSON value;
// false when there is no such attribute or the value does not fit it.
func setAttrJSON(dst reflect.Value, name string, v any) bool {
	path, ok := fieldsOf(dst.Type())[name]
	if !ok {
		return false
	}
	f := dst.FieldByIndex(path)
	return assignJSON(f, v)
}

// assignJSON sets f from a parsed JSON value (string, bool, json.Number,
// []any, *Object), converting where the types fit; false when they do not
// (nothing is set then).
func assignJSON(f reflect.Value, v any) bool {
	t := f.Type()
	if t.Kind() == reflect.Pointer {
		n := reflect.New(t.Elem())
		if !assignJSON(n.Elem(), v) {
			return false
		}
		f.Set(n)
		return true
	}
	switch x := v.(type) {
	case string:
		if t.Kind() != reflect.String {
			return false
		}
		f.SetString(x)
	case bool:
		if t.Kind() != reflect.Bool {
			return false
		}
		f.SetBool(x)
	case json.Number:
		switch t.Kind() {
		case reflect.Int64:
			i, err := strconv.ParseInt(x.String(), 10, 64)
			if err != nil {
				return false
			}
			f.SetInt(i)
		case reflect.Float64:
			fl, err := x.Float64()
			if err != nil {
				return false
			}
			f.SetFloat(fl)
		default:
			return false
		}
	case []any:
		if t.Kind() != reflect.Slice {
			return false
		}
		out := reflect.MakeSlice(t, len(x), len(x))
		for i, e := range x {
			if !assignJSON(out.Index(i), e) {
				return false
			}
		}
		f.Set(out)
	case *Object:
		if t.Kind() != reflect.Struct {
			return false
		}
		n := reflect.New(t).Elem()
		for i, k := range x.keys {
			if !setKey(n, k, x.vals[i]) {
				return false
			}
		}
		f.Set(n)
	default:
		return false
	}
	return true
}

// keep keeps key for extra_json. user-context goes to user_context, and
// so does comment where the object has no extra_json: Kea reads
// "comment" as a user-context with a comment.
func (s *scope) keep(key string, v any) {
	fields := fieldsOf(s.dst.Type())
	_, hasContext := fields["user_context"]
	_, hasExtra := fields["extra_json"]
	switch c, isStr := v.(string); {
	case key == "user-context" && hasContext:
		if o, ok := v.(*Object); ok {
			s.ctx.uc = o
			return
		}
	case key == "comment" && hasContext && !hasExtra && isStr:
		s.ctx.comment = &c
		return
	}
	s.rest.Set(key, v)
	s.p.carried = append(s.p.carried, Carried{Path: s.path + "." + key, Kind: s.kind, ID: s.id, Key: key})
}

// finish writes the kept keys into the object's extra_json, and its
// user-context.
func (s *scope) finish() {
	if uc := s.ctx.value(); uc != nil {
		setAttrJSON(s.dst, "user_context", *uc)
	}
	if s.rest.Len() == 0 {
		return
	}
	if !setAttrJSON(s.dst, "extra_json", compactJSON(&s.rest)) {
		s.p.errf(s.path, "keys %s are not modelled and %s has no extra_json to keep them", strings.Join(s.rest.keys, ", "), s.kind)
	}
}

// contextKeys are a map's user-context and comment keys, which make its
// user_context: Kea reads "comment" as a user-context holding the comment.
// Scopes collect them as they keep keys; readAll, through with.
type contextKeys struct {
	uc      *Object
	comment *string
}

// with adds the handlers of user-context and comment to special.
func (c *contextKeys) with(special map[string]func(v any) bool) map[string]func(v any) bool {
	special["user-context"] = func(v any) bool { o, ok := v.(*Object); c.uc = o; return ok }
	special["comment"] = func(v any) bool { s, ok := jsonStr(v); c.comment = &s; return ok }
	return special
}

// value is the user_context they make; nil with neither key.
func (c *contextKeys) value() *string {
	if c.uc == nil && c.comment == nil {
		return nil
	}
	o := &Object{}
	if c.uc != nil {
		for i, k := range c.uc.keys {
			o.Set(k, c.uc.vals[i])
		}
	}
	if c.comment != nil && !o.Has("comment") {
		o.Set("comment", *c.comment)
	}
	s := compactJSON(o)
	return &s
}

// compactJSON is o as one line of JSON, keys in order.
func compactJSON(o *Object) string {
	b, _ := o.MarshalJSON()
	return string(b)
}

// read reads every key of o: special ones by their handler, the rest into
// attributes of their name, what is left kept.
func (s *scope) read(o *Object, special map[string]func(v any)) {
	s.readKeys(o, special)
	s.done()
}

// readKeys is read without done, for a scope that may keep more keys later.
func (s *scope) readKeys(o *Object, special map[string]func(v any)) {
	for i, k := range o.keys {
		v := o.vals[i]
		if h, ok := special[k]; ok {
			if h != nil {
				h(v)
			}
			continue
		}
		if s.ddnsKey(k, v) || s.generic(k, v) {
			continue
		}
		s.keep(k, v)
	}
}

// done refers the scope to its DDNS policy and writes its kept keys.
func (s *scope) done() {
	s.finishPolicy()
	s.finish()
}

// ddnsKey reads a ddns-* or hostname-char-* key into the scope's policy,
// when the scope may refer to one; false otherwise.
func (s *scope) ddnsKey(k string, v any) bool {
	attr, ok := strings.CutPrefix(k, "ddns-")
	if !ok && strings.HasPrefix(k, "hostname-char-") {
		attr, ok = k, true
	}
	if !ok {
		return false
	}
	if _, has := fieldsOf(s.dst.Type())["ddns_policy"]; !has {
		return false
	}
	if s.policy == nil {
		s.policy = &DDNSPolicy{}
	}
	return setKey(reflect.ValueOf(s.policy).Elem(), attr, v)
}

// finishPolicy adds the scope's policy to the estate, named after the
// scope, and refers the scope to it.
func (s *scope) finishPolicy() {
	if s.policy == nil {
		return
	}
	s.policy.Name = s.p.uniqueName(s.name + "-ddns")
	s.p.e.DDNSPolicies = append(s.p.e.DDNSPolicies, *s.policy)
	s.p.placed(KindDDNSPolicy, s.path)
	setAttrJSON(s.dst, "ddns_policy", s.policy.Name)
}

func (p *parser) server(o *Object, name string) {
	p.srv = name
	p.names = map[string]int{}
	srv := Server{Name: name}
	if p.fam == fam6 {
		six := int64(6)
		srv.Family = &six
	}
	path := p.doc.Name
	s := p.scope(path, KindServer, name, &srv)
	s.name = "global"
	var subnets, networks, hosts []any
	s.readKeys(o, map[string]func(v any){
		"interfaces-config": func(v any) {
			// A map with keys not modelled is kept whole.
			var ic struct {
				Interfaces     []string `json:"interfaces"`
				DHCPSocketType *string  `json:"dhcp_socket_type"`
				InterfaceKnobs
			}
			if o, ok := v.(*Object); !ok || !readAll(o, &ic, map[string]func(v any) bool{
				"re-detect": func(v any) bool { return assignTo(&ic.InterfacesReDetect, v) },
			}) {
				s.keep("interfaces-config", v)
				return
			}
			srv.Interfaces, srv.DHCPSocketType, srv.InterfaceKnobs = ic.Interfaces, ic.DHCPSocketType, ic.InterfaceKnobs
		},
		"control-sockets": func(v any) {
			if !p.controlSockets(&srv.ControlSockets, v) {
				s.keep("control-sockets", v)
			}
		},
		"hooks-libraries": func(v any) {
			if !p.hooks(&srv, v) {
				s.keep("hooks-libraries", v)
			}
		},
		"option-data": func(v any) { srv.OptionData = p.optionData(path+".option-data", "global", v) },
		"option-def":  func(v any) { srv.OptionDefinitions = p.optionDefs(path+".option-def", v) },
		"client-classes": func(v any) {
			srv.ClientClasses = p.classes(path+".client-classes", v)
		},
		p.fam.subnets:     func(v any) { subnets, _ = v.([]any) },
		"shared-networks": func(v any) { networks, _ = v.([]any) },
		"reservations":    func(v any) { hosts, _ = v.([]any) },
		"server-id":       func(v any) { p.serverID(s, v) },
		"dhcp-ddns": func(v any) {
			if !p.dhcpDDNS(&srv, v) {
				s.keep("dhcp-ddns", v)
			}
		},
	})
	p.globalMax = srv.MaxValidLifetime != nil
	keaDefaults(&srv)
	p.owner = p.srv
	if srv.HA != nil {
		p.owner = srv.HA.Relationship
		p.haPrimaryOwns(&srv)
	}
	for i, n := range networks {
		p.network(fmt.Sprintf("%s.shared-networks[%d]", path, i), n)
	}
	for i, sn := range subnets {
		p.subnet(fmt.Sprintf("%s.%s[%d]", path, p.fam.subnets, i), sn, nil, p.globalMax)
	}
	if len(hosts) > 0 {
		p.globalHosts(s, &srv, hosts)
	}
	s.done()
	// The target comes first in the estate's servers; its HA partners,
	// added while reading its hooks, follow.
	p.e.Servers = append([]Server{srv}, p.e.Servers...)
	p.paths[KindServer] = append([]string{path}, p.paths[KindServer]...)
}

// objects is v as a list of objects; nil when it is not one.
func objects(v any) []*Object {
	l, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]*Object, 0, len(l))
	for _, e := range l {
		o, ok := e.(*Object)
		if !ok {
			return nil
		}
		out = append(out, o)
	}
	return out
}

func jsonStr(v any) (string, bool) { s, ok := v.(string); return s, ok }

// controlSockets reads control-sockets; false when a socket holds what the
// estate does not model (the whole list is then kept).
func (p *parser) controlSockets(dst *[]ControlSocket, v any) bool {
	socks := objects(v)
	if socks == nil {
		return false
	}
	out := make([]ControlSocket, 0, len(socks))
	for _, so := range socks {
		var cs ControlSocket
		if !readAll(so, &cs, map[string]func(v any) bool{
			"socket-type":    func(v any) bool { return assignTo(&cs.Type, v) },
			"socket-name":    func(v any) bool { return assignTo(&cs.SocketName, v) },
			"socket-address": func(v any) bool { return assignTo(&cs.Address, v) },
			"socket-port":    func(v any) bool { return assignTo(&cs.Port, v) },
			"authentication": func(v any) (ok bool) { cs.Authentication, ok = p.httpAuth(v); return ok },
			"http-headers":   func(v any) (ok bool) { cs.HTTPHeaders, ok = httpHeaders(v); return ok },
		}) {
			return false
		}
		out = append(out, cs)
	}
	*dst = out
	return true
}

// httpAuth reads a control socket's basic authentication. A password
// becomes a named secret (the estate's secrets map, which Terraform keeps
// sensitive), named after the server and the user.
func (p *parser) httpAuth(v any) (*HTTPAuth, bool) {
	o, ok := v.(*Object)
	if !ok {
		return nil, false
	}
	var a HTTPAuth
	ok = readAll(o, &a, map[string]func(v any) bool{
		"type": func(v any) bool { t, _ := jsonStr(v); return t == "basic" },
		"clients": func(v any) bool {
			clients := objects(v)
			if clients == nil {
				return false
			}
			for _, co := range clients {
				var c HTTPClient
				var password *string
				if !readAll(co, &c, map[string]func(v any) bool{
					"password": func(v any) bool { return assignTo(&password, v) },
				}) {
					return false
				}
				if password != nil {
					c.PasswordSecret = p.secret(p.srv+"-"+c.User+"-password", *password)
				}
				a.Clients = append(a.Clients, c)
			}
			return true
		},
	})
	return &a, ok
}

// httpHeaders reads a control socket's http-headers list into a map.
func httpHeaders(v any) (map[string]string, bool) {
	hs := objects(v)
	if hs == nil {
		return nil, false
	}
	out := map[string]string{}
	for _, h := range hs {
		n, ok1 := jsonStr(h.valueOf("name"))
		val, ok2 := jsonStr(h.valueOf("value"))
		if !ok1 || !ok2 || h.Len() != 2 {
			return nil, false
		}
		out[n] = val
	}
	return out, true
}

// hooks reads hooks-libraries; false when one is the HA hook or otherwise
// not modelled (the whole list is then kept).
func (p *parser) hooks(srv *Server, v any) bool {
	libs := objects(v)
	if libs == nil {
		return false
	}
	out := make([]HookLibrary, 0, len(libs))
	for li, lo := range libs {
		var h HookLibrary
		for i, k := range lo.keys {
			switch k {
			case "library":
				lib, ok := jsonStr(lo.vals[i])
				if !ok {
					return false
				}
				if strings.HasSuffix(lib, "/"+libHA) {
					if !p.ha(srv, lo, fmt.Sprintf("%s.hooks-libraries[%d]", p.doc.Name, li)) {
						return false
					}
					h.Library = ""
					continue
				}
				h.Library = lib
			case "parameters":
				po, ok := lo.vals[i].(*Object)
				if !ok {
					return false
				}
				params := compactJSON(po)
				h.Parameters = &params
			default:
				return false
			}
		}
		if h.Library != "" {
			out = append(out, h)
		}
	}
	srv.HooksLibraries = out
	return true
}

// ha reads the HA hook: one relationship, named "ha", whose peers become
// servers holding their membership (the document's own server among them,
// named as this-server-name says). False when the hook holds what the
// estate does not model: the whole hooks list is then kept.
func (p *parser) ha(srv *Server, lib *Object, haPath string) bool {
	params, ok := lib.valueOf("parameters").(*Object)
	if !ok || params.Len() != 1 {
		return false
	}
	rels := objects(params.valueOf("high-availability"))
	if len(rels) != 1 {
		return false // hub and spoke (several relationships) is not modelled
	}
	rel := HARelationship{Name: "ha"}
	var peers []*Object
	var self string
	if !readAll(rels[0], &rel, map[string]func(v any) bool{
		"this-server-name": func(v any) bool { return assignTo(&self, v) },
		"peers":            func(v any) bool { peers = objects(v); return peers != nil },
		"multi-threading": func(v any) bool {
			var mt HAMultiThreading
			mo, ok := v.(*Object)
			if !ok || !readAll(mo, &mt, map[string]func(v any) bool{
				"enable-multi-threading": func(v any) bool { return assignTo(&mt.Enable, v) },
			}) {
				return false
			}
			rel.MultiThreading = &mt
			return true
		},
	}) {
		return false
	}
	var members []Server
	var mine *HAMembership
	var memberAt []int // positions in peers of the members other than this server
	for pj, po := range peers {
		m := HAMembership{Relationship: rel.Name}
		var name string
		// The peers' basic-auth settings are the relationship's.
		if !readAll(po, &m, map[string]func(v any) bool{
			"name":                     func(v any) bool { return assignTo(&name, v) },
			"url":                      m.parseURL,
			"basic-auth-user":          func(v any) bool { return assignTo(&rel.BasicAuthUser, v) },
			"basic-auth-password-file": func(v any) bool { return assignTo(&rel.BasicAuthPasswordFile, v) },
			"basic-auth-password": func(v any) bool {
				pw, ok := jsonStr(v)
				rel.BasicAuthPasswordSecret = p.secret(rel.Name+"-password", pw)
				return ok
			},
		}) {
			return false
		}
		if name == self {
			mm := m
			mine = &mm
			continue
		}
		members = append(members, Server{Name: name, Family: srv.Family, HA: &m})
		memberAt = append(memberAt, pj)
	}
	if mine == nil || self == "" {
		return false
	}
	if !rel.dedicatedListener() {
		// Partners reach each other on their HTTP control sockets, which
		// their own documents hold: give them one at their HA address.
		for i := range members {
			m := &members[i]
			addr, port := m.HA.Address, m.HA.Port
			typ := "http"
			if boolv(m.HA.TLS, false) {
				typ = "https"
			}
			cs := ControlSocket{Type: typ, Address: &addr, Port: &port}
			if rel.BasicAuthUser != nil {
				cs.Authentication = &HTTPAuth{Clients: []HTTPClient{{User: *rel.BasicAuthUser, PasswordSecret: rel.BasicAuthPasswordSecret, PasswordFile: rel.BasicAuthPasswordFile}}}
			}
			m.ControlSockets = []ControlSocket{cs}
		}
	}
	srv.Name, p.srv = self, self
	srv.HA = mine
	p.e.HARelationships = append(p.e.HARelationships, rel)
	p.placed(KindHARelationship, haPath)
	p.e.Servers = append(p.e.Servers, members...)
	for _, j := range memberAt {
		p.placed(KindServer, fmt.Sprintf("%s.parameters.high-availability[0].peers[%d]", haPath, j))
	}
	return true
}

// dhcpDDNS reads dhcp-ddns: the D2 daemon the server sends to (named
// "d2": local when it listens on 127.0.0.1) and the server's sender
// settings. False when it holds what the estate does not model.
func (p *parser) dhcpDDNS(srv *Server, v any) bool {
	o, ok := v.(*Object)
	if !ok {
		return false
	}
	d := D2Daemon{Name: "d2"}
	var sender DDNSSender
	var serverIP string
	if !readAll(o, &d, map[string]func(v any) bool{
		"enable-updates": func(v any) bool { return assignTo(&sender.DDNSEnableUpdates, v) },
		"server-ip":      func(v any) bool { return assignTo(&serverIP, v) },
		"server-port":    func(v any) bool { return assignTo(&d.Port, v) },
		"sender-ip":      func(v any) bool { return assignTo(&sender.DDNSSenderIP, v) },
		"sender-port":    func(v any) bool { return assignTo(&sender.DDNSSenderPort, v) },
		"max-queue-size": func(v any) bool { return assignTo(&sender.DDNSMaxQueueSize, v) },
	}) {
		return false
	}
	if serverIP != "" && serverIP != "127.0.0.1" {
		d.ListenerMode, d.Address = ptr("remote"), &serverIP
	}
	if d.Port != nil && *d.Port == DefaultD2Port {
		d.Port = nil
	}
	srv.D2Daemon, srv.DDNSEnableUpdates = &d.Name, sender.DDNSEnableUpdates
	srv.DDNSSenderIP, srv.DDNSSenderPort, srv.DDNSMaxQueueSize = sender.DDNSSenderIP, sender.DDNSSenderPort, sender.DDNSMaxQueueSize
	p.e.D2Daemons = append(p.e.D2Daemons, d)
	p.placed(KindD2Daemon, p.doc.Name+".dhcp-ddns")
	return true
}

// keaDefaults sets what a document leaves to Kea's defaults where the
// provider's own defaults differ (BuiltinDefaults), so that the estate
// renders what Kea would have used: valid-lifetime 7200 and
// max-valid-lifetime equal to it, reservations-out-of-pool false, no
// interfaces.
func keaDefaults(srv *Server) {
	if srv.ValidLifetime == nil {
		srv.ValidLifetime = ptr(int64(7200))
	}
	if srv.MaxValidLifetime == nil {
		srv.MaxValidLifetime = ptr(*srv.ValidLifetime)
	}
	if srv.ReservationsOutOfPool == nil {
		srv.ReservationsOutOfPool = ptr(false)
	}
	if srv.Interfaces == nil {
		// Kea listens on no interface unless told; the provider's default
		// is all of them.
		srv.Interfaces = []string{}
	}
}

// haPrimaryOwns moves the global option data and classes of an HA member
// that is not the primary onto the primary: in the estate they belong to
// the primary and are rendered into every member.
func (p *parser) haPrimaryOwns(srv *Server) {
	if srv.HA.Role == "primary" {
		return
	}
	for i := range p.e.Servers {
		if m := &p.e.Servers[i]; m.HA != nil && m.HA.Role == "primary" {
			m.OptionData, srv.OptionData = srv.OptionData, nil
			m.ClientClasses, srv.ClientClasses = srv.ClientClasses, nil
			m.OptionDefinitions, srv.OptionDefinitions = srv.OptionDefinitions, nil
			return
		}
	}
}

// parseURL reads a peer's url (http[s]://address:port/) into the
// membership.
func (m *HAMembership) parseURL(v any) bool {
	s, ok := jsonStr(v)
	if !ok {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Path != "/" || u.Port() == "" {
		return false
	}
	port, err := strconv.ParseInt(u.Port(), 10, 64)
	if err != nil {
		return false
	}
	m.Address, m.Port = u.Hostname(), port
	if u.Scheme == "https" {
		t := true
		m.TLS = &t
	}
	return true
}

// optionData reads a scope's option-data into option data objects named
// after the scope and the option, and returns their names.
func (p *parser) optionData(path, scopeName string, v any) []string {
	opts := objects(v)
	if opts == nil {
		p.errf(path, "must be a list of objects")
		return nil
	}
	var names []string
	for i, oo := range opts {
		at := fmt.Sprintf("%s[%d]", path, i)
		var od OptionData
		s := p.scope(at, KindOptionData, "", &od)
		var label string
		s.read(oo, map[string]func(v any){
			"name": func(v any) {
				label, _ = jsonStr(v)
				od.Option = &label
			},
			"code": func(v any) {
				if !assignTo(&od.Code, v) {
					s.keep("code", v)
				}
			},
			"space": func(v any) {
				if sp, ok := jsonStr(v); ok && sp != p.fam.space {
					od.Space = &sp
				}
			},
		})
		if p.vendorOption(&od) {
			continue // option 43 or 125 carrying a vendor's sub-options: the renderer writes it
		}
		if od.Option != nil {
			od.Code = nil // the name says which option; the renderer writes the code
		} else if od.Code != nil {
			label = "code-" + strconv.FormatInt(*od.Code, 10)
		}
		od.Name = p.uniqueName(scopeName + "-" + label)
		s.id = od.Name
		p.e.OptionData = append(p.e.OptionData, od)
		p.placed(KindOptionData, at)
		names = append(names, od.Name)
	}
	return names
}

// scanOption43 finds the vendor spaces option 43 is defined to
// encapsulate, globally and in classes.
func (p *parser) scanOption43(body *Object) {
	defs := objects(body.valueOf("option-def"))
	for _, c := range objects(body.valueOf("client-classes")) {
		defs = append(defs, objects(c.valueOf("option-def"))...)
	}
	for _, d := range defs {
		if space, ok := option43Encapsulation(d); ok {
			p.option43[space] = true
		}
	}
}

// option43Def is the vendor space an option definition makes option 43
// encapsulate, when it is one: code 43 in dhcp4, type empty.
func option43Encapsulation(d *Object) (string, bool) {
	code, _ := d.valueOf("code").(json.Number)
	space, hasSpace := jsonStr(d.valueOf("space"))
	typ, _ := jsonStr(d.valueOf("type"))
	enc, _ := jsonStr(d.valueOf("encapsulate"))
	if code.String() != "43" || (hasSpace && space != SpaceDHCP4) || typ != "empty" || enc == "" {
		return "", false
	}
	return enc, true
}

// vendorSpace is the vendor whose sub-options space holds, when it is one:
// a space option 43 encapsulates, or vendor-<enterprise number> (option
// 125). It adds the vendor to the estate the first time.
func (p *parser) vendorSpace(space string) (name, delivery string, ok bool) {
	if p.option43[space] {
		delivery = "option43"
	} else if n, found := strings.CutPrefix(space, "vendor-"); found {
		id, err := strconv.ParseInt(n, 10, 64)
		if err != nil || id < 1 {
			return "", "", false
		}
		delivery = "vivso"
		if !p.vendors[space] {
			p.e.VendorSpaces = append(p.e.VendorSpaces, VendorOptionSpace{Name: space, EnterpriseID: &id})
			p.placed(KindVendorSpace, p.doc.Name)
			p.vendors[space] = true
		}
	} else {
		return "", "", false
	}
	if !p.vendors[space] {
		p.e.VendorSpaces = append(p.e.VendorSpaces, VendorOptionSpace{Name: space})
		p.placed(KindVendorSpace, p.doc.Name)
		p.vendors[space] = true
	}
	return space, delivery, true
}

// vendorOption reads an option data's vendor: a sub-option of a vendor
// space gets vendor_space and delivery. True for option 43 or 125 that
// only carries sub-options, which the renderer writes itself.
func (p *parser) vendorOption(od *OptionData) bool {
	if p.fam != fam4 {
		return false
	}
	space := SpaceDHCP4
	if od.Space != nil {
		space = *od.Space
	}
	if space == SpaceDHCP4 {
		name, code := str(od.Option), int64v(od.Code, 0)
		switch {
		case (name == "vendor-encapsulated-options" || code == 43) && od.Data == nil && len(p.option43) > 0:
			return true
		case name == "vivso-suboptions" || code == 125:
			if od.Data != nil {
				_, _, ok := p.vendorSpace("vendor-" + strings.TrimSpace(*od.Data))
				return ok
			}
		}
		return false
	}
	if name, delivery, ok := p.vendorSpace(space); ok {
		od.Space, od.VendorSpace, od.Delivery = nil, &name, &delivery
	}
	return false
}

// uniqueName is base, or base-2, base-3... when taken.
func (p *parser) uniqueName(base string) string {
	p.names[base]++
	if n := p.names[base]; n > 1 {
		return fmt.Sprintf("%s-%d", base, n)
	}
	return base
}

// optionDefs reads the global option-def list; it returns the ids of the
// definitions of named spaces, which the server lists to have them
// rendered whether or not option data sends them.
func (p *parser) optionDefs(path string, v any) []string {
	defs := objects(v)
	if defs == nil {
		p.errf(path, "must be a list of objects")
		return nil
	}
	var ids []string
	for i, do := range defs {
		if _, ok := option43Encapsulation(do); ok && p.fam == fam4 {
			continue // the renderer defines option 43 for the vendor it carries
		}
		var d OptionDef
		s := p.scope(fmt.Sprintf("%s[%d]", path, i), KindOptionDef, "", &d)
		s.read(do, map[string]func(v any){
			"record-types": func(v any) {
				rt, _ := jsonStr(v)
				for _, t := range strings.Split(rt, ",") {
					if t = strings.TrimSpace(t); t != "" {
						d.RecordTypes = append(d.RecordTypes, t)
					}
				}
			},
			"array": func(v any) {
				if b, ok := v.(bool); ok && b {
					d.Array = &b
				}
			},
			"encapsulate": func(v any) {
				if e, ok := jsonStr(v); ok && e != "" {
					d.Encapsulate = &e
				}
			},
		})
		if d.Space != nil && p.fam == fam4 {
			if name, _, ok := p.vendorSpace(*d.Space); ok {
				d.Space, d.VendorSpace = nil, &name
			}
		}
		p.e.OptionDefs = append(p.e.OptionDefs, d)
		p.placed(KindOptionDef, s.path)
		if d.VendorSpace == nil {
			ids = append(ids, d.ID())
		}
	}
	return ids
}

// classes reads client-classes into client class objects and returns
// their names.
func (p *parser) classes(path string, v any) []string {
	cls := objects(v)
	if cls == nil {
		p.errf(path, "must be a list of objects")
		return nil
	}
	var names []string
	for i, co := range cls {
		var c ClientClass
		at := fmt.Sprintf("%s[%d]", path, i)
		s := p.scope(at, KindClientClass, "", &c)
		cname, _ := jsonStr(co.valueOf("name"))
		s.name = "class-" + cname
		s.read(co, map[string]func(v any){
			"option-def": func(v any) {
				// A class's definition of option 43 for a vendor space is
				// written again by the renderer when the class sends
				// options of that space; any other is kept.
				for _, d := range objects(v) {
					if space, ok := option43Encapsulation(d); !ok || p.fam != fam4 || !sendsSpace(co, space) {
						s.keep("option-def", v)
						return
					}
				}
			},
			"option-data": func(v any) {
				name, _ := jsonStr(co.valueOf("name"))
				c.OptionData = p.optionData(at+".option-data", "class-"+name, v)
			},
		})
		p.e.ClientClasses = append(p.e.ClientClasses, c)
		p.placed(KindClientClass, at)
		names = append(names, c.Name)
	}
	return names
}

// sendsSpace tells whether the object's option-data has an option of
// the space.
func sendsSpace(o *Object, space string) bool {
	for _, od := range objects(o.valueOf("option-data")) {
		if sp, _ := jsonStr(od.valueOf("space")); sp == space {
			return true
		}
	}
	return false
}

// valueOf is the value of key, or nil.
func (o *Object) valueOf(key string) any {
	v, _ := o.Get(key)
	return v
}

func (p *parser) serverID(s *scope, v any) {
	var id ServerID
	if o, ok := v.(*Object); !ok || !readAll(o, &id, nil) {
		s.keep("server-id", v)
		return
	}
	s.dst.FieldByName("ServerID").Set(reflect.ValueOf(&id))
}

// refs reads the keys of a subnet, shared network or pool that refer to
// option data and classes.
func (p *parser) refs(s *scope, refs *ScopeRefs, scopeName string) map[string]func(v any) {
	return map[string]func(v any){
		"option-data": func(v any) { refs.OptionData = p.optionData(s.path+".option-data", scopeName, v) },
		"client-classes": func(v any) {
			var l []string
			if !assignTo(&l, v) {
				s.keep("client-classes", v)
				return
			}
			if len(l) > 0 { // an empty list restricts nothing, as when the key is left out
				refs.ClientClasses = l
			}
		},
		"evaluate-additional-classes": func(v any) {
			if !assignTo(&refs.AdditionalClasses, v) {
				s.keep("evaluate-additional-classes", v)
			}
		},
	}
}

func (p *parser) network(path string, v any) {
	o, ok := v.(*Object)
	if !ok {
		p.errf(path, "must be an object")
		return
	}
	name, _ := jsonStr(o.valueOf("name"))
	sn := SharedNetwork{Server: p.owner}
	s := p.scope(path, KindSharedNetwork, p.owner+"/"+name, &sn)
	id := s.id
	s.name = "network-" + name
	special := p.refs(s, &sn.ScopeRefs, s.name)
	var subnets []any
	special[p.fam.subnets] = func(v any) { subnets, _ = v.([]any) }
	special["relay"] = func(v any) { p.relay(s, &sn.RelayAddresses, v) }
	s.read(o, special)
	maxAbove := p.globalMax || sn.MaxValidLifetime != nil
	ownMax(&sn.Lifetimes, p.globalMax)
	p.e.SharedNetworks = append(p.e.SharedNetworks, sn)
	p.placed(KindSharedNetwork, path)
	for i, sub := range subnets {
		p.subnet(fmt.Sprintf("%s.%s[%d]", path, p.fam.subnets, i), sub, &id, maxAbove)
	}
}

// ownMax writes out the max-valid-lifetime Kea gives a scope that sets
// valid-lifetime and no max-valid-lifetime, when no scope above it in the
// document sets one either (maxAbove false): the scope's own valid
// lifetime. Below a max that is set, the scope inherits that max instead;
// the estate always has a global max (keaDefaults), so without this the
// scope would inherit it where Kea used the scope's own lifetime.
func ownMax(l *Lifetimes, maxAbove bool) {
	if l.ValidLifetime != nil && l.MaxValidLifetime == nil && !maxAbove {
		l.MaxValidLifetime = ptr(*l.ValidLifetime)
	}
}

func (p *parser) relay(s *scope, dst *[]string, v any) {
	o, ok := v.(*Object)
	if !ok || o.Len() != 1 || !assignTo(dst, o.valueOf("ip-addresses")) {
		s.keep("relay", v)
	}
}

// subnet reads a subnet; maxAbove tells whether a scope above it in the
// document sets max-valid-lifetime (ownMax).
func (p *parser) subnet(path string, v any, network *string, maxAbove bool) {
	o, ok := v.(*Object)
	if !ok {
		p.errf(path, "must be an object")
		return
	}
	sub := Subnet{Server: p.owner, SharedNetwork: network}
	id, _ := o.valueOf("id").(json.Number)
	s := p.scope(path, KindSubnet, p.owner+"/"+id.String(), &sub)
	s.name = "subnet-" + id.String()
	special := p.refs(s, &sub.ScopeRefs, s.name)
	var pools, pdPools, hosts []any
	special["id"] = func(v any) {
		if !assignTo(&sub.SubnetID, v) {
			p.errf(path+".id", "must be a whole number")
		}
	}
	special["subnet"] = func(v any) { sub.Prefix, _ = jsonStr(v) }
	special["relay"] = func(v any) { p.relay(s, &sub.RelayAddresses, v) }
	special["pools"] = func(v any) { pools, _ = v.([]any) }
	special["pd-pools"] = func(v any) { pdPools, _ = v.([]any) }
	special["reservations"] = func(v any) { hosts, _ = v.([]any) }
	s.read(o, special)
	ownMax(&sub.Lifetimes, maxAbove)
	p.e.Subnets = append(p.e.Subnets, sub)
	p.placed(KindSubnet, path)
	for i, po := range pools {
		p.pool(fmt.Sprintf("%s.pools[%d]", path, i), po, s.id)
	}
	for i, po := range pdPools {
		p.pdPool(fmt.Sprintf("%s.pd-pools[%d]", path, i), po, s.id)
	}
	for i, h := range hosts {
		p.host(fmt.Sprintf("%s.reservations[%d]", path, i), h, s.id)
	}
}

func (p *parser) pool(path string, v any, subnet string) {
	o, ok := v.(*Object)
	if !ok {
		p.errf(path, "must be an object")
		return
	}
	pl := Pool{Subnet: subnet}
	rng, _ := jsonStr(o.valueOf("pool"))
	s := p.scope(path, KindPool, subnet+"/"+rng, &pl)
	s.name = "pool-" + strings.ReplaceAll(rng, " ", "")
	special := p.refs(s, &pl.ScopeRefs, s.name)
	special["pool"] = func(v any) {
		r, _ := jsonStr(v)
		r = strings.Join(strings.Fields(r), " ")
		pl.Range = &r
	}
	s.read(o, special)
	p.e.Pools = append(p.e.Pools, pl)
	p.placed(KindPool, path)
}

func (p *parser) pdPool(path string, v any, subnet string) {
	o, ok := v.(*Object)
	if !ok {
		p.errf(path, "must be an object")
		return
	}
	pd := PDPool{Subnet: subnet}
	s := p.scope(path, KindPDPool, subnet, &pd)
	special := p.refs(s, &pd.ScopeRefs, "pd-pool")
	var prefix string
	var plen json.Number
	special["prefix"] = func(v any) { prefix, _ = jsonStr(v) }
	special["prefix-len"] = func(v any) { plen, _ = v.(json.Number) }
	special["delegated-len"] = func(v any) {
		if !assignTo(&pd.DelegatedLength, v) {
			p.errf(path+".delegated-len", "must be a whole number")
		}
	}
	special["excluded-prefix"] = func(v any) {
		ex, _ := jsonStr(v)
		n, _ := o.valueOf("excluded-prefix-len").(json.Number)
		full := ex + "/" + n.String()
		pd.ExcludedPrefix = &full
	}
	special["excluded-prefix-len"] = nil
	s.read(o, special)
	pd.Prefix = prefix + "/" + plen.String()
	p.e.PDPools = append(p.e.PDPools, pd)
	p.placed(KindPDPool, path)
}

func (p *parser) host(path string, v any, subnet string) {
	o, ok := v.(*Object)
	if !ok {
		p.errf(path, "must be an object")
		return
	}
	h := Reservation{Subnet: subnet}
	s := p.scope(path, KindReservation, "", &h)
	special := map[string]func(v any){
		"option-data": func(v any) {
			h.OptionData = p.optionData(path+".option-data", "host-"+strconv.Itoa(len(p.e.Reservations)), v)
		},
	}
	s.read(o, special)
	p.e.Reservations = append(p.e.Reservations, h)
	p.placed(KindReservation, path)
}

// globalHosts reads the global reservations. In the estate a reservation
// belongs to a subnet, and those of a subnet whose reservations are
// global are rendered into the global list, without an address. So the
// global reservations go to the first subnet that looks them up (its
// reservations-global in effect), when none reserves an address or a
// prefix and they are in the order the renderer writes them (by
// identifier type and value); otherwise, or when no subnet looks them up,
// the server's scope keeps them (extra_json, listed as carried).
func (p *parser) globalHosts(s *scope, srv *Server, hosts []any) {
	if subnet, ok := p.globalSubnet(srv); ok && !anyAddress(hosts) && inRenderOrder(hosts) {
		for i, h := range hosts {
			p.host(fmt.Sprintf("%s.reservations[%d]", s.path, i), h, subnet)
		}
		return
	}
	s.keep("reservations", hosts)
}

// globalSubnet is the id of the first subnet with reservations-global in
// effect (its own, its shared network's, or the server's).
func (p *parser) globalSubnet(srv *Server) (string, bool) {
	nets := map[string]*ReservationModes{}
	for i := range p.e.SharedNetworks {
		nets[p.e.SharedNetworks[i].ID()] = &p.e.SharedNetworks[i].ReservationModes
	}
	for i := range p.e.Subnets {
		sub := &p.e.Subnets[i]
		var net *ReservationModes
		if sub.SharedNetwork != nil {
			net = nets[*sub.SharedNetwork]
		}
		if reservationMode(reservationsGlobal, &sub.ReservationModes, net, &srv.ReservationModes) {
			return sub.ID(), true
		}
	}
	return "", false
}

// inRenderOrder reports whether reservations without addresses are in the
// order the renderer writes a subnet's: by identifier type, then value.
func inRenderOrder(hosts []any) bool {
	var prevType, prevVal string
	for i, h := range hosts {
		o := h.(*Object)
		typ, val := "", ""
		for _, k := range identifierKinds {
			if v, ok := jsonStr(o.valueOf(k.typ)); ok {
				typ = k.typ
				val, _ = normalizeIdentifier(k.typ, v)
				break
			}
		}
		if typ == "" {
			return false
		}
		if i > 0 && (typ < prevType || typ == prevType && val < prevVal) {
			return false
		}
		prevType, prevVal = typ, val
	}
	return true
}

// anyAddress reports whether a reservation of hosts reserves an address or
// a prefix.
func anyAddress(hosts []any) bool {
	for _, h := range hosts {
		o, ok := h.(*Object)
		if !ok {
			return true // not a reservation the estate can hold: keep the list as it is
		}
		for _, k := range []string{"ip-address", "ip-addresses", "prefixes"} {
			if o.Has(k) {
				return true
			}
		}
	}
	return false
}
