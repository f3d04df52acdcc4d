package jsonwire

// MatrixGroups is the answer to `analyze matrix` without --expand: sources
// whose rows give the same answer for every destination form a source
// group, destinations whose columns give the same answer for every source
// a destination group, and Cells holds one answer per source group and
// destination group, row by row. Each cell's answer is that of every pair
// of its groups, except the pair of an endpoint with itself.
type MatrixGroups struct {
	SchemaVersion     int                `json:"schema_version"`
	Query             MatrixQuery        `json:"query"`
	Pairs             int                `json:"pairs"`
	SourceGroups      []*MatrixGroup     `json:"source_groups"`
	DestinationGroups []*MatrixGroup     `json:"destination_groups"`
	Cells             []*MatrixGroupCell `json:"cells"`
}

// MatrixGroup is a group of endpoints (resource addresses or "internet")
// named by ID: S1, S2, ... for sources, D1, D2, ... for destinations.
type MatrixGroup struct {
	ID      string   `json:"id"`
	Members []string `json:"members"`
}

// MatrixGroupCell is the answer of every pair of a source group and a
// destination group; the answer fields are those of MatrixCell.
type MatrixGroupCell struct {
	FromGroup      string `json:"from_group"`
	ToGroup        string `json:"to_group"`
	Verdict        string `json:"verdict"`
	ReachablePorts string `json:"reachable_ports,omitempty"`
	AmbiguousPorts string `json:"ambiguous_ports,omitempty"`
	DecidedBy      string `json:"decided_by,omitempty"`
}
