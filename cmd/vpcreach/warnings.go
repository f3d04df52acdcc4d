package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/lint"
)

// warnFlags holds --no-warn, the pitfall warnings (package lint) that
// validate and check leave out.
type warnFlags struct {
	noWarn []string
}

// add registers --no-warn on cmd.
func (w *warnFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&w.noWarn, "no-warn", nil,
		"leave out the pitfall warning with this code (repeatable; codes: "+codeList()+")")
}

// skip returns the codes to leave out, or an error naming an unknown code.
func (w *warnFlags) skip() ([]lint.Code, error) {
	var out []lint.Code
	for _, s := range w.noWarn {
		c := lint.Code(strings.TrimSpace(s))
		if !lint.Known(c) {
			return nil, fmt.Errorf("--no-warn %q: no such warning code; the codes are %s", s, codeList())
		}
		out = append(out, c)
	}
	return out, nil
}

// addWarnings appends the pitfall warnings of l's network, without the
// codes of skip, to l's diagnostics. A topology with errors gets none.
func addWarnings(l *loaded, skip []lint.Code) {
	if l.net == nil || l.diags.HasErrors() {
		return
	}
	l.diags = append(l.diags, lint.Check(l.net, skip...)...)
}

func codeList() string {
	var s []string
	for _, c := range lint.Codes() {
		s = append(s, string(c))
	}
	return strings.Join(s, ", ")
}
