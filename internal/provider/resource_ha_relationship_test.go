package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// haPair renders a hot-standby pair; roles come from arguments so the test
// can move the primary role. (terraform-plugin-testing's state shim does
// not take for_each addresses, so the peers are written out.)
func haPair(roles map[string]string) string {
	peer := func(k, addr string) string {
		return fmt.Sprintf(`
resource "kea_dhcp_server" "%[1]s" {
  name            = "kea-%[1]s"
  control_sockets = [{ type = "unix", socket_name = "kea-%[1]s.sock" }]
  ha = {
    relationship = kea_ha_relationship.pair.id
    role         = %[2]q
    address      = %[3]q
    port         = 8001
  }
}
`, k, roles[k], addr)
	}
	return peer("a", "198.18.0.1") + peer("b", "198.18.0.2") + `
resource "kea_ha_relationship" "pair" {
  name = "pair"
  mode = "hot-standby"
}
resource "kea_subnet" "lan" {
  server    = kea_ha_relationship.pair.id
  subnet_id = 1
  prefix    = "198.18.0.0/24"
}
locals {
  objects = {
    servers          = [kea_dhcp_server.a, kea_dhcp_server.b]
    ha_relationships = [kea_ha_relationship.pair]
    subnets          = [kea_subnet.lan]
  }
}
output "a" { value = provider::kea::config(kea_dhcp_server.a, local.objects).config }
output "b" { value = provider::kea::config(kea_dhcp_server.b, local.objects).config }
`
}

func peersRegexp(primary, standby string) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`"peers": \[\s+\{\s+"name": "%s",\s+"url": "http://[0-9.]+:8001/",\s+"role": "primary",(.|\n)*"name": "%s",\s+"url": "http://[0-9.]+:8001/",\s+"role": "standby"`, primary, standby))
}

// Both members' documents are known at plan; moving the primary role is
// an edit of the two roles, after which both documents name the new
// primary first and still carry the relationship's subnet.
func TestHA_PairAndPrimaryMigration(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: haPair(map[string]string{"a": "primary", "b": "standby"}),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("a", knownvalue.StringRegexp(regexp.MustCompile(`"this-server-name": "kea-a"`))),
					plancheck.ExpectKnownOutputValue("b", knownvalue.StringRegexp(regexp.MustCompile(`"this-server-name": "kea-b"`))),
					plancheck.ExpectKnownOutputValue("a", knownvalue.StringRegexp(peersRegexp("kea-a", "kea-b"))),
					plancheck.ExpectKnownOutputValue("b", knownvalue.StringRegexp(regexp.MustCompile(`"subnet": "198.18.0.0/24"`))),
				}},
			},
			{
				Config: haPair(map[string]string{"a": "standby", "b": "primary"}),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("kea_dhcp_server.a", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("kea_subnet.lan", plancheck.ResourceActionNoop),
					plancheck.ExpectKnownOutputValue("a", knownvalue.StringRegexp(peersRegexp("kea-b", "kea-a"))),
					plancheck.ExpectKnownOutputValue("a", knownvalue.StringRegexp(regexp.MustCompile(`"subnet": "198.18.0.0/24"`))),
				}},
			},
			{
				Config:           haPair(map[string]string{"a": "standby", "b": "primary"}),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// The relationship's basic-auth password comes from secrets: documents that
// carry it are sensitive, while a password file keeps them visible.
func TestHA_BasicAuthSecretIsSensitive(t *testing.T) {
	cfg := func(auth, secrets, sensitive string) string {
		return fmt.Sprintf(`
variable "ha_password" {
  type      = string
  sensitive = true
  default   = "a-long-ha-password"
}
resource "kea_ha_relationship" "p" {
  name            = "p"
  mode            = "hot-standby"
  basic_auth_user = "ha"
  %s
}
locals {
  a = { name = "a", ha = { relationship = "p", role = "primary", address = "198.18.0.1", port = 8001 } }
  b = { name = "b", ha = { relationship = "p", role = "standby", address = "198.18.0.2", port = 8001 } }
}
output "doc" {
  value     = provider::kea::config(local.a, { servers = [local.b], ha_relationships = [kea_ha_relationship.p], secrets = %s }).config
  sensitive = %s
}
`, auth, secrets, sensitive)
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      cfg(`basic_auth_password_secret = "ha"`, `{ ha = var.ha_password }`, "false"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Output refers to sensitive values`),
			},
			{
				Config: cfg(`basic_auth_password_file = "/etc/kea/ha.pw"`, `{}`, "false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("doc", knownvalue.StringRegexp(regexp.MustCompile(`"basic-auth-user": "ha",\s+"basic-auth-password-file": "/etc/kea/ha.pw"`))),
				}},
			},
		},
	})
}
