# Ingress inspection: the internet gateway's edge route table sends traffic
# for each web subnet to the firewall endpoint of the same AZ; the web
# subnets send everything back through that endpoint (symmetric return);
# the firewall subnets reach the internet gateway directly.
#
#   internet -> igw -> firewall_endpoint.fw_X -> web_X (instances with public IPs)

locals {
  web_a = "10.30.1.0/24"
  web_b = "10.30.2.0/24"
}

vpc "web" {
  cidr_blocks = ["10.30.0.0/16"]
}

internet_gateway "igw" {
  vpc         = vpc.web
  route_table = route_table.igw_ingress
}

route_table "igw_ingress" {
  vpc = vpc.web
  route {
    destination = local.web_a
    target      = firewall_endpoint.fw_a
  }
  route {
    destination = local.web_b
    target      = firewall_endpoint.fw_b
  }
}

subnet "firewall_a" {
  vpc               = vpc.web
  cidr_block        = "10.30.0.0/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.firewall
}

subnet "firewall_b" {
  vpc               = vpc.web
  cidr_block        = "10.30.0.16/28"
  availability_zone = "us-east-1b"
  route_table       = route_table.firewall
}

route_table "firewall" {
  vpc = vpc.web
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
}

subnet "web_a" {
  vpc               = vpc.web
  cidr_block        = local.web_a
  availability_zone = "us-east-1a"
  route_table       = route_table.web_a
  network_acl       = network_acl.web
}

subnet "web_b" {
  vpc               = vpc.web
  cidr_block        = local.web_b
  availability_zone = "us-east-1b"
  route_table       = route_table.web_b
  network_acl       = network_acl.web
}

route_table "web_a" {
  vpc = vpc.web
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw_a
  }
}

route_table "web_b" {
  vpc = vpc.web
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw_b
  }
}

instance "web_a" {
  subnet          = subnet.web_a
  private_ip      = "10.30.1.10"
  public_ip       = "198.51.100.30"
  security_groups = [security_group.web]
}

instance "web_b" {
  subnet          = subnet.web_b
  private_ip      = "10.30.2.10"
  public_ip       = "198.51.100.31"
  security_groups = [security_group.web]
}

security_group "web" {
  vpc = vpc.web
  ingress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    protocol    = "tcp"
    ports       = "80"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    protocol    = "tcp"
    ports       = "22"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

network_acl "web" {
  vpc = vpc.web
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
    protocol    = "tcp"
    ports       = "80"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    rule_number = 120
    action      = "allow"
    protocol    = "tcp"
    ports       = "22"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    rule_number = 200
    action      = "allow"
    protocol    = "tcp"
    ports       = "1024-65535"
    cidr_block  = "0.0.0.0/0"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "tcp"
    cidr_block  = "0.0.0.0/0"
  }
}
