# arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/domains (Name: domains)
rule_group "domains" {
  aws_id            = "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/domains"
  terraform_address = "aws_networkfirewall_rule_group.domains"
  rule_order        = "STRICT_ORDER"
  ip_set_reference "CORP" {
    cidrs = ["192.0.2.0/24", "198.51.100.0/24"]
  }
  domain_list {
    targets      = [".example.com"]
    target_types = ["TLS_SNI"]
    type         = "ALLOWLIST"
  }
}

# arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/five-tuple (Name: five-tuple)
rule_group "five-tuple" {
  aws_id            = "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/five-tuple"
  terraform_address = "aws_networkfirewall_rule_group.five_tuple"
  rule_order        = "STRICT_ORDER"
  stateful_rule {
    action           = "DROP"
    protocol         = "TCP"
    source           = "ANY"
    source_port      = "ANY"
    direction        = "ANY"
    destination      = "ANY"
    destination_port = "23"
    rule_option {
      keyword  = "sid"
      settings = ["5"]
    }
  }
}

# arn:aws:network-firewall:eu-west-1:111122223333:stateless-rulegroup/screen (Name: screen)
stateless_rule_group "screen" {
  aws_id            = "arn:aws:network-firewall:eu-west-1:111122223333:stateless-rulegroup/screen"
  terraform_address = "aws_networkfirewall_rule_group.screen"
  rule {
    priority          = 1
    actions           = ["aws:forward_to_sfe"]
    sources           = ["0.0.0.0/0"]
    destinations      = ["0.0.0.0/0"]
    destination_ports = ["443"]
    protocols         = [6]
  }
}
