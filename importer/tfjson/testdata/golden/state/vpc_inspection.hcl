# vpc-0insp (Name: inspection)
vpc "inspection" {
  aws_id            = "vpc-0insp"
  terraform_address = "aws_vpc.inspection"
  cidr_blocks       = ["10.100.0.0/16"]
}

# rtb-0ifw (Name: inspection-fw)
route_table "inspection-fw" {
  aws_id            = "rtb-0ifw"
  terraform_address = "aws_route_table.fw"
  vpc               = vpc.inspection
  route {
    destination = "10.0.0.0/8"
    target      = transit_gateway.core
  }
}

# rtb-0itgw (Name: inspection-tgw)
route_table "inspection-tgw" {
  aws_id            = "rtb-0itgw"
  terraform_address = "aws_route_table.tgw"
  vpc               = vpc.inspection
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.inspection_eu-west-1a
  }
}

# subnet-0ifwa (Name: inspection-fw)
subnet "inspection-fw" {
  aws_id            = "subnet-0ifwa"
  terraform_address = "aws_subnet.fw"
  vpc               = vpc.inspection
  cidr_block        = "10.100.1.0/28"
  availability_zone = "eu-west-1a"
  route_table       = route_table.inspection-fw
  network_acl       = network_acl.inspection
}

# subnet-0itgwa (Name: inspection-tgw)
subnet "inspection-tgw" {
  aws_id            = "subnet-0itgwa"
  terraform_address = "aws_subnet.tgw"
  vpc               = vpc.inspection
  cidr_block        = "10.100.0.0/28"
  availability_zone = "eu-west-1a"
  route_table       = route_table.inspection-tgw
  network_acl       = network_acl.inspection
}

# acl-0idef
network_acl "inspection" {
  aws_id            = "acl-0idef"
  terraform_address = "aws_default_network_acl.inspection"
  vpc               = vpc.inspection
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
