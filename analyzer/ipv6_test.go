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
		// NAT64 (VPC User Guide, "DNS64 and NAT64"): 64:ff9b::5db8:d822 is
		// 93.184.216.34; other IPv6 destinations are dropped by the NAT gateway.
		{name: "NAT64 to an IPv4 server", fixture: fx, q: tcp("instance.n64", "64:ff9b::5db8:d822", 443),
			verdict: Reachable, codes: []string{}},
		{name: "IPv6 routed to a NAT gateway outside NAT64", fixture: fx, q: tcp("instance.n64", google6, 443),
			verdict: NotReachable, codes: []string{"NO_POSSIBLE_DESTINATION/forward"}},
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

// TestNAT64Headers checks the headers of a NAT64 path: IPv6 from the
// instance to the NAT gateway, IPv4 (the gateway's Elastic IP to the
// embedded address) beyond it, and IPv6 again on the reply's last hops.
func TestNAT64Headers(t *testing.T) {
	t.Parallel()
	a := mustAnalyze(t, loadFixture(t, "ipv6"), tcp("instance.n64", "64:ff9b::5db8:d822", 443))
	if a.Verdict != Reachable {
		t.Fatalf("%s\n%s", a.Verdict, dump(a))
	}
	first, last := a.ForwardPath[0].OutboundHeader, a.ReturnPath[len(a.ReturnPath)-1].InboundHeader
	if first.Source != "2600:1f18:70:4::10" || first.Destination != "64:ff9b::5db8:d822" ||
		last.Source != "64:ff9b::5db8:d822" || last.Destination != "2600:1f18:70:4::10" {
		t.Errorf("instance side: %s -> %s out, %s -> %s back; want IPv6 both ways",
			first.Source, first.Destination, last.Source, last.Destination)
	}
	internet := a.ForwardPath[len(a.ForwardPath)-1].InboundHeader
	if internet.Source != "198.51.100.70" || internet.Destination != "93.184.216.34" {
		t.Errorf("on the internet: %s -> %s, want 198.51.100.70 -> 93.184.216.34", internet.Source, internet.Destination)
	}
}
