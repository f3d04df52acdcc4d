# aws_networkfirewall_firewall.fw (Name: inspection)
network_firewall "inspection" {
  terraform_address = "aws_networkfirewall_firewall.fw"
  vpc               = vpc.inspection
  policy            = firewall_policy.main
}

# aws_networkfirewall_firewall.fw.endpoint["us-east-1a"] (Name: inspection_us-east-1a)
firewall_endpoint "inspection_us-east-1a" {
  terraform_address = "aws_networkfirewall_firewall.fw.endpoint[\"us-east-1a\"]"
  firewall          = network_firewall.inspection
  subnet            = subnet.fw-a
}

# aws_networkfirewall_firewall.fw.endpoint["us-east-1b"] (Name: inspection_us-east-1b)
firewall_endpoint "inspection_us-east-1b" {
  terraform_address = "aws_networkfirewall_firewall.fw.endpoint[\"us-east-1b\"]"
  firewall          = network_firewall.inspection
  subnet            = subnet.fw-b
}

# aws_networkfirewall_firewall_policy.main (Name: main)
firewall_policy "main" {
  terraform_address                  = "aws_networkfirewall_firewall_policy.main"
  stateless_default_actions          = ["aws:forward_to_sfe"]
  stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  stateful_rule_order                = "STRICT_ORDER"
  stateful_default_actions           = ["aws:drop_established"]
  stateful_rule_group {
    rule_group = rule_group.allow
    priority   = 10
  }
}

# aws_networkfirewall_rule_group.allow (Name: allow)
rule_group "allow" {
  terraform_address = "aws_networkfirewall_rule_group.allow"
  rule_order        = "STRICT_ORDER"
  rules_file        = "allow.rules"
}
