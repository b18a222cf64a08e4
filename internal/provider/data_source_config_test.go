package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Rows of a CSV file are plain objects whose values are all strings: the
// renderer converts numbers and booleans and treats empty cells as unset,
// and the document equals the one rendered from resources.
func TestConfig_CSVRowsEqualResources(t *testing.T) {
	dir := t.TempDir()
	csv := "subnet,hw_address,ip_address,hostname\n" +
		"s1/10,aa:bb:cc:00:00:01,192.0.2.11,printer-1\n" +
		"s1/10,aa:bb:cc:00:00:02,192.0.2.12,\n"
	if err := os.WriteFile(filepath.Join(dir, "hosts.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	subnets := "subnet_id,server,prefix,reservations_out_of_pool\n10,s1,192.0.2.0/24,false\n"
	if err := os.WriteFile(filepath.Join(dir, "subnets.csv"), []byte(subnets), 0o644); err != nil {
		t.Fatal(err)
	}
	config := `
resource "kea_dhcp_server" "s" {
  name = "s1"
}
resource "kea_subnet" "n" {
  server                   = kea_dhcp_server.s.id
  subnet_id                = 10
  prefix                   = "192.0.2.0/24"
  reservations_out_of_pool = false
}
resource "kea_reservation" "p1" {
  subnet     = kea_subnet.n.id
  hw_address = "aa:bb:cc:00:00:01"
  ip_address = "192.0.2.11"
  hostname   = "printer-1"
}
resource "kea_reservation" "p2" {
  subnet     = kea_subnet.n.id
  hw_address = "aa:bb:cc:00:00:02"
  ip_address = "192.0.2.12"
}
locals {
  from_resources = provider::kea::config(kea_dhcp_server.s, {
    subnets      = [kea_subnet.n]
    reservations = [kea_reservation.p1, kea_reservation.p2]
  })
  from_csv = provider::kea::config({ name = "s1" }, {
    subnets      = csvdecode(file("` + filepath.ToSlash(dir) + `/subnets.csv"))
    reservations = csvdecode(file("` + filepath.ToSlash(dir) + `/hosts.csv"))
  })
}
output "same" {
  value = local.from_resources.config == local.from_csv.config
}
output "csv" {
  value = local.from_csv.config
}
`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownOutputValue("same", knownvalue.Bool(true)),
					plancheck.ExpectKnownOutputValue("csv", knownvalue.StringRegexp(regexp.MustCompile(`"hw-address": "aa:bb:cc:00:00:02",\s+"ip-address": "192.0.2.12"\s+}`))),
				},
			},
		}},
	})
}

// The provider block's defaults and directories reach the rendered document
// through the server's state, identically for the data source and the
// function (which has no access to provider configuration).
func TestConfig_ProviderDefaults(t *testing.T) {
	config := `
provider "kea" {
  defaults = {
    valid_lifetime      = 600
    max_valid_lifetime  = 1200
    reservations_global = true
  }
  control_socket_dir = "/srv/kea"
}
resource "kea_dhcp_server" "s" {
  name            = "s1"
  control_sockets = [{ type = "unix", socket_name = "ctrl" }]
}
data "kea_config" "s" {
  server = kea_dhcp_server.s
}
output "fn" {
  value = provider::kea::config(kea_dhcp_server.s, null).config
}
output "same" {
  value = data.kea_config.s.config == provider::kea::config(kea_dhcp_server.s, null).config
}
`
	eachServer(t, func(t *testing.T, factories map[string]func() (tfprotov6.ProviderServer, error)) {
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
			ProtoV6ProviderFactories: factories,
			Steps: []resource.TestStep{{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue("kea_dhcp_server.s", tfjsonpath.New("valid_lifetime"), knownvalue.Int64Exact(600)),
						plancheck.ExpectKnownValue("kea_dhcp_server.s", tfjsonpath.New("directories").AtMapKey("control_socket"), knownvalue.StringExact("/srv/kea")),
						plancheck.ExpectKnownOutputValue("fn", knownvalue.StringRegexp(regexp.MustCompile(`"socket-name": "/srv/kea/ctrl"(.|\n)*"valid-lifetime": 600,\s+"max-valid-lifetime": 1200,\s+"reservations-global": true`))),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.kea_config.s", tfjsonpath.New("config"), knownvalue.StringRegexp(regexp.MustCompile(`"valid-lifetime": 600,`))),
				},
				Check: resource.TestCheckOutput("same", "true"),
			}},
		})
	})
}

// Inputs that are not known yet make the result unknown, not an error.
func TestConfig_UnknownInputs(t *testing.T) {
	config := `
resource "terraform_data" "later" {
  input = "192.0.2.0/24"
}
output "fn" {
  value = provider::kea::config({ name = "s1" }, {
    subnets = [{ server = "s1", subnet_id = 1, prefix = terraform_data.later.output }]
  }).config
}
data "kea_config" "s" {
  server  = { name = "s1" }
  subnets = [{ server = "s1", subnet_id = 1, prefix = terraform_data.later.output }]
}
`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("fn")},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.kea_config.s", tfjsonpath.New("config"), knownvalue.StringRegexp(regexp.MustCompile(`"subnet": "192.0.2.0/24"`))),
			},
		}},
	})
}

// A reservation whose subnet takes global reservations loses its address;
// the data source says so with a warning, and the plan still succeeds.
func TestConfig_GlobalReservationWarning(t *testing.T) {
	config := `
data "kea_config" "s" {
  server       = { name = "s1", reservations_global = true, reservations_in_subnet = false }
  subnets      = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
  reservations = [{ subnet = "s1/1", hw_address = "aa:bb:cc:dd:ee:01", ip_address = "192.0.2.9", hostname = "h1" }]
}
`
	eachServer(t, func(t *testing.T, factories map[string]func() (tfprotov6.ProviderServer, error)) {
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: factories,
			Steps: []resource.TestStep{{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.kea_config.s", tfjsonpath.New("config"),
						knownvalue.StringRegexp(regexp.MustCompile(`"reservations": \[\s+\{\s+"hw-address": "aa:bb:cc:dd:ee:01",\s+"hostname": "h1"\s+}\s+]\s+}\s+}\s*$`))),
				},
			}},
		})
	})
}

// Paths are checked against the provider's directories, which Terraform
// only knows once it has configured the provider: a socket in a custom
// socket directory is accepted, one elsewhere is an error at plan.
func TestServer_PathsUseProviderDirectories(t *testing.T) {
	cfg := func(sock string) string {
		return `
provider "kea" {
  control_socket_dir = "/srv/kea"
}
resource "kea_dhcp_server" "s" {
  name            = "s1"
  control_sockets = [{ type = "unix", socket_name = "` + sock + `" }]
}
`
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg("/srv/kea/ctrl")},
			{Config: cfg("/run/kea/ctrl"), PlanOnly: true, ExpectError: wrapped(`control_sockets[0].socket_name: "/run/kea/ctrl" is not in /srv/kea`)},
		},
	})
}

// The data source points its errors at the offending element: Terraform
// quotes that element's line.
func TestConfig_DataSourceErrorPointsAtElement(t *testing.T) {
	eachServer(t, func(t *testing.T, factories map[string]func() (tfprotov6.ProviderServer, error)) {
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: factories,
			Steps: []resource.TestStep{{
				Config: `
	data "kea_config" "x" {
	  server = { name = "s1" }
	  subnets = [
	    { server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" },
	    { server = "s1", subnet_id = 1, prefix = "198.51.100.0/24" },
	  ]
	}
	`,
				ExpectError: regexp.MustCompile(`\d+:\s+\{ server = "s1", subnet_id = 1, prefix = "198\.51\.100\.0/24" \},\s+kea_subnet "s1/1" subnet_id`),
			}},
		})
	})
}

// eachServer runs a test against the provider's server and against the
// framework's alone: kea_config reads the same either way (the server
// reads Terraform's msgpack itself; the framework's Read encodes it and
// takes the same path).
func eachServer(t *testing.T, run func(t *testing.T, factories map[string]func() (tfprotov6.ProviderServer, error))) {
	t.Run("server", func(t *testing.T) { run(t, protoV6ProviderFactories()) })
	t.Run("framework", func(t *testing.T) {
		run(t, map[string]func() (tfprotov6.ProviderServer, error){"kea": providerserver.NewProtocol6WithError(New("test")())})
	})
}
