package topology

import (
	"reflect"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/par"
)

// config is the typed decode of every topology file: one slice per block
// type, in file order then source order. Attributes are kept as
// hcl.Expression: references are resolved statically and values are
// evaluated (with locals only) by the loader, which reports errors with
// exact ranges.
type config struct {
	VPCs                []*vpcBlock            `hcl:"vpc,block"`
	Subnets             []*subnetBlock         `hcl:"subnet,block"`
	RouteTables         []*routeTableBlock     `hcl:"route_table,block"`
	InternetGateways    []*igwBlock            `hcl:"internet_gateway,block"`
	NATGateways         []*natBlock            `hcl:"nat_gateway,block"`
	Instances           []*instanceBlock       `hcl:"instance,block"`
	VPCPeerings         []*peeringBlock        `hcl:"vpc_peering,block"`
	TransitGateways     []*tgwBlock            `hcl:"transit_gateway,block"`
	TGWRouteTables      []*tgwRouteTableBlock  `hcl:"transit_gateway_route_table,block"`
	TGWAttachments      []*tgwAttachmentBlock  `hcl:"transit_gateway_attachment,block"`
	Firewalls           []*firewallBlock       `hcl:"network_firewall,block"`
	FirewallEndpoints   []*endpointBlock       `hcl:"firewall_endpoint,block"`
	FirewallPolicies    []*policyBlock         `hcl:"firewall_policy,block"`
	RuleGroups          []*ruleGroupBlock      `hcl:"rule_group,block"`
	StatelessRuleGroups []*statelessGroupBlock `hcl:"stateless_rule_group,block"`
	SecurityGroups      []*sgBlock             `hcl:"security_group,block"`
	NetworkACLs         []*naclBlock           `hcl:"network_acl,block"`
	Expects             []*expectBlock         `hcl:"expect,block"`
	PrefixLists         []*prefixListBlock     `hcl:"prefix_list,block"`
	NetworkInterfaces   []*instanceBlock       `hcl:"network_interface,block"`
	VPCEndpoints        []*vpcEndpointBlock    `hcl:"vpc_endpoint,block"`
}

// decode decodes every body (locals already removed) into one config,
// in body order, and reports required arguments left out. Bodies are
// decoded concurrently: each decode reads only its body and the plans,
// which are complete before it starts.
func (l *loader) decode(bodies []hcl.Body) *config {
	top := decodePlans{}.planFor(reflect.TypeFor[config]())
	cs := make([]config, len(bodies))
	ds := make([]hcl.Diagnostics, len(bodies))
	par.Do(len(bodies), func(i int) {
		top.decode(bodies[i], reflect.ValueOf(&cs[i]).Elem(), &ds[i])
	})
	all := &config{}
	for i := range cs {
		l.diags = append(l.diags, ds[i]...)
		all.merge(&cs[i])
	}
	return all
}

func (c *config) merge(o *config) {
	c.VPCs = append(c.VPCs, o.VPCs...)
	c.Subnets = append(c.Subnets, o.Subnets...)
	c.RouteTables = append(c.RouteTables, o.RouteTables...)
	c.InternetGateways = append(c.InternetGateways, o.InternetGateways...)
	c.NATGateways = append(c.NATGateways, o.NATGateways...)
	c.Instances = append(c.Instances, o.Instances...)
	c.VPCPeerings = append(c.VPCPeerings, o.VPCPeerings...)
	c.TransitGateways = append(c.TransitGateways, o.TransitGateways...)
	c.TGWRouteTables = append(c.TGWRouteTables, o.TGWRouteTables...)
	c.TGWAttachments = append(c.TGWAttachments, o.TGWAttachments...)
	c.Firewalls = append(c.Firewalls, o.Firewalls...)
	c.FirewallEndpoints = append(c.FirewallEndpoints, o.FirewallEndpoints...)
	c.FirewallPolicies = append(c.FirewallPolicies, o.FirewallPolicies...)
	c.RuleGroups = append(c.RuleGroups, o.RuleGroups...)
	c.StatelessRuleGroups = append(c.StatelessRuleGroups, o.StatelessRuleGroups...)
	c.SecurityGroups = append(c.SecurityGroups, o.SecurityGroups...)
	c.NetworkACLs = append(c.NetworkACLs, o.NetworkACLs...)
	c.Expects = append(c.Expects, o.Expects...)
	c.PrefixLists = append(c.PrefixLists, o.PrefixLists...)
	c.NetworkInterfaces = append(c.NetworkInterfaces, o.NetworkInterfaces...)
	c.VPCEndpoints = append(c.VPCEndpoints, o.VPCEndpoints...)
}

// head implements header for every resource block.
func (b *subnetBlock) head() (string, hcl.Range, hcl.Range) { return b.Name, b.NameRange, b.DefRange }
func (b *routeTableBlock) head() (string, hcl.Range, hcl.Range) {
	return b.Name, b.NameRange, b.DefRange
}
func (b *igwBlock) head() (string, hcl.Range, hcl.Range)      { return b.Name, b.NameRange, b.DefRange }
func (b *natBlock) head() (string, hcl.Range, hcl.Range)      { return b.Name, b.NameRange, b.DefRange }
func (b *instanceBlock) head() (string, hcl.Range, hcl.Range) { return b.Name, b.NameRange, b.DefRange }
func (b *peeringBlock) head() (string, hcl.Range, hcl.Range)  { return b.Name, b.NameRange, b.DefRange }
func (b *tgwBlock) head() (string, hcl.Range, hcl.Range)      { return b.Name, b.NameRange, b.DefRange }
func (b *tgwRouteTableBlock) head() (string, hcl.Range, hcl.Range) {
	return b.Name, b.NameRange, b.DefRange
}
func (b *tgwAttachmentBlock) head() (string, hcl.Range, hcl.Range) {
	return b.Name, b.NameRange, b.DefRange
}
func (b *firewallBlock) head() (string, hcl.Range, hcl.Range) { return b.Name, b.NameRange, b.DefRange }
func (b *endpointBlock) head() (string, hcl.Range, hcl.Range) { return b.Name, b.NameRange, b.DefRange }
func (b *policyBlock) head() (string, hcl.Range, hcl.Range)   { return b.Name, b.NameRange, b.DefRange }
func (b *ruleGroupBlock) head() (string, hcl.Range, hcl.Range) {
	return b.Name, b.NameRange, b.DefRange
}
func (b *statelessGroupBlock) head() (string, hcl.Range, hcl.Range) {
	return b.Name, b.NameRange, b.DefRange
}
func (b *sgBlock) head() (string, hcl.Range, hcl.Range)     { return b.Name, b.NameRange, b.DefRange }
func (b *naclBlock) head() (string, hcl.Range, hcl.Range)   { return b.Name, b.NameRange, b.DefRange }
func (b *expectBlock) head() (string, hcl.Range, hcl.Range) { return b.Name, b.NameRange, b.DefRange }
func (b *vpcBlock) head() (string, hcl.Range, hcl.Range)    { return b.Name, b.NameRange, b.DefRange }
