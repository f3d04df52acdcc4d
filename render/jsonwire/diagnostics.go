package jsonwire

// ValidateReport is the output of `validate --format json`: whether the
// topology loads, and every diagnostic (errors and warnings) of loading it.
type ValidateReport struct {
	SchemaVersion int `json:"schema_version"`
	// Valid is true when there is no error (warnings may remain).
	Valid       bool          `json:"valid"`
	Diagnostics []*Diagnostic `json:"diagnostics"`
}

// Diagnostic is one problem found loading a topology or its rules.
type Diagnostic struct {
	// Severity is "error" or "warning".
	Severity string `json:"severity"`
	// Summary is short ("Reference to undeclared resource"); Detail is the
	// sentence with the fix.
	Summary string `json:"summary"`
	Detail  string `json:"detail,omitempty"`
	// Range is where the problem is; absent for a problem with no place
	// (a directory that cannot be read).
	Range *Range `json:"range,omitempty"`
}

// Range is a span of a source file. Lines and columns count from 1
// (columns in characters), bytes from 0; End is exclusive.
type Range struct {
	Filename string `json:"filename"`
	Start    Pos    `json:"start"`
	End      Pos    `json:"end"`
}

// Pos is a position in a source file.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}
