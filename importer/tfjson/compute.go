package tfjson

import (
	"github.com/vpcreach/vpcreach/importer"
)

var sgTypes = []string{"aws_security_group", "aws_default_security_group"}

func (r *reader) gateways() {
	for _, x := range r.of("aws_internet_gateway") {
		r.m.InternetGateways = append(r.m.InternetGateways, &importer.InternetGateway{Origin: x.origin(r.where(x)), VPC: r.ref(x, "vpc_id", "aws_vpc")})
	}
	for _, x := range r.of("aws_nat_gateway") {
		g := &importer.NATGateway{Origin: x.origin(r.where(x)), Subnet: r.ref(x, "subnet_id", "aws_subnet"),
			Private: str(x.v, "connectivity_type") == "private"}
		g.PrivateIP = r.addr(x, "private_ip", str(x.v, "private_ip"))
		if !g.Private {
			g.PublicIP = r.addr(x, "public_ip", str(x.v, "public_ip"))
			if !g.PublicIP.IsValid() {
				if e := r.byKey(r.ref(x, "allocation_id", "aws_eip")); e != nil {
					g.PublicIP = r.addr(e, "public_ip", str(e.v, "public_ip"))
				}
			}
		}
		r.m.NATGateways = append(r.m.NATGateways, g)
	}
}

func (r *reader) instances() {
	r.instToENI = map[string]string{}
	mapPublic := map[string]bool{}
	for _, x := range r.of("aws_subnet") {
		mapPublic[x.key] = boolean(x.v, "map_public_ip_on_launch", false)
	}
	for _, x := range r.of("aws_instance") {
		subnet := r.ref(x, "subnet_id", "aws_subnet")
		if nis := blocks(x.v, "network_interface"); subnet == "" && (len(nis) > 0 || x.cfg != nil && x.cfg.Expressions["network_interface"] != nil) {
			if eni := r.refExprOrValue(x, "network_interface", "network_interface_id", "aws_network_interface"); eni != "" {
				r.instToENI[x.key] = eni
				continue
			}
		}
		if subnet == "" {
			r.m.Skip(x.addr, x.typ, r.where(x), "its subnet is not known (an instance in the default VPC, or a subnet given through a value vpcreach cannot follow)", true)
			continue
		}
		in := &importer.Instance{Origin: x.origin(r.where(x)), Subnet: subnet, SourceDestCheck: boolean(x.v, "source_dest_check", true)}
		in.PrivateIP = r.addr(x, "private_ip", str(x.v, "private_ip"))
		in.PublicIP = r.addr(x, "public_ip", str(x.v, "public_ip"))
		if !in.PublicIP.IsValid() {
			in.WantPublicIP = boolean(x.v, "associate_public_ip_address", mapPublic[subnet])
		}
		in.SecurityGroups = r.refList(x, "vpc_security_group_ids", sgTypes...)
		r.m.Instances = append(r.m.Instances, in)
	}
	for _, x := range r.of("aws_network_interface") {
		in := &importer.Instance{Origin: x.origin(r.where(x)), Subnet: r.ref(x, "subnet_id", "aws_subnet"), SourceDestCheck: boolean(x.v, "source_dest_check", true)}
		ip := str(x.v, "private_ip")
		if ips, ok := strs(x.v, "private_ips"); ip == "" && ok && len(ips) > 0 {
			ip = ips[0]
		}
		in.PrivateIP = r.addr(x, "private_ip", ip)
		in.SecurityGroups = r.refList(x, "security_groups", sgTypes...)
		r.m.Instances = append(r.m.Instances, in)
	}
	r.eips()
}

// refExprOrValue returns the key nested attribute block[0].attr names.
func (r *reader) refExprOrValue(x *res, block, attr string, types ...string) string {
	for _, b := range blocks(x.v, block) {
		if s := str(b, attr); s != "" {
			return s
		}
	}
	return r.refExpr(x, []any{block, 0, attr}, types)
}

// instanceKey returns the key of the instance block an instance became
// (its primary ENI's, when the ENI is a resource of its own).
func (r *reader) instanceKey(k string) string {
	if e, ok := r.instToENI[k]; ok {
		return e
	}
	return k
}

// eips gives instances and interfaces the Elastic IPs associated with
// them (a placeholder when the address is known only after apply).
func (r *reader) eips() {
	byKey := map[string]*importer.Instance{}
	for _, in := range r.m.Instances {
		byKey[in.Key()] = in
	}
	for _, x := range r.of("aws_eip", "aws_eip_association") {
		target := r.instanceKey(r.ref(x, "instance", "aws_instance"))
		if target == "" {
			target = r.instanceKey(r.ref(x, "instance_id", "aws_instance"))
		}
		if target == "" {
			target = r.ref(x, "network_interface", "aws_network_interface")
		}
		if target == "" {
			target = r.ref(x, "network_interface_id", "aws_network_interface")
		}
		in := byKey[target]
		if in == nil {
			continue
		}
		pub := str(x.v, "public_ip")
		if x.typ == "aws_eip_association" {
			if e := r.byKey(r.ref(x, "allocation_id", "aws_eip")); e != nil {
				pub = str(e.v, "public_ip")
			}
		}
		if a := r.addr(x, "public_ip", pub); a.IsValid() {
			in.PublicIP = a
		} else if !in.PublicIP.IsValid() {
			in.WantPublicIP = true
		}
	}
}
