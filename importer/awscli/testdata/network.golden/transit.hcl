# pcx-0ok (Name: app-shared)
vpc_peering "app-shared" {
  aws_id    = "pcx-0ok"
  requester = vpc.app
  accepter  = vpc.shared_services
}

# tgw-0hub (Name: hub)
transit_gateway "hub" {
  aws_id = "tgw-0hub"
}

# tgw-rtb-0hub (Name: hub)
transit_gateway_route_table "hub" {
  aws_id          = "tgw-rtb-0hub"
  transit_gateway = transit_gateway.hub
  route {
    destination = "10.2.0.0/16"
    attachment  = transit_gateway_attachment.shared
  }
  route {
    destination = "172.16.0.0/12"
    blackhole   = true
    note        = "AWS reports this route as a blackhole"
  }
  route {
    destination = "192.168.0.0/16"
    blackhole   = true
    note        = "stands for tgw-attach-0vpn, which the import does not hold; vpcreach does not follow the path past it"
  }
}

# tgw-attach-0app (Name: app)
transit_gateway_attachment "app" {
  aws_id          = "tgw-attach-0app"
  transit_gateway = transit_gateway.hub
  vpc             = vpc.app
  subnets         = [subnet.app-a]
  route_table     = transit_gateway_route_table.hub
  appliance_mode  = true
}

# tgw-attach-0shared (Name: shared)
transit_gateway_attachment "shared" {
  aws_id          = "tgw-attach-0shared"
  transit_gateway = transit_gateway.hub
  vpc             = vpc.shared_services
  subnets         = [subnet.shared-b]
  route_table     = transit_gateway_route_table.hub
  propagate_to    = [transit_gateway_route_table.hub]
}
