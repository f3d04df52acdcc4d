# The inspection VPC: the transit gateway delivers into its TGW subnets,
# which send everything to the firewall endpoint of their AZ; the firewall
# subnets send inspected traffic back to the transit gateway.

vpc "inspection" {
  cidr_blocks = ["10.100.0.0/16"]
}

subnet "inspection_tgw_1a" {
  vpc               = vpc.inspection
  cidr_block        = "10.100.0.0/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.inspection_tgw_1a
}

subnet "inspection_tgw_1b" {
  vpc               = vpc.inspection
  cidr_block        = "10.100.0.16/28"
  availability_zone = "us-east-1b"
  route_table       = route_table.inspection_tgw_1b
}

subnet "inspection_fw_1a" {
  vpc               = vpc.inspection
  cidr_block        = "10.100.1.0/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.inspection_fw
}

subnet "inspection_fw_1b" {
  vpc               = vpc.inspection
  cidr_block        = "10.100.1.16/28"
  availability_zone = "us-east-1b"
  route_table       = route_table.inspection_fw
}

route_table "inspection_tgw_1a" {
  vpc = vpc.inspection
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw_1a
  }
}

route_table "inspection_tgw_1b" {
  vpc = vpc.inspection
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.fw_1b
  }
}

route_table "inspection_fw" {
  vpc = vpc.inspection
  route {
    destination = "0.0.0.0/0"
    target      = transit_gateway.tgw
  }
}

network_firewall "fw" {
  vpc    = vpc.inspection
  policy = firewall_policy.central
}

firewall_endpoint "fw_1a" {
  firewall = network_firewall.fw
  subnet   = subnet.inspection_fw_1a
}

firewall_endpoint "fw_1b" {
  firewall = network_firewall.fw
  subnet   = subnet.inspection_fw_1b
}
