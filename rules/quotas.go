package rules

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// AWS Network Firewall quotas ("AWS Network Firewall quotas", Network
// Firewall Developer Guide,
// https://docs.aws.amazon.com/network-firewall/latest/developerguide/quotas.html).
// The first three cannot be changed: AWS refuses a rule group over them.
// The last is a default quota, adjustable through Service Quotas.
const (
	// maxRuleChars: "Maximum character length of a Suricata rule. Each
	// variable value in the rule counts towards this limit."
	maxRuleChars = 8192
	// maxRulesStringBytes: "Maximum size of a Suricata-compatible rules
	// string for a rule group, in bytes."
	maxRulesStringBytes = 2_000_000
	// maxGroupCapacity: "Maximum stateful rule group capacity"; a stateful
	// rule group's capacity is at least its number of rules.
	maxGroupCapacity = 30_000
	// defaultPolicyRules: "Maximum number of stateful rules per firewall
	// policy ... the total across all rule groups that are referenced by
	// the policy" (default quota).
	defaultPolicyRules = 30_000
)

const quotasPage = "AWS Network Firewall quotas"

// checkRulesString reports a group whose rules string is over AWS's size
// quota.
func checkRulesString(spec GroupSpec) hcl.Diagnostics {
	if spec.Text == nil || len(spec.Text.Text) <= maxRulesStringBytes {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError, Summary: "Rules string too large", Subject: rangePtr(spec.Range),
		Detail: fmt.Sprintf("The rules of %s are %d bytes; AWS Network Firewall accepts at most %d bytes of Suricata rules per rule group (%s). Split the rules into several groups.",
			spec.Name, len(spec.Text.Text), maxRulesStringBytes, quotasPage),
	}}
}

// checkGroupCapacity reports a group with more rules than a stateful rule
// group's capacity can hold. Domain lists are left out: AWS computes their
// capacity from the domains, not from the rules it generates.
func checkGroupCapacity(spec GroupSpec, n int) hcl.Diagnostics {
	if spec.Domains != nil || n <= maxGroupCapacity {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError, Summary: "Too many rules in a rule group", Subject: rangePtr(spec.Range),
		Detail: fmt.Sprintf("%s has %d rules; a stateful rule group's capacity, at least its number of rules, is at most %d in AWS Network Firewall (%s). Split the rules into several groups.",
			spec.Name, n, maxGroupCapacity, quotasPage),
	}}
}

// checkPolicyRules warns when a policy's groups hold more stateful rules
// than AWS's default quota; the quota can be raised, so it is a warning.
func checkPolicyRules(spec PolicySpec, n int) hcl.Diagnostics {
	if n <= defaultPolicyRules {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagWarning, Summary: "Over the stateful rules quota", Subject: rangePtr(spec.Range),
		Detail: fmt.Sprintf("The rule groups of %s hold %d stateful rules; AWS Network Firewall's default quota is %d stateful rules per firewall policy (%s). AWS refuses the policy unless the account's quota was raised through Service Quotas.",
			spec.Name, n, defaultPolicyRules, quotasPage),
	}}
}

// varLengths returns, for each variable a group's rules can use, a lower
// bound of the characters its value adds to a rule: its CIDRs or ports
// written as a comma-separated list. ip_set_reference values are not
// counted (AWS resolves them from another resource).
func varLengths(spec GroupSpec, env Env) map[string]int {
	out := map[string]int{}
	if len(env.HomeNet) > 0 {
		out["HOME_NET"] = prefixesLen(env.HomeNet)
		out["EXTERNAL_NET"] = out["HOME_NET"] + 1 // !$HOME_NET
	}
	for _, s := range spec.IPSets {
		out[s.Name] = prefixesLen(s.Prefixes)
	}
	for _, s := range spec.PortSets {
		out[s.Name] = portsLen(s.Ports)
	}
	return out
}

func prefixesLen(ps []netip.Prefix) int {
	n := max(len(ps)-1, 0) // commas
	for _, p := range ps {
		n += len(p.String())
	}
	return n
}

func portsLen(s ports.Set) int {
	return len(strings.Join(s.Strings(), ","))
}

// checkRuleLength reports a Suricata rule longer than AWS's per-rule
// quota, counting its characters with each variable replaced by its value
// (a lower bound: lists without spaces or brackets).
func checkRuleLength(r *Rule, lens map[string]int) hcl.Diagnostics {
	n := utf8.RuneCountInString(r.Text) + addrVarsLen(&r.Source, lens) + addrVarsLen(&r.Destination, lens) +
		portVarsLen(&r.SourcePort, lens) + portVarsLen(&r.DestinationPort, lens)
	if n <= maxRuleChars {
		return nil
	}
	subject := ruleStart(r)
	return hcl.Diagnostics{{
		Severity: hcl.DiagError, Summary: "Rule too long", Subject: &subject,
		Detail: fmt.Sprintf("This rule has at least %d characters with its variables replaced by their values; AWS Network Firewall accepts at most %d characters per Suricata rule, variable values included (%s). Use shorter lists or split the rule.",
			n, maxRuleChars, quotasPage),
	}}
}

// addrVarsLen returns what the variables of e add to a rule's length: each
// value's length minus the "$NAME" it replaces.
func addrVarsLen(e *syntax.AddrExpr, lens map[string]int) int {
	switch e.Kind {
	case syntax.AddrVar:
		if v, ok := lens[e.Name]; ok {
			return v - len(e.Name) - 1
		}
	case syntax.AddrGroup:
		n := 0
		for i := range e.Elems {
			n += addrVarsLen(&e.Elems[i], lens)
		}
		return n
	}
	return 0
}

func portVarsLen(e *syntax.PortExpr, lens map[string]int) int {
	switch e.Kind {
	case syntax.PortVar:
		if v, ok := lens[e.Name]; ok {
			return v - len(e.Name) - 1
		}
	case syntax.PortGroup:
		n := 0
		for i := range e.Elems {
			n += portVarsLen(&e.Elems[i], lens)
		}
		return n
	}
	return 0
}

// ruleStart returns the range of a rule's first word (its action) for a
// Suricata rule, else the rule's range (a standard rule or domain list
// block).
func ruleStart(r *Rule) hcl.Range {
	rng := r.Range
	if r.Format != FormatSuricata {
		return rng
	}
	w := strings.IndexAny(r.Text, " \t")
	if w < 0 {
		w = len(r.Text)
	}
	rng.End = hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + w, Byte: rng.Start.Byte + w}
	return rng
}
