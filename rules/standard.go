package rules

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// awsStandardProtocols are the protocols a standard stateful rule may
// name (StatefulRule Header.Protocol), upper case as the API spells them.
var awsStandardProtocols = []string{
	"IP", "TCP", "UDP", "ICMP", "HTTP", "FTP", "TLS", "SMB", "DNS", "DCERPC", "SSH",
	"SMTP", "IMAP", "MSN", "KRB5", "IKEV2", "TFTP", "NTP", "DHCP", "HTTP2", "QUIC",
}

// standardRules turns standard 5-tuple rules into rules: each is written
// as the Suricata rule AWS generates for it and parsed, with diagnostics
// pointing at the HCL attributes and rule_option blocks.
func standardRules(srs []policyspec.StandardRule) ([]*syntax.Rule, hcl.Diagnostics) {
	var (
		out   []*syntax.Rule
		diags hcl.Diagnostics
	)
	for i := range srs {
		r, d := standardRule(&srs[i])
		diags = append(diags, d...)
		if r != nil {
			out = append(out, r)
		}
	}
	return out, diags
}

// standardRule builds and parses one standard rule.
func standardRule(sr *policyspec.StandardRule) (*syntax.Rule, hcl.Diagnostics) {
	g := syntax.NewGenerator(sr.Range.Filename)
	attr := func(name string) *hcl.Range {
		if rng, ok := sr.AttrRanges[name]; ok {
			return &rng
		}
		return sr.Range.Ptr()
	}
	diags := checkStandardFields(sr, attr)
	dir := ""
	switch strings.ToUpper(strings.TrimSpace(sr.Direction)) {
	case "FORWARD":
		dir = "->"
	case "ANY":
		dir = "<>"
	case "": // reported by checkStandardFields
	default:
		diags = append(diags, awsError(*attr("direction"), "Invalid rule direction",
			"%q is not a standard rule direction; expected FORWARD (source to destination) or ANY (both ways).", sr.Direction))
	}
	switch strings.ToUpper(strings.TrimSpace(sr.Action)) {
	case "PASS", "DROP", "REJECT", "ALERT", "":
	default:
		diags = append(diags, awsError(*attr("action"), "Invalid rule action",
			"%q is not a stateful rule action; expected PASS, DROP, REJECT or ALERT.%s", sr.Action,
			valueHint(sr.Action, []string{"PASS", "DROP", "REJECT", "ALERT"})))
	}
	if !validStandardProtocol(sr.Protocol) {
		diags = append(diags, awsError(*attr("protocol"), "Invalid rule protocol",
			"%q is not a protocol of standard rules; expected one of %s.%s", sr.Protocol,
			strings.Join(awsStandardProtocols, ", "), valueHint(sr.Protocol, awsStandardProtocols)))
	}
	if diags.HasErrors() {
		return nil, diags
	}
	g.Field(strings.ToLower(strings.TrimSpace(sr.Action)), attr("action"))
	g.Field(strings.ToLower(strings.TrimSpace(sr.Protocol)), attr("protocol"))
	g.Field(anyLower(sr.Source), attr("source"))
	g.Field(anyLower(sr.SourcePort), attr("source_port"))
	g.Field(dir, attr("direction"))
	g.Field(anyLower(sr.Destination), attr("destination"))
	g.Field(anyLower(sr.DestinationPort), attr("destination_port"))
	g.Text(" (", sr.Range.Ptr())
	for i := range sr.Options {
		if i > 0 {
			g.Text(" ", sr.Range.Ptr())
		}
		g.Text(standardOption(&sr.Options[i]), sr.Options[i].Range.Ptr())
	}
	g.Text(")", sr.Range.Ptr())
	return g.Parse(sr.Range, FormatStandard)
}

// checkStandardFields reports empty header attributes and values that
// hold blanks outside a bracketed list.
func checkStandardFields(sr *policyspec.StandardRule, attr func(string) *hcl.Range) hcl.Diagnostics {
	var diags hcl.Diagnostics
	fields := []struct{ name, value string }{
		{"action", sr.Action}, {"protocol", sr.Protocol}, {"source", sr.Source},
		{"source_port", sr.SourcePort}, {"direction", sr.Direction},
		{"destination", sr.Destination}, {"destination_port", sr.DestinationPort},
	}
	for _, f := range fields {
		v := strings.TrimSpace(f.value)
		switch {
		case v == "":
			diags = append(diags, awsError(*attr(f.name), "Missing "+f.name,
				"A standard rule needs a %s; write ANY to match every value.", f.name))
		case strings.ContainsAny(v, " \t") && !strings.HasPrefix(v, "["):
			diags = append(diags, awsError(*attr(f.name), "Invalid "+f.name,
				"%q holds blanks; give one value, or a list in brackets such as [10.0.0.0/8,192.168.0.0/16].", v))
		}
	}
	return diags
}

// standardOption writes a rule_option as "keyword;" or
// "keyword:setting,setting;".
func standardOption(o *policyspec.StandardOption) string {
	if len(o.Settings) == 0 {
		return strings.TrimSpace(o.Keyword) + ";"
	}
	return strings.TrimSpace(o.Keyword) + ":" + strings.Join(o.Settings, ",") + ";"
}

// anyLower writes the standard rules' ANY as Suricata's any.
func anyLower(v string) string {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "any") {
		return "any"
	}
	return v
}

func validStandardProtocol(p string) bool {
	for _, q := range awsStandardProtocols {
		if strings.EqualFold(strings.TrimSpace(p), q) {
			return true
		}
	}
	return false
}

// actionSynonyms are words of other AWS filters for a stateful action.
// Read-only.
var actionSynonyms = map[string]string{"ALLOW": "PASS", "ACCEPT": "PASS", "DENY": "DROP", "BLOCK": "DROP"}

// valueHint proposes the candidate (upper case) nearest to given: " Did
// you mean X?", or "".
func valueHint(given string, candidates []string) string {
	g := strings.ToUpper(strings.TrimSpace(given))
	best, bestD := "", 3
	if len(g) < 4 {
		bestD = 2
	}
	for _, c := range candidates {
		if d := editDistance(g, c); d < bestD {
			best, bestD = c, d
		}
	}
	if s, ok := actionSynonyms[g]; ok && slices.Contains(candidates, s) {
		best = s
	}
	if best == "" {
		return ""
	}
	return " Did you mean " + best + "?"
}
