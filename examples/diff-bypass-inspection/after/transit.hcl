# The transit gateway. Spokes and the egress VPC are associated with the
# "spoke" table, whose only route sends everything to the inspection VPC.
# The inspection VPC is associated with the "firewall" table, which knows
# every VPC (propagated) and sends the rest to the egress VPC.

transit_gateway "tgw" {}

transit_gateway_route_table "spoke" {
  transit_gateway = transit_gateway.tgw
  route {
    destination = "0.0.0.0/0"
    attachment  = transit_gateway_attachment.inspection
  }
}

transit_gateway_route_table "firewall" {
  transit_gateway = transit_gateway.tgw
  route {
    destination = "0.0.0.0/0"
    attachment  = transit_gateway_attachment.egress
  }
}

transit_gateway_attachment "spoke_a" {
  transit_gateway = transit_gateway.tgw
  vpc             = vpc.spoke_a
  subnets         = [subnet.spoke_a_tgw_1a, subnet.spoke_a_tgw_1b]
  route_table     = transit_gateway_route_table.spoke
  propagate_to    = [transit_gateway_route_table.firewall]
}

transit_gateway_attachment "spoke_b" {
  transit_gateway = transit_gateway.tgw
  vpc             = vpc.spoke_b
  subnets         = [subnet.spoke_b_tgw_1a, subnet.spoke_b_tgw_1b]
  route_table     = transit_gateway_route_table.spoke
  propagate_to    = [transit_gateway_route_table.firewall]
}

transit_gateway_attachment "egress" {
  transit_gateway = transit_gateway.tgw
  vpc             = vpc.egress
  subnets         = [subnet.egress_tgw_1a, subnet.egress_tgw_1b]
  route_table     = transit_gateway_route_table.spoke
  propagate_to    = [transit_gateway_route_table.firewall]
}

# Appliance mode keeps both directions of a flow on one AZ's endpoint.
transit_gateway_attachment "inspection" {
  transit_gateway = transit_gateway.tgw
  vpc             = vpc.inspection
  subnets         = [subnet.inspection_tgw_1a, subnet.inspection_tgw_1b]
  route_table     = transit_gateway_route_table.firewall
  appliance_mode  = true
}
