// Package lint finds the known pitfalls of AWS Network Firewall
// configurations in a compiled topology: mistakes that load without error
// but make a firewall do something other than what its author meant. Each
// finding is an hcl.Diagnostic warning located at the rule or block at
// fault, whose summary ends with the warning's code in parentheses, whose
// detail gives a suggested fix and the AWS documentation it rests on, and
// whose Extra is a Finding carrying the code.
//
// Every check answers only what it can decide exactly from the model; a
// check that cannot decide stays silent (lint never guesses a warning).
// One file per check; Check runs them all.
package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
)

// Code is the stable name of a warning, such as "header_drop_before_app_pass".
// Codes are what --no-warn takes; docs/cli.md documents each.
type Code string

// The warning codes, one per check.
const (
	HeaderDropBeforeAppPass Code = "header_drop_before_app_pass"
	ContentWildcard         Code = "content_wildcard"
	ApplianceModeOff        Code = "appliance_mode_off"
	HomeNetUncovered        Code = "home_net_uncovered"
	DropStrictNoHandshake   Code = "drop_strict_no_handshake"
	ShadowedRule            Code = "shadowed_rule"
)

// Codes returns every warning code, sorted.
func Codes() []Code {
	c := []Code{HeaderDropBeforeAppPass, ContentWildcard, ApplianceModeOff, HomeNetUncovered, DropStrictNoHandshake, ShadowedRule}
	slices.Sort(c)
	return c
}

// Known reports whether c is a warning code.
func Known(c Code) bool { return slices.Contains(Codes(), c) }

// Finding is the Extra of every lint diagnostic.
type Finding struct {
	Code Code
}

// DiagnosticCode returns the code; SARIF output uses it as the rule id
// ("lint/CODE").
func (f Finding) DiagnosticCode() string { return string(f.Code) }

// CodeOf returns the code of a lint diagnostic, and false for any other
// diagnostic.
func CodeOf(d *hcl.Diagnostic) (Code, bool) {
	f, ok := d.Extra.(Finding)
	return f.Code, ok
}

// Check runs every check on net and returns the warnings, in check order,
// without duplicates (a policy shared by several firewalls is compiled once
// per firewall but reported once), leaving out those whose code is in skip.
func Check(net *analyzer.Network, skip ...Code) hcl.Diagnostics {
	checks := []struct {
		code Code
		run  func(*analyzer.Network) hcl.Diagnostics
	}{
		{HeaderDropBeforeAppPass, checkHeaderDrop},
		{ContentWildcard, checkContentWildcard},
		{ApplianceModeOff, checkApplianceMode},
		{HomeNetUncovered, checkHomeNet},
		{DropStrictNoHandshake, checkDropStrict},
		{ShadowedRule, checkShadowed},
	}
	var out hcl.Diagnostics
	seen := map[string]bool{}
	for _, c := range checks {
		if slices.Contains(skip, c.code) {
			continue
		}
		for _, d := range c.run(net) {
			key := d.Summary + "\x00" + d.Subject.String()
			if !seen[key] {
				seen[key] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// warning builds a lint diagnostic: summary gets the code appended, detail
// the fix and the AWS source.
func warning(code Code, subject hcl.Range, summary, detail, fix, source string) *hcl.Diagnostic {
	var b strings.Builder
	b.WriteString(detail)
	fmt.Fprintf(&b, "\n\nFix: %s\nAWS: %s\nSilence with --no-warn %s.", fix, source, code)
	s := subject
	return &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  fmt.Sprintf("%s (%s)", summary, code),
		Detail:   b.String(),
		Subject:  &s,
		Extra:    Finding{Code: code},
	}
}
