package logs

import (
	"cmp"
	"net/netip"
	"slices"
	"time"
)

// MaxKeys bounds the distinct keys (hosts, signatures, talkers) a Summarizer
// counts, so that memory does not grow with the input: events whose key
// is not among the first MaxKeys are counted in the totals only, and
// Summary.Truncated says so.
const MaxKeys = 200_000

// HostKey is a host name an alert names: a TLS SNI or an HTTP host.
type HostKey struct {
	Host string
	// Kind is "tls_sni" or "http_host".
	Kind string
}

// SigKey is a signature as alerts show it.
type SigKey struct {
	SID       int64
	Signature string
	Action    string
}

// TalkerKey is a client talking to a server port.
type TalkerKey struct {
	Client, Server netip.Addr
	Port           uint16
	Proto, App     string
}

// Talker counts a TalkerKey's netflow records and bytes (both
// directions).
type Talker struct {
	Records, Bytes int64
}

// PlaceKey is a firewall endpoint: a firewall name and an AZ.
type PlaceKey struct{ Firewall, AZ string }

// PlaceCounts counts a firewall endpoint's events by kind.
type PlaceCounts struct {
	Alerts, Blocked, Netflow, TLS, Other int64
}

// Summarizer is a Sink that counts what operators ask of a day of logs.
// Make one with NewSummarizer, one per goroutine, and Merge them.
type Summarizer struct {
	filter   Filter
	Filtered int64 // events the filter dropped
	Counted  int64 // events the filter kept
	First    time.Time
	Last     time.Time
	Types    map[string]int64
	Places   map[PlaceKey]*PlaceCounts
	Blocked  map[HostKey]int64
	Alerted  map[HostKey]int64
	Sigs     map[SigKey]int64
	Talkers  map[TalkerKey]*Talker
	// Truncated is set when some key was not counted (MaxKeys).
	Truncated bool
}

// NewSummarizer returns an empty Summarizer that keeps the events f keeps.
func NewSummarizer(f Filter) *Summarizer {
	return &Summarizer{
		filter: f, Types: map[string]int64{}, Places: map[PlaceKey]*PlaceCounts{},
		Blocked: map[HostKey]int64{}, Alerted: map[HostKey]int64{},
		Sigs: map[SigKey]int64{}, Talkers: map[TalkerKey]*Talker{},
	}
}

// Add counts e.
func (s *Summarizer) Add(e *Event) {
	if !s.filter.Keep(e) {
		s.Filtered++
		return
	}
	s.Counted++
	s.time(e.Time)
	s.Types[e.Type]++
	pc := s.Places[PlaceKey{e.Firewall, e.AZ}]
	if pc == nil {
		pc = &PlaceCounts{}
		s.Places[PlaceKey{e.Firewall, e.AZ}] = pc
	}
	switch e.Type {
	case TypeAlert:
		pc.Alerts++
		s.alert(e, pc)
	case TypeNetflow:
		pc.Netflow++
		s.talker(e)
	case TypeTLS:
		pc.TLS++
	default:
		pc.Other++
	}
}

func (s *Summarizer) time(t time.Time) {
	if t.IsZero() {
		return
	}
	if s.First.IsZero() || t.Before(s.First) {
		s.First = t
	}
	if t.After(s.Last) {
		s.Last = t
	}
}

func (s *Summarizer) alert(e *Event, pc *PlaceCounts) {
	a := e.Alert
	if a == nil {
		return
	}
	if a.Action == ActionBlocked {
		pc.Blocked++
	}
	s.Truncated = bump(s.Sigs, SigKey{a.SID, a.Signature, a.Action}) || s.Truncated
	hosts := s.Alerted
	if a.Action == ActionBlocked {
		hosts = s.Blocked
	}
	if e.SNI != "" {
		s.Truncated = bump(hosts, HostKey{e.SNI, "tls_sni"}) || s.Truncated
	}
	if e.HTTPHost != "" {
		s.Truncated = bump(hosts, HostKey{e.HTTPHost, "http_host"}) || s.Truncated
	}
}

func (s *Summarizer) talker(e *Event) {
	o := Orient(e)
	k := TalkerKey{o.Client, o.Server, o.ServerPort, e.Proto, e.AppProto}
	t := s.Talkers[k]
	if t == nil {
		if len(s.Talkers) >= MaxKeys {
			s.Truncated = true
			return
		}
		t = &Talker{}
		s.Talkers[k] = t
	}
	t.Records++
	t.Bytes += e.Bytes
}

// bump counts k in m unless m is full; it reports whether k was dropped.
func bump[K comparable](m map[K]int64, k K) bool {
	if _, ok := m[k]; !ok && len(m) >= MaxKeys {
		return true
	}
	m[k]++
	return false
}

// Merge adds o's counts to s.
func (s *Summarizer) Merge(o *Summarizer) {
	s.Filtered += o.Filtered
	s.Counted += o.Counted
	s.time(o.First)
	s.time(o.Last)
	s.Truncated = s.Truncated || o.Truncated
	for k, v := range o.Types {
		s.Types[k] += v
	}
	for k, v := range o.Places {
		pc := s.Places[k]
		if pc == nil {
			pc = &PlaceCounts{}
			s.Places[k] = pc
		}
		pc.Alerts += v.Alerts
		pc.Blocked += v.Blocked
		pc.Netflow += v.Netflow
		pc.TLS += v.TLS
		pc.Other += v.Other
	}
	mergeCounts(s.Blocked, o.Blocked)
	mergeCounts(s.Alerted, o.Alerted)
	mergeCounts(s.Sigs, o.Sigs)
	for k, v := range o.Talkers {
		t := s.Talkers[k]
		if t == nil {
			t = &Talker{}
			s.Talkers[k] = t
		}
		t.Records += v.Records
		t.Bytes += v.Bytes
	}
}

func mergeCounts[K comparable](dst, src map[K]int64) {
	for k, v := range src {
		dst[k] += v
	}
}

// Counted is one key with its count, for top-N lists.
type Counted[K any] struct {
	Key   K
	Count int64
}

// Top returns the n keys of m with the highest counts, ties broken by
// less (so the order is deterministic); n <= 0 returns all.
func Top[K comparable](m map[K]int64, n int, less func(a, b K) int) []Counted[K] {
	out := make([]Counted[K], 0, len(m))
	for k, v := range m {
		out = append(out, Counted[K]{k, v})
	}
	slices.SortFunc(out, func(a, b Counted[K]) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return less(a.Key, b.Key)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// sortFunc sorts s by c (stable, so equal elements keep their order).
func sortFunc[T any](s []T, c func(a, b T) int) { slices.SortStableFunc(s, c) }
