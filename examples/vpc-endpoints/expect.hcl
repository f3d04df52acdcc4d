expect "app_to_s3" {
  from      = instance.app
  to        = "52.216.10.20"
  protocol  = "tcp"
  port      = 443
  reachable = true
  through   = [vpc_endpoint.s3]
}

expect "app_to_ssm_b" {
  from      = instance.app
  to        = "10.20.11.10"
  protocol  = "tcp"
  port      = 443
  reachable = true
}

expect "app_to_ssm_ssh" {
  from      = instance.app
  to        = "10.20.10.10"
  protocol  = "tcp"
  port      = 22
  reachable = false
}

expect "app_to_s3_by_endpoint" {
  from      = instance.app
  to        = vpc_endpoint.s3
  protocol  = "tcp"
  port      = 443
  reachable = true
}
