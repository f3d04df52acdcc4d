package topology

import "github.com/hashicorp/hcl/v2"

type firewallBlock struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	DefRange  hcl.Range      `hcl:",def_range"`
	Body      hcl.Body       `hcl:",body"`
	VPC       hcl.Expression `hcl:"vpc"`
	Policy    hcl.Expression `hcl:"policy"`
}

type endpointBlock struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	DefRange  hcl.Range      `hcl:",def_range"`
	Body      hcl.Body       `hcl:",body"`
	Firewall  hcl.Expression `hcl:"firewall"`
	Subnet    hcl.Expression `hcl:"subnet"`
	// Association is vpc_endpoint_association.
	Association hcl.Expression `hcl:"vpc_endpoint_association,optional"`
}

type policyBlock struct {
	Name                            string              `hcl:"name,label"`
	NameRange                       hcl.Range           `hcl:"name,label_range"`
	DefRange                        hcl.Range           `hcl:",def_range"`
	Body                            hcl.Body            `hcl:",body"`
	StatelessDefaultActions         hcl.Expression      `hcl:"stateless_default_actions,optional"`
	StatelessFragmentDefaultActions hcl.Expression      `hcl:"stateless_fragment_default_actions,optional"`
	StatelessRuleGroups             []*groupRefBlock    `hcl:"stateless_rule_group,block"`
	StatefulRuleOrder               hcl.Expression      `hcl:"stateful_rule_order,optional"`
	StatefulDefaultActions          hcl.Expression      `hcl:"stateful_default_actions,optional"`
	StreamExceptionPolicy           hcl.Expression      `hcl:"stream_exception_policy,optional"`
	HomeNet                         hcl.Expression      `hcl:"home_net,optional"`
	StatefulRuleGroups              []*statefulRefBlock `hcl:"stateful_rule_group,block"`
}

type groupRefBlock struct {
	DefRange  hcl.Range      `hcl:",def_range"`
	Body      hcl.Body       `hcl:",body"`
	RuleGroup hcl.Expression `hcl:"rule_group"`
	Priority  hcl.Expression `hcl:"priority"`
}

type statefulRefBlock struct {
	DefRange  hcl.Range      `hcl:",def_range"`
	Body      hcl.Body       `hcl:",body"`
	RuleGroup hcl.Expression `hcl:"rule_group"`
	Priority  hcl.Expression `hcl:"priority,optional"`
}

type ruleGroupBlock struct {
	Name            string               `hcl:"name,label"`
	NameRange       hcl.Range            `hcl:"name,label_range"`
	DefRange        hcl.Range            `hcl:",def_range"`
	Body            hcl.Body             `hcl:",body"`
	RuleOrder       hcl.Expression       `hcl:"rule_order,optional"`
	IPSets          []*namedListBlock    `hcl:"ip_set,block"`
	PortSets        []*namedListBlock    `hcl:"port_set,block"`
	IPSetReferences []*ipSetRefBlock     `hcl:"ip_set_reference,block"`
	Rules           hcl.Expression       `hcl:"rules,optional"`
	RulesFile       hcl.Expression       `hcl:"rules_file,optional"`
	StatefulRules   []*statefulRuleBlock `hcl:"stateful_rule,block"`
	DomainLists     []*domainListBlock   `hcl:"domain_list,block"`
}

type namedListBlock struct {
	Name       string         `hcl:"name,label"`
	NameRange  hcl.Range      `hcl:"name,label_range"`
	DefRange   hcl.Range      `hcl:",def_range"`
	Body       hcl.Body       `hcl:",body"`
	Definition hcl.Expression `hcl:"definition"`
}

type ipSetRefBlock struct {
	Name       string         `hcl:"name,label"`
	NameRange  hcl.Range      `hcl:"name,label_range"`
	DefRange   hcl.Range      `hcl:",def_range"`
	Body       hcl.Body       `hcl:",body"`
	CIDRs      hcl.Expression `hcl:"cidrs,optional"`
	PrefixList hcl.Expression `hcl:"prefix_list,optional"`
}

type statefulRuleBlock struct {
	DefRange        hcl.Range          `hcl:",def_range"`
	Body            hcl.Body           `hcl:",body"`
	Action          hcl.Expression     `hcl:"action"`
	Protocol        hcl.Expression     `hcl:"protocol"`
	Source          hcl.Expression     `hcl:"source"`
	SourcePort      hcl.Expression     `hcl:"source_port"`
	Direction       hcl.Expression     `hcl:"direction"`
	Destination     hcl.Expression     `hcl:"destination"`
	DestinationPort hcl.Expression     `hcl:"destination_port"`
	Options         []*ruleOptionBlock `hcl:"rule_option,block"`
}

type ruleOptionBlock struct {
	DefRange hcl.Range      `hcl:",def_range"`
	Body     hcl.Body       `hcl:",body"`
	Keyword  hcl.Expression `hcl:"keyword"`
	Settings hcl.Expression `hcl:"settings,optional"`
}

type domainListBlock struct {
	DefRange    hcl.Range      `hcl:",def_range"`
	Body        hcl.Body       `hcl:",body"`
	Targets     hcl.Expression `hcl:"targets"`
	TargetTypes hcl.Expression `hcl:"target_types"`
	Type        hcl.Expression `hcl:"type"`
}

type statelessGroupBlock struct {
	Name      string                `hcl:"name,label"`
	NameRange hcl.Range             `hcl:"name,label_range"`
	DefRange  hcl.Range             `hcl:",def_range"`
	Body      hcl.Body              `hcl:",body"`
	Rules     []*statelessRuleBlock `hcl:"rule,block"`
}

type statelessRuleBlock struct {
	DefRange         hcl.Range        `hcl:",def_range"`
	Body             hcl.Body         `hcl:",body"`
	Priority         hcl.Expression   `hcl:"priority"`
	Actions          hcl.Expression   `hcl:"actions"`
	Sources          hcl.Expression   `hcl:"sources,optional"`
	Destinations     hcl.Expression   `hcl:"destinations,optional"`
	SourcePorts      hcl.Expression   `hcl:"source_ports,optional"`
	DestinationPorts hcl.Expression   `hcl:"destination_ports,optional"`
	Protocols        hcl.Expression   `hcl:"protocols,optional"`
	TCPFlags         []*tcpFlagsBlock `hcl:"tcp_flags,block"`
}

type tcpFlagsBlock struct {
	DefRange hcl.Range      `hcl:",def_range"`
	Body     hcl.Body       `hcl:",body"`
	Flags    hcl.Expression `hcl:"flags"`
	Masks    hcl.Expression `hcl:"masks,optional"`
}
