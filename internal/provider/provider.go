// Package provider is the Terraform glue of the Kea provider: schemas,
// conversion between Terraform values and internal/kea types, and the
// plan-time hooks. Kea logic lives in internal/kea.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

var (
	_ provider.Provider              = (*keaProvider)(nil)
	_ provider.ProviderWithFunctions = (*keaProvider)(nil)
)

// New returns the provider factory.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &keaProvider{version: version, kinds: objectKinds} }
}

type keaProvider struct {
	version string
	kinds   []*objectKind // one resource each
	// configured is what Configure made of the provider block, for the
	// calls the provider's server answers without the framework.
	configured atomic.Pointer[settings]
}

// objectKinds lists every resource's object kind; a test checks that it
// matches kea.Kinds one to one.
var objectKinds = []*objectKind{
	serverKind,
	haRelationshipKind,
	vendorOptionSpaceKind,
	sharedNetworkKind,
	subnetKind,
	poolKind,
	pdPoolKind,
	reservationKind,
	optionDefinitionKind,
	optionDataKind,
	clientClassKind,
	tsigKeyKind,
	d2DaemonKind,
	ddnsDomainKind,
	ddnsPolicyKind,
	storkServerKind,
	storkAgentGroupKind,
}

// objectKindOf is the resource kind of a kea kind.
func objectKindOf(k *kea.Kind) *objectKind {
	for _, ok := range objectKinds {
		if ok.kind == k {
			return ok
		}
	}
	panic("no resource for " + k.Name)
}

// tsigSeedEnv is the environment variable tsig_secret_seed defaults to.
const tsigSeedEnv = "KEA_TSIG_SECRET_SEED"

// settings is what the provider block configures; resources receive it as
// provider data.
type settings struct {
	EnableStork bool
	EnableDDNS  bool
	Defaults    kea.Defaults
	Dirs        kea.Directories
	// TSIGSecretSeed derives kea_tsig_key secrets at plan ("" for none);
	// seedUnknown is set while it is not known yet.
	TSIGSecretSeed string
	seedUnknown    bool
	// unknown names the server attributes whose provider setting is not
	// known yet (it comes from another resource): they are planned as
	// unknown, never as the built-in default ("directories.lease", ...).
	unknown map[string]bool
}

// unknownValue stands for a value that is not known yet in a decoded
// object; it encodes as unknown and reads as unset.
type unknownValue struct{}

func (unknownValue) MarshalJSON() ([]byte, error) { return []byte("null"), nil }

// fill sets a server attribute the configuration leaves unset (attr is the
// path, its last part the key in m) from the provider's setting v.
func (s *settings) fill(m map[string]any, attr string, v any) {
	key := attr[strings.LastIndex(attr, ".")+1:]
	if _, set := m[key]; set {
		return
	}
	if s.unknown[attr] {
		m[key] = unknownValue{}
		return
	}
	m[key] = v
}

// dirsUnknown reports whether any Kea build directory is not known yet.
func (s *settings) dirsUnknown() bool {
	for k := range s.unknown {
		if strings.HasPrefix(k, "directories.") {
			return true
		}
	}
	return false
}

// known is s without the settings that are not known yet (their built-in
// defaults instead), for state that cannot hold unknown values.
func (s *settings) known() *settings {
	c := *s
	c.unknown = nil
	return &c
}

// current is s, or the defaults when the provider was not configured.
func current(s *settings) *settings {
	if s != nil {
		return s
	}
	return defaultSettings()
}

// gate tells whether a feature's objects may be used, and names the
// provider attribute that turns the feature on.
func (s *settings) gate(f kea.Feature) (open bool, attr string) {
	switch f {
	case kea.FeatureDDNS:
		return s.EnableDDNS, "enable_ddns"
	case kea.FeatureStork:
		return s.EnableStork, "enable_stork"
	}
	return true, ""
}

// gateMessage says which gate an object of kind k needs.
func gateMessage(k *kea.Kind, attr string) string {
	return fmt.Sprintf("%s is a %s object, and the provider's %s is false; set %s = true in the provider \"kea\" block to use it", k.Name, k.Feature, attr, attr)
}

// gateErrors reports every list of the estate, among kinds, whose kind's
// feature gate is closed.
func gateErrors(diags *diag.Diagnostics, s *settings, kinds []*kea.Kind, e *kea.Estate) {
	for _, k := range kinds {
		if open, attr := s.gate(k.Feature); !open && k.Len(e) > 0 {
			diags.AddAttributeError(path.Root(k.List), "Feature not enabled", gateMessage(k, attr))
		}
	}
}

func defaultSettings() *settings {
	sock, hooks, lease, log := kea.DefaultControlSocketDir, kea.DefaultHooksDir, kea.DefaultLeaseDir, kea.DefaultLogDir
	return &settings{
		EnableStork: true,
		Defaults:    kea.BuiltinDefaults,
		Dirs:        kea.Directories{ControlSocket: &sock, Hooks: &hooks, Lease: &lease, Log: &log},
	}
}

type providerModel struct {
	EnableStork      types.Bool   `tfsdk:"enable_stork"`
	EnableDDNS       types.Bool   `tfsdk:"enable_ddns"`
	Defaults         types.Object `tfsdk:"defaults"`
	ControlSocketDir types.String `tfsdk:"control_socket_dir"`
	HooksDir         types.String `tfsdk:"hooks_dir"`
	LeaseDir         types.String `tfsdk:"lease_dir"`
	LogDir           types.String `tfsdk:"log_dir"`
	TSIGSecretSeed   types.String `tfsdk:"tsig_secret_seed"`
}

type defaultsModel struct {
	ValidLifetime         types.Int64 `tfsdk:"valid_lifetime"`
	MaxValidLifetime      types.Int64 `tfsdk:"max_valid_lifetime"`
	ReservationsGlobal    types.Bool  `tfsdk:"reservations_global"`
	ReservationsInSubnet  types.Bool  `tfsdk:"reservations_in_subnet"`
	ReservationsOutOfPool types.Bool  `tfsdk:"reservations_out_of_pool"`
}

func (p *keaProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "kea"
	resp.Version = p.version
}

func (p *keaProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	d := kea.BuiltinDefaults
	resp.Schema = schema.Schema{
		MarkdownDescription: "Describes an ISC Kea 3.0 DHCP estate and renders the configuration files Kea loads. " +
			"Resources keep their state in Terraform only; nothing is contacted. See the `kea_config` data source and the `config` function.",
		Attributes: map[string]schema.Attribute{
			"enable_stork": schema.BoolAttribute{Optional: true, MarkdownDescription: "Feature gate for Stork monitoring objects (Stork servers and agent groups): while it is `false`, planning such a resource, setting `stork_agent_group` on a server, or passing such objects to `kea_config`, is an error. Defaults to `true`."},
			"enable_ddns":  schema.BoolAttribute{Optional: true, MarkdownDescription: "Feature gate for Dynamic DNS objects (TSIG keys, D2 daemons, DDNS domains and policies): while it is `false`, planning such a resource, setting a DDNS attribute (`d2_daemon`, `ddns_policy`, …), or passing such objects to `kea_config`, is an error. Defaults to `false`."},
			"defaults": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Model defaults a `kea_dhcp_server` takes for attributes it leaves unset. The server records the effective values in its state, so documents rendered by the data source and by the function agree.",
				Attributes: map[string]schema.Attribute{
					"valid_lifetime":           schema.Int64Attribute{Optional: true, MarkdownDescription: "Default `valid_lifetime` in seconds. Defaults to `" + itoa(d.ValidLifetime) + "`."},
					"max_valid_lifetime":       schema.Int64Attribute{Optional: true, MarkdownDescription: "Default `max_valid_lifetime` in seconds. Defaults to `" + itoa(d.MaxValidLifetime) + "`."},
					"reservations_global":      schema.BoolAttribute{Optional: true, MarkdownDescription: "Default `reservations_global`. Defaults to `false`."},
					"reservations_in_subnet":   schema.BoolAttribute{Optional: true, MarkdownDescription: "Default `reservations_in_subnet`. Defaults to `true`."},
					"reservations_out_of_pool": schema.BoolAttribute{Optional: true, MarkdownDescription: "Default `reservations_out_of_pool`. Defaults to `true`."},
				},
			},
			"control_socket_dir": schema.StringAttribute{Optional: true, MarkdownDescription: "Directory Kea was built to accept unix control sockets in. Defaults to `" + kea.DefaultControlSocketDir + "`."},
			"hooks_dir":          schema.StringAttribute{Optional: true, MarkdownDescription: "Directory Kea was built to load hook libraries from. Defaults to `" + kea.DefaultHooksDir + "` (Debian, amd64)."},
			"lease_dir":          schema.StringAttribute{Optional: true, MarkdownDescription: "Directory Kea was built to keep memfile lease files in. Defaults to `" + kea.DefaultLeaseDir + "`."},
			"tsig_secret_seed":   schema.StringAttribute{Optional: true, Sensitive: true, MarkdownDescription: "A secret from which `kea_tsig_key` resources without `secret` or `secret_file` derive theirs during plan (HMAC-SHA512 of the key's name and algorithm), so documents holding them are known in the plan that creates them. Give it from a secret store, a sensitive variable or the `KEA_TSIG_SECRET_SEED` environment variable (read when this is unset), at least 32 characters. Once a key is in state it keeps its secret: changing the seed changes no existing key. Without a seed, such a secret is drawn at random when the key is created (\"(known after apply)\" in that plan only)."},
			"log_dir":            schema.StringAttribute{Optional: true, MarkdownDescription: "Directory Kea was built to write log files to. Defaults to `" + kea.DefaultLogDir + "`."},
		},
	}
}

func (p *keaProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s := defaultSettings()
	// A gate whose value is not known yet stays open: the objects it
	// guards are checked again once it is known.
	for _, g := range []struct {
		v   types.Bool
		dst *bool
	}{{m.EnableStork, &s.EnableStork}, {m.EnableDDNS, &s.EnableDDNS}} {
		if g.v.IsUnknown() {
			*g.dst = true
		} else if !g.v.IsNull() {
			*g.dst = g.v.ValueBool()
		}
	}
	// Model defaults: a known value replaces the built-in one; one not
	// known yet (the whole block, or one attribute) plans the server's
	// attribute as unknown.
	s.unknown = map[string]bool{}
	var dm defaultsModel
	if !m.Defaults.IsNull() && !m.Defaults.IsUnknown() {
		resp.Diagnostics.Append(m.Defaults.As(ctx, &dm, basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true})...)
	}
	for _, d := range []struct {
		attr string
		v    attr.Value
		set  func()
	}{
		{"valid_lifetime", dm.ValidLifetime, func() { s.Defaults.ValidLifetime = dm.ValidLifetime.ValueInt64() }},
		{"max_valid_lifetime", dm.MaxValidLifetime, func() { s.Defaults.MaxValidLifetime = dm.MaxValidLifetime.ValueInt64() }},
		{"reservations_global", dm.ReservationsGlobal, func() { s.Defaults.ReservationsGlobal = dm.ReservationsGlobal.ValueBool() }},
		{"reservations_in_subnet", dm.ReservationsInSubnet, func() { s.Defaults.ReservationsInSubnet = dm.ReservationsInSubnet.ValueBool() }},
		{"reservations_out_of_pool", dm.ReservationsOutOfPool, func() { s.Defaults.ReservationsOutOfPool = dm.ReservationsOutOfPool.ValueBool() }},
	} {
		switch {
		case m.Defaults.IsUnknown() || d.v.IsUnknown():
			s.unknown[d.attr] = true
		case !d.v.IsNull():
			d.set()
		}
	}
	for _, d := range []struct {
		v    types.String
		dst  **string
		attr string
	}{{m.ControlSocketDir, &s.Dirs.ControlSocket, "control_socket"}, {m.HooksDir, &s.Dirs.Hooks, "hooks"}, {m.LeaseDir, &s.Dirs.Lease, "lease"}, {m.LogDir, &s.Dirs.Log, "log"}} {
		if d.v.IsUnknown() {
			s.unknown["directories."+d.attr] = true
		}
		if !d.v.IsNull() && !d.v.IsUnknown() && d.v.ValueString() != "" {
			v := d.v.ValueString()
			*d.dst = &v
		}
	}
	if v := m.TSIGSecretSeed; v.IsNull() {
		if env := os.Getenv(tsigSeedEnv); env != "" {
			m.TSIGSecretSeed = types.StringValue(env)
		}
	}
	switch v := m.TSIGSecretSeed; {
	case v.IsUnknown():
		s.seedUnknown = true
	case !v.IsNull() && len(v.ValueString()) < 32:
		resp.Diagnostics.AddAttributeError(path.Root("tsig_secret_seed"), "Seed too short", "tsig_secret_seed must be at least 32 characters: the TSIG secrets derived from it are only as strong as the seed")
	case !v.IsNull():
		s.TSIGSecretSeed = v.ValueString()
	}
	resp.ResourceData = s
	resp.DataSourceData = s
	p.configured.Store(s)
}

func (p *keaProvider) Resources(context.Context) []func() resource.Resource {
	out := make([]func() resource.Resource, 0, len(p.kinds))
	for _, k := range p.kinds {
		out = append(out, func() resource.Resource { return &stateResource{k: k} })
	}
	return out
}

func (p *keaProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{newConfigDataSource, newRelayTargetsDataSource, newParsedConfigDataSource}
}

func (p *keaProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{newConfigFunction, newRelayTargetsFunction, newParseConfigFunction}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }
