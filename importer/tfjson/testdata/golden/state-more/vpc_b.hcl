# vpc-0b (Name: b)
vpc "b" {
  aws_id            = "vpc-0b"
  terraform_address = "aws_vpc.b"
  cidr_blocks       = ["10.20.0.0/16"]
}

# rtb-0b
route_table "b" {
  aws_id            = "rtb-0b"
  terraform_address = "aws_route_table.b"
  vpc               = vpc.b
  route {
    destination = "10.10.0.0/16"
    target      = vpc_peering.a-b
  }
}

# subnet-0b1 (Name: b-app)
subnet "b-app" {
  aws_id            = "subnet-0b1"
  terraform_address = "aws_subnet.b1"
  vpc               = vpc.b
  cidr_block        = "10.20.1.0/24"
  availability_zone = "eu-west-1a"
  route_table       = route_table.b
}

# i-0b (Name: b-app)
instance "b-app" {
  aws_id            = "i-0b"
  terraform_address = "aws_instance.b"
  subnet            = subnet.b-app
  private_ip        = "10.20.1.10"
  security_groups   = [security_group.default]
}

# sg-0bdef (Name: default)
security_group "default" {
  aws_id            = "sg-0bdef"
  terraform_address = "aws_default_security_group.b"
  vpc               = vpc.b
}
