package topology

import (
	"net/netip"
	"path"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
)

// varNameRE is the syntax of ip_set, port_set and ip_set_reference names
// (at most 32 characters). Read-only.
var varNameRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

func (l *loader) resolveRuleGroup(b *ruleGroupBlock, g *RuleGroup) {
	g.AttrRanges = attrRanges(b.Body)
	if o, ok := l.oneOf(b.RuleOrder, of("rule_order", g), string(policyspec.StrictOrder), string(policyspec.DefaultActionOrder)); ok {
		g.RuleOrder = policyspec.RuleOrder(o)
	}
	names := map[string]hcl.Range{}
	for _, s := range b.IPSets {
		if !l.varName(s.Name, s.NameRange, "ip_set", g, names) {
			continue
		}
		items, _ := l.prefixes(s.Definition, "definition of ip_set "+s.Name+" of "+g.Addr())
		g.IPSets = append(g.IPSets, policyspec.IPSet{Name: s.Name, Prefixes: prefixValues(items), Range: blockRange(s.DefRange, s.Body)})
	}
	for _, s := range b.PortSets {
		if !l.varName(s.Name, s.NameRange, "port_set", g, names) {
			continue
		}
		set, _ := l.portList(s.Definition, "definition of port_set "+s.Name+" of "+g.Addr())
		g.PortSets = append(g.PortSets, policyspec.PortSet{Name: s.Name, Ports: set, Range: blockRange(s.DefRange, s.Body)})
	}
	refNames := map[string]hcl.Range{}
	for _, s := range b.IPSetReferences {
		if !l.varName(s.Name, s.NameRange, "ip_set_reference", g, refNames) {
			continue
		}
		g.IPSetReferences = append(g.IPSetReferences,
			policyspec.IPSet{Name: s.Name, Prefixes: l.ipSetRefPrefixes(s, g), Range: blockRange(s.DefRange, s.Body)})
	}
	if !l.oneSource(b, g) {
		return
	}
	switch {
	case present(b.Rules):
		g.Text = l.inlineRules(b.Rules, g)
	case present(b.RulesFile):
		g.Text = l.rulesFile(b.RulesFile, g)
		g.FromFile = g.Text != nil
	case len(b.StatefulRules) > 0:
		for _, rb := range b.StatefulRules {
			g.StatefulRules = append(g.StatefulRules, l.statefulRule(rb, g))
		}
	default:
		g.DomainList = l.domainList(b.DomainLists[0], g)
	}
}

// ipSetRefPrefixes evaluates an ip_set_reference: exactly one of cidrs
// (the referenced set's entries written out) and prefix_list (a
// prefix_list block, whose entries it takes).
func (l *loader) ipSetRefPrefixes(s *ipSetRefBlock, g *RuleGroup) []netip.Prefix {
	what := "ip_set_reference " + s.Name + " of " + g.Addr()
	switch {
	case present(s.CIDRs) && present(s.PrefixList):
		l.errorf(s.PrefixList.Range(), "Conflicting IP set reference",
			"The %s gives both cidrs and prefix_list; give one of them.", what)
	case present(s.PrefixList):
		if pl, ok := l.ref(s.PrefixList, "prefix_list of "+what, "prefix_list").(*PrefixList); ok {
			return pl.Entries
		}
	case present(s.CIDRs):
		items, _ := l.prefixes(s.CIDRs, "cidrs of "+what)
		return prefixValues(items)
	default:
		l.errorf(s.DefRange, "Empty IP set reference",
			"The %s gives neither cidrs nor prefix_list; name the prefix list it references, such as prefix_list = prefix_list.partners.", what)
	}
	return nil
}

// varName checks a rule variable name and its uniqueness in seen.
func (l *loader) varName(name string, rng hcl.Range, kind string, g *RuleGroup, seen map[string]hcl.Range) bool {
	if !varNameRE.MatchString(name) || len(name) > 32 {
		l.errorf(rng, "Invalid variable name",
			"The %s name %q of %s is not valid; use at most 32 letters, digits and '_', starting with a letter.", kind, name, g.Addr())
		return false
	}
	if first, dup := seen[name]; dup {
		l.errorf(rng, "Duplicate variable",
			"%s already defines a variable named %q at %s; variable names must be unique in a rule group.", g.Addr(), name, where(first))
		return false
	}
	seen[name] = rng
	return true
}

// oneSource checks that the group has exactly one rules source.
func (l *loader) oneSource(b *ruleGroupBlock, g *RuleGroup) bool {
	var srcs []hcl.Range
	if present(b.Rules) {
		srcs = append(srcs, g.AttrRanges["rules"])
	}
	if present(b.RulesFile) {
		srcs = append(srcs, g.AttrRanges["rules_file"])
	}
	if len(b.StatefulRules) > 0 {
		srcs = append(srcs, b.StatefulRules[0].DefRange)
	}
	for _, d := range b.DomainLists {
		srcs = append(srcs, d.DefRange)
	}
	switch {
	case len(srcs) == 0:
		l.errorf(g.Range, "Rule group without rules",
			"%s has no rules source; give exactly one of rules, rules_file, stateful_rule blocks or a domain_list block.", g.Addr())
		return false
	case len(srcs) > 1:
		l.errorf(srcs[1], "More than one rules source",
			"%s has more than one rules source; keep exactly one of rules, rules_file, stateful_rule blocks or one domain_list block.", g.Addr())
		return false
	}
	return true
}

// inlineRules evaluates a rules attribute with the file position of each
// line.
func (l *loader) inlineRules(expr hcl.Expression, g *RuleGroup) *policyspec.Text {
	s, ok := l.str(expr, of("rules", g))
	if !ok {
		return nil
	}
	rng := expr.Range()
	var src []byte
	if f := l.topo.Files[rng.Filename]; f != nil {
		src = f.Bytes
	}
	return &policyspec.Text{Filename: rng.Filename, Text: s, LineStarts: lineStarts(src, rng, s)}
}

// rulesFile reads a rules_file, relative to the .hcl file that names it
// and inside the topology root (readConfined: a regular file within the
// size limit), and registers it in Topology.Files. A refused file is
// reported at the rules_file attribute, without its content.
func (l *loader) rulesFile(expr hcl.Expression, g *RuleGroup) *policyspec.Text {
	name, ok := l.str(expr, of("rules_file", g))
	if !ok {
		return nil
	}
	from, known := l.files[expr.Range().Filename]
	rel, inside := relPath(from.rel, name)
	inside = inside && known
	p := path.Join(from.root.base, rel)
	if !inside {
		p = name
	}
	if f, seen := l.topo.Files[p]; seen && inside {
		return &policyspec.Text{Filename: p, Text: string(f.Bytes)}
	}
	var content []byte
	err := errOutsideRoot
	if inside {
		content, err = readConfined(from.root.fsys, rel, l.maxSize)
	}
	if err != nil {
		l.errorf(g.AttrRanges["rules_file"], "Cannot read rules file",
			"The rules_file of %s, %q, cannot be read: %s; the path is relative to the .hcl file.", g.Addr(), name, readErrText(err))
		return nil
	}
	l.topo.Files[p] = &hcl.File{Bytes: content}
	return &policyspec.Text{Filename: p, Text: string(content)}
}

func (l *loader) statefulRule(b *statefulRuleBlock, g *RuleGroup) policyspec.StandardRule {
	what := func(a string) string { return a + " of a stateful_rule of " + g.Addr() }
	r := policyspec.StandardRule{Range: blockRange(b.DefRange, b.Body), AttrRanges: attrValueRanges(b.Body)}
	r.Action, _ = l.oneOf(b.Action, what("action"), "PASS", "DROP", "REJECT", "ALERT")
	r.Protocol, _ = l.str(b.Protocol, what("protocol"))
	r.Source, _ = l.str(b.Source, what("source"))
	r.SourcePort, _ = l.str(b.SourcePort, what("source_port"))
	r.Direction, _ = l.oneOf(b.Direction, what("direction"), "FORWARD", "ANY")
	r.Destination, _ = l.str(b.Destination, what("destination"))
	r.DestinationPort, _ = l.str(b.DestinationPort, what("destination_port"))
	hasSID := false
	for _, ob := range b.Options {
		o := policyspec.StandardOption{Range: blockRange(ob.DefRange, ob.Body)}
		o.Keyword, _ = l.str(ob.Keyword, what("keyword of a rule_option"))
		items, _ := l.strs(ob.Settings, what("settings of a rule_option"))
		o.Settings = strValues(items)
		hasSID = hasSID || strings.EqualFold(o.Keyword, "sid")
		r.Options = append(r.Options, o)
	}
	if !hasSID {
		l.errorf(b.DefRange, "Rule without sid",
			"A stateful_rule of %s has no sid; add rule_option { keyword = \"sid\" settings = [\"1000001\"] } with a unique number.", g.Addr())
	}
	return r
}

func (l *loader) domainList(b *domainListBlock, g *RuleGroup) *policyspec.DomainList {
	what := func(a string) string { return a + " of the domain_list of " + g.Addr() }
	d := &policyspec.DomainList{Range: blockRange(b.DefRange, b.Body), AttrRanges: attrRanges(b.Body)}
	targets, ok := l.strs(b.Targets, what("targets"))
	d.Targets = strValues(targets)
	if ok && len(targets) == 0 {
		l.errorf(b.Targets.Range(), "Empty domain list",
			"The %s is empty; list domains such as \".example.com\".", what("targets"))
	}
	types, ok := l.strs(b.TargetTypes, what("target_types"))
	for _, t := range types {
		if s, tok := l.checkOneOf(t.s, t.rng, "target type in the "+what("target_types"), "TLS_SNI", "HTTP_HOST"); tok {
			d.TargetTypes = append(d.TargetTypes, s)
		}
	}
	if ok && len(types) == 0 {
		l.errorf(b.TargetTypes.Range(), "Empty target types",
			"The %s is empty; give \"TLS_SNI\", \"HTTP_HOST\" or both.", what("target_types"))
	}
	d.Type, _ = l.oneOf(b.Type, what("type"), "ALLOWLIST", "DENYLIST", "REJECTLIST", "ALERTLIST")
	return d
}

// portList evaluates a list of ports and ranges ("443", "1024:65535")
// into a set.
func (l *loader) portList(expr hcl.Expression, what string) (ports.Set, bool) {
	items, ok := l.strs(expr, what)
	var rs []ports.Range
	for _, it := range items {
		r, err := ports.ParseRange(it.s)
		if err != nil {
			l.errorf(it.rng, "Invalid port range",
				"The %q in the %s is not a port or range: %s; write \"443\" or \"1024:65535\".", it.s, what, err)
			ok = false
			continue
		}
		rs = append(rs, r)
	}
	return ports.NewSet(rs...), ok
}
