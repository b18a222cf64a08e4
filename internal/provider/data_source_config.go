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

var _ datasource.DataSource = (*configDataSource)(nil)

type configDataSource struct{}

func newConfigDataSource() datasource.DataSource { return &configDataSource{} }

func (d *configDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_config"
}

func (d *configDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"server":           schema.DynamicAttribute{Required: true, MarkdownDescription: "The `kea_dhcp_server` to render, as a resource object or a plain object of the same shape."},
		"config":           schema.StringAttribute{Computed: true, MarkdownDescription: "The rendered `kea-dhcp4.conf` (or `kea-dhcp6.conf` for a family 6 server): JSON, two-space indent, trailing newline, keys in a fixed order. Null when the document holds a secret: read `sensitive_config` then."},
		"sensitive_config": schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The same document, marked sensitive. Always set; the only copy when the document holds a secret from `secrets`."},
		"secrets":          schema.MapAttribute{ElementType: types.StringType, Optional: true, Sensitive: true, MarkdownDescription: secretsSpec.desc},
		"sha256":           schema.StringAttribute{Computed: true, MarkdownDescription: "Hex SHA-256 of `config`, for `triggers_replace` and reload hooks."},
	}
	for _, l := range estateLists {
		attrs[l.name] = schema.DynamicAttribute{Optional: true, MarkdownDescription: l.desc + estateListNote}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a server's Kea configuration from the objects given, after checking every rule Kea 3.0 " +
			"applies at load time and the cross-object rules it does not (pool and reservation placement, references, " +
			"duplicate ids). It returns the same bytes as the `provider::kea::config` function.",
		Attributes: attrs,
	}
}

type configModel struct {
	Server            types.Dynamic `tfsdk:"server"`
	Subnets           types.Dynamic `tfsdk:"subnets"`
	Pools             types.Dynamic `tfsdk:"pools"`
	Reservations      types.Dynamic `tfsdk:"reservations"`
	OptionDefinitions types.Dynamic `tfsdk:"option_definitions"`
	OptionData        types.Dynamic `tfsdk:"option_data"`
	ClientClasses     types.Dynamic `tfsdk:"client_classes"`
	Servers           types.Dynamic `tfsdk:"servers"`
	HARelationships   types.Dynamic `tfsdk:"ha_relationships"`
	VendorSpaces      types.Dynamic `tfsdk:"vendor_option_spaces"`
	SharedNetworks    types.Dynamic `tfsdk:"shared_networks"`
	PDPools           types.Dynamic `tfsdk:"pd_pools"`
	Secrets           types.Map     `tfsdk:"secrets"`
	Config            types.String  `tfsdk:"config"`
	SensitiveConfig   types.String  `tfsdk:"sensitive_config"`
	SHA256            types.String  `tfsdk:"sha256"`
}

func (d *configDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var fields map[string]tftypes.Value
	if err := req.Config.Raw.As(&fields); err != nil {
		resp.Diagnostics.AddError("Unexpected configuration", err.Error())
		return
	}
	in := decodeEstate(fields["server"], listInputs(fields))
	for _, e := range in.errs {
		resp.Diagnostics.AddError("Invalid kea_config input", e)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var m configModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if in.unknown {
		m.Config = types.StringUnknown()
		m.SensitiveConfig = types.StringUnknown()
		m.SHA256 = types.StringUnknown()
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
		return
	}
	r, diags := renderEstate(in.estate)
	for _, dg := range diags {
		p := path.Root(listOfKind[dg.Kind])
		switch {
		case dg.Kind == kea.KindServer && dg.Index >= 0: // a partner from servers
			p = path.Root("servers").AtListIndex(dg.Index)
		case dg.Index >= 0 && dg.Kind != kea.KindServer:
			p = p.AtListIndex(dg.Index)
		}
		if dg.Severity == kea.Warning {
			resp.Diagnostics.AddAttributeWarning(p, "Kea configuration warning", dg.Error())
		} else {
			resp.Diagnostics.AddAttributeError(p, "Invalid Kea configuration", dg.Error())
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	m.SensitiveConfig = types.StringValue(string(r.Document))
	m.Config = types.StringValue(string(r.Document))
	if r.HasSecrets {
		m.Config = types.StringNull()
	}
	m.SHA256 = types.StringValue(r.SHA256)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func listInputs(fields map[string]tftypes.Value) map[string]tftypes.Value {
	out := make(map[string]tftypes.Value, len(estateLists)+1)
	if v, ok := fields["secrets"]; ok {
		out["secrets"] = v
	}
	for _, l := range estateLists {
		if v, ok := fields[l.name]; ok {
			out[l.name] = v
		}
	}
	return out
}
