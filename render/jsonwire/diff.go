package jsonwire

// Diff is the answer to `vpcreach diff --format json`: the changed blocks
// between two versions of a network and every change of answer.
type Diff struct {
	SchemaVersion int       `json:"schema_version"`
	Query         DiffQuery `json:"query"`
	// Pairs is the number of source, destination and protocol triples
	// compared.
	Pairs   int            `json:"pairs"`
	Blocks  []*BlockChange `json:"changed_blocks"`
	Changes []*DiffChange  `json:"changes"`
	// Notes say what the diff did not compare.
	Notes []string `json:"notes,omitempty"`
}

// DiffQuery echoes what was compared; Protocols lists the protocols
// compared ("tcp", "udp", "icmp").
type DiffQuery struct {
	By              string   `json:"by"`
	From            string   `json:"from,omitempty"`
	To              string   `json:"to,omitempty"`
	Protocols       []string `json:"protocols"`
	DestinationPort *int     `json:"destination_port,omitempty"`
	SNI             string   `json:"sni,omitempty"`
	HTTPHost        string   `json:"http_host,omitempty"`
}

// BlockChange is a top-level block added, removed or modified, with its
// location in each version ("FILE:LINE", omitted where it is absent).
type BlockChange struct {
	Address string `json:"address"`
	// Change is "added", "removed" or "modified".
	Change string `json:"change"`
	Before string `json:"before_location,omitempty"`
	After  string `json:"after_location,omitempty"`
}

// DiffChange is one change of answer: the destination ports of one
// protocol from one source to one destination that changed alike. Kind
// is newly-allowed, newly-ambiguous, newly-blocked, now-uninspected,
// firewall-changed, decider-changed or path-changed.
type DiffChange struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Protocol string `json:"protocol"`
	// Ports is a port set such as "443" or "0-21,23-65535"; omitted for
	// ICMP.
	Ports string `json:"ports,omitempty"`
	Kind  string `json:"kind"`
	// ServerName is the TLS server name and HTTP Host of the traffic
	// that changed, for a change of one server-name class.
	ServerName string   `json:"server_name,omitempty"`
	Detail     string   `json:"detail"`
	Before     DiffSide `json:"before"`
	After      DiffSide `json:"after"`
	// Causes are the addresses of changed blocks the paths use.
	Causes []string `json:"causes"`
}

// DiffSide is the answer on one side: Verdict is REACHABLE,
// NOT_REACHABLE, AMBIGUOUS or NOT_APPLICABLE; DecidedBy what blocked it,
// made it ambiguous, or (reachable) the firewall decisions that let it
// through; Firewalls the firewall endpoints crossed; Path the components
// crossed, forward then return.
type DiffSide struct {
	Verdict   string   `json:"verdict"`
	DecidedBy string   `json:"decided_by,omitempty"`
	Firewalls []string `json:"firewalls"`
	Path      string   `json:"path,omitempty"`
}
