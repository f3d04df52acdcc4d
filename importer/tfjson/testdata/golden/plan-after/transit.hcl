# aws_ec2_transit_gateway.tgw (Name: tgw)
transit_gateway "tgw" {
  terraform_address = "aws_ec2_transit_gateway.tgw"
}

# aws_ec2_transit_gateway.tgw.default_route_table (Name: tgw_default)
transit_gateway_route_table "tgw_default" {
  terraform_address = "aws_ec2_transit_gateway.tgw.default_route_table"
  transit_gateway   = transit_gateway.tgw
}

# aws_ec2_transit_gateway_vpc_attachment.hub
transit_gateway_attachment "hub" {
  terraform_address = "aws_ec2_transit_gateway_vpc_attachment.hub"
  transit_gateway   = transit_gateway.tgw
  vpc               = vpc.hub
  subnets           = [subnet.hub-private]
  route_table       = transit_gateway_route_table.tgw_default
  propagate_to      = [transit_gateway_route_table.tgw_default]
}

# module.spoke["a"].aws_ec2_transit_gateway_vpc_attachment.this
transit_gateway_attachment "spoke_a_this" {
  terraform_address = "module.spoke[\"a\"].aws_ec2_transit_gateway_vpc_attachment.this"
  transit_gateway   = transit_gateway.tgw
  vpc               = vpc.spoke-a
  subnets           = [subnet.spoke_a_app_0, subnet.spoke_a_app_1]
  route_table       = transit_gateway_route_table.tgw_default
  propagate_to      = [transit_gateway_route_table.tgw_default]
}
