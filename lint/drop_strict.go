package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// checkDropStrict finds strict-order policies whose default actions
// include aws:drop_strict and which have pass rules for a TCP application
// protocol but no pass rule for the TCP handshake (a pass rule on tcp or
// ip whose options are only descriptive, or which has flow:not_established).
// aws:drop_strict drops the handshake packets no rule passes, before the
// application protocol can be seen, so the application pass rules never
// match. Each policy is reported once, at its stateful_default_actions.
func checkDropStrict(net *analyzer.Network) hcl.Diagnostics {
	var out hcl.Diagnostics
	done := map[*topology.FirewallPolicy]bool{}
	strictPolicies(net, func(fw *topology.Firewall, p *rules.Policy) {
		pol := fw.Policy
		if done[pol] || !slices.Contains(pol.StatefulDefaultActions, "aws:drop_strict") {
			return
		}
		done[pol] = true
		var app *rules.Rule
		for _, r := range p.Rules() {
			if r.Action != rules.ActionPass {
				continue
			}
			if passesHandshake(r) {
				return
			}
			if app == nil && isTCPApp(r) {
				app = r
			}
		}
		if app != nil {
			out = append(out, dropStrictWarning(pol, app))
		}
	})
	return out
}

// passesHandshake reports whether the pass rule r can pass the packets of
// a TCP handshake: on tcp or ip, with only descriptive options or with a
// flow option naming not_established.
func passesHandshake(r *rules.Rule) bool {
	if r.Protocol != "tcp" && r.Protocol != "ip" {
		return false
	}
	if headerOnly(r) {
		return true
	}
	for _, o := range r.Options {
		if strings.EqualFold(o.Name, "flow") && strings.Contains(strings.ToLower(o.Value), "not_established") {
			return true
		}
	}
	return false
}

func dropStrictWarning(pol *topology.FirewallPolicy, app *rules.Rule) *hcl.Diagnostic {
	at := pol.Range
	if r, ok := pol.AttrRanges["stateful_default_actions"]; ok {
		at = r
	}
	return warning(DropStrictNoHandshake, at,
		fmt.Sprintf("%s uses aws:drop_strict but no rule passes the TCP handshake", pol.Addr()),
		fmt.Sprintf("aws:drop_strict drops every packet no rule passes, the TCP handshake included; the "+
			"handshake carries no application data, so application-layer pass rules such as %s rule %s "+
			"cannot match it, and their connections never open.", app.Protocol, ruleName(app)),
		"add a rule passing the handshake before the application rules, such as "+
			"\"pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (flow:not_established; sid:...;)\", or use aws:drop_established",
		srcDefaultAction)
}
