package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var _ function.Function = (*relayTargetsFunction)(nil)

type relayTargetsFunction struct{}

func newRelayTargetsFunction() function.Function { return &relayTargetsFunction{} }

const relayTargetsFunctionName = "relay_targets"

func (f *relayTargetsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = relayTargetsFunctionName
}

func (f *relayTargetsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary:             "DHCP relay targets for a prefix, with router snippets",
		MarkdownDescription: relayDesc + " Returns the same object as the `kea_relay_targets` data source's computed attributes, during plan.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "prefix", MarkdownDescription: "The client prefix, e.g. `192.0.2.0/24`."},
			function.DynamicParameter{Name: "objects", MarkdownDescription: "The servers, HA relationships and subnets to search: one list of any objects as `provider::kea::config` takes it " +
				"(`[kea_dhcp_server.member, kea_ha_relationship.pair, kea_subnet.all]`), or an object with `" + flatInput + "` (that list), " + inputList(relayInputs()) +
				" (lists of resources or plain objects), and optionally `vrf` and `interface` (strings)."},
		},
		Return: function.ObjectReturn{AttributeTypes: relayResultTypes},
	}
}

// Run serves the function where the framework calls it: it takes the
// one path, callRelayTargets, as the provider's server does.
func (f *relayTargetsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var prefix types.String
	var objects types.Dynamic
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &prefix, &objects))
	if resp.Error != nil {
		return
	}
	runAsServer(ctx, resp, callRelayTargets, relayResultTypes, prefix, objects)
}

// relayObjects is what the function's objects argument takes.
var relayObjects = objectsArg{lists: relayInputs(), strs: []string{"vrf", "interface"}, flat: true, example: "a list of objects such as [kea_dhcp_server.member, kea_subnet.all], or an object such as { objects = [...], vrf = \"CORP\" }"}

// callRelayTargets answers the function for its arguments as Terraform
// encodes them: the prefix, and the objects read by the wire reader.
func callRelayTargets(ctx context.Context, args []*tfprotov6.DynamicValue) *tfprotov6.CallFunctionResponse {
	if len(args) != 2 || args[0] == nil || args[1] == nil {
		return funcErr("relay_targets takes two arguments: prefix and objects")
	}
	pv, err := args[0].Unmarshal(tftypes.String)
	var prefix string
	if err != nil || pv.IsNull() || pv.As(&prefix) != nil {
		return argErr(0, "prefix must be a string")
	}
	var d decoder
	e := &kea.Estate{}
	strs := map[string]*string{}
	if done := readObjectsArg(ctx, args[1], relayObjects, e, strs, &d, relayResultTypes); done != nil {
		return done
	}
	switch {
	case len(d.errs) > 0:
		return funcErr(strings.Join(d.errs, "\n"))
	case len(d.unknown) > 0:
		return funcUnknown(ctx, relayResultTypes)
	}
	res, diags := kea.Relay(e, kea.RelayQuery{Prefix: prefix, VRF: strs["vrf"], Interface: strs["interface"]})
	if diags.HasErrors() {
		return funcErr(errorText(diags))
	}
	obj, d2 := types.ObjectValue(relayResultTypes, relayResult(res))
	if d2.HasError() { // the result types and relayResult disagree: a bug
		return funcErr(d2.Errors()[0].Summary() + ": " + d2.Errors()[0].Detail())
	}
	v, err := obj.ToTerraformValue(ctx)
	if err != nil {
		return funcErr(err.Error())
	}
	return funcValue(ctx, relayResultTypes, v)
}
