# A workload VPC with the three kinds of VPC endpoint: SSM Interface
# endpoints, an S3 Gateway endpoint, and a Gateway Load Balancer endpoint
# that sends internet-bound traffic through an inspection appliance.

vpc "workload" {
  cidr_blocks = ["10.20.0.0/16"]
}

internet_gateway "igw" {
  vpc = vpc.workload
}

subnet "app_a" {
  vpc               = vpc.workload
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.app
}

subnet "endpoints_a" {
  vpc               = vpc.workload
  cidr_block        = "10.20.10.0/24"
  availability_zone = "us-east-1a"
}

subnet "endpoints_b" {
  vpc               = vpc.workload
  cidr_block        = "10.20.11.0/24"
  availability_zone = "us-east-1b"
}

subnet "inspection_a" {
  vpc               = vpc.workload
  cidr_block        = "10.20.20.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.inspection
}

subnet "public_a" {
  vpc               = vpc.workload
  cidr_block        = "10.20.0.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.public
}

route_table "app" {
  vpc = vpc.workload
  route {
    destination = "0.0.0.0/0"
    target      = vpc_endpoint.inspection
  }
}

route_table "inspection" {
  vpc = vpc.workload
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat
  }
}

# The public subnet forgets to send the replies for the app subnet back
# through the inspection endpoint.
route_table "public" {
  vpc = vpc.workload
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
}

nat_gateway "nat" {
  subnet    = subnet.public_a
  public_ip = "100.24.0.30"
}

instance "app" {
  subnet          = subnet.app_a
  private_ip      = "10.20.1.10"
  security_groups = [security_group.app]
}

security_group "app" {
  vpc = vpc.workload
  egress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# SSM endpoints: one network interface per zone, HTTPS from the VPC only.
vpc_endpoint "ssm" {
  vpc               = vpc.workload
  vpc_endpoint_type = "Interface"
  service_name      = "com.amazonaws.us-east-1.ssm"
  subnets           = [subnet.endpoints_a, subnet.endpoints_b]
  private_ips       = ["10.20.10.10", "10.20.11.10"]
  security_groups   = [security_group.endpoints]
}

security_group "endpoints" {
  vpc = vpc.workload
  ingress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["10.20.0.0/16"]
  }
}

# The S3 prefix list as AWS publishes it in us-east-1 (a snapshot).
prefix_list "s3" {
  aws_managed      = true
  prefix_list_name = "com.amazonaws.us-east-1.s3"
  entry {
    cidr = "52.216.0.0/15"
  }
  entry {
    cidr = "3.5.0.0/19"
  }
  entry {
    cidr = "54.231.0.0/16"
  }
}

vpc_endpoint "s3" {
  vpc               = vpc.workload
  vpc_endpoint_type = "Gateway"
  service_name      = "com.amazonaws.us-east-1.s3"
  prefix_list       = prefix_list.s3
  # AWS adds a route to prefix_list.s3, targeting the endpoint, to each.
  route_tables = [route_table.app]
}

network_interface "appliance" {
  subnet            = subnet.inspection_a
  private_ip        = "10.20.20.10"
  source_dest_check = false
}

vpc_endpoint "inspection" {
  vpc               = vpc.workload
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnets           = [subnet.inspection_a]
  appliances        = [network_interface.appliance]
}
