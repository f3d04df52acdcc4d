package syntax

// ruleAlloc hands out Rules and Options from shared chunks, so that
// parsing a large text makes few, large allocations. Chunks grow from the
// size of the first request up to a cap; a chunk stays alive while any of
// its rules does. A ruleAlloc is used by one parse at a time.
type ruleAlloc struct {
	rules     []Rule
	opts      []Option
	ruleChunk int
	optChunk  int
}

const (
	maxRuleChunk   = 256
	maxOptionChunk = 1024
)

// rule returns a zeroed Rule.
func (a *ruleAlloc) rule() *Rule {
	if len(a.rules) == 0 {
		a.ruleChunk = min(max(2*a.ruleChunk, 1), maxRuleChunk)
		a.rules = make([]Rule, a.ruleChunk)
	}
	r := &a.rules[0]
	a.rules = a.rules[1:]
	return r
}

// options returns an empty slice with room for n options; appending past
// n reallocates, so chunks are never shared between rules.
func (a *ruleAlloc) options(n int) []Option {
	if n > len(a.opts) {
		a.optChunk = min(max(2*a.optChunk, n), maxOptionChunk)
		a.opts = make([]Option, max(a.optChunk, n))
	}
	o := a.opts[:0:n]
	a.opts = a.opts[n:]
	return o
}
