package analyzer

import (
	"fmt"
	"testing"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// appTopology is an instance whose traffic to and from the internet
// crosses a firewall symmetrically; security groups and NACLs allow
// everything, so only the firewall rules (given) decide.
func appTopology(rules string) string {
	return `
vpc "v" {
  cidr_blocks = ["10.9.0.0/16"]
}
internet_gateway "igw" {
  vpc         = vpc.v
  route_table = route_table.edge
}
subnet "app" {
  vpc               = vpc.v
  cidr_block        = "10.9.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.app
}
subnet "fw" {
  vpc               = vpc.v
  cidr_block        = "10.9.100.0/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.fw
}
route_table "edge" {
  vpc = vpc.v
  route {
    destination = "10.9.1.0/24"
    target      = firewall_endpoint.ep
  }
}
route_table "app" {
  vpc = vpc.v
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.ep
  }
}
route_table "fw" {
  vpc = vpc.v
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
}
instance "web" {
  subnet          = subnet.app
  private_ip      = "10.9.1.10"
  public_ip       = "198.51.100.9"
  security_groups = [security_group.open]
}
security_group "open" {
  vpc = vpc.v
  ingress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
network_firewall "fw" {
  vpc    = vpc.v
  policy = firewall_policy.p
}
firewall_endpoint "ep" {
  firewall = network_firewall.fw
  subnet   = subnet.fw
}
firewall_policy "p" {
  stateful_rule_order      = "STRICT_ORDER"
  stateful_default_actions = ["aws:drop_established"]
  stateful_rule_group {
    rule_group = rule_group.g
    priority   = 100
  }
}
rule_group "g" {
  rule_order = "STRICT_ORDER"
  rules      = <<-EOT
    ` + rules + `
  EOT
}
`
}

// TestPortClassesKeepAppProtocolsApart checks that a port whose
// application protocol is inferred (443 -> tls) is a class of its own: a
// rule on the app protocol with any port must not make its neighbours
// reachable, in the all-ports answer or port by port.
func TestPortClassesKeepAppProtocolsApart(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, rules string
		proto       topology.Protocol
		reachable   string // the reachable ports of the all-ports answer
		app         map[uint16]string
	}{
		{name: "pass tls", rules: `pass tls any any -> any any (sid:1;)`, proto: topology.ProtocolTCP,
			reachable: "443,465,993,995,8443",
			app:       map[uint16]string{442: "raw", 443: "tls", 444: "raw", 8443: "tls"}},
		{name: "pass http", rules: `pass http any any -> any any (sid:1;)`, proto: topology.ProtocolTCP,
			reachable: "80,8080", app: map[uint16]string{79: "raw", 80: "http", 81: "raw", 8080: "http"}},
		{name: "pass tls on a port range", rules: `pass tls any any -> any 400:500 (sid:1;)`, proto: topology.ProtocolTCP,
			reachable: "443,465", app: map[uint16]string{443: "tls", 465: "tls", 400: "raw"}},
		{name: "pass dns over udp", rules: `pass dns any any -> any any (sid:1;)`, proto: topology.ProtocolUDP,
			reachable: "53", app: map[uint16]string{52: "raw", 53: "dns", 54: "raw"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			n := loadGenerated(t, appTopology(c.rules))
			q := Query{From: "instance.web", To: "93.184.216.34", Protocol: c.proto}
			all, err := n.AnalyzePath(q)
			if err != nil {
				t.Fatal(err)
			}
			if got := reachableSet(all.PortRanges).String(); got != c.reachable {
				t.Errorf("reachable ports %s, want %s", got, c.reachable)
			}
			for p, app := range c.app {
				q.Port, q.HasPort = p, true
				one, err := n.AnalyzePath(q)
				if err != nil {
					t.Fatal(err)
				}
				wantReach := mustPorts(t, c.reachable).Contains(p)
				if one.Query.AppProtocol != app || one.Reachable != wantReach {
					t.Errorf("port %d alone: app %s, reachable %v; want %s, %v\n%s", p, one.Query.AppProtocol,
						one.Reachable, app, wantReach, dump(one))
				}
				// A range merges ports decided alike; it names their app
				// protocol when they share one.
				if r := rangeOf(all.PortRanges, p); r.AppProtocol != "" && r.AppProtocol != app {
					t.Errorf("port %d lies in range %d-%d of app %s, want %s", p, r.From, r.To, r.AppProtocol, app)
				}
			}
		})
	}
}

func mustPorts(t *testing.T, s string) ports.Set {
	t.Helper()
	set, err := ports.ParseList(s)
	if err != nil {
		t.Fatal(fmt.Errorf("%q: %w", s, err))
	}
	return set
}
