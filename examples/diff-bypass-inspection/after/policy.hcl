# One policy for east-west and egress traffic. HOME_NET covers every spoke
# (the default would be the inspection VPC's CIDR only).

firewall_policy "central" {
  home_net                 = ["10.0.0.0/8"]
  stateful_rule_order      = "STRICT_ORDER"
  stateful_default_actions = ["aws:drop_established", "aws:alert_established"]

  stateful_rule_group {
    rule_group = rule_group.east_west
    priority   = 100
  }
  stateful_rule_group {
    rule_group = rule_group.icmp
    priority   = 200
  }
  stateful_rule_group {
    rule_group = rule_group.egress_tls
    priority   = 300
  }
  stateful_rule_group {
    rule_group = rule_group.egress_domains
    priority   = 400
  }
}

# East-west rules, from a file: spoke A may reach the database port of
# spoke B; SSH between spokes is dropped.
rule_group "east_west" {
  rule_order = "STRICT_ORDER"
  ip_set "SPOKE_A" {
    definition = [local.spoke_a_cidr]
  }
  ip_set "SPOKE_B" {
    definition = [local.spoke_b_cidr]
  }
  port_set "DB_PORTS" {
    definition = ["5432"]
  }
  rules_file = "east-west.rules"
}

# Standard 5-tuple rule: ICMP between spokes, both ways.
rule_group "icmp" {
  rule_order = "STRICT_ORDER"
  stateful_rule {
    action           = "PASS"
    protocol         = "ICMP"
    source           = "10.0.0.0/8"
    source_port      = "ANY"
    direction        = "ANY"
    destination      = "10.0.0.0/8"
    destination_port = "ANY"
    rule_option {
      keyword  = "sid"
      settings = ["3000001"]
    }
  }
}

# Inline Suricata rules for egress: TLS by SNI, no cleartext HTTP.
rule_group "egress_tls" {
  rule_order = "STRICT_ORDER"
  rules      = <<-EOT
    pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"updates.example.com"; startswith; nocase; endswith; msg:"Allow updates.example.com"; flow:to_server, established; sid:1000001; rev:1;)
    reject http $HOME_NET any -> $EXTERNAL_NET 80 (msg:"Reject cleartext HTTP"; flow:to_server, established; sid:1000002; rev:1;)
  EOT
}

# A domain allow list for everything else that speaks TLS or HTTP.
rule_group "egress_domains" {
  rule_order = "STRICT_ORDER"
  domain_list {
    targets      = [".amazonaws.com", ".github.com"]
    target_types = ["TLS_SNI", "HTTP_HOST"]
    type         = "ALLOWLIST"
  }
}
