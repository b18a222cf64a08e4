package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// TestParseConfigFunction_RoundTrip: a golden document read back through
// Terraform renders byte for byte again with provider::kea::config, known
// at plan.
func TestParseConfigFunction_RoundTrip(t *testing.T) {
	golden, err := filepath.Abs("../kea/testdata/golden/office.kea4.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
locals {
  p = provider::kea::parse_config(file(` + strconv.Quote(golden) + `), "office-dhcp")
}
output "config" {
  value = provider::kea::config(local.p.server, local.p.objects).config
}
output "subnets" {
  value = [for s in local.p.objects.subnets : s.id]
}
output "carried" {
  value = length(local.p.carried)
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("config", knownvalue.StringExact(string(want))),
					plancheck.ExpectKnownOutputValue("subnets", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("office-dhcp/10"), knownvalue.StringExact("office-dhcp/20")})),
					plancheck.ExpectKnownOutputValue("carried", knownvalue.Int64Exact(0)),
				},
			},
		}},
	})
}

// TestParseConfigFunction_CarriedAndSecrets: comments are read, a key the
// provider does not model is kept and listed, and a password comes back
// as a secret's name only; given the secret, config renders it again.
func TestParseConfigFunction_CarriedAndSecrets(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
locals {
  p = provider::kea::parse_config(<<-EOT
    // kea-dhcp4.conf of the lab
    {"Dhcp4": {
      "interfaces-config": {"interfaces": ["*"]}, "control-sockets": [{"socket-type": "http", "socket-address": "127.0.0.1", "socket-port": 8000,
        "authentication": {"type": "basic", "clients": [{"user": "admin", "password": "hunter2"}]}}],
      "valid-lifetime": 600,
      "store-extended-info": true, # not modelled
      "subnet4": [{"id": 1, "subnet": "192.0.2.0/24"}]
    }}
  EOT
  )
}
output "carried" {
  value = [for c in local.p.carried : c.path]
}
output "secret_names" {
  value = local.p.secret_names
}
output "password_in_objects" {
  value = strcontains(jsonencode(local.p), "hunter2")
}
output "renders_password" {
  value = strcontains(provider::kea::config(local.p.server, merge(local.p.objects, { secrets = { "kea-admin-password" = "hunter2" } })).config, "\"password\": \"hunter2\"")
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("carried", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Dhcp4.store-extended-info")})),
					plancheck.ExpectKnownOutputValue("secret_names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("kea-admin-password")})),
					plancheck.ExpectKnownOutputValue("password_in_objects", knownvalue.Bool(false)),
					plancheck.ExpectKnownOutputValue("renders_password", knownvalue.Bool(true)),
				},
			},
		}},
	})
}

// TestParseConfig_GoldensThroughTheFunctions: every golden DHCP and D2 document,
// read by provider::kea::parse_config and given back to
// provider::kea::config as the result says (server, objects, and the
// named secrets' values), renders again byte for byte: the result's values
// carry every attribute, nested ones included (sockets, HA membership,
// lease database, DNS servers), and TSIG secrets travel by name.
func TestParseConfig_GoldensThroughTheFunctions(t *testing.T) {
	var files []string
	for _, d := range kea.ParsedDocs {
		m, _ := filepath.Glob(filepath.Join("../kea/testdata/golden", "*."+d.Suffix))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no golden documents")
	}
	for _, f := range files {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arg, err := tfprotov6.NewDynamicValue(tftypes.String, tftypes.NewValue(tftypes.String, string(doc)))
		if err != nil {
			t.Fatal(err)
		}
		resp := callParseConfig(context.Background(), []*tfprotov6.DynamicValue{&arg})
		if resp.Error != nil {
			t.Errorf("%s: %s", filepath.Base(f), resp.Error.Text)
			continue
		}
		v, err := resp.Result.Unmarshal(parseConfigResultTF)
		if err != nil {
			t.Fatal(err)
		}
		var fields, objects map[string]tftypes.Value
		_ = v.As(&fields)
		_ = fields["objects"].As(&objects)
		// The passwords, which the result only names, as a user passes them.
		p, _ := kea.Parse(doc, "")
		types := map[string]tftypes.Type{kea.SecretsKey: tftypes.Map{ElementType: tftypes.String}}
		secrets := map[string]tftypes.Value{}
		for n, s := range p.Estate.Secrets {
			secrets[n] = tftypes.NewValue(tftypes.String, s)
		}
		objects[kea.SecretsKey] = tftypes.NewValue(types[kea.SecretsKey], secrets)
		for n, o := range objects {
			types[n] = o.Type()
		}
		target := fields["server"]
		if target.IsNull() {
			target = fields["d2_daemon"]
		}
		out := viaWire(t, target, tftypes.NewValue(tftypes.Object{AttributeTypes: types}, objects))
		var got string
		for _, c := range out.configs {
			got = c
		}
		if out.err != "" || got != string(doc) {
			t.Errorf("%s: rendered again %s", filepath.Base(f), firstLineDiff(got, string(doc), out.err))
		}
	}
}

// firstLineDiff is an error, or the first line where got and want differ.
func firstLineDiff(got, want, err string) string {
	if err != "" {
		return "with an error: " + err
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("differently at line %d: %q, want %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("with %d lines, want %d", len(g), len(w))
}

// TestParseConfigFunction_D2Warnings: a DhcpDdns document comes back as
// d2_daemon (server null), a key no domain uses is said in warnings, and
// the key's secret is named, not given.
func TestParseConfigFunction_D2Warnings(t *testing.T) {
	doc := `{"DhcpDdns": {"tsig-keys": [{"name": "spare", "algorithm": "HMAC-MD5", "secret": "LSWXnfkKZjdPJI5QxlpnfQ=="}],
  "forward-ddns": {"ddns-domains": []}, "reverse-ddns": {"ddns-domains": []}}}`
	arg, err := tfprotov6.NewDynamicValue(tftypes.String, tftypes.NewValue(tftypes.String, doc))
	if err != nil {
		t.Fatal(err)
	}
	resp := callParseConfig(context.Background(), []*tfprotov6.DynamicValue{&arg})
	if resp.Error != nil {
		t.Fatal(resp.Error.Text)
	}
	v, err := resp.Result.Unmarshal(parseConfigResultTF)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]tftypes.Value
	_ = v.As(&fields)
	var warnings []tftypes.Value
	_ = fields["warnings"].As(&warnings)
	var w string
	if len(warnings) == 1 {
		_ = warnings[0].As(&w)
	}
	if !strings.Contains(w, `no domain names the keys ["spare"]`) {
		t.Errorf("warnings %v", warnings)
	}
	if !fields["server"].IsNull() || fields["d2_daemon"].IsNull() {
		t.Errorf("server %v, d2_daemon %v", fields["server"], fields["d2_daemon"])
	}
	if strings.Contains(v.String(), "LSWXnfkKZjdPJI5QxlpnfQ") || !strings.Contains(v.String(), "tsig-spare") {
		t.Errorf("the secret must come back by name only: %s", v)
	}
}
