package importer

import (
	"regexp"
	"testing"
)

func TestBaseName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ  string
		o    Origin
		want string
	}{
		{"subnet", Origin{Name: "App A", AWSID: "subnet-1"}, "app_a"},
		{"subnet", Origin{Name: "  --weird--  ", AWSID: "subnet-1"}, "weird"},
		{"subnet", Origin{Name: "db/primary (eu)", AWSID: "subnet-1"}, "db_primary_eu"},
		{"vpc", Origin{Name: "10-net", AWSID: "vpc-1"}, "vpc_10-net"},
		{"vpc", Origin{Name: "ünï", AWSID: "vpc-1"}, "n"},
		{"vpc", Origin{Name: "!!!", AWSID: "vpc-0abc"}, "vpc-0abc"},
		{"instance", Origin{TFAddress: `module.spoke["a"].aws_instance.web[0]`}, "spoke_a_web_0"},
		{"instance", Origin{TFAddress: `module.a["x.y"].module.b.aws_instance.c["k"]`}, "a_x_y_b_c_k"},
		{"instance", Origin{Name: "web", TFAddress: "aws_instance.app"}, "web"},
		{"route_table", Origin{}, "route_table"},
		{"subnet", Origin{Name: string(make([]byte, 200)) + "x"}, "x"},
	}
	valid := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
	for _, tt := range tests {
		got := baseName(tt.typ, &tt.o)
		if got != tt.want {
			t.Errorf("baseName(%s, %+v) = %q, want %q", tt.typ, tt.o, got, tt.want)
		}
		if !valid.MatchString(got) || len(got) > maxName+len(tt.typ)+1 {
			t.Errorf("baseName(%s, %+v) = %q is not a valid name", tt.typ, tt.o, got)
		}
	}
}

// TestNamesUnique checks that clashing names get _2, _3 in key order,
// also when a Name tag already ends in _2.
func TestNamesUnique(t *testing.T) {
	t.Parallel()
	os := []*Origin{{AWSID: "i-3", Name: "web"}, {AWSID: "i-1", Name: "web"}, {AWSID: "i-2", Name: "web_2"}, {AWSID: "i-4", Name: "Web"}}
	n := nameAll(map[string][]*Origin{"instance": os})
	want := map[string]string{"i-1": "web", "i-2": "web_2", "i-3": "web_3", "i-4": "web_4"}
	for k, w := range want {
		if got := n.name(k); got != w {
			t.Errorf("%s is named %q, want %q", k, got, w)
		}
	}
}
