package provider

import (
	"maps"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// protoV6ProviderFactories serves the provider in-process to the real
// terraform binary that terraform-plugin-testing drives.
func protoV6ProviderFactories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"kea": NewServer(New("test")),
	}
}

func TestMain(m *testing.M) {
	// Never let terraform-plugin-testing download a binary: use the one
	// the Makefile found or built, else the one on PATH.
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		if p, err := exec.LookPath("terraform"); err == nil {
			os.Setenv("TF_ACC_TERRAFORM_PATH", p)
		}
	}
	os.Setenv("CHECKPOINT_DISABLE", "1")
	os.Exit(m.Run())
}

// TestObjectKindsMatchKea: one resource per kind of internal/kea, and each
// resource's attribute table names exactly the JSON attributes of its kea
// type, nested attributes included. A table or a struct that gains an
// attribute alone fails here (TestCompareKindCatchesDrift shows it can).
func TestObjectKindsMatchKea(t *testing.T) {
	seen := map[*kea.Kind]bool{}
	for _, ok := range objectKinds {
		if seen[ok.kind] {
			t.Errorf("%s has two resources", ok.kind.Name)
		}
		seen[ok.kind] = true
	}
	for _, k := range kea.Kinds {
		if !seen[k] {
			t.Errorf("%s (list %s) has no resource in objectKinds", k.Name, k.List)
		}
	}
	for _, ok := range objectKinds {
		onlyTable, onlyStruct := compareKind(ok.attrs, ok.kind.Type)
		for _, a := range onlyTable {
			t.Errorf("%s: attribute %s is in the table but not in kea.%s", ok.kind.Name, a, ok.kind.Type.Name())
		}
		for _, a := range onlyStruct {
			t.Errorf("%s: kea.%s has %s, which the attribute table lacks", ok.kind.Name, ok.kind.Type.Name(), a)
		}
	}
}

func TestCompareKindCatchesDrift(t *testing.T) {
	extra := append(slices.Clone(subnetKind.attrs), field("not_in_kea", tString, ""))
	if onlyTable, _ := compareKind(extra, subnetKind.kind.Type); !slices.Equal(onlyTable, []string{"not_in_kea"}) {
		t.Errorf("an attribute only in the table: got %v", onlyTable)
	}
	type wider struct {
		kea.Subnet
		NotInTable *string `json:"not_in_table"`
	}
	if _, onlyStruct := compareKind(subnetKind.attrs, reflect.TypeFor[wider]()); !slices.Equal(onlyStruct, []string{"not_in_table"}) {
		t.Errorf("a field only in the struct: got %v", onlyStruct)
	}
	nested := slices.Clone(serverKind.attrs)
	for i, a := range nested {
		if a.name == "ha" {
			a.nested = a.nested[:len(a.nested)-1]
			nested[i] = a
		}
	}
	if _, onlyStruct := compareKind(nested, serverKind.kind.Type); len(onlyStruct) != 1 || !strings.HasPrefix(onlyStruct[0], "ha.") {
		t.Errorf("a nested attribute missing from the table: got %v", onlyStruct)
	}
}

// compareKind lists the attribute paths only the table has and those only
// the Go type's JSON tags have (embedded field groups are flattened, as
// encoding/json does).
func compareKind(specs []attrSpec, typ reflect.Type) (onlyTable, onlyStruct []string) {
	table, fields := map[string]bool{}, map[string]bool{}
	var walkSpecs func(specs []attrSpec, prefix string)
	walkSpecs = func(specs []attrSpec, prefix string) {
		for _, s := range specs {
			table[prefix+s.name] = true
			walkSpecs(s.nested, prefix+s.name+".")
		}
	}
	walkSpecs(specs, "")
	var walkType func(t reflect.Type, prefix string)
	walkType = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Anonymous && tag == "" {
				walkType(f.Type, prefix)
				continue
			}
			if tag == "" || tag == "-" || !f.IsExported() {
				continue
			}
			fields[prefix+tag] = true
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				walkType(ft, prefix+tag+".")
			}
		}
	}
	walkType(typ, "")
	for _, k := range slices.Sorted(maps.Keys(table)) {
		if !fields[k] {
			onlyTable = append(onlyTable, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if !table[k] {
			onlyStruct = append(onlyStruct, k)
		}
	}
	return onlyTable, onlyStruct
}

// probeKind is a resource of a gated feature, standing in for the DDNS and
// Stork kinds until they land: the vendor option space's kind under
// another name and gate.
func probeKind(name string, f kea.Feature) *objectKind {
	k := *kea.KindNamed(kea.KindVendorSpace)
	k.Name, k.Feature = name, f
	return &objectKind{kind: &k, description: "Gate probe.", idDesc: "The name.", attrs: vendorOptionSpaceKind.attrs}
}

// TestGates_ReachTheResources: with a feature gate closed, planning a
// resource of that feature fails and names the gate to open; open, it plans.
func TestGates_ReachTheResources(t *testing.T) {
	p := &keaProvider{version: "test", kinds: append(slices.Clone(objectKinds), probeKind("kea_ddns_probe", kea.FeatureDDNS), probeKind("kea_stork_probe", kea.FeatureStork))}
	factories := map[string]func() (tfprotov6.ProviderServer, error){"kea": providerserver.NewProtocol6WithError(p)}
	probes := `
resource "kea_ddns_probe" "x" {
  name = "a"
}
resource "kea_stork_probe" "x" {
  name = "b"
}
`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{
			{
				// enable_ddns defaults to false, enable_stork to true.
				Config:      probes,
				PlanOnly:    true,
				ExpectError: wrapped(`kea_ddns_probe is a ddns object, and the provider's enable_ddns is false; set enable_ddns = true in the provider "kea" block`),
			},
			{
				Config:      "provider \"kea\" {\n  enable_ddns  = true\n  enable_stork = false\n}\n" + probes,
				PlanOnly:    true,
				ExpectError: wrapped(`kea_stork_probe is a stork object, and the provider's enable_stork is false; set enable_stork = true`),
			},
			{
				Config:             `provider "kea" { enable_ddns = true }` + probes,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestGates_DataSourceInputs: the data source refuses the lists of a kind
// whose gate is closed.
func TestGates_DataSourceInputs(t *testing.T) {
	k := probeKind("kea_ddns_probe", kea.FeatureDDNS).kind
	e := &kea.Estate{VendorSpaces: []kea.VendorOptionSpace{{Name: "a"}}}
	var diags diag.Diagnostics
	gateErrors(&diags, defaultSettings(), []*kea.Kind{k}, e)
	if diags.ErrorsCount() != 1 || !strings.Contains(diags.Errors()[0].Detail(), "set enable_ddns = true") {
		t.Errorf("closed gate: %v", diags)
	}
	diags = nil
	gateErrors(&diags, &settings{EnableDDNS: true}, []*kea.Kind{k}, e)
	gateErrors(&diags, defaultSettings(), []*kea.Kind{k}, &kea.Estate{})
	if diags.HasError() {
		t.Errorf("open gate, or no objects: %v", diags)
	}
}
