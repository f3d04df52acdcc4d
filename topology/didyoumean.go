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
