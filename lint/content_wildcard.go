package lint

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/rules"
)

// checkContentWildcard finds content options whose value looks like a
// domain pattern with a '*' (content:"*.example.com";): content matches
// its bytes literally, so the '*' matches only a '*' and the rule never
// matches the names it was written for. Only rules written as Suricata
// text are looked at (AWS generates the others).
func checkContentWildcard(net *analyzer.Network) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, fw := range net.Topology().Firewalls {
		p := net.FirewallPolicy(fw)
		if p == nil {
			continue
		}
		for _, r := range p.Rules() {
			if r.Format != rules.FormatSuricata {
				continue
			}
			for _, o := range r.Options {
				if strings.EqualFold(o.Name, "content") && globDomain(o.Unquote()) {
					out = append(out, contentWildcardWarning(r, o))
				}
			}
		}
	}
	return out
}

// globDomain reports whether v is made only of letters, digits, '.', '-'
// and '*', with at least one '*' and one '.': a domain name pattern.
func globDomain(v string) bool {
	if !strings.Contains(v, "*") || !strings.Contains(v, ".") {
		return false
	}
	for _, c := range v {
		ok := c == '.' || c == '-' || c == '*' || c == '_' ||
			('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
		if !ok {
			return false
		}
	}
	return true
}

func contentWildcardWarning(r *rules.Rule, o rules.Option) *hcl.Diagnostic {
	return warning(ContentWildcard, o.Range,
		fmt.Sprintf("content %q of rule %s contains '*', which content matches literally", o.Unquote(), ruleName(r)),
		"Suricata's content keyword compares bytes: a '*' matches the character '*' and nothing else, so "+
			"a server name such as \"www.example.com\" does not match \"*.example.com\".",
		"for a domain and its subdomains write content:\".example.com\"; dotprefix; endswith; (or use a "+
			"domain_list with the target \".example.com\"); for a real pattern use pcre",
		srcContent)
}
