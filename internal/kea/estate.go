package kea

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Estate is everything a renderer may draw from: any number of objects, of
// the target or of others, and the secrets documents may hold. Its JSON
// form is the objects argument of the provider's config function: one
// list per kind, named as Kinds says.
type Estate struct {
	// Servers are servers other than the target: an HA member's partners,
	// and servers whose objects the lists hold. The target may be among
	// them.
	Servers         []Server            `json:"servers"`
	HARelationships []HARelationship    `json:"ha_relationships"`
	VendorSpaces    []VendorOptionSpace `json:"vendor_option_spaces"`
	SharedNetworks  []SharedNetwork     `json:"shared_networks"`
	Subnets         []Subnet            `json:"subnets"`
	Pools           []Pool              `json:"pools"`
	PDPools         []PDPool            `json:"pd_pools"`
	Reservations    []Reservation       `json:"reservations"`
	OptionDefs      []OptionDef         `json:"option_definitions"`
	OptionData      []OptionData        `json:"option_data"`
	ClientClasses   []ClientClass       `json:"client_classes"`
	// Dynamic DNS.
	TSIGKeys     []TSIGKey    `json:"tsig_keys"`
	D2Daemons    []D2Daemon   `json:"d2_daemons"`
	DDNSDomains  []DDNSDomain `json:"ddns_domains"`
	DDNSPolicies []DDNSPolicy `json:"ddns_policies"`
	// Stork monitoring.
	StorkServers     []StorkServer     `json:"stork_servers"`
	StorkAgentGroups []StorkAgentGroup `json:"stork_agent_groups"`
	// Secrets are values written into the document where objects name
	// them (e.g. control socket passwords).
	Secrets map[string]string `json:"secrets"`
}

// SecretsKey is the estate's JSON key for the secrets map.
const SecretsKey = "secrets"

// Feature is an optional part of the product that the provider block turns
// on and off (enable_ddns, enable_stork).
type Feature string

// The features.
const (
	FeatureDDNS  Feature = "ddns"
	FeatureStork Feature = "stork"
)

// Entity is one object of the estate.
type Entity interface {
	// ID is the object's id, as other objects refer to it. It is also
	// the import id.
	ID() string
	// Identity is the id and whether the attributes it derives from are
	// all set (the id is final).
	Identity() (string, bool)
	// Validate checks the object on its own; index is its position in
	// its input list, or -1.
	Validate(index int) Diags
}

// Kind describes one object kind: its Terraform type, the estate list that
// carries it, and how its id reads. The provider derives its resources,
// the data source's and function's inputs and their decoders from Kinds.
type Kind struct {
	Name string // Terraform type, e.g. "kea_subnet"
	List string // the estate list, e.g. "subnets"
	Desc string // what the list holds
	// Relay marks the lists the relay lookup reads.
	Relay bool
	// Feature is the provider feature gate the kind belongs to, if any.
	Feature Feature
	// Tied are groups of attributes checked together: while one of a
	// group is not known yet, findings on the others wait.
	Tied [][]string
	// Type is the Go type of one object.
	Type    reflect.Type
	new     func() Entity
	parseID func(id string) (Entity, error)
	list    func(e *Estate) any // a pointer to the estate's slice
	length  func(e *Estate) int
	at      func(e *Estate, i int) Entity
}

// kindOf builds a Kind for objects of type T held in the estate list get
// returns.
func kindOf[T any, P interface {
	*T
	Entity
}](name, list, desc string, get func(*Estate) *[]T, parseID func(string) (*T, error)) *Kind {
	return &Kind{
		Name: name, List: list, Desc: desc,
		Type:    reflect.TypeFor[T](),
		new:     func() Entity { return P(new(T)) },
		parseID: func(id string) (Entity, error) { v, err := parseID(id); return P(v), err },
		list:    func(e *Estate) any { return get(e) },
		length:  func(e *Estate) int { return len(*get(e)) },
		at:      func(e *Estate, i int) Entity { return P(&(*get(e))[i]) },
	}
}

func (k *Kind) relay() *Kind             { k.Relay = true; return k }
func (k *Kind) gated(f Feature) *Kind    { k.Feature = f; return k }
func (k *Kind) tied(g ...[]string) *Kind { k.Tied = append(k.Tied, g...); return k }

// Kinds lists every object kind, in the order the estate lists them.
// Adding a kind is its own file plus one line here.
var Kinds = []*Kind{
	kindOf(KindServer, "servers", "Other `kea_dhcp_server` objects: an HA member's partners (the target itself may be among them).", func(e *Estate) *[]Server { return &e.Servers }, ParseServerID).relay(),
	kindOf(KindHARelationship, "ha_relationships", "`kea_ha_relationship` objects.", func(e *Estate) *[]HARelationship { return &e.HARelationships }, ParseHARelationshipID).relay(),
	kindOf(KindVendorSpace, "vendor_option_spaces", "`kea_vendor_option_space` objects.", func(e *Estate) *[]VendorOptionSpace { return &e.VendorSpaces }, ParseVendorOptionSpaceID),
	kindOf(KindSharedNetwork, "shared_networks", "`kea_shared_network` objects.", func(e *Estate) *[]SharedNetwork { return &e.SharedNetworks }, ParseSharedNetworkID),
	kindOf(KindSubnet, "subnets", "`kea_subnet` objects. Subnets of other servers are ignored, so one list can serve every server.", func(e *Estate) *[]Subnet { return &e.Subnets }, ParseSubnetID).relay(),
	kindOf(KindPool, "pools", "`kea_pool` objects.", func(e *Estate) *[]Pool { return &e.Pools }, ParsePoolID).tied([]string{"range", "start", "end"}),
	kindOf(KindPDPool, "pd_pools", "`kea_pd_pool` objects (DHCPv6).", func(e *Estate) *[]PDPool { return &e.PDPools }, ParsePDPoolID),
	kindOf(KindReservation, "reservations", "`kea_reservation` objects.", func(e *Estate) *[]Reservation { return &e.Reservations }, ParseReservationID).tied(IdentifierAttributes()),
	kindOf(KindOptionDef, "option_definitions", "`kea_option_definition` objects.", func(e *Estate) *[]OptionDef { return &e.OptionDefs }, ParseOptionDefID).tied([]string{"space", "vendor_space", "code", "name"}),
	kindOf(KindOptionData, "option_data", "`kea_option_data` objects.", func(e *Estate) *[]OptionData { return &e.OptionData }, ParseOptionDataID).tied([]string{"data", "values", "option", "code"}, []string{"space", "vendor_space", "code", "name", "delivery"}),
	kindOf(KindClientClass, "client_classes", "`kea_client_class` objects.", func(e *Estate) *[]ClientClass { return &e.ClientClasses }, ParseClientClassID).tied([]string{"test", "template_test"}),
	kindOf(KindTSIGKey, "tsig_keys", "`kea_tsig_key` objects: the keys a D2 daemon's domains and DNS servers name.", func(e *Estate) *[]TSIGKey { return &e.TSIGKeys }, ParseTSIGKeyID).gated(FeatureDDNS).tied([]string{"secret", "secret_file"}),
	kindOf(KindD2Daemon, "d2_daemons", "`kea_d2_daemon` objects: the D2 daemons servers send DNS updates to (the target's D2 daemon, for a DHCP server).", func(e *Estate) *[]D2Daemon { return &e.D2Daemons }, ParseD2DaemonID).gated(FeatureDDNS).tied([]string{"listener_mode", "address"}),
	kindOf(KindDDNSDomain, "ddns_domains", "`kea_ddns_domain` objects. Domains of other D2 daemons are ignored.", func(e *Estate) *[]DDNSDomain { return &e.DDNSDomains }, ParseDDNSDomainID).gated(FeatureDDNS),
	kindOf(KindDDNSPolicy, "ddns_policies", "`kea_ddns_policy` objects the server, its HA relationship, shared networks, subnets and pools name.", func(e *Estate) *[]DDNSPolicy { return &e.DDNSPolicies }, ParseDDNSPolicyID).gated(FeatureDDNS),
	kindOf(KindStorkServer, "stork_servers", "`kea_stork_server` objects: the Stork server an agent group registers with.", func(e *Estate) *[]StorkServer { return &e.StorkServers }, ParseStorkServerID).gated(FeatureStork).tied([]string{"tls_certificate", "tls_private_key"}),
	kindOf(KindStorkAgentGroup, "stork_agent_groups", "`kea_stork_agent_group` objects the servers' `stork_agent_group` names.", func(e *Estate) *[]StorkAgentGroup { return &e.StorkAgentGroups }, ParseStorkAgentGroupID).gated(FeatureStork).tied([]string{"mode", "stork_server"}),
}

var kindsByName = func() map[string]*Kind {
	m := make(map[string]*Kind, len(Kinds))
	for _, k := range Kinds {
		m[k.Name] = k
	}
	return m
}()

var kindsByList = func() map[string]*Kind {
	m := make(map[string]*Kind, len(Kinds))
	for _, k := range Kinds {
		m[k.List] = k
	}
	return m
}()

// KindListed returns the kind whose estate list has the name, or nil.
func KindListed(list string) *Kind { return kindsByList[list] }

// KindNamed returns the kind with the Terraform type name, or nil.
func KindNamed(name string) *Kind { return kindsByName[name] }

// ListNames are the estate's list names, in Kinds order.
func ListNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = k.List
	}
	return out
}

// Decode reads one object of the kind from its JSON form, refusing
// attributes the kind does not have.
func (k *Kind) Decode(raw []byte) (Entity, error) {
	v := k.new()
	return v, decodeStrict(raw, v)
}

// DecodeList reads a JSON list of the kind's objects into the estate.
func (k *Kind) DecodeList(e *Estate, raw []byte) error { return decodeStrict(raw, k.list(e)) }

// Len is how many objects of the kind the estate holds.
func (k *Kind) Len(e *Estate) int { return k.length(e) }

// At is the estate's i-th object of the kind.
func (k *Kind) At(e *Estate, i int) Entity { return k.at(e, i) }

// ParseID reads an import id into an object that has its identity
// attributes set and nothing else.
func (k *Kind) ParseID(id string) (Entity, error) { return k.parseID(id) }

func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// splitID splits an import id into n parts on "/", where the last part may
// itself contain "/" (ranges, prefixes, circuit ids).
func splitID(id string, n int, format string) ([]string, error) {
	parts := strings.SplitN(id, "/", n)
	if len(parts) != n {
		return nil, fmt.Errorf("import id %q does not have the form %s", id, format)
	}
	for _, p := range parts {
		if p == "" {
			return nil, fmt.Errorf("import id %q does not have the form %s", id, format)
		}
	}
	return parts, nil
}

func parseIDNumber(s, what string) (int64, error) {
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q is not a number", what, s)
	}
	return i, nil
}
