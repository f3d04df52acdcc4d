package jsonwire

// Matrix is the answer to `analyze matrix`: Sources and Destinations are
// resource addresses followed by "internet"; Cells holds one cell per
// source and destination, row by row.
type Matrix struct {
	SchemaVersion int           `json:"schema_version"`
	Query         MatrixQuery   `json:"query"`
	Sources       []string      `json:"sources"`
	Destinations  []string      `json:"destinations"`
	Cells         []*MatrixCell `json:"cells"`
}

// MatrixQuery echoes a matrix query after defaults are applied; Internet
// is the address that stands for the internet.
type MatrixQuery struct {
	By              string `json:"by"`
	Protocol        string `json:"protocol"`
	DestinationPort *int   `json:"destination_port,omitempty"`
	Internet        string `json:"internet"`
}

// MatrixCell is the answer for one source and destination. Without a
// port (TCP, UDP), ReachablePorts and AmbiguousPorts are port sets such as
// "any", "none" or "443,8000-8999".
type MatrixCell struct {
	From           string `json:"from"`
	To             string `json:"to"`
	Verdict        string `json:"verdict"`
	ReachablePorts string `json:"reachable_ports,omitempty"`
	AmbiguousPorts string `json:"ambiguous_ports,omitempty"`
	DecidedBy      string `json:"decided_by,omitempty"`
}
