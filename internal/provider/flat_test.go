package provider

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/keaform/terraform-provider-kea/internal/kea"
)

// asResource is obj as Terraform passes a resource object: every
// attribute of its kind present, those not set null.
func asResource(k *objectKind, obj map[string]any) map[string]any {
	out := maps.Clone(obj)
	for name := range resourceAttrs[k] {
		if _, ok := out[name]; !ok {
			out[name] = nil
		}
	}
	return out
}

// flatOf is a fixture's objects as one list of resource objects, the
// kinds interleaved (one of each in turn) but each kind's objects in
// their order, with secrets beside when the fixture has them.
func flatOf(objects map[string]any) any {
	var lists [][]any
	for _, k := range kea.Kinds {
		l, _ := objects[k.List].([]any)
		res := make([]any, len(l))
		for i, o := range l {
			res[i] = asResource(objectKindOf(k), o.(map[string]any))
		}
		lists = append(lists, res)
	}
	var flat []any
	for more := true; more; {
		more = false
		for i, l := range lists {
			if len(l) > 0 {
				flat = append(flat, l[0])
				lists[i] = l[1:]
				more = true
			}
		}
	}
	if s, ok := objects[kea.SecretsKey]; ok {
		return map[string]any{flatInput: flat, kea.SecretsKey: s}
	}
	return flat
}

// Every golden and rejected estate given as one list of resource objects,
// the kinds interleaved, renders what its kinds' lists render, or is
// refused as they are.
func TestFlat_SameAsLists(t *testing.T) {
	calls := fixtureCalls(t)
	rendered := 0
	for _, c := range calls {
		want := viaWire(t, tfValue(c.target), tfValue(c.objects))
		got := viaWire(t, tfValue(c.target), tfValue(flatOf(c.objects)))
		if (got.err == "") != (want.err == "") || got.sha256 != want.sha256 || fmt.Sprint(got.configs) != fmt.Sprint(want.configs) {
			t.Errorf("%s: one list and the kinds' lists differ\nlist:  %+v\nlists: %+v", c.name, got, want)
			continue
		}
		if want.err == "" {
			rendered++
		}
	}
	if rendered < 20 {
		t.Errorf("only %d fixtures rendered: the comparison needs documents", rendered)
	}
}

// Objects of one kind from the one list and from the kind's own list
// are all kept, the list's after the kind's: the client classes, which
// render in the order passed, come out b then a.
func TestFlat_BesideKindLists(t *testing.T) {
	server := map[string]any{"name": "s1", "interfaces": []any{"eth0"}, "client_classes": []any{"a", "b"}}
	a := map[string]any{"name": "a", "test": "option[60].hex == 'a'"}
	b := map[string]any{"name": "b", "test": "option[60].hex == 'b'"}
	both := viaWire(t, tfValue(server), tfValue(map[string]any{
		"client_classes": []any{b},
		flatInput:        []any{asResource(clientClassKind, a)},
	}))
	ba := viaWire(t, tfValue(server), tfValue(map[string]any{"client_classes": []any{b, a}}))
	ab := viaWire(t, tfValue(server), tfValue(map[string]any{"client_classes": []any{a, b}}))
	if ab.sha256 == ba.sha256 {
		t.Fatal("the classes' order does not show in the document: this test cannot tell")
	}
	if both.err != "" || both.sha256 != ba.sha256 {
		t.Errorf("the one list beside client_classes:\n%+v\nwant the document of [b, a] in client_classes:\n%+v", both, ba)
	}
}

func TestKindOfObject(t *testing.T) {
	// A resource object: all of its kind's attributes.
	for _, k := range objectKinds {
		keys := slices.Sorted(maps.Keys(resourceAttrs[k]))
		if got, problem := kindOfObject(keys); got != k {
			t.Errorf("%s's resource object read as %v (%s)", k.kind.Name, got, problem)
		}
	}
	cases := []struct {
		keys    []string
		kind    string
		problem string
	}{
		{[]string{"server", "subnet_id", "prefix"}, kea.KindSubnet, ""},
		{[]string{"hw_address", "ip_address", "subnet"}, kea.KindReservation, ""},
		// Both pools and pd pools have a subnet; only a pool has a range.
		{[]string{"subnet", "range"}, kea.KindPool, ""},
		{[]string{"subnet"}, "", "could be a kea_pool, kea_pd_pool or kea_reservation; give it in its kind's list (pools, pd_pools or reservations) or with an attribute only its kind has"},
		{[]string{"name", "colour"}, "", "an object with the attributes name, colour is of no kind the provider has: the nearest, kea_dhcp_server, has no \"colour\""},
		{[]string{"subnet", "rnage"}, "", "the nearest, kea_pool, has no \"rnage\""},
	}
	for _, c := range cases {
		got, problem := kindOfObject(c.keys)
		name := ""
		if got != nil {
			name = got.kind.Name
		}
		if name != c.kind || !strings.Contains(problem, c.problem) || (c.problem == "") != (problem == "") {
			t.Errorf("%v: got %q, %q; want %q, %q", c.keys, name, problem, c.kind, c.problem)
		}
	}
}

// Faults in the one list are led by where the object sits: its index,
// and its key in a map; decoding faults name the attribute there too.
func TestFlat_FaultsSayWhere(t *testing.T) {
	server := map[string]any{"name": "s1", "interfaces": []any{"eth0"}}
	subnet := asResource(subnetKind, map[string]any{"server": "s1", "subnet_id": json.Number("10"), "prefix": "192.0.2.0/24"})
	host := func(mac, ip string) map[string]any {
		return asResource(reservationKind, map[string]any{"subnet": "s1/10", "hw_address": mac, "ip_address": ip})
	}
	objects := []any{
		subnet,
		map[string]any{"nas": host("00:11:22:33:44:55", "192.0.3.10"), "ap": host("00:11:22:33:44:56", "192.0.2.11")},
	}
	got := viaWire(t, tfValue(server), tfValue(objects))
	want := `objects[1]["nas"]: kea_reservation "s1/10/hw-address=00:11:22:33:44:55" ip_address: 192.0.3.10 is not inside subnet s1/10`
	if !strings.HasPrefix(got.err, want) {
		t.Errorf("got %q\nwant it to start %q", got.err, want)
	}
	bad := host("00:11:22:33:44:56", "192.0.2.11")
	bad["ip_address"] = true
	got = viaWire(t, tfValue(server), tfValue([]any{subnet, []any{bad}}))
	if want := `objects[1][0].ip_address: `; !strings.HasPrefix(got.err, want) {
		t.Errorf("got %q\nwant it to start %q", got.err, want)
	}
	got = viaWire(t, tfValue(server), tfValue([]any{subnet, map[string]any{"subnet": "s1/10"}}))
	if want := `objects[1]: an object with the attributes subnet could be a kea_pool`; !strings.HasPrefix(got.err, want) {
		t.Errorf("got %q\nwant it to start %q", got.err, want)
	}
	got = viaWire(t, tfValue(server), tfValue([]any{subnet, "s1/10"}))
	if want := `objects[1]: must be a resource object, or a list or map of them, got a string`; got.err != want {
		t.Errorf("got %q\nwant %q", got.err, want)
	}
	// A map given as a kind's list leads with its key too.
	got = viaWire(t, tfValue(server), tfValue(map[string]any{"subnets": []any{subnet}, "reservations": objects[1]}))
	if want := `reservations["nas"]: kea_reservation`; !strings.HasPrefix(got.err, want) {
		t.Errorf("got %q\nwant it to start %q", got.err, want)
	}
	// An object not known yet makes the result unknown.
	got = viaWire(t, tfValue(server), tfValue([]any{subnet, tftypes.NewValue(tftypes.DynamicPseudoType, tftypes.UnknownValue)}))
	if !got.unknown {
		t.Errorf("an unknown element gave %+v", got)
	}
}

// Through Terraform: resources given as they are in one list, a for_each
// resource whole; the data source takes the same list; a fault names
// the element and key.
func TestConfigFunction_OneList(t *testing.T) {
	const estate = `
resource "kea_dhcp_server" "office" {
  name       = "office"
  interfaces = ["eth0"]
}
resource "kea_subnet" "lan" {
  server    = kea_dhcp_server.office.id
  subnet_id = 10
  prefix    = "192.0.2.0/24"
}
# A map of resource objects, as a for_each resource is (the test
# framework's state checks refuse for_each addresses).
resource "kea_reservation" "hosts" {
  count      = 2
  subnet     = kea_subnet.lan.id
  hw_address = "00:11:22:33:44:5${count.index}"
  ip_address = "192.0.2.1${count.index}"
}
locals {
  host = { nas = kea_reservation.hosts[0], ap = kea_reservation.hosts[1] }
}
data "kea_config" "office" {
  server  = kea_dhcp_server.office
  objects = [kea_subnet.lan, local.host]
}
output "same" {
  value = provider::kea::config(kea_dhcp_server.office, [kea_subnet.lan, local.host]).config == provider::kea::config(kea_dhcp_server.office, {
    subnets = [kea_subnet.lan], reservations = values(local.host)
  }).config
}
output "from_data_source" {
  value = data.kea_config.office.config == provider::kea::config(kea_dhcp_server.office, [kea_subnet.lan, local.host]).config
}
output "hosts" {
  value = length(jsondecode(provider::kea::config(kea_dhcp_server.office, [kea_subnet.lan, local.host]).config).Dhcp4.subnet4[0].reservations)
}
`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: estate,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("same", knownvalue.Bool(true)),
					statecheck.ExpectKnownOutputValue("from_data_source", knownvalue.Bool(true)),
					statecheck.ExpectKnownOutputValue("hosts", knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue("data.kea_config.office", tfjsonpath.New("sha256"), knownvalue.NotNull()),
				},
			},
			{
				Config:      strings.Replace(estate, `"192.0.2.1${count.index}"`, `"192.0.${count.index + 2}.10"`, 1),
				ExpectError: regexp.MustCompile(`objects\[1\]\["ap"\]: kea_reservation`),
			},
		},
	})
}

// haFixture is the load-balancing golden's objects: three members of one
// relationship, serving one subnet.
func haFixture(t *testing.T) (servers []any, objects map[string]any) {
	t.Helper()
	for _, c := range fixtureCalls(t) {
		if c.name == "ha-load-balancing.in.json" {
			return c.objects["servers"].([]any), c.objects
		}
	}
	t.Fatal("no ha-load-balancing fixture")
	return nil, nil
}

// Several targets in one call: each member's document is the one it
// renders alone, in configs by name; the digest changes with any; a map
// of targets (a for_each resource) gives the same.
func TestConfigFunction_SeveralTargets(t *testing.T) {
	servers, objects := haFixture(t)
	got := viaWire(t, tfValue(servers), tfValue(objects))
	if got.err != "" || len(got.configs) != len(servers) {
		t.Fatalf("several targets: %+v", got)
	}
	var index strings.Builder
	byKey := map[string]any{}
	for i, s := range servers {
		name := s.(map[string]any)["name"].(string)
		alone := viaWire(t, tfValue(s), tfValue(objects))
		if alone.err != "" || got.configs[name] != alone.configs[name] {
			t.Errorf("%s: rendered with the others\n%s\nalone\n%s (%s)", name, got.configs[name], alone.configs[name], alone.err)
		}
		index.WriteString(name + " " + alone.sha256 + "\n")
		byKey[fmt.Sprintf("m%d", i)] = asResource(serverKind, s.(map[string]any))
	}
	if want := sha256Hex(index.String()); got.sha256 != want {
		t.Errorf("sha256 %s, want the digest of the members' digests %s", got.sha256, want)
	}
	keyed := viaWire(t, tfValue(byKey), tfValue(objects))
	if keyed.sha256 != got.sha256 || fmt.Sprint(keyed.configs) != fmt.Sprint(got.configs) {
		t.Errorf("a map of the targets gave %+v", keyed)
	}
}

// A fault in an object every member's document holds is said once; each
// member alone says it too. Targets of different kinds, a per-member kind
// and a target given twice are refused by name.
func TestConfigFunction_SeveralTargetsFaultsOnce(t *testing.T) {
	servers, objects := haFixture(t)
	objects = maps.Clone(objects)
	objects["pools"] = append(slices.Clone(objects["pools"].([]any)), map[string]any{"subnet": "lb/7", "range": "198.18.1.10 - 198.18.1.20"})
	alone := viaWire(t, tfValue(servers[0]), tfValue(objects))
	if alone.err == "" {
		t.Fatal("the pool outside its subnet renders")
	}
	got := viaWire(t, tfValue(servers), tfValue(objects))
	if got.err != alone.err {
		t.Errorf("three members say\n%s\nwhere one says\n%s", got.err, alone.err)
	}
	d2 := map[string]any{"name": "d2", "listener_mode": "unix"}
	agents := map[string]any{"name": "agents", "mode": "plain", "stork_server": "stork"}
	twice := append(slices.Clone(servers), servers[0])
	for _, c := range []struct {
		targets []any
		want    string
	}{
		{[]any{servers[0], d2}, `kea_d2_daemon "d2": renders kea-dhcp-ddns.conf where lb-1 renders kea-dhcp4.conf; render documents of different kinds in separate calls`},
		{[]any{servers[0], agents}, `kea_stork_agent_group "agents": renders one agent.env per member already; render it alone`},
		{twice, `kea_dhcp_server "lb-1": is given twice; give each target once`},
	} {
		if got := viaWire(t, tfValue(c.targets), tfValue(objects)); !strings.Contains(got.err, c.want) {
			t.Errorf("got %q\nwant %q", got.err, c.want)
		}
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// The tftypes reference reads several targets as the function does, so
// the two paths agree on them too (FuzzDecodeRender compares them).
func TestWire_SeveralTargetsMatchTFTypes(t *testing.T) {
	servers, objects := haFixture(t)
	lists := map[string]tftypes.Value{}
	for k, v := range objects {
		lists[k] = tfValue(v)
	}
	if got := compareValues(t, "several", tfValue(servers), lists, tfValue(objects)); got.err != "" || len(got.configs) != len(servers) {
		t.Errorf("several targets: %+v", got)
	}
}
