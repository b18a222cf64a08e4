package kea

// The DHCP render pipeline: select what the target server's document
// holds, validate it alone and against each other, render it in Kea's
// order. Each object kind's own checks and rendering live in its file.

// renderer holds the state of one DHCP render.
type renderer struct {
	e     *Estate
	srv   *Server // the target
	diags Diags

	defs    *defIndex
	badDefs map[spaceKey]bool // user definitions that failed validation, by name and by code

	optionData  map[string]int // name -> index in e.OptionData
	classes     map[string]int // name -> index in e.ClientClasses
	usedOptions map[string]bool
	usedClasses map[string]bool
	usedDefs    map[defUse]bool
	usedSpaces  map[string][]int // option space -> indexes of option data sent in it
	vendors     map[string]*VendorOptionSpace
	global43    map[string]*VendorOptionSpace // option 43 vendors outside classes
	usedSecrets bool
	ddns        ddnsState
	ha          *haInfo                // set when the target is an HA member
	fam         *family                // the target's address family
	selected    map[string]*subnetInfo // the document's subnets by id
	hosts       []hostInfo             // the document's reservations
	passed      map[string]bool        // ids of every subnet passed in
}

// secret resolves a named secret for the document and records that the
// document now holds one.
func (rd *renderer) secret(r reporter, attr, name string) (string, bool) {
	v, ok := checkSecret(r, attr, name, rd.e.Secrets)
	rd.usedSecrets = rd.usedSecrets || ok
	return v, ok
}

func (rd *renderer) rep(kind, id string, index int) reporter {
	return reporter{kind: kind, id: id, index: index, out: &rd.diags}
}

// clean runs a check and reports whether it found no error.
func (rd *renderer) clean(check func()) bool {
	n := len(rd.diags)
	check()
	return !rd.diags[n:].HasErrors()
}

// renderDHCP renders a server's kea-dhcp4 (Dhcp4) or kea-dhcp6 (Dhcp6)
// document. Objects that belong to other servers are ignored; objects the
// server uses are validated, alone and against each other.
func renderDHCP(e *Estate, t Target, doc *DocKind) (any, bool, Diags) {
	rd := &renderer{e: e, srv: t.(*Server), usedOptions: map[string]bool{}, usedClasses: map[string]bool{}, usedDefs: map[defUse]bool{}, usedSpaces: map[string][]int{}, global43: map[string]*VendorOptionSpace{}}
	conf := rd.render()
	if conf == nil || rd.diags.HasErrors() {
		return nil, false, rd.diags
	}
	return (&Object{}).Set(doc.Name, conf), rd.usedSecrets, rd.diags
}

func (rd *renderer) render() *Object {
	srv := rd.srv
	sr := rd.rep(KindServer, srv.ID(), -1)
	if srv.validate(sr); srv.Name == "" {
		return nil
	}
	rd.fam = srv.fam()
	rd.indexVendors()
	rd.indexDefinitions()
	rd.indexOptionData()
	rd.indexClasses()
	if srv.HA != nil && !rd.diags.HasErrors() {
		if rd.ha = rd.resolveHA(); rd.ha == nil || rd.diags.HasErrors() {
			return nil
		}
	}
	nets := rd.selectNetworks()
	subnets := rd.selectSubnets(nets)
	if subnets == nil && rd.diags.HasErrors() {
		return nil
	}
	rd.indexSubnets(subnets)
	rd.attachPools(subnets)
	rd.attachPDPools(subnets)
	rd.attachReservations(subnets)

	conf := &Object{}
	rd.renderServer(conf, sr)

	// Every object's own option data and classes first, so option-def and
	// client-classes can list what is used. In HA the primary owns the
	// global ones, and every member renders them.
	owner, or := srv, sr
	if rd.ha != nil && rd.ha.primary != nil {
		owner, or = rd.ha.primary, rd.rep(KindServer, rd.ha.primary.Name, -1)
	}
	serverOpts := rd.optionList(or, "option_data", owner.OptionData)
	rd.useClasses(or, "client_classes", owner.ClientClasses)
	rd.useDefs(or, "option_definitions", owner.OptionDefinitions)
	var topSubnets []any
	var globalHosts []int32
	rendered := make(map[*subnetInfo]*Object, len(subnets))
	for _, si := range subnets {
		obj := rd.renderSubnet(si)
		rendered[si] = obj
		if si.net == nil {
			topSubnets = append(topSubnets, obj)
		}
		if si.global {
			globalHosts = append(globalHosts, si.hosts...)
		}
	}
	networks := rd.renderNetworks(nets, rendered)
	classes := rd.renderClasses()
	rd.warnUnsent()
	rd.warnDDNS(sr)
	if defs := rd.renderDefs(sr); len(defs) > 0 {
		conf.Set("option-def", defs)
	}
	if len(serverOpts) > 0 {
		conf.Set("option-data", serverOpts)
	}
	if len(classes) > 0 {
		conf.Set("client-classes", classes)
	}
	if len(networks) > 0 {
		conf.Set("shared-networks", networks)
	}
	if topSubnets == nil {
		topSubnets = []any{}
	}
	conf.Set(rd.fam.subnets, topSubnets)
	if len(globalHosts) > 0 {
		conf.Set("reservations", hostList{rd: rd, hosts: globalHosts})
	}
	srv.Escape.finish(conf, sr, rd.fam.doc, scopeGlobal)
	if rd.diags.HasErrors() {
		return nil
	}
	return conf
}

func primaryName(p *Server) string {
	if p == nil {
		return "(none)"
	}
	return p.Name
}
