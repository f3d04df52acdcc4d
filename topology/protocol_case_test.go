package topology_test

import (
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/topology"
)

// TestProtocolNamesAnyCase: protocol names are case-insensitive in
// security groups, network ACLs and expect blocks, and expect's app is
// taken in any case and through its aliases.
func TestProtocolNamesAnyCase(t *testing.T) {
	t.Parallel()
	src := `
vpc "v" {
  cidr_blocks = ["10.0.0.0/16"]
}
subnet "a" {
  vpc               = vpc.v
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
  network_acl       = network_acl.n
}
security_group "s" {
  vpc = vpc.v
  ingress {
    protocol    = "TCP"
    ports       = "443"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
network_acl "n" {
  vpc = vpc.v
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "Udp"
    ports       = "53"
    cidr_block  = "0.0.0.0/0"
  }
}
instance "i" {
  subnet          = subnet.a
  private_ip      = "10.0.1.10"
  security_groups = [security_group.s]
}
expect "e" {
  from      = instance.i
  to        = "93.184.216.34"
  protocol  = "ICMP"
  reachable = false
}
expect "f" {
  from      = instance.i
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 443
  app       = "SSL"
  reachable = false
}
`
	topo, diags := topology.LoadFS(fstest.MapFS{"main.hcl": {Data: []byte(src)}}, ".")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", render(t, topo, diags))
	}
	sg := res[*topology.SecurityGroup](t, topo, "security_group.s")
	acl := res[*topology.NetworkACL](t, topo, "network_acl.n")
	e := res[*topology.Expect](t, topo, "expect.e")
	f := res[*topology.Expect](t, topo, "expect.f")
	checks := []struct {
		what      string
		got, want any
	}{
		{"security group protocol", sg.Ingress[0].Protocol, topology.ProtocolTCP},
		{"network ACL protocol", acl.Ingress[0].Protocol, topology.ProtocolUDP},
		{"expect protocol", e.Protocol, topology.ProtocolICMP},
		{"expect app", f.App, "tls"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
	if len(checks) != 4 {
		t.Fatal("checks lost")
	}
}
