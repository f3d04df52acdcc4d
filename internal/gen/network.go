package gen

import (
	"bytes"
	"fmt"
	"net/netip"
)

// The address plan: one /20 per VPC in 10.0.0.0/8. Block 0 is the
// inspection VPC, block 1 the egress VPC, block i+1 spoke i (1-based).
const (
	homeNet         = "10.0.0.0/8"
	inspectionBlock = 0
	egressBlock     = 1
)

// block returns the first address of /20 block b of 10.0.0.0/8.
func block(b int) uint32 { return 10<<24 | uint32(b)<<12 }

// ip renders a uint32 address.
func ip(a uint32) string {
	return netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}).String()
}

// cidr renders a prefix.
func cidr(a uint32, bits int) string { return fmt.Sprintf("%s/%d", ip(a), bits) }

// SpokeName returns the name of spoke i (1-based): "spoke_0001".
func SpokeName(i int) string { return fmt.Sprintf("spoke_%04d", i) }

// SpokeCIDR returns the CIDR of spoke i.
func SpokeCIDR(i int) string { return cidr(block(i+1), 20) }

// SpokeInstance returns the address of spoke i's instance in AZ k:
// "instance.spoke_0001_a".
func SpokeInstance(i, k int) string { return "instance." + SpokeName(i) + "_" + azSuffix(k) }

// SpokeInstanceIP returns the private IP of spoke i's instance in AZ k.
func SpokeInstanceIP(i, k int) string { return ip(appSubnet(i, k) + 10) }

// appSubnet and tgwSubnet return the first address of spoke i's
// application subnet (/22) and TGW subnet (/28) in AZ k.
func appSubnet(i, k int) uint32 { return block(i+1) + uint32(k)<<10 }
func tgwSubnet(i, k int) uint32 { return block(i+1) + 3<<10 + uint32(k)<<4 }

// servicePorts are the ports spokes expose besides EastWestPort and
// DeniedPort; the east-west rules pass or drop them between spoke pairs.
func servicePorts() []int {
	return []int{1433, 3306, 5432, 6379, 8080, 8443, 9092, 9200, 11211, 27017}
}

// spokes writes one file per spoke VPC.
func (g *generator) spokes() {
	for i := 1; i <= g.cfg.Spokes; i++ {
		var b bytes.Buffer
		g.spoke(&b, i)
		g.put(SpokeName(i)+".hcl", &b)
	}
}

func (g *generator) spoke(b *bytes.Buffer, i int) {
	name := SpokeName(i)
	svc := servicePorts()[g.rng.IntN(len(servicePorts()))]
	withACL := g.rng.IntN(5) == 0
	fmt.Fprintf(b, "# Spoke %d: application and TGW subnets in %d AZs; everything leaves by the transit gateway.\n\n",
		i, NumAZs)
	fmt.Fprintf(b, "vpc %q {\n  cidr_blocks = [%q]\n}\n\n", name, SpokeCIDR(i))
	for k := 0; k < NumAZs; k++ {
		z := azSuffix(k)
		fmt.Fprintf(b, "subnet %q {\n  vpc               = vpc.%s\n  cidr_block        = %q\n"+
			"  availability_zone = %q\n  route_table       = route_table.%s_app\n", name+"_app_"+z, name,
			cidr(appSubnet(i, k), 22), AZ(k), name)
		if withACL {
			fmt.Fprintf(b, "  network_acl       = network_acl.%s_app\n", name)
		}
		b.WriteString("}\n\n")
		fmt.Fprintf(b, "subnet %q {\n  vpc               = vpc.%s\n  cidr_block        = %q\n"+
			"  availability_zone = %q\n}\n\n", name+"_tgw_"+z, name, cidr(tgwSubnet(i, k), 28), AZ(k))
		fmt.Fprintf(b, "instance %q {\n  subnet          = subnet.%s_app_%s\n  private_ip      = %q\n"+
			"  security_groups = [security_group.%s_app]\n}\n\n", name+"_"+z, name, z, SpokeInstanceIP(i, k), name)
	}
	fmt.Fprintf(b, "route_table \"%s_app\" {\n  vpc = vpc.%s\n  route {\n    destination = \"0.0.0.0/0\"\n"+
		"    target      = transit_gateway.tgw\n  }\n}\n\n", name, name)
	fmt.Fprintf(b, "security_group \"%s_app\" {\n  vpc = vpc.%s\n", name, name)
	for _, p := range []int{EastWestPort, DeniedPort, svc} {
		fmt.Fprintf(b, "  ingress {\n    protocol    = \"tcp\"\n    ports       = \"%d\"\n"+
			"    cidr_blocks = [%q]\n  }\n", p, homeNet)
	}
	fmt.Fprintf(b, "  ingress {\n    protocol    = \"icmp\"\n    cidr_blocks = [%q]\n  }\n", homeNet)
	b.WriteString("  egress {\n    protocol    = \"-1\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n\n")
	if withACL {
		g.spokeACL(b, name)
	}
	fmt.Fprintf(b, "transit_gateway_attachment %q {\n  transit_gateway = transit_gateway.tgw\n  vpc             = vpc.%s\n"+
		"  subnets         = [%s]\n  route_table     = transit_gateway_route_table.spoke\n"+
		"  propagate_to    = [transit_gateway_route_table.firewall]\n}\n", name, name, subnetList(name+"_tgw_"))
	if g.cfg.Endpoints {
		g.spokeEndpoints(b, i)
	}
}

// spokeACL writes a network ACL that admits the organisation and replies
// from anywhere.
func (g *generator) spokeACL(b *bytes.Buffer, name string) {
	fmt.Fprintf(b, "network_acl \"%s_app\" {\n  vpc = vpc.%s\n", name, name)
	rule := func(dir string, num int, proto, ports, from string) {
		fmt.Fprintf(b, "  %s {\n    rule_number = %d\n    action      = \"allow\"\n    protocol    = %q\n", dir, num, proto)
		if ports != "" {
			fmt.Fprintf(b, "    ports       = %q\n", ports)
		}
		fmt.Fprintf(b, "    cidr_block  = %q\n  }\n", from)
	}
	rule("ingress", 100, "-1", "", homeNet)
	rule("ingress", 200, "tcp", "1024-65535", "0.0.0.0/0")
	rule("ingress", 210, "udp", "1024-65535", "0.0.0.0/0")
	rule("egress", 100, "-1", "", "0.0.0.0/0")
	b.WriteString("}\n\n")
}

// subnetList renders "[subnet.Pa, subnet.Pb, subnet.Pc]" without brackets.
func subnetList(prefix string) string {
	var b bytes.Buffer
	for k := 0; k < NumAZs; k++ {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString("subnet." + prefix + azSuffix(k))
	}
	return b.String()
}

// subnetBlock writes a subnet with a route table.
func subnetBlock(b *bytes.Buffer, name, vpc string, a uint32, bits, k int, rt string) {
	fmt.Fprintf(b, "subnet %q {\n  vpc               = vpc.%s\n  cidr_block        = %q\n"+
		"  availability_zone = %q\n  route_table       = route_table.%s\n}\n\n", name, vpc, cidr(a, bits), AZ(k), rt)
}

// routeTable writes a route table with routes (destination, target pairs).
func routeTable(b *bytes.Buffer, name, vpc string, routes ...string) {
	fmt.Fprintf(b, "route_table %q {\n  vpc = vpc.%s\n", name, vpc)
	for r := 0; r+1 < len(routes); r += 2 {
		fmt.Fprintf(b, "  route {\n    destination = %q\n    target      = %s\n  }\n", routes[r], routes[r+1])
	}
	b.WriteString("}\n\n")
}

// inspection writes the inspection VPC and its firewall.
func (g *generator) inspection() {
	var b bytes.Buffer
	base := block(inspectionBlock)
	b.WriteString("# The inspection VPC: TGW subnets send everything to their AZ's firewall endpoint;\n" +
		"# firewall subnets send inspected traffic back to the transit gateway.\n\n")
	fmt.Fprintf(&b, "vpc \"inspection\" {\n  cidr_blocks = [%q]\n}\n\n", cidr(base, 20))
	for k := 0; k < NumAZs; k++ {
		z := azSuffix(k)
		subnetBlock(&b, "inspection_tgw_"+z, "inspection", base+uint32(k)<<4, 28, k, "inspection_tgw_"+z)
		subnetBlock(&b, "inspection_fw_"+z, "inspection", base+1<<8+uint32(k)<<4, 28, k, "inspection_fw")
		routeTable(&b, "inspection_tgw_"+z, "inspection", "0.0.0.0/0", "firewall_endpoint.fw_"+z)
		fmt.Fprintf(&b, "firewall_endpoint \"fw_%s\" {\n  firewall = network_firewall.fw\n"+
			"  subnet   = subnet.inspection_fw_%s\n}\n\n", z, z)
	}
	routeTable(&b, "inspection_fw", "inspection", "0.0.0.0/0", "transit_gateway.tgw")
	b.WriteString("network_firewall \"fw\" {\n  vpc    = vpc.inspection\n  policy = firewall_policy.central\n}\n")
	g.put("inspection.hcl", &b)
}

// NATGatewayPublicIP returns the public IP of the egress NAT gateway in AZ k.
func NATGatewayPublicIP(k int) string { return fmt.Sprintf("198.51.100.%d", 10+k) }

// egress writes the egress VPC: NAT gateways and the internet gateway.
func (g *generator) egress() {
	var b bytes.Buffer
	base := block(egressBlock)
	b.WriteString("# The egress VPC: a NAT gateway per AZ and the internet gateway. Its public\n" +
		"# subnets route the organisation (10.0.0.0/8) back to the transit gateway.\n\n")
	fmt.Fprintf(&b, "vpc \"egress\" {\n  cidr_blocks = [%q]\n}\n\n", cidr(base, 20))
	b.WriteString("internet_gateway \"igw\" {\n  vpc = vpc.egress\n}\n\n")
	for k := 0; k < NumAZs; k++ {
		z := azSuffix(k)
		subnetBlock(&b, "egress_tgw_"+z, "egress", base+uint32(k)<<4, 28, k, "egress_tgw_"+z)
		subnetBlock(&b, "egress_public_"+z, "egress", base+uint32(k+1)<<8, 24, k, "egress_public")
		routeTable(&b, "egress_tgw_"+z, "egress", "0.0.0.0/0", "nat_gateway.nat_"+z)
		fmt.Fprintf(&b, "nat_gateway \"nat_%s\" {\n  subnet    = subnet.egress_public_%s\n  public_ip = %q\n}\n\n",
			z, z, NATGatewayPublicIP(k))
	}
	routeTable(&b, "egress_public", "egress", "0.0.0.0/0", "internet_gateway.igw", homeNet, "transit_gateway.tgw")
	g.put("egress.hcl", &b)
}

// transit writes the transit gateway, its route tables and the
// attachments of the inspection and egress VPCs (spokes declare theirs).
func (g *generator) transit() {
	var b bytes.Buffer
	b.WriteString("# Spokes and the egress VPC use the \"spoke\" table: everything goes to the inspection\n" +
		"# VPC. The inspection VPC uses the \"firewall\" table: every other VPC's routes are\n" +
		"# propagated into it, and the rest goes to the egress VPC.\n\n")
	b.WriteString("transit_gateway \"tgw\" {}\n\n")
	for _, rt := range [][2]string{{"spoke", "inspection"}, {"firewall", "egress"}} {
		fmt.Fprintf(&b, "transit_gateway_route_table %q {\n  transit_gateway = transit_gateway.tgw\n  route {\n"+
			"    destination = \"0.0.0.0/0\"\n    attachment  = transit_gateway_attachment.%s\n  }\n}\n\n", rt[0], rt[1])
	}
	fmt.Fprintf(&b, "transit_gateway_attachment \"egress\" {\n  transit_gateway = transit_gateway.tgw\n"+
		"  vpc             = vpc.egress\n  subnets         = [%s]\n"+
		"  route_table     = transit_gateway_route_table.spoke\n"+
		"  propagate_to    = [transit_gateway_route_table.firewall]\n}\n\n", subnetList("egress_tgw_"))
	fmt.Fprintf(&b, "transit_gateway_attachment \"inspection\" {\n  transit_gateway = transit_gateway.tgw\n"+
		"  vpc             = vpc.inspection\n  subnets         = [%s]\n"+
		"  route_table     = transit_gateway_route_table.firewall\n  appliance_mode  = %t\n}\n",
		subnetList("inspection_tgw_"), g.cfg.ApplianceMode)
	g.put("transit.hcl", &b)
}
