package logs

import (
	"cmp"
	"iter"
	"net/netip"
	"slices"
	"strings"
)

// ClassSet is the classes of a Classifier's flows, held compactly (about
// 200 bytes a class); its iterators build each FlowKey or AlertKey as they
// yield it, in key order.
type ClassSet struct {
	places []place
	strs   []string
	flows  map[classKey]ClassStats
	alerts map[alertClassKey]ClassStats
}

// classKey is a FlowKey with interned strings.
type classKey struct {
	place          uint32
	app, sni, host uint32
	port           uint16
	client, server netip.Addr
}

type alertClassKey struct {
	classKey
	sid               int64
	action, signature uint32
}

// Classes joins the events of each flow across the merged Classifiers and
// groups the flows into classes: every flow (alerted or not) by FlowKey,
// and its alerts by AlertKey. Call it (or FlowClasses) once, after the
// last Merge: it consumes the flows, freeing each Classifier's as it goes.
func (c *Classifier) Classes() *ClassSet { return c.classes(true) }

// FlowClasses is Classes without the alert classes (for callers that need
// only flows: less memory).
func (c *Classifier) FlowClasses() *ClassSet { return c.classes(false) }

func (c *Classifier) classes(withAlerts bool) *ClassSet {
	tab := NewClassifier(Filter{})
	set := &ClassSet{flows: map[classKey]ClassStats{}, alerts: map[alertClassKey]ClassStats{}}
	all := append([]*Classifier{c}, c.parts...)
	c.parts = nil
	for i, part := range all {
		for ref, f := range part.flows {
			p := part.places[ref.place]
			f = globalRec(part, f, tab)
			for _, other := range all[i+1:] {
				f = takeFlow(other, p, ref, f, tab)
			}
			if !withAlerts {
				f.alerts = nil
			}
			set.add(tab.placeOf(p), ref, f, tab)
		}
		part.flows = nil
	}
	set.places, set.strs = tab.places, tab.strs
	return set
}

// global translates f's interned strings from part's tables to tab's.
func globalRec(part *Classifier, f flowRec, tab *Classifier) flowRec {
	f.app, f.sni, f.host = tab.str(part.strs[f.app]), tab.str(part.strs[f.sni]), tab.str(part.strs[f.host])
	return f
}

// takeFlow joins into f (in tab's indexes) the same flow's record of
// other, if it has one, and removes it from other.
func takeFlow(other *Classifier, p place, ref flowRef, f flowRec, tab *Classifier) flowRec {
	idx, ok := other.placeIdx[p]
	if !ok {
		return f
	}
	ref.place = idx
	of, ok := other.flows[ref]
	if !ok {
		return f
	}
	delete(other.flows, ref)
	of = globalRec(other, of, tab)
	f.events += of.events
	f.bytes += of.bytes
	f.blocked = f.blocked || of.blocked
	f.first, f.last = widen(f.first, f.last, of.first)
	f.first, f.last = widen(f.first, f.last, of.last)
	f.app, f.sni, f.host = firstSet(f.app, of.app), firstSet(f.sni, of.sni), firstSet(f.host, of.host)
	if of.alerts != nil {
		for _, a := range *of.alerts {
			f.addAlert(a)
		}
	}
	return f
}

// add counts one joined flow in its classes.
func (s *ClassSet) add(pl uint32, ref flowRef, f flowRec, tab *Classifier) {
	k := classKey{pl, f.app, f.sni, f.host, ref.sport, ref.client, ref.server}
	blocked := int64(0)
	if f.blocked {
		blocked = 1
	}
	addStats(s.flows, k, ClassStats{Events: f.events, Flows: 1, Blocked: blocked, Bytes: f.bytes, ClientPort: ref.cport,
		First: fromNanos(f.first), Last: fromNanos(f.last)})
	if f.alerts == nil {
		return
	}
	for _, a := range *f.alerts {
		ak := alertClassKey{k, a.sid, tab.str(a.action), tab.str(a.signature)}
		addStats(s.alerts, ak, ClassStats{Events: a.events, Flows: 1, Blocked: blocked, ClientPort: ref.cport,
			First: fromNanos(a.first), Last: fromNanos(a.last)})
	}
}

func addStats[K comparable](m map[K]ClassStats, k K, s ClassStats) {
	cs := m[k]
	cs.Merge(&s)
	m[k] = cs
}

// Len returns the number of alert classes and flow classes.
func (s *ClassSet) Len() (alerts, flows int) { return len(s.alerts), len(s.flows) }

func (s *ClassSet) flowKey(k classKey) FlowKey {
	p := s.places[k.place]
	return FlowKey{p.firewall, p.az, k.client, k.server, k.port, p.proto, s.strs[k.app], s.strs[k.sni], s.strs[k.host]}
}

func (s *ClassSet) compare(a, b classKey) int {
	pa, pb := s.places[a.place], s.places[b.place]
	return cmp.Or(strings.Compare(pa.firewall, pb.firewall), strings.Compare(pa.az, pb.az), a.client.Compare(b.client),
		a.server.Compare(b.server), cmp.Compare(a.port, b.port), strings.Compare(pa.proto, pb.proto),
		strings.Compare(s.strs[a.app], s.strs[b.app]), strings.Compare(s.strs[a.sni], s.strs[b.sni]),
		strings.Compare(s.strs[a.host], s.strs[b.host]))
}

// Flows yields every flow class in key order (firewall, AZ, client,
// server, port, protocol, app, SNI, host); each ClassStats is a copy.
func (s *ClassSet) Flows() iter.Seq2[FlowKey, *ClassStats] {
	return func(yield func(FlowKey, *ClassStats) bool) {
		keys := make([]classKey, 0, len(s.flows))
		for k := range s.flows {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, s.compare)
		for _, k := range keys {
			cs := s.flows[k]
			if !yield(s.flowKey(k), &cs) {
				return
			}
		}
	}
}

// Alerts yields every alert class in key order (its flow class's, then
// sid, action, signature).
func (s *ClassSet) Alerts() iter.Seq2[AlertKey, *ClassStats] {
	return func(yield func(AlertKey, *ClassStats) bool) {
		keys := make([]alertClassKey, 0, len(s.alerts))
		for k := range s.alerts {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b alertClassKey) int {
			return cmp.Or(s.compare(a.classKey, b.classKey), cmp.Compare(a.sid, b.sid),
				strings.Compare(s.strs[a.action], s.strs[b.action]), strings.Compare(s.strs[a.signature], s.strs[b.signature]))
		})
		for _, k := range keys {
			ak := AlertKey{s.flowKey(k.classKey), k.sid, s.strs[k.action], s.strs[k.signature]}
			cs := s.alerts[k]
			if !yield(ak, &cs) {
				return
			}
		}
	}
}
