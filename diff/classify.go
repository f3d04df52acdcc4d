package diff

import (
	"slices"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// effective is the verdict a side counts as: NOT_APPLICABLE (no such
// pair, or one the engine refuses) lets nothing through.
func effective(v analyzer.Verdict) analyzer.Verdict {
	if v == analyzer.NotApplicable {
		return analyzer.NotReachable
	}
	return v
}

// classify returns the kind of change from before to after and a detail
// in words, or ok false when the answer did not change in a way diff
// reports: a verdict change first; for traffic that stays reachable or
// ambiguous, a change of inspection, then of decider, then of path; for
// traffic that stays blocked, a change of decider only (a blocked flow's
// path is of no consequence, and a pair absent on one side and blocked on
// the other is no change).
func classify(b, a Side) (Kind, string, bool) {
	vb, va := effective(b.Verdict), effective(a.Verdict)
	if vb != va {
		switch va {
		case analyzer.Reachable:
			return NewlyAllowed, string(b.Verdict) + " before, REACHABLE after", true
		case analyzer.Ambiguous:
			return NewlyAmbiguous, string(b.Verdict) + " before, AMBIGUOUS after", true
		}
		return NewlyBlocked, string(b.Verdict) + " before, " + string(a.Verdict) + " after", true
	}
	if vb == analyzer.NotReachable {
		if b.Verdict == analyzer.NotReachable && a.Verdict == analyzer.NotReachable && b.DecidedBy != a.DecidedBy {
			return DeciderChanged, "still NOT_REACHABLE, decided by something else", true
		}
		return "", "", false
	}
	if k, d, ok := inspection(b, a); ok {
		return k, d, true
	}
	if b.DecidedBy != a.DecidedBy {
		return DeciderChanged, "still " + string(va) + ", decided by something else", true
	}
	if b.Path != a.Path {
		return PathChanged, "still " + string(va) + ", through other components", true
	}
	return "", "", false
}

// inspection compares the firewalls crossed on each side.
func inspection(b, a Side) (Kind, string, bool) {
	fb, fa := firewallNames(b.Firewalls), firewallNames(a.Firewalls)
	switch {
	case len(fb) > 0 && len(fa) == 0:
		return NowUninspected, "still " + string(a.Verdict) + ", inspected by " + strings.Join(fb, ", ") +
			" before, by no firewall after", true
	case !slices.Equal(fb, fa):
		return FirewallChanged, "still " + string(a.Verdict) + ", inspected by " + orNone(fb) +
			" before, by " + orNone(fa) + " after", true
	case !slices.Equal(b.Firewalls, a.Firewalls):
		return FirewallChanged, "still " + string(a.Verdict) + ", inspected by the same firewalls at other endpoints", true
	}
	return "", "", false
}

// firewallNames returns the firewalls of "FIREWALL at ENDPOINT (AZ)"
// entries, sorted, each once.
func firewallNames(fws []string) []string {
	var out []string
	for _, f := range fws {
		name, _, _ := strings.Cut(f, " at ")
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "no firewall"
	}
	return strings.Join(s, ", ")
}
