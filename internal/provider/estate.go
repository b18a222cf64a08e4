package provider

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// estateList is one list input of the kea_config data source and of the
// config function's objects argument.
type estateList struct {
	name string
	kind *objectKind
	desc string
}

var estateLists = []estateList{
	{"servers", serverKind, "Other `kea_dhcp_server` objects: an HA member's partners (the target itself may be among them)."},
	{"ha_relationships", haRelationshipKind, "`kea_ha_relationship` objects."},
	{"shared_networks", sharedNetworkKind, "`kea_shared_network` objects."},
	{"subnets", subnetKind, "`kea_subnet` objects. Subnets of other servers are ignored, so one list can serve every server."},
	{"pools", poolKind, "`kea_pool` objects."},
	{"pd_pools", pdPoolKind, "`kea_pd_pool` objects (DHCPv6)."},
	{"reservations", reservationKind, "`kea_reservation` objects."},
	{"vendor_option_spaces", vendorOptionSpaceKind, "`kea_vendor_option_space` objects."},
	{"option_definitions", optionDefinitionKind, "`kea_option_definition` objects."},
	{"option_data", optionDataKind, "`kea_option_data` objects."},
	{"client_classes", clientClassKind, "`kea_client_class` objects."},
}

// secretsSpec describes the secrets input: names to values.
var secretsSpec = field("secrets", tStringMap, "Secrets written into the document where objects name them "+
	"(`control_sockets[*].authentication.clients[*].password_secret`), name to value. Give them from sensitive variables: "+
	"the function's result is then sensitive too. Prefer files on the Kea host (`password_file`) where you can: the plan then shows the document's diff.")

const estateListNote = " Give whole resource objects (`values(kea_subnet.all)`, `[kea_subnet.lan]`) or plain objects with the same attributes " +
	"(`csvdecode(file(\"subnets.csv\"))`: strings are converted to numbers and booleans, and empty strings mean unset)."

const serverRequired = "server: a kea_dhcp_server object is required"

// decodedEstate is the outcome of reading the inputs.
type decodedEstate struct {
	estate  *kea.Estate
	unknown bool     // some input is not known yet: the result is unknown
	errs    []string // malformed input, each prefixed with where it is
}

// decodeEstate reads the server object and the lists (by name; missing or
// null lists are empty) into a kea.Estate.
func decodeEstate(server tftypes.Value, lists map[string]tftypes.Value) decodedEstate {
	var out decodedEstate
	var d decoder
	sm := d.object(server, serverKind.attrs, "server")
	if sm == nil && len(d.unknown) == 0 && len(d.errs) == 0 {
		d.errs = append(d.errs, serverRequired)
	}
	e := &kea.Estate{}
	if sm != nil {
		e.Server = into[kea.Server](sm)
	}
	decodeList(&d, lists["servers"], serverKind, "servers", &e.Servers)
	decodeList(&d, lists["ha_relationships"], haRelationshipKind, "ha_relationships", &e.HARelationships)
	decodeList(&d, lists["shared_networks"], sharedNetworkKind, "shared_networks", &e.SharedNetworks)
	decodeList(&d, lists["subnets"], subnetKind, "subnets", &e.Subnets)
	decodeList(&d, lists["pools"], poolKind, "pools", &e.Pools)
	decodeList(&d, lists["pd_pools"], pdPoolKind, "pd_pools", &e.PDPools)
	decodeList(&d, lists["reservations"], reservationKind, "reservations", &e.Reservations)
	decodeList(&d, lists["vendor_option_spaces"], vendorOptionSpaceKind, "vendor_option_spaces", &e.VendorSpaces)
	decodeList(&d, lists["option_definitions"], optionDefinitionKind, "option_definitions", &e.OptionDefs)
	decodeList(&d, lists["option_data"], optionDataKind, "option_data", &e.OptionData)
	decodeList(&d, lists["client_classes"], clientClassKind, "client_classes", &e.ClientClasses)
	if sv, ok := lists["secrets"]; ok && sv.Type() != nil && !sv.IsNull() {
		if m, set := d.value(sv, &secretsSpec, "secrets"); set {
			e.Secrets = m.(map[string]string)
		}
	}
	out.estate = e
	out.unknown = len(d.unknown) > 0
	out.errs = d.errs
	return out
}

func decodeList[T any](d *decoder, v tftypes.Value, k *objectKind, name string, dst *[]T) {
	if v.Type() == nil || v.IsNull() {
		return
	}
	if !v.IsKnown() {
		d.unknown = append(d.unknown, name)
		return
	}
	var elems []tftypes.Value
	t := v.Type()
	switch {
	case t.Is(tftypes.List{}), t.Is(tftypes.Tuple{}), t.Is(tftypes.Set{}):
		_ = v.As(&elems)
	case t.Is(tftypes.Object{}), t.Is(tftypes.Map{}):
		// A map of objects, e.g. kea_subnet.all from for_each: take the
		// values in key order.
		var fields map[string]tftypes.Value
		_ = v.As(&fields)
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			elems = append(elems, fields[k])
		}
	default:
		d.errf(name, "must be a list of %s objects, got %s", "kea_"+k.typeName, typeName(t))
		return
	}
	ms := make([]map[string]any, 0, len(elems))
	for i, e := range elems {
		if m := d.object(e, k.attrs, fmt.Sprintf("%s[%d]", name, i)); m != nil {
			ms = append(ms, m)
		}
	}
	raw, err := json.Marshal(ms)
	if err == nil {
		err = json.Unmarshal(raw, dst)
	}
	if err != nil {
		panic(fmt.Sprintf("decoded %s do not fit: %v", name, err))
	}
}

// listAttr maps a kea object kind to the input list it came from.
var listOfKind = map[string]string{
	kea.KindSubnet:         "subnets",
	kea.KindPool:           "pools",
	kea.KindReservation:    "reservations",
	kea.KindOptionDef:      "option_definitions",
	kea.KindOptionData:     "option_data",
	kea.KindClientClass:    "client_classes",
	kea.KindServer:         "server",
	kea.KindHARelationship: "ha_relationships",
	kea.KindVendorSpace:    "vendor_option_spaces",
	kea.KindSharedNetwork:  "shared_networks",
	kea.KindPDPool:         "pd_pools",
}

// renderEstate renders the estate for its server.
func renderEstate(e *kea.Estate) (*kea.Rendered, kea.Diags) { return kea.Render(e) }

// errorText lists error findings, one per line.
func errorText(ds kea.Diags) string {
	var lines []string
	for _, d := range ds.Errors() {
		lines = append(lines, d.Error())
	}
	return strings.Join(lines, "\n")
}
