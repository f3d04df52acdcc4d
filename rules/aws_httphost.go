package rules

import (
	"bytes"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// checkHTTPHost reports what Suricata 7 (and so AWS Network Firewall)
// refuses in HTTP Host inspections: the Host buffer is normalised to lower
// case, so a content with upper-case letters (written plainly or in hex)
// can never match and "nocase" is redundant; Suricata rejects both. It
// handles the sticky buffer (http.host; content:...) and the legacy
// modifier (content:...; http_host;).
func checkHTTPHost(r *Rule) hcl.Diagnostics {
	var diags hcl.Diagnostics
	inHost := false  // the current sticky buffer is http.host
	var last *Option // the last content
	lastHost, lastNocase := false, (*Option)(nil)
	for i := range r.Options {
		o := &r.Options[i]
		name := strings.ToLower(o.Name)
		switch {
		case name == "content":
			last, lastHost, lastNocase = o, inHost, nil
			if inHost {
				diags = appendIfErr(diags, upperHostContent(o))
			}
		case name == "nocase":
			lastNocase = o
			if last != nil && lastHost {
				diags = append(diags, hostNocase(o))
			}
		case name == "http_host":
			if last != nil && !lastHost {
				lastHost = true
				diags = appendIfErr(diags, upperHostContent(last))
				if lastNocase != nil {
					diags = append(diags, hostNocase(lastNocase))
				}
			}
		case isStickyBuffer(o):
			inHost = name == "http.host"
		}
	}
	return diags
}

// isStickyBuffer reports whether o switches the inspected buffer: a bare
// dotted keyword (http.uri, tls.sni, file.data, ...) or one of the
// underscore forms Suricata keeps.
func isStickyBuffer(o *Option) bool {
	if o.HasValue {
		return false
	}
	name := strings.ToLower(o.Name)
	switch name {
	case "file_data", "pkt_data", "tls_sni", "dns_query", "base64_data":
		return true
	}
	return strings.Contains(name, ".") && !contentModifiers[name]
}

// upperHostContent reports a content with upper-case letters in the Host
// buffer.
func upperHostContent(o *Option) *hcl.Diagnostic {
	pattern, _, err := decodeContent(o.Value)
	if err != nil || bytes.Equal(pattern, bytes.ToLower(pattern)) {
		return nil
	}
	return awsError(o.ValueRange, "Upper case in http.host content",
		"Suricata normalises the HTTP Host to lower case and refuses an http.host content with upper-case letters "+
			"(%s); write it in lower case: %q.", o.Value, strings.ToLower(string(pattern)))
}

// hostNocase reports nocase on a Host content.
func hostNocase(o *Option) *hcl.Diagnostic {
	return awsError(o.Range, "nocase on http.host",
		"Suricata normalises the HTTP Host to lower case and refuses nocase on an http.host content; remove nocase "+
			"and write the content in lower case.")
}

func appendIfErr(diags hcl.Diagnostics, d *hcl.Diagnostic) hcl.Diagnostics {
	if d == nil {
		return diags
	}
	return append(diags, d)
}
