package topology_test

import (
	"fmt"

	"github.com/vpcreach/vpcreach/topology"
)

func ExampleLoad() {
	topo, diags := topology.Load("../examples/egress-inspection")
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	for _, s := range topo.Subnets {
		fmt.Println(s.Addr(), s.CIDR, s.AZ)
	}
	fw := topo.Firewalls[0]
	fmt.Println(fw.Addr(), "uses", fw.Policy.Addr(), fw.Policy.StatefulRuleOrder)
	// Output:
	// subnet.app_a 10.1.10.0/24 us-east-1a
	// subnet.app_b 10.1.11.0/24 us-east-1b
	// subnet.firewall_a 10.1.16.0/28 us-east-1a
	// subnet.firewall_b 10.1.16.16/28 us-east-1b
	// subnet.public_a 10.1.0.0/24 us-east-1a
	// subnet.public_b 10.1.1.0/24 us-east-1b
	// network_firewall.fw uses firewall_policy.egress STRICT_ORDER
}
