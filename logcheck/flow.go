// Package logcheck holds Network Firewall logs (package logs) against a
// model (package analyzer): `vpcreach logs explain` joins each logged
// alert to the rule with its sid and to the model's answer for that flow
// at that firewall and reports drift; `vpcreach logs replay` evaluates the
// observed flow classes against a proposed network.
package logcheck

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"sync"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/logs"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// protocol maps a logged proto to the model's; ok is false for protocols
// the model does not evaluate.
func protocol(p string) (topology.Protocol, rules.L4, bool) {
	switch p {
	case "TCP":
		return topology.ProtocolTCP, rules.TCP, true
	case "UDP":
		return topology.ProtocolUDP, rules.UDP, true
	case "ICMP", "IPV6-ICMP":
		return topology.ProtocolICMP, rules.ICMP, true
	}
	return 0, 0, false
}

// app is the application protocol to evaluate a logged class with: the
// logged app_proto; "raw" when Suricata's detection failed; by port, as
// analyses infer it, when the event names none.
func app(k logs.FlowKey, proto topology.Protocol) string {
	switch a := strings.ToLower(k.App); a {
	case "":
		if inferred, ok := analyzer.AppForPort(proto, k.Port); ok {
			return inferred
		}
		return "raw"
	case "failed", "unknown":
		return "raw"
	default:
		return a
	}
}

// flow is a logged class as the model's firewall sees it: both directions
// (the caller narrows Visibility to what the model routes through the
// endpoint), the SNI and HTTP host when logged and unknown otherwise.
func flow(k logs.FlowKey, clientPort uint16) (rules.Flow, bool) {
	tp, l4, ok := protocol(k.Proto)
	if !ok {
		return rules.Flow{}, false
	}
	f := rules.Flow{Protocol: l4, Client: k.Client, Server: k.Server, ClientPort: clientPort, ServerPort: k.Port,
		App: app(k, tp), Visibility: rules.SeesBoth}
	if l4 == rules.ICMP {
		f.ClientPort, f.ServerPort = 0, 0
	}
	if k.SNI != "" {
		f.SNI = rules.Known(k.SNI)
	}
	if k.HTTPHost != "" {
		f.HTTPHost = rules.Known(k.HTTPHost)
	}
	return f, true
}

// query is the path query for a logged class.
func query(k logs.FlowKey, clientPort uint16) (analyzer.Query, bool) {
	tp, _, ok := protocol(k.Proto)
	if !ok {
		return analyzer.Query{}, false
	}
	q := analyzer.Query{From: k.Client.String(), To: k.Server.String(), Protocol: tp, SourcePort: clientPort,
		Port: k.Port, HasPort: true, App: app(k, tp), SNI: k.SNI, HTTPHost: k.HTTPHost}
	if clientPort == 0 {
		q.SourcePort = analyzer.DefaultSourcePort
	}
	return q, true
}

// routeKey is what the firewall endpoints a flow crosses depend on: the
// address classes of its ends (routes look at nothing else).
type routeKey struct {
	client, server netip.Addr // class starts
	proto          string
}

// routes memoises which firewall endpoints the model routes flows
// through, one path analysis per routeKey; safe for concurrent use.
type routes struct {
	n       *analyzer.Network
	classes *analyzer.AddressClasses
	mu      sync.Mutex
	m       map[routeKey]*route
}

// route is a class of flows' way through the model.
type route struct {
	once      sync.Once
	err       error
	crossings []analyzer.Crossing
	// first is the first route of the forward path (where routing that
	// differs from the logs begins).
	first *Location
}

func newRoutes(n *analyzer.Network) *routes {
	return &routes{n: n, classes: n.AddressClasses(), m: map[routeKey]*route{}}
}

// get returns the route of q's flow (one analysis per routeKey).
func (p *routes) get(k logs.FlowKey, q analyzer.Query) *route {
	key := routeKey{p.classes.Class(k.Client), p.classes.Class(k.Server), k.Proto}
	p.mu.Lock()
	r := p.m[key]
	if r == nil {
		r = &route{}
		p.m[key] = r
	}
	p.mu.Unlock()
	r.once.Do(func() {
		a, err := p.n.AnalyzePath(q)
		if err != nil {
			r.err = err
			return
		}
		r.crossings, r.first = p.n.Crossings(a), firstRoute(a)
	})
	return r
}

// endpoints renders crossings as "firewall_endpoint.fw_a (us-east-1a, forward)".
func endpoints(cs []analyzer.Crossing) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s (%s, %s)", c.Endpoint.Addr(), c.Endpoint.Subnet.AZ, c.Direction))
	}
	return out
}

// Location is a place in the topology's files.
type Location struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// parseLocation parses "FILE:LINE"; nil when s is not one.
func parseLocation(s string) *Location {
	i := strings.LastIndexByte(s, ':')
	if i <= 0 {
		return nil
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return nil
	}
	return &Location{File: s[:i], Line: n}
}
