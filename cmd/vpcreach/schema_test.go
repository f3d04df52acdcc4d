package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vpcreach/vpcreach/render"
)

// TestCLIJSONValidates runs the JSON outputs that no golden holds (the
// matrix in each form, address ranges, every port) on the examples and
// validates each against the JSON Schema, counting them.
func TestCLIJSONValidates(t *testing.T) {
	t.Parallel()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render.JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(render.SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(render.SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	examples := []struct{ dir, from, cidr string }{
		{"centralized-inspection", "instance.app", "10.2.0.0/16"},
		{"egress-inspection", "instance.web_a", "93.184.216.0/24"},
		{"ingress-inspection", "203.0.113.50", "10.0.0.0/8"},
		{"nacl-ephemeral", "instance.worker", "0.0.0.0/0"},
	}
	validated := 0
	for _, ex := range examples {
		dir := examplesDir + "/" + ex.dir
		for _, q := range []struct {
			args []string
			has  string // a field the output must have
		}{
			{[]string{"analyze", "matrix"}, `"reachable_ports"`},
			{[]string{"analyze", "matrix", "--port", "443", "--by", "instance"}, `"destination_port": 443`},
			{[]string{"analyze", "matrix", "--protocol", "icmp"}, `"cells"`},
			{[]string{"analyze", "path", "--from", ex.from, "--to", ex.cidr}, `"address_ranges"`},
			{[]string{"analyze", "path", "--from", ex.from, "--to", ex.cidr, "--port", "443"}, `"address_ranges"`},
		} {
			args := append(q.args, "-t", dir, "--format", "json")
			var out, errb bytes.Buffer
			if code := newCLI(&out, &errb).run(args); code != exitOK {
				t.Errorf("vpcreach %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
				continue
			}
			if !strings.Contains(out.String(), q.has) {
				t.Errorf("vpcreach %s: no %s in the output", strings.Join(args, " "), q.has)
			}
			v, err := jsonschema.UnmarshalJSON(&out)
			if err != nil {
				t.Fatalf("vpcreach %s: %v", strings.Join(args, " "), err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("vpcreach %s: does not validate: %v", strings.Join(args, " "), err)
				continue
			}
			validated++
		}
	}
	if want := 5 * len(examples); validated != want {
		t.Errorf("validated %d outputs, want %d", validated, want)
	}
}
