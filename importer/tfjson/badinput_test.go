package tfjson_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/importer/tfjson"
)

// TestBadInput checks located errors for input that is not usable
// Terraform JSON, and for values that do not parse.
func TestBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, summary, at string
	}{
		{"truncated", "{\"format_version\": \"1.0\",\n \"values\": {", "Truncated JSON", "t.json:2:12"},
		{"HCL", "resource \"aws_vpc\" \"a\" {}\n", "Invalid JSON", "t.json:1:1"},
		{"AWS CLI output", `{"Vpcs": []}`, "Not Terraform JSON", "t.json:1:1"},
		{"wrong type", `{"format_version": "1.0", "values": {"root_module": {"resources": 5}}}`, "Unexpected JSON value", "t.json:1:67"},
		{"bad CIDR", "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [\n  {\"address\": \"aws_vpc.a\", \"mode\": \"managed\", \"type\": \"aws_vpc\", \"name\": \"a\", \"values\": {\"cidr_block\": \"10.0.0.1/16\"}}]}}}",
			"Invalid CIDR", "t.json:2:15"},
	}
	compared := 0
	for _, tt := range tests {
		res := tfjson.Read(fstest.MapFS{"t.json": &fstest.MapFile{Data: []byte(tt.data)}}, "t.json", tfjson.StateAfter)
		if !res.Diags.HasErrors() {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		d := res.Diags[0]
		at := ""
		if d.Subject != nil {
			at = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		if d.Summary != tt.summary || at != tt.at {
			t.Errorf("%s: %s at %q (%s), want %s at %q", tt.name, d.Summary, at, d.Detail, tt.summary, tt.at)
		}
		compared++
	}
	if compared != len(tests) {
		t.Fatalf("checked %d of %d cases", compared, len(tests))
	}
}

// FuzzRead feeds arbitrary bytes as Terraform JSON: Read must not panic.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "aws_vpc.a", "mode": "managed", "type": "aws_vpc", "name": "a", "values": {"cidr_block": "10.0.0.0/16"}}]}}}`))
	f.Add([]byte(`{"format_version": "1.2", "planned_values": {"root_module": {}}, "configuration": {"root_module": {"module_calls": {"m": {"expressions": {"x": {"references": ["var.x"]}}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res := tfjson.Read(fstest.MapFS{"t.json": &fstest.MapFile{Data: data}}, "t.json", tfjson.StateAfter)
		if !res.Diags.HasErrors() {
			_ = res.Model.Resolve()
		}
	})
}
