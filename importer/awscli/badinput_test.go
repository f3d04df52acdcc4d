package awscli_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/importer/awscli"
)

// TestBadInput checks that input that is not usable AWS CLI output gets an
// error located at the offending byte (file, line, column), never a panic.
func TestBadInput(t *testing.T) {
	t.Parallel()
	const vpc = `{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}`
	tests := []struct {
		name    string
		files   map[string]string
		summary string
		at      string // file:line:col of the subject
	}{
		{"truncated", map[string]string{"v.json": "{\n \"Vpcs\": [\n  {\"VpcId\": \"vpc-1\","}, "Truncated JSON", "v.json:3:20"},
		{"HCL file", map[string]string{"v.json": "vpc \"a\" {\n}\n"}, "Invalid JSON", "v.json:1:1"},
		{"YAML file", map[string]string{"v.json": "Vpcs:\n  - VpcId: vpc-1\n"}, "Invalid JSON", "v.json:1:1"},
		{"not an object", map[string]string{"v.json": " [1, 2]"}, "Not a JSON object", "v.json:1:2"},
		{"trailing value", map[string]string{"v.json": "{}\n{}"}, "Invalid JSON", "v.json:2:1"},
		{"wrong type", map[string]string{"v.json": "{\"Vpcs\": [\n  {\"VpcId\": 5}]}"}, "Unexpected JSON value", "v.json:2:13"},
		{"not an array", map[string]string{"v.json": `{"Vpcs": {"VpcId": "vpc-1"}}`}, "Unexpected JSON value", "v.json:1:10"},
		{"bad CIDR", map[string]string{"v.json": "{\"Vpcs\": [\n  {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/33\"}]}"}, "Invalid CIDR", "v.json:2:3"},
		{"bad address", map[string]string{"v.json": vpc, "s.json": `{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24"}],
 "NatGateways": [{"NatGatewayId": "nat-1", "SubnetId": "subnet-1", "NatGatewayAddresses": [{"PrivateIp": "10.0.1.999"}]}]}`}, "Invalid IP address", "s.json:2:18"},
		{"subnet of no VPC", map[string]string{"v.json": vpc, "s.json": "{\"Subnets\": [\n {\"SubnetId\": \"subnet-1\", \"VpcId\": \"vpc-none\", \"CidrBlock\": \"10.0.1.0/24\"}]}"},
			"Reference to nothing", "s.json:2:2"},
		{"route to no NAT gateway", map[string]string{"v.json": vpc, "n.json": `{"NatGateways": []}`,
			"r.json": "{\"RouteTables\": [\n\n {\"RouteTableId\": \"rtb-1\", \"VpcId\": \"vpc-1\", \"Routes\": [{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"NatGatewayId\": \"nat-gone\", \"State\": \"active\"}]}]}"},
			"Reference to nothing", "r.json:3:2"},
		{"no JSON file", map[string]string{"notes.txt": "hello"}, "No AWS CLI output", ""},
	}
	compared := 0
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		for name, data := range tt.files {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		res := awscli.Read(fsys, []string{"."})
		diags := res.Diags
		if !diags.HasErrors() {
			diags = append(diags, res.Model.Resolve()...)
		}
		if !diags.HasErrors() {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		d := diags[0]
		at := ""
		if d.Subject != nil {
			at = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		if d.Summary != tt.summary || at != tt.at {
			t.Errorf("%s: %s at %q (%s), want %s at %q", tt.name, d.Summary, at, d.Detail, tt.summary, tt.at)
		}
		if strings.TrimSpace(d.Detail) == "" {
			t.Errorf("%s: the error has no detail", tt.name)
		}
		compared++
	}
	if compared != len(tests) {
		t.Fatalf("checked %d of %d cases", compared, len(tests))
	}
}

// FuzzRead feeds arbitrary bytes as one describe file: Read must not
// panic, and a model without errors must render.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}`))
	f.Add([]byte(`{"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Routes": [{"DestinationPrefixListId": "pl-1", "GatewayId": "vpce-1"}]}]}`))
	f.Add([]byte(`{"TransitGatewayStaticRoutes": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "State": "blackhole"}]}]}`))
	f.Add([]byte(`{"Firewall": {"FirewallArn": "a", "VpcId": "vpc-1"}, "FirewallStatus": {"SyncStates": {"us-east-1a": {"Attachment": {"SubnetId": "s", "EndpointId": "vpce-1"}}}}}`))
	f.Add([]byte("{\"Vpcs\": [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"a.json": &fstest.MapFile{Data: data}}
		res := awscli.Read(fsys, []string{"a.json"})
		if res.Diags.HasErrors() || res.Model.Resolve().HasErrors() {
			return
		}
		_ = importerRender(res)
	})
}
