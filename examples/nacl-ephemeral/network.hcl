# A private subnet behind a NAT gateway; the public subnet's NACL forgets the
# ephemeral ports the NAT gateway's replies come back to.

vpc "main" {
  cidr_blocks = ["10.5.0.0/16"]
}

internet_gateway "igw" {
  vpc = vpc.main
}

subnet "public" {
  vpc               = vpc.main
  cidr_block        = "10.5.0.0/24"
  availability_zone = "eu-west-1a"
  route_table       = route_table.public
  network_acl       = network_acl.public
}

subnet "private" {
  vpc               = vpc.main
  cidr_block        = "10.5.1.0/24"
  availability_zone = "eu-west-1a"
  route_table       = route_table.private
  network_acl       = network_acl.private
}

route_table "public" {
  vpc = vpc.main
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
}

route_table "private" {
  vpc = vpc.main
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat
  }
}

nat_gateway "nat" {
  subnet    = subnet.public
  public_ip = "198.51.100.200"
}

instance "worker" {
  subnet          = subnet.private
  private_ip      = "10.5.1.10"
  security_groups = [security_group.worker]
}

security_group "worker" {
  vpc = vpc.main
  egress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# The mistake: inbound HTTPS and VPC traffic only. Replies from the internet to
# the NAT gateway arrive on a port in 1024-65535 and meet the final "*" deny.
network_acl "public" {
  vpc = vpc.main
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "tcp"
    ports       = "443"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    rule_number = 110
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "10.5.0.0/16"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
}

network_acl "private" {
  vpc = vpc.main
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "tcp"
    ports       = "1024-65535"
    cidr_block  = "0.0.0.0/0"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "tcp"
    ports       = "443"
    cidr_block  = "0.0.0.0/0"
  }
}

expect "worker_https_out" {
  from      = instance.worker
  to        = "93.184.216.34"
  protocol  = "tcp"
  port      = 443
  reachable = true
}

expect "internet_to_worker" {
  from      = internet_gateway.igw
  to        = instance.worker
  protocol  = "tcp"
  port      = 443
  reachable = false
}
