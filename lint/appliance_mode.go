package lint

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/topology"
)

// checkApplianceMode finds transit gateway attachments without
// appliance_mode, with subnets in more than one AZ, whose subnets route to a
// firewall endpoint: the firewall
// inspects traffic arriving from the transit gateway, and without
// appliance mode the transit gateway may send the two directions of a flow
// to endpoints in different Availability Zones, where the stateful engine
// sees half a flow and drops it.
func checkApplianceMode(net *analyzer.Network) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, tgw := range net.Topology().TransitGateways {
		for _, a := range tgw.Attachments {
			if a.ApplianceMode || len(a.Subnets) < 2 {
				continue // with one subnet both directions cross the same AZ
			}
			if fe := inspectingEndpoint(a); fe != nil {
				out = append(out, applianceModeWarning(a, fe))
			}
		}
	}
	return out
}

// inspectingEndpoint returns a firewall endpoint that a route table of one
// of a's subnets routes to, or nil: traffic from the transit gateway
// through a is then inspected by that endpoint's firewall.
func inspectingEndpoint(a *topology.TGWAttachment) *topology.FirewallEndpoint {
	for _, s := range a.Subnets {
		if s.RouteTable == nil {
			continue
		}
		for _, r := range s.RouteTable.Routes {
			if r.Target.Kind == topology.TargetFirewallEndpoint && r.Target.FirewallEndpoint != nil {
				return r.Target.FirewallEndpoint
			}
		}
	}
	return nil
}

func applianceModeWarning(a *topology.TGWAttachment, fe *topology.FirewallEndpoint) *hcl.Diagnostic {
	return warning(ApplianceModeOff, a.Range,
		fmt.Sprintf("%s sends transit gateway traffic to %s without appliance_mode", a.Addr(), fe.Addr()),
		fmt.Sprintf("The subnets of %s route to the endpoints of %s, so the firewall inspects traffic "+
			"arriving from the transit gateway. Without appliance mode the transit gateway picks the "+
			"Availability Zone of each direction separately, so a flow's request and reply can cross "+
			"different endpoints, and each endpoint's stateful engine sees half a flow.",
			a.Addr(), fe.Firewall.Addr()),
		"set appliance_mode = true on this attachment (ApplianceModeSupport=enable)",
		srcApplianceMode)
}
