package analyzer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestQueryErrors checks that a query that cannot be asked returns an
// error of the documented type (errors.As / errors.Is), that names the end
// at fault and carries no CLI wording.
func TestQueryErrors(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "egress")
	tests := []struct {
		name     string
		q        Query
		end      End    // 0: not an *EndpointError
		protocol string // set: a *ProtocolError for it
		both     bool   // ErrBothInternet
		text     string // a substring of Error()
	}{
		{name: "unknown source", q: tcp("instance.ap", "instance.app", 443), end: Source,
			text: `source: "instance.ap" is neither an IP address nor a declared resource; did you mean instance.app?`},
		{name: "unknown destination", q: tcp("instance.app", "10.200.0.1", 443), end: Destination,
			text: "destination: 10.200.0.1 is in no subnet"},
		{name: "both internet", q: tcp("8.8.8.8", "1.1.1.1", 443), both: true, text: "both ends are on the internet"},
		{name: "protocol", q: Query{From: "instance.app", To: "8.8.8.8", Protocol: topology.Protocol(47)},
			protocol: topology.Protocol(47).String(), text: "is not supported; use tcp, udp or icmp"},
	}
	compared := 0
	for _, tc := range tests {
		_, err := n.AnalyzePath(tc.q)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if strings.Contains(err.Error(), "--") || !strings.Contains(err.Error(), tc.text) {
			t.Errorf("%s: error %q; want it to contain %q and no flag name", tc.name, err, tc.text)
		}
		var ee *EndpointError
		if got := errors.As(err, &ee); got != (tc.end != 0) || (got && (ee.End != tc.end || ee.Err == nil)) {
			t.Errorf("%s: errors.As(*EndpointError) = %v (%+v); want end %v", tc.name, got, ee, tc.end)
		}
		var pe *ProtocolError
		if got := errors.As(err, &pe); got != (tc.protocol != "") || (got && pe.Protocol != tc.protocol) {
			t.Errorf("%s: errors.As(*ProtocolError) = %v (%+v); want %q", tc.name, got, pe, tc.protocol)
		}
		if errors.Is(err, ErrBothInternet) != tc.both {
			t.Errorf("%s: errors.Is(ErrBothInternet) = %v, want %v", tc.name, !tc.both, tc.both)
		}
		compared++
	}
	if compared != len(tests) {
		t.Errorf("compared %d of %d cases", compared, len(tests))
	}
	if _, err := ParseProtocol("gre"); !errors.As(err, new(*ProtocolError)) || err.Error() != `unknown protocol "gre": use tcp, udp or icmp` {
		t.Errorf("ParseProtocol(gre) = %v; want a *ProtocolError", err)
	}
	if got := queryText(&EndpointError{End: Destination, Err: errors.New("why")}); got != "--to: why" {
		t.Errorf("queryText = %q, want the wording check and matrix show", got)
	}
}

// TestCanceled checks that Matrix and Check stop with the context's error.
func TestCanceled(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "egress")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if m, err := n.Matrix(ctx, MatrixQuery{Port: 443, HasPort: true}); m != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Matrix on a canceled context = %v, %v; want nil, context.Canceled", m, err)
	}
	if rs, err := n.Check(ctx); rs != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Check on a canceled context = %v, %v; want nil, context.Canceled", rs, err)
	}
	if rs, err := n.Check(context.Background()); err != nil || len(rs) == 0 {
		t.Errorf("Check = %d results, %v; want results", len(rs), err)
	}
}
