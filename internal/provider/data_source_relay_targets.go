package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var _ datasource.DataSource = (*relayTargetsDataSource)(nil)

type relayTargetsDataSource struct{}

func newRelayTargetsDataSource() datasource.DataSource { return &relayTargetsDataSource{} }

func (d *relayTargetsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_relay_targets"
}

func (d *relayTargetsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"prefix":    schema.StringAttribute{Required: true, MarkdownDescription: "The client prefix the router serves, e.g. `192.0.2.0/24` or `2001:db8:1::/64` (DHCPv6 snippets then use `ipv6 dhcp relay destination`)."},
		"vrf":       schema.StringAttribute{Optional: true, MarkdownDescription: "VRF label of the prefix (a subnet's `vrf`). Unset looks in the global VRF only, and the snippets relay in the global table."},
		"interface": schema.StringAttribute{Optional: true, MarkdownDescription: "Router interface for the snippets, e.g. `Vlan10`. Defaults to the placeholder `<interface>`."},
	}
	for _, k := range relayKinds() {
		attrs[k.List] = schema.DynamicAttribute{Optional: true, MarkdownDescription: "`" + k.Name + "` objects to search (resources or plain objects)."}
	}
	attrs[flatInput] = schema.DynamicAttribute{Optional: true, MarkdownDescription: "The servers, HA relationships and subnets to search, and any other objects, in one list as `kea_config` takes it: " +
		"resources as they are (`[kea_dhcp_server.member, kea_ha_relationship.pair, kea_subnet.all]`), a `for_each` resource whole. May be given beside the kinds' lists."}
	for name, t := range relayResultTypes {
		if lt, ok := t.(types.ListType); ok {
			attrs[name] = schema.ListAttribute{Computed: true, ElementType: lt.ElemType, MarkdownDescription: relayResultDescs[name]}
		} else {
			attrs[name] = schema.StringAttribute{Computed: true, MarkdownDescription: relayResultDescs[name]}
		}
	}
	resp.Schema = schema.Schema{MarkdownDescription: relayDesc + " The `relay_targets` function gives the same answer during plan.", Attributes: attrs}
}

func (d *relayTargetsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var fields map[string]tftypes.Value
	if err := req.Config.Raw.As(&fields); err != nil {
		resp.Diagnostics.AddError("Unexpected configuration", err.Error())
		return
	}
	var prefix string
	var vrf, iface *string
	_ = fields["prefix"].As(&prefix)
	for name, dst := range map[string]**string{"vrf": &vrf, "interface": &iface} {
		if v := fields[name]; v.IsKnown() && !v.IsNull() {
			var s string
			_ = v.As(&s)
			*dst = &s
		}
	}
	res, unknown, errs, diags := relayQuery(prefix, vrf, iface, pick(fields, append(relayInputs(), flatInput)))
	for _, e := range errs {
		resp.Diagnostics.AddError("Invalid kea_relay_targets input", e)
	}
	for _, dg := range diags.Errors() {
		p := path.Root(dg.Attr)
		switch dg.Kind {
		case kea.KindRelayQuery:
		case kea.KindServer:
			p = path.Root(kea.KindNamed(dg.Kind).List)
		default:
			p = diagPath(dg, nil)
		}
		resp.Diagnostics.AddAttributeError(p, "Invalid relay lookup", dg.Error())
	}
	if resp.Diagnostics.HasError() {
		return
	}
	state := map[string]tftypes.Value{}
	for k, v := range fields {
		state[k] = v
	}
	obj := req.Config.Raw.Type().(tftypes.Object)
	for name := range relayResultTypes {
		state[name] = tftypes.NewValue(obj.AttributeTypes[name], tftypes.UnknownValue)
	}
	resp.State.Raw = tftypes.NewValue(obj, state)
	if unknown {
		return
	}
	for name, v := range relayResult(res) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
}

func pick(fields map[string]tftypes.Value, names []string) map[string]tftypes.Value {
	out := map[string]tftypes.Value{}
	for _, n := range names {
		if v, ok := fields[n]; ok {
			out[n] = v
		}
	}
	return out
}
