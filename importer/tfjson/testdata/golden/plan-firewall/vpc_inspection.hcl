# aws_vpc.insp (Name: inspection)
vpc "inspection" {
  terraform_address = "aws_vpc.insp"
  cidr_blocks       = ["10.50.0.0/16"]
}

# aws_route_table.app["a"] (Name: app-a)
route_table "app-a" {
  terraform_address = "aws_route_table.app[\"a\"]"
  vpc               = vpc.inspection
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.inspection_us-east-1a
  }
}

# aws_route_table.app["b"] (Name: app-b)
route_table "app-b" {
  terraform_address = "aws_route_table.app[\"b\"]"
  vpc               = vpc.inspection
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.inspection_us-east-1b
  }
}

# aws_subnet.app["a"] (Name: app-a)
subnet "app-a" {
  terraform_address = "aws_subnet.app[\"a\"]"
  vpc               = vpc.inspection
  cidr_block        = "10.50.10.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.app-a
}

# aws_subnet.app["b"] (Name: app-b)
subnet "app-b" {
  terraform_address = "aws_subnet.app[\"b\"]"
  vpc               = vpc.inspection
  cidr_block        = "10.50.11.0/24"
  availability_zone = "us-east-1b"
  route_table       = route_table.app-b
}

# aws_subnet.fw["a"] (Name: fw-a)
subnet "fw-a" {
  terraform_address = "aws_subnet.fw[\"a\"]"
  vpc               = vpc.inspection
  cidr_block        = "10.50.0.0/28"
  availability_zone = "us-east-1a"
}

# aws_subnet.fw["b"] (Name: fw-b)
subnet "fw-b" {
  terraform_address = "aws_subnet.fw[\"b\"]"
  vpc               = vpc.inspection
  cidr_block        = "10.50.1.0/28"
  availability_zone = "us-east-1b"
}
