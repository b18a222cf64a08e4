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
		field("client_class", tString, "Id (name) of the `kea_client_class` a client must belong to for this "+scope+" to be used; rendered as `client-classes`."),
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
