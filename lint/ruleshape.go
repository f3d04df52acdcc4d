package lint

import (
	"strconv"
	"strings"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// Sources of the warnings: the AWS pages each check rests on.
const (
	srcBestPractices = "https://aws.github.io/aws-security-services-best-practices/guides/network-firewall/"
	srcStrictOrder   = "https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-rule-evaluation-order.html"
	srcDefaultAction = "https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateful-rule-groups-default-actions.html"
	srcHomeNet       = "https://docs.aws.amazon.com/network-firewall/latest/developerguide/rule-groups-home-net.html"
	srcApplianceMode = "https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html"
	srcContent       = "https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-examples.html"
)

// metaOptions are the options that do not restrict what a rule matches.
var metaOptions = map[string]bool{
	"msg": true, "sid": true, "rev": true, "gid": true, "metadata": true,
	"classtype": true, "priority": true, "reference": true,
}

// headerOnly reports whether r matches every packet its header matches:
// it has no option but the descriptive ones (msg, sid, metadata, ...).
func headerOnly(r *rules.Rule) bool {
	for _, o := range r.Options {
		if !metaOptions[strings.ToLower(o.Name)] {
			return false
		}
	}
	return true
}

// tcpApps are the rule protocols whose application runs over TCP only.
var tcpApps = map[string]bool{
	"tls": true, "ssl": true, "http": true, "http1": true, "http2": true, "ssh": true,
	"smtp": true, "ftp": true, "imap": true, "pop3": true, "rdp": true, "pgsql": true, "telnet": true,
}

// isTCPApp reports whether r's protocol is an application protocol over TCP.
func isTCPApp(r *rules.Rule) bool { return tcpApps[r.Protocol] }

// protoCovers reports whether every packet of a flow protocol inner
// matches is also one outer matches: "ip" covers all, "tcp" covers the TCP
// applications, and a protocol covers itself.
func protoCovers(outer, inner string) bool {
	switch {
	case outer == inner, outer == "ip":
		return true
	case outer == "tcp":
		return tcpApps[inner]
	}
	return false
}

// strictPolicies calls fn for every firewall whose policy is in strict order,
// with its compiled policy.
func strictPolicies(net *analyzer.Network, fn func(fw *topology.Firewall, p *rules.Policy)) {
	for _, fw := range net.Topology().Firewalls {
		if fw.Policy == nil || fw.Policy.StatefulRuleOrder != policyspec.StrictOrder {
			continue
		}
		if p := net.FirewallPolicy(fw); p != nil {
			fn(fw, p)
		}
	}
}

// subsetIP reports whether a is a subset of b (nil is empty).
func subsetIP(a, b *netipx.IPSet) bool {
	if a == nil {
		return true
	}
	if b == nil {
		return false
	}
	for _, p := range a.Prefixes() {
		if !b.ContainsPrefix(p) {
			return false
		}
	}
	return true
}

// overlapIP reports whether a and b share an address.
func overlapIP(a, b *netipx.IPSet) bool { return a != nil && b != nil && a.Overlaps(b) }

// subsetPorts reports whether a is a subset of b. Both sets' ranges are
// sorted and disjoint, so one merge pass decides, without allocating.
func subsetPorts(a, b ports.Set) bool {
	br := b.Ranges()
	j := 0
	for _, r := range a.Ranges() {
		for j < len(br) && br[j].Hi < r.Lo {
			j++
		}
		if j == len(br) || br[j].Lo > r.Lo || br[j].Hi < r.Hi {
			return false
		}
	}
	return true
}

// overlapPorts reports whether a and b share a port (one merge pass).
func overlapPorts(a, b ports.Set) bool {
	ar, br := a.Ranges(), b.Ranges()
	for i, j := 0, 0; i < len(ar) && j < len(br); {
		switch {
		case ar[i].Hi < br[j].Lo:
			i++
		case br[j].Hi < ar[i].Lo:
			j++
		default:
			return true
		}
	}
	return false
}

// headersOverlap reports whether some packet can match both a's and b's
// address and port header (either direction of a bidirectional rule).
func headersOverlap(a, b *rules.Rule) bool {
	fwd := overlapIP(a.Src, b.Src) && overlapIP(a.Dst, b.Dst) &&
		overlapPorts(a.SrcPorts, b.SrcPorts) && overlapPorts(a.DstPorts, b.DstPorts)
	if fwd || !(a.Bidirectional || b.Bidirectional) {
		return fwd
	}
	return overlapIP(a.Src, b.Dst) && overlapIP(a.Dst, b.Src) &&
		overlapPorts(a.SrcPorts, b.DstPorts) && overlapPorts(a.DstPorts, b.SrcPorts)
}

// headerWithin reports whether every packet inner's address and port header
// matches is matched by outer's: forward for a one-way inner, both
// directions for a bidirectional inner (which then needs a bidirectional
// outer).
func headerWithin(inner, outer *rules.Rule) bool {
	if inner.Bidirectional && !outer.Bidirectional {
		return false
	}
	return subsetPorts(inner.SrcPorts, outer.SrcPorts) && subsetPorts(inner.DstPorts, outer.DstPorts) &&
		subsetIP(inner.Src, outer.Src) && subsetIP(inner.Dst, outer.Dst)
}

// ruleName is how a warning names a rule: "sid N (FILE:LINE)".
func ruleName(r *rules.Rule) string {
	return "sid " + itoa(r.SID) + " (" + r.Location() + ")"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
