package analyzer

import "testing"

// TestNearestEndpoint: typed addresses are compared whole, bare names with
// the NAME part, and nothing far is suggested.
func TestNearestEndpoint(t *testing.T) {
	t.Parallel()
	names := []string{"instance.web_a", "instance.web_b", "nat_gateway.nat_a", "subnet.app_a"}
	cases := map[string]string{
		"web_a":          "instance.web_a",
		"wbe_a":          "instance.web_a",
		"nat_a":          "nat_gateway.nat_a",
		"instance.web_c": "instance.web_a",
		"subnet.app_b":   "subnet.app_a",
		"database":       "",
		"vpc.web_a":      "",
	}
	for spec, want := range cases {
		if got := nearestEndpoint(spec, names); got != want {
			t.Errorf("%q: got %q, want %q", spec, got, want)
		}
	}
	if len(cases) != 7 {
		t.Fatalf("%d cases", len(cases))
	}
}
