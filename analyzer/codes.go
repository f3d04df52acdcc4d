package analyzer

// Explanation codes. They are AWS Reachability Analyzer's codes wherever the
// meaning is the same, so users can search for them.
const (
	// Blocking (Analysis.Explanations).
	CodeNoRouteToDestination      = "NO_ROUTE_TO_DESTINATION"
	CodeBlackholeRoute            = "BLACKHOLE_ROUTE"
	CodeTGWRtbCannotRoute         = "TGW_RTB_CANNOT_ROUTE"
	CodeTGWRtbBlackholeRoute      = "TGW_RTB_BLACKHOLE_ROUTE"
	CodeTGWAttachMissingAssoc     = "TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION"
	CodeTGWRouteAZRestriction     = "TGW_ROUTE_AZ_RESTRICTION"
	CodeFirewallRulesRestriction  = "FIREWALL_RULES_RESTRICTION"
	CodeFirewallAsymmetricRouting = "FIREWALL_ASYMMETRIC_ROUTING"
	CodeIGWPublicIPForEgress      = "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"
	CodeIGWPrivateIPForIngress    = "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"
	CodeENISGRulesMismatch        = "ENI_SG_RULES_MISMATCH"
	CodeSubnetACLRestriction      = "SUBNET_ACL_RESTRICTION"
	CodeENISourceDestCheck        = "ENI_SOURCE_DEST_CHECK_RESTRICTION"
	CodeRoutingLoop               = "ROUTING_LOOP"
	CodeNoReturnRoute             = "NO_RETURN_ROUTE"
	CodePCXRequiresAddressInVPC   = "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR"
	CodeNGWRequiresSourceInVPC    = "NGW_REQUIRES_SOURCE_IN_VPC"
	CodeNoPossibleDestination     = "NO_POSSIBLE_DESTINATION"
	CodeIGWDestinationNotPublic   = "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS"
	// CodeNGWAcceptsOnlyReplies (vpcreach's own; Reachability Analyzer
	// has no code for it, as it refuses a NAT gateway as a destination): a
	// connection is addressed to a NAT gateway, public or private, at its
	// Elastic IP or private IP. A NAT gateway translates connections its
	// side starts and admits only their replies; nothing listens on it.
	CodeNGWAcceptsOnlyReplies = "NGW_ACCEPTS_ONLY_REPLIES"
	// CodeGatewayEndpointRequiresSourceInVPC (vpcreach's own): a packet
	// from outside a Gateway endpoint's VPC (over a transit gateway, a
	// peering, ...) is routed to the endpoint, which serves only its VPC.
	CodeGatewayEndpointRequiresSourceInVPC = "GATEWAY_ENDPOINT_REQUIRES_SOURCE_IN_VPC"

	// Informational (Analysis.AdditionalDetails).

	// CodeHopLimitExceeded (vpcreach's own): a walk grew past the hop
	// limit (1024 hops per direction) without arriving, being blocked or
	// looping. The verdict is AMBIGUOUS unless something before that point
	// blocks. A true loop (the same hop in the same state) is ROUTING_LOOP.
	CodeHopLimitExceeded                  = "HOP_LIMIT_EXCEEDED"
	CodeFirewallUnsupportedRuleOptions    = "FIREWALL_UNSUPPORTED_RULE_OPTIONS"
	CodeFirewallUnsupportedHigherPriority = "FIREWALL_UNSUPPORTED_HIGHER_PRIORITY_RULES"
	CodeFirewallPolicyDefaultAction       = "FIREWALL_POLICY_DEFAULT_ACTION"
	CodeAssumedAppProtocol                = "ASSUMED_APP_PROTOCOL"
	CodeUnidirectionalPathAnalysisOnly    = "UNIDIRECTIONAL_PATH_ANALYSIS_ONLY"
	CodeTGWApplianceModeRecommended       = "TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED"
	CodeAvailabilityZoneCrossed           = "AVAILABILITY_ZONE_CROSSED"
	// CodeFirewallEndpointOwnSubnet: a route sends traffic of the
	// endpoint's own subnet to it, which AWS does not inspect.
	CodeFirewallEndpointOwnSubnet = "FIREWALL_ENDPOINT_SUBNET_NOT_INSPECTED"
	// CodeApplianceAsymmetricRouting (vpcreach's own): a Gateway Load
	// Balancer endpoint saw one direction of the flow only. The verdict is
	// AMBIGUOUS: the appliance's rules are not modelled.
	CodeApplianceAsymmetricRouting = "APPLIANCE_ASYMMETRIC_ROUTING"
)
