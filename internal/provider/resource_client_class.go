package provider

import (
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var clientClassKind = &objectKind{
	kind:    kea.KindNamed(kea.KindClientClass),
	version: 0,
	description: "A client class (`client-classes` entry). Subnets and pools restrict themselves to a class, reservations " +
		"put clients in classes, and a class can carry options, lifetimes and boot fields. A server's document lists every " +
		"class it uses in the order the classes are passed (the `client_classes` list given to `provider::kea::config` or the " +
		"`kea_config` data source), a class moved up only where a later one's `member('x')` test needs it defined first. The order " +
		"matters: Kea evaluates classes in it, and where two of a client's classes set the same option the first one's is sent. " +
		"(`values()` of a `for_each` resource lists them by key.)",
	idDesc: "The class name.",
	attrs: concat([]attrSpec{
		field("name", tString, "Class name, unique. Kea's built-in classes `ALL`, `KNOWN`, `UNKNOWN` and `BOOTP` may be defined without a test, to attach options or lifetimes to them; classes Kea assigns by name (`VENDOR_CLASS_<option 60>`, `HA_<server>`) may be defined like any other.").req().identity(),
		field("test", tString, "Boolean expression in Kea's expression language that puts a client in the class, e.g. `substring(option[60].hex,0,9) == 'PXEClient'`."),
		field("template_test", tString, "String expression that spawns a class per value (`template-test`). Set `test` or this, not both."),
		field("only_in_additional_list", tBool, "Evaluate the class only when a subnet or pool lists it in `additional_classes`."),
		optionDataAttr("class"),
	}, lifetimeAttrs("class", false), preferredAttrs("class"), bootAttrs(), []attrSpec{
		refusedDDNSPolicyAttr("client class"),
		userContextAttr(),
		extraJSONAttr(),
	}),
}
