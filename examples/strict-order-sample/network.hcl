# AWS's strict rule ordering sample (aws-samples/aws-network-firewall-strict-rule-ordering-terraform,
# commit 4f47dcf, vpc/main.tf), one Availability Zone:
#
#   instance.instance_1 -> subnet.private -> nat_gateway.natgw (subnet.public)
#     -> firewall_endpoint.fw (subnet.inspection) -> internet_gateway.igw
#
# The internet gateway's edge route table sends the public subnet's traffic back to the
# firewall endpoint, so replies cross the same endpoint. The VPC CIDR is the sample's
# (locals.tf); the sample computes its subnet CIDRs, the ones below are ours.

vpc "vpc" {
  cidr_blocks = ["10.151.0.0/16"]
}

internet_gateway "igw" {
  vpc         = vpc.vpc
  route_table = route_table.igw
}

route_table "igw" {
  vpc = vpc.vpc
  route {
    destination = "10.151.1.0/24"
    target      = firewall_endpoint.fw
  }
}

# --- public subnet: the NAT gateway; everything leaves through the firewall -------

subnet "public" {
  vpc               = vpc.vpc
  cidr_block        = "10.151.1.0/24"
  availability_zone = "eu-west-1a"
  route_table       = route_table.public
}

route_table "public" {
  vpc = vpc.vpc
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw
  }
}

nat_gateway "natgw" {
  subnet    = subnet.public
  public_ip = "203.0.113.151"
}

# --- inspection subnet: the firewall endpoint; inspected traffic goes to the IGW --

subnet "inspection" {
  vpc               = vpc.vpc
  cidr_block        = "10.151.0.0/24"
  availability_zone = "eu-west-1a"
  route_table       = route_table.inspection
}

route_table "inspection" {
  vpc = vpc.vpc
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
}

# --- private subnet: the instance, default route to the NAT gateway ---------------

subnet "private" {
  vpc               = vpc.vpc
  cidr_block        = "10.151.2.0/24"
  availability_zone = "eu-west-1a"
  route_table       = route_table.private
}

route_table "private" {
  vpc = vpc.vpc
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.natgw
  }
}

instance "instance_1" {
  subnet          = subnet.private
  private_ip      = "10.151.2.10"
  security_groups = [security_group.instance]
}

# The sample's instance security group (locals.tf): ICMP and HTTP in, everything out.
security_group "instance" {
  vpc = vpc.vpc
  ingress {
    protocol    = "icmp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    protocol    = "tcp"
    ports       = "80"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
