expect "internet_https_web_a" {
  from      = "203.0.113.50"
  to        = instance.web_a
  protocol  = "tcp"
  port      = 443
  app       = "tls"
  sni       = "www.example.com"
  reachable = true
  through   = [network_firewall.fw]
}

expect "internet_https_web_b" {
  from        = "203.0.113.50"
  to          = instance.web_b
  protocol    = "tcp"
  port        = 443
  app         = "tls"
  sni         = "www.example.com"
  reachable   = true
  through     = [firewall_endpoint.fw_b]
  not_through = [firewall_endpoint.fw_a]
}

expect "internet_http_other_host" {
  from      = "203.0.113.50"
  to        = instance.web_a
  protocol  = "tcp"
  port      = 80
  app       = "http"
  http_host = "admin.example.com"
  reachable = false
}

expect "internet_ssh" {
  from      = "203.0.113.50"
  to        = instance.web_a
  protocol  = "tcp"
  port      = 22
  reachable = false
}

expect "web_a_updates" {
  from      = instance.web_a
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 443
  app       = "tls"
  sni       = "updates.example.com"
  reachable = true
  through   = [network_firewall.fw, internet_gateway.igw]
}
