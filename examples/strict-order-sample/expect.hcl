# What the sample's README says: the pass rules allow TLS to .amazon.com and HTTP to
# .example.com (and ICMP); "other communication will be DENIED" by the default actions.

expect "tls_amazon_allowed" {
  from      = instance.instance_1
  to        = "54.239.28.85"
  protocol  = "tcp"
  port      = 443
  app       = "tls"
  sni       = "aws.amazon.com"
  reachable = true
  through   = [network_firewall.anfw, nat_gateway.natgw]
}

expect "tls_example_denied" {
  from      = instance.instance_1
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 443
  app       = "tls"
  sni       = "www.example.com"
  reachable = false
}

expect "http_example_allowed" {
  from      = instance.instance_1
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 80
  app       = "http"
  http_host = "www.example.com"
  reachable = true
}

expect "http_google_denied" {
  from      = instance.instance_1
  to        = "142.250.180.4"
  protocol  = "tcp"
  port      = 80
  app       = "http"
  http_host = "www.google.com"
  reachable = false
}

expect "ssh_denied" {
  from      = instance.instance_1
  to        = "198.51.100.22"
  protocol  = "tcp"
  port      = 22
  reachable = false
}

expect "icmp_allowed" {
  from      = instance.instance_1
  to        = "8.8.8.8"
  protocol  = "icmp"
  reachable = true
}
