# vpc-0app (Name: app)
vpc "app" {
  aws_id            = "vpc-0app"
  terraform_address = "module.spoke[\"app\"].aws_vpc.this"
  cidr_blocks       = ["10.1.0.0/16"]
  main_route_table  = route_table.spoke_app_this
}

# rtb-0appmain
route_table "spoke_app_this" {
  aws_id            = "rtb-0appmain"
  terraform_address = "module.spoke[\"app\"].aws_default_route_table.this"
  vpc               = vpc.app
  route {
    destination = "0.0.0.0/0"
    target      = transit_gateway.core
  }
}

# subnet-0appa (Name: app-a)
subnet "app-a" {
  aws_id            = "subnet-0appa"
  terraform_address = "module.spoke[\"app\"].aws_subnet.workload[0]"
  vpc               = vpc.app
  cidr_block        = "10.1.1.0/24"
  availability_zone = "eu-west-1a"
}

# i-0app (Name: app)
instance "app" {
  aws_id            = "i-0app"
  terraform_address = "module.spoke[\"app\"].aws_instance.workload"
  subnet            = subnet.app-a
  private_ip        = "10.1.1.10"
  security_groups   = [security_group.app]
}

# sg-0app (Name: app)
security_group "app" {
  aws_id            = "sg-0app"
  terraform_address = "module.spoke[\"app\"].aws_security_group.workload"
  vpc               = vpc.app
  ingress {
    protocol    = "icmp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
