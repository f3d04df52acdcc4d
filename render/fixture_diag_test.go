package render

import "github.com/hashicorp/hcl/v2"

// fixtureDiagnostics has an error and a warning located in files, a
// duplicate, an error with no location, and a detail with line breaks and a
// terminal escape sequence (from a hostile rules file).
func fixtureDiagnostics() hcl.Diagnostics {
	at := func(file string, line, col, endCol int) *hcl.Range {
		return &hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: col, Byte: 0},
			End: hcl.Pos{Line: line, Column: endCol, Byte: endCol - col}}
	}
	undeclared := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Undeclared resource",
		Detail:  "A route target refers to nat_gateway.mian, which is not declared. Did you mean nat_gateway.main?",
		Subject: at("net/main.hcl", 12, 14, 30)}
	return hcl.Diagnostics{
		{Severity: hcl.DiagWarning, Summary: "Appliance mode off", Detail: "transit_gateway_attachment.fw has appliance_mode = false.",
			Subject: at("net/transit.hcl", 3, 3, 25)},
		undeclared,
		{Severity: hcl.DiagError, Summary: "Invalid flow value", Detail: "flow:established,to_sever\nhas the unknown option \x1b[31m\"to_sever\"\x1b[0m",
			Subject: at("net/rules.rules", 3, 41, 50)},
		{Severity: hcl.DiagError, Summary: "Cannot read topology", Detail: "Reading net failed: permission denied."},
		undeclared,
	}
}
