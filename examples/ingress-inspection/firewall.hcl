network_firewall "fw" {
  vpc    = vpc.web
  policy = firewall_policy.ingress
}

firewall_endpoint "fw_a" {
  firewall = network_firewall.fw
  subnet   = subnet.firewall_a
}

firewall_endpoint "fw_b" {
  firewall = network_firewall.fw
  subnet   = subnet.firewall_b
}

firewall_policy "ingress" {
  stateful_rule_order      = "STRICT_ORDER"
  stateful_default_actions = ["aws:drop_established", "aws:alert_established"]

  stateful_rule_group {
    rule_group = rule_group.block_admin
    priority   = 50
  }
  stateful_rule_group {
    rule_group = rule_group.web_inbound
    priority   = 100
  }
  stateful_rule_group {
    rule_group = rule_group.https_inbound
    priority   = 200
  }
  stateful_rule_group {
    rule_group = rule_group.outbound_domains
    priority   = 300
  }
}

# From a file: no SSH from the internet.
rule_group "block_admin" {
  rule_order = "STRICT_ORDER"
  rules_file = "ingress.rules"
}

# Inline Suricata rules: HTTPS to the site's name, and HTTP only to be
# redirected (the web servers answer with a 301).
rule_group "web_inbound" {
  rule_order = "STRICT_ORDER"
  ip_set "WEB_SERVERS" {
    definition = [local.web_a, local.web_b]
  }
  rules = <<-EOT
    pass tls $EXTERNAL_NET any -> $WEB_SERVERS 443 (tls.sni; content:"www.example.com"; startswith; nocase; endswith; msg:"HTTPS to www.example.com"; flow:to_server, established; sid:1000001; rev:1;)
    pass http $EXTERNAL_NET any -> $WEB_SERVERS 80 (http.host; content:"www.example.com"; startswith; endswith; msg:"HTTP to www.example.com"; flow:to_server, established; sid:1000002; rev:1;)
    reject http $EXTERNAL_NET any -> $WEB_SERVERS 80 (msg:"HTTP to another host"; flow:to_server, established; sid:1000003; rev:1;)
  EOT
}

# Standard 5-tuple rule: the TCP handshake on 443 from anywhere.
rule_group "https_inbound" {
  rule_order = "STRICT_ORDER"
  stateful_rule {
    action           = "PASS"
    protocol         = "TCP"
    source           = "ANY"
    source_port      = "ANY"
    direction        = "FORWARD"
    destination      = "$HOME_NET"
    destination_port = "443"
    rule_option {
      keyword  = "msg"
      settings = ["\"TCP 443 to the web tier\""]
    }
    rule_option {
      keyword  = "sid"
      settings = ["3000001"]
    }
  }
}

# The web servers may fetch updates from these domains only.
rule_group "outbound_domains" {
  rule_order = "STRICT_ORDER"
  domain_list {
    targets      = [".ubuntu.com", "updates.example.com"]
    target_types = ["TLS_SNI"]
    type         = "ALLOWLIST"
  }
}
