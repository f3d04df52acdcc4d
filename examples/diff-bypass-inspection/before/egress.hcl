# The egress VPC: NAT gateways and the internet gateway for every spoke.
# Its public subnets route the spokes' space (10.0.0.0/8) back to the
# transit gateway, so replies are inspected again.

vpc "egress" {
  cidr_blocks = ["10.200.0.0/16"]
}

internet_gateway "igw" {
  vpc = vpc.egress
}

subnet "egress_tgw_1a" {
  vpc               = vpc.egress
  cidr_block        = "10.200.0.0/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.egress_tgw_1a
}

subnet "egress_tgw_1b" {
  vpc               = vpc.egress
  cidr_block        = "10.200.0.16/28"
  availability_zone = "us-east-1b"
  route_table       = route_table.egress_tgw_1b
}

subnet "egress_public_1a" {
  vpc               = vpc.egress
  cidr_block        = "10.200.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.egress_public
}

subnet "egress_public_1b" {
  vpc               = vpc.egress
  cidr_block        = "10.200.2.0/24"
  availability_zone = "us-east-1b"
  route_table       = route_table.egress_public
}

route_table "egress_tgw_1a" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat_1a
  }
}

route_table "egress_tgw_1b" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat_1b
  }
}

route_table "egress_public" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
  route {
    destination = "10.0.0.0/8"
    target      = transit_gateway.tgw
  }
}

nat_gateway "nat_1a" {
  subnet    = subnet.egress_public_1a
  public_ip = "198.51.100.10"
}

nat_gateway "nat_1b" {
  subnet    = subnet.egress_public_1b
  public_ip = "198.51.100.11"
}
