package analyzer

import (
	"strings"
	"testing"
)

// TestIPv6InternetGateway checks IPv6 through internet gateways as AWS
// documents it (VPC User Guide, "Enable internet access for a VPC using an
// internet gateway"; security group and network ACL rules: IPv4 and IPv6
// rules are separate, ::/0 is "all IPv6"): an internet gateway does no NAT
// for IPv6, since IPv6 addresses are global; it forwards IPv6 both ways,
// and what gets in is decided by routes (the reply needs a route back),
// network ACLs and security groups.
func TestIPv6InternetGateway(t *testing.T) {
	t.Parallel()
	const fx = "ipv6"
	const google6 = "2001:4860:4860::8888"
	runPathCases(t, []pathCase{
		{name: "egress to the IPv6 internet", fixture: fx, q: tcp("instance.web6", google6, 443),
			verdict: Reachable, codes: []string{}},
		{name: "ingress from the IPv6 internet", fixture: fx, q: tcp(google6, "instance.web6", 443),
			verdict: Reachable, codes: []string{}},
		{name: "ingress from the internet gateway's representative", fixture: fx, q: tcp("internet_gateway.igw", "instance.web6", 443),
			verdict: Reachable, codes: []string{}},
		{name: "ingress on a port the security group does not admit", fixture: fx, q: tcp(google6, "instance.web6", 22),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "default security group admits nothing from the internet", fixture: fx, q: tcp(google6, "instance.def6", 443),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "an IPv4 egress rule does not cover IPv6", fixture: fx, q: tcp("instance.v4only", google6, 443),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "the gateway forwards in, but the subnet has no route back", fixture: fx, q: tcp(google6, "instance.db6", 443),
			verdict: NotReachable, codes: []string{"NO_RETURN_ROUTE/return"}},
		{name: "no route out", fixture: fx, q: tcp("instance.db6", google6, 443),
			verdict: NotReachable, codes: []string{"NO_ROUTE_TO_DESTINATION/forward"}},
		{name: "network ACL admits tcp/443", fixture: fx, q: tcp(google6, "instance.acl_host", 443),
			verdict: Reachable, codes: []string{}},
		{name: "network ACL drops the replies of an outbound connection", fixture: fx, q: tcp("instance.acl_host", google6, 443),
			verdict: NotReachable, codes: []string{"SUBNET_ACL_RESTRICTION/return"}},
		{name: "network ACL denies other ports", fixture: fx, q: tcp(google6, "instance.acl_host", 22),
			verdict: NotReachable, codes: []string{"SUBNET_ACL_RESTRICTION/forward"}},
		{name: "VPC to VPC over the IPv6 internet", fixture: fx, q: tcp("instance.web6", "instance.peer_web", 443),
			verdict: Reachable, codes: []string{}},
		{name: "VPC to VPC: the peer's security group admits only our VPC", fixture: fx, q: tcp("instance.peer_web", "instance.web6", 22),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "a VPC without internet gateway", fixture: fx, q: tcp(google6, "instance.closed6", 443),
			verdict: NotReachable, codes: []string{"NO_ROUTE_TO_DESTINATION/forward"}},
		// Issue 12 item 10: internet -> an instance without a public IP is the
		// same finding whether or not its VPC has an internet gateway.
		{name: "IPv4 instance without public IP, VPC without gateway", fixture: fx, q: tcp("8.8.8.8", "instance.closed4", 443),
			verdict: NotReachable, codes: []string{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS/forward"}},
		{name: "IPv4 instance without public IP, from the gateway of another VPC", fixture: fx, q: tcp("internet_gateway.igw", "instance.closed4", 443),
			verdict: NotReachable, codes: []string{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS/forward"}},
		{name: "IPv4 instance without public IP, VPC with gateway", fixture: "egress", q: tcp("8.8.8.8", "instance.nopub", 443),
			verdict: NotReachable, codes: []string{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS/forward"}},
	})
}

// TestIPv6NoTranslation checks that no hop of an IPv6 path through an
// internet gateway rewrites an address, and that the internet end of a
// query that names the gateway is an IPv6 address.
func TestIPv6NoTranslation(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "ipv6")
	compared := 0
	for _, q := range []Query{tcp("instance.web6", "2001:4860:4860::8888", 443), tcp("internet_gateway.igw", "instance.web6", 443),
		tcp("instance.web6", "instance.peer_web", 443)} {
		a := mustAnalyze(t, n, q)
		if a.Verdict != Reachable {
			t.Fatalf("%s -> %s: %s\n%s", q.From, q.To, a.Verdict, dump(a))
		}
		for _, h := range append(append([]*Hop{}, a.ForwardPath...), a.ReturnPath...) {
			compared++
			if h.Translation != "" {
				t.Errorf("%s -> %s: %s translates (%s)", q.From, q.To, h.Component, h.Translation)
			}
			for _, hd := range []*Header{h.InboundHeader, h.OutboundHeader} {
				if hd != nil && (!strings.Contains(hd.Source, ":") || !strings.Contains(hd.Destination, ":")) {
					t.Errorf("%s -> %s: %s carries an IPv4 header %s -> %s", q.From, q.To, h.Component, hd.Source, hd.Destination)
				}
			}
		}
	}
	if compared < 20 {
		t.Fatalf("compared %d hops, want at least 20", compared)
	}
	for _, c := range [][2]string{{"8.8.8.8", "instance.web6"}, {"instance.web6", "8.8.8.8"}, {"instance.web6", "10.70.0.0/24"}} {
		if _, err := n.AnalyzePath(tcp(c[0], c[1], 443)); err == nil || !strings.Contains(err.Error(), "address family") {
			t.Errorf("%s -> %s: error %v, want one about the address family", c[0], c[1], err)
		}
	}
}
