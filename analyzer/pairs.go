package analyzer

import "net/netip"

// PairEndpoint is one endpoint a matrix (or a diff) asks about: its
// display name ("subnet.app_a", "instance.web" or "internet") and the
// endpoint string AnalyzePath resolves for it.
type PairEndpoint struct {
	Name string
	Spec string
}

// PairEndpoints returns the endpoints Matrix uses for by: the sources
// (endpoints that can originate traffic) and the destinations (every
// subnet or instance sorted by address, then the internet at its
// representative address).
func (n *Network) PairEndpoints(by MatrixBy) (sources, destinations []PairEndpoint) {
	eps := n.matrixEndpoints(by)
	return pairEndpoints(n.matrixSources(eps)), pairEndpoints(eps)
}

func pairEndpoints(eps []matrixEndpoint) []PairEndpoint {
	out := make([]PairEndpoint, len(eps))
	for i, e := range eps {
		out[i] = PairEndpoint{Name: e.name, Spec: e.spec}
	}
	return out
}

// InternetAddr returns the representative internet address: the one
// public address that stands for the internet in queries and matrices.
func (n *Network) InternetAddr() netip.Addr { return n.internet }

// DecidedBy names what decided the answer when it is not REACHABLE, as
// matrix cells and check results show it ("CODE at component"): its first
// blocking finding, or the finding that makes it ambiguous. It is "" for
// a reachable answer.
func (a *Answer) DecidedBy() string {
	return decider(a.Verdict, a.Explanations, a.AdditionalDetails)
}
