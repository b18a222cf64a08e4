package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

const secretServer = `
variable "monitor_password" {
  type      = string
  sensitive = true
  default   = "correct-horse-battery"
}
resource "kea_dhcp_server" "s" {
  name = "s1"
  control_sockets = [{
    type    = "http"
    address = "192.0.2.10"
    port    = 8004
    authentication = {
      clients = [{ user = "monitor", password_secret = "monitor" }]
    }
  }]
}
data "kea_config" "s" {
  server  = kea_dhcp_server.s
  secrets = { monitor = var.monitor_password }
}
`

// A password given through secrets makes the rendered document sensitive:
// Terraform refuses an output that would print it unless the output is
// marked sensitive, and the data source keeps it only in sensitive_config.
func TestServer_PasswordIsSensitive(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: secretServer + `
output "doc" {
  value = provider::kea::config(kea_dhcp_server.s, { secrets = { monitor = var.monitor_password } }).config
}
`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Output refers to sensitive values`),
			},
			{
				Config: secretServer + `
output "doc" {
  value     = provider::kea::config(kea_dhcp_server.s, { secrets = { monitor = var.monitor_password } }).config
  sensitive = true
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectSensitiveValue("data.kea_config.s", tfjsonpath.New("sensitive_config")),
						plancheck.ExpectSensitiveValue("data.kea_config.s", tfjsonpath.New("sensitive_sha256")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.kea_config.s", tfjsonpath.New("config"), knownvalue.Null()),
					// The digest of a document with a password would let a
					// weak one be guessed offline: only the sensitive copy.
					statecheck.ExpectKnownValue("data.kea_config.s", tfjsonpath.New("sha256"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.kea_config.s", tfjsonpath.New("sensitive_sha256"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{64}$`))),
					statecheck.ExpectKnownValue("data.kea_config.s", tfjsonpath.New("sensitive_config"), knownvalue.StringRegexp(regexp.MustCompile(`"password": "correct-horse-battery"`))),
				},
			},
		},
	})
}

// With password_file the secret stays out of the document, which the plan
// can then show.
func TestServer_PasswordFileKeepsDocumentVisible(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
resource "kea_dhcp_server" "s" {
  name = "s1"
  control_sockets = [{
    type           = "http"
    address        = "192.0.2.10"
    port           = 8004
    authentication = { clients = [{ user = "monitor", password_file = "/etc/kea/monitor.pw" }] }
  }]
}
output "doc" {
  value = provider::kea::config(kea_dhcp_server.s, null).config
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("doc", knownvalue.StringRegexp(regexp.MustCompile(`"password-file": "/etc/kea/monitor.pw"`))),
				},
			},
		}},
	})
}

// Provider settings that come from another resource are not known at plan:
// the server plans them (and the documents rendered from it) as unknown,
// never as the built-in default, so apply does not fail with an
// inconsistent final plan, and the next plan is empty.
func TestServer_UnknownProviderSettings(t *testing.T) {
	config := `
resource "terraform_data" "site" {
  input = { lease_dir = "/srv/kea/leases", valid_lifetime = 1234 }
}
provider "kea" {
  lease_dir = terraform_data.site.output.lease_dir
  defaults = {
    valid_lifetime = terraform_data.site.output.valid_lifetime
  }
}
resource "kea_dhcp_server" "s" {
  name           = "s1"
  lease_database = { name = "leases4.csv" }
}
output "doc" {
  value = provider::kea::config(kea_dhcp_server.s, {}).config
}
`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue("kea_dhcp_server.s", tfjsonpath.New("valid_lifetime")),
					plancheck.ExpectUnknownValue("kea_dhcp_server.s", tfjsonpath.New("directories").AtMapKey("lease")),
					plancheck.ExpectUnknownOutputValue("doc"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("doc", knownvalue.StringRegexp(regexp.MustCompile(`"name": "/srv/kea/leases/leases4.csv"[\s\S]*"valid-lifetime": 1234,`))),
				},
			},
			{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}
