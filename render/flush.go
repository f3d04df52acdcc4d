package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vpcreach/vpcreach/diff"
)

// flowOperationInput is the --cli-input-json document of `aws
// network-firewall start-flow-capture` and `start-flow-flush`, which take
// the same fields (AWS's names).
type flowOperationInput struct {
	FirewallArn             string           `json:"FirewallArn"`
	AvailabilityZone        string           `json:"AvailabilityZone,omitempty"`
	MinimumFlowAgeInSeconds int              `json:"MinimumFlowAgeInSeconds,omitempty"`
	FlowFilters             []flowFilterJSON `json:"FlowFilters"`
}

type flowFilterJSON struct {
	SourceAddress      flowAddress `json:"SourceAddress"`
	DestinationAddress flowAddress `json:"DestinationAddress"`
	SourcePort         string      `json:"SourcePort"`
	DestinationPort    string      `json:"DestinationPort"`
	Protocols          []string    `json:"Protocols"`
}

type flowAddress struct {
	AddressDefinition string `json:"AddressDefinition"`
}

// FlowOperationInput returns the --cli-input-json document of one flush
// operation, for start-flow-capture (to review the flows first) and
// start-flow-flush alike. The firewall's ARN is arnPrefix followed by
// the firewall's name; minAge, when positive, is
// MinimumFlowAgeInSeconds.
func FlowOperationInput(op *diff.FlushOperation, arnPrefix string, minAge int) ([]byte, error) {
	in := flowOperationInput{FirewallArn: arnPrefix + strings.TrimPrefix(op.Firewall, "network_firewall."),
		AvailabilityZone: op.AvailabilityZone, MinimumFlowAgeInSeconds: max(minAge, 0)}
	for _, f := range op.Filters {
		port := "ANY"
		if f.HasPorts && !f.DestinationPorts.IsAll() {
			port = f.DestinationPorts.Format(":")
		}
		in.FlowFilters = append(in.FlowFilters, flowFilterJSON{
			SourceAddress:      flowAddress{f.Source.String()},
			DestinationAddress: flowAddress{f.Destination.String()},
			SourcePort:         "ANY", DestinationPort: port,
			Protocols: []string{strconv.Itoa(int(f.Protocol))}})
	}
	var buf bytes.Buffer
	err := WriteJSON(&buf, in)
	return buf.Bytes(), err
}

// FlushPlanFileName is the file name of the input of an operation, such
// as "flush-fw-us-east-1a.json" ("-2-of-3" added when an endpoint needs
// several operations). Names and AZs come from the topology: every byte
// but letters, digits, '-' and '_' becomes '_', so the name never leaves
// the plan's directory.
func FlushPlanFileName(op *diff.FlushOperation) string {
	name := "flush-" + safeName(strings.TrimPrefix(op.Firewall, "network_firewall.")) + "-" + safeName(op.AvailabilityZone)
	if op.Parts > 1 {
		name += fmt.Sprintf("-%d-of-%d", op.Part, op.Parts)
	}
	return name + ".json"
}

// WriteFlushPlan prints the flush plan for a reviewer: per operation the
// firewall, AZ and endpoint, the flows and filters, the notes, and the two
// AWS CLI commands (capture to review, then flush) with the input file in
// dir. It returns the first write error.
func WriteFlushPlan(w io.Writer, ops []*diff.FlushOperation, dir string) error {
	ew := &errWriter{w: w}
	if len(ops) == 0 {
		fmt.Fprintln(ew, "Flush plan: no flow that was allowed before is blocked after; nothing to flush.")
		return ew.err
	}
	fmt.Fprintf(ew, "Flush plan: %d operations. Established flows keep the verdict they had before the change\n"+
		"until they end or are flushed. Capture first to review the flows, then flush:\n", len(ops))
	for _, op := range ops {
		fmt.Fprintln(ew)
		file := dir + "/" + FlushPlanFileName(op)
		fmt.Fprintf(ew, "%s in %s (%s), operation %d of %d, filters: %d\n", op.Firewall, op.AvailabilityZone,
			op.Endpoint, op.Part, op.Parts, len(op.Filters))
		for _, f := range op.Flows {
			fmt.Fprintf(ew, "  flow:   %s\n", f)
		}
		for _, f := range op.Filters {
			port := "any port"
			if f.HasPorts && !f.DestinationPorts.IsAll() {
				port = "port " + f.DestinationPorts.String()
			}
			fmt.Fprintf(ew, "  filter: %s -> %s %s %s\n", f.Source, f.Destination, f.Protocol, port)
		}
		for _, n := range op.Notes {
			fmt.Fprintf(ew, "  note:   %s\n", n)
		}
		fmt.Fprintf(ew, "  aws network-firewall start-flow-capture --cli-input-json file://%s\n", file)
		fmt.Fprintf(ew, "  aws network-firewall start-flow-flush --cli-input-json file://%s\n", file)
	}
	return ew.err
}

// safeName keeps letters, digits, '-' and '_' and replaces any other
// byte with '_'.
func safeName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	return string(b)
}
