package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
)

// TransitGateway is a transit gateway.
type TransitGateway struct {
	Meta
	// Attachments and RouteTables of the TGW, sorted by name.
	Attachments []*TGWAttachment
	RouteTables []*TGWRouteTable
}

// TGWRouteTable is a transit gateway route table.
type TGWRouteTable struct {
	Meta
	TransitGateway *TransitGateway
	// Routes are the static routes in declaration order, followed by the
	// propagated routes (one per CIDR of each attachment's VPC that
	// propagates here, sorted by attachment name then CIDR). A propagated
	// route whose prefix equals a static route's is not installed, as AWS
	// does.
	Routes []*TGWRoute
	// Associations are the attachments associated with this table, sorted
	// by name.
	Associations []*TGWAttachment
}

// TGWRoute is one route of a transit gateway route table.
type TGWRoute struct {
	Destination netip.Prefix
	// Attachment the route sends to; nil for a blackhole route.
	Attachment *TGWAttachment
	Blackhole  bool
	Propagated bool
	// Note is the route's note attribute (what a blackhole route stands
	// for), shown when a path ends there.
	Note string
	// PrefixList is set for a static route whose destination is a prefix
	// list (one TGWRoute per entry). At equal prefix a static route to a
	// CIDR beats it, and it beats a propagated route.
	PrefixList *PrefixList
	// Range is the route block's range; for a propagated route, the
	// propagating attachment's propagate_to attribute.
	Range hcl.Range
}

// TGWAttachment is a VPC attachment to a transit gateway.
type TGWAttachment struct {
	Meta
	TransitGateway *TransitGateway
	VPC            *VPC
	// Subnets hold the attachment's ENIs, at most one per AZ, sorted by AZ.
	Subnets []*Subnet
	// RouteTable is the associated TGW route table, or nil (traffic from
	// the attachment is then dropped).
	RouteTable *TGWRouteTable
	// PropagateTo lists the TGW route tables the VPC's CIDRs propagate to.
	PropagateTo []*TGWRouteTable
	// ApplianceMode pins both directions of a flow to one AZ's ENI.
	ApplianceMode bool
}

// SubnetInAZ returns the attachment's subnet in az, or nil.
func (a *TGWAttachment) SubnetInAZ(az string) *Subnet {
	for _, s := range a.Subnets {
		if s.AZ == az {
			return s
		}
	}
	return nil
}
