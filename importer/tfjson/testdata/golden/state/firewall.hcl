# arn:aws:network-firewall:eu-west-1:111122223333:firewall/inspection (Name: inspection)
network_firewall "inspection" {
  aws_id            = "arn:aws:network-firewall:eu-west-1:111122223333:firewall/inspection"
  terraform_address = "aws_networkfirewall_firewall.fw"
  vpc               = vpc.inspection
  policy            = firewall_policy.inspection
}

# vpce-0fw1 (Name: inspection_eu-west-1a)
firewall_endpoint "inspection_eu-west-1a" {
  aws_id   = "vpce-0fw1"
  firewall = network_firewall.inspection
  subnet   = subnet.inspection-fw
}

# arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/inspection (Name: inspection)
firewall_policy "inspection" {
  aws_id                             = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/inspection"
  terraform_address                  = "aws_networkfirewall_firewall_policy.inspection"
  stateless_default_actions          = ["aws:forward_to_sfe"]
  stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  stateful_rule_order                = "STRICT_ORDER"
  stateful_default_actions           = ["aws:drop_established"]
  stream_exception_policy            = "DROP"
  home_net                           = ["10.0.0.0/8"]
  stateful_rule_group {
    rule_group = rule_group.east-west
    priority   = 10
  }
}

# arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/east-west (Name: east-west)
rule_group "east-west" {
  aws_id            = "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/east-west"
  terraform_address = "aws_networkfirewall_rule_group.east_west"
  rule_order        = "STRICT_ORDER"
  ip_set "APP" {
    definition = ["10.1.0.0/16"]
  }
  rules_file = "east-west.rules"
}
