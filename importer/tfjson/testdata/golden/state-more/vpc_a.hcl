# vpc-0a (Name: a)
vpc "a" {
  aws_id            = "vpc-0a"
  terraform_address = "aws_vpc.a"
  cidr_blocks       = ["10.10.0.0/16", "100.64.0.0/16"]
  main_route_table  = route_table.a-private
}

# rtb-0apriv (Name: a-private)
route_table "a-private" {
  aws_id            = "rtb-0apriv"
  terraform_address = "aws_route_table.a_private"
  vpc               = vpc.a
  route {
    destination = "0.0.0.0/0"
    target      = instance.appliance
  }
}

# rtb-0apub (Name: a-public)
route_table "a-public" {
  aws_id            = "rtb-0apub"
  terraform_address = "aws_route_table.a_public"
  vpc               = vpc.a
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.a-igw
  }
  route {
    destination = "::/0"
    target      = "blackhole"
    note        = "stands for eigw-0a: egress-only internet gateways (IPv6) are not in the topology language; vpcreach does not follow the path past it"
  }
  route {
    destination = "192.0.2.0/24"
    target      = vpc_peering.a-b
  }
  route {
    destination = "198.51.100.0/24"
    target      = vpc_peering.a-b
  }
}

# rtb-0amain (Name: a_main)
route_table "a_main" {
  aws_id = "rtb-0amain"
  vpc    = vpc.a
  route {
    destination = "10.20.0.0/16"
    target      = vpc_peering.a-b
  }
}

# subnet-0a1 (Name: a-public)
subnet "a-public" {
  aws_id            = "subnet-0a1"
  terraform_address = "aws_subnet.a1"
  vpc               = vpc.a
  cidr_block        = "10.10.1.0/24"
  availability_zone = "eu-west-1a"
  route_table       = route_table.a-public
  network_acl       = network_acl.a-public
}

# subnet-0a2 (Name: a-secondary)
subnet "a-secondary" {
  aws_id            = "subnet-0a2"
  terraform_address = "aws_subnet.a2"
  vpc               = vpc.a
  cidr_block        = "100.64.1.0/24"
  availability_zone = "eu-west-1b"
  network_acl       = network_acl.a_private
}

# igw-0a (Name: a-igw)
internet_gateway "a-igw" {
  aws_id            = "igw-0a"
  terraform_address = "aws_internet_gateway.a"
  vpc               = vpc.a
}

# eni-0appl
instance "appliance" {
  aws_id            = "eni-0appl"
  terraform_address = "aws_network_interface.appliance"
  subnet            = subnet.a-secondary
  private_ip        = "100.64.1.10"
  security_groups   = [security_group.appliance]
  source_dest_check = false
}

# i-0web (Name: web)
instance "web" {
  aws_id            = "i-0web"
  terraform_address = "aws_instance.web"
  subnet            = subnet.a-public
  private_ip        = "10.10.1.10"
  public_ip         = "203.0.113.50"
  security_groups   = [security_group.web]
}

# sg-0appl (Name: appliance)
security_group "appliance" {
  aws_id            = "sg-0appl"
  terraform_address = "aws_security_group.appl"
  vpc               = vpc.a
  ingress {
    protocol    = "-1"
    cidr_blocks = ["10.10.0.0/16"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# sg-0web (Name: web)
security_group "web" {
  aws_id            = "sg-0web"
  terraform_address = "aws_security_group.web"
  vpc               = vpc.a
  ingress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["::/0", "192.0.2.0/24", "198.51.100.0/24"]
  }
  # AWS allows ICMP type 8 only; the language allows all ICMP
  ingress {
    protocol    = "icmp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    protocol        = "-1"
    security_groups = [security_group.web, security_group.appliance]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# acl-0apub (Name: a-public)
network_acl "a-public" {
  aws_id            = "acl-0apub"
  terraform_address = "aws_network_acl.a_public"
  vpc               = vpc.a
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
    ports       = "1024-65535"
    cidr_block  = "0.0.0.0/0"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
}

# acl-0apriv
network_acl "a_private" {
  aws_id            = "acl-0apriv"
  terraform_address = "aws_network_acl.a_private"
  vpc               = vpc.a
  ingress {
    rule_number = 90
    action      = "deny"
    protocol    = "tcp"
    ports       = "22"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "10.0.0.0/8"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
}
