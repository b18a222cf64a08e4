package kea

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/keaform/terraform-provider-kea/internal/kea/expr"
)

// KindClientClass is the client class's Terraform type.
const KindClientClass = "kea_client_class"

// ClientClass is a kea_client_class.
type ClientClass struct {
	Name                 string   `json:"name"`
	Test                 *string  `json:"test"`
	TemplateTest         *string  `json:"template_test"`
	OnlyInAdditionalList *bool    `json:"only_in_additional_list"`
	OptionData           []string `json:"option_data"`
	Lifetimes
	// DHCPv6 only.
	V6Lifetimes
	BootFields
	DDNSScope
	Escape
}

var classNameRe = regexp.MustCompile(`^[A-Za-z0-9_](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_])?$`)

// Kea's built-in classes: they exist without being defined. Kea 3.0 lets a
// configuration define them to attach options or lifetimes, but not with
// a test ("built-in class 'KNOWN' test expression must be empty"). The
// classes Kea assigns by name prefix (VENDOR_CLASS_ from option 60, HA_
// from the HA hook) may also be defined, test and all: ISC's own
// vendor-specific.json example defines VENDOR_CLASS_339.
var builtinClasses = map[string]bool{"ALL": true, "KNOWN": true, "UNKNOWN": true, "BOOTP": true}

var builtinClassPrefixes = []string{"VENDOR_CLASS_", "HA_"}

func isBuiltinClass(name string) bool {
	if builtinClasses[name] {
		return true
	}
	for _, p := range builtinClassPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// ID is the class's identity: its name.
func (c *ClientClass) ID() string { return c.Name }

// Identity is the id once the name is set.
func (c *ClientClass) Identity() (string, bool) { return c.Name, c.Name != "" }

// ParseClientClassID reads a class's import id: its name.
func ParseClientClassID(id string) (*ClientClass, error) { return &ClientClass{Name: id}, nil }

// Validate checks the client class on its own.
func (c *ClientClass) Validate(index int) Diags {
	var out Diags
	c.validate(reporter{kind: KindClientClass, id: c.Name, index: index, out: &out})
	return out
}

func (c *ClientClass) validate(r reporter) {
	c.DDNSScope.refuse(r, scopeClientClass)
	switch {
	case c.Name == "":
		r.errf("name", "is required")
	case builtinClasses[c.Name] && (c.Test != nil || c.TemplateTest != nil):
		attr := "test"
		if c.Test == nil {
			attr = "template_test"
		}
		r.errf(attr, "%q is a Kea built-in class, which Kea assigns itself: it takes no test (Kea: built-in class '%s' test expression must be empty); define it without one to attach options to it", c.Name, c.Name)
	case !classNameRe.MatchString(c.Name):
		r.errf("name", "%q: use letters, digits, underscores, dots, colons and hyphens", c.Name)
	}
	if c.Test != nil && c.TemplateTest != nil {
		r.errf("template_test", "set test or template_test, not both")
	}
	if c.Test != nil && strings.TrimSpace(*c.Test) == "" {
		r.errf("test", "must not be empty; leave it unset for a class without a test")
	} else if c.Test != nil {
		if err := parseEitherFamily(*c.Test, expr.Bool); err != nil {
			r.errf("test", "expression [%s] error: %v", *c.Test, err)
		}
	}
	if c.TemplateTest != nil && strings.TrimSpace(*c.TemplateTest) == "" {
		r.errf("template_test", "must not be empty")
	} else if c.TemplateTest != nil {
		if err := parseEitherFamily(*c.TemplateTest, expr.String); err != nil {
			r.errf("template_test", "expression [%s] error: %v (a template test computes the name of the class to spawn, a string)", *c.TemplateTest, err)
		}
	}
	checkLifetimes(r, &c.Lifetimes, nil)
	checkRefs(r, "option_data", c.OptionData)
	c.BootFields.check(r)
	c.Escape.check(r)
}

// parseEitherFamily checks an expression whose family is not known yet (a
// class alone): it must parse for DHCPv4 or DHCPv6; the document's family
// is checked when the class is rendered.
func parseEitherFamily(src string, kind expr.Kind) error {
	_, err4 := expr.Parse(src, expr.Family(4), kind)
	if err4 == nil {
		return nil
	}
	if _, err6 := expr.Parse(src, expr.Family(6), kind); err6 == nil {
		return nil
	}
	return err4
}

// checkFamily refuses class keys the target's daemon does not have.
func (c *ClientClass) checkFamily(r reporter, f *family) {
	if f.v == 6 {
		notIn(r, "DHCPv6", c.BootFields.set())
		return
	}
	notIn(r, "DHCPv4", c.V6Lifetimes.set())
}

// indexClasses indexes client classes by name, reporting duplicates.
func (rd *renderer) indexClasses() {
	rd.classes = make(map[string]int, len(rd.e.ClientClasses))
	for i := range rd.e.ClientClasses {
		c := &rd.e.ClientClasses[i]
		if j, dup := rd.classes[c.Name]; dup {
			rd.rep(KindClientClass, c.Name, i).errf("name", "is used by another client class too (%s); class names must be unique", row(KindClientClass, j))
			continue
		}
		rd.classes[c.Name] = i
	}
}

func (rd *renderer) class(name string) *ClientClass {
	if i, ok := rd.classes[name]; ok {
		return &rd.e.ClientClasses[i]
	}
	return nil
}

// setClasses renders a scope's restricting class (client-classes) and
// additional classes. A restricting class that is only_in_additional_list
// is assigned only when the enclosing subnet lists it in its additional
// classes: allowed for a pool of such a subnet, an error elsewhere.
func (rd *renderer) setClasses(o *Object, r reporter, scope string, subnet *Subnet, refs *ScopeRefs) {
	classes, attrs := refs.restricting()
	additional := refs.AdditionalClasses
	for i, class := range classes {
		rd.useClass(r, attrs[i], class)
		if c := rd.class(class); c != nil && boolv(c.OnlyInAdditionalList, false) {
			switch {
			case subnet == nil:
				r.errf(attrs[i], "class %q is only_in_additional_list, so it is never assigned when the %s is selected; a %s restricted to it would serve no client", c.Name, scope, scope)
			case !contains(subnet.AdditionalClasses, c.Name):
				r.errf(attrs[i], "class %q is only_in_additional_list; it is assigned only when subnet %s lists it in additional_classes", c.Name, subnet.ID())
			}
		}
	}
	if len(classes) > 0 {
		o.Set("client-classes", classes)
	}
	if len(additional) > 0 {
		rd.useClasses(r, "additional_classes", additional)
		o.Set("evaluate-additional-classes", additional)
	}
}

func (rd *renderer) useClass(r reporter, attr, name string) {
	if _, ok := rd.classes[name]; !ok {
		if isBuiltinClass(name) {
			return
		}
		r.errf(attr, "refers to client class %q, which was not passed in", name)
		return
	}
	rd.usedClasses[name] = true
}

func (rd *renderer) useClasses(r reporter, attr string, names []string) {
	for i, n := range names {
		rd.useClass(r, fmt.Sprintf("%s[%d]", attr, i), n)
	}
}

// classDeps lists the classes a class's expression refers to with
// member(); an expression that does not parse has none (its own error is
// reported when the class is validated).
func classDeps(c *ClientClass, f *family) []string {
	src, kind := c.Test, expr.Bool
	if src == nil {
		src, kind = c.TemplateTest, expr.String
	}
	if src == nil {
		return nil
	}
	deps, err := expr.Parse(*src, f.expr, kind)
	if err != nil {
		return nil
	}
	return deps
}

// checkClassOptions checks a class expression in the document's family, and
// that the option names it uses (option[name]) are defined, standard or by
// a kea_option_definition.
func (rd *renderer) checkClassOptions(r reporter, c *ClientClass) {
	src, kind, attr := c.Test, expr.Bool, "test"
	if src == nil {
		src, kind, attr = c.TemplateTest, expr.String, "template_test"
	}
	if src == nil {
		return
	}
	env := &expr.Env{OptionDefined: func(name string) bool {
		_, ok := rd.defs.byName[spaceKey{rd.fam.space, name}]
		return ok
	}}
	if _, err := expr.Parse(*src, rd.fam.expr, kind); err != nil {
		r.errf(attr, "expression [%s] error: %v", *src, err) // e.g. a DHCPv4 token in a DHCPv6 document
	} else if _, err := expr.ParseEnv(*src, rd.fam.expr, kind, env); err != nil {
		r.errf(attr, "expression [%s] error: %v (define the option with a kea_option_definition, or use its code)", *src, err)
	}
}

// renderClasses renders every used class, and the classes their tests
// refer to, ordered so that member() only names earlier classes.
func (rd *renderer) renderClasses() []any {
	// Close over member() references.
	queue := make([]string, 0, len(rd.usedClasses))
	for n := range rd.usedClasses {
		queue = append(queue, n)
	}
	sort.Strings(queue)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		c := rd.class(n)
		// The classes tagging its options are rendered too (a missing one
		// is reported where the option is rendered).
		for _, d := range rd.optionTags(c) {
			if _, ok := rd.classes[d]; ok && !rd.usedClasses[d] {
				rd.usedClasses[d] = true
				queue = append(queue, d)
			}
		}
		for _, d := range classDeps(c, rd.fam) {
			if rd.usedClasses[d] || isBuiltinClass(d) {
				continue
			}
			if _, ok := rd.classes[d]; !ok {
				rd.rep(KindClientClass, n, rd.classes[n]).errf(testAttr(c), "member('%s') refers to a class that was not passed in", d)
				continue
			}
			rd.usedClasses[d] = true
			queue = append(queue, d)
		}
	}
	names := make([]string, 0, len(rd.usedClasses))
	for n := range rd.usedClasses {
		names = append(names, n)
	}
	// Kea evaluates classes in the order they are defined, and where two
	// classes of a client set the same option the first one's is sent:
	// the order passed in is kept, but for a class that member() refers
	// to, which Kea needs defined first.
	inOrder := func(l []string) { sort.Slice(l, func(a, b int) bool { return rd.classes[l[a]] < rd.classes[l[b]] }) }
	inOrder(names)
	// Depth-first topological order, visiting in the order passed in.
	state := map[string]int{} // 1 visiting, 2 done
	var order []string
	var visit func(n string, path []string)
	visit = func(n string, path []string) {
		switch state[n] {
		case 2:
			return
		case 1:
			c := rd.class(n)
			rd.rep(KindClientClass, n, rd.classes[n]).errf(testAttr(c), "member() references form a cycle: %s", strings.Join(append(path, n), " -> "))
			return
		}
		state[n] = 1
		c := rd.class(n)
		deps := classDeps(c, rd.fam)
		inOrder(deps)
		for _, d := range deps {
			if rd.usedClasses[d] {
				visit(d, append(path, n))
			}
		}
		state[n] = 2
		order = append(order, n)
	}
	for _, n := range names {
		visit(n, nil)
	}
	out := make([]any, 0, len(order))
	for _, n := range order {
		idx := rd.classes[n]
		c := &rd.e.ClientClasses[idx]
		r := rd.rep(KindClientClass, n, idx)
		if !rd.clean(func() { c.validate(r) }) {
			continue
		}
		rd.checkClassOptions(r, c)
		c.checkFamily(r, rd.fam)
		if max := rd.srv.maxValidLifetime(); c.ValidLifetime != nil && *c.ValidLifetime > max && c.MaxValidLifetime == nil {
			r.warnf("valid_lifetime", "%d is above server %q's max_valid_lifetime (%d): the class and the server disagree on the longest lease; set the class's max_valid_lifetime to say the class may exceed it, or lower the lifetime", *c.ValidLifetime, rd.srv.Name, max)
		}
		o := (&Object{}).Set("name", c.Name)
		setStr(o, "test", c.Test)
		setStr(o, "template-test", c.TemplateTest)
		setBool(o, "only-in-additional-list", c.OnlyInAdditionalList)
		c.Lifetimes.render(o)
		c.V6Lifetimes.render(o)
		c.BootFields.render(o)
		opts, v43 := rd.scopeOptions(r, "option_data", c.OptionData)
		if v43 != nil {
			// The class redefines option 43 for its vendor (Kea allows
			// class definitions for deferred codes: 43 and 224-254).
			o.Set("option-def", []any{option43Def(v43, false)})
		}
		if len(opts) > 0 {
			o.Set("option-data", opts)
		}
		c.Escape.finish(o, r, rd.fam.doc, scopeClientClass)
		out = append(out, o)
	}
	return out
}

// optionTags are the classes that tag the options of class c (their
// client_classes), which the class's own rendering reports on.
func (rd *renderer) optionTags(c *ClientClass) []string {
	var out []string
	for _, ref := range c.OptionData {
		if idx, ok := rd.optionData[ref]; ok {
			out = append(out, rd.e.OptionData[idx].ClientClasses...)
		}
	}
	return out
}

func testAttr(c *ClientClass) string {
	if c != nil && c.TemplateTest != nil {
		return "template_test"
	}
	return "test"
}
