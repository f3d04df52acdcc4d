# Two spoke VPCs. Each has application subnets and small TGW subnets in two
# AZs; everything that leaves a spoke goes to the transit gateway.

locals {
  spoke_a_cidr = "10.10.0.0/16"
  spoke_b_cidr = "10.20.0.0/16"
}

# --- spoke A ---------------------------------------------------------------

vpc "spoke_a" {
  cidr_blocks = [local.spoke_a_cidr]
}

subnet "spoke_a_app_1a" {
  vpc               = vpc.spoke_a
  cidr_block        = "10.10.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.spoke_a_app
}

subnet "spoke_a_app_1b" {
  vpc               = vpc.spoke_a
  cidr_block        = "10.10.2.0/24"
  availability_zone = "us-east-1b"
  route_table       = route_table.spoke_a_app
}

subnet "spoke_a_tgw_1a" {
  vpc               = vpc.spoke_a
  cidr_block        = "10.10.0.0/28"
  availability_zone = "us-east-1a"
}

subnet "spoke_a_tgw_1b" {
  vpc               = vpc.spoke_a
  cidr_block        = "10.10.0.16/28"
  availability_zone = "us-east-1b"
}

route_table "spoke_a_app" {
  vpc = vpc.spoke_a
  route {
    destination = "0.0.0.0/0"
    target      = transit_gateway.tgw
  }
  # Shortcut to spoke B, added to cut latency: it bypasses the inspection VPC.
  route {
    destination = local.spoke_b_cidr
    target      = vpc_peering.spokes
  }
}

instance "app" {
  subnet          = subnet.spoke_a_app_1a
  private_ip      = "10.10.1.10"
  security_groups = [security_group.app]
}

security_group "app" {
  vpc = vpc.spoke_a
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# --- spoke B ---------------------------------------------------------------

vpc "spoke_b" {
  cidr_blocks = [local.spoke_b_cidr]
}

subnet "spoke_b_db_1a" {
  vpc               = vpc.spoke_b
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.spoke_b_db
  network_acl       = network_acl.db
}

subnet "spoke_b_db_1b" {
  vpc               = vpc.spoke_b
  cidr_block        = "10.20.2.0/24"
  availability_zone = "us-east-1b"
  route_table       = route_table.spoke_b_db
  network_acl       = network_acl.db
}

subnet "spoke_b_tgw_1a" {
  vpc               = vpc.spoke_b
  cidr_block        = "10.20.0.0/28"
  availability_zone = "us-east-1a"
}

subnet "spoke_b_tgw_1b" {
  vpc               = vpc.spoke_b
  cidr_block        = "10.20.0.16/28"
  availability_zone = "us-east-1b"
}

route_table "spoke_b_db" {
  vpc = vpc.spoke_b
  route {
    destination = "0.0.0.0/0"
    target      = transit_gateway.tgw
  }
  route {
    destination = local.spoke_a_cidr
    target      = vpc_peering.spokes
  }
}

vpc_peering "spokes" {
  requester = vpc.spoke_a
  accepter  = vpc.spoke_b
}

instance "db" {
  subnet          = subnet.spoke_b_db_1b
  private_ip      = "10.20.2.10"
  security_groups = [security_group.db]
}

security_group "db" {
  vpc = vpc.spoke_b
  ingress {
    protocol    = "tcp"
    ports       = "5432"
    cidr_blocks = [local.spoke_a_cidr]
  }
  ingress {
    protocol    = "tcp"
    ports       = "22"
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    protocol    = "icmp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

network_acl "db" {
  vpc = vpc.spoke_b
  ingress {
    rule_number = 100
    action      = "allow"
    protocol    = "-1"
    cidr_block  = "10.0.0.0/8"
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
    protocol    = "-1"
    cidr_block  = "0.0.0.0/0"
  }
}
