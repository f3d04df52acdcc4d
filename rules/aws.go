package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// unsupportedKeywords maps the option keywords AWS Network Firewall
// refuses to the reason given in its "Suricata features not supported"
// list. Read only.
var unsupportedKeywords = map[string]string{
	"dataset":          "datasets",
	"datarep":          "datasets (datarep)",
	"iprep":            "IP reputation (iprep)",
	"lua":              "Lua scripting",
	"luajit":           "Lua scripting",
	"filestore":        "file extraction keywords",
	"filemagic":        "file extraction keywords",
	"file.magic":       "file extraction keywords",
	"filename":         "file extraction keywords",
	"file.name":        "file extraction keywords",
	"fileext":          "file extraction keywords",
	"filemd5":          "file extraction keywords",
	"filesha1":         "file extraction keywords",
	"filesha256":       "file extraction keywords",
	"filesize":         "file extraction keywords",
	"cip_service":      "ENIP/CIP keywords",
	"enip_command":     "ENIP/CIP keywords",
	"ftpdata_command":  "FTP-data detection",
	"threshold":        "thresholding",
	"detection_filter": "thresholding (detection_filter)",
	"hostbits":         "hostbits, which track per host (IP address)",
}

// unsupportedProtocols maps the rule protocols AWS Network Firewall
// refuses to the reason. Read only.
var unsupportedProtocols = map[string]string{
	"sctp":     "SCTP",
	"ike":      "IKEv2",
	"ikev2":    "IKEv2",
	"enip":     "ENIP/CIP",
	"ftp-data": "FTP-data detection",
}

// checkAWS reports what AWS Network Firewall refuses in a parsed rule:
// unknown option keywords, unsupported keywords and protocols, xbits
// tracking by IP, tag by host, and (as a warning, since the engine then
// ignores it) priority in a STRICT_ORDER group. It also warns about pcre
// without content or a domain sticky buffer, which AWS documents as
// unsupported. ParseRule does not make these checks.
func checkAWS(r *Rule, ruleOrder policyspec.RuleOrder) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if why, bad := unsupportedProtocols[r.Protocol]; bad {
		diags = append(diags, awsError(r.ProtocolRange, "Unsupported rule protocol",
			"AWS Network Firewall does not support %s rules; it refuses the protocol %q.", why, r.Protocol))
	}
	for i := range r.Options {
		if d := checkOption(&r.Options[i], ruleOrder); d != nil {
			diags = append(diags, d)
		}
	}
	if d := checkPCRE(r); d != nil {
		diags = append(diags, d)
	}
	return append(diags, checkHTTPHost(r)...)
}

// checkOption checks one option.
func checkOption(o *Option, ruleOrder policyspec.RuleOrder) *hcl.Diagnostic {
	name := o.Name
	if why, bad := unsupportedKeywords[name]; bad {
		return awsError(o.Range, "Unsupported rule option",
			"AWS Network Firewall does not support %s; remove %s from the rule.", why, name)
	}
	switch {
	case strings.HasPrefix(name, "ike."):
		return awsError(o.Range, "Unsupported rule option",
			"AWS Network Firewall does not support IKEv2 keywords; remove %s from the rule.", name)
	case name == "xbits" && tracksIP(o.Value):
		return awsError(o.Range, "Unsupported rule option",
			"AWS Network Firewall does not support xbits that track by IP (track ip_src, ip_dst or ip_pair): %q.", syntax.Clip(o.Value))
	case name == "tag" && strings.HasPrefix(strings.TrimSpace(strings.ToLower(o.Value)), "host"):
		return awsError(o.Range, "Unsupported rule option",
			"AWS Network Firewall does not support tag:host; tag by session instead (tag:session,...).")
	case name == "priority" && ruleOrder == policyspec.StrictOrder:
		return &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Priority in strict order group",
			Detail:   "AWS Network Firewall refuses the priority keyword in STRICT_ORDER rule groups; rules there run in written order, so the analysis ignores it. Remove it.",
			Subject:  o.Range.Ptr(),
		}
	case !knownKeywords[name]:
		return awsError(o.Range, "Unknown rule option",
			"%q is not a Suricata 7 rule keyword known to AWS Network Firewall.%s", name, keywordHint(name))
	}
	return nil
}

// tracksIP reports whether an xbits value tracks by IP address.
func tracksIP(v string) bool {
	for _, part := range strings.Split(v, ",") {
		f := strings.Fields(part)
		if len(f) == 2 && f[0] == "track" && strings.HasPrefix(f[1], "ip_") {
			return true
		}
	}
	return false
}

// checkPCRE warns about pcre in a rule without content and without a
// tls.sni, http.host or dns.query buffer.
func checkPCRE(r *Rule) *hcl.Diagnostic {
	var pcre *Option
	for i := range r.Options {
		switch r.Options[i].Name {
		case "content", "tls.sni", "tls_sni", "http.host", "http_host", "dns.query", "dns_query":
			return nil
		case "pcre":
			if pcre == nil {
				pcre = &r.Options[i]
			}
		}
	}
	if pcre == nil {
		return nil
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "pcre without content",
		Detail:   "AWS Network Firewall supports pcre only together with content, tls.sni, http.host or dns.query; it may refuse this rule.",
		Subject:  pcre.Range.Ptr(),
	}
}

// keywordHint proposes the nearest known keyword.
func keywordHint(name string) string {
	best, bestD := "", 3
	for _, k := range sortedKeywords() {
		if d := editDistance(name, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return " Did you mean " + best + "?"
}

// sortedKeywords returns the known keywords in order (for deterministic
// suggestions).
func sortedKeywords() []string {
	out := make([]string, 0, len(knownKeywords))
	for k := range knownKeywords {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func awsError(rng hcl.Range, summary, format string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  &rng,
	}
}
