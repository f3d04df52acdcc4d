package rules

import "github.com/vpcreach/vpcreach/rules/syntax"

// The parts of the rule syntax tree that rules' API shows (a Rule's
// embedded syntax.Rule, Decision.Rule.Action, ...) under rules' names.
type (
	// Option is one rule option (see syntax.Option).
	Option = syntax.Option
	// Action is a stateful rule action (see syntax.Action).
	Action = syntax.Action
	// Format tells where a rule came from (see syntax.Format).
	Format = syntax.Format
	// Text is Suricata rule text with line positions (see syntax.Text).
	Text = syntax.Text
)

// Stateful rule actions.
const (
	ActionPass   = syntax.ActionPass
	ActionDrop   = syntax.ActionDrop
	ActionReject = syntax.ActionReject
	ActionAlert  = syntax.ActionAlert
)

// Rule formats.
const (
	FormatSuricata   = syntax.FormatSuricata
	FormatStandard   = syntax.FormatStandard
	FormatDomainList = syntax.FormatDomainList
)
