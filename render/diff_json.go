package render

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/diff"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// DiffJSON converts a diff report into its JSON document.
func DiffJSON(r *diff.Report) *jsonwire.Diff {
	out := &jsonwire.Diff{SchemaVersion: jsonwire.SchemaVersion, Pairs: r.Pairs,
		Query: jsonwire.DiffQuery{By: r.Query.By, From: r.Query.From, To: r.Query.To,
			Protocols: r.Query.Protocols, DestinationPort: r.Query.DestinationPort,
			SNI: r.Query.SNI, HTTPHost: r.Query.HTTPHost},
		Blocks: []*jsonwire.BlockChange{}, Changes: []*jsonwire.DiffChange{}, Notes: r.Notes}
	for _, b := range r.Blocks {
		out.Blocks = append(out.Blocks, &jsonwire.BlockChange{Address: b.Addr, Change: b.Change,
			Before: location(b.Before), After: location(b.After)})
	}
	for _, c := range r.Changes {
		jc := &jsonwire.DiffChange{From: c.From, To: c.To, Protocol: c.Protocol, Kind: string(c.Kind), ServerName: c.ServerName,
			Detail: c.Detail, Before: sideJSON(c.Before), After: sideJSON(c.After), Causes: c.Causes}
		if c.HasPorts {
			jc.Ports = c.Ports.String()
		}
		if jc.Causes == nil {
			jc.Causes = []string{}
		}
		out.Changes = append(out.Changes, jc)
	}
	return out
}

func sideJSON(s diff.Side) jsonwire.DiffSide {
	fws := s.Firewalls
	if fws == nil {
		fws = []string{}
	}
	return jsonwire.DiffSide{Verdict: string(s.Verdict), DecidedBy: s.DecidedBy, Firewalls: fws, Path: s.Path}
}

// location is "FILE:LINE", or "" for a zero range.
func location(r hcl.Range) string {
	if r.Filename == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line)
}
