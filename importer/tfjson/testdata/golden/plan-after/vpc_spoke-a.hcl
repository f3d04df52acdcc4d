# module.spoke["a"].aws_vpc.this (Name: spoke-a)
vpc "spoke-a" {
  terraform_address = "module.spoke[\"a\"].aws_vpc.this"
  cidr_blocks       = ["10.1.0.0/16"]
}

# module.spoke["a"].aws_route_table.app
route_table "spoke_a_app" {
  terraform_address = "module.spoke[\"a\"].aws_route_table.app"
  vpc               = vpc.spoke-a
  route {
    destination = "0.0.0.0/0"
    target      = transit_gateway.tgw
  }
}

# module.spoke["a"].aws_subnet.app[0]
subnet "spoke_a_app_0" {
  terraform_address = "module.spoke[\"a\"].aws_subnet.app[0]"
  vpc               = vpc.spoke-a
  cidr_block        = "10.1.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.spoke_a_app
}

# module.spoke["a"].aws_subnet.app[1]
subnet "spoke_a_app_1" {
  terraform_address = "module.spoke[\"a\"].aws_subnet.app[1]"
  vpc               = vpc.spoke-a
  cidr_block        = "10.1.2.0/24"
  availability_zone = "us-east-1b"
  route_table       = route_table.spoke_a_app
}

# module.spoke["a"].aws_instance.app (Name: app)
instance "app" {
  terraform_address = "module.spoke[\"a\"].aws_instance.app"
  # assumed (known only after apply): private_ip
  subnet     = subnet.spoke_a_app_0
  private_ip = "10.1.1.4"
}
