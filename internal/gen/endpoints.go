package gen

import (
	"bytes"
	"fmt"
)

// S3Service is the service name of the S3 prefix list a generated
// organisation with Config.Endpoints declares; every spoke reaches it
// through its own Gateway endpoint.
const S3Service = "com.amazonaws.us-east-1.s3"

// SpokeSSMENI returns the address of spoke i's SSM Interface endpoint
// network interface in AZ k ("vpc_endpoint.spoke_0001_ssm.spoke_0001_app_a").
func SpokeSSMENI(i, k int) string {
	return "vpc_endpoint." + SpokeName(i) + "_ssm." + SpokeName(i) + "_app_" + azSuffix(k)
}

// spokeEndpoints writes spoke i's VPC endpoints: SSM Interface endpoints in
// its app subnets (behind the spoke's security group, which admits 443
// from the organisation) and an S3 Gateway endpoint on its app route table.
func (g *generator) spokeEndpoints(b *bytes.Buffer, i int) {
	name := SpokeName(i)
	fmt.Fprintf(b, "\nvpc_endpoint \"%s_ssm\" {\n  vpc               = vpc.%s\n  vpc_endpoint_type = \"Interface\"\n"+
		"  service_name      = \"com.amazonaws.us-east-1.ssm\"\n  subnets           = [%s]\n  private_ips       = [",
		name, name, subnetList(name+"_app_"))
	for k := 0; k < NumAZs; k++ {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q", ip(appSubnet(i, k)+20))
	}
	fmt.Fprintf(b, "]\n  security_groups   = [security_group.%s_app]\n}\n", name)
	fmt.Fprintf(b, "\nvpc_endpoint \"%s_s3\" {\n  vpc               = vpc.%s\n  vpc_endpoint_type = \"Gateway\"\n"+
		"  service_name      = %q\n  prefix_list       = prefix_list.s3\n  route_tables      = [route_table.%s_app]\n}\n",
		name, name, S3Service, name)
}

// s3PrefixList writes the S3 prefix list (a snapshot of entries).
func (g *generator) s3PrefixList() {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# The AWS-managed S3 prefix list the spokes' Gateway endpoints route to.\n\n"+
		"prefix_list \"s3\" {\n  aws_managed      = true\n  prefix_list_name = %q\n", S3Service)
	for _, c := range []string{"52.216.0.0/15", "3.5.0.0/19", "54.231.0.0/16"} {
		fmt.Fprintf(&b, "  entry {\n    cidr = %q\n  }\n", c)
	}
	b.WriteString("}\n")
	g.put("endpoints.hcl", &b)
}
