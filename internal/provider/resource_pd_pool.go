package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var pdPoolKind = &objectKind{
	typeName:    "pd_pool",
	description: "A DHCPv6 prefix delegation pool (`pd-pools` entry): prefixes of `delegated_length` carved from `prefix` and delegated to requesting routers. It must not overlap the subnet's address pools or other pd pools.",
	idDesc:      "`<server>/<subnet_id>/<prefix>`, e.g. `dhcp6-1/1/2001:db8:8000::/48`.",
	attrs: concat([]attrSpec{
		field("subnet", tString, "Id of the DHCPv6 `kea_subnet` the pool belongs to.").req().identity(),
		field("prefix", tPrefix6, "The pool, e.g. `2001:db8:8000::/48` (host bits zero).").req().identity(),
		field("delegated_length", tInt, "Length of each delegated prefix, from the pool's prefix length to 128.").req(),
		field("excluded_prefix", tPrefix6, "RFC 6603 excluded prefix, inside `prefix` and longer than `delegated_length`."),
	}, classAttrs("pd pool"), []attrSpec{
		optionDataAttr("pd pool"),
		userContextAttr(),
		extraJSONAttr(),
	}),
	check: func(m map[string]any) (string, kea.Diags) {
		p := into[kea.PDPool](m)
		return idIf(p.ID(), m, "subnet", "prefix"), p.Validate(-1)
	},
	importAttrs: func(id string) (map[string]any, error) {
		p, err := splitID(id, 3, "<server>/<subnet_id>/<prefix>")
		if err != nil {
			return nil, err
		}
		if !strings.Contains(p[2], "/") {
			return nil, errorf("import id %q: %q is not a prefix", id, p[2])
		}
		return map[string]any{"subnet": p[0] + "/" + p[1], "prefix": p[2]}, nil
	},
}

func newPDPoolResource() resource.Resource { return &stateResource{k: pdPoolKind} }
