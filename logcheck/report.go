package logcheck

import (
	"time"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/logs"
)

// Statuses of an explained class.
const (
	StatusAgrees    = "agrees"    // the model does what the log says
	StatusDrift     = "drift"     // the deployed firewall differs from the model
	StatusAmbiguous = "ambiguous" // the model cannot decide (Reason says why)
	StatusObserved  = "observed"  // a netflow class: the model's verdict, nothing to agree with
)

// Drift kinds.
const (
	// DriftFirewall: the log's firewall_name is no firewall of the model.
	DriftFirewall = "firewall_not_in_model"
	// DriftSID: the model has no rule with the alert's sid (the deployed
	// rules differ).
	DriftSID = "sid_not_in_model"
	// DriftAction: the model would take another action on the flow (or its
	// rule with that sid has another action).
	DriftAction = "other_action"
	// DriftDecider: the model takes the same action, but another rule or a
	// default action decides before the logged rule.
	DriftDecider = "other_decider"
	// DriftRouting: the model never routes the flow through this
	// firewall in this AZ (routing differs).
	DriftRouting = "not_routed_here"
)

// DriftKinds lists the kinds in the order reports show them.
var DriftKinds = []string{DriftFirewall, DriftSID, DriftAction, DriftDecider, DriftRouting}

// Drift is one way a logged class disagrees with the model.
type Drift struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	// Location is the model's rule, policy or route the drift is about.
	Location *Location `json:"location,omitempty"`
}

// Class is a logged class of events as reports show it.
type Class struct {
	Firewall         string    `json:"firewall"`
	AvailabilityZone string    `json:"availability_zone"`
	Client           string    `json:"client"`
	Server           string    `json:"server"`
	Port             int       `json:"port"`
	Protocol         string    `json:"protocol"`
	AppProtocol      string    `json:"app_protocol,omitempty"`
	SNI              string    `json:"sni,omitempty"`
	HTTPHost         string    `json:"http_host,omitempty"`
	Events           int64     `json:"events"`
	Flows            int64     `json:"flows"`
	BlockedFlows     int64     `json:"blocked_flows"`
	First            time.Time `json:"first"`
	Last             time.Time `json:"last"`
}

func newClass(k logs.FlowKey, cs *logs.ClassStats) Class {
	return Class{Firewall: k.Firewall, AvailabilityZone: k.AZ, Client: k.Client.String(), Server: k.Server.String(),
		Port: int(k.Port), Protocol: k.Proto, AppProtocol: k.App, SNI: k.SNI, HTTPHost: k.HTTPHost,
		Events: cs.Events, Flows: cs.Flows, BlockedFlows: cs.Blocked, First: cs.First, Last: cs.Last}
}

// ModelAnswer is the model's answer for a logged class at its firewall.
type ModelAnswer struct {
	// Firewall is the model's firewall ("network_firewall.fw").
	Firewall string `json:"firewall,omitempty"`
	// Verdict of the firewall's policy on the flow: pass, drop or
	// ambiguous; "" when it could not be evaluated.
	Verdict string `json:"verdict,omitempty"`
	// DecidedBy is the rule, default action or setting that decides.
	DecidedBy *analyzer.FirewallRuleInfo `json:"decided_by,omitempty"`
	// Endpoints are the firewall endpoints the model routes the flow
	// through (forward and return).
	Endpoints []string `json:"endpoints,omitempty"`
}

// MaxExamples is how many example classes a group keeps.
const MaxExamples = 5

// Group is what every explained group has: its status, drift and counts,
// and the first few of its classes.
type Group struct {
	Firewall         string      `json:"firewall"`
	AvailabilityZone string      `json:"availability_zone"`
	Model            ModelAnswer `json:"model"`
	Status           string      `json:"status"`
	Drift            []Drift     `json:"drift,omitempty"`
	Reason           string      `json:"reason,omitempty"`
	Classes          int         `json:"classes"`
	Flows            int64       `json:"flows"`
	BlockedFlows     int64       `json:"blocked_flows"`
	Events           int64       `json:"events"`
	First            time.Time   `json:"first"`
	Last             time.Time   `json:"last"`
	// Examples are the group's first classes (by address), at most
	// MaxExamples.
	Examples []Class `json:"examples"`
}

func (g *Group) add(c Class) {
	g.Classes++
	g.Flows += c.Flows
	g.BlockedFlows += c.BlockedFlows
	g.Events += c.Events
	if !c.First.IsZero() && (g.First.IsZero() || c.First.Before(g.First)) {
		g.First = c.First
	}
	if c.Last.After(g.Last) {
		g.Last = c.Last
	}
	if len(g.Examples) < MaxExamples {
		g.Examples = append(g.Examples, c)
	}
}

// AlertGroup is the alert classes of one signature and action that the
// model explains alike (same rule, verdict, decider, routing and drift).
type AlertGroup struct {
	SID       int64  `json:"sid"`
	Action    string `json:"action"`
	Signature string `json:"signature"`
	// Rule is the model's rule with that sid.
	Rule *analyzer.FirewallRuleInfo `json:"rule,omitempty"`
	Group
}

// FlowGroup is the flow classes (every logged flow, alerted or not) the
// model answers alike at one firewall endpoint.
type FlowGroup struct {
	Group
}

// KindCount counts drifted classes and their events of one kind.
type KindCount struct {
	Kind    string `json:"kind"`
	Classes int    `json:"classes"`
	Events  int64  `json:"events"`
}

// DriftSummary comes first in reports. Agrees, Drifted and Ambiguous
// count classes (alert and flow).
type DriftSummary struct {
	AlertClasses int         `json:"alert_classes"`
	FlowClasses  int         `json:"flow_classes"`
	Agrees       int         `json:"agrees"`
	Drifted      int         `json:"drifted"`
	Ambiguous    int         `json:"ambiguous"`
	ByKind       []KindCount `json:"by_kind"`
}

// ExplainReport is the JSON of `vpcreach logs explain`.
type ExplainReport struct {
	SchemaVersion int          `json:"schema_version"`
	Input         logs.Input   `json:"input"`
	Summary       DriftSummary `json:"summary"`
	Alerts        []AlertGroup `json:"alerts"`
	Flows         []FlowGroup  `json:"flows"`
}
