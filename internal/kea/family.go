package kea

import "github.com/keaform/terraform-provider-kea/internal/kea/expr"

// SpaceDHCP6 is the standard DHCPv6 option space.
const SpaceDHCP6 = "dhcp6"

// family holds what differs between kea-dhcp4 and kea-dhcp6 documents.
type family struct {
	v        int
	doc      string // Dhcp4 / Dhcp6: the document's name (keys of extra_json)
	subnets  string // subnet4 / subnet6
	addrAttr string // a reservation's address attribute
	space    string // the standard option space
	std      *defIndex
	maxCode  int64
	expr     expr.Family
}

var (
	fam4 = &family{v: 4, doc: "Dhcp4", subnets: "subnet4", addrAttr: "ip_address", space: SpaceDHCP4, std: stdIndex4, maxCode: 254, expr: expr.Family(4)}
	fam6 = &family{v: 6, doc: "Dhcp6", subnets: "subnet6", addrAttr: "ip_addresses", space: SpaceDHCP6, std: stdIndex6, maxCode: 65535, expr: expr.Family(6)}
)

var stdIndex6 = func() *defIndex {
	ix := &defIndex{byName: map[spaceKey]*optionDef{}, byCode: map[spaceCode]*optionDef{}}
	ix.addStd(SpaceDHCP6, stdDHCP6Options)
	ix.addStd("4o6", stdDHCP6ISCOptions)
	ix.addStd("s46-cont-mape-options", stdDHCP6MAPEOptions)
	ix.addStd("s46-cont-mapt-options", stdDHCP6MAPTOptions)
	ix.addStd("s46-cont-lw-options", stdDHCP6LWOptions)
	ix.addStd("s46-rule-options", stdDHCP6S46RuleOptions)
	ix.addStd("s46-v4v6bind-options", stdDHCP6S46V4V6BindOptions)
	ix.addStd("v6-ntp-server-suboptions", stdDHCP6NTPServerOptions)
	ix.addStd("docsis3-v6", stdDHCP6DOCSISOptions)
	ix.addStd("vendor-4491", stdDHCP6DOCSISOptions)
	return ix
}()

// fam is the server's address family (4 unless set to 6).
func (s *Server) fam() *family {
	if s.Family != nil && *s.Family == 6 {
		return fam6
	}
	return fam4
}

// famOf is the family of an address or prefix.
func famOf(is4 bool) *family {
	if is4 {
		return fam4
	}
	return fam6
}
