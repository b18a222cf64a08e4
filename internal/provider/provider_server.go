package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// NewServer serves the provider over protocol 6: the framework serves
// everything (schema, resources, data sources, function signatures and
// docs), except the calls of provider::kea::config and the reads of the
// kea_config data source, which read Terraform's msgpack directly
// (wire.go).
//
// Why: the framework turns a function's dynamic argument into a tree of
// attr.Value and back into tftypes before the function sees it; on a
// large estate that generic path cost several times what Terraform spends
// on the whole plan (issue 12). terraform-plugin-mux would do the same
// routing but needs the function declared a second time in
// terraform-plugin-go's types; here it is declared once, in the framework,
// and only its call is served beside it.
func NewServer(p func() provider.Provider) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		prov := p()
		fw, err := providerserver.NewProtocol6WithError(prov)()
		if err != nil {
			return nil, err
		}
		kp, _ := prov.(*keaProvider)
		return &server{ProviderServer: fw, provider: kp, configValidates: validatesConfig(newConfigDataSource())}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer
	provider *keaProvider // nil: every call goes to the framework
	// configValidates is whether the kea_config data source has anything
	// to validate; see ValidateDataResourceConfig.
	configValidates bool
}

// argErr is a function's error about its argument i.
func argErr(i int64, text string) *tfprotov6.CallFunctionResponse {
	return &tfprotov6.CallFunctionResponse{Error: &tfprotov6.FunctionError{Text: text, FunctionArgument: &i}}
}

// funcErr is a function's error about its arguments together.
func funcErr(text string) *tfprotov6.CallFunctionResponse {
	return &tfprotov6.CallFunctionResponse{Error: &tfprotov6.FunctionError{Text: text}}
}

// funcValue is a function's result v, of the object type attrs.
func funcValue(ctx context.Context, attrs map[string]attr.Type, v tftypes.Value) *tfprotov6.CallFunctionResponse {
	dv, err := tfprotov6.NewDynamicValue(types.ObjectType{AttrTypes: attrs}.TerraformType(ctx), v)
	if err != nil {
		return funcErr(err.Error())
	}
	return &tfprotov6.CallFunctionResponse{Result: &dv}
}

// funcUnknown is an unknown result of the object type attrs.
func funcUnknown(ctx context.Context, attrs map[string]attr.Type) *tfprotov6.CallFunctionResponse {
	return funcValue(ctx, attrs, tftypes.NewValue(types.ObjectType{AttrTypes: attrs}.TerraformType(ctx), tftypes.UnknownValue))
}

// readObjectsArg reads a function's objects argument (argument 1) into e
// and strs, faults of its objects into d. A response it returns ends the
// call: a fault of the argument as a whole, or an unknown result (of the
// object type attrs) while some input is not known.
func readObjectsArg(ctx context.Context, arg *tfprotov6.DynamicValue, a objectsArg, e *kea.Estate, strs map[string]*string, d *decoder, attrs map[string]attr.Type) *tfprotov6.CallFunctionResponse {
	if arg == nil || len(arg.MsgPack) == 0 {
		return nil
	}
	w := newWireReader(arg.MsgPack, d)
	unknown, msg := w.objects(e, a, strs)
	switch {
	case w.bad != nil:
		return argErr(1, "objects could not be read: "+w.bad.Error())
	case msg != "":
		return argErr(1, msg)
	case unknown:
		return funcUnknown(ctx, attrs)
	}
	return nil
}

// runAsServer runs a function the provider's server answers itself (call)
// where the framework calls it: it encodes the arguments as Terraform
// does and converts the response back, so that both take one path.
func runAsServer(ctx context.Context, resp *function.RunResponse, call func(context.Context, []*tfprotov6.DynamicValue) *tfprotov6.CallFunctionResponse, result map[string]attr.Type, args ...attr.Value) {
	var wire []*tfprotov6.DynamicValue
	for _, a := range args {
		v, err := a.ToTerraformValue(ctx)
		if err != nil {
			resp.Error = function.NewFuncError(err.Error())
			return
		}
		typ := v.Type()
		if _, ok := a.(types.Dynamic); ok {
			typ = tftypes.DynamicPseudoType
		}
		dv, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			resp.Error = function.NewFuncError(err.Error())
			return
		}
		wire = append(wire, &dv)
	}
	out := call(ctx, wire)
	if out.Error != nil {
		if out.Error.FunctionArgument != nil {
			resp.Error = function.NewArgumentFuncError(*out.Error.FunctionArgument, out.Error.Text)
		} else {
			resp.Error = function.NewFuncError(out.Error.Text)
		}
		return
	}
	rt := types.ObjectType{AttrTypes: result}
	v, err := out.Result.Unmarshal(rt.TerraformType(ctx))
	if err != nil {
		resp.Error = function.NewFuncError(err.Error())
		return
	}
	obj, err := rt.ValueFromTerraform(ctx, v)
	if err != nil {
		resp.Error = function.NewFuncError(err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, obj)
}

// ReadDataSource reads kea_config from Terraform's msgpack (readConfig)
// once the provider is configured; the framework would build a tftypes
// tree of the whole configuration and encode the state back from one.
func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	var conf *settings
	if s.provider != nil {
		conf = s.provider.configured.Load()
	}
	if req.TypeName != configDataSourceName || conf == nil || req.Config == nil {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	var diags diag.Diagnostics
	state := readConfig(ctx, current(conf), req.Config.MsgPack, &diags)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: protoDiagnostics(diags)}
	if state != nil {
		resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	}
	return resp, nil
}

// protoDiagnostics are framework diagnostics as the protocol carries
// them, attribute paths included.
func protoDiagnostics(ds diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(ds))
	for _, d := range ds {
		pd := &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: d.Summary(), Detail: d.Detail()}
		if d.Severity() == diag.SeverityWarning {
			pd.Severity = tfprotov6.DiagnosticSeverityWarning
		}
		if dp, ok := d.(diag.DiagnosticWithPath); ok {
			ap := tftypes.NewAttributePath()
			for _, st := range dp.Path().Steps() {
				switch st := st.(type) {
				case path.PathStepAttributeName:
					ap = ap.WithAttributeName(string(st))
				case path.PathStepElementKeyInt:
					ap = ap.WithElementKeyInt(int(st))
				case path.PathStepElementKeyString:
					ap = ap.WithElementKeyString(string(st))
				}
			}
			pd.Attribute = ap
		}
		out = append(out, pd)
	}
	return out
}

// ValidateDataResourceConfig answers for kea_config without the
// framework when the data source has no validator, config validator or
// deprecated attribute: the framework would decode the whole configuration
// (for a large estate, a third of the provider's time in a plan reading
// it) to run nothing. Terraform itself has checked the configuration
// against the schema. The data source validates when it reads.
func (s *server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	if req.TypeName == configDataSourceName && !s.configValidates {
		return &tfprotov6.ValidateDataResourceConfigResponse{}, nil
	}
	return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
}

// validatesConfig reports whether the framework's validation of the data
// source would do anything: a ValidateConfig or ConfigValidators method,
// or an attribute with validators or a deprecation message.
func validatesConfig(ds datasource.DataSource) bool {
	if _, ok := ds.(datasource.DataSourceWithValidateConfig); ok {
		return true
	}
	if _, ok := ds.(datasource.DataSourceWithConfigValidators); ok {
		return true
	}
	var resp datasource.SchemaResponse
	ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	for _, a := range resp.Schema.Attributes {
		if a.GetDeprecationMessage() != "" {
			return true
		}
		switch a := a.(type) {
		case schema.DynamicAttribute:
			if len(a.Validators) > 0 || a.CustomType != nil {
				return true
			}
		case schema.StringAttribute:
			if len(a.Validators) > 0 || a.CustomType != nil {
				return true
			}
		case schema.MapAttribute:
			if len(a.Validators) > 0 || a.CustomType != nil {
				return true
			}
		default: // a kind this check does not know: let the framework look
			return true
		}
	}
	return len(resp.Schema.Blocks) > 0
}

func (s *server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	switch req.Name {
	case configFunctionName:
		return callConfig(ctx, req.Arguments), nil
	case relayTargetsFunctionName:
		return callRelayTargets(ctx, req.Arguments), nil
	case parseConfigFunctionName:
		return callParseConfig(ctx, req.Arguments), nil
	}
	return s.ProviderServer.CallFunction(ctx, req)
}
