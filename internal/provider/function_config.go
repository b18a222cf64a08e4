package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var _ function.Function = (*configFunction)(nil)

type configFunction struct{}

func newConfigFunction() function.Function { return &configFunction{} }

var configResultType = map[string]attr.Type{"config": types.StringType, "configs": types.MapType{ElemType: types.StringType}, "sha256": types.StringType, "warnings": types.ListType{ElemType: types.StringType}}

func (f *configFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "config"
}

func (f *configFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Render a Kea DHCP server's or D2 daemon's configuration during plan",
		MarkdownDescription: "Takes the same inputs as the `kea_config` data source and returns the same document and digest, " +
			"as an object `{ config, sha256, warnings }`. Terraform evaluates functions while planning, so a `local_file` or provisioner " +
			"fed from it shows the line-by-line change of the rendered configuration in `terraform plan`, where the data " +
			"source would often be read only at apply time. Terraform gives functions no provider configuration, so the " +
			"provider's feature gates (`enable_ddns`) and settings apply to the resources and the data source, not here.",
		Parameters: []function.Parameter{
			function.DynamicParameter{Name: "target", MarkdownDescription: "What to render, as a resource object or a plain object: a `kea_dhcp_server` (`kea-dhcp4.conf` or `kea-dhcp6.conf`), a `kea_d2_daemon` (`kea-dhcp-ddns.conf`), a `kea_stork_server` (`server.env`) or a `kea_stork_agent_group` (one `agent.env` per member, in `configs`). A plain object is of the first of these kinds whose attributes it fits, so a plain D2 daemon, Stork server or agent group needs an attribute only its kind has (for example `listener_mode`, `endpoint` or `mode`)."},
			function.DynamicParameter{Name: "objects", MarkdownDescription: "An object with any of the attributes " + inputList(kea.ListNames()) +
				", each a list as the data source takes it, and `" + kea.SecretsKey + "`, a map of names to values.", AllowNullValue: true},
		},
		Return: function.ObjectReturn{AttributeTypes: configResultType},
	}
}

func (f *configFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var server, objects types.Dynamic
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &server, &objects))
	if resp.Error != nil {
		return
	}
	sv, err := server.UnderlyingValue().ToTerraformValue(ctx)
	if err != nil || server.IsUnderlyingValueNull() {
		resp.Error = function.NewArgumentFuncError(0, "target must be a kea_dhcp_server or kea_d2_daemon object")
		return
	}
	lists := map[string]tftypes.Value{}
	if !objects.IsNull() && !objects.IsUnderlyingValueNull() && !objects.IsUnknown() && !objects.IsUnderlyingValueUnknown() {
		ov, err := objects.UnderlyingValue().ToTerraformValue(ctx)
		var fields map[string]tftypes.Value
		if err != nil || !(ov.Type().Is(tftypes.Object{}) || ov.Type().Is(tftypes.Map{})) || ov.As(&fields) != nil {
			resp.Error = function.NewArgumentFuncError(1, "objects must be an object such as { subnets = [...], pools = [...] }")
			return
		}
		for k, v := range fields {
			if !slices.Contains(inputNames(), k) {
				resp.Error = function.NewArgumentFuncError(1, "objects has an unsupported attribute "+k+"; use "+strings.Join(inputNames(), ", "))
				return
			}
			lists[k] = v
		}
	} else if objects.IsUnknown() || objects.IsUnderlyingValueUnknown() {
		resp.Error = resp.Result.Set(ctx, types.ObjectUnknown(configResultType))
		return
	}
	in := decodeEstate(targetOf(sv), sv, lists)
	if len(in.errs) > 0 {
		msg := ""
		for i, e := range in.errs {
			if i > 0 {
				msg += "\n"
			}
			msg += e
		}
		resp.Error = function.NewFuncError(msg)
		return
	}
	if in.unknown {
		resp.Error = resp.Result.Set(ctx, types.ObjectUnknown(configResultType))
		return
	}
	r, diags := in.render(ctx)
	if diags.HasErrors() {
		resp.Error = function.NewFuncError(errorText(diags))
		return
	}
	var warnings []attr.Value
	for _, dg := range diags {
		if dg.Severity == kea.Warning {
			warnings = append(warnings, types.StringValue(dg.Error()))
		}
	}
	docs := map[string]attr.Value{}
	for name, doc := range documentsByName(in.target, r) {
		docs[name] = types.StringValue(doc)
	}
	config := types.StringValue(string(r.Document))
	if r.Kind.PerMember {
		config = types.StringNull()
	}
	result, d := types.ObjectValue(configResultType, map[string]attr.Value{
		"configs":  types.MapValueMust(types.StringType, docs),
		"config":   config,
		"sha256":   types.StringValue(r.SHA256),
		"warnings": types.ListValueMust(types.StringType, warnings),
	})
	if d.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, d)
		return
	}
	resp.Error = resp.Result.Set(ctx, result)
}
