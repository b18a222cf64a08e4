package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

type importCase struct {
	resource string   // address
	config   string   // HCL creating it (and what it needs)
	id       string   // documented import id
	fill     []string // attributes the documented id does not carry
	json     string   // the same object as JSON: restores every attribute
}

var importCases = []importCase{
	{
		resource: "kea_dhcp_server.s",
		config: `resource "kea_dhcp_server" "s" {
  name            = "s1"
  interfaces      = ["eth1"]
  valid_lifetime  = 4000
  t1_percent      = 0.5
  control_sockets = [{ type = "unix", socket_name = "k" }]
}`,
		id:   "s1",
		fill: []string{"interfaces", "valid_lifetime", "t1_percent", "control_sockets"},
		json: `{"name":"s1","interfaces":["eth1"],"valid_lifetime":4000,"t1_percent":0.5,"control_sockets":[{"type":"unix","socket_name":"k"}]}`,
	},
	{
		resource: "kea_subnet.n",
		config: `resource "kea_subnet" "n" {
  server          = "s1"
  subnet_id       = 7
  prefix          = "192.0.2.0/24"
  relay_addresses = ["192.0.2.1"]
}`,
		id:   "s1/7",
		fill: []string{"prefix", "relay_addresses"},
		json: `{"server":"s1","subnet_id":7,"prefix":"192.0.2.0/24","relay_addresses":["192.0.2.1"]}`,
	},
	{
		resource: "kea_pool.p",
		config: `resource "kea_pool" "p" {
  subnet      = "s1/7"
  start       = "192.0.2.100"
  end         = "192.0.2.199"
  option_data = ["dns"]
}`,
		id:   "s1/7/192.0.2.100-192.0.2.199",
		fill: []string{"option_data"},
		json: `{"subnet":"s1/7","start":"192.0.2.100","end":"192.0.2.199","option_data":["dns"]}`,
	},
	{
		resource: "kea_reservation.r",
		config: `resource "kea_reservation" "r" {
  subnet     = "s1/7"
  hw_address = "aa:bb:cc:dd:ee:ff"
  ip_address = "192.0.2.10"
  hostname   = "printer"
}`,
		id:   "s1/7/hw-address=aa:bb:cc:dd:ee:ff",
		fill: []string{"ip_address", "hostname"},
		json: `{"subnet":"s1/7","hw_address":"aa:bb:cc:dd:ee:ff","ip_address":"192.0.2.10","hostname":"printer"}`,
	},
	{
		resource: "kea_option_definition.d",
		config: `resource "kea_option_definition" "d" {
  name         = "rack"
  code         = 225
  type         = "record"
  record_types = ["uint16", "ipv4-address"]
}`,
		id:   "dhcp4/225",
		fill: []string{"name", "type", "record_types"},
		json: `{"name":"rack","code":225,"type":"record","record_types":["uint16","ipv4-address"]}`,
	},
	{
		resource: "kea_option_data.o",
		config: `resource "kea_option_data" "o" {
  name        = "dns"
  option      = "domain-name-servers"
  values      = ["192.0.2.53"]
  always_send = true
}`,
		id:   "dns",
		fill: []string{"option", "values", "always_send"},
		json: `{"name":"dns","option":"domain-name-servers","values":["192.0.2.53"],"always_send":true}`,
	},
	{
		resource: "kea_client_class.c",
		config: `resource "kea_client_class" "c" {
  name           = "pxe"
  test           = "substring(option[60].hex,0,9) == 'PXEClient'"
  boot_file_name = "pxelinux.0"
}`,
		id:   "pxe",
		fill: []string{"test", "boot_file_name"},
		json: `{"name":"pxe","test":"substring(option[60].hex,0,9) == 'PXEClient'","boot_file_name":"pxelinux.0"}`,
	},
	{
		resource: "kea_ha_relationship.h",
		config: `resource "kea_ha_relationship" "h" {
  name            = "pair"
  mode            = "hot-standby"
  heartbeat_delay = 5000
  multi_threading = { http_dedicated_listener = true }
}`,
		id:   "pair",
		fill: []string{"mode", "heartbeat_delay", "multi_threading"},
		json: `{"name":"pair","mode":"hot-standby","heartbeat_delay":5000,"multi_threading":{"http_dedicated_listener":true}}`,
	},
	{
		resource: "kea_vendor_option_space.v",
		config: `resource "kea_vendor_option_space" "v" {
  name          = "cisco"
  enterprise_id = 9
}`,
		id:   "cisco",
		fill: []string{"enterprise_id"},
		json: `{"name":"cisco","enterprise_id":9}`,
	},
	{
		resource: "kea_option_definition.vd",
		config: `resource "kea_option_definition" "vd" {
  name         = "tftp-servers"
  code         = 150
  type         = "ipv4-address"
  array        = true
  vendor_space = "cisco"
}`,
		id:   "vendor:cisco/150",
		fill: []string{"name", "type", "array"},
		json: `{"name":"tftp-servers","code":150,"type":"ipv4-address","array":true,"vendor_space":"cisco"}`,
	},
	{
		resource: "kea_shared_network.n",
		config: `resource "kea_shared_network" "n" {
  server          = "s1"
  name            = "building a"
  interface       = "eth1"
  relay_addresses = ["192.0.2.1"]
}`,
		id:   "s1/building a",
		fill: []string{"interface", "relay_addresses"},
		json: `{"server":"s1","name":"building a","interface":"eth1","relay_addresses":["192.0.2.1"]}`,
	},
	{
		resource: "kea_tsig_key.k",
		config: ddnsOn + `resource "kea_tsig_key" "k" {
  name        = "ddns-key."
  algorithm   = "HMAC-SHA512"
  digest_bits = 256
  secret_file = "/etc/kea/secrets/ddns.tsig"
}`,
		id:   "ddns-key.",
		fill: []string{"algorithm", "digest_bits", "secret_file"},
		json: `{"name":"ddns-key.","algorithm":"HMAC-SHA512","digest_bits":256,"secret_file":"/etc/kea/secrets/ddns.tsig"}`,
	},
	{
		resource: "kea_d2_daemon.d",
		config: ddnsOn + `resource "kea_d2_daemon" "d" {
  name               = "d2"
  dns_server_timeout = 1000
  tsig_key           = "ddns-key."
}`,
		id:   "d2",
		fill: []string{"dns_server_timeout", "tsig_key"},
		json: `{"name":"d2","dns_server_timeout":1000,"tsig_key":"ddns-key."}`,
	},
	{
		resource: "kea_ddns_domain.z",
		config: ddnsOn + `resource "kea_ddns_domain" "z" {
  d2_daemon   = "d2"
  zone        = "2.0.192.in-addr.arpa."
  dns_servers = [{ address = "192.0.2.53", port = 5353 }]
}`,
		id:   "d2/2.0.192.in-addr.arpa.",
		fill: []string{"dns_servers"},
		json: `{"d2_daemon":"d2","zone":"2.0.192.in-addr.arpa.","dns_servers":[{"address":"192.0.2.53","port":5353}]}`,
	},
	{
		resource: "kea_ddns_policy.p",
		config: ddnsOn + `resource "kea_ddns_policy" "p" {
  name              = "office"
  qualifying_suffix = "office.example."
  ttl_percent       = 0.5
}`,
		id:   "office",
		fill: []string{"qualifying_suffix", "ttl_percent"},
		json: `{"name":"office","qualifying_suffix":"office.example.","ttl_percent":0.5}`,
	},
	{
		resource: "kea_stork_server.s",
		config: `resource "kea_stork_server" "s" {
  name          = "stork"
  endpoint      = "stork.example"
  rest_port     = 8443
  database_host = "127.0.0.1"
}`,
		id:   "stork",
		fill: []string{"endpoint", "rest_port", "database_host", "url"},
		json: `{"name":"stork","endpoint":"stork.example","rest_port":8443,"database_host":"127.0.0.1"}`,
	},
	{
		resource: "kea_stork_agent_group.g",
		config: `resource "kea_stork_agent_group" "g" {
  name         = "site"
  stork_server = "stork"
  agent_port   = 8081
}`,
		id:   "site",
		fill: []string{"stork_server", "agent_port"},
		json: `{"name":"site","stork_server":"stork","agent_port":8081}`,
	},
	{
		resource: "kea_pd_pool.pd",
		config: `resource "kea_pd_pool" "pd" {
  subnet           = "s6/1"
  prefix           = "2001:db8:8000::/48"
  delegated_length = 56
  excluded_prefix  = "2001:db8:8000::/64"
}`,
		id:   "s6/1/2001:db8:8000::/48",
		fill: []string{"delegated_length", "excluded_prefix"},
		json: `{"subnet":"s6/1","prefix":"2001:db8:8000::/48","delegated_length":56,"excluded_prefix":"2001:db8:8000::/64"}`,
	},
}

// Every resource imports by its documented id (identity attributes; the
// rest comes from configuration on the next apply) and by a JSON object of
// its attributes, after which the plan is empty.
func TestImport_RoundTrip(t *testing.T) {
	for _, c := range importCases {
		t.Run(c.resource, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps: []resource.TestStep{
					{Config: c.config},
					{
						Config:                  c.config,
						ResourceName:            c.resource,
						ImportState:             true,
						ImportStateId:           c.id,
						ImportStateVerify:       true,
						ImportStateVerifyIgnore: c.fill,
					},
					{
						Config:            c.config,
						ResourceName:      c.resource,
						ImportState:       true,
						ImportStateId:     c.json,
						ImportStateVerify: true,
					},
				},
			})
			// Importing into an empty state and planning the same
			// configuration: nothing to change.
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps: []resource.TestStep{
					{
						Config:             c.config,
						ResourceName:       c.resource,
						ImportState:        true,
						ImportStateId:      c.json,
						ImportStatePersist: true,
					},
					{
						Config: c.config,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
					},
				},
			})
		})
	}
}

// An import {} block with the documented id plans an import plus an
// in-place update that fills the attributes the id does not carry; it
// never replaces the object.
func TestImport_BlockWithDocumentedID(t *testing.T) {
	c := importCases[1]
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: c.config + `
import {
  to = kea_subnet.n
  id = "s1/7"
}`,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.resource, plancheck.ResourceActionUpdate)},
				},
			},
			{
				Config: c.config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Importing any resource by its documented id and planning is an update
// in place at most (never a replacement, never an error), and after apply
// the next plan is empty. A pool written with range is imported by the
// first-last id (which names start and end) without replacement, and a
// subnet and pool imported together render through the function meanwhile.
func TestImport_DocumentedIDNeverReplaces(t *testing.T) {
	cases := append(slices.Clone(importCases), importCase{
		resource: "kea_pool.p",
		config: `resource "kea_pool" "p" {
  subnet = "s1/7"
  range  = "192.0.2.100 - 192.0.2.199"
}`,
		id: "s1/7/192.0.2.100-192.0.2.199",
	})
	for _, c := range cases {
		t.Run(c.resource+" "+c.id, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories(),
				Steps: []resource.TestStep{
					{Config: c.config, ResourceName: c.resource, ImportState: true, ImportStateId: c.id, ImportStatePersist: true},
					{
						Config: c.config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(c.resource, plancheck.ResourceActionUpdate),
						}},
					},
					{Config: c.config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				},
			})
		})
	}
	// import {} blocks for a subnet and its pool (written with range), with
	// the document rendered from them: imports and updates, nothing added
	// or destroyed.
	estate := `
resource "kea_subnet" "n" {
  server    = "s1"
  subnet_id = 7
  prefix    = "192.0.2.0/24"
}
resource "kea_pool" "p" {
  subnet = kea_subnet.n.id
  range  = "192.0.2.100 - 192.0.2.199"
}
output "doc" {
  value = provider::kea::config({ name = "s1" }, { subnets = [kea_subnet.n], pools = [kea_pool.p] }).config
}
`
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: estate + `
import {
  to = kea_subnet.n
  id = "s1/7"
}
import {
  to = kea_pool.p
  id = "s1/7/192.0.2.100-192.0.2.199"
}`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("kea_subnet.n", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("kea_pool.p", plancheck.ResourceActionUpdate),
				}},
			},
			{Config: estate, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		},
	})
}

var importLine = regexp.MustCompile(`^terraform import (kea_[a-z0-9_]+)\.[a-z0-9_]+ (.+)$`)

// TestImport_DocumentedForms holds every resource page's import commands
// (examples/resources/*/import.sh) to the provider: the id form parses into
// the resource's identity, and the JSON form decodes into an object that
// passes the resource's own checks.
func TestImport_DocumentedForms(t *testing.T) {
	files, _ := filepath.Glob("../../examples/resources/*/import.sh")
	if len(files) != len(objectKinds) {
		t.Fatalf("%d import.sh files for %d resources", len(files), len(objectKinds))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		forms := map[bool]bool{} // JSON form, id form
		for _, line := range strings.Split(string(raw), "\n") {
			m := importLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			var ok *objectKind
			for _, k := range objectKinds {
				if k.kind.Name == m[1] {
					ok = k
				}
			}
			if ok == nil {
				t.Errorf("%s: %s is not a resource", f, m[1])
				continue
			}
			id := strings.TrimSuffix(strings.TrimPrefix(m[2], "'"), "'")
			isJSON := strings.HasPrefix(id, "{")
			forms[isJSON] = true
			if !isJSON {
				attrs, err := ok.importAttrs(id)
				if err != nil || len(attrs) == 0 {
					t.Errorf("%s: id %q: %v (attributes %v)", f, id, err, attrs)
				}
				continue
			}
			v, err := jsonToValue(id)
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			var d decoder
			obj := d.object(v, ok.attrs, "")
			if len(d.errs) > 0 {
				t.Errorf("%s: %v", f, d.errs)
				continue
			}
			if _, diags := ok.check(obj); diags.HasErrors() {
				t.Errorf("%s: the JSON form does not pass %s's checks: %v", f, ok.kind.Name, diags.Errors())
			}
		}
		if !forms[true] || !forms[false] {
			t.Errorf("%s documents the id form: %v, the JSON form: %v; document both", f, forms[false], forms[true])
		}
	}
}
