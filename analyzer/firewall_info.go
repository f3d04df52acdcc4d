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
		info = ruleInfo(fw, d.Rule)
		if d.Kind == rules.DecidedByLatch {
			info.LatchedAt = d.LatchedAt.String()
		}
	case rules.DecidedByDefault:
		info = &FirewallRuleInfo{Engine: "default_action", DefaultAction: d.DefaultAction}
	case rules.DecidedByNoMatch:
		info = &FirewallRuleInfo{Engine: "default_action", DefaultAction: "none"}
	case rules.DecidedByStateless:
		info = &FirewallRuleInfo{Engine: "stateless", RuleGroup: d.StatelessGroup, Priority: d.StatelessPriority}
	case rules.DecidedByStatelessDefault:
		info = &FirewallRuleInfo{Engine: "stateless", DefaultAction: d.DefaultAction}
	case rules.DecidedByStreamException:
		info = &FirewallRuleInfo{Engine: "stream_exception", DefaultAction: d.DefaultAction}
	default:
		info = &FirewallRuleInfo{Engine: "stateful"}
	}
	info.Firewall = firewallName(fw)
	info.Policy = fw.Policy.Addr()
	info.Phase = pr.Phase.String()
	info.Action = outcomeAction(pr, d)
	return info
}

// outcomeAction is the action shown for a decision: the rule's action, or
// pass/drop for defaults and settings.
func outcomeAction(pr rules.PhaseResult, d rules.Decision) string {
	if d.Rule != nil && (d.Kind == rules.DecidedByRule || d.Kind == rules.DecidedByLatch) {
		return d.Action.String()
	}
	switch pr.Outcome {
	case rules.Drop:
		return "drop"
	case rules.Ambiguous:
		return "ambiguous"
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
		Firewall: firewallName(fw), Policy: fw.Policy.Addr(), RuleGroup: r.Group, Engine: "stateful",
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
		return fmt.Sprintf("%s dropped the flow at the %s; %s is dropped with it", ruleName(d.Rule), d.LatchedAt, what)
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

// ambiguityMessage explains an AMBIGUOUS firewall verdict: the outcome
// with the undecidable rules taken as not matching, and each way it can
// change.
func ambiguityMessage(j *endpointJudgement) string {
	var names []string
	for _, m := range j.res.MayMatch {
		if m.ChangesOutcome {
			names = append(names, fmt.Sprintf("%s (%s)", ruleName(m.Rule), strings.Join(m.Options, ", ")))
		}
	}
	base := "passes the flow"
	for _, pr := range j.res.Phases {
		if pr.Outcome == rules.Drop {
			base = "drops the " + pr.Phase.String()
			break
		}
	}
	var alts []string
	for _, pr := range j.res.Phases {
		for _, a := range pr.Alternatives {
			alt := describeAlternative(pr.Phase, a)
			if !containsString(alts, alt) {
				alts = append(alts, alt)
			}
		}
	}
	msg := fmt.Sprintf("the verdict depends on %s, which the configuration cannot decide", strings.Join(names, "; "))
	if len(alts) > 0 {
		msg += fmt.Sprintf(": if they match, %s; if not, the firewall %s", strings.Join(alts, "; "), baseOutcome(j, base))
	}
	return msg
}

func baseOutcome(j *endpointJudgement, base string) string {
	if pr, ok := directionDecision(j.res, true); ok && pr.Decision.Rule != nil && pr.Outcome == rules.Pass {
		return fmt.Sprintf("%s (%s)", base, ruleName(pr.Decision.Rule))
	}
	return base
}

func describeAlternative(p rules.Phase, d rules.Decision) string {
	switch {
	case d.Rule != nil:
		return fmt.Sprintf("%s %s the %s", ruleName(d.Rule), actionVerb(d.Action), p)
	case d.DefaultAction != "":
		return fmt.Sprintf("the default %s %s the %s", d.DefaultAction, verb(d.Outcome), p)
	}
	return fmt.Sprintf("the %s %s", p, map[rules.Outcome]string{rules.Pass: "passes", rules.Drop: "is dropped"}[d.Outcome])
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
