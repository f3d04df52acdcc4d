package analyzer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// genHubSpoke returns a hub-and-spoke topology: spokes VPCs 10.S.0.0/16,
// each with subnets app_1a, app_1b (the transit gateway attachment's) and
// db_1a, one instance in each, a NACL on db; an inspection VPC whose
// firewall (appliance mode) inspects east-west and egress traffic, with a
// NAT gateway and the internet gateway per AZ. 3*spokes + 6 subnets.
func genHubSpoke(spokes int) string {
	var b strings.Builder
	b.WriteString(hubHCL())
	for i := range spokes {
		fmt.Fprintf(&b, spokeHCL, i, i+1)
	}
	return b.String()
}

// spokeHCL is one spoke: %[1]d its index, %[2]d the second octet.
const spokeHCL = `
vpc "s%[1]d" {
  cidr_blocks = ["10.%[2]d.0.0/16"]
}
subnet "s%[1]d_app_1a" {
  vpc               = vpc.s%[1]d
  cidr_block        = "10.%[2]d.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.s%[1]d
}
subnet "s%[1]d_app_1b" {
  vpc               = vpc.s%[1]d
  cidr_block        = "10.%[2]d.2.0/24"
  availability_zone = "us-east-1b"
  route_table       = route_table.s%[1]d
}
subnet "s%[1]d_db_1a" {
  vpc               = vpc.s%[1]d
  cidr_block        = "10.%[2]d.3.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.s%[1]d
  network_acl       = network_acl.s%[1]d_db
}
route_table "s%[1]d" {
  vpc = vpc.s%[1]d
  route {
    destination = "0.0.0.0/0"
    target      = transit_gateway.tgw
  }
}
network_acl "s%[1]d_db" {
  vpc = vpc.s%[1]d
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "tcp"
    ports       = "5432"
    cidr_block  = "10.0.0.0/8"
  }
  ingress {
    rule_number = 110
    action      = "allow"
    protocol    = "tcp"
    ports       = "1024-65535"
    cidr_block  = "0.0.0.0/0"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
}
transit_gateway_attachment "s%[1]d" {
  transit_gateway = transit_gateway.tgw
  vpc             = vpc.s%[1]d
  subnets         = [subnet.s%[1]d_app_1a, subnet.s%[1]d_app_1b]
  route_table     = transit_gateway_route_table.spokes
  propagate_to    = [transit_gateway_route_table.inspected]
}
instance "s%[1]d_app_1a" {
  subnet     = subnet.s%[1]d_app_1a
  private_ip = "10.%[2]d.1.10"
}
instance "s%[1]d_app_1b" {
  subnet     = subnet.s%[1]d_app_1b
  private_ip = "10.%[2]d.2.10"
}
instance "s%[1]d_db_1a" {
  subnet     = subnet.s%[1]d_db_1a
  private_ip = "10.%[2]d.3.10"
}
`

// hubHCL returns the hub: the transit gateway, the inspection VPC and the
// firewall policy.
func hubHCL() string {
	return `
transit_gateway "tgw" {}
transit_gateway_route_table "spokes" {
  transit_gateway = transit_gateway.tgw
  route {
    destination = "0.0.0.0/0"
    attachment  = transit_gateway_attachment.hub
  }
}
transit_gateway_route_table "inspected" {
  transit_gateway = transit_gateway.tgw
}
transit_gateway_attachment "hub" {
  transit_gateway = transit_gateway.tgw
  vpc             = vpc.hub
  subnets         = [subnet.hub_tgw_1a, subnet.hub_tgw_1b]
  route_table     = transit_gateway_route_table.inspected
  appliance_mode  = true
}
vpc "hub" {
  cidr_blocks = ["10.255.0.0/16"]
}
internet_gateway "igw" {
  vpc = vpc.hub
}
` + hubAZ("1a", 0) + hubAZ("1b", 1) + `
network_firewall "fw" {
  vpc    = vpc.hub
  policy = firewall_policy.central
}
firewall_policy "central" {
  home_net                 = ["10.0.0.0/8"]
  stateful_rule_order      = "STRICT_ORDER"
  stateful_default_actions = ["aws:drop_established"]
  stateful_rule_group {
    rule_group = rule_group.central
    priority   = 100
  }
}
rule_group "central" {
  rule_order = "STRICT_ORDER"
  port_set "DB" {
    definition = ["5432", "3306"]
  }
  rules = <<-EOT
    drop tcp any any -> any [22,23,3389] (sid:1;)
    pass tcp $HOME_NET any -> $HOME_NET $DB (sid:2;)
    pass tcp $HOME_NET any -> $HOME_NET [443,8443,9000:9100] (sid:3;)
    pass tls $HOME_NET any -> $EXTERNAL_NET 443 (sid:4;)
    pass http $HOME_NET any -> $EXTERNAL_NET [80,8080] (sid:5;)
    reject tcp $HOME_NET any -> $EXTERNAL_NET 25 (sid:6;)
    pass udp $HOME_NET any -> any 53 (sid:7;)
    pass tcp $HOME_NET any -> $HOME_NET 30000:32767 (sid:8;)
  EOT
}
`
}

// hubAZ is the hub's part in one AZ: TGW subnet -> firewall endpoint ->
// NAT gateway -> IGW, with the spokes' space routed back through the
// firewall endpoint of the same AZ.
func hubAZ(az string, i int) string {
	return fmt.Sprintf(`
subnet "hub_tgw_%[1]s" {
  vpc               = vpc.hub
  cidr_block        = "10.255.%[2]d.0/28"
  availability_zone = "us-east-%[1]s"
  route_table       = route_table.hub_tgw_%[1]s
}
subnet "hub_fw_%[1]s" {
  vpc               = vpc.hub
  cidr_block        = "10.255.%[2]d.16/28"
  availability_zone = "us-east-%[1]s"
  route_table       = route_table.hub_fw_%[1]s
}
subnet "hub_pub_%[1]s" {
  vpc               = vpc.hub
  cidr_block        = "10.255.%[3]d.0/24"
  availability_zone = "us-east-%[1]s"
  route_table       = route_table.hub_pub_%[1]s
}
route_table "hub_tgw_%[1]s" {
  vpc = vpc.hub
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw_%[1]s
  }
}
route_table "hub_fw_%[1]s" {
  vpc = vpc.hub
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat_%[1]s
  }
  route {
    destination = "10.0.0.0/8"
    target      = transit_gateway.tgw
  }
}
route_table "hub_pub_%[1]s" {
  vpc = vpc.hub
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
  route {
    destination = "10.0.0.0/8"
    target      = firewall_endpoint.fw_%[1]s
  }
}
firewall_endpoint "fw_%[1]s" {
  firewall = network_firewall.fw
  subnet   = subnet.hub_fw_%[1]s
}
nat_gateway "nat_%[1]s" {
  subnet    = subnet.hub_pub_%[1]s
  public_ip = "198.51.100.%[4]d"
}
`, az, i, 10+i, 10+i)
}

// TestHubSpokeMatrix spot-checks the benchmark's topology on 3 spokes:
// the database port across spokes is reachable, SSH is not, and hub
// subnets that only forward are destinations but not sources.
func TestHubSpokeMatrix(t *testing.T) {
	t.Parallel()
	n := loadGenerated(t, genHubSpoke(3))
	m, err := n.Matrix(context.Background(), MatrixQuery{Port: 5432, HasPort: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sources) != 3*3+1 || len(m.Destinations) != 3*3+6+1 {
		t.Fatalf("%d sources, %d destinations: %v", len(m.Sources), len(m.Destinations), m.Sources)
	}
	for _, c := range []struct{ from, to, want string }{
		{"subnet.s0_app_1a", "subnet.s1_db_1a", "yes"},
		{"subnet.s0_app_1b", "subnet.s2_db_1a", "yes"},
		{"subnet.s2_db_1a", "subnet.s0_app_1a", "yes"},
		{"subnet.s0_app_1a", "internet", "no"},
	} {
		if got := cellKey(cellOf(t, m, c.from, c.to)); got != c.want {
			t.Errorf("%s -> %s: %s, want %s", c.from, c.to, got, c.want)
		}
	}
	all, err := n.Matrix(context.Background(), MatrixQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got := cellKey(cellOf(t, all, "subnet.s0_app_1a", "subnet.s1_db_1a")); got != "3306,5432,8443,9000-9100,30000-32767" {
		t.Errorf("s0_app_1a -> s1_db_1a: %s", got)
	}
}

// BenchmarkMatrixHubSpoke times the matrix of 100 spokes (300 spoke
// subnets, 306 in all) for tcp/443 and for every port; the tcp/443 matrix
// should take less than 10 s.
func BenchmarkMatrixHubSpoke(b *testing.B) {
	n := loadGenerated(b, genHubSpoke(100))
	for _, c := range []struct {
		name string
		q    MatrixQuery
	}{{"tcp443", MatrixQuery{Port: 443, HasPort: true}}, {"allports", MatrixQuery{}}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				start := time.Now()
				m, err := n.Matrix(context.Background(), c.q)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(m.Cells)), "cells")
				b.ReportMetric(float64(time.Since(start).Microseconds())/float64(len(m.Cells)), "µs/cell")
			}
		})
	}
}

// BenchmarkGroupMatrixHubSpoke times the grouped matrix (what `analyze
// matrix` prints without --expand) of 100 spokes for tcp/443, and reports
// the groups it finds and the memory it holds per pair.
func BenchmarkGroupMatrixHubSpoke(b *testing.B) {
	n := loadGenerated(b, genHubSpoke(100))
	p, err := n.PlanMatrix(MatrixQuery{Port: 443, HasPort: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		g, err := n.GroupMatrix(context.Background(), p, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(g.Pairs), "pairs")
		b.ReportMetric(float64(len(g.SourceGroups)), "source-groups")
		b.ReportMetric(float64(len(g.DestinationGroups)), "destination-groups")
		b.ReportMetric(float64(time.Since(start).Microseconds())/float64(g.Pairs), "µs/pair")
	}
}
