package analyzer

import (
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/topology"
)

// resolveService resolves an AWS service name, such as
// "com.amazonaws.us-east-1.s3", to the first address of the first entry
// of the prefix list of that name (or of a Gateway endpoint of that
// service): the service stands at that address. ok is false when spec
// names no service of the topology.
func (n *Network) resolveService(spec string, source bool) (endpoint, bool, error) {
	pl := n.servicePrefixList(spec)
	if pl == nil {
		return endpoint{}, false, nil
	}
	if source {
		return endpoint{}, true, fmt.Errorf("%s is an AWS service: it answers connections but starts none here; ask to it", spec)
	}
	if len(pl.Entries) == 0 {
		return endpoint{}, true, fmt.Errorf("%s is %s, which has no entries; give its CIDR blocks", spec, pl.Addr())
	}
	a := pl.Entries[0].Addr()
	if !isInternetAddr(a) {
		return endpoint{}, true, fmt.Errorf("%s stands at %s (the first entry of %s), which is not a public address", spec, a, pl.Addr())
	}
	return endpoint{kind: epInternet, name: spec, addr: a}, true, nil
}

// servicePrefixList returns the prefix list whose prefix_list_name is
// name, else the prefix list of a Gateway endpoint whose service_name is
// name, else nil.
func (n *Network) servicePrefixList(name string) *topology.PrefixList {
	for _, pl := range n.topo.PrefixLists {
		if pl.PrefixListName == name {
			return pl
		}
	}
	for _, e := range n.topo.VPCEndpoints {
		if e.Type == topology.EndpointGateway && e.ServiceName == name && e.PrefixList != nil {
			return e.PrefixList
		}
	}
	return nil
}

// endpointENISource refuses the network interface of an Interface
// endpoint as a source: AWS documents that the service behind an endpoint
// cannot start connections to the VPC through it; the interface only
// answers.
func endpointENISource(i *topology.Instance, spec string, source bool) error {
	if !source || i.Kind() != "vpc_endpoint" {
		return nil
	}
	return fmt.Errorf("%s is %s, a network interface of an Interface VPC endpoint: the service behind it "+
		"starts no connection into the VPC, it only answers; ask to it", spec, i.Addr())
}

// resolveVPCEndpoint resolves a query end naming a VPC endpoint: the
// network interface of an Interface endpoint that has one, the service of
// a Gateway endpoint.
func (n *Network) resolveVPCEndpoint(spec string, e *topology.VPCEndpoint, source bool) (endpoint, error) {
	switch {
	case e.Type == topology.EndpointInterface && len(e.ENIs) == 1:
		i := e.ENIs[0]
		if err := endpointENISource(i, spec, source); err != nil {
			return endpoint{}, err
		}
		return endpoint{kind: epInstance, name: i.Addr(), instance: i, subnet: i.Subnet, addr: i.PrivateIP}, nil
	case e.Type == topology.EndpointInterface:
		names := make([]string, len(e.ENIs))
		for i, eni := range e.ENIs {
			names[i] = eni.Addr()
		}
		return endpoint{}, fmt.Errorf("%s has a network interface per subnet; name one: %s (private DNS is not modelled)",
			spec, strings.Join(names, ", "))
	case e.Type == topology.EndpointGateway && e.PrefixList != nil:
		ep, _, err := n.resolveService(e.PrefixList.PrefixListName, source)
		if e.PrefixList.PrefixListName == "" {
			ep, err = n.serviceAt(e, source)
		}
		return ep, err
	}
	return endpoint{}, fmt.Errorf("%s is a GatewayLoadBalancer endpoint: traffic crosses it, no path ends there", spec)
}

// serviceAt is the service of Gateway endpoint e whose prefix list has no
// name: the first address of its first entry.
func (n *Network) serviceAt(e *topology.VPCEndpoint, source bool) (endpoint, error) {
	if source {
		return endpoint{}, fmt.Errorf("%s leads to an AWS service, which starts no connection here", e.Addr())
	}
	if len(e.PrefixList.Entries) == 0 {
		return endpoint{}, fmt.Errorf("%s has no entries", e.PrefixList.Addr())
	}
	return endpoint{kind: epInternet, name: e.Addr(), addr: e.PrefixList.Entries[0].Addr()}, nil
}
