package rules

import (
	"math/rand"
	"testing"
)

// TestMatchAnchoredAgreesWithMatchItems checks the allocation-free path
// against the general matcher on random values and anchored content
// inspections (exact, suffix, dotprefix, nocase, lower-casing, non-ASCII
// values and patterns, patterns longer than the value).
func TestMatchAnchoredAgreesWithMatchItems(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(3))
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	fast := 0
	for i := 0; i < 20000; i++ {
		v := pick("", "a", "example.com", "www.Example.COM", "api.example.com", ".example.com",
			"EXAMPLE.com", "xexample.com", "exämple.com", "k", "K", "bad.test", "sub.bad.test")
		pat := pick("example.com", ".example.com", "Example.com", "com", "m", "", "bad.test", ".bad.test",
			"exämple.com", "k", "www.example.com.longer")
		if pat == "" {
			continue // content:""; is a parse error
		}
		c := &contentCond{pattern: []byte(pat), offset: -1, depth: -1,
			nocase: rng.Intn(2) == 0, startswith: rng.Intn(3) == 0, endswith: rng.Intn(4) != 0}
		switch rng.Intn(12) {
		case 0:
			c.negated = true
		case 1:
			c.offset = rng.Intn(3)
		case 2:
			c.depth = rng.Intn(12)
		}
		b := &bufferCond{kind: bufSNI, dotprefix: rng.Intn(2) == 0, lower: rng.Intn(3) == 0,
			items: []bufItem{{kind: itemContent, content: c}}}
		want := b.matchBuffer(v)
		got, ok := b.matchAnchored(v)
		if !ok {
			continue
		}
		fast++
		if got != want {
			t.Fatalf("value %q, pattern %q, cond %+v, dotprefix %v, lower %v: anchored %v, general %v",
				v, pat, *c, b.dotprefix, b.lower, got, want)
		}
	}
	if fast < 5000 {
		t.Errorf("only %d cases took the anchored path", fast)
	}
}
