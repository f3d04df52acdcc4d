# vpc-0db (Name: db)
vpc "db" {
  aws_id            = "vpc-0db"
  terraform_address = "module.spoke[\"db\"].aws_vpc.this"
  cidr_blocks       = ["10.2.0.0/16"]
  main_route_table  = route_table.spoke_db_this
}

# rtb-0dbmain
route_table "spoke_db_this" {
  aws_id            = "rtb-0dbmain"
  terraform_address = "module.spoke[\"db\"].aws_default_route_table.this"
  vpc               = vpc.db
  route {
    destination = "0.0.0.0/0"
    target      = transit_gateway.core
  }
}

# subnet-0dba (Name: db-a)
subnet "db-a" {
  aws_id            = "subnet-0dba"
  terraform_address = "module.spoke[\"db\"].aws_subnet.workload[0]"
  vpc               = vpc.db
  cidr_block        = "10.2.1.0/24"
  availability_zone = "eu-west-1a"
}

# i-0db (Name: db)
instance "db" {
  aws_id            = "i-0db"
  terraform_address = "module.spoke[\"db\"].aws_instance.workload"
  subnet            = subnet.db-a
  private_ip        = "10.2.1.10"
  security_groups   = [security_group.db]
}

# sg-0db (Name: db)
security_group "db" {
  aws_id            = "sg-0db"
  terraform_address = "module.spoke[\"db\"].aws_security_group.workload"
  vpc               = vpc.db
  ingress {
    protocol    = "tcp"
    ports       = "5432"
    cidr_blocks = ["10.1.0.0/16"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
