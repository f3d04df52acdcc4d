# arn:aws:network-firewall:us-east-1:111122223333:firewall/egress-fw (Name: egress-fw)
network_firewall "egress-fw" {
  aws_id = "arn:aws:network-firewall:us-east-1:111122223333:firewall/egress-fw"
  vpc    = vpc.app
  policy = firewall_policy.egress
}

# vpce-0fwa (Name: egress-fw_us-east-1a)
firewall_endpoint "egress-fw_us-east-1a" {
  aws_id   = "vpce-0fwa"
  firewall = network_firewall.egress-fw
  subnet   = subnet.firewall-a
}

# arn:aws:network-firewall:us-east-1:111122223333:firewall-policy/egress (Name: egress)
firewall_policy "egress" {
  aws_id                             = "arn:aws:network-firewall:us-east-1:111122223333:firewall-policy/egress"
  stateless_default_actions          = ["aws:forward_to_sfe"]
  stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  stateless_rule_group {
    rule_group = stateless_rule_group.screen
    priority   = 10
  }
  stateful_rule_order      = "STRICT_ORDER"
  stateful_default_actions = ["aws:drop_established", "aws:alert_established"]
  stream_exception_policy  = "DROP"
  home_net                 = ["10.0.0.0/16", "100.64.0.0/16"]
  stateful_rule_group {
    rule_group = rule_group.tls
    priority   = 100
  }
  stateful_rule_group {
    rule_group = rule_group.domains
    priority   = 200
  }
  stateful_rule_group {
    rule_group = rule_group.five-tuple
    priority   = 300
  }
}

# arn:aws:network-firewall:us-east-1:111122223333:stateful-rulegroup/domains (Name: domains)
rule_group "domains" {
  aws_id     = "arn:aws:network-firewall:us-east-1:111122223333:stateful-rulegroup/domains"
  rule_order = "STRICT_ORDER"
  domain_list {
    targets      = [".amazonaws.com", "api.example.org"]
    target_types = ["TLS_SNI", "HTTP_HOST"]
    type         = "ALLOWLIST"
  }
}

# arn:aws:network-firewall:us-east-1:111122223333:stateful-rulegroup/five-tuple (Name: five-tuple)
rule_group "five-tuple" {
  aws_id     = "arn:aws:network-firewall:us-east-1:111122223333:stateful-rulegroup/five-tuple"
  rule_order = "STRICT_ORDER"
  stateful_rule {
    action           = "DROP"
    protocol         = "TCP"
    source           = "$HOME_NET"
    source_port      = "ANY"
    direction        = "FORWARD"
    destination      = "ANY"
    destination_port = "23"
    rule_option {
      keyword  = "sid"
      settings = ["100"]
    }
    rule_option {
      keyword  = "msg"
      settings = ["\"no telnet\""]
    }
  }
}

# arn:aws:network-firewall:us-east-1:111122223333:stateless-rulegroup/screen (Name: screen)
stateless_rule_group "screen" {
  aws_id = "arn:aws:network-firewall:us-east-1:111122223333:stateless-rulegroup/screen"
  rule {
    priority          = 1
    actions           = ["aws:drop"]
    sources           = ["0.0.0.0/0"]
    destinations      = ["10.0.0.0/16"]
    source_ports      = ["0:65535"]
    destination_ports = ["3389"]
    protocols         = [6]
    tcp_flags {
      flags = ["SYN"]
      masks = ["SYN", "ACK"]
    }
  }
  rule {
    priority     = 2
    actions      = ["aws:forward_to_sfe"]
    sources      = ["0.0.0.0/0"]
    destinations = ["0.0.0.0/0"]
  }
}

# arn:aws:network-firewall:us-east-1:111122223333:stateful-rulegroup/tls (Name: tls)
rule_group "tls" {
  aws_id     = "arn:aws:network-firewall:us-east-1:111122223333:stateful-rulegroup/tls"
  rule_order = "STRICT_ORDER"
  ip_set "WEB" {
    definition = ["10.0.1.0/24"]
  }
  port_set "TLS_PORTS" {
    definition = ["443", "8443"]
  }
  ip_set_reference "CORP" {
    cidrs = ["192.0.2.0/24", "198.51.100.0/25"]
  }
  rules_file = "tls.rules"
}
