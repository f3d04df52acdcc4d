# vpc-0app (Name: app)
vpc "app" {
  aws_id           = "vpc-0app"
  cidr_blocks      = ["10.0.0.0/16", "100.64.0.0/16", "2600:1f18:1234:5600::/56"]
  main_route_table = route_table.rtb-0main
}

# rtb-0app (Name: app)
route_table "app" {
  aws_id = "rtb-0app"
  vpc    = vpc.app
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat-a
  }
  route {
    destination = "10.1.0.0/16"
    target      = vpc_peering.app-shared
  }
  route {
    destination = "10.2.0.0/16"
    target      = transit_gateway.hub
  }
  route {
    destination = "192.168.0.0/16"
    target      = "blackhole"
    note        = "stands for vgw-0vpn: virtual private gateways (VPN) are not in the topology language; vpcreach does not follow the path past it"
  }
  route {
    destination = "::/0"
    target      = "blackhole"
    note        = "stands for eigw-0v6: egress-only internet gateways (IPv6) are not in the topology language; vpcreach does not follow the path past it"
  }
  route {
    destination = "52.216.0.0/15"
    target      = "blackhole"
    note        = "stands for vpce-0s3: VPC endpoints are not in the topology language yet (a firewall endpoint needs describe-firewall); vpcreach does not follow the path past it"
  }
  route {
    destination = "3.5.0.0/19"
    target      = "blackhole"
    note        = "stands for vpce-0s3: VPC endpoints are not in the topology language yet (a firewall endpoint needs describe-firewall); vpcreach does not follow the path past it"
  }
  route {
    destination = "10.9.0.0/16"
    target      = instance.eni-0lambda
  }
  route {
    destination = "10.8.0.0/16"
    target      = "blackhole"
    note        = "AWS reports this route as a blackhole (its target igw-0gone is gone)"
  }
}

# rtb-0fw (Name: firewall)
route_table "firewall" {
  aws_id = "rtb-0fw"
  vpc    = vpc.app
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.app-igw
  }
}

# rtb-0edge (Name: igw-ingress)
route_table "igw-ingress" {
  aws_id = "rtb-0edge"
  vpc    = vpc.app
  route {
    destination = "10.0.2.0/24"
    target      = firewall_endpoint.egress-fw_us-east-1a
  }
}

# rtb-0pub (Name: public)
route_table "public" {
  aws_id = "rtb-0pub"
  vpc    = vpc.app
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.egress-fw_us-east-1a
  }
}

# rtb-0main
route_table "rtb-0main" {
  aws_id = "rtb-0main"
  vpc    = vpc.app
}

# subnet-0appa (Name: app-a)
subnet "app-a" {
  aws_id            = "subnet-0appa"
  vpc               = vpc.app
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.app
  network_acl       = network_acl.app
}

# subnet-0fwa (Name: firewall-a)
subnet "firewall-a" {
  aws_id            = "subnet-0fwa"
  vpc               = vpc.app
  cidr_block        = "10.0.0.0/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.firewall
  network_acl       = network_acl.acl-0default
}

# subnet-0puba (Name: public-a)
subnet "public-a" {
  aws_id            = "subnet-0puba"
  vpc               = vpc.app
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.public
  network_acl       = network_acl.acl-0default
}

# igw-0app (Name: app-igw)
internet_gateway "app-igw" {
  aws_id      = "igw-0app"
  vpc         = vpc.app
  route_table = route_table.igw-ingress
}

# nat-0a (Name: nat-a)
nat_gateway "nat-a" {
  aws_id     = "nat-0a"
  subnet     = subnet.public-a
  private_ip = "10.0.2.20"
  public_ip  = "203.0.113.10"
}

# i-0bast (Name: bastion)
instance "bastion" {
  aws_id          = "i-0bast"
  subnet          = subnet.public-a
  private_ip      = "10.0.2.30"
  public_ip       = "203.0.113.30"
  security_groups = [security_group.bastion]
}

# eni-0bast2 (Name: bastion_eni-0bast2)
instance "bastion_eni-0bast2" {
  aws_id          = "eni-0bast2"
  subnet          = subnet.app-a
  private_ip      = "10.0.1.30"
  security_groups = [security_group.web]
}

# eni-0lambda
instance "eni-0lambda" {
  aws_id            = "eni-0lambda"
  subnet            = subnet.app-a
  private_ip        = "10.0.1.50"
  security_groups   = [security_group.web]
  source_dest_check = false
}

# i-0web (Name: web)
instance "web" {
  aws_id          = "i-0web"
  subnet          = subnet.app-a
  private_ip      = "10.0.1.10"
  security_groups = [security_group.web]
}

# sg-0bast (Name: bastion)
security_group "bastion" {
  aws_id = "sg-0bast"
  vpc    = vpc.app
  ingress {
    protocol    = "tcp"
    ports       = "22"
    cidr_blocks = ["198.51.100.0/24"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# sg-0web (Name: web)
security_group "web" {
  aws_id = "sg-0web"
  vpc    = vpc.app
  ingress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["10.0.0.0/16", "192.0.2.0/24", "198.51.100.0/25"]
  }
  ingress {
    protocol        = "tcp"
    ports           = "8080-8090"
    security_groups = [security_group.web, security_group.bastion]
  }
  # AWS allows ICMP type 8 only; the language allows all ICMP
  ingress {
    protocol    = "icmp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0", "::/0"]
  }
}

# acl-0default
network_acl "acl-0default" {
  aws_id = "acl-0default"
  vpc    = vpc.app
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
}

# acl-0app (Name: app)
network_acl "app" {
  aws_id = "acl-0app"
  vpc    = vpc.app
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "tcp"
    ports       = "443"
    cidr_block  = "10.0.0.0/16"
  }
  ingress {
    rule_number = 110
    action      = "deny"
    protocol    = "udp"
    ports       = "53"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    rule_number = 120
    action      = "allow"
    protocol    = "tcp"
    ports       = "1024-65535"
    cidr_block  = "0.0.0.0/0"
  }
  ingress {
    rule_number = 130
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "10.1.0.0/16"
  }
  egress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
  egress {
    rule_number = 101
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "::/0"
  }
}
