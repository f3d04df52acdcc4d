package analyzer

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/agext/levenshtein"

	"github.com/vpcreach/vpcreach/topology"
)

// endpointKind is the kind of one end of a path.
type endpointKind int

const (
	// epInstance is an instance's ENI (security groups apply).
	epInstance endpointKind = iota + 1
	// epSubnet is any ENI of a subnet, at a representative address; no
	// security groups are known for it.
	epSubnet
	// epNAT is a NAT gateway's ENI (destination only; it has no SG).
	epNAT
	// epInternet is an address on the internet, reached through an
	// internet gateway (igw set when the query names it).
	epInternet
)

// endpoint is one resolved end of a query.
type endpoint struct {
	kind     endpointKind
	name     string // as shown: the resource address or the IP
	instance *topology.Instance
	nat      *topology.NATGateway
	subnet   *topology.Subnet
	igw      *topology.InternetGateway
	// addr is the address packets carry: the private IP of a VPC endpoint
	// (the public IP when an internet source targets an instance), or the
	// internet address.
	addr netip.Addr
}

// vpc returns the endpoint's VPC, or nil for the internet.
func (e endpoint) vpc() *topology.VPC {
	if e.subnet != nil {
		return e.subnet.VPC
	}
	return nil
}

// resolveEndpoint resolves a --from or --to value.
func (n *Network) resolveEndpoint(spec string, source bool) (endpoint, error) {
	spec = strings.TrimSpace(spec)
	if a, err := netip.ParseAddr(spec); err == nil {
		return n.resolveAddr(a.Unmap(), spec, source)
	}
	r, ok := n.resourceNamed(spec)
	if !ok {
		if e, found, err := n.resolveService(spec, source); found {
			return e, err
		}
		return endpoint{}, n.unknownResource(spec)
	}
	switch r := r.(type) {
	case *topology.Instance:
		if err := endpointENISource(r, spec, source); err != nil {
			return endpoint{}, err
		}
		return endpoint{kind: epInstance, name: spec, instance: r, subnet: r.Subnet, addr: r.PrivateIP}, nil
	case *topology.Subnet:
		return endpoint{kind: epSubnet, name: spec, subnet: r, addr: subnetRepresentative(r)}, nil
	case *topology.VPCEndpoint:
		return n.resolveVPCEndpoint(spec, r, source)
	case *topology.InternetGateway:
		return endpoint{kind: epInternet, name: spec, igw: r, addr: n.internet}, nil
	case *topology.NATGateway:
		if source {
			return endpoint{}, fmt.Errorf("%s cannot originate traffic: a NAT gateway only translates it; "+
				"ask from the instance or subnet behind it", spec)
		}
		return endpoint{kind: epNAT, name: spec, nat: r, subnet: r.Subnet, addr: r.PrivateIP}, nil
	}
	return endpoint{}, fmt.Errorf("%s is a %s; a path ends at an instance, subnet, internet gateway, "+
		"NAT gateway or IP address", spec, r.Kind())
}

// resolveAddr resolves an IP address: a public IP held by an instance is
// that instance; a private IP is its subnet (and the instance or NAT
// gateway holding it); any other internet address is the internet.
func (n *Network) resolveAddr(a netip.Addr, spec string, source bool) (endpoint, error) {
	if holder := n.topo.PublicIPHolder(a); holder != nil {
		if i, ok := holder.(*topology.Instance); ok {
			return endpoint{kind: epInstance, name: spec, instance: i, subnet: i.Subnet, addr: a}, nil
		}
		if source {
			return endpoint{}, fmt.Errorf("%s is the public IP of %s, which cannot originate traffic", spec, holder.Addr())
		}
		nat := holder.(*topology.NATGateway)
		return endpoint{kind: epNAT, name: spec, nat: nat, subnet: nat.Subnet, addr: a}, nil
	}
	subnets := n.topo.SubnetsContaining(a)
	switch {
	case len(subnets) > 1:
		names := make([]string, len(subnets))
		for i, s := range subnets {
			names[i] = s.Addr()
		}
		return endpoint{}, fmt.Errorf("%s lies in %s of overlapping VPCs; name the resource instead", spec, strings.Join(names, " and "))
	case len(subnets) == 1:
		if s := n.reservedSubnet(a); s != nil {
			return endpoint{}, fmt.Errorf("%s is reserved by AWS in %s: no ENI can hold it", spec, s.Addr())
		}
		return resolveInSubnet(subnets[0], a, spec, source)
	}
	if vpcs := n.topo.VPCsContaining(a); len(vpcs) > 0 {
		return endpoint{}, fmt.Errorf("%s lies in %s but in none of its subnets", spec, vpcs[0].Addr())
	}
	if !isInternetAddr(a) {
		return endpoint{}, fmt.Errorf("%s is in no subnet of the topology and is not an internet address", spec)
	}
	return endpoint{kind: epInternet, name: spec, addr: a}, nil
}

func resolveInSubnet(s *topology.Subnet, a netip.Addr, spec string, source bool) (endpoint, error) {
	switch eni := s.ENIAt(a).(type) {
	case *topology.Instance:
		if err := endpointENISource(eni, spec, source); err != nil {
			return endpoint{}, err
		}
		return endpoint{kind: epInstance, name: spec, instance: eni, subnet: s, addr: a}, nil
	case *topology.NATGateway:
		if source {
			return endpoint{}, fmt.Errorf("%s is %s, which cannot originate traffic", spec, eni.Addr())
		}
		return endpoint{kind: epNAT, name: spec, nat: eni, subnet: s, addr: a}, nil
	}
	return endpoint{kind: epSubnet, name: spec, subnet: s, addr: a}, nil
}

// subnetRepresentative is the address that stands for any ENI of s: the
// first address after the four AWS reserves that no ENI holds.
func subnetRepresentative(s *topology.Subnet) netip.Addr {
	a := s.CIDR.Addr()
	for i := 0; i < 4; i++ {
		a = a.Next()
	}
	first := a
	for c := a; s.CIDR.Contains(c); c = c.Next() {
		if s.ENIAt(c) == nil {
			return c
		}
	}
	return first
}

// unknownResource builds the error for an address that names nothing,
// suggesting the nearest declared endpoint.
func (n *Network) unknownResource(spec string) error {
	var names []string
	t := n.topo
	for _, i := range t.Instances {
		names = append(names, i.Addr())
	}
	for _, s := range t.Subnets {
		names = append(names, s.Addr())
	}
	for _, g := range t.InternetGateways {
		names = append(names, g.Addr())
	}
	for _, g := range t.NATGateways {
		names = append(names, g.Addr())
	}
	sort.Strings(names)
	best := nearestEndpoint(spec, names)
	msg := fmt.Sprintf("%q is neither an IP address nor a declared resource", spec)
	if best != "" {
		msg += fmt.Sprintf("; did you mean %s?", best)
	}
	return fmt.Errorf("%s", msg)
}

// nearestEndpoint returns the name nearest to spec (fewer than 4 edits),
// or "". A spec without a type ("web_a") is compared with the names'
// NAME parts, so that it finds instance.web_a.
func nearestEndpoint(spec string, names []string) string {
	best, bestDist := "", 4
	for _, name := range names {
		cmp := name
		if !strings.Contains(spec, ".") {
			_, cmp, _ = strings.Cut(name, ".")
		}
		if d := levenshtein.Distance(spec, cmp, nil); d < bestDist {
			best, bestDist = name, d
		}
	}
	return best
}
