# The firewall, one endpoint per AZ, and an egress policy in the style of
# AWS's best practices: strict rule order, drop established traffic that
# no rule passes, and alert on it.

network_firewall "fw" {
  vpc    = vpc.egress
  policy = firewall_policy.egress
}

firewall_endpoint "fw_a" {
  firewall = network_firewall.fw
  subnet   = subnet.firewall_a
}

firewall_endpoint "fw_b" {
  firewall = network_firewall.fw
  subnet   = subnet.firewall_b
}

firewall_policy "egress" {
  stateful_rule_order      = "STRICT_ORDER"
  stateful_default_actions = ["aws:drop_established", "aws:alert_established"]

  stateful_rule_group {
    rule_group = rule_group.tls_sni
    priority   = 100
  }
  stateful_rule_group {
    rule_group = rule_group.baseline
    priority   = 200
  }
  stateful_rule_group {
    rule_group = rule_group.ntp
    priority   = 300
  }
  stateful_rule_group {
    rule_group = rule_group.allowed_domains
    priority   = 400
  }
}

# Suricata rules inline: TLS by SNI, and no cleartext HTTP.
rule_group "tls_sni" {
  rule_order = "STRICT_ORDER"
  rules      = <<-EOT
    pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"api.example.com"; startswith; nocase; endswith; msg:"Allow TLS to api.example.com"; flow:to_server, established; sid:1000001; rev:1;)
    reject http $HOME_NET any -> $EXTERNAL_NET 80 (msg:"Reject cleartext HTTP"; flow:to_server, established; sid:1000002; rev:1;)
  EOT
}

# Suricata rules from a file next to this one.
rule_group "baseline" {
  rule_order = "STRICT_ORDER"
  rules_file = "egress.rules"
}

# Standard 5-tuple rules: NTP from the application subnets only.
rule_group "ntp" {
  rule_order = "STRICT_ORDER"
  ip_set "APP_SUBNETS" {
    definition = [local.app_a, local.app_b]
  }
  stateful_rule {
    action           = "PASS"
    protocol         = "UDP"
    source           = "$APP_SUBNETS"
    source_port      = "ANY"
    direction        = "FORWARD"
    destination      = "ANY"
    destination_port = "123"
    rule_option {
      keyword  = "msg"
      settings = ["\"Allow NTP\""]
    }
    rule_option {
      keyword  = "sid"
      settings = ["3000001"]
    }
  }
}

# A domain allow list for TLS (SNI) and HTTP (Host).
rule_group "allowed_domains" {
  rule_order = "STRICT_ORDER"
  domain_list {
    targets      = [".amazonaws.com", "github.com"]
    target_types = ["TLS_SNI", "HTTP_HOST"]
    type         = "ALLOWLIST"
  }
}
