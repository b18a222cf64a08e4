package kea

import (
	"fmt"
	"sort"
)

// Reading a kea-dhcp-ddns (DhcpDdns) document back into an estate: the
// reverse of renderD2. The daemon's settings are read as a server's are;
// its TSIG keys become kea_tsig_key objects whose secrets are named
// secrets (secret_name), never values in the objects; its domains become
// kea_ddns_domain objects of the daemon.

// d2 reads a DhcpDdns document's body into the D2 daemon name.
func (p *parser) d2(o *Object, name string) {
	p.srv = name
	p.names = map[string]int{}
	d := D2Daemon{Name: name}
	path := p.doc.Name
	s := p.scope(path, KindD2Daemon, name, &d)
	var domains [2]any // forward-ddns, reverse-ddns
	var keys any
	s.readKeys(o, map[string]func(v any){
		"ip-address": func(v any) {
			ip, ok := jsonStr(v)
			switch {
			case !ok:
				s.keep("ip-address", v)
			case ip != "127.0.0.1":
				d.ListenerMode, d.Address = ptr("remote"), &ip
			}
		},
		"port": func(v any) {
			if !assignTo(&d.Port, v) {
				s.keep("port", v)
			} else if *d.Port == DefaultD2Port {
				d.Port = nil
			}
		},
		"control-sockets": func(v any) {
			if !p.controlSockets(&d.ControlSockets, v) {
				s.keep("control-sockets", v)
			}
		},
		"tsig-keys":    func(v any) { keys = v },
		"forward-ddns": func(v any) { domains[0] = v },
		"reverse-ddns": func(v any) { domains[1] = v },
	})
	s.done()
	p.e.D2Daemons = append(p.e.D2Daemons, d)
	p.placed(KindD2Daemon, path)
	used := map[string]bool{}
	for i, list := range []string{"forward-ddns", "reverse-ddns"} {
		if domains[i] != nil {
			p.ddnsDomains(path+"."+list, domains[i], i == 1, used)
		}
	}
	if keys != nil {
		p.tsigKeys(path+".tsig-keys", keys, used)
	}
}

// ddnsDomains reads forward-ddns or reverse-ddns ({"ddns-domains": [...]});
// used collects the key names the domains and their servers name.
func (p *parser) ddnsDomains(path string, v any, reverse bool, used map[string]bool) {
	o, ok := v.(*Object)
	if !ok || o.Len() != 1 || o.keys[0] != "ddns-domains" {
		p.errf(path, "is read as {\"ddns-domains\": [...]}; other keys here are not modelled")
		return
	}
	list := objects(o.vals[0])
	if list == nil {
		p.errf(path+".ddns-domains", "must be a list of objects")
		return
	}
	for i, do := range list {
		at := fmt.Sprintf("%s.ddns-domains[%d]", path, i)
		m := DDNSDomain{D2Daemon: p.srv}
		var ctx contextKeys
		if !readAll(do, &m, ctx.with(map[string]func(v any) bool{
			"name":     func(v any) bool { return assignTo(&m.Zone, v) },
			"key-name": func(v any) bool { return assignTo(&m.TSIGKey, v) },
			"dns-servers": func(v any) bool {
				servers := objects(v)
				if servers == nil {
					return false
				}
				for _, so := range servers {
					var ds DNSServer
					var sctx contextKeys
					if !readAll(so, &ds, sctx.with(map[string]func(v any) bool{
						"ip-address": func(v any) bool { return assignTo(&ds.Address, v) },
						"key-name":   func(v any) bool { return assignTo(&ds.TSIGKey, v) },
					})) {
						return false
					}
					ds.UserContext = sctx.value()
					m.DNSServers = append(m.DNSServers, ds)
				}
				return true
			},
		})) {
			p.errf(at, "holds keys a kea_ddns_domain does not model (it has name, key-name, comment, user-context and dns-servers of ip-address, port, key-name, comment and user-context)")
			continue
		}
		m.UserContext = ctx.value()
		// The renderer places a domain by its zone's name: one under the
		// other list would move, and change what D2 does with it.
		if m.Zone != "" && m.reverse() != reverse {
			p.errf(at+".name", "%q is a %s zone in %s; the provider places zones by their names, so it would move", m.Zone, map[bool]string{true: "reverse", false: "forward"}[m.reverse()], path)
			continue
		}
		for _, k := range append([]*string{m.TSIGKey}, serverKeys(m.DNSServers)...) {
			if k != nil {
				used[*k] = true
			}
		}
		p.e.DDNSDomains = append(p.e.DDNSDomains, m)
		p.placed(KindDDNSDomain, at)
	}
}

func serverKeys(ss []DNSServer) []*string {
	out := make([]*string, len(ss))
	for i := range ss {
		out[i] = ss[i].TSIGKey
	}
	return out
}

// tsigKeys reads tsig-keys. A secret becomes a named secret, "tsig-<key
// name>", the key naming it in secret_name. A key no domain names is read
// too, with a warning: the renderer writes only the keys in use.
func (p *parser) tsigKeys(path string, v any, used map[string]bool) {
	list := objects(v)
	if list == nil {
		p.errf(path, "must be a list of objects")
		return
	}
	var unused []string
	for i, ko := range list {
		at := fmt.Sprintf("%s[%d]", path, i)
		var k TSIGKey
		var secret *string
		var ctx contextKeys
		if !readAll(ko, &k, ctx.with(map[string]func(v any) bool{
			"secret": func(v any) bool { return assignTo(&secret, v) },
		})) {
			p.errf(at, "holds keys a kea_tsig_key does not model (it has name, algorithm, digest-bits, secret, secret-file, comment and user-context)")
			continue
		}
		k.UserContext = ctx.value()
		if secret != nil {
			k.SecretName = p.secret("tsig-"+k.Name, *secret)
		}
		if !used[k.Name] {
			unused = append(unused, k.Name)
		}
		p.e.TSIGKeys = append(p.e.TSIGKeys, k)
		p.placed(KindTSIGKey, at)
	}
	if len(unused) > 0 {
		sort.Strings(unused)
		p.diags = append(p.diags, Diag{Severity: Warning, Index: -1, Attr: path,
			Msg: fmt.Sprintf("no domain names the keys %q: they are read, but the rendered document lists only the keys its domains use", unused)})
	}
}
