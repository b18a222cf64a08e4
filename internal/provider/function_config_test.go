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

const smallEstate = `
resource "kea_dhcp_server" "office" {
  name = "office"
}

resource "kea_subnet" "lan" {
  server    = kea_dhcp_server.office.id
  subnet_id = 10
  prefix    = "192.0.2.0/24"
  option_data = [kea_option_data.routers.id]
}

resource "kea_pool" "lan" {
  subnet = kea_subnet.lan.id
  range  = "192.0.2.100 - 192.0.2.199"
}

resource "kea_option_data" "routers" {
  name   = "lan-routers"
  option = "routers"
  values = ["192.0.2.1"]
}

locals {
  objects = {
    subnets     = [kea_subnet.lan]
    pools       = [kea_pool.lan]
    option_data = [kea_option_data.routers]
  }
}
`

const smallEstateDoc = `{
  "Dhcp4": {
    "interfaces-config": {
      "interfaces": [
        "*"
      ]
    },
    "valid-lifetime": 3600,
    "max-valid-lifetime": 7200,
    "reservations-global": false,
    "reservations-in-subnet": true,
    "reservations-out-of-pool": true,
    "subnet4": [
      {
        "id": 10,
        "subnet": "192.0.2.0/24",
        "option-data": [
          {
            "name": "routers",
            "code": 3,
            "space": "dhcp4",
            "data": "192.0.2.1"
          }
        ],
        "pools": [
          {
            "pool": "192.0.2.100 - 192.0.2.199"
          }
        ]
      }
    ]
  }
}
`

// The function renders during plan: on a brand-new estate its output is
// known before anything is applied, and it equals the data source's.
func TestConfigFunction_KnownAtPlan(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: smallEstate + `
output "config" {
  value = provider::kea::config(kea_dhcp_server.office, local.objects).config
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownOutputValue("config", knownvalue.StringExact(smallEstateDoc)),
					},
				},
			},
			{
				Config: smallEstate + `
data "kea_config" "office" {
  server      = kea_dhcp_server.office
  subnets     = local.objects.subnets
  pools       = local.objects.pools
  option_data = local.objects.option_data
}
locals {
  fn = provider::kea::config(kea_dhcp_server.office, local.objects)
}
output "same_config" {
  value = data.kea_config.office.config == local.fn.config
}
output "same_sha" {
  value = data.kea_config.office.sha256 == local.fn.sha256
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckOutput("same_config", "true"),
					resource.TestCheckOutput("same_sha", "true"),
				),
			},
			{
				// Nothing changes: the second plan is empty.
				Config: smallEstate + `
output "config" {
  value = provider::kea::config(kea_dhcp_server.office, local.objects).config
}
`,
				PlanOnly: false,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Editing a resource defers the data source to apply (its output is
// unknown in the plan), while the function's output stays known: this is
// why the docs point reviewers to the function.
func TestConfig_DataSourceDeferredFunctionKnown(t *testing.T) {
	cfg := func(lifetime int) string {
		return fmt.Sprintf(`
resource "kea_dhcp_server" "s" {
  name = "s1"
}
resource "kea_subnet" "n" {
  server         = kea_dhcp_server.s.id
  subnet_id      = 1
  prefix         = "192.0.2.0/24"
  valid_lifetime = %d
}
data "kea_config" "s" {
  server  = kea_dhcp_server.s
  subnets = [kea_subnet.n]
}
output "from_data_source" {
  value = data.kea_config.s.config
}
output "from_function" {
  value = provider::kea::config(kea_dhcp_server.s, { subnets = [kea_subnet.n] }).config
}
`, lifetime)
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg(3600)},
			{
				Config: cfg(1800),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectUnknownOutputValue("from_data_source"),
						plancheck.ExpectKnownOutputValue("from_function", knownvalue.StringRegexp(regexp.MustCompile(`"valid-lifetime": 1800`))),
					},
				},
			},
		},
	})
}

// The function returns the render warnings (the data source raises them):
// a global reservation's address that is not rendered is reported, and a
// check block turns the list into a plan warning.
func TestConfigFunction_Warnings(t *testing.T) {
	config := `
locals {
  doc = provider::kea::config({ name = "s1", reservations_global = true }, {
    subnets      = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
    reservations = [{ subnet = "s1/1", hw_address = "aa:bb:cc:dd:ee:01", ip_address = "192.0.2.9" }]
  })
  clean = provider::kea::config({ name = "s1" }, {})
}
check "kea_warnings" {
  assert {
    condition     = length(local.doc.warnings) == 0
    error_message = join("\n", local.doc.warnings)
  }
}
output "warnings" {
  value = local.doc.warnings
}
output "clean" {
  value = local.clean.warnings
}
`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownOutputValue("warnings", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(`kea_reservation "s1/1/hw-address=aa:bb:cc:dd:ee:01" ip_address: not rendered: reservations are global for subnet s1/1, and a global reservation carries no address (the client gets a dynamic address from the subnet)`),
				})),
				plancheck.ExpectKnownOutputValue("clean", knownvalue.ListSizeExact(0)),
			}},
		}},
	})
}
