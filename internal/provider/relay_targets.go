package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// The kea_relay_targets data source and the relay_targets function share
// this: the inputs they take besides the prefix, and the result.

// relayKinds are the kinds whose lists the relay lookup reads.
func relayKinds() []*kea.Kind {
	var out []*kea.Kind
	for _, k := range kea.Kinds {
		if k.Relay {
			out = append(out, k)
		}
	}
	return out
}

// relayInputs are the names of those lists.
func relayInputs() []string {
	var out []string
	for _, k := range relayKinds() {
		out = append(out, k.List)
	}
	return out
}

const relayDesc = "For a prefix (and optionally a VRF label), the addresses of the DHCP servers a router must relay " +
	"its clients to — every member when an HA relationship serves the subnet — with configuration snippets for " +
	"Cisco IOS, Junos and Arista EOS. A server's relay address is its `address`, else its `ha.address`."

var relayResultTypes = map[string]attr.Type{
	"targets":        types.ListType{ElemType: types.StringType},
	"target_servers": types.ListType{ElemType: types.StringType},
	"subnet":         types.StringType,
	"cisco_ios":      types.StringType,
	"junos":          types.StringType,
	"arista_eos":     types.StringType,
}

var relayResultDescs = map[string]string{
	"targets":        "Server addresses to relay to (`ip helper-address`), primary first.",
	"target_servers": "Names of the servers behind `targets`, in the same order.",
	"subnet":         "Id of the subnet that matched the prefix.",
	"cisco_ios":      "Cisco IOS interface configuration (`ip helper-address`).",
	"junos":          "Junos `set` commands for a DHCP relay server group.",
	"arista_eos":     "Arista EOS interface configuration (`ip helper-address`).",
}

// relayQuery decodes the inputs and answers the query. unknown is set when
// an input is not known yet.
func relayQuery(prefix string, vrf, iface *string, lists map[string]tftypes.Value) (res *kea.RelayTargets, unknown bool, errs []string, diags kea.Diags) {
	in := decodeEstate(tftypes.Value{}, lists) // a relay lookup has no target
	errs = in.errs
	if v, ok := lists[flatInput]; ok && v.Type() != nil && !v.IsNull() {
		// The one list, read as the function reads it.
		dv, err := tfprotov6.NewDynamicValue(tftypes.DynamicPseudoType, v)
		if err != nil {
			return nil, false, []string{flatInput + ": " + err.Error()}, nil
		}
		var d decoder
		w := newWireReader(dv.MsgPack, &d)
		w.flat(in.estate, atPath(flatInput), 0)
		if w.bad != nil {
			d.errf(flatInput, "%v", w.bad)
		}
		errs = append(errs, d.errs...)
		in.unknown = in.unknown || len(d.unknown) > 0
	}
	if len(errs) > 0 || in.unknown {
		return nil, in.unknown, errs, nil
	}
	res, diags = kea.Relay(in.estate, kea.RelayQuery{Prefix: prefix, VRF: vrf, Interface: iface})
	return res, false, nil, diags
}

func relayResult(r *kea.RelayTargets) map[string]attr.Value {
	list := func(l []string) attr.Value {
		vals := make([]attr.Value, len(l))
		for i, s := range l {
			vals[i] = types.StringValue(s)
		}
		return types.ListValueMust(types.StringType, vals)
	}
	return map[string]attr.Value{
		"targets":        list(r.Targets),
		"target_servers": list(r.Servers),
		"subnet":         types.StringValue(r.Subnet),
		"cisco_ios":      types.StringValue(r.CiscoIOS),
		"junos":          types.StringValue(r.Junos),
		"arista_eos":     types.StringValue(r.AristaEOS),
	}
}
