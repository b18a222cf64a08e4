package provider

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

func tsigKeyConfig(provider, algorithm, extra string) string {
	return provider + fmt.Sprintf(`
resource "kea_tsig_key" "k" {
  name      = "ddns-key."
  algorithm = %q
  %s
}
`, algorithm, extra)
}

// secretOfLength checks that a state value is base64 of n bytes.
type secretOfLength int

func (n secretOfLength) CheckValue(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("secret is %T, want a string", v)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return fmt.Errorf("secret is not base64: %v", err)
	}
	if len(b) != int(n) {
		return fmt.Errorf("secret has %d bytes, want %d", len(b), int(n))
	}
	return nil
}

func (n secretOfLength) String() string { return fmt.Sprintf("base64 of %d bytes", int(n)) }

// Without a seed, a secret is drawn when the key is created: unknown in
// that plan, then kept in state across plans, drawn again only when the
// algorithm's hash length changes, and gone with secret_file or
// secret_name.
func TestTSIGKey_GeneratedSecret(t *testing.T) {
	t.Setenv(tsigSeedEnv, "") // no seed, whatever the environment holds
	same := statecheck.CompareValue(compare.ValuesSame())
	differ := statecheck.CompareValue(compare.ValuesDiffer())
	secret := tfjsonpath.New("secret")
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: tsigKeyConfig(ddnsOn, "HMAC-SHA256", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue("kea_tsig_key.k", secret),
					plancheck.ExpectSensitiveValue("kea_tsig_key.k", secret),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("kea_tsig_key.k", secret, secretOfLength(32)),
					same.AddStateValue("kea_tsig_key.k", secret),
					differ.AddStateValue("kea_tsig_key.k", secret),
				},
			},
			{
				// The same configuration: nothing to do, the same secret.
				Config:            tsigKeyConfig(ddnsOn, "HMAC-SHA256", ""),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{same.AddStateValue("kea_tsig_key.k", secret)},
			},
			{
				// HMAC-SHA224 has another hash length: a new secret.
				Config: tsigKeyConfig(ddnsOn, "HMAC-SHA224", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("kea_tsig_key.k", plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue("kea_tsig_key.k", secret),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("kea_tsig_key.k", secret, secretOfLength(28)),
					differ.AddStateValue("kea_tsig_key.k", secret),
				},
			},
			{
				Config: tsigKeyConfig(ddnsOn, "HMAC-SHA224", `secret_file = "/etc/kea/secrets/ddns.tsig"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("kea_tsig_key.k", secret, knownvalue.Null()),
				},
			},
			{
				// A secret named in the renderer's secrets: none in state.
				Config: tsigKeyConfig(ddnsOn, "HMAC-SHA224", `secret_name = "tsig-ddns-key."`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("kea_tsig_key.k", secret, knownvalue.Null()),
					statecheck.ExpectKnownValue("kea_tsig_key.k", tfjsonpath.New("secret_name"), knownvalue.StringExact("tsig-ddns-key.")),
				},
			},
		},
	})
}

const d2Estate = `
resource "kea_d2_daemon" "d2" {
  name = "d2"
}
resource "kea_ddns_domain" "fwd" {
  d2_daemon   = kea_d2_daemon.d2.id
  zone        = "example.org."
  tsig_key    = kea_tsig_key.k.name
  dns_servers = [{ address = "192.0.2.53" }]
}
output "d2" {
  value     = provider::kea::config(kea_d2_daemon.d2, { tsig_keys = [kea_tsig_key.k], ddns_domains = [kea_ddns_domain.fwd] }).config
  sensitive = true
}
`

// With the provider's tsig_secret_seed the secret is derived at plan, so
// kea-dhcp-ddns.conf holding it is known in the plan that creates the key;
// a later change of seed leaves the key's secret alone.
func TestTSIGKey_SeedKnownAtPlan(t *testing.T) {
	const seed = "a-seed-of-at-least-thirty-two-characters"
	want, known, err := kea.PlanTSIGSecret("ddns-key.", "HMAC-SHA512", "", seed)
	if err != nil || !known {
		t.Fatalf("PlanTSIGSecret: %v %v", known, err)
	}
	withSeed := func(s string) string {
		return fmt.Sprintf("provider \"kea\" {\n  enable_ddns      = true\n  tsig_secret_seed = %q\n}\n", s)
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      tsigKeyConfig(withSeed("short"), "HMAC-SHA512", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`tsig_secret_seed must be at least 32 characters`),
			},
			{
				Config: tsigKeyConfig(withSeed(seed), "HMAC-SHA512", "") + d2Estate,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue("kea_tsig_key.k", tfjsonpath.New("secret"), knownvalue.StringExact(want)),
					plancheck.ExpectKnownOutputValue("d2", knownvalue.StringRegexp(regexp.MustCompile(`"secret": "`+regexp.QuoteMeta(want)+`"`))),
				}},
			},
			{
				Config:           tsigKeyConfig(withSeed(seed+"-rotated"), "HMAC-SHA512", "") + d2Estate,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A D2 document whose keys use secret_file holds no secret: the data
// source's config stays readable. With an inline secret it is null and
// only sensitive_config holds the document.
func TestConfigDataSource_D2Daemon(t *testing.T) {
	ds := func(keyExtra string) string {
		return tsigKeyConfig(ddnsOn, "HMAC-SHA256", keyExtra) + `
resource "kea_d2_daemon" "d2" {
  name = "d2"
}
resource "kea_ddns_domain" "fwd" {
  d2_daemon   = kea_d2_daemon.d2.id
  zone        = "example.org."
  tsig_key    = kea_tsig_key.k.name
  dns_servers = [{ address = "192.0.2.53" }]
}
data "kea_config" "d2" {
  d2_daemon    = kea_d2_daemon.d2
  tsig_keys    = [kea_tsig_key.k]
  ddns_domains = [kea_ddns_domain.fwd]
}
`
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: ds(`secret_file = "/etc/kea/secrets/ddns.tsig"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.kea_config.d2", tfjsonpath.New("config"), knownvalue.StringRegexp(regexp.MustCompile(`(?s)"DhcpDdns".*"secret-file": "/etc/kea/secrets/ddns.tsig".*"name": "example.org."`))),
					statecheck.ExpectKnownValue("data.kea_config.d2", tfjsonpath.New("sha256"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{64}$`))),
				},
			},
			{
				Config: ds(""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.kea_config.d2", tfjsonpath.New("config"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.kea_config.d2", tfjsonpath.New("sha256"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.kea_config.d2", tfjsonpath.New("sensitive_config"), knownvalue.StringRegexp(regexp.MustCompile(`"secret": "`))),
				},
			},
			{
				Config: ds("") + `
data "kea_config" "both" {
  server    = { name = "s1" }
  d2_daemon = kea_d2_daemon.d2
}
`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`set one target: server or d2_daemon, not both`),
			},
		},
	})
}

// The seed may come from the environment instead of the provider block.
func TestTSIGKey_SeedFromEnvironment(t *testing.T) {
	const seed = "another-seed-of-at-least-thirty-two-characters"
	t.Setenv(tsigSeedEnv, seed)
	want, _, err := kea.PlanTSIGSecret("ddns-key.", "HMAC-SHA1", "", seed)
	if err != nil {
		t.Fatal(err)
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: tsigKeyConfig(ddnsOn, "HMAC-SHA1", ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("kea_tsig_key.k", tfjsonpath.New("secret"), knownvalue.StringExact(want)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("kea_tsig_key.k", tfjsonpath.New("secret"), secretOfLength(20)),
			},
		}},
	})
}
