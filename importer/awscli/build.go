package awscli

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/vpcreach/vpcreach/importer"
)

// builder turns a collection into a model.
type builder struct {
	c *collection
	m *importer.Model
	// seen holds every resource id imported, so a resource listed by
	// several files (a transit gateway shared between accounts) is
	// imported once.
	seen map[string]bool
	// eniKey maps an ENI id to the key of the instance block it became.
	eniKey map[string]string
	// instanceKey maps an instance id to the key of its primary ENI's block.
	instanceKey map[string]bool
	// firewallEndpoints holds the vpce ids of firewall endpoints.
	firewallEndpoints map[string]bool
	// attachmentVPC maps a TGW attachment id to its VPC.
	attachments map[string]*importer.TGWAttachment
	// subnetByID indexes the imported subnets (built on first use, after
	// every subnet is read).
	subnetByID map[string]*importer.Subnet
}

func (c *collection) build(m *importer.Model) {
	b := &builder{c: c, m: m, seen: map[string]bool{}, eniKey: map[string]string{}, instanceKey: map[string]bool{},
		firewallEndpoints: map[string]bool{}, attachments: map[string]*importer.TGWAttachment{}}
	b.vpcs()
	b.subnets()
	b.firewalls() // before routes: routes to vpce-... may target firewall endpoints
	b.policies()
	b.ruleGroups()
	b.gateways()
	b.instances()
	b.standaloneENIs()
	b.securityGroups()
	b.networkACLs()
	b.peerings()
	b.transit()
	b.routeTables()
	b.unsupported()
	m.Given = c.given
}

// first reports whether id is seen for the first time (and marks it).
func (b *builder) first(id string) bool {
	if id == "" || b.seen[id] {
		return false
	}
	b.seen[id] = true
	return true
}

// errorAt records a located error for the resource of it.
func errorAt[T any](b *builder, it item[T], summary, format string, args ...any) {
	b.c.diags = append(b.c.diags, it.f.Errorf(it.off, summary, format, args...))
}

// prefix parses a CIDR of the resource of it; a bad one is a located error.
func prefix[T any](b *builder, it item[T], what, s string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(s)
	if err != nil || p != p.Masked() {
		errorAt(b, it, "Invalid CIDR", "%s: the %s %q is not a CIDR block.", it.f.Name, what, s)
		return netip.Prefix{}, false
	}
	return p, true
}

// addr parses an IP address of the resource of it ("" is no address).
func addr[T any](b *builder, it item[T], what, s string) netip.Addr {
	if s == "" {
		return netip.Addr{}
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		errorAt(b, it, "Invalid IP address", "%s: the %s %q is not an IP address.", it.f.Name, what, s)
		return netip.Addr{}
	}
	return a.Unmap()
}

func origin[T any](it item[T], id, name string) importer.Origin {
	rng := it.f.Range(it.off)
	return importer.Origin{AWSID: id, Name: name, Where: it.where, Range: &rng}
}

func (b *builder) vpcs() {
	for _, it := range b.c.vpcs {
		v := it.v
		if !b.first(v.VpcId) {
			continue
		}
		out := &importer.VPC{Origin: origin(it, v.VpcId, nameOf(v.Tags))}
		add := func(s string) {
			if p, ok := prefix(b, it, "CIDR block", s); ok && !containsPrefix(out.CIDRs, p) {
				out.CIDRs = append(out.CIDRs, p)
			}
		}
		if v.CidrBlock != "" {
			add(v.CidrBlock)
		}
		for _, a := range v.CidrBlockAssociationSet {
			if a.CidrBlockState.State == "associated" {
				add(a.CidrBlock)
			}
		}
		for _, a := range v.Ipv6CidrBlockAssociationSet {
			if a.Ipv6CidrBlockState.State == "associated" {
				add(a.Ipv6CidrBlock)
			}
		}
		if len(out.CIDRs) == 0 {
			errorAt(b, it, "VPC without a CIDR", "%s: %s has no CIDR block.", it.f.Name, v.VpcId)
			continue
		}
		b.m.VPCs = append(b.m.VPCs, out)
	}
}

func containsPrefix(ps []netip.Prefix, p netip.Prefix) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func (b *builder) subnets() {
	for _, it := range b.c.subnets {
		s := it.v
		if !b.first(s.SubnetId) {
			continue
		}
		p, ok := prefix(b, it, "CIDR block", s.CidrBlock)
		if !ok {
			continue
		}
		b.m.Subnets = append(b.m.Subnets, &importer.Subnet{
			Origin: origin(it, s.SubnetId, nameOf(s.Tags)), VPC: s.VpcId, CIDR: p, AZ: s.AvailabilityZone,
		})
	}
}

// subnet returns the imported subnet with id, or nil.
func (b *builder) subnet(id string) *importer.Subnet {
	if b.subnetByID == nil {
		b.subnetByID = map[string]*importer.Subnet{}
		for _, s := range b.m.Subnets {
			b.subnetByID[s.AWSID] = s
		}
	}
	return b.subnetByID[id]
}

// unsupported reports the resources the language does not hold yet.
func (b *builder) unsupported() {
	for _, it := range b.c.eigws {
		if b.first(it.v.EgressOnlyInternetGatewayId) {
			b.m.Skip(it.v.EgressOnlyInternetGatewayId, "EgressOnlyInternetGateways", it.where,
				"egress-only internet gateways (IPv6) are not in the topology language; routes to one are written as blackholes", false)
		}
	}
	for _, it := range b.c.endpoints {
		if b.first(it.v.VpcEndpointId) {
			why := "gateway VPC endpoints are not in the topology language yet; routes to one are written as blackholes"
			if strings.EqualFold(it.v.VpcEndpointType, "Interface") {
				why = "interface VPC endpoints are not in the topology language yet; their network interfaces are imported as instance blocks (traffic to them ends there)"
			}
			b.m.Skip(it.v.VpcEndpointId, "VpcEndpoints", it.where, fmt.Sprintf("%s (%s)", why, it.v.ServiceName), false)
		}
	}
	for _, it := range b.c.mpls {
		if b.first(it.v.PrefixListId) {
			b.m.Skip(it.v.PrefixListId, "PrefixLists", it.where,
				"prefix lists are not in the topology language; their entries (get-managed-prefix-list-entries) are expanded where routes and rules use them", false)
		}
	}
	for _, it := range b.c.unknown {
		b.m.Skip(it.v, it.v, it.where, "vpcreach does not read this kind of resource", false)
	}
}
