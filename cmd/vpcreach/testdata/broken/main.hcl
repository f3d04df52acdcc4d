# A topology with errors, for the SARIF report test (report_test.go).
vpc "v" {
  cidr_blocks = ["10.0.0.5/16"]
}

subnet "a" {
  vpc               = vpc.v
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.nope
}
