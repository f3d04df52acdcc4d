package topology

import (
	"cmp"
	"net/netip"
	"slices"
	"strings"

	"github.com/vpcreach/vpcreach/policyspec"
)

// resolve fills every model value from its block: references become
// pointers, values are evaluated and parsed. VPCs go first (their main
// route table is needed by vpc.NAME.main_route_table references), then
// subnets (NAT gateways default their IP from the subnet CIDR),
// attachments before the TGW route tables that name them, and rule
// groups before the policies that check their rule order.
func (l *loader) resolve(d *decls) {
	l.routeSrc = map[*Route]*routeBlock{}
	l.tgwRouteSrc = map[*TGWRoute]*tgwRouteBlock{}
	l.attachSrc = map[*TGWAttachment]attachInfo{}
	for _, p := range d.prefixLists {
		l.resolvePrefixList(p.b, p.m)
	}
	for _, p := range d.vpcs {
		l.resolveVPC(p.b, p.m)
	}
	for _, p := range d.subnets {
		l.resolveSubnet(p.b, p.m)
	}
	for _, p := range d.routeTables {
		l.resolveRouteTable(p.b, p.m)
	}
	for _, p := range d.igws {
		l.resolveIGW(p.b, p.m)
	}
	for _, p := range d.nats {
		l.resolveNAT(p.b, p.m)
	}
	for _, p := range d.instances {
		l.resolveInstance(p.b, p.m)
	}
	for _, p := range d.endpointsV {
		l.resolveVPCEndpoint(p.b, p.m)
		l.addEndpointRoutes(p.b, p.m)
	}
	for _, p := range d.peerings {
		l.resolvePeering(p.b, p.m)
	}
	for _, p := range d.attachments {
		l.resolveAttachment(p.b, p.m)
	}
	for _, p := range d.tgwRTs {
		l.resolveTGWRouteTable(p.b, p.m)
	}
	for _, p := range d.firewalls {
		l.resolveFirewall(p.b, p.m)
	}
	for _, p := range d.endpoints {
		l.resolveEndpoint(p.b, p.m)
	}
	for _, p := range d.ruleGroups {
		l.resolveRuleGroup(p.b, p.m)
	}
	for _, p := range d.slGroups {
		l.resolveStatelessGroup(p.b, p.m)
	}
	for _, p := range d.policies {
		l.resolvePolicy(p.b, p.m)
	}
	for _, p := range d.sgs {
		l.resolveSG(p.b, p.m)
	}
	for _, p := range d.nacls {
		l.resolveNACL(p.b, p.m)
	}
	for _, p := range d.expects {
		l.resolveExpect(p.b, p.m)
	}
}

// models returns the model values of pairs sorted by name.
func models[B any, M Resource](ps []pair[B, M]) []M {
	out := make([]M, len(ps))
	for i, p := range ps {
		out[i] = p.m
	}
	sortByName(out)
	return out
}

func sortByName[M Resource](s []M) {
	slices.SortStableFunc(s, func(a, b M) int { return strings.Compare(a.Addr(), b.Addr()) })
}

func comparePrefix(a, b netip.Prefix) int {
	if c := a.Addr().Compare(b.Addr()); c != 0 {
		return c
	}
	return a.Bits() - b.Bits()
}

// build fills the topology's slices, the defaults that depend on other
// resources, the back-references, and the materialized local and
// propagated routes.
func (l *loader) build(d *decls) {
	t := l.topo
	t.VPCs, t.Subnets, t.RouteTables = models(d.vpcs), models(d.subnets), models(d.routeTables)
	t.InternetGateways, t.NATGateways, t.Instances = models(d.igws), models(d.nats), models(d.instances)
	t.VPCPeerings, t.TransitGateways = models(d.peerings), models(d.tgws)
	t.TGWRouteTables, t.TGWAttachments = models(d.tgwRTs), models(d.attachments)
	t.Firewalls, t.FirewallEndpoints, t.FirewallPolicies = models(d.firewalls), models(d.endpoints), models(d.policies)
	t.RuleGroups, t.StatelessRuleGroups = models(d.ruleGroups), models(d.slGroups)
	t.SecurityGroups, t.NetworkACLs, t.Expects = models(d.sgs), models(d.nacls), models(d.expects)
	t.PrefixLists, t.VPCEndpoints = models(d.prefixLists), models(d.endpointsV)
	for _, e := range t.VPCEndpoints {
		t.Instances = append(t.Instances, e.ENIs...)
	}
	sortByName(t.Instances)
	l.linkNetwork()
	l.linkTransit()
	l.linkFirewalls()
	for _, v := range t.VPCs {
		slices.SortStableFunc(v.Subnets, func(a, b *Subnet) int {
			if c := comparePrefix(a.CIDR, b.CIDR); c != 0 {
				return c
			}
			return strings.Compare(a.Name, b.Name)
		})
		addLocalRoutes(v.MainRouteTable)
	}
	for _, rt := range t.RouteTables {
		if !rt.IsMain {
			addLocalRoutes(rt)
		}
	}
	for _, rt := range t.TGWRouteTables {
		l.addPropagatedRoutes(rt)
	}
}

func (l *loader) linkNetwork() {
	t := l.topo
	for _, s := range t.Subnets {
		if s.VPC == nil {
			continue
		}
		s.VPC.Subnets = append(s.VPC.Subnets, s)
		if s.RouteTable == nil {
			s.RouteTable = s.VPC.MainRouteTable
		}
		if s.NetworkACL == nil {
			s.NetworkACL = s.VPC.DefaultNetworkACL
		}
		s.RouteTable.Subnets = append(s.RouteTable.Subnets, s)
		s.NetworkACL.Subnets = append(s.NetworkACL.Subnets, s)
	}
	for _, g := range t.InternetGateways {
		if g.VPC != nil && g.VPC.InternetGateway == nil {
			g.VPC.InternetGateway = g
		}
		if g.EdgeRouteTable != nil && g.EdgeRouteTable.EdgeGateway == nil {
			g.EdgeRouteTable.EdgeGateway = g
		}
	}
	for _, n := range t.NATGateways {
		if n.Subnet != nil {
			n.Subnet.NATGateways = append(n.Subnet.NATGateways, n)
		}
	}
	for _, i := range t.Instances {
		if i.Subnet == nil {
			continue
		}
		i.Subnet.Instances = append(i.Subnet.Instances, i)
		if len(i.SecurityGroups) == 0 && i.Subnet.VPC != nil {
			i.SecurityGroups = []*SecurityGroup{i.Subnet.VPC.DefaultSecurityGroup}
		}
	}
	for _, p := range t.VPCPeerings {
		if p.Requester != nil {
			p.Requester.Peerings = append(p.Requester.Peerings, p)
		}
		if p.Accepter != nil && p.Accepter != p.Requester {
			p.Accepter.Peerings = append(p.Accepter.Peerings, p)
		}
	}
}

func (l *loader) linkTransit() {
	t := l.topo
	for _, rt := range t.TGWRouteTables {
		if rt.TransitGateway != nil {
			rt.TransitGateway.RouteTables = append(rt.TransitGateway.RouteTables, rt)
		}
	}
	for _, a := range t.TGWAttachments {
		if a.TransitGateway != nil {
			a.TransitGateway.Attachments = append(a.TransitGateway.Attachments, a)
		}
		if a.VPC != nil {
			a.VPC.TGWAttachments = append(a.VPC.TGWAttachments, a)
		}
		if a.RouteTable != nil {
			a.RouteTable.Associations = append(a.RouteTable.Associations, a)
		}
		for _, s := range a.Subnets {
			s.TGWAttachments = append(s.TGWAttachments, a)
		}
		slices.SortStableFunc(a.Subnets, func(x, y *Subnet) int { return strings.Compare(x.AZ, y.AZ) })
	}
}

func (l *loader) linkFirewalls() {
	t := l.topo
	for _, f := range t.Firewalls {
		if f.VPC != nil {
			f.VPC.Firewalls = append(f.VPC.Firewalls, f)
		}
		if f.Policy != nil {
			f.Policy.Firewalls = append(f.Policy.Firewalls, f)
		}
	}
	for _, e := range t.FirewallEndpoints {
		if e.Firewall != nil {
			e.Firewall.Endpoints = append(e.Firewall.Endpoints, e)
		}
		if e.Subnet != nil {
			e.Subnet.FirewallEndpoints = append(e.Subnet.FirewallEndpoints, e)
		}
	}
	for _, f := range t.Firewalls {
		slices.SortStableFunc(f.Endpoints, func(a, b *FirewallEndpoint) int { return strings.Compare(endpointAZ(a), endpointAZ(b)) })
	}
	for _, p := range t.FirewallPolicies {
		slices.SortStableFunc(p.StatelessRuleGroups, func(a, b *StatelessGroupRef) int { return cmp.Compare(a.Priority, b.Priority) })
	}
	for _, g := range t.StatelessRuleGroups {
		slices.SortStableFunc(g.Rules, func(a, b policyspec.StatelessRule) int { return cmp.Compare(a.Priority, b.Priority) })
	}
}

func endpointAZ(e *FirewallEndpoint) string {
	if e.Subnet == nil {
		return ""
	}
	return e.Subnet.AZ
}

// addLocalRoutes appends the local route of every VPC CIDR that no
// declared route of rt replaces.
func addLocalRoutes(rt *RouteTable) {
	if rt == nil || rt.VPC == nil {
		return
	}
	for _, c := range rt.VPC.CIDRs {
		if !slices.ContainsFunc(rt.Routes, func(r *Route) bool { return r.Destination == c && r.PrefixList == nil }) {
			rt.Routes = append(rt.Routes, &Route{Destination: c, Target: Target{Kind: TargetLocal}, Origin: OriginLocal, Range: rt.Range})
		}
	}
}

// addPropagatedRoutes appends one route per CIDR of each attachment's VPC
// that propagates to rt, unless a static route has the same prefix.
func (l *loader) addPropagatedRoutes(rt *TGWRouteTable) {
	static := map[netip.Prefix]bool{}
	for _, r := range rt.Routes {
		static[r.Destination] = true
	}
	for _, a := range l.topo.TGWAttachments {
		if a.VPC == nil || !slices.Contains(a.PropagateTo, rt) {
			continue
		}
		cidrs := slices.Clone(a.VPC.CIDRs)
		slices.SortFunc(cidrs, comparePrefix)
		for _, c := range cidrs {
			if static[c] {
				continue
			}
			rng := a.Range
			if b, ok := l.attachSrc[a]; ok && b.propagateRange.Filename != "" {
				rng = b.propagateRange
			}
			rt.Routes = append(rt.Routes, &TGWRoute{Destination: c, Attachment: a, Propagated: true, Range: rng})
		}
	}
}
