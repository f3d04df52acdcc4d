package rules

import "testing"

// TestClasstypePriority checks the table against Suricata 7.0.10's
// classification.config, including entries written with a space before
// the priority, and that every line of the config made an entry.
func TestClasstypePriority(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		want int
		ok   bool
	}{
		{"trojan-activity", 1, true}, {" bad-unknown ", 2, true}, {"not-suspicious", 3, true},
		{"tcp-connection", 4, true}, {"command-and-control", 1, true}, {"no-such-class", 0, false},
	} {
		if got, ok := classtypePriority(c.name); got != c.want || ok != c.ok {
			t.Errorf("classtypePriority(%q) = %d, %v; want %d, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	if n := len(classtypePriorities); n != 43 {
		t.Errorf("%d classtypes, want the 43 of classification.config", n)
	}
}
