package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
)

// defaultScope is which packets a stateful default action acts on, among
// those no rule passed or dropped on a flow with no latched action.
type defaultScope uint8

const (
	// scopeAll: every such packet, the TCP handshake included
	// (aws:drop_strict, aws:alert_strict).
	scopeAll defaultScope = iota + 1
	// scopeEstablished: packets of established flows, both directions
	// (aws:*_established, aws:*_established_app_layer).
	scopeEstablished
	// scopeEstablishedToServer: packets of established flows from the
	// client (aws:*_established_app_layer_to_server).
	scopeEstablishedToServer
)

// defaultAction is an AWS stateful default action.
type defaultAction struct {
	action Action // ActionDrop or ActionAlert
	scope  defaultScope
}

// defaultActions maps AWS's stateful default actions (the FirewallPolicy
// API's values) to what they do. AWS appends them to the rules "as rules
// that evaluate last" and documents them per packet:
//   - drop_strict ("Drop all") drops every packet no rule passed, the TCP
//     handshake included, and the flow with it;
//   - drop_established drops the unmatched packets of established flows
//     and lets the handshake through;
//   - the *_app_layer variants wait until the application protocol is
//     identified and its request (TLS ClientHello, HTTP request line and
//     headers) is complete before dropping; the engine's client-data phase
//     is that complete request, so in phases they act as drop_established,
//     and the _to_server variant drops client-to-server packets only;
//   - the alert variants only log.
//
// This is AWS's documented behaviour, not the oracle's emulation (an
// IP-only "drop ip any any -> any any" rule that Suricata runs on the first
// packet of each direction only; see testdata/oracle/README.md).
var defaultActions = map[string]defaultAction{
	"aws:drop_strict":                           {ActionDrop, scopeAll},
	"aws:alert_strict":                          {ActionAlert, scopeAll},
	"aws:drop_established":                      {ActionDrop, scopeEstablished},
	"aws:alert_established":                     {ActionAlert, scopeEstablished},
	"aws:drop_established_app_layer":            {ActionDrop, scopeEstablished},
	"aws:alert_established_app_layer":           {ActionAlert, scopeEstablished},
	"aws:drop_established_app_layer_to_server":  {ActionDrop, scopeEstablishedToServer},
	"aws:alert_established_app_layer_to_server": {ActionAlert, scopeEstablishedToServer},
}

// policyDefaults is a policy's stateful default actions as evaluation
// uses them.
type policyDefaults struct {
	// drop is the drop default action as a rule-less compiledRule naming
	// it (nil when the policy has none); dropScope is its scope.
	drop      *compiledRule
	dropScope defaultScope
	// names names the defaults in decisions where none acted: the drop
	// default, else the alert defaults ("" when the policy has none).
	names string
}

// compileDefaults checks the policy's stateful default actions: known
// names, strict order only, at most one drop action.
func compileDefaults(spec PolicySpec, order policyspec.RuleOrder) (policyDefaults, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var out policyDefaults
	var alerts []string
	drops := 0
	for _, name := range spec.StatefulDefaultActions {
		d, ok := defaultActions[name]
		if !ok {
			diags = append(diags, policyError(spec, "Unknown stateful default action",
				fmt.Sprintf("%q is not an AWS stateful default action; expected aws:drop_strict, aws:drop_established, aws:drop_established_app_layer, aws:drop_established_app_layer_to_server or their aws:alert_* twins.", name)))
			continue
		}
		if order != policyspec.StrictOrder {
			diags = append(diags, policyError(spec, "Default action needs strict order",
				fmt.Sprintf("Stateful default actions such as %s are allowed only with STRICT_ORDER.", name)))
			continue
		}
		if d.action != ActionDrop {
			alerts = append(alerts, name)
			continue
		}
		if drops++; drops == 2 {
			diags = append(diags, policyError(spec, "Several drop default actions",
				"A policy may choose at most one drop default action."))
			continue
		}
		out.drop = &compiledRule{action: ActionDrop, def: name, pos: -1}
		out.dropScope = d.scope
	}
	out.names = strings.Join(alerts, ", ")
	if out.drop != nil {
		out.names = out.drop.def
	}
	return out, diags
}

// appliesTo reports whether the drop default acts on packet pk.
func (d *policyDefaults) appliesTo(pk *packet) bool {
	switch d.dropScope {
	case scopeAll:
		return true
	case scopeEstablished:
		return pk.established
	case scopeEstablishedToServer:
		return pk.established && pk.toServer
	}
	return false
}

// finish applies the drop default to the walk branches that no rule
// passed or dropped (a latched flow is not walked at all). Drop all
// latches the drop on the flow, as a header-only drop would.
func (d *policyDefaults) finish(states []walkState, pk *packet) {
	if d.drop == nil || !d.appliesTo(pk) {
		return
	}
	for i := range states {
		s := &states[i]
		if s.done || s.dropped {
			continue
		}
		s.dropped, s.decider, s.deciderAssumed = true, d.drop, false
		if d.dropScope == scopeAll && s.latch == latchNone {
			s.latch, s.latchBy = latchDrop, d.drop
		}
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
