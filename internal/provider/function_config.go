package provider

import (
	"bytes"
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
	"github.com/vmihailenco/msgpack/v5"
)

var _ function.Function = (*configFunction)(nil)

type configFunction struct{}

func newConfigFunction() function.Function { return &configFunction{} }

const configFunctionName = "config"

// configObjects is what the function's objects argument takes.
var configObjects = objectsArg{lists: kea.ListNames(), secrets: true, flat: true, example: "a list of objects such as [kea_subnet.all, kea_pool.staff], or an object such as { objects = [...], secrets = var.secrets }"}

var configResultType = map[string]attr.Type{"config": types.StringType, "configs": types.MapType{ElemType: types.StringType}, "sha256": types.StringType, "warnings": types.ListType{ElemType: types.StringType}}

func (f *configFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = configFunctionName
}

func (f *configFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Render a Kea DHCP server's or D2 daemon's configuration during plan",
		MarkdownDescription: "Takes the same inputs as the `kea_config` data source and returns the same document and digest, " +
			"as an object `{ config, configs, sha256, warnings }`; unlike the data source, it also renders several targets in one call. Terraform evaluates functions while planning, so a `local_file` or provisioner " +
			"fed from it shows the line-by-line change of the rendered configuration in `terraform plan`, where the data " +
			"source would often be read only at apply time. Terraform gives functions no provider configuration, so the " +
			"provider's feature gates (`enable_ddns`) and settings apply to the resources and the data source, not here.",
		Parameters: []function.Parameter{
			function.DynamicParameter{Name: "target", MarkdownDescription: "What to render, as a resource object or a plain object: a `kea_dhcp_server` (`kea-dhcp4.conf` or `kea-dhcp6.conf`), a `kea_d2_daemon` (`kea-dhcp-ddns.conf`), a `kea_stork_server` (`server.env`) or a `kea_stork_agent_group` (one `agent.env` per member, in `configs`). A plain object is of the first of these kinds whose attributes it fits, so a plain D2 daemon, Stork server or agent group needs an attribute only its kind has (for example `listener_mode`, `endpoint` or `mode`). " +
				"Or several targets whose documents are of one kind, as a list or a map of them (a `for_each` resource whole, such as the members of an HA pair): each document is then in `configs` by the target's name, `config` is null, and a fault that several documents share is reported once."},
			function.DynamicParameter{Name: "objects", MarkdownDescription: "The objects the document draws from. " + flatNote +
				" Or, to give secrets or plain objects too, an object: `" + flatInput + "` (that list), `" + kea.SecretsKey + "` (a map of names to values) " +
				"and any of " + inputList(kea.ListNames()) + ", each a list of its kind as the data source takes it.", AllowNullValue: true},
		},
		Return: function.ObjectReturn{AttributeTypes: configResultType},
	}
}

// Run serves the function where the framework calls it: it takes the
// one path, callConfig, as the provider's server does.
func (f *configFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var target, objects types.Dynamic
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &target, &objects))
	if resp.Error != nil {
		return
	}
	runAsServer(ctx, resp, callConfig, configResultType, target, objects)
}

// configResult encodes the function's result object as Terraform reads
// it: a msgpack map of its attributes in sorted order. It is written here,
// not through tftypes, so that the document (megabytes for a large
// estate) is copied once, into the result, and not as Go strings and a
// value tree on the way.
func configResult(id string, r *kea.Rendered, warnings []string) []byte {
	docs := documentParts(id, r)
	size := 128 + len(r.SHA256)
	for _, d := range docs {
		size += 2*len(d.Document) + len(d.Name) + 10
	}
	for _, w := range warnings {
		size += len(w) + 5
	}
	var b bytes.Buffer
	b.Grow(size)
	enc := msgpack.NewEncoder(&b) // writes straight into b, unbuffered
	_ = enc.EncodeMapLen(4)
	_ = enc.EncodeString("config")
	if r.Each() {
		_ = enc.EncodeNil()
	} else {
		writeMsgpackStr(&b, r.Document)
	}
	_ = enc.EncodeString("configs")
	writeMsgpackMapHeader(&b, len(docs))
	for _, d := range docs {
		writeMsgpackStr(&b, []byte(d.Name))
		writeMsgpackStr(&b, d.Document)
	}
	_ = enc.EncodeString("sha256")
	_ = enc.EncodeString(r.SHA256)
	_ = enc.EncodeString("warnings")
	_ = enc.EncodeArrayLen(len(warnings))
	for _, w := range warnings {
		_ = enc.EncodeString(w)
	}
	return b.Bytes()
}

// callConfig renders the document for the function's arguments as
// Terraform encodes them (msgpack of two dynamic values): the target is
// small and read through tftypes, the objects, which may hold a whole
// large estate, by the wire reader in one pass.
func callConfig(ctx context.Context, args []*tfprotov6.DynamicValue) *tfprotov6.CallFunctionResponse {
	if len(args) != 2 || args[0] == nil {
		return funcErr("config takes two arguments: target and objects")
	}
	sv, err := args[0].Unmarshal(tftypes.DynamicPseudoType)
	if err != nil || sv.Type() == nil || sv.IsNull() {
		return argErr(0, "target must be a kea_dhcp_server or kea_d2_daemon object")
	}
	if !sv.IsKnown() {
		return funcUnknown(ctx, configResultType)
	}
	size := msgpackLen(args[1])
	defer largeCall(size)()
	var d decoder
	in := decodedEstate{estate: &kea.Estate{}, size: size}
	in.readTarget(&d, sv)
	if done := readObjectsArg(ctx, args[1], configObjects, in.estate, nil, &d, configResultType); done != nil {
		return done
	}
	if len(d.errs) > 0 {
		return funcErr(strings.Join(d.errs, "\n"))
	}
	if len(d.unknown) > 0 {
		return funcUnknown(ctx, configResultType)
	}
	settle(size)
	r, diags := in.render(ctx)
	var from *origins
	if len(diags) > 0 { // where the objects came from, read again only to say it
		from = objectOrigins(args[1].MsgPack, configObjects)
	}
	if diags.HasErrors() {
		return funcErr(from.faults(diags))
	}
	var warnings []string
	for _, dg := range diags {
		if dg.Severity == kea.Warning {
			warnings = append(warnings, from.lead(dg))
		}
	}
	in.estate = nil // the document is all the result needs
	settle(size)
	return &tfprotov6.CallFunctionResponse{Result: &tfprotov6.DynamicValue{MsgPack: configResult(in.targetID(), r, warnings)}}
}
