package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vpcreach/vpcreach/analyzer"
)

// diagram.go is the model the pictures of a path share (mermaid.go,
// dot.go, html.go): the forward and return paths as hops in order, each
// hop with its place (VPC, availability zone), what decided there, the
// header it sends on, and whether it stops the packet, decides the answer
// or is never reached. Every string in it comes from the topology, so
// each format escapes it; labelMax bounds each.

// labelMax bounds the runes of any one label in a picture; textMax the
// deciding rule's text where a page shows it in full.
const (
	labelMax = 160
	textMax  = 4096
)

// diagramPath is one direction of a path.
type diagramPath struct {
	id, title string
	hops      []diagramHop
}

// diagramHop is one hop of a path.
type diagramHop struct {
	id        string
	component string // "subnet.app_a (egress)"
	kind      string // the component type
	vpc, az   string
	detail    string // the route, rule or translation that applied
	name      string // the component, as findings name it
	rule      string // the text of the firewall rule that applied here
	fullRule  string // the same, cut at textMax runes rather than labelMax
	why       string // for a deciding hop that blocks without a firewall rule: the finding
	firewall  bool   // a firewall decided here
	undecided bool   // the firewall's decision is AMBIGUOUS (undecidable rules could change it)
	header    string // the header this hop sends on, when it is the first or rewrites it
	blocked   bool   // the packet stops here
	decider   bool   // this hop decided the answer
	unreached bool   // a hop after the packet stopped (or a reply never sent)
}

// diagramPaths builds the paths of a's answer (the paths the JSON output
// carries as forward_path and return_path).
func diagramPaths(a *analyzer.Analysis) []diagramPath {
	fwd := firstBlocked(a.ForwardPath)
	paths := []diagramPath{
		buildPath("fwd", "Forward path", a.ForwardPath, false),
		buildPath("ret", "Return path", a.ReturnPath, fwd >= 0),
	}
	markDecider(paths)
	explainDecider(paths, a.Explanations)
	return paths
}

// explainDecider gives a deciding hop that blocks without a firewall rule
// the first finding about it ("ENI_SG_RULES_MISMATCH at instance.b:
// security_group.b").
func explainDecider(paths []diagramPath, fs []*analyzer.Finding) {
	for _, p := range paths {
		for i := range p.hops {
			h := &p.hops[i]
			if !h.decider || !h.blocked || h.rule != "" {
				continue
			}
			for _, f := range fs {
				if f.Component == h.name {
					h.why = clip(findingDecider(f))
					return
				}
			}
		}
	}
}

func buildPath(id, title string, hops []*analyzer.Hop, unreached bool) diagramPath {
	p := diagramPath{id: id, title: title}
	stop := firstBlocked(hops)
	for i, h := range hops {
		d := diagramHop{
			id:        id + "_" + strconv.Itoa(i+1),
			name:      h.Component,
			component: clip(hopComponent(h)),
			kind:      clip(h.Type),
			vpc:       clip(h.VPC),
			az:        clip(h.AvailabilityZone),
			detail:    clip(decidedBy(h)),
			header:    clip(hopHeader(h, i == 0)),
			blocked:   h.Blocked,
			unreached: unreached || (stop >= 0 && i > stop),
		}
		if h.FirewallRule != nil {
			d.firewall, d.rule = true, clip(h.FirewallRule.Rule)
			d.fullRule = clipTo(h.FirewallRule.Rule, textMax)
			d.undecided = h.FirewallRule.Ambiguous
		}
		p.hops = append(p.hops, d)
	}
	return p
}

// markDecider marks the hop that decided: the first hop that stops the
// request (or else the reply); when nothing stops either, the first
// firewall hop whose decision is AMBIGUOUS, or else the first firewall
// hop of the request (the rule that let it through).
func markDecider(paths []diagramPath) {
	for _, p := range paths {
		for i := range p.hops {
			if p.hops[i].blocked && !p.hops[i].unreached {
				p.hops[i].decider = true
				return
			}
		}
	}
	for _, p := range paths {
		for i := range p.hops {
			if p.hops[i].undecided && !p.hops[i].unreached {
				p.hops[i].decider = true
				return
			}
		}
	}
	for i := range paths[0].hops {
		if paths[0].hops[i].firewall {
			paths[0].hops[i].decider = true
			return
		}
	}
}

// blockingHop is the component of the hop that stopped the packet, or "".
func blockingHop(paths []diagramPath) (string, string) {
	for _, p := range paths {
		for _, h := range p.hops {
			if h.decider && h.blocked {
				return h.component, strings.ToLower(p.title)
			}
		}
	}
	return "", ""
}

// decidingRule is what decided at the deciding hop: its rule text when a
// firewall rule decided, else the finding that says why it blocks, else
// the route or rule that applied there.
func decidingRule(paths []diagramPath) string {
	for _, p := range paths {
		for _, h := range p.hops {
			if h.decider {
				for _, s := range []string{h.fullRule, h.why} {
					if s != "" {
						return s
					}
				}
				return h.detail
			}
		}
	}
	return ""
}

// clip makes s printable on one line (control characters and invalid
// UTF-8 become U+FFFD) and cuts it to labelMax runes.
func clip(s string) string { return clipTo(s, labelMax) }

// clipTo is clip with a bound of max runes.
func clipTo(s string, max int) string {
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") || unicode.IsControl(r) ||
			r == '\u2028' || r == '\u2029' {
			r = '\uFFFD'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
