package analyzer

import (
	"errors"
	"testing"
)

// TestQueryApp: an application protocol is taken in any case and through
// its aliases; an unknown one is an *AppError with the nearest name, never
// a query about a protocol no rule matches.
func TestQueryApp(t *testing.T) {
	t.Parallel()
	cases := []struct {
		app, want, suggestion string
	}{
		{"", "", ""},
		{"tls", "tls", ""},
		{"TLS", "tls", ""},
		{"ssl", "tls", ""},
		{"none", "raw", ""},
		{"raw", "raw", ""},
		{"ikev2", "ike", ""},
		{"http1", "http1", ""},
		{"tlss", "", "tls"},
		{"gopher", "", ""},
	}
	for _, c := range cases {
		q, err := Query{From: "a", To: "b", App: c.app}.normalize()
		var ae *AppError
		switch {
		case c.want == "" && c.app != "":
			if !errors.As(err, &ae) || ae.Suggestion != c.suggestion {
				t.Errorf("%q: %v, want an AppError suggesting %q", c.app, err, c.suggestion)
			}
		case err != nil || q.App != c.want:
			t.Errorf("%q: %q, %v; want %q", c.app, q.App, err, c.want)
		}
	}
	if len(cases) != 10 {
		t.Fatal("cases lost")
	}
}
