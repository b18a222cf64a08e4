package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer serves the provider over protocol 6: the framework serves
// everything (schema, resources, data sources, function signatures and
// docs), except the calls of provider::kea::config, which read Terraform's
// msgpack argument directly (wire.go).
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
		fw, err := providerserver.NewProtocol6WithError(p())()
		if err != nil {
			return nil, err
		}
		return &server{ProviderServer: fw, configValidates: validatesConfig(newConfigDataSource())}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer
	// configValidates is whether the kea_config data source has anything
	// to validate; see ValidateDataResourceConfig.
	configValidates bool
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
	if req.Name == configFunctionName {
		return callConfig(ctx, req.Arguments), nil
	}
	return s.ProviderServer.CallFunction(ctx, req)
}
