package logs

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// SchemaVersion is the version of the JSON the logs commands print.
const SchemaVersion = 1

// Input describes what was read: the JSON "input" object of every logs
// command.
type Input struct {
	Files       int   `json:"files"`
	Lines       int64 `json:"lines"`
	Events      int64 `json:"events"`
	FilteredOut int64 `json:"filtered_out"`
	Malformed   int64 `json:"malformed_lines"`
	// MalformedExamples are the first malformed lines, in input order.
	MalformedExamples []MalformedLine `json:"malformed_examples,omitempty"`
	// Truncated is set when more distinct keys than MaxKeys occurred:
	// events beyond them count in the totals only.
	Truncated bool `json:"truncated,omitempty"`
}

// MalformedLine is one malformed line as reports show it.
type MalformedLine struct {
	Location string `json:"location"` // FILE:LINE or FILE:LINE:COL
	Reason   string `json:"reason"`
	// Text is the line's start, quoted with Go escapes.
	Text string `json:"text"`
}

// NewInput describes st; filtered is the events a Filter dropped.
func NewInput(st Stats, filtered int64, truncated bool) Input {
	in := Input{Files: st.Files, Lines: st.Lines, Events: st.Events, FilteredOut: filtered,
		Malformed: st.Malformed, Truncated: truncated}
	for _, m := range st.Examples {
		loc := m.File + ":" + strconv.FormatInt(m.Line, 10)
		if m.Col > 0 {
			loc += ":" + strconv.Itoa(m.Col)
		}
		in.MalformedExamples = append(in.MalformedExamples, MalformedLine{Location: loc, Reason: m.Reason, Text: strconv.Quote(m.Text)})
	}
	return in
}

// SummaryReport is the JSON of `vpcreach logs summary`.
type SummaryReport struct {
	SchemaVersion int              `json:"schema_version"`
	Input         Input            `json:"input"`
	From          *time.Time       `json:"from,omitempty"`
	To            *time.Time       `json:"to,omitempty"`
	EventTypes    []TypeCount      `json:"event_types"`
	Firewalls     []FirewallCounts `json:"firewalls"`
	TopBlocked    []HostCount      `json:"top_blocked_hosts"`
	TopAlerted    []HostCount      `json:"top_alerted_hosts"`
	TopSignatures []SignatureCount `json:"top_signatures"`
	TopTalkers    []TalkerCount    `json:"top_talkers"`
}

// TypeCount counts events of one event_type.
type TypeCount struct {
	Type  string `json:"event_type"`
	Count int64  `json:"count"`
}

// FirewallCounts counts one firewall endpoint's events.
type FirewallCounts struct {
	Firewall         string `json:"firewall"`
	AvailabilityZone string `json:"availability_zone"`
	Alerts           int64  `json:"alerts"`
	Blocked          int64  `json:"blocked"`
	Netflow          int64  `json:"netflow"`
	TLS              int64  `json:"tls"`
	Other            int64  `json:"other"`
}

// HostCount counts alerts naming one host.
type HostCount struct {
	Host  string `json:"host"`
	Kind  string `json:"kind"` // tls_sni | http_host
	Count int64  `json:"count"`
}

// SignatureCount counts alerts of one signature and action.
type SignatureCount struct {
	SID       int64  `json:"sid"`
	Signature string `json:"signature"`
	Action    string `json:"action"`
	Count     int64  `json:"count"`
}

// TalkerCount is one client talking to one server port.
type TalkerCount struct {
	Client      string `json:"client"`
	Server      string `json:"server"`
	Port        int    `json:"port"`
	Protocol    string `json:"protocol"`
	AppProtocol string `json:"app_protocol,omitempty"`
	Records     int64  `json:"netflow_records"`
	Bytes       int64  `json:"bytes"`
}

// Report builds the summary's report with the top n of each list (n <= 0:
// all).
func (s *Summarizer) Report(st Stats, n int) *SummaryReport {
	r := &SummaryReport{SchemaVersion: SchemaVersion, Input: NewInput(st, s.Filtered, s.Truncated)}
	if !s.First.IsZero() {
		first, last := s.First, s.Last
		r.From, r.To = &first, &last
	}
	for _, c := range Top(s.Types, 0, strings.Compare) {
		r.EventTypes = append(r.EventTypes, TypeCount{c.Key, c.Count})
	}
	r.Firewalls = s.firewalls()
	hostLess := func(a, b HostKey) int {
		return cmp.Or(strings.Compare(a.Host, b.Host), strings.Compare(a.Kind, b.Kind))
	}
	for _, c := range Top(s.Blocked, n, hostLess) {
		r.TopBlocked = append(r.TopBlocked, HostCount{c.Key.Host, c.Key.Kind, c.Count})
	}
	for _, c := range Top(s.Alerted, n, hostLess) {
		r.TopAlerted = append(r.TopAlerted, HostCount{c.Key.Host, c.Key.Kind, c.Count})
	}
	sigLess := func(a, b SigKey) int {
		return cmp.Or(cmp.Compare(a.SID, b.SID), strings.Compare(a.Action, b.Action), strings.Compare(a.Signature, b.Signature))
	}
	for _, c := range Top(s.Sigs, n, sigLess) {
		r.TopSignatures = append(r.TopSignatures, SignatureCount{c.Key.SID, c.Key.Signature, c.Key.Action, c.Count})
	}
	r.TopTalkers = s.topTalkers(n)
	return r
}

func (s *Summarizer) firewalls() []FirewallCounts {
	out := make([]FirewallCounts, 0, len(s.Places))
	for k, v := range s.Places {
		out = append(out, FirewallCounts{k.Firewall, k.AZ, v.Alerts, v.Blocked, v.Netflow, v.TLS, v.Other})
	}
	sortFunc(out, func(a, b FirewallCounts) int {
		return cmp.Or(strings.Compare(a.Firewall, b.Firewall), strings.Compare(a.AvailabilityZone, b.AvailabilityZone))
	})
	return out
}

// topTalkers orders talkers by bytes, then netflow records, then key.
func (s *Summarizer) topTalkers(n int) []TalkerCount {
	type kv struct {
		k TalkerKey
		t *Talker
	}
	all := make([]kv, 0, len(s.Talkers))
	for k, t := range s.Talkers {
		all = append(all, kv{k, t})
	}
	slices.SortFunc(all, func(a, b kv) int {
		return cmp.Or(cmp.Compare(b.t.Bytes, a.t.Bytes), cmp.Compare(b.t.Records, a.t.Records), a.k.Client.Compare(b.k.Client),
			a.k.Server.Compare(b.k.Server), cmp.Compare(a.k.Port, b.k.Port), strings.Compare(a.k.Proto, b.k.Proto), strings.Compare(a.k.App, b.k.App))
	})
	if n > 0 && len(all) > n {
		all = all[:n]
	}
	out := make([]TalkerCount, 0, len(all))
	for _, e := range all {
		out = append(out, TalkerCount{e.k.Client.String(), e.k.Server.String(), int(e.k.Port), e.k.Proto, e.k.App, e.t.Records, e.t.Bytes})
	}
	return out
}
