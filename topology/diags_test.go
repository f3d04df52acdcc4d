package topology_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

var update = flag.Bool("update", false, "rewrite golden files")

// diagCases are the golden diagnostic tests: each NAME has its input in
// testdata/diags/NAME.txtar and the expected rendered diagnostics in
// testdata/diags/NAME.golden (rewritten with -update). The value says
// which validation rules the case covers.
var diagCases = map[string]string{
	"syntax_error":          "HCL syntax errors",
	"no_files":              "a directory without *.hcl files",
	"unknown_block":         "unknown blocks, top level and nested, with did-you-mean",
	"unknown_attribute":     "unknown and missing attributes, with did-you-mean",
	"undeclared_reference":  "undeclared references, nearest declared name of the right type",
	"wrong_type_reference":  "wrong-type, unknown-type, quoted and attribute references; invalid route targets",
	"duplicate_name":        "duplicate names per type, pointing at the first's file:line",
	"invalid_name":          "resource name syntax",
	"cidr_host_bits":        "CIDRs with host bits set; malformed CIDRs",
	"subnet_outside_vpc":    "subnet outside its VPC's CIDRs",
	"subnet_overlap":        "overlapping subnets in one VPC",
	"attachment_subnets":    "attachment subnets: one per AZ, in the attachment's VPC, not empty",
	"tgw_other_gateway":     "TGW route attachment on another TGW; association/propagation on another TGW; route target rules; VPC attached twice",
	"firewall_endpoints":    "firewall endpoint outside its firewall's VPC; two endpoints in one AZ",
	"route_targets":         "TGW target without attachment; peering of other VPCs; NAT/instance/endpoint/IGW of another VPC",
	"route_local_rules":     "routes more specific than local; local route replacement; local target; duplicate destinations",
	"igw_edge_table":        "gateway route table targets and destinations; table of another VPC; one IGW per VPC",
	"nat_gateways":          "public NAT without public_ip (a placeholder, warned); private NAT with one; connectivity_type values",
	"assumed_addresses":     "instances without private_ip: first free addresses in name order, warned; a full subnet",
	"ip_addresses":          "IPs outside the subnet, reserved, taken twice (NAT default counts); public IPs twice or private",
	"policy_values":         "stateful_rule_order, stream_exception_policy, stateless default actions, empty home_net",
	"policy_priorities":     "strict-order priorities missing or duplicated; stateless priorities duplicated; duplicate group references",
	"rule_order_mismatch":   "rule group rule_order differing from its policy's",
	"default_actions":       "stateful_default_actions: default order, unknown values, two drops, established/app_layer mix",
	"rule_group_sources":    "zero or several rules sources; missing rules_file; two domain lists",
	"domain_list_values":    "domain_list type and target_types values; empty targets",
	"stateful_rule_values":  "stateful_rule action and direction values; missing sid",
	"stateless_rules":       "stateless actions, priority range and uniqueness, protocols 0-255, tcp_flags names, ports",
	"security_group_values": "SG protocol values, port syntax, ports without a port protocol, rule without peer",
	"network_acl_values":    "NACL rule_number range and uniqueness, action, protocol and port values",
	"rule_variables":        "ip_set/port_set/ip_set_reference names: syntax, length, uniqueness; port_set values",
	"expect_values":         "expect protocol (any case), port range, ports syntax, endpoint kinds, CIDR source, missing reachable, app typos, quoted through",
	"locals":                "locals cycles, duplicates, unknown locals",
	"value_types":           "values of the wrong type; nulls",
	"implicit_references":   "vpc.NAME.MEMBER references",
	"associations":          "route tables and NACLs of other VPCs; main route table of another VPC; self peering",
	"number_range":          "number literals too large to evaluate safely",
	"aws_cidr_limits":       "VPC and subnet IPv4 sizes /16-/28, special-purpose ranges, secondary block restrictions, 50 blocks per VPC",
	"vpc_endpoints":         "vpc_endpoint types, attributes per type, subnets, private_ips, appliances; routes to endpoints",
	"prefix_lists":          "prefix list max_entries, family, duplicate entries; overlapping prefix-list routes; NACL prefix list; ip_set_reference sources",
}

func TestDiagnostics(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/diags/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	onDisk := map[string]bool{}
	for _, f := range files {
		onDisk[strings.TrimSuffix(filepath.Base(f), ".txtar")] = true
	}
	for name := range diagCases {
		if !onDisk[name] {
			t.Errorf("case %s has no testdata/diags/%s.txtar", name, name)
		}
	}
	for name := range onDisk {
		if _, ok := diagCases[name]; !ok {
			t.Errorf("testdata/diags/%s.txtar is not listed in diagCases", name)
		}
	}
	for name := range diagCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := filepath.Join("testdata", "diags", name)
			data, err := os.ReadFile(base + ".txtar")
			if err != nil {
				t.Fatal(err)
			}
			_, fsys := parseTxtar(data)
			topo, diags := topology.LoadFS(fsys, ".")
			if !diags.HasErrors() {
				t.Errorf("no error diagnostics for a bad input")
			}
			got := render(t, topo, diags)
			if *update {
				if err := os.WriteFile(base+".golden", []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(base + ".golden")
			if err != nil {
				t.Fatalf("%v (run go test ./topology -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("diagnostics differ from %s.golden (-want +got):\n%s", base, diff)
			}
		})
	}
}

// render renders diags as the CLI does, after checking that they are
// sorted and that every file-based one has a subject.
func render(t *testing.T, topo *topology.Topology, diags hcl.Diagnostics) string {
	t.Helper()
	if topo == nil {
		t.Fatal("nil topology")
	}
	sorted := append(hcl.Diagnostics(nil), diags...)
	topology.SortDiagnostics(sorted)
	for i := range diags {
		if diags[i] != sorted[i] {
			t.Error("diagnostics are not sorted")
			break
		}
	}
	for _, d := range diags {
		if d.Subject == nil && d.Summary != "Cannot read topology" {
			t.Errorf("diagnostic %q has no subject", d.Summary)
		}
	}
	var buf bytes.Buffer
	if err := diag.Write(&buf, topo.Files, sorted); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
