expect "office_to_web" {
  from      = "198.51.100.7"
  to        = instance.web
  protocol  = "tcp"
  port      = 443
  reachable = true
}

expect "stranger_to_web" {
  from      = "192.0.2.99"
  to        = instance.web
  protocol  = "tcp"
  port      = 443
  reachable = false
}

expect "worker_to_sinkhole" {
  from      = instance.worker
  to        = "192.0.2.10"
  protocol  = "tcp"
  port      = 443
  reachable = false
}

expect "worker_to_branch" {
  from      = instance.worker
  to        = "203.0.113.10"
  protocol  = "tcp"
  port      = 443
  reachable = true
}
