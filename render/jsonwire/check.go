package jsonwire

// CheckReport is the output of `check --format json`: one result per
// expect block, in name order, and the diagnostics of loading the topology
// (absent when there is none; when one is an error, Results is empty).
type CheckReport struct {
	SchemaVersion int            `json:"schema_version"`
	Results       []*CheckResult `json:"results"`
	Diagnostics   []*Diagnostic  `json:"diagnostics,omitempty"`
}

// CheckResult is the outcome of one expect block. Analysis is null when
// the expectation's query could not be asked (Error says why).
type CheckResult struct {
	Expect    string    `json:"expect"`
	Holds     bool      `json:"holds"`
	Reason    string    `json:"reason,omitempty"`
	DecidedBy string    `json:"decided_by,omitempty"`
	Analysis  *Analysis `json:"analysis"`
	Error     string    `json:"error,omitempty"`
}
