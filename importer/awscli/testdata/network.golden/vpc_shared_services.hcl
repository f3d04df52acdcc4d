# vpc-0shared (Name: shared services)
vpc "shared_services" {
  aws_id           = "vpc-0shared"
  cidr_blocks      = ["10.1.0.0/16"]
  main_route_table = route_table.shared
}

# rtb-0sh (Name: shared)
route_table "shared" {
  aws_id = "rtb-0sh"
  vpc    = vpc.shared_services
  route {
    destination = "10.0.0.0/16"
    target      = vpc_peering.app-shared
  }
}

# subnet-0shb (Name: shared-b)
subnet "shared-b" {
  aws_id            = "subnet-0shb"
  vpc               = vpc.shared_services
  cidr_block        = "10.1.1.0/24"
  availability_zone = "us-east-1b"
}

# i-0svc (Name: svc)
instance "svc" {
  aws_id          = "i-0svc"
  subnet          = subnet.shared-b
  private_ip      = "10.1.1.10"
  security_groups = [security_group.svc]
}

# sg-0svc (Name: svc)
security_group "svc" {
  aws_id = "sg-0svc"
  vpc    = vpc.shared_services
  ingress {
    protocol    = "udp"
    ports       = "53"
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    protocol    = "tcp"
    cidr_blocks = ["10.0.1.0/24"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
