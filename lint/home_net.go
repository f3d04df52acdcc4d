package lint

import (
	"fmt"
	"net/netip"

	"github.com/hashicorp/hcl/v2"
	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/rules/syntax"
	"github.com/vpcreach/vpcreach/topology"
)

// checkHomeNet finds, in a centralized design, VPCs whose traffic a
// firewall inspects but that its policy's effective HOME_NET (home_net, or
// the firewall VPC's CIDRs when home_net is not set) does not cover, when
// some rule of the policy uses $HOME_NET or $EXTERNAL_NET without its rule
// group defining that variable. A VPC counts as inspected when its
// transit gateway attachment's route table has a route to an attachment
// whose subnets route to one of the firewall's endpoints. Rules written for
// $HOME_NET then do not apply to that VPC's traffic (domain lists among
// them: AWS writes them for $HOME_NET).
func checkHomeNet(net *analyzer.Network) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, fw := range net.Topology().Firewalls {
		p := net.FirewallPolicy(fw)
		if p == nil || fw.Policy == nil || fw.VPC == nil {
			continue
		}
		user := homeNetUser(fw.Policy, p)
		if user == nil {
			continue
		}
		home := fw.Policy.HomeNet
		if home == nil {
			home = fw.VPC.CIDRs
		}
		for _, v := range inspectedVPCs(net.Topology(), fw) {
			if c, ok := uncovered(v.CIDRs, home); ok {
				out = append(out, homeNetWarning(fw, v, c, user))
			}
		}
	}
	return out
}

// inspectedVPCs returns the VPCs (other than fw's) whose transit gateway
// attachment's route table has a route to an attachment of fw's VPC whose
// subnets route to one of fw's endpoints, in the topology's order.
func inspectedVPCs(topo *topology.Topology, fw *topology.Firewall) []*topology.VPC {
	var out []*topology.VPC
	seen := map[*topology.VPC]bool{fw.VPC: true}
	for _, tgw := range topo.TransitGateways {
		insp := map[*topology.TGWAttachment]bool{}
		for _, a := range tgw.Attachments {
			if fe := inspectingEndpoint(a); a.VPC == fw.VPC && fe != nil && fe.Firewall == fw {
				insp[a] = true
			}
		}
		if len(insp) == 0 {
			continue
		}
		for _, a := range tgw.Attachments {
			if a.RouteTable == nil || a.VPC == nil || seen[a.VPC] || !routesTo(a.RouteTable, insp) {
				continue
			}
			seen[a.VPC] = true
			out = append(out, a.VPC)
		}
	}
	return out
}

// routesTo reports whether rt has a route to one of the attachments.
func routesTo(rt *topology.TGWRouteTable, to map[*topology.TGWAttachment]bool) bool {
	for _, r := range rt.Routes {
		if !r.Blackhole && to[r.Attachment] {
			return true
		}
	}
	return false
}

// uncovered returns the first of cidrs not wholly inside the union of home.
func uncovered(cidrs, home []netip.Prefix) (netip.Prefix, bool) {
	var b netipx.IPSetBuilder
	for _, h := range home {
		b.AddPrefix(h)
	}
	hs, err := b.IPSet()
	if err != nil {
		return netip.Prefix{}, false
	}
	for _, c := range cidrs {
		if !hs.ContainsPrefix(c) {
			return c, true
		}
	}
	return netip.Prefix{}, false
}

// homeNetUser returns a rule of p that uses the policy's $HOME_NET (or
// $EXTERNAL_NET, its complement): its header names the variable and its
// rule group does not define it. It returns nil when there is none.
func homeNetUser(pol *topology.FirewallPolicy, p *rules.Policy) *rules.Rule {
	defines := map[string]map[string]bool{}
	for _, g := range pol.StatefulRuleGroups {
		if g.Group == nil {
			continue
		}
		names := map[string]bool{}
		for _, s := range g.Group.IPSets {
			names[s.Name] = true
		}
		defines[g.Group.Addr()] = names
	}
	for _, r := range p.Rules() {
		for _, v := range []string{"HOME_NET", "EXTERNAL_NET"} {
			if !defines[r.Group][v] && (usesVar(r.Source, v) || usesVar(r.Destination, v)) {
				return r
			}
		}
	}
	return nil
}

// usesVar reports whether the address expression names $name.
func usesVar(e syntax.AddrExpr, name string) bool {
	if e.Kind == syntax.AddrVar && e.Name == name {
		return true
	}
	for _, x := range e.Elems {
		if usesVar(x, name) {
			return true
		}
	}
	return false
}

func homeNetWarning(fw *topology.Firewall, v *topology.VPC, c netip.Prefix, user *rules.Rule) *hcl.Diagnostic {
	pol := fw.Policy
	at := pol.Range
	where := "it is not set, so HOME_NET is the CIDRs of " + fw.VPC.Addr()
	if r, ok := pol.AttrRanges["home_net"]; ok {
		at = r
		where = "home_net is set"
	}
	return warning(HomeNetUncovered, at,
		fmt.Sprintf("HOME_NET of %s does not cover %s (%s), whose traffic %s inspects", pol.Addr(), v.Addr(), c, fw.Addr()),
		fmt.Sprintf("%s inspects traffic of %s through the transit gateway, but the policy's HOME_NET does "+
			"not include %s (%s). Rules written for $HOME_NET, such as %s rule %s, do not match that VPC's "+
			"traffic, and $EXTERNAL_NET includes it.", fw.Addr(), v.Addr(), c, where, user.Protocol, ruleName(user)),
		"set home_net on the policy to cover every VPC the firewall inspects, such as the organisation's supernet",
		srcHomeNet)
}
