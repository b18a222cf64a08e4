package provider

import (
	"bytes"
	"context"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
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
	attrs[flatInput] = schema.DynamicAttribute{Optional: true, MarkdownDescription: flatNote + " May be given beside the kinds' lists."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a DHCP server's or D2 daemon's Kea configuration from the objects given, after checking every rule Kea 3.0 " +
			"applies at load time and the cross-object rules it does not (pool and reservation placement, references, " +
			"duplicate ids). It returns the same bytes as the `provider::kea::config` function.",
		Attributes: attrs,
	}
}

// Read serves the data source where the framework calls it: it encodes
// the configuration as Terraform sends it and takes the one path,
// readConfig. The provider's server (provider_server.go) calls readConfig
// directly.
func (d *configDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	typ := req.Config.Raw.Type()
	raw, err := tfprotov6.NewDynamicValue(typ, req.Config.Raw) // the encoding Terraform sends
	if err != nil {
		resp.Diagnostics.AddError("Unexpected configuration", err.Error())
		return
	}
	state := readConfig(ctx, current(d.settings), raw.MsgPack, &resp.Diagnostics)
	if state == nil {
		return
	}
	v, err := (&tfprotov6.DynamicValue{MsgPack: state}).Unmarshal(typ)
	if err != nil {
		resp.Diagnostics.AddError("Unexpected state", err.Error())
		return
	}
	resp.State.Raw = v
}

// computedConfigAttrs are the data source's results, in the order
// readConfig fills them.
var computedConfigAttrs = []string{"config", "sensitive_config", "configs", "sensitive_configs", "sha256", "sensitive_sha256"}

// readLists reads the kinds' lists and the one list of the data source's
// configuration fields into e, recording where objects came from in o
// when it is set; a malformed field is returned with its name.
func readLists(field map[string][]byte, e *kea.Estate, d *decoder, o *origins) (string, error) {
	for _, name := range append(kea.ListNames(), flatInput) { // in this order, so that faults are too
		b := field[name]
		if len(b) == 0 || b[0] == 0xc0 { // absent or null
			continue
		}
		w := newWireReader(b, d)
		w.origins = o
		if name == flatInput {
			w.flat(e, atPath(flatInput), 0)
		} else {
			w.list(objectKindOf(kea.KindListed(name)), e)
		}
		if w.bad != nil {
			return name, w.bad
		}
	}
	return "", nil
}

// readConfig reads the data source from its configuration as Terraform
// encodes it (msgpack of the schema's object): the target through tftypes
// (one small object), the lists with the wire reader, straight into the
// kea types. It returns the state, the configuration with the results
// filled in, or nil after an error.
func readConfig(ctx context.Context, s *settings, config []byte, diags *diag.Diagnostics) []byte {
	defer largeCall(len(config))()
	names, raws, err := objectFields(config)
	if err != nil {
		diags.AddError("Unexpected configuration", err.Error())
		return nil
	}
	field := map[string][]byte{}
	for i, n := range names {
		field[n] = raws[i]
	}
	isNull := func(b []byte) bool { return len(b) == 0 || b[0] == 0xc0 }
	var tk *objectKind
	for _, k := range targetKinds {
		if !isNull(field[k.targetInput]) {
			if tk != nil {
				diags.AddAttributeError(path.Root(k.targetInput), "Invalid kea_config input", "set one target: "+tk.targetInput+" or "+k.targetInput+", not both")
				return nil
			}
			tk = k
		}
	}
	if tk == nil {
		diags.AddError("Invalid kea_config input", "no target: set "+strings.Join(targetNames(), " or "))
		return nil
	}
	if open, attr := s.gate(tk.kind.Feature); !open {
		diags.AddAttributeError(path.Root(tk.targetInput), "Feature not enabled", gateMessage(tk.kind, attr))
		return nil
	}
	tv, err := (&tfprotov6.DynamicValue{MsgPack: field[tk.targetInput]}).Unmarshal(tftypes.DynamicPseudoType)
	if err != nil {
		diags.AddAttributeError(path.Root(tk.targetInput), "Unexpected configuration", err.Error())
		return nil
	}
	var d decoder
	in := decodedEstate{estate: &kea.Estate{}, size: len(config)}
	in.target = decodeTarget(&d, tk, tv)
	if name, bad := readLists(field, in.estate, &d, nil); bad != nil {
		diags.AddAttributeError(path.Root(name), "Unexpected configuration", bad.Error())
		return nil
	}
	if b := field[kea.SecretsKey]; !isNull(b) {
		w := newWireReader(b, &d)
		w.value(reflect.ValueOf(in.estate).Elem(), &secretsSpec, atPath(kea.SecretsKey))
	}
	for _, e := range d.errs {
		diags.AddError("Invalid kea_config input", e)
	}
	if diags.HasError() {
		return nil
	}
	gateErrors(diags, s, kea.Kinds, in.estate)
	if diags.HasError() {
		return nil
	}
	results := map[string]func(b *bytes.Buffer){}
	str := func(v []byte, null bool) func(b *bytes.Buffer) {
		return func(b *bytes.Buffer) {
			if null {
				b.WriteByte(0xc0)
			} else {
				writeMsgpackStr(b, v)
			}
		}
	}
	if len(d.unknown) > 0 {
		for _, name := range computedConfigAttrs {
			results[name] = func(b *bytes.Buffer) { b.Write(msgpackUnknown) }
		}
		return replaceFields(names, raws, results, 0)
	}
	settle(len(config))
	r, rdiags := in.render(ctx)
	var from *origins
	if len(rdiags) > 0 { // where the objects came from, read again only to say it
		from = &origins{}
		_, _ = readLists(field, &kea.Estate{}, &decoder{}, from)
	}
	for _, dg := range rdiags {
		if dg.Severity == kea.Warning {
			diags.AddAttributeWarning(from.path(dg, tk), "Kea configuration warning", from.lead(dg))
		} else {
			diags.AddAttributeError(from.path(dg, tk), "Invalid Kea configuration", from.lead(dg))
		}
	}
	if diags.HasError() {
		return nil
	}
	docs := documentParts(in.target.ID(), r)
	in.estate = nil // the documents are all the state needs
	settle(len(config))
	configs := func(null bool) func(b *bytes.Buffer) {
		return func(b *bytes.Buffer) {
			if null {
				b.WriteByte(0xc0)
				return
			}
			writeMsgpackMapHeader(b, len(docs))
			for _, p := range docs {
				writeMsgpackStr(b, []byte(p.Name))
				writeMsgpackStr(b, p.Document)
			}
		}
	}
	results["configs"] = configs(r.HasSecrets)
	results["sensitive_configs"] = configs(false)
	results["config"] = str(r.Document, r.Each() || r.HasSecrets)
	results["sensitive_config"] = str(r.Document, r.Each())
	results["sha256"] = str([]byte(r.SHA256), r.HasSecrets)
	results["sensitive_sha256"] = str([]byte(r.SHA256), false)
	extra := 2*len(r.Document) + 4*len(r.SHA256)
	for _, p := range docs {
		extra += 2 * (len(p.Name) + len(p.Document) + 10)
	}
	return replaceFields(names, raws, results, extra)
}
