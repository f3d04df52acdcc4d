package render

import (
	"fmt"

	"github.com/vpcreach/vpcreach/logcheck"
)

// driftSARIF is the SARIF log of `logs explain`: one rule per drift kind,
// one result per drifted group and kind, located at the model's rule,
// policy or route the drift is about.
func driftSARIF(r *logcheck.ExplainReport, toolVersion string) sarifLog {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "vpcreach", Version: toolVersion,
		InformationURI: "https://github.com/vpcreach/vpcreach", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	index := map[string]int{}
	add := func(d logcheck.Drift, what string) {
		i, ok := index[d.Kind]
		if !ok {
			i = len(run.Tool.Driver.Rules)
			index[d.Kind] = i
			desc := driftDescriptions[d.Kind]
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: d.Kind, Name: d.Kind,
				ShortDescription: sarifText{Text: desc}, FullDescription: sarifText{Text: desc},
				Help:       sarifText{Text: "Run `vpcreach logs explain` for the logged events and the model's answer."},
				Properties: &sarifRuleProps{Tags: []string{"network", "firewall", "drift"}}})
		}
		res := sarifResult{RuleID: d.Kind, RuleIndex: i, Level: "warning",
			Message: sarifText{Text: fmt.Sprintf("%s: %s", what, d.Message)}, Locations: []sarifLocation{}}
		if l := d.Location; l != nil {
			res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: l.File},
				Region: &sarifRegion{StartLine: l.Line, StartColumn: 1, EndLine: l.Line, EndColumn: 1}}}}
		}
		run.Results = append(run.Results, res)
	}
	for _, a := range r.Alerts {
		for _, d := range a.Drift {
			add(d, fmt.Sprintf("sid %d %s %s, e.g. %s", a.SID, a.Action, groupCounts(a.Group), classText(a.Examples[0])))
		}
	}
	for _, f := range r.Flows {
		for _, d := range f.Drift {
			add(d, fmt.Sprintf("flows %s, e.g. %s", groupCounts(f.Group), classText(f.Examples[0])))
		}
	}
	return sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

// driftDescriptions describe each drift kind (read-only).
var driftDescriptions = map[string]string{
	logcheck.DriftFirewall: "The logs come from a firewall the model does not describe.",
	logcheck.DriftSID:      "A logged alert's sid is not a rule of the model's policy: the deployed rules differ.",
	logcheck.DriftAction:   "The model would take another action on a logged flow than the deployed firewall took.",
	logcheck.DriftDecider:  "The model takes the logged action, but another rule or default decides first.",
	logcheck.DriftRouting:  "A flow was logged at a firewall or AZ the model never routes it through.",
}
