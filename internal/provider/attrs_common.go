package provider

import "github.com/keaform/terraform-provider-kea/internal/kea"

// Attribute groups shared by several object kinds.

func lifetimeAttrs(scope string, inherit bool) []attrSpec {
	note := ""
	if inherit {
		note = " Unset means inherited from the enclosing scope."
	}
	return []attrSpec{
		field("valid_lifetime", tInt, "Lease lifetime in seconds (`valid-lifetime`) at "+scope+" scope."+note).seconds(),
		field("min_valid_lifetime", tInt, "Shortest lifetime Kea grants when a client asks for less (`min-valid-lifetime`)."+note).seconds(),
		field("max_valid_lifetime", tInt, "Longest lifetime Kea grants when a client asks for more (`max-valid-lifetime`)."+note).seconds(),
	}
}

func timerAttrs() []attrSpec {
	return []attrSpec{
		field("renew_timer", tInt, "T1 in seconds (`renew-timer`). Must be less than `rebind_timer`, which must be less than the valid lifetime.").seconds(),
		field("rebind_timer", tInt, "T2 in seconds (`rebind-timer`). Must be less than the valid lifetime.").seconds(),
	}
}

func preferredAttrs(scope string) []attrSpec {
	return []attrSpec{
		field("preferred_lifetime", tInt, "DHCPv6 only: preferred lifetime in seconds at "+scope+" scope (Kea default: 62.5% of the valid lifetime).").seconds(),
		field("min_preferred_lifetime", tInt, "DHCPv6 only: shortest preferred lifetime granted.").seconds(),
		field("max_preferred_lifetime", tInt, "DHCPv6 only: longest preferred lifetime granted.").seconds(),
	}
}

func v6LinkAttrs(scope string) []attrSpec {
	return []attrSpec{
		field("rapid_commit", tBool, "DHCPv6 only: allow two-message exchanges (Solicit/Reply) on this "+scope+"."),
		field("interface_id", tString, "DHCPv6 only: the relay's interface-id option value that selects this "+scope+" (instead of `interface`)."),
	}
}

func bootAttrs() []attrSpec {
	return []attrSpec{
		field("next_server", tIPv4, "TFTP server address sent in the `siaddr` field (`next-server`)."),
		field("server_hostname", tString, "Server host name sent in the `sname` field (`server-hostname`), at most 63 bytes.").atMostBytes(63),
		field("boot_file_name", tString, "Boot file name sent in the `file` field (`boot-file-name`), at most 127 bytes.").atMostBytes(127),
	}
}

func optionDataAttr(scope string) attrSpec {
	return field("option_data", tStrings, "Ids of `kea_option_data` objects sent at "+scope+" scope. Rendered sorted by option space and code.")
}

func userContextAttr() attrSpec {
	return field("user_context", tJSON, "Free-form JSON object rendered as Kea's `user-context` (for example `jsonencode({ site = \"hq\" })`). Kea ignores it; Stork and hooks read it.")
}

func extraJSONAttr() attrSpec {
	return field("extra_json", tJSON, "Escape hatch: a JSON object whose keys are added to the rendered map, for Kea keys this schema does not model. Each key must be one Kea 3.0 accepts in that map (a misspelt key is an error that names the nearest ones), and a key that an attribute already renders is an error.")
}

func classAttrs(scope string) []attrSpec {
	return []attrSpec{
		field("client_class", tString, "Id (name) of the `kea_client_class` a client must belong to for this "+scope+" to be used; rendered as `client-classes`.").
			deprecate("Kea 3.0 deprecates `client-class` for its `client-classes` list; set `client_classes = [\"name\"]`, which renders the same document."),
		field("client_classes", tStrings, "Ids of `kea_client_class` objects: a client in any of them may use this "+scope+" (Kea 3.0's `client-classes` list; one class is a list of one). Set this or the deprecated `client_class`, not both."),
		field("additional_classes", tStrings, "Ids of `kea_client_class` objects evaluated after lease assignment when this "+scope+" is selected (`evaluate-additional-classes`)."),
	}
}

// seconds: a uint32 number of seconds.
func (a attrSpec) seconds() attrSpec { return a.between(0, kea.MaxUint32) }

func concat(groups ...[]attrSpec) []attrSpec {
	var out []attrSpec
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// controlSocketsAttr is the control-sockets list of a Kea daemon (DHCP
// servers and D2 daemons share the model and its rules).
func controlSocketsAttr() attrSpec {
	return nestedAttr("control_sockets", tObjects, "Kea 3.0 `control-sockets`: at most one `unix` socket and any number of HTTP sockets. "+
		"An HTTP socket with TLS files renders as `https`. One that listens beyond loopback without authentication or TLS is a warning: Kea 3.1 refuses it.",
		field("type", tString, "`unix` or `http` (`https` is accepted and requires the TLS files).").req().in(kea.SocketTypes...),
		field("socket_name", tString, "unix only: socket file; a bare name is placed in the control socket directory, an absolute path must lie in it."),
		field("address", tString, "http only: IP address to listen on (Kea resolves no names). Defaults to `127.0.0.1`."),
		field("port", tInt, "http only: TCP port.").between(1, kea.MaxUint16),
		field("trust_anchor", tString, "http only: CA certificate file or directory used to verify clients. With `cert_file` and `key_file` it makes the socket `https`."),
		field("cert_file", tString, "http only: server certificate file."),
		field("key_file", tString, "http only: server private key file."),
		field("cert_required", tBool, "http only, with TLS: require client certificates (Kea default true)."),
		nestedAttr("authentication", tObject, "http only: HTTP basic authentication.",
			field("realm", tString, "Realm sent in the authentication challenge."),
			field("directory", tString, "Directory Kea reads `password_file` names from."),
			nestedAttr("clients", tObjects, "Users allowed on the socket.",
				field("user", tString, "User name; must not contain `:`.").req(),
				field("password_file", tString, "File on the Kea host holding the password: the secret stays out of the rendered file and the plan. Relative to `directory` when that is set, else absolute."),
				field("password_secret", tString, "Name of an entry in the `secrets` map given to the renderer (the `kea_config` data source or the `config` function), written into the file as the password. Kea refuses its default passwords. The rendered document is then sensitive."),
			).req(),
		),
		field("http_headers", tStringMap, "http only: extra response headers, name to value; rendered sorted by name."),
	)
}

// directoriesAttr is a daemon's Kea build directories, filled from the
// provider's settings.
func directoriesAttr() attrSpec {
	return nestedAttr("directories", tObject, "Kea build directories used to complete and check rendered paths. Defaults to the provider's settings.",
		field("control_socket", tString, "Control socket directory.").filled(),
		field("hooks", tString, "Hook library directory.").filled(),
		field("lease", tString, "Lease file directory.").filled(),
		field("log", tString, "Log file directory.").filled(),
	).filled()
}

// fillDirectories sets the directories the configuration leaves unset from
// the provider's settings.
func fillDirectories(s *settings, m map[string]any) {
	dirs, _ := m["directories"].(map[string]any)
	if dirs == nil {
		dirs = map[string]any{}
	}
	s.fill(dirs, "directories.control_socket", *s.Dirs.ControlSocket)
	s.fill(dirs, "directories.hooks", *s.Dirs.Hooks)
	s.fill(dirs, "directories.lease", *s.Dirs.Lease)
	s.fill(dirs, "directories.log", *s.Dirs.Log)
	m["directories"] = dirs
}

// ddnsPolicyAttr attaches a kea_ddns_policy to a scope.
func ddnsPolicyAttr(scope string) attrSpec {
	return field("ddns_policy", tString, "Id (name) of the `kea_ddns_policy` whose `ddns-*` settings apply at "+scope+" scope; unset inherits them. Needs `enable_ddns`.").ddns()
}

// refusedDDNSPolicyAttr is ddns_policy on a scope Kea 3.0 takes no ddns-*
// key in: kept so that setting it says why, at plan.
func refusedDDNSPolicyAttr(scope string) attrSpec {
	return field("ddns_policy", tString, "Not supported: Kea 3.0 refuses `ddns-*` keys in a "+scope+", so setting this is an error. Attach the policy to the server, a shared network, a subnet or a pool.").ddns()
}

// ddnsSharedAttrs are the DDNS settings a server has and an HA relationship
// sets for all its members.
func ddnsSharedAttrs(owner string) []attrSpec {
	win := ""
	if owner == "HA relationship" {
		win = " It wins over the members' own."
	}
	return []attrSpec{
		field("d2_daemon", tString, "Id (name) of the `kea_d2_daemon` the "+owner+" sends NameChangeRequests to: renders the `dhcp-ddns` block with the daemon's listener address and port. Needs `enable_ddns`."+win).ddns(),
		field("ddns_enable_updates", tBool, "`dhcp-ddns.enable-updates`: send NameChangeRequests at all (default true when a D2 daemon is set)."+win).ddns(),
		field("ddns_policy", tString, "Id (name) of the `kea_ddns_policy` applied at global scope. Needs `enable_ddns`."+win).ddns(),
	}
}
