package syntax

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Generator builds the text of a generated rule (the Suricata rule AWS
// writes for a standard rule or a domain list) with its source map: every
// piece of text maps to the HCL range it was generated from, so that
// diagnostics point at the attribute or block at fault.
type Generator struct {
	b strings.Builder
	m srcMap
}

// NewGenerator returns an empty Generator for a rule from filename.
func NewGenerator(filename string) *Generator {
	return &Generator{m: srcMap{filename: filename}}
}

// Field appends a header field (space-separated from the previous one).
func (g *Generator) Field(s string, rng *hcl.Range) {
	if g.b.Len() > 0 {
		g.Text(" ", rng)
	}
	g.Text(s, rng)
}

// Text appends s, mapping it to rng.
func (g *Generator) Text(s string, rng *hcl.Range) {
	g.m.addFixed(g.b.Len(), s, rng)
	g.b.WriteString(s)
}

// Parse parses the generated rule (syntax and option values, as ParseRule
// does) and gives it range rng and format f. It returns nil when the rule
// has errors.
func (g *Generator) Parse(rng hcl.Range, f Format) (*Rule, hcl.Diagnostics) {
	lr := logicalRule{text: g.b.String(), m: g.m}
	r, diags := parseLogical(&lr, &ruleAlloc{})
	if r != nil {
		r.Range, r.Format = rng, f
	}
	return r, diags
}
