# One VPC whose application subnets reach the internet through AWS Network
# Firewall and a NAT gateway per availability zone:
#
#   app_X -> firewall_endpoint.fw_X -> nat_gateway.nat_X -> internet_gateway.igw
#
# The public subnets route the application subnets' CIDRs back to the
# firewall endpoint of the same AZ, so replies cross the same endpoint.

locals {
  vpc_cidr = "10.1.0.0/16"
  app_a    = "10.1.10.0/24"
  app_b    = "10.1.11.0/24"
}

vpc "egress" {
  cidr_blocks = [local.vpc_cidr]
}

internet_gateway "igw" {
  vpc = vpc.egress
}

# --- public subnets: NAT gateways, return route through the firewall ----

subnet "public_a" {
  vpc               = vpc.egress
  cidr_block        = "10.1.0.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.public_a
}

subnet "public_b" {
  vpc               = vpc.egress
  cidr_block        = "10.1.1.0/24"
  availability_zone = "us-east-1b"
  route_table       = route_table.public_b
}

route_table "public_a" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
  route {
    destination = local.app_a
    target      = firewall_endpoint.fw_a
  }
}

route_table "public_b" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
  route {
    destination = local.app_b
    target      = firewall_endpoint.fw_b
  }
}

nat_gateway "nat_a" {
  subnet    = subnet.public_a
  public_ip = "203.0.113.10"
}

nat_gateway "nat_b" {
  subnet    = subnet.public_b
  public_ip = "203.0.113.11"
}

# --- firewall subnets: inspected traffic continues to the NAT gateway ----

subnet "firewall_a" {
  vpc               = vpc.egress
  cidr_block        = "10.1.16.0/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.firewall_a
}

subnet "firewall_b" {
  vpc               = vpc.egress
  cidr_block        = "10.1.16.16/28"
  availability_zone = "us-east-1b"
  route_table       = route_table.firewall_b
}

route_table "firewall_a" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat_a
  }
}

route_table "firewall_b" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat_b
  }
}

# --- application subnets: everything leaves through the firewall ---------

subnet "app_a" {
  vpc               = vpc.egress
  cidr_block        = local.app_a
  availability_zone = "us-east-1a"
  route_table       = route_table.app_a
  network_acl       = network_acl.app
}

subnet "app_b" {
  vpc               = vpc.egress
  cidr_block        = local.app_b
  availability_zone = "us-east-1b"
  route_table       = route_table.app_b
  network_acl       = network_acl.app
}

route_table "app_a" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw_a
  }
}

route_table "app_b" {
  vpc = vpc.egress
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw_b
  }
}
