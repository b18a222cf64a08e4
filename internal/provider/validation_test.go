package provider

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// wrapped matches words in order across Terraform's line wrapping.
func wrapped(words string) *regexp.Regexp {
	parts := strings.Fields(words)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(strings.Join(parts, `[\s│]+`))
}

// render wraps objects (HCL) in a config function call on a plain server.
func render(server, objects string) string {
	return fmt.Sprintf(`
output "doc" {
  value = provider::kea::config(%s, %s).config
}
`, server, objects)
}

const plainServer = `{ name = "s1" }`

// haRender renders server "a" of a two-member relationship "p" made of
// plain objects: rel holds the relationship's extra attributes, roleA and
// roleB the roles, extraA more attributes of server a (a leading ", "), and
// objects more entries of the objects argument.
func haRender(rel, roleA, roleB, extraA, objects string) string {
	a := fmt.Sprintf(`{ name = "a", ha = { relationship = "p", role = %q, address = "198.18.0.1", port = 8001 }%s }`, roleA, extraA)
	if strings.Contains(extraA, "ha = {") {
		a = fmt.Sprintf(`{ name = "a"%s }`, extraA)
	}
	b := fmt.Sprintf(`{ name = "b", ha = { relationship = "p", role = %q, address = "198.18.0.2", port = 8001 } }`, roleB)
	return render(a, fmt.Sprintf(`{
  ha_relationships = [{ name = "p", %s }]
  servers          = [%s, %s]
  %s
}`, rel, a, b, objects))
}

type badInput struct {
	name   string
	config string
	want   string // words of the expected message, in order
}

var badInputs = []badInput{
	// Single objects: the resource's own rules, reported on the attribute.
	{"subnet host bits", `resource "kea_subnet" "x" {
  server = "s1"
  subnet_id = 1
  prefix = "192.0.2.5/24"
}`, `kea_subnet "s1/1" prefix: "192.0.2.5/24" has host bits set; the network is 192.0.2.0/24`},
	{"subnet id zero", `resource "kea_subnet" "x" {
  server = "s1"
  subnet_id = 0
  prefix = "192.0.2.0/24"
}`, `Attribute subnet_id value must be between 1 and 4294967294, got: 0`},
	{"subnet id too large", `resource "kea_subnet" "x" {
  server = "s1"
  subnet_id = 4294967295
  prefix = "192.0.2.0/24"
}`, `Attribute subnet_id value must be between 1 and 4294967294, got: 4294967295`},
	{"timers out of order", `resource "kea_subnet" "x" {
  server = "s1"
  subnet_id = 1
  prefix = "192.0.2.0/24"
  renew_timer = 1800
  rebind_timer = 900
}`, `renew_timer: 1800 must be less than rebind_timer (900)`},
	{"t1 percent", `resource "kea_dhcp_server" "x" {
  name = "s1"
  t1_percent = 1.5
}`, `Attribute t1_percent value must be between 0.000000 and 1.000000`},
	{"unix socket outside socket dir", `resource "kea_dhcp_server" "x" {
  name = "s1"
  control_sockets = [{ type = "unix", socket_name = "/tmp/k.sock" }]
}`, `control_sockets[0].socket_name: "/tmp/k.sock" is not in /run/kea`},
	{"hook outside hooks dir", `resource "kea_dhcp_server" "x" {
  name = "s1"
  hooks_libraries = [{ library = "/usr/lib/kea/hooks/libdhcp_lease_cmds.so" }]
}`, `hooks_libraries[0].library: "/usr/lib/kea/hooks/libdhcp_lease_cmds.so" is not in /usr/lib/x86_64-linux-gnu/kea/hooks`},
	{"lease file outside lease dir", `resource "kea_dhcp_server" "x" {
  name = "s1"
  lease_database = { type = "memfile", name = "/tmp/leases.csv" }
}`, `lease_database.name: "/tmp/leases.csv" is not in /var/lib/kea`},
	{"two unix sockets", `resource "kea_dhcp_server" "x" {
  name = "s1"
  control_sockets = [{ type = "unix", socket_name = "a" }, { type = "unix", socket_name = "b" }]
}`, `control_sockets[1].type: Kea allows one unix control socket per server`},
	{"http socket host name", `resource "kea_dhcp_server" "x" {
  name = "s1"
  control_sockets = [{ type = "http", address = "localhost", port = 8000 }]
}`, `control_sockets[0].address: "localhost" is not an IP address`},
	{"user context not an object", `resource "kea_dhcp_server" "x" {
  name = "s1"
  user_context = jsonencode([1, 2])
}`, `user_context: must be a JSON object, got an array`},
	{"extra json not JSON", `resource "kea_subnet" "x" {
  server = "s1"
  subnet_id = 1
  prefix = "192.0.2.0/24"
  extra_json = "{not json"
}`, `extra_json: not valid JSON`},
	{"min above max lifetime", `resource "kea_dhcp_server" "x" {
  name = "s1"
  min_valid_lifetime = 7200
  max_valid_lifetime = 3600
  valid_lifetime = 3600
}`, `min_valid_lifetime: 7200 is greater than max_valid_lifetime (3600)`},
	{"not an address family", `resource "kea_dhcp_server" "x" {
  name = "s1"
  family = 7
}`, `Attribute family value must be one of: ["4" "6"], got: 7`},
	{"DHCPv4 setting on a DHCPv6 server", `resource "kea_dhcp_server" "x" {
  name = "s1"
  family = 6
  boot_file_name = "pxelinux.0"
}`, `boot_file_name: is a DHCPv4 setting; Kea's DHCPv6 server has no such key`},
	{"pool reversed", `resource "kea_pool" "x" {
  subnet = "s1/1"
  range = "192.0.2.200 - 192.0.2.100"
}`, `range: the range 192.0.2.200 - 192.0.2.100 is reversed`},
	{"pool range and start", `resource "kea_pool" "x" {
  subnet = "s1/1"
  range = "192.0.2.100 - 192.0.2.200"
  start = "192.0.2.100"
}`, `range: set range or start/end, not both`},
	{"reservation two identifiers", `resource "kea_reservation" "x" {
  subnet = "s1/1"
  hw_address = "aa:bb:cc:dd:ee:ff"
  client_id = "01:aa:bb:cc:dd:ee:ff"
}`, `client_id: a reservation has exactly one identifier; hw_address is already set`},
	{"reservation no identifier", `resource "kea_reservation" "x" {
  subnet = "s1/1"
  ip_address = "192.0.2.10"
}`, `hw_address: a reservation needs exactly one identifier`},
	{"reservation of 0.0.0.0", `resource "kea_reservation" "x" {
  subnet = "s1/1"
  hw_address = "aa:bb:cc:dd:ee:ff"
  ip_address = "0.0.0.0"
}`, `ip_address: 0.0.0.0 cannot be reserved`},
	{"reservation bad hostname", `resource "kea_reservation" "x" {
  subnet = "s1/1"
  hw_address = "aa:bb:cc:dd:ee:ff"
  hostname = "-printer"
}`, `hostname: "-printer" has a label starting or ending with a hyphen`},
	{"duid too short", `resource "kea_reservation" "x" {
  subnet = "s1/1"
  duid = "01:02"
}`, `duid: "01:02" is 2 bytes long; a duid is 3 to 130 bytes`},
	{"routers not an address", `resource "kea_option_data" "x" {
  name = "r"
  option = "routers"
  data = "abc"
}`, `data: option dhcp4.routers (code 3, ipv4-address array): "abc" is not an IPv4 address`},
	{"uint8 out of range", `resource "kea_option_data" "x" {
  name = "ttl"
  option = "default-ip-ttl"
  data = "300"
}`, `300 must be between 0 and 255 for uint8`},
	{"name and code disagree", `resource "kea_option_data" "x" {
  name = "r"
  option = "routers"
  code = 6
  data = "192.0.2.1"
}`, `code: option "routers" is code 3 in space dhcp4, not 6`},
	{"single value option with two", `resource "kea_option_data" "x" {
  name = "m"
  option = "subnet-mask"
  values = ["255.255.255.0", "255.255.0.0"]
}`, `values: option dhcp4.subnet-mask (code 1, ipv4-address) takes a single value, got 2`},
	{"hex data not hex", `resource "kea_option_data" "x" {
  name = "raw"
  option = "time-offset"
  csv_format = false
  data = "zz:01"
}`, `data: with csv_format = false the data is raw bytes in hex`},
	{"definition of a standard code", `resource "kea_option_definition" "x" {
  name = "my-routers"
  code = 3
  type = "ipv4-address"
}`, `code: 3 is the standard option "routers"; Kea does not allow redefining a standard option`},
	{"definition code 255", `resource "kea_option_definition" "x" {
  name = "end"
  code = 255
  type = "uint8"
}`, `code: 255 is out of range: DHCPv4 option codes are 1 to 254`},
	{"record without fields", `resource "kea_option_definition" "x" {
  name = "rec"
  code = 230
  type = "record"
}`, `record_types: a record has at least 2 fields, got 0`},
	{"class test and template", `resource "kea_client_class" "x" {
  name = "c"
  test = "member('ALL')"
  template_test = "substring(option[61].hex,0,3)"
}`, `template_test: set test or template_test, not both`},
	{"class test that is not an expression", `resource "kea_client_class" "x" {
  name = "c"
  test = "true"
}`, `kea_client_class "c" test: expression [true] error: 1.1: Invalid character: t`},
	{"class test cut short", `resource "kea_client_class" "x" {
  name = "c"
  test = "substring(option[60].hex,0,6) == "
}`, `error: 1.34: syntax error, unexpected end of file`},
	{"template test that is boolean", `resource "kea_client_class" "x" {
  name          = "c"
  template_test = "member('KNOWN')"
}`, `template_test: expression [member('KNOWN')] error: 1.1-6: syntax error, unexpected member`},
	{"class test with an undefined option name", render(`{ name = "s1", client_classes = ["c"] }`, `{
  client_classes = [{ name = "c", test = "option[phone-config-url].exists" }]
}`), `kea_client_class "c" test: expression [option[phone-config-url].exists] error: 1.8-23: option 'phone-config-url' is not defined`},
	{"built-in class with a test", `resource "kea_client_class" "x" {
  name = "KNOWN"
  test = "option[60].exists"
}`, `test: "KNOWN" is a Kea built-in class, which Kea assigns itself: it takes no test`},

	{"control socket default password", render(`{ name = "s1", control_sockets = [{ type = "http", port = 8000, authentication = { clients = [{ user = "admin", password_secret = "admin" }] } }] }`,
		`{ secrets = { admin = "keatest" } }`), `control_sockets[0].authentication.clients[0].password_secret: the secret "admin" is one of the default passwords Kea 3.0 refuses`},
	{"control socket secret not passed", render(`{ name = "s1", control_sockets = [{ type = "http", port = 8000, authentication = { clients = [{ user = "admin", password_secret = "admin" }] } }] }`,
		`{}`), `password_secret: names the secret "admin", which was not passed in secrets`},
	{"control socket user with colon", `resource "kea_dhcp_server" "x" {
  name = "s1"
  control_sockets = [{ type = "http", port = 8000, authentication = { clients = [{ user = "ad:min", password_file = "/etc/kea/pw" }] } }]
}`, `control_sockets[0].authentication.clients[0].user: "ad:min" must not contain ':'`},
	{"control socket partial TLS", `resource "kea_dhcp_server" "x" {
  name = "s1"
  control_sockets = [{ type = "http", port = 8000, cert_file = "/etc/kea/kea.pem" }]
}`, `control_sockets[0]: set trust_anchor, cert_file and key_file together`},
	{"https without TLS files", `resource "kea_dhcp_server" "x" {
  name = "s1"
  control_sockets = [{ type = "https", port = 8000 }]
}`, `control_sockets[0].type: https needs trust_anchor, cert_file and key_file`},
	{"password file absolute under a directory", `resource "kea_dhcp_server" "x" {
  name = "s1"
  control_sockets = [{ type = "http", port = 8000, authentication = { directory = "/etc/kea", clients = [{ user = "ops", password_file = "/etc/kea/ops.pw" }] } }]
}`, `password_file: "/etc/kea/ops.pw": with authentication.directory set, Kea reads the file relative to it`},

	{"HA delayed updates in hot-standby", `resource "kea_ha_relationship" "x" {
  name = "p"
  mode = "hot-standby"
  delayed_updates_limit = 10
}`, `kea_ha_relationship "p" delayed_updates_limit: must be 0 (or unset) in hot-standby mode`},
	{"HA heartbeat too long", `resource "kea_ha_relationship" "x" {
  name = "p"
  mode = "hot-standby"
  heartbeat_delay = 70000
}`, `Attribute heartbeat_delay value must be between 0 and 65535, got: 70000`},
	{"HA wait backup ack outside passive-backup", `resource "kea_ha_relationship" "x" {
  name = "p"
  mode = "load-balancing"
  wait_backup_ack = true
}`, `wait_backup_ack: applies only to passive-backup mode`},
	{"HA basic auth user with colon", `resource "kea_ha_relationship" "x" {
  name = "p"
  mode = "hot-standby"
  basic_auth_user = "a:b"
  basic_auth_password_file = "/etc/kea/ha.pw"
}`, `basic_auth_user: "a:b" must not contain ':'`},
	{"HA address is a host name", `resource "kea_dhcp_server" "x" {
  name = "s1"
  ha = { relationship = "p", role = "primary", address = "kea-a.example.com", port = 8001 }
}`, `ha.address: "kea-a.example.com" is not an IP address: Kea's HA peer URLs take addresses, not names`},
	{"HA hook listed by hand", `resource "kea_dhcp_server" "x" {
  name = "s1"
  hooks_libraries = [{ library = "libdhcp_ha.so" }]
  ha = { relationship = "p", role = "primary", address = "198.18.0.1", port = 8001 }
}`, `hooks_libraries[0].library: the HA relationship renders libdhcp_ha.so with its parameters; remove it here`},

	// Several objects: the renderer's cross-object rules, at plan through the function.
	{"duplicate subnet id", render(plainServer, `{ subnets = [
  { server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" },
  { server = "s1", subnet_id = 1, prefix = "198.51.100.0/24" },
] }`), `kea_subnet "s1/1" subnet_id: 1 (given to 198.51.100.0/24) is already used by the subnet 192.0.2.0/24 on server "s1"`},
	{"duplicate prefix", render(plainServer, `{ subnets = [
  { server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" },
  { server = "s1", subnet_id = 2, prefix = "192.0.2.0/24" },
] }`), `kea_subnet "s1/2" prefix: 192.0.2.0/24 is already subnet 1 on server "s1"`},
	{"pool outside subnet", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
  pools   = [{ subnet = "s1/1", range = "198.51.100.10 - 198.51.100.20" }]
}`), `kea_pool "s1/1/198.51.100.10-198.51.100.20" range: 198.51.100.10 - 198.51.100.20 is not inside subnet s1/1 (192.0.2.0/24)`},
	{"overlapping pools", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
  pools   = [{ subnet = "s1/1", range = "192.0.2.10 - 192.0.2.20" }, { subnet = "s1/1", range = "192.0.2.15 - 192.0.2.30" }]
}`), `range: 192.0.2.15 - 192.0.2.30 overlaps pool 192.0.2.10 - 192.0.2.20 in subnet s1/1`},
	{"reservation outside subnet", render(plainServer, `{
  subnets      = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
  reservations = [{ subnet = "s1/1", hw_address = "aa:bb:cc:dd:ee:01", ip_address = "198.51.100.5" }]
}`), `ip_address: 198.51.100.5 is not inside subnet s1/1 (192.0.2.0/24)`},
	{"address reserved twice", render(plainServer, `{
  subnets      = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
  reservations = [
    { subnet = "s1/1", hw_address = "aa:bb:cc:dd:ee:01", ip_address = "192.0.2.5" },
    { subnet = "s1/1", hw_address = "aa:bb:cc:dd:ee:02", ip_address = "192.0.2.5" },
  ]
}`), `ip_address: 192.0.2.5 is already reserved for s1/1/hw-address=aa:bb:cc:dd:ee:01 in subnet s1/1`},
	{"same client reserved twice", render(plainServer, `{
  subnets      = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
  reservations = [
    { subnet = "s1/1", hw_address = "aa:bb:cc:dd:ee:01", ip_address = "192.0.2.5" },
    { subnet = "s1/1", hw_address = "AA-BB-CC-DD-EE-01", ip_address = "192.0.2.6" },
  ]
}`), `hw_address: hw-address aa:bb:cc:dd:ee:01 has another reservation in subnet s1/1`},
	{"reserved address in a pool", render(plainServer, `{
  subnets      = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
  pools        = [{ subnet = "s1/1", range = "192.0.2.100 - 192.0.2.199" }]
  reservations = [{ subnet = "s1/1", hw_address = "aa:bb:cc:dd:ee:01", ip_address = "192.0.2.150" }]
}`), `ip_address: 192.0.2.150 is inside pool 192.0.2.100 - 192.0.2.199 of subnet s1/1, and reservations_out_of_pool is in effect`},
	{"pool of a subnet not passed", render(plainServer, `{
  pools = [{ subnet = "s1/9", range = "192.0.2.100 - 192.0.2.199" }]
}`), `kea_pool "s1/9/192.0.2.100-192.0.2.199" subnet: refers to subnet "s1/9", which was not passed in`},
	{"option data not passed", render(`{ name = "s1", option_data = ["dns"] }`, `{}`), `kea_dhcp_server "s1" option_data[0]: refers to option data "dns", which was not passed in`},
	{"option without definition", render(`{ name = "s1", option_data = ["x"] }`, `{
  option_data = [{ name = "x", option = "no-such-option", data = "1" }]
}`), `kea_option_data "x" option: option "no-such-option" has no definition in space dhcp4`},
	{"user definition value", render(`{ name = "s1", option_data = ["x"] }`, `{
  option_definitions = [{ name = "rack", code = 225, type = "uint16" }]
  option_data        = [{ name = "x", option = "rack", data = "70000" }]
}`), `kea_option_data "x" data: option dhcp4.rack (code 225, uint16): 70000 must be between 0 and 65535 for uint16`},
	{"class not passed", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", client_class = "voip" }]
}`), `kea_subnet "s1/1" client_class: refers to client class "voip", which was not passed in`},
	{"reservations only with a pool", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", reservations_only = true }]
  pools   = [{ subnet = "s1/1", range = "192.0.2.100 - 192.0.2.199" }]
}`), `subnet: subnet s1/1 is reservations_only`},
	{"member cycle", render(`{ name = "s1", client_classes = ["a"] }`, `{
  client_classes = [{ name = "a", test = "member('b')" }, { name = "b", test = "member('a')" }]
}`), `member() references form a cycle: a -> b -> a`},
	{"extra json overrides an attribute", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", extra_json = jsonencode({ subnet = "10.0.0.0/8" }) }]
}`), `extra_json: key "subnet" is rendered from this object's attributes`},
	{"lifetime above inherited maximum", render(`{ name = "s1", max_valid_lifetime = 7200 }`, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", valid_lifetime = 86400 }]
}`), `valid_lifetime: the effective valid lifetime 86400 is greater than the effective maximum 7200 (max_valid_lifetime inherited from server "s1")`},
	{"restricting class only in additional list", render(plainServer, `{
  subnets        = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", client_class = "late" }]
  client_classes = [{ name = "late", only_in_additional_list = true }]
}`), `client_class: class "late" is only_in_additional_list`},
	{"HA roles do not fit the mode", haRender(`mode = "hot-standby"`, "primary", "secondary", ``, ``), `kea_ha_relationship "p" mode: hot-standby needs one primary and one standby (plus any backups); the members passed in have 0 standby (none)`},
	{"HA two primaries", haRender(`mode = "load-balancing"`, "primary", "primary", ``, ``), `load-balancing needs one primary and one secondary (plus any backups); the members passed in have 2 primary (a, b)`},
	{"HA subnet on the standby", haRender(`mode = "hot-standby"`, "primary", "standby", ``, `subnets = [{ server = "b", subnet_id = 1, prefix = "198.18.0.0/24" }]`),
		`kea_subnet "b/1" server: server "b" is standby in HA relationship "p"; attach the subnet to the relationship (server = "p"), which survives a change of primary, or to the primary, "a"`},
	{"HA listener on a control socket", haRender(`mode = "hot-standby"`, "primary", "standby", `, control_sockets = [{ type = "http", address = "198.18.0.1", port = 8001 }]`, ``),
		`kea_dhcp_server "a" control_sockets[0]: listens on 198.18.0.1:8001, which is this server's HA peer URL`},
	{"HA without dedicated listener needs the socket", haRender(`mode = "hot-standby", multi_threading = { http_dedicated_listener = false }`, "primary", "standby", ``, ``),
		`kea_dhcp_server "a" ha.port: relationship "p" has no dedicated HA listener, so partners send HA commands to this server's HTTP control socket; add one on 198.18.0.1 port 8001`},
	{"HA https without TLS files", haRender(`mode = "hot-standby"`, "primary", "standby", `, ha = { relationship = "p", role = "primary", address = "198.18.0.1", port = 8001, tls = true }`, ``),
		`ha.tls: an https peer URL needs the relationship's trust_anchor, cert_file and key_file`},
	{"HA relationship not passed", render(`{ name = "a", ha = { relationship = "p", role = "primary", address = "198.18.0.1", port = 8001 } }`, `{}`),
		`kea_dhcp_server "a" ha.relationship: refers to HA relationship "p", which was not passed in`},
	{"HA global options on the standby", render(`{ name = "b", option_data = ["dns"], ha = { relationship = "p", role = "standby", address = "198.18.0.2", port = 8001 } }`,
		`{ ha_relationships = [{ name = "p", mode = "hot-standby" }], servers = [{ name = "a", ha = { relationship = "p", role = "primary", address = "198.18.0.1", port = 8001 } }], option_data = [{ name = "dns", option = "domain-name-servers", data = "198.18.0.53" }] }`),
		`kea_dhcp_server "b" option_data: server "b" is standby in HA relationship "p", whose global option data are the primary's ("a": none), rendered into every member; leave option_data empty here or give the same list`},
	{"vendor delivery without a vendor space", `resource "kea_option_data" "x" {
  name     = "v"
  code     = 1
  delivery = "option43"
  data     = "1"
}`, `vendor_space: delivery option43 carries a vendor's sub-options: set vendor_space`},
	{"vendor definition with a plain space too", `resource "kea_option_definition" "x" {
  name         = "url"
  code         = 1
  type         = "string"
  space        = "acme"
  vendor_space = "acme"
}`, `vendor_space: set space or vendor_space, not both`},
	{"vivso without an enterprise number", render(`{ name = "s1", option_data = ["url"] }`, `{
  vendor_option_spaces = [{ name = "acme" }]
  option_definitions   = [{ name = "url", code = 1, type = "string", vendor_space = "acme" }]
  option_data          = [{ name = "url", option = "url", vendor_space = "acme", delivery = "vivso", data = "http://x/" }]
}`), `kea_option_data "url" delivery: vivso (option 125) names the vendor by its enterprise number; set enterprise_id on vendor space "acme"`},
	{"option 43 of two vendors outside classes", render(`{ name = "s1", option_data = ["a"] }`, `{
  subnets              = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", option_data = ["b"] }]
  vendor_option_spaces = [{ name = "acme" }, { name = "zeta" }]
  option_definitions   = [{ name = "u", code = 1, type = "string", vendor_space = "acme" }, { name = "v", code = 1, type = "string", vendor_space = "zeta" }]
  option_data          = [{ name = "a", option = "u", vendor_space = "acme", delivery = "option43", data = "x" }, { name = "b", option = "v", vendor_space = "zeta", delivery = "option43", data = "y" }]
}`), `option 43 carries sub-options of several vendors outside client classes (acme, zeta)`},
	{"vendor space passed twice with one enterprise number", render(`{ name = "s1" }`, `{
  vendor_option_spaces = [{ name = "acme", enterprise_id = 9 }, { name = "zeta", enterprise_id = 9 }]
}`), `kea_vendor_option_space "zeta" enterprise_id: 9 is also vendor space "acme"'s`},
	{"shared network name with a slash", `resource "kea_shared_network" "x" {
  server = "s1"
  name   = "a/b"
}`, `name: "a/b": a shared network name must not contain /`},
	{"subnet interface differs from its shared network's", render(plainServer, `{
  shared_networks = [{ server = "s1", name = "lan", interface = "eth1" }]
  subnets         = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", shared_network = "s1/lan", interface = "eth2" }]
}`), `kea_subnet "s1/1" interface: "eth2" differs from shared network s1/lan's interface "eth1"`},
	{"subnet in another server's shared network", render(plainServer, `{
  shared_networks = [{ server = "s2", name = "lan" }]
  subnets         = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", shared_network = "s2/lan" }]
}`), `shared_network: shared network "s2/lan" belongs to server "s2", not to this subnet's "s1"`},
	{"subnet in a shared network not passed", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", shared_network = "s1/lan" }]
}`), `shared_network: refers to shared network "s1/lan", which was not passed in`},
	{"lifetime above the shared network's maximum", render(plainServer, `{
  shared_networks = [{ server = "s1", name = "lan", max_valid_lifetime = 3600, valid_lifetime = 1800 }]
  subnets         = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", shared_network = "s1/lan", valid_lifetime = 7200 }]
}`), `valid_lifetime: the effective valid lifetime 7200 is greater than the effective maximum 3600 (max_valid_lifetime inherited from shared network "lan")`},
	{"v6: IPv4 subnet on a DHCPv6 server", render(`{ name = "s6", family = 6 }`, `{
  subnets = [{ server = "s6", subnet_id = 1, prefix = "192.0.2.0/24" }]
}`), `kea_subnet "s6/1" prefix: 192.0.2.0/24 is not an IPv6 prefix, and server "s6" is a DHCPv6 server`},
	{"v6: IPv6 subnet on a DHCPv4 server", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "2001:db8:1::/64" }]
}`), `prefix: 2001:db8:1::/64 is not an IPv4 prefix, and server "s1" is a DHCPv4 server`},
	{"v6: preferred lifetime on a DHCPv4 subnet", `resource "kea_subnet" "x" {
  server = "s1"
  subnet_id = 1
  prefix = "192.0.2.0/24"
  preferred_lifetime = 3000
}`, `preferred_lifetime: is a DHCPv6 setting; Kea's DHCPv4 server has no such key`},
	{"v6: interface and interface-id together", `resource "kea_subnet" "x" {
  server = "s6"
  subnet_id = 1
  prefix = "2001:db8:1::/64"
  interface = "eth1"
  interface_id = "ge-0/0/1"
}`, `interface_id: a subnet is selected by interface or by interface_id`},
	{"v6: preferred above its maximum", `resource "kea_dhcp_server" "x" {
  name = "s6"
  family = 6
  preferred_lifetime = 9000
  max_preferred_lifetime = 3600
}`, `preferred_lifetime: 9000 is greater than max_preferred_lifetime (3600)`},
	{"v6: delegated length shorter than the pool", `resource "kea_pd_pool" "x" {
  subnet = "s6/1"
  prefix = "2001:db8:8000::/48"
  delegated_length = 40
}`, `delegated_length: 40 must be at least the pool's prefix length (48) and at most 128`},
	{"v6: excluded prefix not longer than delegated", `resource "kea_pd_pool" "x" {
  subnet = "s6/1"
  prefix = "2001:db8:8000::/48"
  delegated_length = 64
  excluded_prefix = "2001:db8:8000::/56"
}`, `excluded_prefix: its length 56 must be longer than delegated_length (64)`},
	{"v6: IPv4 pd pool", `resource "kea_pd_pool" "x" {
  subnet = "s6/1"
  prefix = "10.0.0.0/8"
  delegated_length = 24
}`, `prefix: 10.0.0.0/8 is IPv4; prefix delegation is DHCPv6`},
	{"v6: pd pool overlapping an address pool", render(`{ name = "s6", family = 6 }`, `{
  subnets  = [{ server = "s6", subnet_id = 1, prefix = "2001:db8:1::/64" }]
  pools    = [{ subnet = "s6/1", range = "2001:db8:1::/80" }]
  pd_pools = [{ subnet = "s6/1", prefix = "2001:db8:1::/96", delegated_length = 112 }]
}`), `kea_pd_pool "s6/1/2001:db8:1::/96" prefix: 2001:db8:1::/96 overlaps address pool`},
	{"v6: client id on a DHCPv6 reservation", render(`{ name = "s6", family = 6 }`, `{
  subnets      = [{ server = "s6", subnet_id = 1, prefix = "2001:db8:1::/64" }]
  reservations = [{ subnet = "s6/1", client_id = "01:02:03", ip_addresses = ["2001:db8:1::5"] }]
}`), `client_id: is a DHCPv4 setting; Kea's DHCPv6 server has no such key`},
	{"v6: IPv4 address in ip_addresses", `resource "kea_reservation" "x" {
  subnet = "s6/1"
  duid = "00:01:02:03"
  ip_addresses = ["192.0.2.5"]
}`, `ip_addresses[0]: 192.0.2.5 is IPv4; ip_addresses are DHCPv6 addresses`},
	{"v6: excluded prefixes not paired", `resource "kea_reservation" "x" {
  subnet = "s6/1"
  duid = "00:01:02:03"
  prefixes = ["2001:db8:9100::/56"]
  excluded_prefixes = ["2001:db8:9100::/64", "2001:db8:9200::/64"]
}`, `excluded_prefixes: lists 2 prefixes for 1 reserved prefixes; Kea pairs them by position`},
	{"v6: address reserved twice", render(`{ name = "s6", family = 6 }`, `{
  subnets      = [{ server = "s6", subnet_id = 1, prefix = "2001:db8:1::/64" }]
  reservations = [{ subnet = "s6/1", duid = "00:01:02:03", ip_addresses = ["2001:db8:1::5"] }, { subnet = "s6/1", duid = "00:01:02:04", ip_addresses = ["2001:db8:1::5"] }]
}`), `ip_addresses: 2001:db8:1::5 is already reserved for s6/1/duid=00:01:02:03 in subnet s6/1`},
	{"v6: DHCPv4 option name in a DHCPv6 document", render(`{ name = "s6", family = 6, option_data = ["r"] }`, `{
  option_data = [{ name = "r", option = "routers", data = "2001:db8::1" }]
}`), `kea_option_data "r" option: option "routers" has no definition in space dhcp6`},
	{"v6: DHCPv6 option value of the wrong type", render(`{ name = "s6", family = 6, option_data = ["d"] }`, `{
  option_data = [{ name = "d", option = "dns-servers", values = ["192.0.2.53"] }]
}`), `option dhcp6.dns-servers (code 23, ipv6-address array): "192.0.2.53" is not an IPv6 address`},
	{"v6: pkt4 in a DHCPv6 class", render(`{ name = "s6", family = 6, client_classes = ["c"] }`, `{
  client_classes = [{ name = "c", test = "pkt4.mac == 0x010203040506" }]
}`), `kea_client_class "c" test: expression [pkt4.mac == 0x010203040506] error:`},
	{"v6: boot file on a DHCPv6 class", render(`{ name = "s6", family = 6, client_classes = ["c"] }`, `{
  client_classes = [{ name = "c", boot_file_name = "x.efi" }]
}`), `kea_client_class "c" boot_file_name: is a DHCPv4 setting; Kea's DHCPv6 server has no such key`},
	{"v6: option 43 delivery in a DHCPv6 document", render(`{ name = "s6", family = 6, option_data = ["v"] }`, `{
  vendor_option_spaces = [{ name = "acme" }]
  option_definitions   = [{ name = "u", code = 1, type = "string", vendor_space = "acme" }]
  option_data          = [{ name = "v", option = "u", vendor_space = "acme", delivery = "option43", data = "x" }]
}`), `delivery: option43 is a DHCPv4 delivery`},
	{"v6: relay address of the other family", `resource "kea_subnet" "x" {
  server = "s6"
  subnet_id = 1
  prefix = "2001:db8:1::/64"
  relay_addresses = ["192.0.2.1"]
}`, `relay_addresses[0]: 192.0.2.1 is not of the IPv6 family`},
	{"v6: unknown MAC source", `resource "kea_dhcp_server" "x" {
  name = "s6"
  family = 6
  mac_sources = ["magic"]
}`, `Attribute mac_sources[0] value must be one of:`},
	{"unknown attribute in a plain object", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24", pool = "x" }]
}`), `subnets[0]: unsupported attribute "pool"`},
	{"vrf with a command in it", `resource "kea_subnet" "x" {
  server = "s1"
  subnet_id = 1
  prefix = "192.0.2.0/24"
  vrf = "RED\nno ip routing"
}`, `vrf: "RED\nno ip routing" is not a VRF name the relay snippets can use`},
	{"relay interface with a command in it", `output "x" {
  value = provider::kea::relay_targets("192.0.2.0/24", {
    servers = [{ name = "s1", address = "192.0.2.1" }]
    subnets = [{ server = "s1", subnet_id = 1, prefix = "192.0.2.0/24" }]
    interface = "Vlan10\n shutdown"
  })
}`, `interface: "Vlan10\n shutdown" is not a router interface name`},
	// Plain objects meet the same rules as resources, in internal/kea's
	// words (resources get the schema validators' messages above).
	{"plain subnet id zero", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = 0, prefix = "192.0.2.0/24" }]
}`), `subnet_id: 0 is out of range: Kea subnet ids are 1 to 4294967294`},
	{"plain t1 percent", render(`{ name = "s1", t1_percent = 1.5 }`, `{}`), `t1_percent: 1.5 is out of range: Kea takes a fraction greater than 0 and less than 1`},
	{"plain address family", render(`{ name = "s1", family = 7 }`, `{}`), `family: 7 is not an address family: use 4 or 6`},
	{"plain HA heartbeat", haRender(`mode = "hot-standby", heartbeat_delay = 70000`, "primary", "standby", "", ""), `heartbeat_delay: 70000 is out of range: 0 to 65535`},
	{"plain MAC source", render(`{ name = "s1", family = 6, mac_sources = ["magic"] }`, `{}`), `mac_sources[0]: "magic" is not a MAC source Kea knows`},
	{"string that is not a number", render(plainServer, `{
  subnets = [{ server = "s1", subnet_id = "ten", prefix = "192.0.2.0/24" }]
}`), `subnets[0].subnet_id: "ten" is not a number`},
}

// ddnsOn opens the DDNS gate for the resource cases below.
const ddnsOn = "provider \"kea\" {\n  enable_ddns = true\n}\n"

// d2Target is a plain D2 daemon as the config function's target.
const d2Target = `{ name = "d2", listener_mode = "local" }`

// ddnsBadInputs are the Dynamic DNS rules. Each naive document is refused
// by the real daemon in internal/kea's rejected corpus or rule tables
// (kea-dhcp-ddns -t, kea-dhcp4 -T), or misbehaves as its message says.
var ddnsBadInputs = []badInput{
	{"tsig secret not base64", ddnsOn + `resource "kea_tsig_key" "x" {
  name = "k."
  algorithm = "HMAC-SHA256"
  secret = "not base64!"
}`, `kea_tsig_key "k." secret: is not base64`},
	{"tsig digest bits not a multiple of 8", ddnsOn + `resource "kea_tsig_key" "x" {
  name = "k."
  algorithm = "HMAC-SHA256"
  digest_bits = 100
  secret_file = "/etc/kea/k"
}`, `digest_bits: 100: Kea takes 0 (the whole hash) or a positive multiple of 8`},
	{"tsig digest bits under 80", ddnsOn + `resource "kea_tsig_key" "x" {
  name = "k."
  algorithm = "HMAC-MD5"
  digest_bits = 72
  secret_file = "/etc/kea/k"
}`, `digest_bits: 72 is too short`},
	{"tsig digest bits under half the hash", ddnsOn + `resource "kea_tsig_key" "x" {
  name = "k."
  algorithm = "HMAC-SHA512"
  digest_bits = 128
  secret_file = "/etc/kea/k"
}`, `half the HMAC-SHA512 hash (256)`},
	{"tsig unknown algorithm", ddnsOn + `resource "kea_tsig_key" "x" {
  name = "k."
  algorithm = "HMAC-SHA3-256"
}`, `Attribute algorithm value must be one of`},
	{"plain tsig unknown algorithm", render(d2Target, `{
  tsig_keys    = [{ name = "k.", algorithm = "HMAC-SHA3-256", secret_file = "/etc/kea/k" }]
  ddns_domains = [{ d2_daemon = "d2", zone = "example.org", tsig_key = "k.", dns_servers = [{ address = "192.0.2.53" }] }]
}`), `algorithm: "HMAC-SHA3-256" is not a TSIG algorithm D2 takes`},
	{"tsig secret and secret file", ddnsOn + `resource "kea_tsig_key" "x" {
  name = "k."
  algorithm = "HMAC-SHA256"
  secret = "c2VjcmV0"
  secret_file = "/etc/kea/k"
}`, `secret_file: set secret or secret_file, not both`},
	{"tsig key referenced but not passed", render(d2Target, `{
  ddns_domains = [{ d2_daemon = "d2", zone = "example.org", tsig_key = "k.", dns_servers = [{ address = "192.0.2.53" }] }]
}`), `kea_ddns_domain "d2/example.org." tsig_key: refers to TSIG key "k.", which was not passed in`},
	{"plain tsig key without a secret", render(d2Target, `{
  tsig_keys    = [{ name = "k.", algorithm = "HMAC-SHA256" }]
  ddns_domains = [{ d2_daemon = "d2", zone = "example.org", tsig_key = "k.", dns_servers = [{ address = "192.0.2.53" }] }]
}`), `secret: is not set, nor is secret_file`},
	{"d2 ncr protocol TCP", ddnsOn + `resource "kea_d2_daemon" "x" {
  name = "d2"
  ncr_protocol = "TCP"
}`, `Attribute ncr_protocol value must be one of`},
	{"d2 listener is a host name", ddnsOn + `resource "kea_d2_daemon" "x" {
  name = "d2"
  listener_mode = "remote"
  address = "d2.example.org"
}`, `D2 takes an IP address, not a name`},
	{"d2 remote without address", ddnsOn + `resource "kea_d2_daemon" "x" {
  name = "d2"
  listener_mode = "remote"
}`, `address: is required in remote mode`},
	{"d2 dns server timeout zero", ddnsOn + `resource "kea_d2_daemon" "x" {
  name = "d2"
  dns_server_timeout = 0
}`, `Attribute dns_server_timeout value must be between 1 and 4294967295`},
	{"server and its local D2 on one control socket port", render(`{ name = "s1", d2_daemon = "d2", control_sockets = [{ type = "http", port = 8053, authentication = { clients = [{ user = "ops", password_file = "/etc/kea/ops.pw" }] } }] }`, `{
  d2_daemons = [{ name = "d2", control_sockets = [{ type = "http", port = 8053, authentication = { clients = [{ user = "ops", password_file = "/etc/kea/ops.pw" }] } }] }]
}`), `control_sockets[0].port: 8053 on 127.0.0.1 is also the control socket port of D2 daemon "d2", which runs on this host`},
	{"tsig key name not a DNS name", ddnsOn + `resource "kea_tsig_key" "x" {
  name = "ddns..key"
  algorithm = "HMAC-SHA256"
}`, `a TSIG key name is a DNS name`},
	{"ddns domain without dns servers", ddnsOn + `resource "kea_ddns_domain" "x" {
  d2_daemon = "d2"
  zone = "example.org"
  dns_servers = []
}`, `dns_servers: a domain needs at least one DNS server; kea-dhcp-ddns aborts`},
	{"ddns domain server is a host name", ddnsOn + `resource "kea_ddns_domain" "x" {
  d2_daemon = "d2"
  zone = "example.org"
  dns_servers = [{ address = "ns1.example.org" }]
}`, `D2 takes an IP address ("hostname is not yet supported")`},
	{"reverse zone label not an octet", ddnsOn + `resource "kea_ddns_domain" "x" {
  d2_daemon = "d2"
  zone = "2.0.300.in-addr.arpa"
  dns_servers = [{ address = "192.0.2.53" }]
}`, `label "300" is not an octet`},
	{"reverse zone without in-addr.arpa", ddnsOn + `resource "kea_ddns_domain" "x" {
  d2_daemon = "d2"
  zone = "2.0.192"
  dns_servers = [{ address = "192.0.2.53" }]
}`, `2.0.192. looks like a reverse zone without its in-addr.arpa suffix`},
	{"duplicate zone", render(d2Target, `{
  ddns_domains = [
    { d2_daemon = "d2", zone = "example.org", dns_servers = [{ address = "192.0.2.53" }] },
    { d2_daemon = "d2", zone = "Example.org.", dns_servers = [{ address = "192.0.2.54" }] },
  ]
}`), `zone: example.org. is already the zone of ddns_domains[0]`},
	{"ddns ttl with ttl percent", ddnsOn + `resource "kea_ddns_policy" "x" {
  name = "p"
  ttl = 600
  ttl_percent = 0.5
}`, `ttl_percent: cannot be combined with ttl`},
	{"ddns ttl max below ttl min", ddnsOn + `resource "kea_ddns_policy" "x" {
  name = "p"
  ttl_min = 600
  ttl_max = 100
}`, `ttl_max: 100 is less than ttl_min (600)`},
	{"ddns ttl percent above 1", ddnsOn + `resource "kea_ddns_policy" "x" {
  name = "p"
  ttl_percent = 1.5
}`, `Attribute ttl_percent value must be between`},
	{"hostname char set not a regex", ddnsOn + `resource "kea_ddns_policy" "x" {
  name = "p"
  hostname_char_set = "[a-"
}`, `hostname_char_set: "[a-" is not a regular expression Kea can compile`},
	{"conflict resolution mode unknown", ddnsOn + `resource "kea_ddns_policy" "x" {
  name = "p"
  conflict_resolution_mode = "check"
}`, `Attribute conflict_resolution_mode value must be one of`},
	{"ddns policy on a client class", ddnsOn + `resource "kea_client_class" "x" {
  name = "lab"
  ddns_policy = "p"
}`, `Kea 3.0 refuses ddns-* keys in a client class`},
	{"ddns policy on a reservation", ddnsOn + `resource "kea_reservation" "x" {
  subnet = "s1/1"
  hw_address = "aa:bb:cc:00:00:01"
  ddns_policy = "p"
}`, `Kea 3.0 refuses ddns-* keys in a reservation`},
	{"ddns attribute with the gate closed", `resource "kea_dhcp_server" "x" {
  name = "s1"
  d2_daemon = "d2"
}`, `d2_daemon belongs to the ddns feature, and the provider's enable_ddns is false`},
	{"sender of the other address family", render(`{ name = "s1", d2_daemon = "d2", ddns_sender_ip = "::1" }`, `{
  d2_daemons = [{ name = "d2" }]
}`), `ddns_sender_ip: ::1 and D2 daemon "d2"'s listener 127.0.0.1 are of different address families`},
	{"sender on the D2 listener", render(`{ name = "s1", d2_daemon = "d2", ddns_sender_ip = "127.0.0.1", ddns_sender_port = 53001 }`, `{
  d2_daemons = [{ name = "d2" }]
}`), `ddns_sender_port: 53001 on 127.0.0.1 is D2 daemon "d2"'s listener`},
	{"sender settings without a D2 daemon", render(`{ name = "s1", ddns_sender_port = 5000 }`, `{}`), `ddns_sender_port: applies only when the server sends to a D2 daemon`},
	{"D2 daemon not passed", render(`{ name = "s1", d2_daemon = "d2" }`, `{}`), `d2_daemon: refers to D2 daemon "d2", which was not passed in d2_daemons`},
	{"DDNS policy not passed", render(`{ name = "s1", ddns_policy = "p" }`, `{}`), `ddns_policy: refers to DDNS policy "p", which was not passed in ddns_policies`},
}

// storkGroup renders agent group "g" (Stork server "stork" at
// 198.18.0.10) for member "m": group and member hold extra attributes
// (leading ", "), server those of the Stork server.
func storkGroup(group, member, server string) string {
	return render(fmt.Sprintf(`{ name = "g", stork_server = "stork"%s }`, group), fmt.Sprintf(`{
  stork_servers = [{ name = "stork", endpoint = "198.18.0.10"%s }]
  servers       = [{ name = "m", address = "198.18.0.1", control_sockets = [{ type = "unix", socket_name = "kea4-ctrl" }], stork_agent_group = "g"%s }]
}`, server, member))
}

// storkBadInputs are the Stork rules: what real stork-agent and
// stork-server refuse (internal/kea's rejected corpus, run by
// scripts/stork-check.sh) or what breaks monitoring.
var storkBadInputs = []badInput{
	{"agent host unspecified", storkGroup("", `, address = "0.0.0.0"`, ""), `kea_dhcp_server "m" address: 0.0.0.0 cannot be the agent's address`},
	{"agent host :: with a server", storkGroup("", `, address = "::"`, ""), `address: :: cannot be the agent's address`},
	{"member without an address", render(`{ name = "g", stork_server = "stork" }`, `{
  stork_servers = [{ name = "stork", endpoint = "198.18.0.10" }]
  servers       = [{ name = "m", control_sockets = [{ type = "unix", socket_name = "kea4-ctrl" }], stork_agent_group = "g" }]
}`), `address: is not set: the agent of group "g" listens on the member's address`},
	{"member without a control socket", render(`{ name = "g", stork_server = "stork" }`, `{
  stork_servers = [{ name = "stork", endpoint = "198.18.0.10" }]
  servers       = [{ name = "m", address = "198.18.0.1", stork_agent_group = "g" }]
}`), `control_sockets: is empty: the Stork agent of group "g" finds Kea through its control sockets`},
	{"exporter port is the agent port", `resource "kea_stork_agent_group" "x" {
  name = "g"
  stork_server = "stork"
  agent_port = 9547
}`, `exporter_port: 9547 is also the agent port`},
	{"exporter port is a control socket port", storkGroup(`, exporter_port = 8004`, `, control_sockets = [{ type = "http", port = 8004, authentication = { clients = [{ user = "stork", password_file = "/etc/kea/stork.pw" }] } }]`, ""), `exporter_port: 8004 is also its control_sockets[0] port on member "m"`},
	{"agent port is the HA port", render(`{ name = "g", stork_server = "stork", agent_port = 8001 }`, `{
  stork_servers    = [{ name = "stork", endpoint = "198.18.0.10" }]
  ha_relationships = [{ name = "p", mode = "hot-standby" }]
  servers = [
    { name = "a", control_sockets = [{ type = "unix", socket_name = "a" }], stork_agent_group = "g", ha = { relationship = "p", role = "primary", address = "198.18.0.1", port = 8001 } },
  ]
}`), `agent_port: 8001 is also its HA port (ha.port) on member "a"`},
	{"both mode without a server", `resource "kea_stork_agent_group" "x" {
  name = "g"
}`, `stork_server: is required in both mode`},
	{"stork-only mode without a server", `resource "kea_stork_agent_group" "x" {
  name = "g"
  mode = "stork-only"
}`, `stork_server: is required in stork-only mode`},
	{"prometheus-only with a server", `resource "kea_stork_agent_group" "x" {
  name = "g"
  mode = "prometheus-only"
  stork_server = "stork"
}`, `stork_server: is set, but a prometheus-only agent does not listen for the Stork server`},
	{"exporter settings in stork-only mode", `resource "kea_stork_agent_group" "x" {
  name = "g"
  mode = "stork-only"
  stork_server = "stork"
  exporter_port = 9100
}`, `exporter_port: applies to the Prometheus exporter, which a stork-only agent does not run`},
	{"agent log level in lower case", `resource "kea_stork_agent_group" "x" {
  name = "g"
  stork_server = "stork"
  log_level = "debug"
}`, `Attribute log_level value must be one of`},
	{"plain agent log level in lower case", storkGroup(`, log_level = "debug"`, "", ""), `log_level: "debug": Stork takes the level in capitals (DEBUG)`},
	{"endpoint with a quote", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "\"stork.example\""
}`, `holds a quote or backslash`},
	{"endpoint with an inline comment", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10 # stork"
}`, `holds #: an env file has no inline comments`},
	{"endpoint with a line break", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "stork\nSTORK_REST_PORT=1"
}`, `holds a line break`},
	{"endpoint unspecified", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "0.0.0.0"
}`, `endpoint: 0.0.0.0 is not an address agents can reach`},
	{"base URL not a path", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10"
  base_url = "stork"
}`, `the base URL is a path starting with /`},
	{"database URL with separate fields", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10"
  database_url = "postgres://stork@db.example/stork"
  database_name = "stork"
}`, `database_name: cannot be combined with database_url`},
	{"sslmode in the database URL", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10"
  database_url = "postgres://stork@db.example/stork?sslmode=require"
}`, `holds sslmode, which Stork ignores there`},
	{"SSL root certificate without verification", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10"
  database_host = "db.example"
  database_sslrootcert = "/etc/stork/db-ca.pem"
}`, `database_sslrootcert: is not used with database_sslmode disable; set database_sslmode to verify-ca or verify-full`},
	{"database port without host", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10"
  database_port = 5433
}`, `database_port: applies to a TCP connection`},
	{"TLS certificate without key", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10"
  tls_certificate = "/etc/stork/cert.pem"
}`, `set tls_certificate and tls_private_key together`},
	{"database password secret and file", `resource "kea_stork_server" "x" {
  name = "stork"
  endpoint = "198.18.0.10"
  database_password_secret = "db"
  database_password_file = "/etc/stork/db.env"
}`, `set database_password_secret or database_password_file, not both`},
	{"group without members", render(`{ name = "g", stork_server = "stork" }`, `{
  stork_servers = [{ name = "stork", endpoint = "198.18.0.10" }]
}`), `has no members: pass the kea_dhcp_server (or remote kea_d2_daemon) objects whose stork_agent_group is "g"`},
	{"stork attribute with the gate closed", "provider \"kea\" {\n  enable_stork = false\n}\n" + `resource "kea_dhcp_server" "x" {
  name = "s1"
  stork_agent_group = "g"
}`, `stork_agent_group belongs to the stork feature, and the provider's enable_stork is false`},
}

// Every rule is an error at plan time, with its message.
func TestValidation_BadInputsFailAtPlan(t *testing.T) {
	if len(badInputs) < 30 || len(ddnsBadInputs) < 25 || len(storkBadInputs) < 20 {
		t.Fatalf("only %d bad inputs, %d DDNS ones and %d Stork ones", len(badInputs), len(ddnsBadInputs), len(storkBadInputs))
	}
	all := slices.Concat(badInputs, ddnsBadInputs, storkBadInputs)
	steps := make([]resource.TestStep, 0, len(all))
	for _, c := range all {
		steps = append(steps, resource.TestStep{
			Config:      c.config,
			PlanOnly:    true,
			ExpectError: wrapped(c.want),
		})
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps:                    steps,
	})
}
