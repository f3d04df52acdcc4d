package logcheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vpcreach/vpcreach/logs"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// judgeAlert compares a logged alert with the model's result for its
// flow. It returns the drift found, or a reason when the model cannot
// decide. rule is the model's rule with the alert's sid (nil: none).
//
// A "blocked" alert agrees when the model drops the flow with that rule.
// An "allowed" alert agrees when the model's rule with that sid does not
// drop (an alert or pass rule); whether an alert rule matches the flow is
// not checked, since alert rules decide nothing. An alert whose signature
// starts with "aws:" comes from a default action and agrees when the
// model's default action decides the same way.
func judgeAlert(fw *topology.Firewall, k logs.AlertKey, rule *rules.Rule, res rules.Result) ([]Drift, string) {
	if strings.HasPrefix(k.Signature, "aws:") {
		return judgeDefault(fw, k, res)
	}
	if rule == nil {
		return []Drift{{Kind: DriftSID, Location: policyLocation(fw), Message: fmt.Sprintf(
			"%s logged sid %d (%q), but %s has no rule with that sid: the deployed rules differ from the model",
			k.Firewall, k.SID, k.Signature, fw.Policy.Addr())}}, ""
	}
	loc := &Location{File: rule.Range.Filename, Line: rule.Range.Start.Line}
	if k.Action != logs.ActionBlocked {
		if rule.Action == rules.ActionDrop || rule.Action == rules.ActionReject {
			return []Drift{{Kind: DriftAction, Location: loc, Message: fmt.Sprintf(
				"the deployed sid %d let the packet through (%s), but the model's rule %ss", k.SID, k.Action, rule.Action)}}, ""
		}
		return nil, ""
	}
	pr, ok := decisive(res)
	switch {
	case res.Verdict == rules.Ambiguous:
		return nil, ambiguity(res)
	case !ok || res.Verdict == rules.Pass:
		return []Drift{{Kind: DriftAction, Location: loc, Message: fmt.Sprintf(
			"the deployed sid %d blocked this flow, but the model passes it (%s)", k.SID, deciderText(pr.Decision))}}, ""
	case pr.Decision.Rule != nil && pr.Decision.Rule.SID == k.SID:
		return nil, ""
	}
	return []Drift{{Kind: DriftDecider, Location: loc, Message: fmt.Sprintf(
		"the deployed sid %d blocked this flow; the model drops it too, but %s decides at %s first",
		k.SID, deciderText(pr.Decision), pr.Phase)}}, ""
}

// judgeDefault judges an alert of a default action: its signature names
// the action ("aws:drop_established", "aws:alert_strict", ...). Suricata
// logs these per packet, also for the later packets of a flow a rule
// already dropped, so the deciding rule is not compared. An alert action
// agrees when the model's policy has it; a drop action agrees when the
// policy has it and the model drops the flow.
func judgeDefault(fw *topology.Firewall, k logs.AlertKey, res rules.Result) ([]Drift, string) {
	action := strings.Fields(k.Signature)[0]
	loc := policyLocation(fw)
	if fw.Policy == nil || !slices.Contains(fw.Policy.StatefulDefaultActions, action) {
		return []Drift{{Kind: DriftAction, Location: loc, Message: fmt.Sprintf(
			"the deployed policy applies the default action %s, which the model's %s does not have", action, policyName(fw))}}, ""
	}
	if strings.HasPrefix(action, "aws:alert_") || k.Action != logs.ActionBlocked {
		return nil, ""
	}
	pr, _ := decisive(res)
	switch res.Verdict {
	case rules.Ambiguous:
		return nil, ambiguity(res)
	case rules.Pass:
		return []Drift{{Kind: DriftAction, Location: loc, Message: fmt.Sprintf(
			"the deployed default action %s blocked this flow, but the model passes it (%s)", action, deciderText(pr.Decision))}}, ""
	}
	return nil, ""
}

func policyName(fw *topology.Firewall) string {
	if fw.Policy == nil {
		return fw.Addr() + " (no policy)"
	}
	return fw.Policy.Addr()
}

// ambiguity says why the model cannot decide.
func ambiguity(res rules.Result) string {
	var opts []string
	for _, m := range res.MayMatch {
		if m.ChangesOutcome {
			opts = append(opts, fmt.Sprintf("sid %d (%s)", m.Rule.SID, strings.Join(m.Options, ", ")))
		}
	}
	if len(opts) == 0 {
		return "the model cannot decide this flow from what the log records"
	}
	return "the model cannot decide this flow from what the log records: it depends on " + strings.Join(opts, "; ")
}

// deciderText names what decided a phase.
func deciderText(d rules.Decision) string {
	switch {
	case d.Rule != nil:
		return fmt.Sprintf("sid %d (%s %s) in %s at %s", d.Rule.SID, d.Rule.Action, d.Rule.Protocol, d.Rule.Group, d.Rule.Location())
	case d.DefaultAction != "":
		return "default action " + d.DefaultAction
	case d.Kind == rules.DecidedByNoMatch:
		return "no rule matches"
	case d.StatelessGroup != "":
		return fmt.Sprintf("stateless rule priority %d in %s", d.StatelessPriority, d.StatelessGroup)
	}
	return "the policy's settings"
}

func policyLocation(fw *topology.Firewall) *Location {
	if fw.Policy == nil {
		return nil
	}
	return &Location{File: fw.Policy.Range.Filename, Line: fw.Policy.Range.Start.Line}
}
