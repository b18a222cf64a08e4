package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ datasource.DataSource = (*parsedConfigDataSource)(nil)

// parsedConfigDataSource is provider::kea::parse_config as a data source,
// for what a function cannot give: the secrets' values, in a sensitive
// map, and a document argument kept out of the plan.
type parsedConfigDataSource struct{}

func newParsedConfigDataSource() datasource.DataSource { return &parsedConfigDataSource{} }

func (d *parsedConfigDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_parsed_config"
}

// parsedConfigDescs describe the data source's results, the function's
// result attributes of the same names.
var parsedConfigDescs = map[string]string{
	"server":       "The DHCP server the document is for: the attributes of `kea_dhcp_server`, and its `id`; null for a DhcpDdns document.",
	"d2_daemon":    "The D2 daemon a DhcpDdns document is for: the attributes of `kea_d2_daemon`, and its `id`; null for a DHCP document.",
	"objects":      "The document's other objects: a list per kind, the lists `provider::kea::config` and the `kea_config` data source take, each object with its resource's attributes and the `id` its `import` accepts.",
	"secret_names": "The names of the secrets found, which objects name in `password_secret` and `secret_name`.",
	"carried":      "The keys the provider does not model, kept in an object's `extra_json` or `user_context`: `path` (JSON path in the document), `kind` and `id` of the object carrying it, and `key`.",
	"warnings":     "What was read but renders differently, for example a TSIG key no domain uses (the rendered document lists only keys in use).",
}

func (d *parsedConfigDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"document": schema.StringAttribute{Required: true, Sensitive: true, MarkdownDescription: "The document's text, for example `file(\"kea-dhcp4.conf\")`: a `Dhcp4`, `Dhcp6` or `DhcpDdns` document, with the comments Kea allows. Sensitive, as it may hold passwords and TSIG secrets."},
		"name":     schema.StringAttribute{Optional: true, MarkdownDescription: parseNameDesc},
		"secrets":  schema.MapAttribute{Computed: true, Sensitive: true, ElementType: types.StringType, MarkdownDescription: "The secrets found, by name (the names of `secret_names`): control socket and HA passwords, TSIG secrets (`tsig-<key name>`). Give it as `secrets` to `provider::kea::config` or the `kea_config` data source."},
	}
	for name, t := range parseConfigResultType {
		desc := parsedConfigDescs[name]
		switch tt := t.(type) {
		case types.ObjectType:
			// Dynamic: the objects' shapes are the resources' (their pages
			// describe them), not repeated here kind by kind.
			attrs[name] = schema.DynamicAttribute{Computed: true, MarkdownDescription: desc}
		case types.ListType:
			attrs[name] = schema.ListAttribute{Computed: true, ElementType: tt.ElemType, MarkdownDescription: desc}
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an existing Kea document into the provider's objects, as `provider::kea::parse_config` does, " +
			"and also returns the secrets it holds (passwords, TSIG secrets) in the sensitive map `secrets`, which a function cannot: " +
			"Terraform marks a function's result sensitive only as a whole. The objects never hold a secret's value; they name it. " +
			"Use it to adopt an estate whose documents hold secrets; see the guide \"Migrating an existing Kea\".",
		Attributes: attrs,
	}
}

func (d *parsedConfigDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var fields map[string]tftypes.Value
	if err := req.Config.Raw.As(&fields); err != nil {
		resp.Diagnostics.AddError("Unexpected configuration", err.Error())
		return
	}
	var doc, name string
	_ = fields["document"].As(&doc)
	if v := fields["name"]; !v.IsNull() {
		_ = v.As(&name)
	}
	p, errText := parseDocument(ctx, []byte(doc), name)
	if errText != "" {
		resp.Diagnostics.AddAttributeError(path.Root("document"), "The document cannot be read into the provider's objects", errText)
		return
	}
	for _, w := range p.Warnings {
		resp.Diagnostics.AddAttributeWarning(path.Root("document"), "Read, but renders differently", w)
	}
	v, err := parsedValue(p)
	if err != nil {
		resp.Diagnostics.AddError("Unexpected parse result", err.Error())
		return
	}
	var result map[string]tftypes.Value
	_ = v.As(&result)
	state := map[string]tftypes.Value{"document": fields["document"], "name": fields["name"]}
	for n, r := range result {
		state[n] = r
	}
	secrets := make(map[string]attr.Value, len(p.Estate.Secrets))
	for n, v := range p.Estate.Secrets {
		secrets[n] = types.StringValue(v)
	}
	sv, diags := types.MapValue(types.StringType, secrets)
	resp.Diagnostics.Append(diags...)
	st, err := sv.ToTerraformValue(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Unexpected secrets", err.Error())
		return
	}
	state["secrets"] = st
	resp.State.Raw = tftypes.NewValue(req.Config.Raw.Type(), state)
}
