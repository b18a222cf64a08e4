// Command minimal is the baseline provider of make bench's resource
// comparison (issue 12): a terraform-plugin-framework provider that does
// nothing but keep state. Its resources have exactly the attributes of the
// kea provider's resources, read from `terraform providers schema -json`
// (the file named by MINIMAL_SCHEMA) and renamed minimal_*, with no
// validators, plan modifiers, custom types or logic: Create stores the
// plan, Read, Update and Delete do nothing. What the kea provider costs
// beyond it is its own per-resource work. With MINIMAL_ATTRS (a comma
// list) the resources keep only those attributes and id: trivial
// resources, which show what the schemas' size costs Terraform.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The parts of Terraform's provider schema JSON read here.
type schemaJSON struct {
	ProviderSchemas map[string]struct {
		ResourceSchemas map[string]struct {
			Block struct {
				Attributes map[string]attrJSON `json:"attributes"`
			} `json:"block"`
		} `json:"resource_schemas"`
	} `json:"provider_schemas"`
}

type attrJSON struct {
	Type       json.RawMessage `json:"type"`
	NestedType *struct {
		Attributes  map[string]attrJSON `json:"attributes"`
		NestingMode string              `json:"nesting_mode"`
	} `json:"nested_type"`
	Required  bool `json:"required"`
	Optional  bool `json:"optional"`
	Computed  bool `json:"computed"`
	Sensitive bool `json:"sensitive"`
}

func elemType(raw json.RawMessage) (attr.Type, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		switch s {
		case "string":
			return types.StringType, nil
		case "number":
			return types.NumberType, nil
		case "bool":
			return types.BoolType, nil
		case "dynamic":
			return types.DynamicType, nil
		}
		return nil, fmt.Errorf("type %s", s)
	}
	var pair []json.RawMessage
	if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
		return nil, fmt.Errorf("type %s", raw)
	}
	_ = json.Unmarshal(pair[0], &s)
	e, err := elemType(pair[1])
	if err != nil {
		return nil, err
	}
	switch s {
	case "list":
		return types.ListType{ElemType: e}, nil
	case "set":
		return types.SetType{ElemType: e}, nil
	case "map":
		return types.MapType{ElemType: e}, nil
	}
	return nil, fmt.Errorf("type %s", raw)
}

func attributes(in map[string]attrJSON) (map[string]schema.Attribute, error) {
	out := map[string]schema.Attribute{}
	for name, a := range in {
		req, opt, comp, sens := a.Required, a.Optional, a.Computed, a.Sensitive
		if a.NestedType != nil {
			nested, err := attributes(a.NestedType.Attributes)
			if err != nil {
				return nil, err
			}
			switch a.NestedType.NestingMode {
			case "single":
				out[name] = schema.SingleNestedAttribute{Attributes: nested, Required: req, Optional: opt, Computed: comp, Sensitive: sens}
			case "list":
				out[name] = schema.ListNestedAttribute{NestedObject: schema.NestedAttributeObject{Attributes: nested}, Required: req, Optional: opt, Computed: comp, Sensitive: sens}
			default:
				return nil, fmt.Errorf("%s: nesting %s", name, a.NestedType.NestingMode)
			}
			continue
		}
		t, err := elemType(a.Type)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := t.(type) {
		case types.ListType:
			out[name] = schema.ListAttribute{ElementType: t.ElemType, Required: req, Optional: opt, Computed: comp, Sensitive: sens}
		case types.SetType:
			out[name] = schema.SetAttribute{ElementType: t.ElemType, Required: req, Optional: opt, Computed: comp, Sensitive: sens}
		case types.MapType:
			out[name] = schema.MapAttribute{ElementType: t.ElemType, Required: req, Optional: opt, Computed: comp, Sensitive: sens}
		default:
			switch t {
			case types.StringType:
				out[name] = schema.StringAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}
			case types.NumberType:
				out[name] = schema.NumberAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}
			case types.BoolType:
				out[name] = schema.BoolAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}
			default:
				out[name] = schema.DynamicAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}
			}
		}
	}
	return out, nil
}

type minimalProvider struct{ resources map[string]schema.Schema }

func (p *minimalProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "minimal"
}
func (p *minimalProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (p *minimalProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}
func (p *minimalProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }
func (p *minimalProvider) Resources(context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for name, s := range p.resources {
		out = append(out, func() resource.Resource { return &thing{name: name, schema: s} })
	}
	return out
}

// thing is one resource type: state only.
type thing struct {
	name   string
	schema schema.Schema
}

func (t *thing) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + t.name
}
func (t *thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = t.schema
}

// Create stores the plan, with computed values left unknown at plan
// null, except id, which is the configuration's name or a counter.
func (t *thing) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	v, err := tftypes.Transform(req.Plan.Raw, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		if p.Equal(tftypes.NewAttributePath().WithAttributeName("id")) {
			return tftypes.NewValue(tftypes.String, fmt.Sprintf("%p", &v)), nil
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
	if err != nil {
		resp.Diagnostics.AddError("create", err.Error())
		return
	}
	resp.State.Raw = v
}
func (t *thing) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}
func (t *thing) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}
func (t *thing) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

func main() {
	raw, err := os.ReadFile(os.Getenv("MINIMAL_SCHEMA"))
	if err != nil {
		log.Fatalf("MINIMAL_SCHEMA: %v", err)
	}
	var s schemaJSON
	if err := json.Unmarshal(raw, &s); err != nil {
		log.Fatal(err)
	}
	// MINIMAL_ATTRS, when set, keeps only the attributes it lists (and id):
	// trivial resources, for comparison.
	keep := map[string]bool{"id": true}
	for _, a := range strings.Split(os.Getenv("MINIMAL_ATTRS"), ",") {
		keep[strings.TrimSpace(a)] = true
	}
	p := &minimalProvider{resources: map[string]schema.Schema{}}
	for _, ps := range s.ProviderSchemas {
		for name, r := range ps.ResourceSchemas {
			if os.Getenv("MINIMAL_ATTRS") != "" {
				for a := range r.Block.Attributes {
					if !keep[a] {
						delete(r.Block.Attributes, a)
					}
				}
			}
			attrs, err := attributes(r.Block.Attributes)
			if err != nil {
				log.Fatalf("%s: %v", name, err)
			}
			p.resources["_"+strings.TrimPrefix(name, "kea_")] = schema.Schema{Attributes: attrs}
		}
	}
	err = providerserver.Serve(context.Background(), func() provider.Provider { return p }, providerserver.ServeOpts{Address: "registry.terraform.io/bench/minimal"})
	if err != nil {
		log.Fatal(err)
	}
}
