package analyzer

import (
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// firewallRuleInfo renders what decided a phase at a firewall, the way RA
// shows a firewall rule.
func firewallRuleInfo(fw *topology.Firewall, pr rules.PhaseResult) *FirewallRuleInfo {
	d := pr.Decision
	var info *FirewallRuleInfo
	switch d.Kind {
	case rules.DecidedByRule, rules.DecidedByLatch:
		if d.Rule != nil {
			info = ruleInfo(fw, d.Rule)
		} else { // a default action latched the flow (aws:drop_strict)
			info = &FirewallRuleInfo{Engine: EngineDefaultAction, DefaultAction: d.DefaultAction}
		}
		if d.Kind == rules.DecidedByLatch {
			info.LatchedAt = d.LatchedAt.String()
		}
	case rules.DecidedByDefault:
		info = &FirewallRuleInfo{Engine: EngineDefaultAction, DefaultAction: d.DefaultAction}
	case rules.DecidedByNoMatch:
		info = &FirewallRuleInfo{Engine: EngineDefaultAction, DefaultAction: "none"}
	case rules.DecidedByStateless:
		info = &FirewallRuleInfo{Engine: EngineStateless, RuleGroup: d.StatelessGroup, Priority: d.StatelessPriority}
	case rules.DecidedByStatelessDefault:
		info = &FirewallRuleInfo{Engine: EngineStateless, DefaultAction: d.DefaultAction}
	case rules.DecidedByStreamException:
		info = &FirewallRuleInfo{Engine: EngineStreamException, DefaultAction: d.DefaultAction}
	default:
		info = &FirewallRuleInfo{Engine: EngineStateful}
	}
	info.Firewall = firewallName(fw)
	info.Policy = fw.Policy.Addr()
	info.Phase = pr.Phase.String()
	info.Action = decisionAction(d)
	info.Ambiguous = pr.Outcome == rules.Ambiguous
	return info
}

// decisionAction is the action shown for a decision: the rule's action, or
// pass/drop for defaults and settings (the baseline's, when ambiguous).
func decisionAction(d rules.Decision) string {
	if d.Rule != nil && (d.Kind == rules.DecidedByRule || d.Kind == rules.DecidedByLatch) {
		return d.Action.String()
	}
	if d.Outcome == rules.Drop {
		return "drop"
	}
	return "pass"
}

// ruleInfo renders a stateful rule with its expanded header.
func ruleInfo(fw *topology.Firewall, r *rules.Rule) *FirewallRuleInfo {
	dir := "forward"
	if r.Bidirectional {
		dir = "any"
	}
	return &FirewallRuleInfo{
		Firewall: firewallName(fw), Policy: fw.Policy.Addr(), RuleGroup: r.Group, Engine: EngineStateful,
		SID: r.SID, Action: r.Action.String(), Protocol: r.Protocol,
		Sources: rules.FormatAddrs(r.Src), Destinations: rules.FormatAddrs(r.Dst),
		SourcePorts: r.SrcPorts.Strings(), DestinationPorts: r.DstPorts.Strings(),
		Direction: dir, Rule: r.Text, Location: r.Location(),
	}
}

// ruleName renders "rule sid 1000002 (reject http) in rule_group.egress".
func ruleName(r *rules.Rule) string {
	return fmt.Sprintf("rule sid %d (%s %s) in %s", r.SID, r.Action, r.Protocol, r.Group)
}

// decisionMessage explains a dropped phase.
func decisionMessage(j *endpointJudgement, pr rules.PhaseResult) string {
	d := pr.Decision
	what := "the " + pr.Phase.String()
	switch d.Kind {
	case rules.DecidedByRule:
		return fmt.Sprintf("%s %s %s", ruleName(d.Rule), actionVerb(d.Action), what)
	case rules.DecidedByLatch:
		who := "the policy default " + d.DefaultAction
		if d.Rule != nil {
			who = ruleName(d.Rule)
		}
		return fmt.Sprintf("%s dropped the flow at the %s; %s is dropped with it", who, d.LatchedAt, what)
	case rules.DecidedByDefault:
		return fmt.Sprintf("no rule matched %s; the policy default %s drops it", what, d.DefaultAction)
	case rules.DecidedByStateless:
		return fmt.Sprintf("stateless rule priority %d in %s drops %s", d.StatelessPriority, d.StatelessGroup, what)
	case rules.DecidedByStatelessDefault:
		return fmt.Sprintf("no stateless rule matched %s; the stateless default %s drops it", what, d.DefaultAction)
	case rules.DecidedByStreamException:
		return fmt.Sprintf("%s sees the server's packets of a TCP flow whose start it never saw (the request "+
			"bypassed it): the stream exception policy %s drops them before any rule runs. AWS Network Firewall "+
			"does not support asymmetric routing", j.ep.Addr(), streamPolicy(d))
	}
	return fmt.Sprintf("%s is dropped", what)
}

func streamPolicy(d rules.Decision) string {
	if d.DefaultAction != "" {
		return d.DefaultAction
	}
	return "DROP"
}

func actionVerb(a rules.Action) string {
	switch a {
	case rules.ActionReject:
		return "rejects"
	case rules.ActionPass:
		return "passes"
	case rules.ActionAlert:
		return "alerts on"
	}
	return "drops"
}

// ambiguityMessage explains an AMBIGUOUS firewall verdict at its first
// ambiguous phase: the undecidable rules, what happens if they match, and
// what happens if not (the baseline), with the flag that would decide.
func ambiguityMessage(j *endpointJudgement) string {
	var names, opts []string
	for _, m := range j.res.MayMatch {
		if m.ChangesOutcome {
			names = append(names, fmt.Sprintf("%s (%s)", ruleName(m.Rule), strings.Join(m.Options, ", ")))
			opts = append(opts, m.Options...)
		}
	}
	msg := fmt.Sprintf("the verdict depends on %s, which the configuration cannot decide%s",
		strings.Join(names, " and "), decidingFlags(opts))
	for _, pr := range j.res.Phases {
		if pr.Outcome != rules.Ambiguous {
			continue
		}
		var alts []string
		for _, a := range pr.Alternatives {
			if alt := describeDecision(pr.Phase, a); !containsString(alts, alt) {
				alts = append(alts, alt)
			}
		}
		if len(alts) > 0 {
			msg += fmt.Sprintf(": if it matches, %s; otherwise %s", strings.Join(alts, ", or "),
				describeDecision(pr.Phase, pr.Decision))
		}
		break
	}
	return msg
}

// decidingFlags names the query flags that would decide the given
// options.
func decidingFlags(opts []string) string {
	var flags []string
	for _, o := range opts {
		switch {
		case strings.HasPrefix(o, "tls.sni") && !containsString(flags, "--sni"):
			flags = append(flags, "--sni")
		case strings.HasPrefix(o, "http.host") && !containsString(flags, "--http-host"):
			flags = append(flags, "--http-host")
		}
	}
	if len(flags) == 0 {
		return ""
	}
	return " (pass " + strings.Join(flags, " and ") + " to decide it)"
}

// describeDecision says what a decision does to a phase.
func describeDecision(p rules.Phase, d rules.Decision) string {
	switch {
	case d.Rule != nil:
		return fmt.Sprintf("%s %s the %s", ruleName(d.Rule), actionVerb(d.Action), p)
	case d.Kind == rules.DecidedByNoMatch:
		return fmt.Sprintf("no rule matches and the %s passes", p)
	case d.DefaultAction != "":
		return fmt.Sprintf("the policy default %s %s the %s", d.DefaultAction, verb(d.Outcome), p)
	case d.Outcome == rules.Drop:
		return fmt.Sprintf("the %s is dropped", p)
	}
	return fmt.Sprintf("the %s passes", p)
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
