// Command gen writes a large, deterministic Kea estate for benchmarks, in
// the format of internal/kea/testdata/golden/*.in.json (the HCL attribute
// names of the provider's objects).
//
// Default shape: one server "big"; 2,000 /24 subnets (ids 1..2000, prefix
// 10.<id/256>.<id%256>.0/24), each with its own routers option; 2 pools per
// subnet (.100-.149, .150-.199); 25 reservations per subnet (.10-.34,
// hw_address 02:00:<index as 4 bytes>, hostname h<index>, index counted
// from 0 over all reservations); two global options on the server; two
// client classes, "pxe" on the first pool of every 10th subnet and "voip"
// on the second pool of every 10th subnet (offset 5).
//
// internal/kea/bench_test.go builds the same estate in memory (largeEstate);
// scripts/bench.sh checks that the two agree.
//
// Usage:
//
//	go run ./bench/gen [-subnets N] [-pools-per-subnet N] [-hosts-per-subnet N] [-o estate.json]
//	go run ./bench/gen -tf -o DIR   # DIR/main.tf + DIR/estate.json
//	go run ./bench/gen -tf -hcl -o DIR  # the same in pure HCL (the baseline)
//	go run ./bench/gen -tf -datasource -o DIR  # the same through the kea_config data source
//	go run ./bench/gen -tf -resources kea -subnets 1000 -pools-per-subnet 1 -hosts-per-subnet 1 -o DIR
//	    # one resource per object (3,001) and one provider::kea::config call
//	go run ./bench/gen -tf -resources minimal ... -o DIR
//	    # the same resources of the minimal provider (bench/minimal)
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The estate's objects, with only the attributes the generator sets.
type server struct {
	Name       string   `json:"name"`
	Interfaces []string `json:"interfaces"`
	OptionData []string `json:"option_data"`
}

type subnet struct {
	Server     string   `json:"server"`
	SubnetID   int      `json:"subnet_id"`
	Prefix     string   `json:"prefix"`
	OptionData []string `json:"option_data,omitempty"`
}

type pool struct {
	Subnet        string   `json:"subnet"`
	Range         string   `json:"range"`
	ClientClasses []string `json:"client_classes,omitempty"`
}

type reservation struct {
	Subnet    string `json:"subnet"`
	HWAddress string `json:"hw_address"`
	IPAddress string `json:"ip_address"`
	Hostname  string `json:"hostname"`
}

type optionData struct {
	Name   string   `json:"name"`
	Option string   `json:"option"`
	Data   string   `json:"data,omitempty"`
	Values []string `json:"values,omitempty"`
}

type clientClass struct {
	Name         string `json:"name"`
	Test         string `json:"test"`
	NextServer   string `json:"next_server,omitempty"`
	BootFileName string `json:"boot_file_name,omitempty"`
}

type estate struct {
	Server        server
	Subnets       []subnet
	Pools         []pool
	Reservations  []reservation
	OptionData    []optionData
	ClientClasses []clientClass
}

const serverName = "big"

// generate builds the estate. Keep in step with largeEstate in
// internal/kea/bench_test.go.
func generate(nSubnets, poolsPer, hostsPer int) *estate {
	e := &estate{
		Server: server{Name: serverName, Interfaces: []string{"*"}, OptionData: []string{"dns", "domain"}},
		OptionData: []optionData{
			{Name: "dns", Option: "domain-name-servers", Values: []string{"10.0.0.53", "10.0.0.54"}},
			{Name: "domain", Option: "domain-name", Data: "big.example.net"},
		},
		ClientClasses: []clientClass{
			{Name: "pxe", Test: "option[93].hex == 0x0007", NextServer: "10.0.0.5", BootFileName: "ipxe.efi"},
			{Name: "voip", Test: "substring(option[60].hex,0,4) == 'VOIP'"},
		},
	}
	poolSize := 100 / poolsPer
	host := 0
	for id := 1; id <= nSubnets; id++ {
		net := fmt.Sprintf("10.%d.%d.", id>>8&255, id&255)
		ref := fmt.Sprintf("%s/%d", serverName, id)
		routers := fmt.Sprintf("routers-%d", id)
		e.OptionData = append(e.OptionData, optionData{Name: routers, Option: "routers", Data: net + "1"})
		e.Subnets = append(e.Subnets, subnet{Server: serverName, SubnetID: id, Prefix: net + "0/24", OptionData: []string{routers}})
		for k := 0; k < poolsPer; k++ {
			first := 100 + k*poolSize
			p := pool{Subnet: ref, Range: fmt.Sprintf("%s%d - %s%d", net, first, net, first+poolSize-1)}
			switch {
			case id%10 == 0 && k == 0:
				p.ClientClasses = []string{"pxe"}
			case id%10 == 5 && k == 1:
				p.ClientClasses = []string{"voip"}
			}
			e.Pools = append(e.Pools, p)
		}
		for j := 0; j < hostsPer; j++ {
			e.Reservations = append(e.Reservations, reservation{
				Subnet:    ref,
				HWAddress: fmt.Sprintf("02:00:%02x:%02x:%02x:%02x", host>>24&255, host>>16&255, host>>8&255, host&255),
				IPAddress: fmt.Sprintf("%s%d", net, 10+j),
				Hostname:  fmt.Sprintf("h%d", host),
			})
			host++
		}
	}
	return e
}

// writeEstate writes the estate like the golden inputs: one object per line.
func writeEstate(w io.Writer, e *estate) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	line := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		bw.Write(b)
	}
	list := func(name string, n int, elem func(i int) any, last bool) {
		fmt.Fprintf(bw, "  %q: [", name)
		for i := 0; i < n; i++ {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			line(elem(i))
		}
		if n > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteString("]")
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("{\n  \"server\": ")
	line(e.Server)
	bw.WriteString(",\n")
	list("subnets", len(e.Subnets), func(i int) any { return e.Subnets[i] }, false)
	list("pools", len(e.Pools), func(i int) any { return e.Pools[i] }, false)
	list("reservations", len(e.Reservations), func(i int) any { return e.Reservations[i] }, false)
	list("option_definitions", 0, nil, false)
	list("option_data", len(e.OptionData), func(i int) any { return e.OptionData[i] }, false)
	list("client_classes", len(e.ClientClasses), func(i int) any { return e.ClientClasses[i] }, true)
	bw.WriteString("}\n")
	return bw.Flush()
}

const mainTF = `# Generated by bench/gen: renders the estate in estate.json (plain objects)
# through the provider function during plan.
` + providerHeader + `
output "sha" {
  value = provider::kea::config(local.e.server, {
    subnets        = local.e.subnets
    pools          = local.e.pools
    reservations   = local.e.reservations
    option_data    = local.e.option_data
    client_classes = local.e.client_classes
  }).sha256
}
`

// providerHeader requires the provider (PREFIX from SOURCE) and reads the
// estate; the kea configurations below start with it.
const providerHeader = `terraform {
  required_providers {
    PREFIX = { source = "SOURCE" }
  }
}

locals {
  e = jsondecode(file("${path.module}/estate.json"))
}
`

// dataSourceTF renders the same estate through the kea_config data source.
const dataSourceTF = `# Generated by bench/gen -datasource: the estate in estate.json through the
# kea_config data source (read during plan: its inputs are all known).
` + providerHeader + `
data "kea_config" "big" {
  server         = local.e.server
  subnets        = local.e.subnets
  pools          = local.e.pools
  reservations   = local.e.reservations
  option_data    = local.e.option_data
  client_classes = local.e.client_classes
}

output "sha" {
  value = data.kea_config.big.sha256
}
`

// hclTF is the baseline of issue 12's comparison: the same estate turned
// into a Dhcp4 document in pure HCL, with grouping and direct indexing
// (the best a user can do without the provider) and jsonencode. It checks
// nothing; it only does the work of building the document.
const hclTF = `# Generated by bench/gen -hcl: the same estate rendered in pure HCL, the
# baseline the provider function is measured against.
locals {
  e      = jsondecode(file("${path.module}/estate.json"))
  option = { for o in local.e.option_data : o.name => { name = o.option, data = try(o.data, join(", ", o.values)) } }
  pools  = { for p in local.e.pools : p.subnet => p... }
  hosts  = { for r in local.e.reservations : r.subnet => r... }
  doc = {
    Dhcp4 = {
      "interfaces-config" = { interfaces = local.e.server.interfaces }
      "valid-lifetime"    = 3600
      "option-data"       = [for n in local.e.server.option_data : local.option[n]]
      "client-classes" = [for c in local.e.client_classes : merge({ name = c.name, test = c.test },
        try({ "next-server" = c.next_server, "boot-file-name" = c.boot_file_name }, {}))]
      subnet4 = [for s in local.e.subnets : {
        id            = s.subnet_id
        subnet        = s.prefix
        "option-data" = [for n in try(s.option_data, []) : local.option[n]]
        pools = [for p in local.pools["${s.server}/${s.subnet_id}"] :
        merge({ pool = p.range }, try({ "client-classes" = p.client_classes }, {}))]
        reservations = [for r in local.hosts["${s.server}/${s.subnet_id}"] :
        { "hw-address" = r.hw_address, "ip-address" = r.ip_address, hostname = r.hostname }]
      }]
    }
  }
}

output "sha" {
  value = sha256(jsonencode(local.doc))
}
`

// resourcesTF declares one resource per object of the estate (the
// options left out), for the kea provider or the minimal one (PREFIX),
// and ends in the function call (kea) or the pure-HCL digest of the same
// objects (minimal).
const resourcesTF = `# Generated by bench/gen -resources: one PREFIX resource per object.
` + providerHeader + `
resource "PREFIX_dhcp_server" "big" {
  name = local.e.server.name
}

resource "PREFIX_subnet" "s" {
  for_each  = { for s in local.e.subnets : "${s.server}/${s.subnet_id}" => s }
  server    = PREFIX_dhcp_server.big.id
  subnet_id = each.value.subnet_id
  prefix    = each.value.prefix
}

resource "PREFIX_pool" "p" {
  for_each = { for p in local.e.pools : p.range => p }
  subnet   = each.value.subnet
  range    = each.value.range
}

resource "PREFIX_reservation" "r" {
  for_each   = { for r in local.e.reservations : r.hw_address => r }
  subnet     = each.value.subnet
  hw_address = each.value.hw_address
  ip_address = each.value.ip_address
  hostname   = each.value.hostname
}

output "sha" {
  value = OUTPUT
}
`

func resourcesMain(prefix string) (string, error) {
	var source, output string
	switch prefix {
	case "kea":
		source = "keaform/kea"
		output = "provider::kea::config(kea_dhcp_server.big, {\n    subnets      = values(kea_subnet.s)\n    pools        = values(kea_pool.p)\n    reservations = values(kea_reservation.r)\n  }).sha256"
	case "minimal":
		source = "bench/minimal"
		output = "sha256(jsonencode([values(minimal_subnet.s), values(minimal_pool.p), values(minimal_reservation.r)]))"
	default:
		return "", fmt.Errorf("-resources %q: kea or minimal", prefix)
	}
	r := strings.NewReplacer("PREFIX", prefix, "SOURCE", source, "OUTPUT", output)
	return r.Replace(resourcesTF), nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func main() {
	nSubnets := flag.Int("subnets", 2000, "number of /24 subnets (at most 65535)")
	poolsPer := flag.Int("pools-per-subnet", 2, "pools per subnet, splitting .100-.199 (1 to 100)")
	hostsPer := flag.Int("hosts-per-subnet", 25, "reservations per subnet, from .10 up (0 to 90)")
	out := flag.String("o", "-", "output file (- for stdout); with -tf, the output directory")
	tf := flag.Bool("tf", false, "write a Terraform configuration: main.tf and estate.json in the -o directory")
	hcl := flag.Bool("hcl", false, "with -tf: a main.tf that renders the estate in pure HCL (the baseline), not through the provider")
	dataSource := flag.Bool("datasource", false, "with -tf: a main.tf that renders the estate through the kea_config data source")
	resources := flag.String("resources", "", "with -tf: a main.tf with one resource per object, of the kea or the minimal provider")
	flag.Parse()
	if flag.NArg() > 0 {
		fail(fmt.Errorf("unexpected arguments %q", flag.Args()))
	}
	switch {
	case *nSubnets < 1 || *nSubnets > 65535:
		fail(fmt.Errorf("-subnets %d: must be 1 to 65535", *nSubnets))
	case *poolsPer < 1 || *poolsPer > 100:
		fail(fmt.Errorf("-pools-per-subnet %d: must be 1 to 100", *poolsPer))
	case *hostsPer < 0 || *hostsPer > 90:
		fail(fmt.Errorf("-hosts-per-subnet %d: must be 0 to 90", *hostsPer))
	}
	e := generate(*nSubnets, *poolsPer, *hostsPer)
	write := func(w io.Writer) error { return writeEstate(w, e) }

	if *tf {
		dir := *out
		if dir == "-" || dir == "" {
			dir = "."
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fail(err)
		}
		if err := writeFile(filepath.Join(dir, "estate.json"), write); err != nil {
			fail(err)
		}
		main := mainTF
		switch {
		case *resources != "":
			m, err := resourcesMain(*resources)
			if err != nil {
				fail(err)
			}
			main = m
		case *hcl:
			main = hclTF
		case *dataSource:
			main = dataSourceTF
		}
		if *resources == "" {
			main = strings.NewReplacer("PREFIX", "kea", "SOURCE", "keaform/kea").Replace(main)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(main), 0o644); err != nil {
			fail(err)
		}
		return
	}
	if *out == "-" || *out == "" {
		if err := write(os.Stdout); err != nil {
			fail(err)
		}
		return
	}
	if err := writeFile(*out, write); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(2)
}
