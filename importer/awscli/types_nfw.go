package awscli

// Network Firewall API shapes (describe-firewall, describe-firewall-policy,
// describe-rule-group).

type nfwFirewall struct {
	FirewallName      string
	FirewallArn       string
	FirewallId        string
	FirewallPolicyArn string
	VpcId             string
	SubnetMappings    []struct{ SubnetId string }
	Tags              []tag
}

type nfwFirewallStatus struct {
	SyncStates map[string]struct {
		Attachment struct {
			SubnetId   string
			EndpointId string
			Status     string
		}
	}
}

type nfwGroupRef struct {
	ResourceArn string
	Priority    int
}

type nfwPolicy struct {
	StatelessDefaultActions         []string
	StatelessFragmentDefaultActions []string
	StatelessRuleGroupReferences    []nfwGroupRef
	StatefulRuleGroupReferences     []nfwGroupRef
	StatefulDefaultActions          []string
	StatefulEngineOptions           struct {
		RuleOrder             string
		StreamExceptionPolicy string
	}
	PolicyVariables struct {
		RuleVariables map[string]struct{ Definition []string }
	}
}

type nfwPolicyResponse struct {
	FirewallPolicyName string
	FirewallPolicyArn  string
	Tags               []tag
}

type nfwPortRange struct{ FromPort, ToPort int }

type nfwStatelessRule struct {
	Priority       int
	RuleDefinition struct {
		Actions         []string
		MatchAttributes struct {
			Sources          []struct{ AddressDefinition string }
			Destinations     []struct{ AddressDefinition string }
			SourcePorts      []nfwPortRange
			DestinationPorts []nfwPortRange
			Protocols        []int
			TCPFlags         []struct{ Flags, Masks []string }
		}
	}
}

type nfwRuleGroup struct {
	RuleVariables struct {
		IPSets   map[string]struct{ Definition []string }
		PortSets map[string]struct{ Definition []string }
	}
	ReferenceSets struct {
		IPSetReferences map[string]struct{ ReferenceArn string }
	}
	RulesSource struct {
		RulesString     string
		RulesSourceList *struct {
			Targets            []string
			TargetTypes        []string
			GeneratedRulesType string
		}
		StatefulRules []struct {
			Action string
			Header struct {
				Protocol, Source, SourcePort, Direction, Destination, DestinationPort string
			}
			RuleOptions []struct {
				Keyword  string
				Settings []string
			}
		}
		StatelessRulesAndCustomActions *struct {
			StatelessRules []nfwStatelessRule
			CustomActions  []struct{ ActionName string }
		}
	}
	StatefulRuleOptions struct{ RuleOrder string }
}

type nfwRuleGroupResponse struct {
	RuleGroupArn  string
	RuleGroupName string
	Type          string
	Tags          []tag
}
