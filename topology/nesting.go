package topology

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// MaxNesting is the deepest nesting checkNesting accepts in a topology
// file. HCL's parser, its evaluator and its walkers recurse once per level
// (a bracket, a quoted string or template inside an interpolation, a
// template if/for, an operator of a chain), so a deeper file could exhaust
// the Go stack, which is not recoverable. Real topologies nest a few
// levels.
const MaxNesting = 256

// checkNesting reports the first place where src (a topology file shown
// as name) nests deeper than MaxNesting, or returns nil. It runs on the
// lexer's tokens (linear, no recursion) before the parser sees the file.
//
// The depth at a token is the number of open brackets, braces,
// parentheses, quotes, heredocs and template sequences, plus open
// template if/for directives, plus the operators (binary, unary, ?) met
// so far in each open expression: an operator chain "1+1+...+1" or
// "!!...!x" or "a ? b : c ? ..." is a recursion of that depth too. An
// expression ends at a comma, at its closing bracket, or at a new line
// when it is an attribute (directly in a block or object body).
func checkNesting(src []byte, name string) *hcl.Diagnostic {
	toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	n := nestingScan{}
	for i, t := range toks {
		if n.step(toks, i) > MaxNesting {
			return &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Nesting too deep",
				Detail: fmt.Sprintf("The expression nests more than %d levels deep here (brackets, strings, templates and operator chains count); "+
					"write it flatter, for example with local values.", MaxNesting),
				Subject: t.Range.Ptr(),
			}
		}
	}
	return nil
}

// nestingScan is the state of checkNesting: one operator count per open
// level (ops[0] is the file's top level), the open directives, and the
// sum of everything, which is the depth.
type nestingScan struct {
	ops        []int
	brace      []bool // whether each open level is a brace (a body)
	directives int
	opSum      int
}

// step accounts for toks[i] and returns the depth after it.
func (n *nestingScan) step(toks hclsyntax.Tokens, i int) int {
	if n.ops == nil {
		n.ops, n.brace = []int{0}, []bool{true}
	}
	switch t := toks[i].Type; t {
	case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote,
		hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
		n.ops = append(n.ops, 0)
		n.brace = append(n.brace, t == hclsyntax.TokenOBrace)
		if t == hclsyntax.TokenTemplateControl {
			n.directive(toks, i)
		}
	case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
		hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
		if len(n.ops) > 1 {
			n.opSum -= n.ops[len(n.ops)-1]
			n.ops, n.brace = n.ops[:len(n.ops)-1], n.brace[:len(n.brace)-1]
		}
	case hclsyntax.TokenComma:
		n.endExpr()
	case hclsyntax.TokenNewline:
		if n.brace[len(n.brace)-1] {
			n.endExpr()
		}
	case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
		hclsyntax.TokenPercent, hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan,
		hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq,
		hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenBang, hclsyntax.TokenQuestion:
		n.ops[len(n.ops)-1]++
		n.opSum++
	}
	return len(n.ops) - 1 + n.directives + n.opSum
}

// endExpr ends the expression of the innermost level.
func (n *nestingScan) endExpr() {
	n.opSum -= n.ops[len(n.ops)-1]
	n.ops[len(n.ops)-1] = 0
}

// directive counts a template if/for (toks[i] is its "%{") as one level
// until its endif/endfor.
func (n *nestingScan) directive(toks hclsyntax.Tokens, i int) {
	j := i + 1
	if j < len(toks) && toks[j].Type == hclsyntax.TokenBitwiseNot { // "%{~"
		j++
	}
	if j >= len(toks) || toks[j].Type != hclsyntax.TokenIdent {
		return
	}
	switch string(toks[j].Bytes) {
	case "if", "for":
		n.directives++
	case "endif", "endfor":
		if n.directives > 0 {
			n.directives--
		}
	}
}
