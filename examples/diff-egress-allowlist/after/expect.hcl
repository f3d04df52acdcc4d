expect "web_a_api_tls" {
  from      = instance.web_a
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 443
  app       = "tls"
  sni       = "api.example.com"
  reachable = true
  through   = [network_firewall.fw, nat_gateway.nat_a]
}

expect "web_b_api_tls_same_az" {
  from        = instance.web_b
  to          = "93.184.216.34"
  protocol    = "tcp"
  port        = 443
  app         = "tls"
  sni         = "api.example.com"
  reachable   = true
  through     = [firewall_endpoint.fw_b, nat_gateway.nat_b]
  not_through = [nat_gateway.nat_a]
}

expect "web_a_unlisted_sni" {
  from      = instance.web_a
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 443
  app       = "tls"
  sni       = "www.example.org"
  reachable = false
}

expect "web_a_cleartext_http" {
  from      = instance.web_a
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 80
  reachable = false
}

expect "web_a_ssh_out" {
  from      = instance.web_a
  to        = "198.51.100.20"
  protocol  = "tcp"
  port      = 22
  reachable = false
}

expect "web_a_ntp" {
  from      = instance.web_a
  to        = "198.51.100.123"
  protocol  = "udp"
  port      = 123
  reachable = true
  through   = [network_firewall.fw]
}

expect "internet_to_web_a" {
  from      = internet_gateway.igw
  to        = instance.web_a
  protocol  = "tcp"
  port      = 443
  reachable = false
}
