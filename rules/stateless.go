package rules

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
)

// Stateless standard actions.
const (
	statelessPass    = "aws:pass"
	statelessDrop    = "aws:drop"
	statelessForward = "aws:forward_to_sfe"
)

// statelessRule is a compiled stateless rule.
type statelessRule struct {
	group          string
	priority       int
	action         string // aws:pass, aws:drop or aws:forward_to_sfe
	src, dst       *netipx.IPSet
	sports, dports ports.Set // empty: any
	protos         map[int]bool
	hasFlags       bool
	flags, masks   uint8
}

// statelessEngine holds the stateless rules in evaluation order.
type statelessEngine struct {
	rules []*statelessRule
	// defaultAction for full packets ("" = aws:forward_to_sfe).
	defaultAction string
}

// compileStateless orders the stateless rules: groups by priority, rules
// by priority.
func compileStateless(spec PolicySpec) (*statelessEngine, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	e := &statelessEngine{defaultAction: statelessForward}
	for _, a := range spec.StatelessDefaultActions {
		if isStandardStateless(a) {
			e.defaultAction = a
		}
	}
	groups := append([]StatelessGroupSpec(nil), spec.StatelessGroups...)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Priority < groups[j].Priority })
	for _, g := range groups {
		rs := append([]policyspec.StatelessRule(nil), g.Rules...)
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Priority < rs[j].Priority })
		for _, r := range rs {
			sr, err := compileStatelessRule(g.Name, r)
			if err != nil {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid stateless rule",
					Detail: fmt.Sprintf("%s priority %d: %v.", g.Name, r.Priority, err), Subject: rangePtr(r.Range)})
				continue
			}
			e.rules = append(e.rules, sr)
		}
	}
	return e, diags
}

func isStandardStateless(a string) bool {
	return a == statelessPass || a == statelessDrop || a == statelessForward
}

func compileStatelessRule(group string, r policyspec.StatelessRule) (*statelessRule, error) {
	sr := &statelessRule{group: group, priority: r.Priority, sports: r.SourcePorts, dports: r.DestinationPorts}
	for _, a := range r.Actions {
		if isStandardStateless(a) {
			sr.action = a
		}
	}
	if sr.action == "" {
		return nil, fmt.Errorf("no standard action (aws:pass, aws:drop or aws:forward_to_sfe)")
	}
	sr.src, sr.dst = prefixesSet(r.Sources), prefixesSet(r.Destinations)
	if len(r.Protocols) > 0 {
		sr.protos = map[int]bool{}
		for _, p := range r.Protocols {
			sr.protos[p] = true
		}
	}
	if f := r.TCPFlags; f != nil {
		sr.hasFlags = true
		var err error
		if sr.flags, err = flagNames(f.Flags); err != nil {
			return nil, err
		}
		if sr.masks, err = flagNames(f.Masks); err != nil {
			return nil, err
		}
		if len(f.Masks) == 0 {
			sr.masks = 0xff
		}
	}
	return sr, nil
}

func flagNames(names []string) (uint8, error) {
	var f uint8
	for _, n := range names {
		switch strings.ToUpper(n) {
		case "FIN":
			f |= tcpFIN
		case "SYN":
			f |= tcpSYN
		case "RST":
			f |= tcpRST
		case "PSH":
			f |= tcpPSH
		case "ACK":
			f |= tcpACK
		case "URG":
			f |= tcpURG
		case "ECE":
			f |= tcpECE
		case "CWR":
			f |= tcpCWR
		default:
			return 0, fmt.Errorf("unknown TCP flag %q", n)
		}
	}
	return f, nil
}

// prefixesSet returns the set of ps, nil (any) when ps is empty.
func prefixesSet(ps []netip.Prefix) *netipx.IPSet {
	if len(ps) == 0 {
		return nil
	}
	var b netipx.IPSetBuilder
	for _, p := range ps {
		b.AddPrefix(netip.PrefixFrom(p.Addr().Unmap(), p.Bits()).Masked())
	}
	s, _ := b.IPSet()
	return s
}

// matches reports whether the rule matches packet pk.
func (r *statelessRule) matches(pk *packet) bool {
	if r.protos != nil && !r.protos[int(pk.l4)] {
		return false
	}
	if (r.src != nil && !r.src.Contains(pk.src)) || (r.dst != nil && !r.dst.Contains(pk.dst)) {
		return false
	}
	hasPorts := pk.l4 == TCP || pk.l4 == UDP
	if !r.sports.IsEmpty() && (!hasPorts || !r.sports.Contains(pk.sport)) {
		return false
	}
	if !r.dports.IsEmpty() && (!hasPorts || !r.dports.Contains(pk.dport)) {
		return false
	}
	if r.hasFlags && (pk.l4 != TCP || pk.tcpFlags&r.masks != r.flags) {
		return false
	}
	return true
}

// decide returns the stateless decision for pk: the first matching rule's
// action, else the default action. rule is nil for the default.
func (e *statelessEngine) decide(pk *packet) (action string, rule *statelessRule) {
	for _, r := range e.rules {
		if r.matches(pk) {
			return r.action, r
		}
	}
	return e.defaultAction, nil
}

// decision returns the Decision for a stateless pass or drop.
func (e *statelessEngine) decision(action string, r *statelessRule) Decision {
	d := Decision{Outcome: Pass, Action: ActionPass}
	if action == statelessDrop {
		d.Outcome, d.Action = Drop, ActionDrop
	}
	if r == nil {
		d.Kind, d.DefaultAction = DecidedByStatelessDefault, action
		return d
	}
	d.Kind, d.StatelessGroup, d.StatelessPriority = DecidedByStateless, r.group, r.priority
	return d
}
