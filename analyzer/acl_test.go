package analyzer

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// TestACLDecideMatchesEvalACL is a property test of the single-port
// network ACL decision the port classes use: on random ACLs, peers and
// ports it picks the rule (and action) evalACL gives that port.
func TestACLDecideMatchesEvalACL(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	protos := []topology.Protocol{topology.ProtocolAll, topology.ProtocolTCP, topology.ProtocolUDP, topology.ProtocolICMP}
	cidrs := []string{"0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "192.0.2.0/24"}
	peers := []string{"10.1.2.3", "10.9.9.9", "192.0.2.7", "198.51.100.1"}
	port := func() uint16 { return []uint16{0, 22, 80, 443, 1023, 1024, 5432, 65535}[r.IntN(8)] }
	compared, allowed := 0, 0
	for range 300 {
		acl := &topology.NetworkACL{}
		for i := range r.IntN(6) {
			lo, hi := port(), port()
			if lo > hi {
				lo, hi = hi, lo
			}
			acl.Ingress = append(acl.Ingress, &topology.ACLRule{Number: 100 + i, Allow: r.IntN(2) == 0,
				Protocol: protos[r.IntN(len(protos))], Ports: ports.Range{Lo: lo, Hi: hi},
				CIDR: netip.MustParsePrefix(cidrs[r.IntN(len(cidrs))])})
		}
		for range 10 {
			peer := netip.MustParseAddr(peers[r.IntN(len(peers))])
			proto := protos[1+r.IntN(3)]
			p := port()
			want := evalACL(acl, false, peer, proto, ports.Single(p))[0]
			got := aclDecide(acl, false, peer, proto, p)
			if got.rule != want.rule || got.allow != want.allow {
				t.Fatalf("%s port %d from %s: aclDecide gives %+v, evalACL %+v", proto, p, peer, got, want)
			}
			compared++
			if got.allow {
				allowed++
			}
		}
	}
	if allowed < compared/10 || allowed > compared*9/10 {
		t.Errorf("weak test: %d of %d allowed", allowed, compared)
	}
}
