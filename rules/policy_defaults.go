package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// defaultActionRule is how a stateful default action is emulated: the
// rule the oracle appends after all user rules.
type defaultActionRule struct {
	action Action
	flow   string // flow keyword value, "" for none
	sid    int64
	// approx is set for actions emulated by a close but not identical rule.
	approx bool
}

// defaultActionRules maps AWS stateful default actions to their rules.
// aws:drop_strict is ip_only (first packet of each direction, latches);
// the established variants are pkt rules (each established packet).
var defaultActionRules = map[string]defaultActionRule{
	"aws:drop_strict":                           {ActionDrop, "", 2100000001, false},
	"aws:drop_established":                      {ActionDrop, "established", 2100000002, false},
	"aws:alert_strict":                          {ActionAlert, "", 2100000003, false},
	"aws:alert_established":                     {ActionAlert, "established", 2100000004, false},
	"aws:drop_established_app_layer":            {ActionDrop, "established", 2100000005, true},
	"aws:alert_established_app_layer":           {ActionAlert, "established", 2100000006, true},
	"aws:drop_established_app_layer_to_server":  {ActionDrop, "established,to_server", 2100000007, true},
	"aws:alert_established_app_layer_to_server": {ActionAlert, "established,to_server", 2100000008, true},
	"aws:drop_established_to_server":            {ActionDrop, "established,to_server", 2100000009, true},
	"aws:alert_established_to_server":           {ActionAlert, "established,to_server", 2100000010, true},
}

// defaultRules returns the compiled rules emulating the policy's stateful
// default actions, in the order given.
func defaultRules(spec PolicySpec, order policyspec.RuleOrder) ([]*compiledRule, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var out []*compiledRule
	drops := 0
	for _, name := range spec.StatefulDefaultActions {
		d, ok := defaultActionRules[name]
		if !ok {
			diags = append(diags, policyError(spec, "Unknown stateful default action",
				fmt.Sprintf("%q is not an AWS stateful default action; expected aws:drop_strict, aws:drop_established, aws:alert_strict or aws:alert_established.", name)))
			continue
		}
		if order != policyspec.StrictOrder {
			diags = append(diags, policyError(spec, "Default action needs strict order",
				fmt.Sprintf("Stateful default actions such as %s are allowed only with STRICT_ORDER.", name)))
			continue
		}
		if d.action == ActionDrop {
			if drops++; drops == 2 {
				diags = append(diags, policyError(spec, "Several drop default actions",
					"A policy may choose at most one drop default action."))
			}
		}
		if d.approx {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning, Summary: "Default action approximated", Subject: rangePtr(spec.Range),
				Detail: fmt.Sprintf("%s is evaluated as a drop/alert of unmatched established packets (flow:%s); AWS has not published how it waits for the application layer.", name, d.flow),
			})
		}
		out = append(out, compileRule(d.rule(name), nil))
		out[len(out)-1].def = name
	}
	return out, diags
}

// rule returns the synthetic rule emulating default action name.
func (d defaultActionRule) rule(name string) *Rule {
	text := fmt.Sprintf(`%s ip any any -> any any (msg:"%s"; `, d.action, name)
	opts := []Option{{Name: "msg", Value: `"` + name + `"`, HasValue: true}}
	if d.flow != "" {
		text += "flow:" + d.flow + "; "
		opts = append(opts, Option{Name: "flow", Value: d.flow, HasValue: true})
	}
	text += fmt.Sprintf("sid:%d;)", d.sid)
	opts = append(opts, Option{Name: "sid", Value: fmt.Sprint(d.sid), HasValue: true})
	anyAddr := syntax.AddrExpr{Kind: syntax.AddrAny}
	anyPort := syntax.PortExpr{Kind: syntax.PortAny, Ports: ports.All()}
	return &Rule{
		Rule: &syntax.Rule{Action: d.action, Protocol: "ip", Source: anyAddr, SourcePort: anyPort,
			Destination: anyAddr, DestinationPort: anyPort, Options: opts, SID: d.sid, Msg: name, Text: text},
		Src: allAddrs(), Dst: allAddrs(), SrcPorts: ports.AllSet(), DstPorts: ports.AllSet(), Group: name,
	}
}

// checkSettings validates the policy-level settings.
func (p *Policy) checkSettings(spec PolicySpec) hcl.Diagnostics {
	var diags hcl.Diagnostics
	switch p.order {
	case policyspec.StrictOrder, policyspec.DefaultActionOrder:
	default:
		diags = append(diags, policyError(spec, "Unknown stateful rule order",
			fmt.Sprintf("%q is not a rule order; expected STRICT_ORDER or DEFAULT_ACTION_ORDER.", p.order)))
	}
	switch p.streamException {
	case "DROP", "CONTINUE", "REJECT":
	default:
		diags = append(diags, policyError(spec, "Unknown stream exception policy",
			fmt.Sprintf("%q is not a stream exception policy; expected DROP, CONTINUE or REJECT.", p.streamException)))
	}
	return diags
}

// checkGroup validates a group against the policy: its rule order must be
// the policy's. (LoadGroup reports a priority keyword in strict order.)
func (p *Policy) checkGroup(g GroupSpec) hcl.Diagnostics {
	var diags hcl.Diagnostics
	order := g.RuleOrder
	if order == "" {
		order = policyspec.DefaultActionOrder
	}
	if order != p.order {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Rule order mismatch", Subject: rangePtr(g.Range),
			Detail: fmt.Sprintf("%s uses %s but the policy %s uses %s; a rule group's rule order must equal its policy's.", g.Name, order, p.name, p.order),
		})
	}
	return diags
}

func policyError(spec PolicySpec, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: rangePtr(spec.Range)}
}

func rangePtr(r hcl.Range) *hcl.Range {
	if r.Filename == "" && r.End.Byte == 0 {
		return nil
	}
	return &r
}
