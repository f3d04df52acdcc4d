expect "app_to_db" {
  from      = instance.app
  to        = instance.db
  protocol  = "tcp"
  port      = 5432
  reachable = true
  through   = [network_firewall.fw]
}

expect "app_ssh_to_db" {
  from      = instance.app
  to        = instance.db
  protocol  = "tcp"
  port      = 22
  reachable = false
}

expect "app_ping_db" {
  from      = instance.app
  to        = instance.db
  protocol  = "icmp"
  reachable = true
  through   = [network_firewall.fw]
}

expect "app_updates" {
  from      = instance.app
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 443
  app       = "tls"
  sni       = "updates.example.com"
  reachable = true
  through   = [network_firewall.fw, internet_gateway.igw]
}

expect "app_http" {
  from      = instance.app
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 80
  reachable = false
}

expect "internet_to_db" {
  from      = internet_gateway.igw
  to        = instance.db
  protocol  = "tcp"
  port      = 5432
  reachable = false
}
