# tgw-0core (Name: core)
transit_gateway "core" {
  aws_id            = "tgw-0core"
  terraform_address = "aws_ec2_transit_gateway.core"
}

# tgw-rtb-0insp (Name: inspection)
transit_gateway_route_table "inspection" {
  aws_id            = "tgw-rtb-0insp"
  terraform_address = "aws_ec2_transit_gateway_route_table.inspection"
  transit_gateway   = transit_gateway.core
}

# tgw-rtb-0spokes (Name: spokes)
transit_gateway_route_table "spokes" {
  aws_id            = "tgw-rtb-0spokes"
  terraform_address = "aws_ec2_transit_gateway_route_table.spokes"
  transit_gateway   = transit_gateway.core
  route {
    destination = "0.0.0.0/0"
    attachment  = transit_gateway_attachment.inspection
  }
}

# tgw-attach-0insp
transit_gateway_attachment "inspection" {
  aws_id            = "tgw-attach-0insp"
  terraform_address = "aws_ec2_transit_gateway_vpc_attachment.inspection"
  transit_gateway   = transit_gateway.core
  vpc               = vpc.inspection
  subnets           = [subnet.inspection-tgw]
  route_table       = transit_gateway_route_table.inspection
  appliance_mode    = true
}

# tgw-attach-0app
transit_gateway_attachment "spoke_app_this" {
  aws_id            = "tgw-attach-0app"
  terraform_address = "module.spoke[\"app\"].aws_ec2_transit_gateway_vpc_attachment.this"
  transit_gateway   = transit_gateway.core
  vpc               = vpc.app
  subnets           = [subnet.app-a]
  route_table       = transit_gateway_route_table.spokes
  propagate_to      = [transit_gateway_route_table.inspection]
}

# tgw-attach-0db
transit_gateway_attachment "spoke_db_this" {
  aws_id            = "tgw-attach-0db"
  terraform_address = "module.spoke[\"db\"].aws_ec2_transit_gateway_vpc_attachment.this"
  transit_gateway   = transit_gateway.core
  vpc               = vpc.db
  subnets           = [subnet.db-a]
  route_table       = transit_gateway_route_table.spokes
  propagate_to      = [transit_gateway_route_table.inspection]
}
