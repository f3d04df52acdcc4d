# The sample's firewall policy (firewall/policy.tf at commit 4f47dcf), rule for rule:
# strict rule order, default actions "Drop all" and "Alert all"; a stateless group
# dropping TCP 22 -> 22 and IP protocol 27; an ICMP group; a group passing the TCP
# handshake on 80 and 443, HTTP to .example.com and TLS to .amazon.com, every pass
# preceded by an alert that logs it.

network_firewall "anfw" {
  vpc    = vpc.vpc
  policy = firewall_policy.anfw_policy
}

firewall_endpoint "fw" {
  firewall = network_firewall.anfw
  subnet   = subnet.inspection
}

firewall_policy "anfw_policy" {
  stateless_default_actions          = ["aws:forward_to_sfe"]
  stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  stateless_rule_group {
    rule_group = stateless_rule_group.drop_remote
    priority   = 10
  }

  stateful_rule_order      = "STRICT_ORDER"
  stateful_default_actions = ["aws:drop_strict", "aws:alert_strict"]
  stateful_rule_group {
    rule_group = rule_group.allow_icmp
    priority   = 10
  }
  stateful_rule_group {
    rule_group = rule_group.allow_domains
    priority   = 20
  }
}

stateless_rule_group "drop_remote" {
  rule {
    priority          = 1
    actions           = ["aws:drop"]
    protocols         = [6]
    sources           = ["0.0.0.0/0"]
    source_ports      = ["22"]
    destinations      = ["0.0.0.0/0"]
    destination_ports = ["22"]
  }
  rule {
    priority     = 2
    actions      = ["aws:drop"]
    protocols    = [27]
    sources      = ["0.0.0.0/0"]
    destinations = ["0.0.0.0/0"]
  }
}

rule_group "allow_icmp" {
  rule_order = "STRICT_ORDER"
  rules      = <<-EOT
    alert icmp any any -> any any (msg: "Allowing ICMP packets"; sid:1; rev:1;)
    pass icmp any any -> any any (msg: "Allowing ICMP packets"; sid:2; rev:1;)
  EOT
}

rule_group "allow_domains" {
  rule_order = "STRICT_ORDER"
  rules      = <<-EOT
    alert http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".example.com"; endswith; msg:"Allowing example.com HTTP requests"; sid:892120; rev:1;)
    pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".example.com"; endswith; msg:"Allowing example.com HTTP requests"; sid:892121; rev:1;)
    alert tcp $HOME_NET any <> $EXTERNAL_NET 80 (msg:"Allowing TCP in port 80"; flow:not_established; sid:892122; rev:1;)
    pass tcp $HOME_NET any <> $EXTERNAL_NET 80 (msg:"Allowing TCP in port 80"; flow:not_established; sid:892123; rev:1;)
    alert tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; dotprefix; content:".amazon.com"; endswith; msg:"Allowing .amazon.com HTTPS requests"; sid:892124; rev:1;)
    pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; dotprefix; content:".amazon.com"; endswith; msg:"Allowing .amazon.com HTTPS requests"; sid:892125; rev:1;)
    alert tcp $HOME_NET any <> $EXTERNAL_NET 443 (msg:"Allowing TCP in port 443"; flow:not_established; sid:892126; rev:1;)
    pass tcp $HOME_NET any <> $EXTERNAL_NET 443 (msg:"Allowing TCP in port 443"; flow:not_established; sid:892127; rev:1;)
  EOT
}
