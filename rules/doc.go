// Package rules loads AWS Network Firewall rule groups (Suricata-compatible
// rule strings, parsed by package rules/syntax; standard 5-tuple rules;
// domain lists; stateless rules) and evaluates a firewall policy on a flow the way Suricata 7 does in AWS
// Network Firewall. It knows nothing of routing: the caller describes the
// flow as the firewall sees it.
//
// Pipeline: syntax.ParseText / syntax.ParseRule (syntax, positions) ->
// LoadGroup (variables resolved, the three rule-group formats made one
// []*Rule, each embedding its *syntax.Rule) ->
// CompilePolicy (option semantics, rule order, default actions, indexes) ->
// Policy.Evaluate (per-phase verdicts with the deciding rule).
//
// All values are immutable after construction and safe for concurrent use.
package rules
