package provider

import (
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// TestParsedConfigDataSource_D2: a kea-dhcp-ddns document holding a TSIG
// secret is adopted through the data source. Its objects name the secret
// and never hold it; its secrets map holds it and is sensitive (an output
// of it without sensitive = true is refused); TSIG key resources made from
// the objects, given the map, render the document again byte for byte;
// and a second plan is empty.
func TestParsedConfigDataSource_D2(t *testing.T) {
	golden, err := filepath.Abs("../kea/testdata/golden/ddns.d2-office.d2.json")
	if err != nil {
		t.Fatal(err)
	}
	config := ddnsOn + `
data "kea_parsed_config" "d2" {
  document = file(` + strconv.Quote(golden) + `)
}
locals {
  p = data.kea_parsed_config.d2
}
resource "kea_tsig_key" "k" {
  # count, not for_each: terraform-plugin-testing's state checks refuse
  # for_each keys.
  count       = length(local.p.objects.tsig_keys)
  name        = local.p.objects.tsig_keys[count.index].name
  algorithm   = local.p.objects.tsig_keys[count.index].algorithm
  digest_bits = local.p.objects.tsig_keys[count.index].digest_bits
  secret_file = local.p.objects.tsig_keys[count.index].secret_file
  secret_name = local.p.objects.tsig_keys[count.index].secret_name
}
output "secret_in_objects" {
  value = strcontains(jsonencode(local.p.objects), "c2VjcmV0LWZvci10ZXN0cy0zMi1ieXRlcy1sb25nISE=")
}
output "key_secret_name" {
  value = kea_tsig_key.k[0].secret_name
}
output "secret_names" {
  value = local.p.secret_names
}
output "renders_again" {
  value = nonsensitive(provider::kea::config(local.p.d2_daemon, merge(local.p.objects, {
    tsig_keys = kea_tsig_key.k
    secrets   = local.p.secrets
  })).config == file(` + strconv.Quote(golden) + `))
}
`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.kea_parsed_config.d2", tfjsonpath.New("d2_daemon").AtMapKey("id"), knownvalue.StringExact("d2")),
					statecheck.ExpectKnownValue("data.kea_parsed_config.d2", tfjsonpath.New("server"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.kea_parsed_config.d2", tfjsonpath.New("secrets"), knownvalue.MapExact(map[string]knownvalue.Check{
						"tsig-office-key": knownvalue.StringExact("c2VjcmV0LWZvci10ZXN0cy0zMi1ieXRlcy1sb25nISE="),
					})),
					statecheck.ExpectKnownOutputValue("key_secret_name", knownvalue.StringExact("tsig-office-key")),
					statecheck.ExpectKnownOutputValue("secret_in_objects", knownvalue.Bool(false)),
					statecheck.ExpectKnownOutputValue("secret_names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("tsig-office-key")})),
					statecheck.ExpectKnownOutputValue("renders_again", knownvalue.Bool(true)),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: config + `
output "leak" {
  value = data.kea_parsed_config.d2.secrets
}
`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Output refers to sensitive values`),
			},
		},
	})
}

// TestParsedConfigDataSource_Refused: a document the provider cannot
// represent is an error on the document attribute, naming the JSON path.
func TestParsedConfigDataSource_Refused(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "kea_parsed_config" "x" {
  document = jsonencode({ Dhcp4 = { subnet4 = [{ id = 1, subnet = "192.0.2.0/24", reservations = [{ "hw-address" = "aa:bb:cc:dd:ee:ff", "client-classes" = ["nowhere"] }] }] } })
}
`,
			ExpectError: regexp.MustCompile(`(?s)Dhcp4.subnet4\[0\].reservations\[0\]: kea_reservation.*refers to client\s+class "nowhere"`),
		}},
	})
}
