package analyzer

import (
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// explainFirewall turns endpoint j's result into findings: the blocking
// rule or default, asymmetric routing, undecidable rules, the default
// action that decided, and the appliance-mode recommendation.
func (s *session) explainFirewall(j *endpointJudgement) {
	s.explainDrop(j)
	s.explainAsymmetry(j)
	s.explainUndecidable(j)
	s.explainDefaults(j)
	s.recommendApplianceMode(j)
}

// explainDrop reports the rule or default that drops the flow at j.
func (s *session) explainDrop(j *endpointJudgement) {
	pr, ok := firstDrop(j.res)
	if !ok || j.res.Verdict != rules.Drop {
		return
	}
	code := CodeFirewallRulesRestriction
	if pr.Decision.Kind == rules.DecidedByStreamException {
		code = CodeFirewallAsymmetricRouting
	}
	f := s.addExplanation(code, directionOf(pr.Phase), j.ep.Addr(), decisionMessage(j, pr))
	f.FirewallRule = s.n.firewallRuleInfo(j.ep.Firewall, pr)
}

// recommendApplianceMode reports the TGW attachments without appliance
// mode through which the flow entered j's VPC.
func (s *session) recommendApplianceMode(j *endpointJudgement) {
	comp := j.ep.Addr()
	for _, v := range append(append([]fwVisit{}, j.fwd...), j.ret...) {
		if v.via != nil && !v.via.ApplianceMode {
			s.addDetail(&Finding{Code: CodeTGWApplianceModeRecommended, Component: v.via.Addr(),
				Message: fmt.Sprintf("%s sits behind %s without appliance mode: a flow between AZs is inspected "+
					"by one endpoint on the way out and another on the way back, which drops it", comp, v.via.Addr())})
		}
	}
}

func directionOf(p rules.Phase) direction {
	if p.ToServer() {
		return dirForward
	}
	return dirReturn
}

// addExplanation records a blocking finding.
func (s *session) addExplanation(code string, dir direction, comp, msg string) *Finding {
	f := &Finding{Code: code, Direction: dir.String(), Component: comp, Message: msg}
	s.explanations = append(s.explanations, f)
	return f
}

// explainAsymmetry reports an endpoint that sees one direction only:
// blocking when it drops the flow, otherwise a fail-open warning.
func (s *session) explainAsymmetry(j *endpointJudgement) {
	if j.vis == rules.SeesBoth {
		return
	}
	comp := j.ep.Addr()
	if j.vis == rules.SeesServerOnly {
		if pr, ok := firstDrop(j.res); ok && pr.Decision.Kind == rules.DecidedByStreamException {
			return // already explained as the blocking finding
		}
		msg := fmt.Sprintf("%s sees only the reply: the request bypasses it. AWS Network Firewall does not "+
			"support asymmetric routing", comp)
		s.asymmetryFinding(j, dirReturn, msg)
		return
	}
	msg := fmt.Sprintf("%s sees only the request: the reply bypasses it, so the flow never becomes established "+
		"there. AWS Network Firewall does not support asymmetric routing", comp)
	if j.res.Verdict != rules.Drop {
		msg += "; the firewall fails open: its application-layer and established-state rules are not enforced, " +
			"and idle connections are cut after the new-flow timeout"
	}
	s.asymmetryFinding(j, dirForward, msg)
}

func (s *session) asymmetryFinding(j *endpointJudgement, dir direction, msg string) {
	if j.res.Verdict == rules.Drop {
		s.addExplanation(CodeFirewallAsymmetricRouting, dir, j.ep.Addr(), msg)
		return
	}
	s.addDetail(&Finding{Code: CodeFirewallAsymmetricRouting, Direction: dir.String(), Component: j.ep.Addr(), Message: msg})
}

// explainUndecidable reports rules with options the engine cannot decide:
// those that change the outcome make the answer AMBIGUOUS.
func (s *session) explainUndecidable(j *endpointJudgement) {
	// A CIDR query explains thousands of undecidable rules in each of
	// thousands of address classes: size the lists once and keep each
	// option once, in order of first use.
	nChanging := 0
	for _, m := range j.res.MayMatch {
		if m.ChangesOutcome {
			nChanging++
		}
	}
	changing := make([]*FirewallRuleInfo, 0, nChanging)
	harmless := make([]*FirewallRuleInfo, 0, len(j.res.MayMatch)-nChanging)
	var opts []string
	seenOpt := map[string]bool{}
	for _, m := range j.res.MayMatch {
		for _, o := range m.Options {
			if !seenOpt[o] {
				seenOpt[o] = true
				opts = append(opts, o)
			}
		}
		if info := s.n.ruleInfo(j.ep.Firewall, m.Rule); m.ChangesOutcome {
			changing = append(changing, info)
		} else {
			harmless = append(harmless, info)
		}
	}
	if j.res.Verdict == rules.Ambiguous {
		s.ambiguous = true
		f := s.addDetail(&Finding{Code: CodeFirewallUnsupportedHigherPriority, Component: j.ep.Addr(),
			Message: ambiguityMessage(j)})
		f.Rules, f.RuleOptions = changing, opts
	} else if len(harmless)+len(changing) > 0 {
		f := s.addDetail(&Finding{Code: CodeFirewallUnsupportedHigherPriority, Component: j.ep.Addr(),
			Message: fmt.Sprintf("%d earlier rule(s) with options the engine cannot decide could match; "+
				"either way the verdict is the same", len(harmless)+len(changing))})
		f.Rules, f.RuleOptions = append(changing, harmless...), opts
	}
	seen := map[*rules.Rule]bool{}
	for _, pr := range j.res.Phases {
		for _, d := range append([]rules.Decision{pr.Decision}, pr.Alternatives...) {
			if len(d.Unsupported) == 0 || d.Rule == nil || seen[d.Rule] {
				continue
			}
			seen[d.Rule] = true
			f := s.addDetail(&Finding{Code: CodeFirewallUnsupportedRuleOptions, Component: j.ep.Addr(),
				Message: fmt.Sprintf("%s decides the %s only if its options %s match, which the configuration "+
					"cannot decide", ruleName(d.Rule), pr.Phase, strings.Join(d.Unsupported, ", "))})
			f.FirewallRule, f.RuleOptions = s.n.ruleInfo(j.ep.Firewall, d.Rule), d.Unsupported
		}
	}
}

// explainDefaults names the policy default action when it decided a
// direction of the flow.
func (s *session) explainDefaults(j *endpointJudgement) {
	for _, toServer := range []bool{true, false} {
		pr, ok := directionDecision(j.res, toServer)
		if !ok {
			continue
		}
		d := pr.Decision
		if pr.Outcome == rules.Ambiguous {
			continue // the ambiguity detail explains it
		}
		var msg string
		switch d.Kind {
		case rules.DecidedByDefault:
			msg = fmt.Sprintf("no rule matched the %s; the policy default %s %s it", pr.Phase, d.DefaultAction, verb(d.Outcome))
		case rules.DecidedByNoMatch:
			msg = fmt.Sprintf("no rule matched the %s and the policy has no default drop action, so it passes", pr.Phase)
			if d.DefaultAction != "" {
				msg = fmt.Sprintf("no rule matched the %s and the policy default %s does not drop it, so it passes", pr.Phase, d.DefaultAction)
			}
		default:
			continue
		}
		dir := dirForward
		if !toServer {
			dir = dirReturn
		}
		f := s.addDetail(&Finding{Code: CodeFirewallPolicyDefaultAction, Direction: dir.String(),
			Component: j.ep.Addr(), Message: msg})
		f.FirewallRule = s.n.firewallRuleInfo(j.ep.Firewall, pr)
	}
}

func verb(o rules.Outcome) string {
	if o == rules.Drop {
		return "drops"
	}
	return "passes"
}

// firewallName returns the firewall's address.
func firewallName(fw *topology.Firewall) string { return fw.Addr() }
