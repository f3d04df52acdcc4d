package rules

import (
	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// Rule is one stateful rule of a loaded group: its syntax tree (embedded,
// so r.Action, r.Options, r.SID, r.Location() and r.String() are the
// tree's) and what LoadGroup resolved.
type Rule struct {
	*syntax.Rule

	Group string // rule group address, such as "rule_group.egress"
	Index int    // position within the group, from 0

	// The addresses and ports the rule matches, its header variables
	// resolved. "any" is the full set (every IPv4 and IPv6 address, ports
	// 0-65535); as in netipx, a nil or empty set means nothing.
	Src, Dst           *netipx.IPSet
	SrcPorts, DstPorts ports.Set
}
