package render

import (
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/diff"
)

// diffRuleHelp describes a kind of change as a SARIF rule.
func diffRuleHelp(k diff.Kind) string {
	switch k {
	case diff.NewlyAllowed:
		return "Traffic that was not reachable before the change is reachable after it."
	case diff.NewlyAmbiguous:
		return "Traffic whose answer was decided before the change depends, after it, on something vpcreach cannot decide."
	case diff.NewlyBlocked:
		return "Traffic that was reachable (or ambiguous) before the change is blocked after it; established flows keep the old verdict until they end or are flushed."
	case diff.NowUninspected:
		return "Traffic that crossed a firewall before the change still flows, but crosses no firewall after it."
	case diff.FirewallChanged:
		return "Traffic still flows, through other firewalls or other firewall endpoints (another AZ)."
	case diff.DeciderChanged:
		return "Traffic keeps its verdict, decided by another rule, setting or blocker."
	}
	return "Traffic keeps its verdict and firewalls, through other components."
}

// diffLevel is the SARIF level of a kind of change.
func diffLevel(k diff.Kind) string {
	switch k {
	case diff.NewlyAllowed, diff.NowUninspected:
		return "error"
	case diff.NewlyAmbiguous, diff.NewlyBlocked, diff.FirewallChanged:
		return "warning"
	}
	return "note"
}

// diffSARIF builds the SARIF log of a diff: one rule per kind of change
// (its id is the kind) and one result per change, located at the changed
// blocks that cause it (in the after version, or the before version for a
// removed block). A change no changed block explains has no location.
func (f Formatter) diffSARIF(r *diff.Report) sarifLog {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "vpcreach", Version: f.ToolVersion,
		InformationURI: "https://github.com/vpcreach/vpcreach", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	ruleIndex := map[diff.Kind]int{}
	for _, k := range diff.Kinds() {
		ruleIndex[k] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: string(k), Name: string(k),
			ShortDescription: sarifText{Text: diffRuleHelp(k)}, FullDescription: sarifText{Text: diffRuleHelp(k)},
			Help:       sarifText{Text: "Run `vpcreach analyze path` on both versions with this change's query for the hop-by-hop paths."},
			Properties: &sarifRuleProps{Tags: []string{"network", "reachability", "change"}}})
	}
	blocks := map[string]*diff.BlockChange{}
	for _, b := range r.Blocks {
		blocks[b.Addr] = b
	}
	for _, c := range r.Changes {
		res := sarifResult{RuleID: string(c.Kind), RuleIndex: ruleIndex[c.Kind], Level: diffLevel(c.Kind),
			Message: sarifText{Text: diffMessage(c)}, Locations: []sarifLocation{},
			Properties: map[string]any{"from": c.From, "to": c.To, "protocol": c.Protocol}}
		if c.HasPorts {
			res.Properties["ports"] = c.Ports.String()
		}
		if c.ServerName != "" {
			res.Properties["server_name"] = c.ServerName
		}
		for _, addr := range c.Causes {
			if b := blocks[addr]; b != nil {
				rng := b.Range()
				res.Locations = append(res.Locations, f.sarifLocations(&rng)...)
			}
		}
		run.Results = append(run.Results, res)
	}
	return sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

// diffMessage is one change in one sentence.
func diffMessage(c *diff.Change) string {
	msg := fmt.Sprintf("%s -> %s %s: %s", c.From, c.To, changeWhat(c), c.Detail)
	if c.Before.DecidedBy != "" {
		msg += fmt.Sprintf("; before: %s %s", sideVerb(c.Before), c.Before.DecidedBy)
	}
	if c.After.DecidedBy != "" {
		msg += fmt.Sprintf("; after: %s %s", sideVerb(c.After), c.After.DecidedBy)
	}
	if len(c.Causes) > 0 {
		msg += "; caused by " + strings.Join(c.Causes, ", ")
	}
	return msg
}
