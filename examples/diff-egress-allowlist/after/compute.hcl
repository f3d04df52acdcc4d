# Application instances, their security group and the application
# subnets' network ACL.

instance "web_a" {
  subnet          = subnet.app_a
  private_ip      = "10.1.10.10"
  security_groups = [security_group.app]
}

instance "web_b" {
  subnet          = subnet.app_b
  private_ip      = "10.1.11.10"
  security_groups = [security_group.app]
}

security_group "app" {
  vpc = vpc.egress
  ingress {
    protocol        = "tcp"
    ports           = "443"
    security_groups = [security_group.app]
  }
  egress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "tcp"
    ports       = "80"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "tcp"
    ports       = "22"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "udp"
    ports       = "123"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

network_acl "app" {
  vpc = vpc.egress
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "tcp"
    ports       = "1024-65535"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    # Replies to UDP clients (NTP, DNS) come back to the client's ephemeral port,
    # not to the service port.
    rule_number = 110
    action      = "allow"
    protocol    = "udp"
    ports       = "1024-65535"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    rule_number = 120
    action      = "allow"
    protocol    = "tcp"
    ports       = "443"
    cidr_block  = local.vpc_cidr
  }
  egress {
    rule_number = 100
    action      = "deny"
    protocol    = "tcp"
    ports       = "25"
    cidr_block  = "0.0.0.0/0"
  }
  egress {
    rule_number = 200
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
}
