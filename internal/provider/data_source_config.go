package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var (
	_ datasource.DataSource              = (*configDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*configDataSource)(nil)
)

type configDataSource struct{ settings *settings }

func newConfigDataSource() datasource.DataSource { return &configDataSource{} }

// configDataSourceName is the data source's type name.
const configDataSourceName = "kea_config"

func (d *configDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = configDataSourceName
}

func (d *configDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, _ *datasource.ConfigureResponse) {
	if s, ok := req.ProviderData.(*settings); ok {
		d.settings = s
	}
}

func (d *configDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"server":            schema.DynamicAttribute{Optional: true, MarkdownDescription: "The `kea_dhcp_server` to render `kea-dhcp4.conf` (or `kea-dhcp6.conf`) for, as a resource object or a plain object of the same shape. Set one target: this, `d2_daemon`, `stork_server` or `stork_agent_group`."},
		"stork_server":      schema.DynamicAttribute{Optional: true, MarkdownDescription: "The `kea_stork_server` to render `server.env` for. Needs `enable_stork`."},
		"stork_agent_group": schema.DynamicAttribute{Optional: true, MarkdownDescription: "The `kea_stork_agent_group` to render one `agent.env` per member for (in `configs`), from the member `servers` and the `stork_servers`. Needs `enable_stork`."},
		"d2_daemon":         schema.DynamicAttribute{Optional: true, MarkdownDescription: "The `kea_d2_daemon` to render `kea-dhcp-ddns.conf` for, from `ddns_domains` and `tsig_keys` (and, to check that the zones fit the subnets, the `servers`, `subnets` and `ddns_policies` that send to it). Needs `enable_ddns`. Set this or `server`."},
		"config":            schema.StringAttribute{Computed: true, MarkdownDescription: "The rendered document (`kea-dhcp4.conf`, `kea-dhcp6.conf` or `kea-dhcp-ddns.conf`): JSON, two-space indent, trailing newline, keys in a fixed order. Null when the document holds a secret (a TSIG key's `secret`, a password from `secrets`): read `sensitive_config` then."},
		"sensitive_config":  schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The same document, marked sensitive. Always set; the only copy when the document holds a secret."},
		kea.SecretsKey:      schema.MapAttribute{ElementType: types.StringType, Optional: true, Sensitive: true, MarkdownDescription: secretsSpec.desc},
		"configs":           schema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The rendered documents by name: for a `stork_agent_group`, one `agent.env` per member server (keyed by server name; `config` is then null); for any other target, its one document keyed by the target's name. Null when a document holds a secret: read `sensitive_configs` then."},
		"sensitive_configs": schema.MapAttribute{ElementType: types.StringType, Computed: true, Sensitive: true, MarkdownDescription: "The same documents, marked sensitive. Always set."},
		"sha256":            schema.StringAttribute{Computed: true, MarkdownDescription: "Hex SHA-256 of the document, for `triggers_replace` and reload hooks. Null when the document holds a secret, since the digest would let a weak password be guessed offline: read `sensitive_sha256` then."},
		"sensitive_sha256":  schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The same digest, marked sensitive. Always set."},
	}
	for _, k := range kea.Kinds {
		attrs[k.List] = schema.DynamicAttribute{Optional: true, MarkdownDescription: k.Desc + estateListNote}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a DHCP server's or D2 daemon's Kea configuration from the objects given, after checking every rule Kea 3.0 " +
			"applies at load time and the cross-object rules it does not (pool and reservation placement, references, " +
			"duplicate ids). It returns the same bytes as the `provider::kea::config` function.",
		Attributes: attrs,
	}
}

func (d *configDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var fields map[string]tftypes.Value
	if err := req.Config.Raw.As(&fields); err != nil {
		resp.Diagnostics.AddError("Unexpected configuration", err.Error())
		return
	}
	var tk *objectKind
	for _, k := range targetKinds {
		if v := fields[k.targetInput]; !v.IsNull() {
			if tk != nil {
				resp.Diagnostics.AddAttributeError(path.Root(k.targetInput), "Invalid kea_config input", "set one target: "+tk.targetInput+" or "+k.targetInput+", not both")
				return
			}
			tk = k
		}
	}
	if tk == nil {
		resp.Diagnostics.AddError("Invalid kea_config input", "no target: set "+strings.Join(targetNames(), " or "))
		return
	}
	if open, attr := current(d.settings).gate(tk.kind.Feature); !open {
		resp.Diagnostics.AddAttributeError(path.Root(tk.targetInput), "Feature not enabled", gateMessage(tk.kind, attr))
		return
	}
	in := decodeEstate(tk, fields[tk.targetInput], pick(fields, inputNames()))
	for _, e := range in.errs {
		resp.Diagnostics.AddError("Invalid kea_config input", e)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	gateErrors(&resp.Diagnostics, current(d.settings), kea.Kinds, in.estate)
	if resp.Diagnostics.HasError() {
		return
	}
	obj := req.Config.Raw.Type().(tftypes.Object)
	state := make(map[string]tftypes.Value, len(fields))
	for k, v := range fields {
		state[k] = v
	}
	set := func(name string, v any) { state[name] = tftypes.NewValue(obj.AttributeTypes[name], v) }
	if in.unknown {
		for _, name := range []string{"config", "sensitive_config", "configs", "sensitive_configs", "sha256", "sensitive_sha256"} {
			set(name, tftypes.UnknownValue)
		}
		resp.State.Raw = tftypes.NewValue(obj, state)
		return
	}
	r, diags := in.render(ctx)
	for _, dg := range diags {
		if dg.Severity == kea.Warning {
			resp.Diagnostics.AddAttributeWarning(diagPath(dg, tk), "Kea configuration warning", dg.Error())
		} else {
			resp.Diagnostics.AddAttributeError(diagPath(dg, tk), "Invalid Kea configuration", dg.Error())
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	docs := map[string]tftypes.Value{}
	for name, doc := range documentsByName(in.target, r) {
		docs[name] = tftypes.NewValue(tftypes.String, doc)
	}
	set("sensitive_configs", docs)
	set("configs", docs)
	if r.Kind.PerMember {
		set("sensitive_config", nil)
		set("config", nil)
	} else {
		set("sensitive_config", string(r.Document))
		set("config", string(r.Document))
	}
	if r.HasSecrets {
		set("config", nil)
		set("configs", nil)
	}
	set("sha256", r.SHA256)
	set("sensitive_sha256", r.SHA256)
	if r.HasSecrets {
		set("sha256", nil)
	}
	resp.State.Raw = tftypes.NewValue(obj, state)
}
