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

const storkEstate = `
resource "kea_stork_server" "s" {
  name          = "stork"
  endpoint      = "2001:db8::10"
  rest_port     = 8443
  base_url      = "/stork/"
  database_host = "127.0.0.1"
  tls_certificate = "/etc/stork/cert.pem"
  tls_private_key = "/etc/stork/key.pem"
}
resource "kea_stork_agent_group" "g" {
  name         = "site"
  stork_server = kea_stork_server.s.id
}
resource "kea_dhcp_server" "a" {
  name              = "dhcp-a"
  address           = "198.51.100.1"
  control_sockets   = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  stork_agent_group = kea_stork_agent_group.g.id
}
resource "kea_dhcp_server" "b" {
  name              = "dhcp-b"
  address           = "198.51.100.2"
  control_sockets   = [{ type = "unix", socket_name = "kea4-ctrl-socket" }]
  stork_agent_group = kea_stork_agent_group.g.id
}
output "agents" {
  value = provider::kea::config(kea_stork_agent_group.g, {
    servers       = [kea_dhcp_server.a, kea_dhcp_server.b]
    stork_servers = [kea_stork_server.s]
  })
}
data "kea_config" "agents" {
  stork_agent_group = kea_stork_agent_group.g
  servers           = [kea_dhcp_server.a, kea_dhcp_server.b]
  stork_servers     = [kea_stork_server.s]
}
`

// The server's URL is known at plan (https with TLS, IPv6 in brackets,
// the base URL without its trailing slash), and an agent group renders
// one agent.env per member, keyed by server name, with config null: in
// the function's result and the data source alike; a second plan is
// empty.
func TestStork_URLAndAgentConfigs(t *testing.T) {
	url := "https://[2001:db8::10]:8443/stork"
	member := func(host string) knownvalue.Check {
		return knownvalue.StringRegexp(regexp.MustCompile(`(?s)STORK_AGENT_HOST=` + regexp.QuoteMeta(host) + `\n.*STORK_AGENT_SERVER_URL=` + regexp.QuoteMeta(url) + `\n`))
	}
	configs := knownvalue.MapExact(map[string]knownvalue.Check{"dhcp-a": member("198.51.100.1"), "dhcp-b": member("198.51.100.2")})
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: storkEstate,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("kea_stork_server.s", tfjsonpath.New("url"), knownvalue.StringExact(url)),
				plancheck.ExpectKnownOutputValueAtPath("agents", tfjsonpath.New("configs"), configs),
				plancheck.ExpectKnownOutputValueAtPath("agents", tfjsonpath.New("config"), knownvalue.Null()),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.kea_config.agents", tfjsonpath.New("configs"), configs),
				statecheck.ExpectKnownValue("data.kea_config.agents", tfjsonpath.New("config"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.kea_config.agents", tfjsonpath.New("sha256"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{64}$`))),
			},
		}},
	})
}
