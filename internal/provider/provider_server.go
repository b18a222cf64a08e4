package provider

import (
	"context"

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
		return &server{ProviderServer: fw}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer
}

func (s *server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	if req.Name == configFunctionName {
		return callConfig(ctx, req.Arguments), nil
	}
	return s.ProviderServer.CallFunction(ctx, req)
}
