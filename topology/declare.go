package topology

import (
	"regexp"

	"github.com/hashicorp/hcl/v2"
)

// nameRE is the syntax of resource names. Read-only.
var nameRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// pair ties a decoded block to the model value built from it.
type pair[B, M any] struct {
	b B
	m M
}

// decls holds every declared (non-duplicate) block with its model value.
type decls struct {
	vpcs        []pair[*vpcBlock, *VPC]
	subnets     []pair[*subnetBlock, *Subnet]
	routeTables []pair[*routeTableBlock, *RouteTable]
	igws        []pair[*igwBlock, *InternetGateway]
	nats        []pair[*natBlock, *NATGateway]
	instances   []pair[*instanceBlock, *Instance]
	peerings    []pair[*peeringBlock, *VPCPeering]
	tgws        []pair[*tgwBlock, *TransitGateway]
	tgwRTs      []pair[*tgwRouteTableBlock, *TGWRouteTable]
	attachments []pair[*tgwAttachmentBlock, *TGWAttachment]
	firewalls   []pair[*firewallBlock, *Firewall]
	endpoints   []pair[*endpointBlock, *FirewallEndpoint]
	policies    []pair[*policyBlock, *FirewallPolicy]
	ruleGroups  []pair[*ruleGroupBlock, *RuleGroup]
	slGroups    []pair[*statelessGroupBlock, *StatelessRuleGroup]
	sgs         []pair[*sgBlock, *SecurityGroup]
	nacls       []pair[*naclBlock, *NetworkACL]
	expects     []pair[*expectBlock, *Expect]
	prefixLists []pair[*prefixListBlock, *PrefixList]
	endpointsV  []pair[*vpcEndpointBlock, *VPCEndpoint]
}

// add registers a declared resource in the symbol table after checking its
// name. It reports false for a duplicate, which is then left out.
func (l *loader) add(r Resource, name string, nameRange hcl.Range) bool {
	typ := r.Kind()
	if !nameRE.MatchString(name) {
		l.errorf(nameRange, "Invalid name",
			"The name %q of this %s is not valid; a name starts with a letter and holds only letters, digits, '_' and '-'.", name, typ)
	}
	if first, dup := l.syms[typ][name]; dup {
		l.errorf(r.DeclRange(), "Duplicate resource",
			"A %s named %q is already declared at %s; names must be unique per resource type.", typ, name, where(first.def))
		return false
	}
	if l.syms[typ] == nil {
		l.syms[typ] = map[string]symbol{}
	}
	l.syms[typ][name] = symbol{r, r.DeclRange()}
	return true
}

// declare creates the model value of every block and fills the symbol
// table, so that references resolve in any order.
func (l *loader) declare(c *config) *decls {
	d := &decls{}
	for _, b := range c.VPCs {
		v := &VPC{Meta: NewMeta("vpc", b.Name, b.DefRange)}
		l.origin(&v.Meta, b)
		v.DefaultSecurityGroup = defaultSecurityGroup(v)
		v.DefaultNetworkACL = defaultNetworkACL(v)
		if l.add(v, b.Name, b.NameRange) {
			d.vpcs = append(d.vpcs, pair[*vpcBlock, *VPC]{b, v})
		}
	}
	declareAll(l, c.Subnets, &d.subnets, "subnet",
		func(m Meta) *Subnet { return &Subnet{Meta: m} })
	declareAll(l, c.RouteTables, &d.routeTables, "route_table",
		func(m Meta) *RouteTable { return &RouteTable{Meta: m} })
	declareAll(l, c.InternetGateways, &d.igws, "internet_gateway",
		func(m Meta) *InternetGateway { return &InternetGateway{Meta: m} })
	declareAll(l, c.NATGateways, &d.nats, "nat_gateway",
		func(m Meta) *NATGateway { return &NATGateway{Meta: m} })
	declareAll(l, c.Instances, &d.instances, "instance",
		func(m Meta) *Instance { return &Instance{Meta: m} })
	// A network_interface (an appliance's ENI) is an Instance of its own
	// type: it is addressed, filtered and routed to the same way.
	declareAll(l, c.NetworkInterfaces, &d.instances, "network_interface",
		func(m Meta) *Instance { return &Instance{Meta: m} })
	declareAll(l, c.VPCPeerings, &d.peerings, "vpc_peering",
		func(m Meta) *VPCPeering { return &VPCPeering{Meta: m} })
	declareAll(l, c.TransitGateways, &d.tgws, "transit_gateway",
		func(m Meta) *TransitGateway { return &TransitGateway{Meta: m} })
	declareAll(l, c.TGWRouteTables, &d.tgwRTs, "transit_gateway_route_table",
		func(m Meta) *TGWRouteTable { return &TGWRouteTable{Meta: m} })
	declareAll(l, c.TGWAttachments, &d.attachments, "transit_gateway_attachment",
		func(m Meta) *TGWAttachment { return &TGWAttachment{Meta: m} })
	declareAll(l, c.Firewalls, &d.firewalls, "network_firewall",
		func(m Meta) *Firewall { return &Firewall{Meta: m} })
	declareAll(l, c.FirewallEndpoints, &d.endpoints, "firewall_endpoint",
		func(m Meta) *FirewallEndpoint { return &FirewallEndpoint{Meta: m} })
	declareAll(l, c.FirewallPolicies, &d.policies, "firewall_policy",
		func(m Meta) *FirewallPolicy { return &FirewallPolicy{Meta: m} })
	declareAll(l, c.RuleGroups, &d.ruleGroups, "rule_group",
		func(m Meta) *RuleGroup { return &RuleGroup{Meta: m} })
	declareAll(l, c.StatelessRuleGroups, &d.slGroups, "stateless_rule_group",
		func(m Meta) *StatelessRuleGroup { return &StatelessRuleGroup{Meta: m} })
	declareAll(l, c.SecurityGroups, &d.sgs, "security_group",
		func(m Meta) *SecurityGroup { return &SecurityGroup{Meta: m} })
	declareAll(l, c.NetworkACLs, &d.nacls, "network_acl",
		func(m Meta) *NetworkACL { return &NetworkACL{Meta: m} })
	declareAll(l, c.Expects, &d.expects, "expect",
		func(m Meta) *Expect { return &Expect{Meta: m} })
	declareAll(l, c.PrefixLists, &d.prefixLists, "prefix_list",
		func(m Meta) *PrefixList { return &PrefixList{Meta: m} })
	declareAll(l, c.VPCEndpoints, &d.endpointsV, "vpc_endpoint",
		func(m Meta) *VPCEndpoint { return &VPCEndpoint{Meta: m} })
	return d
}

// header is a resource block: it has a name label.
type header interface {
	head() (name string, nameRange, defRange hcl.Range)
}

// declareAll creates and registers the model value of each block.
func declareAll[B header, M Resource](l *loader, blocks []B, out *[]pair[B, M], typ string, mk func(Meta) M) {
	for _, b := range blocks {
		name, nameRange, defRange := b.head()
		meta := NewMeta(typ, name, defRange)
		l.origin(&meta, b)
		m := mk(meta)
		if l.add(m, name, nameRange) {
			*out = append(*out, pair[B, M]{b, m})
		}
	}
}
