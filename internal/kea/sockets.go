package kea

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"sort"
	"strings"
)

// ControlSocket is one entry of control-sockets: a unix socket, or an HTTP
// listener that becomes https when TLS files are given.
type ControlSocket struct {
	Type           string            `json:"type"`
	SocketName     *string           `json:"socket_name"`
	Address        *string           `json:"address"`
	Port           *int64            `json:"port"`
	TrustAnchor    *string           `json:"trust_anchor"`
	CertFile       *string           `json:"cert_file"`
	KeyFile        *string           `json:"key_file"`
	CertRequired   *bool             `json:"cert_required"`
	Authentication *HTTPAuth         `json:"authentication"`
	HTTPHeaders    map[string]string `json:"http_headers"`
}

// HTTPAuth is an HTTP control socket's basic authentication.
type HTTPAuth struct {
	Realm     *string      `json:"realm"`
	Directory *string      `json:"directory"`
	Clients   []HTTPClient `json:"clients"`
}

// HTTPClient is one user allowed on an HTTP control socket.
type HTTPClient struct {
	User string `json:"user"`
	// PasswordSecret names an entry of the renderer's secrets map holding
	// the password. Secrets travel apart from the objects so that only
	// documents that contain one become sensitive in Terraform.
	PasswordSecret *string `json:"password_secret"`
	PasswordFile   *string `json:"password_file"`
}

// Passwords Kea 3.0 refuses on control sockets ("password must not be a
// default one").
var defaultPasswords = map[string]bool{"1234": true, "keatest": true, "*****": true}

// https reports whether the socket serves TLS.
func (cs *ControlSocket) https() bool {
	return cs.Type == "https" || cs.TrustAnchor != nil || cs.CertFile != nil || cs.KeyFile != nil
}

func (cs *ControlSocket) address() string {
	if cs.Address != nil {
		return *cs.Address
	}
	return "127.0.0.1"
}

func checkControlSockets(r reporter, socks []ControlSocket, sockDir string) {
	unix := 0
	httpSeen := map[string]int{}
	for i := range socks {
		cs := &socks[i]
		a := fmt.Sprintf("control_sockets[%d]", i)
		switch cs.Type {
		case "unix":
			unix++
			if unix == 2 {
				r.errf(a+".type", "Kea allows one unix control socket per server")
			}
			if cs.Address != nil || cs.Port != nil || cs.https() || cs.Authentication != nil || cs.HTTPHeaders != nil {
				r.errf(a, "a unix socket takes socket_name only: address, port, TLS, authentication and http_headers belong to http sockets")
			}
			if cs.SocketName == nil {
				r.errf(a+".socket_name", "is required for a unix socket")
			} else {
				checkPath(r, a+".socket_name", sockDir, *cs.SocketName, "control sockets", "control_socket_dir")
			}
		case "http", "https":
			checkHTTPSocket(r, a, cs)
			if cs.Port != nil && *cs.Port >= 1 && *cs.Port <= 65535 {
				key := cs.address() + "#" + itoa(*cs.Port)
				if j, dup := httpSeen[key]; dup {
					r.errf(a, "listens on the same address and port as control_sockets[%d]", j)
				}
				httpSeen[key] = i
			}
		default:
			r.errf(a+".type", "%q: use unix or http (https when TLS files are set)", cs.Type)
		}
	}
}

func checkHTTPSocket(r reporter, a string, cs *ControlSocket) {
	if cs.SocketName != nil {
		r.errf(a+".socket_name", "is not supported by HTTP control sockets")
	}
	addr, addrErr := parseAnyIP(cs.address())
	if addrErr != nil {
		r.errf(a+".address", "%q is not an IP address; Kea does not resolve host names here", cs.address())
	}
	if cs.Port == nil {
		r.errf(a+".port", "is required for an http socket")
	} else if *cs.Port < 1 || *cs.Port > 65535 {
		r.errf(a+".port", "%d is out of range: 1 to 65535", *cs.Port)
	}
	tls := 0
	for _, f := range []*string{cs.TrustAnchor, cs.CertFile, cs.KeyFile} {
		if f != nil {
			tls++
			if *f == "" {
				r.errf(a, "TLS file names must not be empty")
			}
		}
	}
	switch {
	case tls > 0 && tls < 3:
		r.errf(a, "set trust_anchor, cert_file and key_file together: Kea takes all or none of the TLS parameters")
	case tls == 0 && cs.Type == "https":
		r.errf(a+".type", "https needs trust_anchor, cert_file and key_file")
	case tls == 0 && cs.CertRequired != nil:
		r.errf(a+".cert_required", "applies only with TLS (trust_anchor, cert_file, key_file)")
	}
	if auth := cs.Authentication; auth != nil {
		if auth.Directory != nil && !strings.HasPrefix(*auth.Directory, "/") {
			r.errf(a+".authentication.directory", "%q is relative, so Kea would resolve it against its working directory (it accepts it); give an absolute path", *auth.Directory)
		}
		if auth.Realm != nil && strings.ContainsAny(*auth.Realm, "\r\n\x00\"") {
			r.errf(a+".authentication.realm", "%q holds a line break, NUL or quote, which would break the WWW-Authenticate header; give one line of text", *auth.Realm)
		}
		if len(auth.Clients) == 0 {
			r.errf(a+".authentication.clients", "basic authentication needs at least one client")
		}
		users := map[string]int{}
		for j, c := range auth.Clients {
			ca := fmt.Sprintf("%s.authentication.clients[%d]", a, j)
			switch {
			case c.User == "":
				r.errf(ca+".user", "must not be empty")
			case strings.Contains(c.User, ":"):
				r.errf(ca+".user", "%q must not contain ':' (basic authentication separates user and password with it)", c.User)
			}
			if k, dup := users[c.User]; dup && c.User != "" {
				r.errf(ca+".user", "%q is already clients[%d]", c.User, k)
			}
			users[c.User] = j
			switch {
			case c.PasswordSecret != nil && c.PasswordFile != nil:
				r.errf(ca+".password_file", "set password_file or password_secret, not both")
			case c.PasswordSecret == nil && c.PasswordFile == nil:
				r.errf(ca+".password_file", "set password_file (the secret stays on the Kea host), or password_secret (the name of a secret given to the renderer)")
			case c.PasswordSecret != nil && *c.PasswordSecret == "":
				r.errf(ca+".password_secret", "must not be empty")
			case c.PasswordFile != nil && auth.Directory != nil && strings.HasPrefix(*c.PasswordFile, "/"):
				r.errf(ca+".password_file", "%q: with authentication.directory set, Kea reads the file relative to it (it would open %s%s); give a name relative to the directory", *c.PasswordFile, strings.TrimRight(*auth.Directory, "/"), *c.PasswordFile)
			case c.PasswordFile != nil && auth.Directory == nil && !strings.HasPrefix(*c.PasswordFile, "/"):
				r.errf(ca+".password_file", "%q: without authentication.directory Kea reads the file relative to /; give an absolute path or set directory", *c.PasswordFile)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(cs.HTTPHeaders)) {
		value := cs.HTTPHeaders[name]
		switch {
		case name == "" || strings.ContainsAny(name, " :\t\r\n"):
			r.errf(a+".http_headers", "%q is not an HTTP header name", name)
		case value == "":
			r.errf(a+".http_headers", "the header %q has an empty value; Kea refuses it (\"empty 'value' parameter\"): give a value or drop the header", name)
		case strings.ContainsAny(value, "\r\n\x00"):
			r.errf(a+".http_headers", "the value of header %q holds a line break or NUL, which would split the HTTP response; give one line of text", name)
		}
	}
	if addrErr == nil && !addr.IsLoopback() && tls == 0 && cs.Authentication == nil {
		r.warnf(a, "listens on %s without authentication or TLS: anyone who reaches it controls the server, and Kea 3.1 refuses such a socket (\"Unsecured HTTP control channel\")", addr)
	}
}

// lookupSecret resolves a named secret: passed in, and not empty.
func lookupSecret(r reporter, attr, name string, secrets map[string]string) (string, bool) {
	v, ok := secrets[name]
	switch {
	case !ok:
		r.errf(attr, "names the secret %q, which was not passed in secrets", name)
	case v == "":
		r.errf(attr, "the secret %q is empty", name)
	default:
		return v, true
	}
	return "", false
}

// checkSecret resolves a named password and applies Kea's password rules.
func checkSecret(r reporter, attr, name string, secrets map[string]string) (string, bool) {
	v, ok := lookupSecret(r, attr, name, secrets)
	if ok && defaultPasswords[v] {
		r.errf(attr, "the secret %q is one of the default passwords Kea 3.0 refuses", name)
		return "", false
	}
	return v, ok
}

// renderControlSocket renders one control-sockets entry; passwords come
// from secrets.
func renderControlSocket(r reporter, attr string, cs *ControlSocket, sockDir string, secret func(r reporter, attr, name string) (string, bool)) *Object {
	o := &Object{}
	if cs.Type == "unix" {
		p, _ := completePath(sockDir, str(cs.SocketName), "", "")
		return o.Set("socket-type", "unix").Set("socket-name", p)
	}
	typ := "http"
	if cs.https() {
		typ = "https"
	}
	o.Set("socket-type", typ)
	o.Set("socket-address", canonicalIP(cs.address()))
	if cs.Port != nil {
		o.Set("socket-port", *cs.Port)
	}
	setStr(o, "trust-anchor", cs.TrustAnchor)
	setStr(o, "cert-file", cs.CertFile)
	setStr(o, "key-file", cs.KeyFile)
	setBool(o, "cert-required", cs.CertRequired)
	if auth := cs.Authentication; auth != nil {
		ao := (&Object{}).Set("type", "basic")
		setStr(ao, "realm", auth.Realm)
		setStr(ao, "directory", auth.Directory)
		clients := make([]any, 0, len(auth.Clients))
		for j, c := range auth.Clients {
			co := (&Object{}).Set("user", c.User)
			if c.PasswordSecret != nil {
				if pw, ok := secret(r, fmt.Sprintf("%s.authentication.clients[%d].password_secret", attr, j), *c.PasswordSecret); ok {
					co.Set("password", pw)
				}
			}
			setStr(co, "password-file", c.PasswordFile)
			clients = append(clients, co)
		}
		ao.Set("clients", clients)
		o.Set("authentication", ao)
	}
	if len(cs.HTTPHeaders) > 0 {
		names := make([]string, 0, len(cs.HTTPHeaders))
		for n := range cs.HTTPHeaders {
			names = append(names, n)
		}
		sort.Strings(names)
		headers := make([]any, len(names))
		for i, n := range names {
			headers[i] = (&Object{}).Set("name", n).Set("value", cs.HTTPHeaders[n])
		}
		o.Set("http-headers", headers)
	}
	return o
}

// canonicalIP writes an address the way Kea prints it back.
func canonicalIP(s string) string {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.String()
	}
	return s
}
