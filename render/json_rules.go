package render

import (
	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// Conversions of the routes and rules a hop or finding names.

func routeJSON(r *analyzer.RouteInfo) *jsonwire.Route {
	if r == nil {
		return nil
	}
	return &jsonwire.Route{RouteTable: r.RouteTable, Destination: r.Destination, Target: r.Target,
		PrefixList: r.PrefixList, Origin: r.Origin, Location: r.Location}
}

func tgwRouteJSON(r *analyzer.TGWRouteInfo) *jsonwire.TGWRoute {
	if r == nil {
		return nil
	}
	return &jsonwire.TGWRoute{RouteTable: r.RouteTable, Destination: r.Destination, Attachment: r.Attachment,
		Blackhole: r.Blackhole, PrefixList: r.PrefixList, Origin: r.Origin, Location: r.Location}
}

func aclRuleJSON(r *analyzer.ACLRuleInfo) *jsonwire.ACLRule {
	if r == nil {
		return nil
	}
	return &jsonwire.ACLRule{NetworkACL: r.NetworkACL, RuleNumber: r.RuleNumber, Action: r.Action,
		Egress: r.Egress, Protocol: r.Protocol, CIDR: r.CIDR, PortRange: r.PortRange, Location: r.Location}
}

func sgRuleJSON(r *analyzer.SGRuleInfo) *jsonwire.SGRule {
	if r == nil {
		return nil
	}
	return &jsonwire.SGRule{SecurityGroup: r.SecurityGroup, Direction: r.Direction, Protocol: r.Protocol,
		PortRange: r.PortRange, CIDR: r.CIDR, PrefixList: r.PrefixList, ReferencedSecurityGroup: r.ReferencedSecurityGroup,
		Location: r.Location}
}

func firewallRuleJSON(r *analyzer.FirewallRuleInfo) *jsonwire.FirewallRule {
	if r == nil {
		return nil
	}
	return &jsonwire.FirewallRule{
		Firewall: r.Firewall, Policy: r.Policy, RuleGroup: r.RuleGroup, Engine: string(r.Engine),
		SID: r.SID, Priority: r.Priority, Action: r.Action, DefaultAction: r.DefaultAction,
		Protocol:         r.Protocol,
		Sources:          cloneStrings(r.Sources),
		Destinations:     cloneStrings(r.Destinations),
		SourcePorts:      cloneStrings(r.SourcePorts),
		DestinationPorts: cloneStrings(r.DestinationPorts),
		Direction:        r.Direction, Phase: r.Phase, LatchedAt: r.LatchedAt,
		Ambiguous: r.Ambiguous, Rule: r.Rule, Location: r.Location,
	}
}
