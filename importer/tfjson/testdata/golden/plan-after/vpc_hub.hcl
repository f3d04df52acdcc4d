# aws_vpc.hub (Name: hub)
vpc "hub" {
  terraform_address = "aws_vpc.hub"
  cidr_blocks       = ["10.0.0.0/16"]
}

# aws_route_table.private (Name: hub-private)
route_table "hub-private" {
  terraform_address = "aws_route_table.private"
  vpc               = vpc.hub
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.hub-nat
  }
  route {
    destination = "10.1.0.0/16"
    target      = transit_gateway.tgw
  }
}

# aws_route_table.public (Name: hub-public)
route_table "hub-public" {
  terraform_address = "aws_route_table.public"
  vpc               = vpc.hub
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.hub-igw
  }
}

# aws_subnet.private (Name: hub-private)
subnet "hub-private" {
  terraform_address = "aws_subnet.private"
  vpc               = vpc.hub
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.hub-private
}

# aws_subnet.public (Name: hub-public)
subnet "hub-public" {
  terraform_address = "aws_subnet.public"
  vpc               = vpc.hub
  cidr_block        = "10.0.0.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.hub-public
}

# aws_internet_gateway.igw (Name: hub-igw)
internet_gateway "hub-igw" {
  terraform_address = "aws_internet_gateway.igw"
  vpc               = vpc.hub
}

# aws_nat_gateway.nat (Name: hub-nat)
nat_gateway "hub-nat" {
  terraform_address = "aws_nat_gateway.nat"
  # assumed (known only after apply): private_ip, public_ip
  subnet     = subnet.hub-public
  private_ip = "10.0.0.4"
  public_ip  = "198.18.0.1"
}

# aws_instance.web (Name: web)
instance "web" {
  terraform_address = "aws_instance.web"
  # assumed (known only after apply): private_ip
  subnet          = subnet.hub-private
  private_ip      = "10.0.1.4"
  security_groups = [security_group.web]
}

# aws_security_group.web (Name: web)
security_group "web" {
  terraform_address = "aws_security_group.web"
  vpc               = vpc.hub
  ingress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
