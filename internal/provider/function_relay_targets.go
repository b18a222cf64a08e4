package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ function.Function = (*relayTargetsFunction)(nil)

type relayTargetsFunction struct{}

func newRelayTargetsFunction() function.Function { return &relayTargetsFunction{} }

func (f *relayTargetsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "relay_targets"
}

func (f *relayTargetsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary:             "DHCP relay targets for a prefix, with router snippets",
		MarkdownDescription: relayDesc + " Returns the same object as the `kea_relay_targets` data source's computed attributes, during plan.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "prefix", MarkdownDescription: "The client prefix, e.g. `192.0.2.0/24`."},
			function.DynamicParameter{Name: "objects", MarkdownDescription: "An object with " + inputList(relayInputs()) + " (lists of resources or plain objects), and optionally `vrf` and `interface` (strings)."},
		},
		Return: function.ObjectReturn{AttributeTypes: relayResultTypes},
	}
}

func (f *relayTargetsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var prefix string
	var objects types.Dynamic
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &prefix, &objects))
	if resp.Error != nil {
		return
	}
	if objects.IsUnknown() || objects.IsUnderlyingValueUnknown() {
		resp.Error = resp.Result.Set(ctx, types.ObjectUnknown(relayResultTypes))
		return
	}
	var fields map[string]tftypes.Value
	ov, err := objects.UnderlyingValue().ToTerraformValue(ctx)
	if err != nil || objects.IsUnderlyingValueNull() || !(ov.Type().Is(tftypes.Object{}) || ov.Type().Is(tftypes.Map{})) || ov.As(&fields) != nil {
		resp.Error = function.NewArgumentFuncError(1, "objects must be an object such as { servers = [...], subnets = [...] }")
		return
	}
	var vrf, iface *string
	for k, v := range fields {
		switch k {
		case "vrf", "interface":
			if !v.IsKnown() {
				resp.Error = resp.Result.Set(ctx, types.ObjectUnknown(relayResultTypes))
				return
			}
			if v.IsNull() {
				continue
			}
			var s string
			if !v.Type().Is(tftypes.String) || v.As(&s) != nil {
				resp.Error = function.NewArgumentFuncError(1, "objects."+k+" must be a string")
				return
			}
			if k == "vrf" {
				vrf = &s
			} else {
				iface = &s
			}
		default:
			if !slices.Contains(relayInputs(), k) {
				resp.Error = function.NewArgumentFuncError(1, "objects has an unsupported attribute "+k+"; use "+strings.Join(append(relayInputs(), "vrf", "interface"), ", "))
				return
			}
		}
	}
	res, unknown, errs, diags := relayQuery(prefix, vrf, iface, pick(fields, relayInputs()))
	if len(errs) > 0 {
		resp.Error = function.NewFuncError(strings.Join(errs, "\n"))
		return
	}
	if unknown {
		resp.Error = resp.Result.Set(ctx, types.ObjectUnknown(relayResultTypes))
		return
	}
	if diags.HasErrors() {
		resp.Error = function.NewFuncError(errorText(diags))
		return
	}
	result, d := types.ObjectValue(relayResultTypes, relayResult(res))
	if d.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, d)
		return
	}
	resp.Error = resp.Result.Set(ctx, result)
}
