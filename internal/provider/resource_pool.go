package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var poolKind = &objectKind{
	typeName:    "pool",
	description: "A dynamic address pool in a `kea_subnet`. Pools of one subnet must not overlap.",
	idDesc:      "`<server>/<subnet_id>/<first>-<last>`, e.g. `office-dhcp/10/192.0.2.100-192.0.2.199`.",
	attrs: concat([]attrSpec{
		field("subnet", tString, "Id of the `kea_subnet` the pool belongs to.").req().identity(),
		field("range", tString, "The pool as `\"first - last\"`, `\"first-last\"` or a prefix such as `192.0.2.64/26`. Set this or `start` and `end`.").identity(),
		field("start", tIPv4, "First address of the pool (with `end`).").identity(),
		field("end", tIPv4, "Last address of the pool (with `start`).").identity(),
	}, classAttrs("pool"), []attrSpec{
		optionDataAttr("pool"),
		userContextAttr(),
		extraJSONAttr(),
	}),
	check: func(m map[string]any) (string, kea.Diags) {
		p := into[kea.Pool](m)
		id := ""
		if _, ok := m["subnet"]; ok {
			if _, ok := m["range"]; ok {
				id = p.ID()
			} else if idIf("x", m, "start", "end") != "" {
				id = p.ID()
			}
		}
		return id, p.Validate(-1)
	},
	importAttrs: func(id string) (map[string]any, error) {
		p, err := splitID(id, 3, "<server>/<subnet_id>/<first>-<last>")
		if err != nil {
			return nil, err
		}
		first, last, ok := strings.Cut(p[2], "-")
		if !ok {
			return nil, errorf("import id %q: the range %q is not first-last", id, p[2])
		}
		return map[string]any{"subnet": p[0] + "/" + p[1], "start": first, "end": last}, nil
	},
}

func newPoolResource() resource.Resource { return &stateResource{k: poolKind} }
