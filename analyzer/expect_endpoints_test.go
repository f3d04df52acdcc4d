package analyzer

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/topology"
)

// expectEndpointNet is a VPC with one subnet, an instance and a public
// NAT gateway; expect blocks are added to it.
const expectEndpointNet = `vpc "v" {
  cidr_blocks = ["10.0.0.0/16"]
}
subnet "a" {
  vpc               = vpc.v
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
instance "i" {
  subnet     = subnet.a
  private_ip = "10.0.1.10"
}
nat_gateway "n" {
  subnet    = subnet.a
  public_ip = "203.0.113.7"
}
`

// TestExpectEndpointsAreTopologyErrors: an expect whose query cannot be
// asked fails Compile (so validate and check exit 1) with one error at
// its from or to attribute, without CLI flag wording; a good one
// compiles.
func TestExpectEndpointsAreTopologyErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, from, to string
		wantAttr       string // "from", "to", or "" for no error
		wantDetail     string
	}{
		{"good", "instance.i", `"10.0.1.20"`, "", ""},
		{"reserved destination", "instance.i", `"10.0.1.3"`, "to", "reserved by AWS in subnet.a"},
		{"in the VPC, in no subnet", "instance.i", `"10.0.9.9"`, "to", "lies in vpc.v but in none of its subnets"},
		{"private address outside the topology", `"192.168.7.7"`, "instance.i", "from", "not an internet address"},
		{"NAT gateway as source", "nat_gateway.n", "instance.i", "from", "cannot originate traffic"},
		{"NAT public IP as source", `"203.0.113.7"`, "instance.i", "from", "cannot originate traffic"},
		{"both ends on the internet", `"8.8.8.8"`, `"1.1.1.1"`, "block", "both ends are on the internet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := expectEndpointNet + fmt.Sprintf("expect \"e\" {\n  from      = %s\n  to        = %s\n  protocol  = \"tcp\"\n  port      = 443\n  reachable = false\n}\n", tt.from, tt.to)
			topo, diags := topology.LoadFS(fstest.MapFS{"main.hcl": {Data: []byte(src)}}, ".")
			if diags.HasErrors() {
				t.Fatalf("topology: %s", diags.Error())
			}
			_, cd := Compile(topo)
			if tt.wantAttr == "" {
				if len(cd) > 0 {
					t.Fatalf("unexpected: %s", cd.Error())
				}
				return
			}
			if len(cd) != 1 || cd[0].Summary != "Unresolvable expect endpoint" || cd[0].Subject == nil {
				t.Fatalf("got %v, want one Unresolvable expect endpoint", cd.Error())
			}
			wantLine := map[string]int{"from": 18, "to": 19, "block": 17}[tt.wantAttr]
			if got := cd[0].Subject.Start.Line; got != wantLine {
				t.Errorf("subject on line %d, want %d (%s)", got, wantLine, tt.wantAttr)
			}
			if !strings.Contains(cd[0].Detail, tt.wantDetail) || strings.Contains(cd[0].Detail, "--") {
				t.Errorf("detail %q: want %q and no flag", cd[0].Detail, tt.wantDetail)
			}
		})
	}
}
