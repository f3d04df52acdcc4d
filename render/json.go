package render

import (
	"encoding/json"
	"io"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// writeJSON prints v as indented JSON without HTML escaping ("->" stays
// readable), followed by a newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// AnalysisJSON converts an analysis into its JSON document. Nil stays nil
// (JSON null) and empty stays empty ([]), as in the analysis.
func AnalysisJSON(a *analyzer.Analysis) *jsonwire.Analysis {
	if a == nil {
		return nil
	}
	return &jsonwire.Analysis{
		SchemaVersion: a.SchemaVersion,
		Query:         queryJSON(a.Query),
		Answer:        answerJSON(&a.Answer),
		PortRanges:    mapSlice(a.PortRanges, portRangeJSON),
		AddressRanges: mapSlice(a.AddressRanges, addressRangeJSON),
	}
}

// MatrixJSON converts a matrix into its JSON document.
func MatrixJSON(m *analyzer.Matrix) *jsonwire.Matrix {
	if m == nil {
		return nil
	}
	q := m.Query
	return &jsonwire.Matrix{
		SchemaVersion: m.SchemaVersion,
		Query: jsonwire.MatrixQuery{By: q.By, Protocol: q.Protocol,
			DestinationPort: intPtr(q.DestinationPort), Internet: q.Internet},
		Sources:      cloneStrings(m.Sources),
		Destinations: cloneStrings(m.Destinations),
		Cells: mapSlice(m.Cells, func(c *analyzer.MatrixCell) *jsonwire.MatrixCell {
			return &jsonwire.MatrixCell{From: c.From, To: c.To, Verdict: string(c.Verdict),
				ReachablePorts: c.ReachablePorts, AmbiguousPorts: c.AmbiguousPorts, DecidedBy: c.DecidedBy}
		}),
	}
}

// CheckJSON converts the results of check into its JSON document; a nil
// slice becomes an empty list.
func CheckJSON(results []*analyzer.CheckResult) *jsonwire.CheckReport {
	out := make([]*jsonwire.CheckResult, 0, len(results))
	for _, r := range results {
		out = append(out, &jsonwire.CheckResult{Expect: r.Expect, Holds: r.Holds, Reason: r.Reason,
			DecidedBy: r.DecidedBy, Analysis: AnalysisJSON(r.Analysis), Error: r.Error})
	}
	return &jsonwire.CheckReport{SchemaVersion: analyzer.SchemaVersion, Results: out}
}

func queryJSON(q analyzer.QueryInfo) jsonwire.Query {
	return jsonwire.Query{Source: q.Source, Destination: q.Destination, Protocol: q.Protocol,
		SourcePort: intPtr(q.SourcePort), DestinationPort: intPtr(q.DestinationPort),
		AppProtocol: q.AppProtocol, SNI: q.SNI, HTTPHost: q.HTTPHost}
}

func answerJSON(a *analyzer.Answer) jsonwire.Answer {
	return jsonwire.Answer{
		Verdict:           string(a.Verdict),
		Reachable:         a.Reachable,
		ForwardPath:       mapSlice(a.ForwardPath, hopJSON),
		ReturnPath:        mapSlice(a.ReturnPath, hopJSON),
		Explanations:      mapSlice(a.Explanations, findingJSON),
		AdditionalDetails: mapSlice(a.AdditionalDetails, findingJSON),
	}
}

func portRangeJSON(r *analyzer.PortRangeResult) *jsonwire.PortRange {
	return &jsonwire.PortRange{From: r.From, To: r.To, AppProtocol: r.AppProtocol, Answer: answerJSON(&r.Answer)}
}

func addressRangeJSON(r *analyzer.AddressRangeResult) *jsonwire.AddressRange {
	return &jsonwire.AddressRange{From: r.From, To: r.To, CIDRs: cloneStrings(r.CIDRs),
		Destination: r.Destination, Answer: answerJSON(&r.Answer),
		PortRanges: mapSlice(r.PortRanges, portRangeJSON)}
}

func hopJSON(h *analyzer.Hop) *jsonwire.Hop {
	return &jsonwire.Hop{
		Sequence: h.Sequence, Component: h.Component, Type: h.Type, Direction: h.Direction,
		VPC: h.VPC, Subnet: h.Subnet, AvailabilityZone: h.AvailabilityZone,
		InboundHeader:     headerJSON(h.InboundHeader),
		OutboundHeader:    headerJSON(h.OutboundHeader),
		Route:             routeJSON(h.Route),
		TGWRoute:          tgwRouteJSON(h.TGWRoute),
		ACLRule:           aclRuleJSON(h.ACLRule),
		SecurityGroupRule: sgRuleJSON(h.SecurityGroupRule),
		FirewallRule:      firewallRuleJSON(h.FirewallRule),
		Translation:       h.Translation,
		Blocked:           h.Blocked,
	}
}

func headerJSON(h *analyzer.Header) *jsonwire.Header {
	if h == nil {
		return nil
	}
	return &jsonwire.Header{Source: h.Source, Destination: h.Destination, Protocol: h.Protocol,
		SourcePort: intPtr(h.SourcePort), DestinationPort: intPtr(h.DestinationPort)}
}

func findingJSON(f *analyzer.Finding) *jsonwire.Finding {
	return &jsonwire.Finding{
		Code: f.Code, Direction: f.Direction, Component: f.Component, Message: f.Message,
		Route:             routeJSON(f.Route),
		TGWRoute:          tgwRouteJSON(f.TGWRoute),
		ACLRule:           aclRuleJSON(f.ACLRule),
		SecurityGroups:    cloneStrings(f.SecurityGroups),
		TrafficDirection:  f.TrafficDirection,
		PacketField:       f.PacketField,
		FirewallRule:      firewallRuleJSON(f.FirewallRule),
		Rules:             mapSlice(f.Rules, firewallRuleJSON),
		RuleOptions:       cloneStrings(f.RuleOptions),
		AvailabilityZones: cloneStrings(f.AvailabilityZones),
		Location:          f.Location,
	}
}

// mapSlice converts each element of in with f, keeping nil as nil.
func mapSlice[T, U any](in []T, f func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

func cloneStrings(in []string) []string { return mapSlice(in, func(s string) string { return s }) }

func intPtr(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
