package rules

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// domainListKind describes a generated_rules_type.
type domainListKind struct {
	action string // rule action of the matching rules
	listed string // word in the rules' msg: "allowlisted", ...
}

// domainListKinds maps the domain list types to their rules. Read only.
var domainListKinds = map[string]domainListKind{
	"ALLOWLIST":  {"pass", "allowlisted"},
	"DENYLIST":   {"drop", "denylisted"},
	"REJECTLIST": {"reject", "rejectlisted"},
	"ALERTLIST":  {"alert", "alertlisted"},
}

// domainListRules generates the rules AWS Network Firewall generates for
// a domain list: for each target and each target type, in written order,
// a rule on tls.sni (at the ClientHello) or http.host, from $HOME_NET to
// $EXTERNAL_NET on any port; for an ALLOWLIST, then one drop rule per
// target type for the remaining traffic of that protocol. Sids are 1..n.
// "name" matches the name exactly, ".name" the name and its subdomains.
// HTTP hosts are matched lower-cased, as Suricata normalises them.
func domainListRules(dl *policyspec.DomainList) ([]*syntax.Rule, hcl.Diagnostics) {
	attr := func(name string) hcl.Range {
		if rng, ok := dl.AttrRanges[name]; ok {
			return rng
		}
		return dl.Range
	}
	kind, diags := checkDomainList(dl, attr)
	if diags.HasErrors() {
		return nil, diags
	}
	var texts []string
	for _, target := range dl.Targets {
		for _, tt := range dl.TargetTypes {
			texts = append(texts, domainRule(kind, tt, strings.TrimSpace(target), len(texts)+1))
		}
	}
	if kind.action == "pass" {
		for _, tt := range dl.TargetTypes {
			texts = append(texts, domainDefaultDrop(tt, len(texts)+1))
		}
	}
	out := make([]*syntax.Rule, 0, len(texts))
	for _, t := range texts {
		g := syntax.NewGenerator(dl.Range.Filename)
		g.Text(t, &dl.Range)
		r, d := g.Parse(dl.Range, FormatDomainList)
		diags = append(diags, d...)
		if r != nil {
			out = append(out, r)
		}
	}
	return out, diags
}

// domainRule writes the rule for one target and target type.
func domainRule(kind domainListKind, targetType, target string, sid int) string {
	proto, buffer, caseless := "tls", "ssl_state:client_hello; tls.sni;", " nocase;"
	if targetType == "HTTP_HOST" {
		proto, buffer, caseless = "http", "http.host;", ""
		target = strings.ToLower(target)
	}
	match := " content:\"" + target + "\"; startswith;" + caseless + " endswith;"
	if strings.HasPrefix(target, ".") {
		match = " dotprefix; content:\"" + target + "\";" + caseless + " endswith;"
	}
	return kind.action + " " + proto + " $HOME_NET any -> $EXTERNAL_NET any (" + buffer + match +
		" msg:\"matching " + strings.ToUpper(proto) + " " + kind.listed + " FQDNs\";" +
		" flow:to_server, established; sid:" + strconv.Itoa(sid) + "; rev:1;)"
}

// domainDefaultDrop writes an allowlist's drop rule for the traffic of one
// target type that matched no listed name.
func domainDefaultDrop(targetType string, sid int) string {
	proto, state := "tls", " ssl_state:client_hello;"
	if targetType == "HTTP_HOST" {
		proto, state = "http", ""
	}
	return "drop " + proto + " $HOME_NET any -> $EXTERNAL_NET any (msg:\"not matching any " +
		strings.ToUpper(proto) + " allowlisted FQDNs\";" + state +
		" flow:to_server, established; sid:" + strconv.Itoa(sid) + "; rev:1;)"
}

// checkDomainList validates the type, target types and targets.
func checkDomainList(dl *policyspec.DomainList, attr func(string) hcl.Range) (domainListKind, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	kind, ok := domainListKinds[dl.Type]
	if !ok {
		diags = append(diags, awsError(attr("type"), "Invalid domain list type",
			"%q is not a domain list type; expected ALLOWLIST, DENYLIST, REJECTLIST or ALERTLIST.", dl.Type))
	}
	if len(dl.TargetTypes) == 0 {
		diags = append(diags, awsError(attr("target_types"), "Missing target types",
			"A domain list needs target_types: TLS_SNI (HTTPS), HTTP_HOST (HTTP) or both."))
	}
	for _, tt := range dl.TargetTypes {
		if tt != "TLS_SNI" && tt != "HTTP_HOST" {
			diags = append(diags, awsError(attr("target_types"), "Invalid target type",
				"%q is not a domain list target type; expected TLS_SNI or HTTP_HOST.", tt))
		}
	}
	if len(dl.Targets) == 0 {
		diags = append(diags, awsError(attr("targets"), "Missing targets",
			"A domain list needs targets: names such as www.example.com, or .example.com for a domain and its subdomains."))
	}
	for _, t := range dl.Targets {
		if why := badDomain(strings.TrimSpace(t)); why != "" {
			diags = append(diags, awsError(attr("targets"), "Invalid domain list target",
				"%q is not a valid target: %s. Write a name such as www.example.com, or .example.com for a domain and its subdomains.", t, why))
		}
	}
	return kind, diags
}

// badDomain says what is wrong with a target, or returns "".
func badDomain(t string) string {
	name := strings.TrimPrefix(t, ".")
	switch {
	case name == "":
		return "it holds no name"
	case strings.Contains(name, ".."), strings.HasPrefix(name, "."), strings.HasSuffix(name, "."):
		return "it has an empty label"
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '-' || c == '_' || c == '.' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			continue
		}
		if c == '*' {
			return "wildcards are written as a leading dot, not '*'"
		}
		return "it contains " + strconv.QuoteRune(rune(c))
	}
	return ""
}
