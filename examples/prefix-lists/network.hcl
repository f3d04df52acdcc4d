# Managed prefix lists as a route destination and in security group rules.

vpc "main" {
  cidr_blocks = ["10.7.0.0/16"]
}

internet_gateway "igw" {
  vpc = vpc.main
}

subnet "public" {
  vpc               = vpc.main
  cidr_block        = "10.7.0.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.public
}

subnet "private" {
  vpc               = vpc.main
  cidr_block        = "10.7.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.private
}

# A customer-managed list: the corporate offices.
prefix_list "corp" {
  prefix_list_name = "corp-offices"
  address_family   = "IPv4"
  max_entries      = 5
  entry {
    cidr        = "198.51.100.0/24"
    description = "headquarters"
  }
  entry {
    cidr        = "203.0.113.0/24"
    description = "branch"
  }
}

# A customer-managed list of networks the workers must never reach.
prefix_list "sinkhole" {
  max_entries = 2
  entry {
    cidr = "192.0.2.0/24"
  }
  entry {
    cidr = "203.0.113.0/24"
  }
}

route_table "public" {
  vpc = vpc.main
  route {
    destination = "0.0.0.0/0"
    target      = internet_gateway.igw
  }
}

route_table "private" {
  vpc = vpc.main
  route {
    destination = "0.0.0.0/0"
    target      = nat_gateway.nat
  }
  # Every entry of the list is a blackhole route...
  route {
    destination = prefix_list.sinkhole
    target      = "blackhole"
  }
  # ...except 203.0.113.0/24: a route to a CIDR takes priority over a
  # prefix-list route to the same CIDR.
  route {
    destination = "203.0.113.0/24"
    target      = nat_gateway.nat
  }
}

nat_gateway "nat" {
  subnet    = subnet.public
  public_ip = "100.24.0.10"
}

instance "web" {
  subnet          = subnet.public
  private_ip      = "10.7.0.10"
  public_ip       = "100.24.0.20"
  security_groups = [security_group.web]
}

instance "worker" {
  subnet          = subnet.private
  private_ip      = "10.7.1.10"
  security_groups = [security_group.worker]
}

# HTTPS from the corporate offices only.
security_group "web" {
  vpc = vpc.main
  ingress {
    protocol     = "tcp"
    ports        = "443"
    prefix_lists = [prefix_list.corp]
  }
}

security_group "worker" {
  vpc = vpc.main
  egress {
    protocol    = "tcp"
    ports       = "443"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
