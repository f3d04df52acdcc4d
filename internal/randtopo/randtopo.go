// Package randtopo generates small random topologies (HCL source) for
// property tests. It is a copy of the generator of package analyzer's
// tests (analyzer/randtopo_test.go), made importable for other packages'
// tests; the two can become one when analyzer's tests import this one.
package randtopo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// randTopo generates small random topologies for property tests: VPC a
// (two application subnets, a public subnet with a NAT gateway, a firewall
// subnet, an internet gateway with an optional edge route table) and
// sometimes VPC b peered with it; random routes through the firewall,
// security groups and network ACLs with random port ranges, and a firewall
// policy with random strict-order (sometimes action-order) rules on random
// ports, port groups, negations and port variables, random default actions
// and a random stateless group. It records every port boundary it writes,
// so tests can probe them without trusting the analyzer's own classes.
// Some routes go through an appliance instance (mb) instead.
type randTopo struct {
	r      *rand.Rand
	b      strings.Builder
	bounds []uint16 // every port literal written, and hi+1 of each range
	peered bool
	// inspect makes the routes symmetric through the firewall: default
	// routes, the IGW edge, the public subnet and (when eastWest) the
	// application subnets to each other.
	inspect, eastWest bool
	sid               int
}

// Generate returns the HCL source of the topology of seed, the endpoints
// queries may use, and the port boundaries it wrote (sorted, without
// duplicates). The same seed gives the same topology; every topology
// names its resources alike (instance.i1, subnet.app1, ...), so two of
// them can be compared.
func Generate(seed uint64) (src string, endpoints []string, bounds []uint16) {
	g := &randTopo{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	g.peered = g.chance(0.4)
	g.inspect, g.eastWest = g.chance(0.6), g.chance(0.5)
	g.network()
	g.firewall()
	endpoints = []string{"instance.i1", "instance.i2", "instance.i3", "subnet.app1", "subnet.app2",
		"subnet.pub", "internet_gateway.igw", "93.184.216.34"}
	if g.peered {
		endpoints = append(endpoints, "instance.ib", "subnet.b1")
	}
	return g.b.String(), endpoints, sortedBounds(g.bounds)
}

func (g *randTopo) chance(p float64) bool { return g.r.Float64() < p }

func (g *randTopo) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g *randTopo) printf(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

// port returns a port near something interesting: an application port, a
// neighbour of one, a range edge, or a random port.
func (g *randTopo) port() uint16 {
	switch g.r.IntN(4) {
	case 0:
		return []uint16{22, 25, 53, 80, 443, 465, 587, 993, 8080, 8443, 3389, 5432}[g.r.IntN(12)]
	case 1:
		return []uint16{0, 1, 79, 81, 442, 444, 1023, 1024, 49151, 49152, 49153, 65534, 65535}[g.r.IntN(13)]
	case 2:
		return uint16(g.r.IntN(2000))
	}
	return uint16(g.r.IntN(65536))
}

// portRange returns a random range and records its boundaries.
func (g *randTopo) portRange() (lo, hi uint16) {
	lo = g.port()
	hi = lo
	if g.chance(0.5) {
		hi = uint16(min(int(lo)+g.r.IntN(3000), 65535))
	}
	g.bounds = append(g.bounds, lo)
	if hi < 65535 {
		g.bounds = append(g.bounds, hi+1)
	}
	return lo, hi
}

// awsPorts renders a random range as security groups and NACLs write it.
func (g *randTopo) awsPorts() string {
	lo, hi := g.portRange()
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d-%d", lo, hi)
}

func (g *randTopo) network() {
	g.printf("vpc \"a\" {\n  cidr_blocks = [\"10.1.0.0/16\"]\n}\n")
	g.printf("internet_gateway \"igw\" {\n  vpc = vpc.a\n")
	if g.inspect || g.chance(0.5) {
		g.printf("  route_table = route_table.edge\n}\n")
		g.routeTable("edge", "a", g.edgeRoutes())
	} else {
		g.printf("}\n")
	}
	for _, s := range []struct{ name, cidr string }{
		{"app1", "10.1.1.0/24"}, {"app2", "10.1.2.0/24"}, {"pub", "10.1.0.0/24"}, {"fw", "10.1.100.0/28"}} {
		g.subnet(s.name, "a", s.cidr)
	}
	g.routeTable("app1", "a", g.appRoutes("10.1.2.0/24"))
	g.routeTable("app2", "a", g.appRoutes("10.1.1.0/24"))
	g.routeTable("pub", "a", g.pubRoutes())
	g.routeTable("fw", "a", []string{"0.0.0.0/0", g.pick("internet_gateway.igw", "nat_gateway.nat")})
	g.printf("nat_gateway \"nat\" {\n  subnet = subnet.pub\n  public_ip = \"198.51.100.100\"\n}\n")
	g.instance("i1", "app1", "10.1.1.10", "198.51.100.1")
	g.instance("i2", "app2", "10.1.2.10", "198.51.100.2")
	g.instance("i3", "pub", "10.1.0.10", "198.51.100.3")
	g.instance("mb", "pub", "10.1.0.20", "") // an appliance some routes use
	if g.peered {
		g.printf("vpc \"b\" {\n  cidr_blocks = [\"10.2.0.0/16\"]\n}\n")
		g.printf("vpc_peering \"ab\" {\n  requester = vpc.a\n  accepter = vpc.b\n}\n")
		g.subnet("b1", "b", "10.2.1.0/24")
		g.routeTable("b1", "b", []string{"10.1.0.0/16", "vpc_peering.ab"})
		g.instance("ib", "b1", "10.2.1.10", "")
	}
}

// appRoutes: a default route to the firewall, the NAT or the IGW, maybe
// the other application subnet through the firewall, and VPC b by peering.
func (g *randTopo) appRoutes(other string) []string {
	if g.inspect {
		rs := []string{"0.0.0.0/0", "firewall_endpoint.ep"}
		if g.eastWest {
			rs = append(rs, other, "firewall_endpoint.ep")
		}
		if g.peered {
			rs = append(rs, "10.2.0.0/16", "vpc_peering.ab")
		}
		return rs
	}
	rs := []string{"0.0.0.0/0", g.pick("firewall_endpoint.ep", "nat_gateway.nat", "internet_gateway.igw")}
	if g.chance(0.5) {
		rs = append(rs, other, g.pick("firewall_endpoint.ep", "instance.mb"))
	}
	if g.peered {
		rs = append(rs, "10.2.0.0/16", g.pick("vpc_peering.ab", "firewall_endpoint.ep"))
	}
	return rs
}

func (g *randTopo) pubRoutes() []string {
	rs := []string{"0.0.0.0/0", "internet_gateway.igw"}
	for _, c := range []string{"10.1.1.0/24", "10.1.2.0/24"} {
		if g.inspect || g.chance(0.5) {
			rs = append(rs, c, "firewall_endpoint.ep")
		}
	}
	return rs
}

func (g *randTopo) edgeRoutes() []string {
	rs := []string{"10.1.1.0/24", "firewall_endpoint.ep"}
	if g.inspect || g.chance(0.5) {
		rs = append(rs, "10.1.2.0/24", "firewall_endpoint.ep")
	}
	return rs
}

func (g *randTopo) subnet(name, vpc, cidr string) {
	g.printf("subnet %q {\n  vpc = vpc.%s\n  cidr_block = %q\n  availability_zone = \"us-east-1a\"\n", name, vpc, cidr)
	g.printf("  route_table = route_table.%s\n", name)
	if name == "fw" || !g.chance(0.6) {
		g.printf("}\n")
		return
	}
	g.printf("  network_acl = network_acl.%s\n}\n", name)
	g.networkACL(name, vpc)
}

// routeTable writes a table from destination, target pairs.
func (g *randTopo) routeTable(name, vpc string, pairs []string) {
	g.printf("route_table %q {\n  vpc = vpc.%s\n", name, vpc)
	for i := 0; i+1 < len(pairs); i += 2 {
		g.printf("  route {\n    destination = %q\n    target = %s\n  }\n", pairs[i], pairs[i+1])
	}
	g.printf("}\n")
}

func (g *randTopo) instance(name, subnet, ip, public string) {
	g.printf("instance %q {\n  subnet = subnet.%s\n  private_ip = %q\n", name, subnet, ip)
	if public != "" && g.chance(0.7) {
		g.printf("  public_ip = %q\n", public)
	}
	if name == "mb" {
		g.printf("  source_dest_check = false\n")
	}
	g.printf("  security_groups = [security_group.%s]\n}\n", name)
	vpc := "a"
	if subnet == "b1" {
		vpc = "b"
	}
	g.securityGroup(name, vpc)
}

func (g *randTopo) securityGroup(name, vpc string) {
	g.printf("security_group %q {\n  vpc = vpc.%s\n", name, vpc)
	for _, side := range []string{"ingress", "egress"} {
		for range 1 + g.r.IntN(3) {
			proto := g.pick("tcp", "tcp", "udp", "-1")
			g.printf("  %s {\n    protocol = %q\n", side, proto)
			if proto != "-1" && g.chance(0.8) {
				g.printf("    ports = %q\n", g.awsPorts())
			}
			g.printf("    cidr_blocks = [%q]\n  }\n", g.pick("0.0.0.0/0", "0.0.0.0/0", "10.0.0.0/8"))
		}
	}
	g.printf("}\n")
}

func (g *randTopo) networkACL(name, vpc string) {
	g.printf("network_acl %q {\n  vpc = vpc.%s\n", name, vpc)
	for _, side := range []string{"ingress", "egress"} {
		num := 0
		for range 1 + g.r.IntN(4) {
			num += 1 + g.r.IntN(50)
			proto := g.pick("tcp", "tcp", "udp", "-1")
			g.printf("  %s {\n    rule_number = %d\n    action = %q\n    protocol = %q\n", side, num,
				g.pick("allow", "allow", "deny"), proto)
			if proto != "-1" && g.chance(0.8) {
				g.printf("    ports = %q\n", g.awsPorts())
			}
			g.printf("    cidr_block = %q\n  }\n", g.pick("0.0.0.0/0", "0.0.0.0/0", "10.0.0.0/8"))
		}
		if g.chance(0.7) {
			g.printf("  %s {\n    rule_number = 1000\n    action = \"allow\"\n    protocol = \"-1\"\n    cidr_block = \"0.0.0.0/0\"\n  }\n", side)
		}
	}
	g.printf("}\n")
}

func (g *randTopo) firewall() {
	g.printf("network_firewall \"fw\" {\n  vpc = vpc.a\n  policy = firewall_policy.p\n}\n")
	g.printf("firewall_endpoint \"ep\" {\n  firewall = network_firewall.fw\n  subnet = subnet.fw\n}\n")
	strict := g.chance(0.8)
	order := map[bool]string{true: "STRICT_ORDER", false: "DEFAULT_ACTION_ORDER"}[strict]
	g.printf("firewall_policy \"p\" {\n  stateful_rule_order = %q\n", order)
	if strict {
		g.printf("  stateful_default_actions = %s\n", g.pick(`[]`, `["aws:drop_strict"]`, `["aws:drop_established"]`,
			`["aws:alert_established"]`, `["aws:drop_established", "aws:alert_established"]`))
	}
	if g.chance(0.5) {
		g.printf("  home_net = [\"10.0.0.0/8\"]\n")
	}
	g.printf("  stateless_default_actions = %s\n", g.pick(`["aws:forward_to_sfe"]`, `["aws:forward_to_sfe"]`, `["aws:pass"]`, `["aws:drop"]`))
	stateless := g.chance(0.5)
	if stateless {
		g.printf("  stateless_rule_group {\n    rule_group = stateless_rule_group.sl\n    priority = 10\n  }\n")
	}
	groups := 1 + g.r.IntN(2)
	for i := range groups {
		g.printf("  stateful_rule_group {\n    rule_group = rule_group.g%d\n    priority = %d\n  }\n", i, 100*(i+1))
	}
	g.printf("}\n")
	for i := range groups {
		g.ruleGroup(fmt.Sprintf("g%d", i), order)
	}
	if stateless {
		g.statelessGroup()
	}
}

func (g *randTopo) ruleGroup(name, order string) {
	g.printf("rule_group %q {\n  rule_order = %q\n", name, order)
	lo, hi := g.portRange()
	g.printf("  port_set \"PS\" {\n    definition = [\"%d:%d\", \"%d\"]\n  }\n", lo, hi, g.portSingle())
	g.printf("  rules = <<-EOT\n")
	if g.chance(0.4) {
		g.sid++
		g.printf("    %s tcp any any -> any %s (content:\"x\"; sid:%d;)\n", g.pick("drop", "pass"), g.suricataPorts(), g.sid)
	}
	for range 1 + g.r.IntN(6) {
		g.printf("    %s\n", g.rule())
	}
	g.printf("  EOT\n}\n")
}

func (g *randTopo) portSingle() uint16 {
	p := g.port()
	g.bounds = append(g.bounds, p)
	if p < 65535 {
		g.bounds = append(g.bounds, p+1)
	}
	return p
}

// rule returns one Suricata rule with random ports and options.
func (g *randTopo) rule() string {
	g.sid++
	proto := g.pick("tcp", "tcp", "udp", "ip", "tls", "http", "dns", "ssh")
	sport, dport := "any", "any"
	if proto != "ip" {
		dport = g.suricataPorts()
		if g.chance(0.15) {
			sport = g.suricataPorts()
		}
	}
	dir := "->"
	if g.chance(0.15) {
		dir = "<>"
	}
	opts := []string{fmt.Sprintf("sid:%d;", g.sid)}
	switch {
	case proto == "tls" && g.chance(0.5):
		opts = append([]string{`tls.sni; content:"example.com"; endswith;`}, opts...)
	case proto == "http" && g.chance(0.5):
		opts = append([]string{`http.host; content:"example.com";`}, opts...)
	case (proto == "tcp" || proto == "udp") && g.chance(0.3):
		opts = append([]string{`content:"GET";`}, opts...)
	case g.chance(0.2):
		opts = append([]string{g.pick("flow:to_server,established;", "flow:established;", "flow:to_server;")}, opts...)
	}
	return fmt.Sprintf("%s %s %s %s %s %s %s (%s)", g.pick("pass", "pass", "drop", "reject", "alert"), proto,
		g.pick("any", "$HOME_NET", "$EXTERNAL_NET"), sport, dir, g.pick("any", "$HOME_NET", "$EXTERNAL_NET"), dport,
		strings.Join(opts, " "))
}

// suricataPorts returns a random port field: any, a port, a range, an
// open range, a group, a negation or the port variable.
func (g *randTopo) suricataPorts() string {
	switch g.r.IntN(8) {
	case 0:
		return "any"
	case 1:
		return fmt.Sprint(g.portSingle())
	case 2, 3:
		lo, hi := g.portRange()
		if lo == hi {
			return fmt.Sprint(lo)
		}
		return fmt.Sprintf("%d:%d", lo, hi)
	case 4:
		p := g.portSingle()
		g.bounds = append(g.bounds, p)
		return fmt.Sprintf("%d:", p)
	case 5:
		lo, hi := g.portRange()
		return fmt.Sprintf("[%d,%d:%d]", g.portSingle(), lo, hi)
	case 6:
		p := g.portSingle()
		if p == 0 {
			p = 1
			g.bounds = append(g.bounds, 2)
		}
		return fmt.Sprintf("!%d", p)
	}
	return "$PS"
}

func (g *randTopo) statelessGroup() {
	g.printf("stateless_rule_group \"sl\" {\n")
	for i := range 1 + g.r.IntN(3) {
		g.printf("  rule {\n    priority = %d\n    actions = [%q]\n", i+1, g.pick("aws:pass", "aws:drop", "aws:forward_to_sfe"))
		g.printf("    sources = [\"0.0.0.0/0\"]\n    destinations = [\"0.0.0.0/0\"]\n")
		lo, hi := g.portRange()
		field := "destination_ports"
		if g.chance(0.3) {
			field = "source_ports"
		}
		g.printf("    %s = [\"%d:%d\"]\n", field, lo, hi)
		if g.chance(0.6) {
			g.printf("    protocols = [%s]\n", g.pick("6", "17", "6, 17"))
		}
		g.printf("  }\n")
	}
	g.printf("}\n")
}

// sortedBounds returns bounds sorted without duplicates.
func sortedBounds(bs []uint16) []uint16 {
	out := slices.Clone(bs)
	slices.Sort(out)
	return slices.Compact(out)
}
