package awscli

// The shapes below are the parts of the EC2 and Network Firewall API
// responses (as the AWS CLI v2 prints them with --output json) that the
// import reads. Unknown fields are ignored: AWS adds fields over time.

type tag struct{ Key, Value string }

// nameOf returns the Name tag's value, or "".
func nameOf(tags []tag) string {
	for _, t := range tags {
		if t.Key == "Name" {
			return t.Value
		}
	}
	return ""
}

type vpc struct {
	VpcId                   string
	CidrBlock               string
	CidrBlockAssociationSet []struct {
		CidrBlock      string
		CidrBlockState struct{ State string }
	}
	Ipv6CidrBlockAssociationSet []struct {
		Ipv6CidrBlock      string
		Ipv6CidrBlockState struct{ State string }
	}
	Tags []tag
}

type subnet struct {
	SubnetId         string
	VpcId            string
	CidrBlock        string
	AvailabilityZone string
	Tags             []tag
}

type route struct {
	DestinationCidrBlock        string
	DestinationIpv6CidrBlock    string
	DestinationPrefixListId     string
	GatewayId                   string
	NatGatewayId                string
	TransitGatewayId            string
	VpcPeeringConnectionId      string
	InstanceId                  string
	NetworkInterfaceId          string
	EgressOnlyInternetGatewayId string
	LocalGatewayId              string
	CarrierGatewayId            string
	CoreNetworkArn              string
	State                       string
}

type routeTable struct {
	RouteTableId string
	VpcId        string
	Routes       []route
	Associations []struct {
		Main      bool
		SubnetId  string
		GatewayId string
	}
	Tags []tag
}

type internetGateway struct {
	InternetGatewayId string
	Attachments       []struct{ VpcId, State string }
	Tags              []tag
}

type egressOnlyGateway struct {
	EgressOnlyInternetGatewayId string
	Tags                        []tag
}

type natGateway struct {
	NatGatewayId        string
	SubnetId            string
	State               string
	ConnectivityType    string
	NatGatewayAddresses []struct{ PrivateIp, PublicIp, NetworkInterfaceId string }
	Tags                []tag
}

type address struct {
	PublicIp, PrivateIpAddress, NetworkInterfaceId, InstanceId, AllocationId string
}

type eni struct {
	NetworkInterfaceId string
	SubnetId           string
	VpcId              string
	PrivateIpAddress   string
	InterfaceType      string
	Description        string
	RequesterManaged   bool
	SourceDestCheck    *bool
	Association        *struct{ PublicIp string }
	Attachment         *struct {
		InstanceId  string
		DeviceIndex int
	}
	Groups    []struct{ GroupId string }
	TagSet    []tag
	Tags      []tag
	Status    string
	Placement string
}

type instance struct {
	InstanceId        string
	SubnetId          string
	PrivateIpAddress  string
	PublicIpAddress   string
	SourceDestCheck   *bool
	State             struct{ Name string }
	SecurityGroups    []struct{ GroupId string }
	NetworkInterfaces []eni
	Tags              []tag
}

type reservation struct {
	Instances []instance
}

type ipPermission struct {
	IpProtocol       string
	FromPort         *int
	ToPort           *int
	IpRanges         []struct{ CidrIp string }
	Ipv6Ranges       []struct{ CidrIpv6 string }
	PrefixListIds    []struct{ PrefixListId string }
	UserIdGroupPairs []struct{ GroupId, VpcPeeringConnectionId string }
}

type securityGroup struct {
	GroupId             string
	GroupName           string
	VpcId               string
	IpPermissions       []ipPermission
	IpPermissionsEgress []ipPermission
	Tags                []tag
}

type naclEntry struct {
	CidrBlock     string
	Ipv6CidrBlock string
	Egress        bool
	Protocol      string
	RuleAction    string
	RuleNumber    int
	PortRange     *struct{ From, To int }
	IcmpTypeCode  *struct{ Code, Type int }
}

type networkACL struct {
	NetworkAclId string
	VpcId        string
	IsDefault    bool
	Entries      []naclEntry
	Associations []struct{ SubnetId string }
	Tags         []tag
}

type peeringVPC struct {
	VpcId, OwnerId, Region string
}

type peering struct {
	VpcPeeringConnectionId string
	AccepterVpcInfo        peeringVPC
	RequesterVpcInfo       peeringVPC
	Status                 struct{ Code string }
	Tags                   []tag
}

type transitGateway struct {
	TransitGatewayId string
	State            string
	Options          struct {
		AssociationDefaultRouteTableId string
		PropagationDefaultRouteTableId string
	}
	Tags []tag
}

type tgwAttachment struct {
	TransitGatewayAttachmentId string
	TransitGatewayId           string
	ResourceType               string
	ResourceId                 string
	State                      string
	Association                *struct{ TransitGatewayRouteTableId, State string }
	Tags                       []tag
}

type tgwVPCAttachment struct {
	TransitGatewayAttachmentId string
	TransitGatewayId           string
	VpcId                      string
	SubnetIds                  []string
	State                      string
	Options                    struct{ ApplianceModeSupport string }
	Tags                       []tag
}

type tgwRouteTable struct {
	TransitGatewayRouteTableId string
	TransitGatewayId           string
	State                      string
	Tags                       []tag
}

type tgwRoute struct {
	DestinationCidrBlock      string
	PrefixListId              string
	Type                      string // static | propagated
	State                     string // active | blackhole
	TransitGatewayAttachments []struct{ TransitGatewayAttachmentId, ResourceType, ResourceId string }
}

type tgwPropagation struct {
	TransitGatewayAttachmentId string
	ResourceType               string
	State                      string
}

type tgwAssociation struct {
	TransitGatewayAttachmentId string
	ResourceType               string
	State                      string
}

type vpcEndpoint struct {
	VpcEndpointId   string
	VpcEndpointType string
	ServiceName     string
	VpcId           string
	Tags            []tag
}

// prefixList is an element of PrefixLists: describe-prefix-lists gives
// the AWS-managed lists with their Cidrs; describe-managed-prefix-lists
// gives customer-managed lists (PrefixListArn, no entries: those come
// from get-managed-prefix-list-entries).
type prefixList struct {
	PrefixListId   string
	PrefixListName string
	PrefixListArn  string
	Cidrs          []string
}

type prefixListEntry struct{ Cidr string }
