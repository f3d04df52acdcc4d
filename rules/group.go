package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

// LoadGroup loads one stateful rule group: it parses its rules source
// (Suricata text, standard 5-tuple rules or a domain list), resolves each
// rule's header variables against the group's ip_set, port_set and
// ip_set_reference blocks and the policy's HOME_NET (env), and checks the
// rules against what AWS Network Firewall accepts, its quotas included
// (quotas.go).
//
// The result holds the rules that loaded without error, in written order,
// with Group set to spec.Name, Index to their position in the result, and
// Src, Dst, SrcPorts and DstPorts resolved. Any error makes the group
// invalid, as AWS would refuse it; warnings (a priority keyword in a
// strict-order group, host bits in a CIDR) do not. Every diagnostic points
// at the offending token: in the rules text, or for standard rules and
// domain lists at the HCL attribute or block.
func LoadGroup(spec GroupSpec, env Env) ([]*Rule, hcl.Diagnostics) {
	parsed, diags := parseSource(spec)
	diags = append(diags, checkRulesString(spec)...)
	diags = append(diags, checkGroupCapacity(spec, len(parsed))...)
	vars := newVarEnv(spec, env)
	lens := varLengths(spec, env)
	all := make([]Rule, len(parsed))
	out := make([]*Rule, 0, len(parsed))
	sids := make(map[int64]*Rule, len(parsed))
	for i, sr := range parsed {
		r := &all[i]
		r.Rule = sr
		d := vars.resolveRule(r)
		d = append(d, checkRuleLength(r, lens)...)
		d = append(d, checkAWS(r, spec.RuleOrder)...)
		d = append(d, checkSID(r, sids)...)
		diags = append(diags, d...)
		if d.HasErrors() {
			continue
		}
		r.Group, r.Index = spec.Name, len(out)
		out = append(out, r)
	}
	return out, diags
}

// parseSource parses whichever rules source the group has.
func parseSource(spec GroupSpec) ([]*syntax.Rule, hcl.Diagnostics) {
	switch {
	case spec.Text != nil:
		return syntax.ParseText(*spec.Text)
	case spec.Domains != nil:
		return domainListRules(spec.Domains)
	default:
		return standardRules(spec.Standard)
	}
}

// resolveRule sets the rule's resolved header.
func (v *varEnv) resolveRule(r *Rule) hcl.Diagnostics {
	var diags, d hcl.Diagnostics
	r.Src, d = v.resolveAddr(&r.Source)
	diags = append(diags, d...)
	r.Dst, d = v.resolveAddr(&r.Destination)
	diags = append(diags, d...)
	r.SrcPorts, d = v.resolvePort(&r.SourcePort)
	diags = append(diags, d...)
	r.DstPorts, d = v.resolvePort(&r.DestinationPort)
	return append(diags, d...)
}

// checkSID reports a sid already used in the group; Suricata keeps only
// the first rule with a given sid, and AWS refuses such a group.
func checkSID(r *Rule, seen map[int64]*Rule) hcl.Diagnostics {
	first, dup := seen[r.SID]
	if !dup {
		seen[r.SID] = r
		return nil
	}
	o, _ := r.Option("sid")
	subject := o.Range
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Duplicate sid",
		Detail: fmt.Sprintf("sid %d is already used by the rule at %s; each rule of a group needs its own sid.",
			r.SID, first.Location()),
		Subject: &subject,
	}}
}
