package awscli

import (
	"net/netip"
	"strings"

	"github.com/vpcreach/vpcreach/importer"
)

func (b *builder) gateways() {
	for _, it := range b.c.igws {
		g := it.v
		if !b.first(g.InternetGatewayId) {
			continue
		}
		vpc := ""
		for _, a := range g.Attachments {
			if a.State == "available" || a.State == "attached" {
				vpc = a.VpcId
			}
		}
		if vpc == "" {
			b.m.Skip(g.InternetGatewayId, "InternetGateways", it.where, "not attached to a VPC", false)
			continue
		}
		b.m.InternetGateways = append(b.m.InternetGateways, &importer.InternetGateway{Origin: origin(it, g.InternetGatewayId, nameOf(g.Tags)), VPC: vpc})
	}
	for _, it := range b.c.nats {
		g := it.v
		if !b.first(g.NatGatewayId) {
			continue
		}
		if g.State != "" && g.State != "available" && g.State != "pending" {
			b.m.Skip(g.NatGatewayId, "NatGateways", it.where, "its state is "+g.State, false)
			continue
		}
		out := &importer.NATGateway{Origin: origin(it, g.NatGatewayId, nameOf(g.Tags)), Subnet: g.SubnetId, Private: g.ConnectivityType == "private"}
		if len(g.NatGatewayAddresses) > 0 {
			a := g.NatGatewayAddresses[0]
			out.PrivateIP = addr(b, it, "private IP", a.PrivateIp)
			if !out.Private {
				out.PublicIP = addr(b, it, "public IP", a.PublicIp)
			}
		}
		b.m.NATGateways = append(b.m.NATGateways, out)
	}
}

// eipOf returns the Elastic IP associated with an ENI's private address.
func (b *builder) eipOf(eniID, private string) string {
	for _, a := range b.c.addresses {
		if a.v.NetworkInterfaceId == eniID && (private == "" || a.v.PrivateIpAddress == private) {
			return a.v.PublicIp
		}
	}
	return ""
}

func (b *builder) instances() {
	for _, it := range b.c.instances {
		in := it.v
		if !b.first(in.InstanceId) {
			continue
		}
		if in.State.Name == "terminated" || in.State.Name == "shutting-down" || (in.SubnetId == "" && len(in.NetworkInterfaces) == 0) {
			b.m.Skip(in.InstanceId, "Reservations", it.where, "the instance is "+orNone(in.State.Name)+" and has no network interface", false)
			continue
		}
		enis := in.NetworkInterfaces
		if len(enis) == 0 { // older output: the instance's own fields
			enis = []eni{{SubnetId: in.SubnetId, PrivateIpAddress: in.PrivateIpAddress, SourceDestCheck: in.SourceDestCheck,
				Association: &struct{ PublicIp string }{in.PublicIpAddress}}}
			for _, g := range in.SecurityGroups {
				enis[0].Groups = append(enis[0].Groups, struct{ GroupId string }{g.GroupId})
			}
		}
		name := nameOf(in.Tags)
		for i, e := range enis {
			primary := (e.Attachment == nil && i == 0) || (e.Attachment != nil && e.Attachment.DeviceIndex == 0)
			key, ename := in.InstanceId, name
			if !primary || b.instanceKey[in.InstanceId] {
				key = e.NetworkInterfaceId
				if name != "" {
					ename = name + "_" + e.NetworkInterfaceId
				}
			}
			if key == "" || (key != in.InstanceId && !b.first(key)) {
				continue
			}
			if key == in.InstanceId {
				b.instanceKey[key] = true
			}
			b.eniInstance(it, e, key, ename, in.SourceDestCheck)
		}
	}
}

// eniInstance adds the instance block of one ENI under key.
func (b *builder) eniInstance(it item[instance], e eni, key, name string, sdc *bool) {
	if e.NetworkInterfaceId != "" {
		b.eniKey[e.NetworkInterfaceId] = key
		b.seen[e.NetworkInterfaceId] = true
	}
	b.m.Instances = append(b.m.Instances, b.instanceOf(e, origin(it, key, name), sdc, func(what, s string) netip.Addr { return addr(b, it, what, s) }))
}

// instanceOf builds the instance block of ENI e.
func (b *builder) instanceOf(e eni, o importer.Origin, sdc *bool, parse func(what, s string) netip.Addr) *importer.Instance {
	out := &importer.Instance{Origin: o, Subnet: e.SubnetId, SourceDestCheck: true}
	out.PrivateIP = parse("private IP", e.PrivateIpAddress)
	pub := ""
	if e.Association != nil {
		pub = e.Association.PublicIp
	}
	if pub == "" {
		pub = b.eipOf(e.NetworkInterfaceId, e.PrivateIpAddress)
	}
	out.PublicIP = parse("public IP", pub)
	if e.SourceDestCheck != nil {
		out.SourceDestCheck = *e.SourceDestCheck
	} else if sdc != nil {
		out.SourceDestCheck = *sdc
	}
	for _, g := range e.Groups {
		out.SecurityGroups = append(out.SecurityGroups, g.GroupId)
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// standaloneENIs imports the network interfaces describe-instances did
// not cover: an instance's ENI when describe-instances is missing, and
// stand-alone interfaces (Lambda, interface VPC endpoints, ...: traffic
// to them ends there, as at an instance); the ENIs of gateways, firewall
// endpoints and load balancers are left out (gateways are imported as
// such).
func (b *builder) standaloneENIs() {
	for _, it := range b.c.enis {
		e := it.v
		if b.seen[e.NetworkInterfaceId] {
			continue
		}
		if why := eniNotImported(e); why != "" {
			if why != "-" {
				b.m.Skip(e.NetworkInterfaceId, "NetworkInterfaces", it.where, why, false)
			}
			b.seen[e.NetworkInterfaceId] = true
			continue
		}
		key, name := e.NetworkInterfaceId, nameOf(append(e.TagSet, e.Tags...))
		if i := strings.Index(e.Description, "vpce-"); name == "" && i >= 0 {
			name = e.Description[i:] // "VPC Endpoint Interface vpce-..."
		}
		if e.Attachment != nil && e.Attachment.InstanceId != "" && e.Attachment.DeviceIndex == 0 && !b.instanceKey[e.Attachment.InstanceId] {
			key = e.Attachment.InstanceId
			b.instanceKey[key] = true
		}
		b.seen[e.NetworkInterfaceId] = true
		b.eniKey[e.NetworkInterfaceId] = key
		o := importer.Origin{AWSID: key, Name: name, Where: it.where}
		b.m.Instances = append(b.m.Instances, b.instanceOf(e, o, nil, func(what, s string) netip.Addr { return addr(b, it, what, s) }))
	}
}

// eniNotImported says why an ENI is not an instance block: "" to import
// it, "-" to leave it out silently (the ENI of an imported gateway).
func eniNotImported(e eni) string {
	switch e.InterfaceType {
	case "nat_gateway", "transit_gateway":
		return "-"
	case "gateway_load_balancer_endpoint":
		return "the interface of a Gateway Load Balancer (or firewall) endpoint; firewall endpoints come from describe-firewall"
	case "gateway_load_balancer", "network_load_balancer", "load_balancer":
		return "the interface of a load balancer; load balancers are not in the topology language yet"
	}
	d := e.Description
	switch {
	case strings.HasPrefix(d, "ELB "):
		return "the interface of a load balancer; load balancers are not in the topology language yet"
	case strings.HasPrefix(d, "Interface for NAT Gateway"):
		return "-"
	case e.SubnetId == "" || e.PrivateIpAddress == "":
		return "it has no subnet or private address"
	}
	return ""
}
