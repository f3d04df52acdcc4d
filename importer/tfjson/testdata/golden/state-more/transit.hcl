# pcx-0ab (Name: a-b)
vpc_peering "a-b" {
  aws_id            = "pcx-0ab"
  terraform_address = "aws_vpc_peering_connection.ab"
  requester         = vpc.a
  accepter          = vpc.b
}
