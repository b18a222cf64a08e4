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

const relayEstate = `
resource "kea_ha_relationship" "pair" {
  name = "pair"
  mode = "hot-standby"
}
resource "kea_dhcp_server" "a" {
  name    = "kea-a"
  address = "192.0.2.10"
  ha      = { relationship = kea_ha_relationship.pair.id, role = "primary", address = "198.18.0.1", port = 8001 }
}
resource "kea_dhcp_server" "b" {
  name    = "kea-b"
  address = "192.0.2.11"
  ha      = { relationship = kea_ha_relationship.pair.id, role = "standby", address = "198.18.0.2", port = 8001 }
}
resource "kea_subnet" "users" {
  server    = kea_ha_relationship.pair.id
  subnet_id = 10
  prefix    = "10.10.0.0/24"
  vrf       = "CORP"
}
locals {
  objects = {
    servers          = [kea_dhcp_server.a, kea_dhcp_server.b]
    ha_relationships = [kea_ha_relationship.pair]
    subnets          = [kea_subnet.users]
  }
}
`

// Relay targets of a subnet served by an HA pair are both members'
// addresses; the function knows them at plan, and the data source agrees.
func TestRelayTargets_HAPair(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: relayEstate + `
output "relay" {
  value = provider::kea::relay_targets("10.10.0.0/24", merge(local.objects, { vrf = "CORP", interface = "Vlan10" }))
}
# The one list gives the same answer, to the function and the data source.
output "one_list" {
  value = provider::kea::relay_targets("10.10.0.0/24", {
    objects = [kea_dhcp_server.a, kea_dhcp_server.b, kea_ha_relationship.pair, kea_subnet.users], vrf = "CORP", interface = "Vlan10"
  }) == provider::kea::relay_targets("10.10.0.0/24", merge(local.objects, { vrf = "CORP", interface = "Vlan10" }))
}
data "kea_relay_targets" "one_list" {
  prefix  = "10.10.0.0/24"
  vrf     = "CORP"
  objects = [kea_dhcp_server.a, kea_dhcp_server.b, kea_ha_relationship.pair, kea_subnet.users]
}
output "one_list_data" {
  value = data.kea_relay_targets.one_list.targets
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValueAtPath("relay", tfjsonpath.New("targets"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("192.0.2.10"), knownvalue.StringExact("192.0.2.11"),
					})),
					plancheck.ExpectKnownOutputValueAtPath("relay", tfjsonpath.New("cisco_ios"),
						knownvalue.StringExact("interface Vlan10\n ip helper-address vrf CORP 192.0.2.10\n ip helper-address vrf CORP 192.0.2.11\n")),
					plancheck.ExpectKnownOutputValue("one_list", knownvalue.Bool(true)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("one_list_data", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("192.0.2.10"), knownvalue.StringExact("192.0.2.11"),
					})),
				},
			},
			{
				Config: relayEstate + `
data "kea_relay_targets" "users" {
  prefix           = "10.10.0.0/24"
  vrf              = "CORP"
  interface        = "Vlan10"
  servers          = local.objects.servers
  ha_relationships = local.objects.ha_relationships
  subnets          = local.objects.subnets
}
locals {
  fn = provider::kea::relay_targets("10.10.0.0/24", merge(local.objects, { vrf = "CORP", interface = "Vlan10" }))
}
output "same" {
  value = data.kea_relay_targets.users.junos == local.fn.junos && data.kea_relay_targets.users.arista_eos == local.fn.arista_eos && data.kea_relay_targets.users.targets == local.fn.targets
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.kea_relay_targets.users", tfjsonpath.New("target_servers"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("kea-a"), knownvalue.StringExact("kea-b"),
					})),
					statecheck.ExpectKnownOutputValue("same", knownvalue.Bool(true)),
				},
			},
			{
				Config: relayEstate + `
output "relay" {
  value = provider::kea::relay_targets("10.10.0.0/24", local.objects)
}
`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`no subnet passed in has the prefix 10.10.0.0/24 in[\s│]+the global VRF`),
			},
		},
	})
}
