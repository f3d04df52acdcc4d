package rules

import (
	"slices"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/par"
	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
)

// Policy is a compiled firewall policy: the stateless rules, the stateful
// rules in evaluation order with their conditions, the default actions and
// the candidate indexes. It is immutable and safe for concurrent use.
type Policy struct {
	name  string
	order policyspec.RuleOrder
	// rules in evaluation order (the rule groups' rules).
	rules []*compiledRule
	// user are the rules of the rule groups in evaluation order.
	user []*Rule
	// defaults are the stateful default actions, applied after the rules.
	defaults        policyDefaults
	streamException policyspec.StreamExceptionPolicy
	index           *ruleIndex
	stateless       *statelessEngine
	// cache memoises Evaluate (see evalCache).
	cache *evalCache
	// todo are the loaded rules, in group order; compileRules (once:
	// compiled) sets rules, user, index and cache from them.
	todo     []loadedRule
	compiled sync.Once
}

// groupLoader loads one rule group (LoadGroup, or a stand-in in tests).
// Groups are loaded concurrently: a loader must be safe for that.
type groupLoader func(GroupSpec, Env) ([]*Rule, hcl.Diagnostics)

// loadedGroup is one group as the loader returned it.
type loadedGroup struct {
	rules []*Rule
	diags hcl.Diagnostics
}

// loadedRule is a rule to compile, with its group's negated variables.
type loadedRule struct {
	rule    *Rule
	negVars map[string]bool
}

// compilePolicy compiles spec with load: every group is loaded, rules are
// put in evaluation order (see orderRules), their options compiled, and the
// stateful default actions checked (strict order only; evaluation applies
// them after the rules, see policyDefaults).
func compilePolicy(spec PolicySpec, load groupLoader) (*Policy, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	p := &Policy{
		name:            spec.Name,
		order:           spec.StatefulRuleOrder,
		streamException: spec.StreamExceptionPolicy,
	}
	if p.order == "" {
		p.order = policyspec.DefaultActionOrder
	}
	if p.streamException == "" {
		p.streamException = policyspec.StreamDrop
	}
	diags = append(diags, p.checkSettings(spec)...)
	groups := append([]GroupSpec(nil), spec.StatefulGroups...)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Priority < groups[j].Priority })
	// Groups load concurrently, then their rules compile concurrently in
	// chunks; results are gathered in group and rule order.
	loaded := make([]loadedGroup, len(groups))
	par.Do(len(groups), func(i int) { loaded[i].rules, loaded[i].diags = load(groups[i], spec.Env) })
	var todo []loadedRule
	for i, g := range groups {
		diags = append(diags, loaded[i].diags...)
		diags = append(diags, p.checkGroup(g)...)
		negVars := map[string]bool{"EXTERNAL_NET": !hasNamedPrefixes(g.IPSets, "EXTERNAL_NET")}
		for _, r := range loaded[i].rules {
			todo = append(todo, loadedRule{r, negVars})
		}
	}
	p.todo = todo
	diags = append(diags, checkPolicyRules(spec, len(todo))...)
	defs, d := compileDefaults(spec, p.order)
	diags = append(diags, d...)
	p.defaults = defs
	st, d := compileStateless(spec)
	diags = append(diags, d...)
	p.stateless = st
	return p, diags
}

// compileRules compiles the loaded rules' options, puts the rules in
// evaluation order and builds the index and the memo. It runs once, on
// the first use that needs them (ensure): loading a policy only to report
// its diagnostics (vpcreach validate) never pays for it, and compiling a
// rule reports nothing.
func (p *Policy) compileRules() {
	todo := p.todo
	compiled := make([]*compiledRule, len(todo))
	const chunk = 512
	par.Do((len(todo)+chunk-1)/chunk, func(k int) {
		for i := k * chunk; i < min(len(todo), (k+1)*chunk); i++ {
			compiled[i] = compileRule(todo[i].rule, todo[i].negVars)
		}
	})
	if p.order == policyspec.DefaultActionOrder {
		sortActionOrder(compiled)
	}
	p.user = make([]*Rule, len(compiled))
	for i, c := range compiled {
		c.pos = i
		p.user[i] = c.rule
	}
	p.rules = compiled
	p.index = buildIndex(compiled)
	p.cache = newEvalCache(p)
}

// ensure compiles the rules on first use; safe for concurrent use.
func (p *Policy) ensure() { p.compiled.Do(p.compileRules) }

// Rules returns the rules of the policy's rule groups in evaluation order,
// without the default actions. The caller must not modify the result.
func (p *Policy) Rules() []*Rule {
	p.ensure()
	return p.user
}

// LoadedRules returns the rules of the policy's rule groups in group order
// (the evaluation order under STRICT_ORDER), without compiling them: for
// callers that need the rules' resolved headers but not their order or
// conditions. The caller must not modify the result.
func (p *Policy) LoadedRules() []*Rule {
	out := make([]*Rule, len(p.todo))
	for i, r := range p.todo {
		out[i] = r.rule
	}
	return out
}

// RuleCount returns the number of rules of the policy's rule groups.
func (p *Policy) RuleCount() int {
	p.ensure()
	return len(p.user)
}

// DestinationPortBoundaries returns, sorted, every port at which some rule's
// port set starts or ends+1: destination ports of every stateful and
// stateless rule, and source ports too (a rule written for the reply
// direction tests the server port as its source port; <> rules test both).
// Alert rules are left out: they never change an outcome (evaluation skips
// them), so they draw no boundary. Splitting 0-65535 at these points gives
// ranges that every rule treats alike. 0 is always included.
func (p *Policy) DestinationPortBoundaries() []uint16 {
	p.ensure()
	return p.portBoundaries(func(*compiledRule) bool { return true }, func(*statelessRule) bool { return true })
}

// FlowPorts tells how a flow's server port matters to a policy.
type FlowPorts struct {
	// Boundaries are the sorted ports at which the port sets of the rules
	// that can match a packet of the flow start or end+1 (0 included):
	// server ports between two neighbours evaluate alike, the flow's
	// application protocol being the same.
	Boundaries []uint16
	// AppSensitive is set when one of those rules depends on the
	// application protocol (an app-layer rule protocol, app-layer-protocol,
	// ssl_state, tls.sni and the other sticky buffers): the protocol a port
	// implies then matters too.
	AppSensitive bool
}

// PortSplit is DestinationPortBoundaries restricted to the rules that can
// match a packet of flow f: those whose transport protocol is f's and
// whose address sets admit f's client and server, either way round.
// Results are memoised by the address classes of f's ends; the caller
// must not modify them.
func (p *Policy) PortSplit(f Flow) FlowPorts {
	p.ensure()
	k := boundsKey{p.cache.classes.of(f.Client), p.cache.classes.of(f.Server), f.Protocol}
	if b, ok := p.cache.getBounds(k); ok {
		return b
	}
	c, s := f.Client.Unmap(), f.Server.Unmap()
	var out FlowPorts
	out.Boundaries = p.portBoundaries(func(r *compiledRule) bool {
		if r.protos&maskOf(f.Protocol) == 0 || !(inSet(r.src, c) && inSet(r.dst, s) || inSet(r.src, s) && inSet(r.dst, c)) {
			return false
		}
		out.AppSensitive = out.AppSensitive || r.appSensitive()
		return true
	}, func(r *statelessRule) bool {
		return (len(r.protos) == 0 || r.protos[int(f.Protocol)]) &&
			(inSet(r.src, c) && inSet(r.dst, s) || inSet(r.src, s) && inSet(r.dst, c))
	})
	p.cache.putBounds(k, out)
	return out
}

// appSensitive reports whether c's match depends on the packet's
// application protocol.
func (c *compiledRule) appSensitive() bool {
	return c.app != "" || c.typ == sigAppLayer || c.typ == sigAppTx || c.ssl != nil || len(c.appProtos) > 0 ||
		len(c.bufs) > 0 || c.toServerOnly
}

// portBoundaries collects the port boundaries of the stateful rules (not
// alerts) keep passes and of the stateless rules keepStateless passes.
func (p *Policy) portBoundaries(keep func(*compiledRule) bool, keepStateless func(*statelessRule) bool) []uint16 {
	p.ensure()
	seen := map[uint16]bool{0: true}
	add := func(s ports.Set) {
		for _, r := range s.Ranges() {
			seen[r.Lo] = true
			if r.Hi < ports.Max {
				seen[r.Hi+1] = true
			}
		}
	}
	for _, c := range p.rules {
		if c.action == ActionAlert || !keep(c) {
			continue
		}
		add(c.dports)
		add(c.sports)
	}
	for _, r := range p.stateless.rules {
		if !keepStateless(r) {
			continue
		}
		add(r.dports)
		add(r.sports)
	}
	out := make([]uint16, 0, len(seen))
	for port := range seen {
		out = append(out, port)
	}
	slices.Sort(out)
	return out
}

func hasNamedPrefixes(sets []policyspec.IPSet, name string) bool {
	for _, s := range sets {
		if s.Name == name {
			return true
		}
	}
	return false
}

// actionRank orders actions as Suricata's default ordering does.
func actionRank(a Action) int {
	switch a {
	case ActionPass:
		return 0
	case ActionDrop:
		return 1
	case ActionReject:
		return 2
	}
	return 3
}

// sortActionOrder sorts rules as stock Suricata does (detect-engine-
// sigorder.c): action (pass, drop, reject, alert), flowbits/flowint role
// (setters first), priority (lowest first), then sid.
func sortActionOrder(rs []*compiledRule) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if ra, rb := actionRank(a.action), actionRank(b.action); ra != rb {
			return ra < rb
		}
		if a.bitsRole != b.bitsRole {
			return a.bitsRole > b.bitsRole
		}
		if a.priority != b.priority {
			return a.priority < b.priority
		}
		return a.rule.SID < b.rule.SID
	})
}

// CompilePolicy compiles a firewall policy: it loads every stateful rule
// group with spec.Env (LoadGroup), orders the rules (STRICT_ORDER: groups
// by ascending priority, rules as written, then the default actions, which
// act on every packet no rule passed or dropped (see defaultActions);
// DEFAULT_ACTION_ORDER: pass, drop, reject, alert, each by priority then
// sid), compiles their options into decidable conditions and indexes them.
// The policy is usable even with error diagnostics (rules that failed to
// load are left out).
func CompilePolicy(spec PolicySpec) (*Policy, hcl.Diagnostics) {
	return compilePolicy(spec, LoadGroup)
}
