package awscli

import (
	"encoding/json"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/importer"
)

// item is one decoded resource with where it was found.
type item[T any] struct {
	v     T
	where string // file:line:col
	f     *importer.JSONFile
	off   int64
}

// collection gathers the decoded resources of every file before the
// model is built, since references cross files.
type collection struct {
	vpcs        []item[vpc]
	subnets     []item[subnet]
	routeTables []item[routeTable]
	igws        []item[internetGateway]
	eigws       []item[egressOnlyGateway]
	nats        []item[natGateway]
	addresses   []item[address]
	instances   []item[instance]
	enis        []item[eni]
	sgs         []item[securityGroup]
	nacls       []item[networkACL]
	peerings    []item[peering]
	tgws        []item[transitGateway]
	tgwAtts     []item[tgwAttachment]
	tgwVPCAtts  []item[tgwVPCAttachment]
	tgwRTs      []item[tgwRouteTable]
	endpoints   []item[vpcEndpoint]
	mpls        []item[prefixList]
	// by transit gateway route table id
	tgwRoutes map[string][]item[tgwRoute]
	tgwProps  map[string][]item[tgwPropagation]
	tgwAssocs map[string][]item[tgwAssociation]
	// prefix list id -> CIDRs
	prefixLists map[string][]string
	firewalls   []item[firewallDoc]
	policies    []item[policyDoc]
	ruleGroups  []item[ruleGroupDoc]
	// skipped holds unknown top-level keys with data: key -> where
	unknown []item[string]
	diags   hcl.Diagnostics
	// given holds the block types whose describe output was read.
	given map[string]bool
}

// givenBy maps a describe call's top-level key to the block type whose
// whole inventory it lists.
var givenBy = map[string]string{
	"Vpcs": "vpc", "Subnets": "subnet", "RouteTables": "route_table", "InternetGateways": "internet_gateway",
	"NatGateways": "nat_gateway", "Reservations": "instance", "SecurityGroups": "security_group", "NetworkAcls": "network_acl",
	"VpcPeeringConnections": "vpc_peering", "TransitGateways": "transit_gateway",
	"TransitGatewayRouteTables": "transit_gateway_route_table", "TransitGatewayVpcAttachments": "transit_gateway_attachment",
}

type firewallDoc struct {
	Firewall       nfwFirewall
	FirewallStatus nfwFirewallStatus
}

type policyDoc struct {
	FirewallPolicyResponse nfwPolicyResponse
	FirewallPolicy         nfwPolicy
}

type ruleGroupDoc struct {
	RuleGroupResponse nfwRuleGroupResponse
	RuleGroup         nfwRuleGroup
}

func newCollection() *collection {
	return &collection{
		tgwRoutes:   map[string][]item[tgwRoute]{},
		tgwProps:    map[string][]item[tgwPropagation]{},
		tgwAssocs:   map[string][]item[tgwAssociation]{},
		prefixLists: map[string][]string{},
		given:       map[string]bool{},
	}
}

// list decodes the array m of file f into items appended to dst.
func list[T any](c *collection, f *importer.JSONFile, m importer.Member, dst *[]item[T]) {
	els, d := f.Elements(m.Value, m.Offset, m.Key)
	if d != nil {
		c.diags = append(c.diags, d)
		return
	}
	for _, el := range els {
		var v T
		if d := f.Unmarshal(el.Value, el.Offset, &v); d != nil {
			c.diags = append(c.diags, d)
			continue
		}
		*dst = append(*dst, item[T]{v: v, where: f.Where(el.Offset), f: f, off: el.Offset})
	}
}

// whole decodes the whole file f into one item appended to dst.
func whole[T any](c *collection, f *importer.JSONFile, dst *[]item[T]) {
	var v T
	if d := f.Unmarshal(f.Data, 0, &v); d != nil {
		c.diags = append(c.diags, d)
		return
	}
	*dst = append(*dst, item[T]{v: v, where: f.Where(0), f: f})
}

// ignoredKeys are top-level keys that carry no resources.
var ignoredKeys = []string{"NextToken", "UpdateToken", "AdditionalRoutesAvailable", "ResponseMetadata"}

// file recognises the JSON file f by its top-level keys and decodes it.
func (c *collection) file(f *importer.JSONFile) {
	members, d := f.Members()
	if d != nil {
		c.diags = append(c.diags, d)
		return
	}
	keys := map[string]importer.Member{}
	for _, m := range members {
		keys[m.Key] = m
	}
	if c.document(f, keys) {
		return
	}
	rt := stringMember(keys["TransitGatewayRouteTableId"])
	for _, m := range members {
		switch {
		case slices.Contains(ignoredKeys, m.Key), m.Key == "TransitGatewayRouteTableId":
		case m.Key == "Routes" && rt != "":
			c.perTable(f, m, rt, c.tgwRoutes)
		case m.Key == "TransitGatewayRouteTablePropagations" && rt != "":
			perTableList(c, f, m, rt, c.tgwProps)
		case m.Key == "Associations" && rt != "":
			perTableList(c, f, m, rt, c.tgwAssocs)
		case m.Key == "Entries" && keys["PrefixListId"].Value != nil:
			c.entries(f, m, stringMember(keys["PrefixListId"]))
		case m.Key == "PrefixListId":
		default:
			c.member(f, m)
		}
	}
}

// document decodes the files that are one response object: the Network
// Firewall describe calls. It reports whether f was one.
func (c *collection) document(f *importer.JSONFile, keys map[string]importer.Member) bool {
	switch {
	case keys["Firewall"].Value != nil:
		whole(c, f, &c.firewalls)
	case keys["FirewallPolicyResponse"].Value != nil:
		whole(c, f, &c.policies)
	case keys["RuleGroupResponse"].Value != nil:
		whole(c, f, &c.ruleGroups)
	default:
		return false
	}
	return true
}

// member decodes one top-level array by its key.
func (c *collection) member(f *importer.JSONFile, m importer.Member) {
	if t, ok := givenBy[m.Key]; ok {
		c.given[t] = true
	}
	switch m.Key {
	case "Vpcs":
		list(c, f, m, &c.vpcs)
	case "Subnets":
		list(c, f, m, &c.subnets)
	case "RouteTables":
		list(c, f, m, &c.routeTables)
	case "InternetGateways":
		list(c, f, m, &c.igws)
	case "EgressOnlyInternetGateways":
		list(c, f, m, &c.eigws)
	case "NatGateways":
		list(c, f, m, &c.nats)
	case "Addresses":
		list(c, f, m, &c.addresses)
	case "Reservations":
		var rs []item[reservation]
		list(c, f, m, &rs)
		for _, r := range rs {
			for _, i := range r.v.Instances {
				c.instances = append(c.instances, item[instance]{v: i, where: r.where, f: f, off: r.off})
			}
		}
	case "NetworkInterfaces":
		list(c, f, m, &c.enis)
	case "SecurityGroups":
		list(c, f, m, &c.sgs)
	case "NetworkAcls":
		list(c, f, m, &c.nacls)
	case "VpcPeeringConnections":
		list(c, f, m, &c.peerings)
	case "TransitGateways":
		list(c, f, m, &c.tgws)
	case "TransitGatewayAttachments":
		list(c, f, m, &c.tgwAtts)
	case "TransitGatewayVpcAttachments":
		list(c, f, m, &c.tgwVPCAtts)
	case "TransitGatewayRouteTables":
		list(c, f, m, &c.tgwRTs)
	case "TransitGatewayStaticRoutes":
		c.batfishTables(f, m, "Routes")
	case "TransitGatewayPropagations":
		c.batfishTables(f, m, "TransitGatewayRouteTablePropagations")
	case "VpcEndpoints":
		list(c, f, m, &c.endpoints)
	case "PrefixLists":
		var pls []item[prefixList]
		list(c, f, m, &pls)
		for _, p := range pls {
			if p.v.Cidrs == nil {
				c.mpls = append(c.mpls, p) // customer-managed: entries come apart
				continue
			}
			c.prefixLists[p.v.PrefixListId] = append(c.prefixLists[p.v.PrefixListId], p.v.Cidrs...)
		}
	default:
		c.other(f, m)
	}
}

// other records a top-level key vpcreach does not read, when it holds
// data, so the report lists it.
func (c *collection) other(f *importer.JSONFile, m importer.Member) {
	var v any
	if err := json.Unmarshal(m.Value, &v); err != nil {
		return
	}
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return
		}
	case nil:
		return
	}
	c.unknown = append(c.unknown, item[string]{v: m.Key, where: f.Where(m.Offset), f: f, off: m.Offset})
}

// stringMember returns the member's value as a string, or "".
func stringMember(m importer.Member) string {
	var s string
	if m.Value != nil {
		_ = json.Unmarshal(m.Value, &s)
	}
	return s
}

// perTable decodes a search-transit-gateway-routes result for table rt.
func (c *collection) perTable(f *importer.JSONFile, m importer.Member, rt string, dst map[string][]item[tgwRoute]) {
	var rs []item[tgwRoute]
	list(c, f, m, &rs)
	dst[rt] = append(dst[rt], rs...)
}

func perTableList[T any](c *collection, f *importer.JSONFile, m importer.Member, rt string, dst map[string][]item[T]) {
	var xs []item[T]
	list(c, f, m, &xs)
	dst[rt] = append(dst[rt], xs...)
}

// batfishTables decodes Batfish's per-table wrappers:
// [{"TransitGatewayRouteTableId": ..., KEY: [...]}, ...].
func (c *collection) batfishTables(f *importer.JSONFile, m importer.Member, key string) {
	els, d := f.Elements(m.Value, m.Offset, m.Key)
	if d != nil {
		c.diags = append(c.diags, d)
		return
	}
	for _, el := range els {
		members, d := f.ObjectMembers(el.Value, el.Offset)
		if d != nil {
			c.diags = append(c.diags, d)
			continue
		}
		rt := stringMember(members["TransitGatewayRouteTableId"])
		inner, ok := members[key]
		if !ok || rt == "" {
			continue
		}
		if key == "Routes" {
			c.perTable(f, inner, rt, c.tgwRoutes)
		} else {
			perTableList(c, f, inner, rt, c.tgwProps)
		}
	}
}

// entries decodes get-managed-prefix-list-entries output for list id.
func (c *collection) entries(f *importer.JSONFile, m importer.Member, id string) {
	var es []item[prefixListEntry]
	list(c, f, m, &es)
	for _, e := range es {
		c.prefixLists[id] = append(c.prefixLists[id], e.v.Cidr)
	}
}
