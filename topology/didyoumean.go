package topology

import (
	"strings"

	"github.com/agext/levenshtein"
)

// suggest returns the candidate nearest to given (edit distance below 3,
// or a case-insensitive match), or "". Ties go to the earlier candidate.
func suggest(given string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if strings.EqualFold(c, given) {
			return c
		}
		if d := levenshtein.Distance(given, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// didYouMean returns " Did you mean ADDR?" for the nearest candidate
// address, or "".
func didYouMean(given string, candidates []string) string {
	if s := suggest(given, candidates); s != "" {
		return " Did you mean " + s + "?"
	}
	return ""
}
