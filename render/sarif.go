package render

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
)

// SARIF 2.1.0, the subset GitHub code scanning reads: one run; one rule and
// one result per failing expectation, located at its expect block; one rule
// per kind of diagnostic (its summary) and one result per diagnostic of
// loading the topology, located at its subject. Artifact URIs are relative
// to Formatter.SARIFRoot, with uriBaseId %SRCROOT%.

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation carries the diagnostics that have no location (such as
// an unreadable topology directory) as notifications of the run.
type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string          `json:"id"`
	Name             string          `json:"name"`
	ShortDescription sarifText       `json:"shortDescription"`
	FullDescription  sarifText       `json:"fullDescription"`
	Help             sarifText       `json:"help"`
	Properties       *sarifRuleProps `json:"properties,omitempty"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  int             `json:"ruleIndex"`
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Properties map[string]any  `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifReport builds the SARIF log of a check: the diagnostics of loading
// the topology first, then each failing expectation as a rule (its id is
// the expectation's address) and a result at the expect block, carrying the
// explanation codes that made it fail.
func (f Formatter) sarifReport(diags hcl.Diagnostics, results []*analyzer.CheckResult) sarifLog {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "vpcreach", Version: f.ToolVersion,
		InformationURI: "https://github.com/vpcreach/vpcreach", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	f.addDiagnostics(&run, diags)
	for _, r := range results {
		if r.Holds {
			continue
		}
		intent := intentText(r)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: r.Expect, Name: r.Expect,
			ShortDescription: sarifText{Text: intent},
			FullDescription:  sarifText{Text: intent},
			Help:             sarifText{Text: "Run `vpcreach analyze path` with this expectation's query for the hop-by-hop path."},
			Properties:       &sarifRuleProps{Tags: []string{"network", "reachability"}},
		})
		res := sarifResult{RuleID: r.Expect, RuleIndex: len(run.Tool.Driver.Rules) - 1, Level: "error",
			Message: sarifText{Text: fmt.Sprintf("%s fails: %s", r.Expect, r.Reason)}}
		if b := r.Block; b != nil {
			res.Locations = f.sarifLocations(&b.Range)
		}
		if codes := explanationCodes(r); len(codes) > 0 {
			res.Properties = map[string]any{"explanation_codes": codes}
		}
		run.Results = append(run.Results, res)
	}
	return sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

func intentText(r *analyzer.CheckResult) string {
	b := r.Block
	if b == nil {
		return r.Expect
	}
	want := "reachable"
	if !b.Reachable {
		want = "unreachable"
	}
	port := "every port"
	if b.HasPort {
		port = fmt.Sprintf("port %d", b.Port)
	}
	return fmt.Sprintf("%s -> %s %s %s must be %s", b.From, b.To, b.Protocol, port, want)
}

func explanationCodes(r *analyzer.CheckResult) []string {
	if r.Analysis == nil {
		return nil
	}
	var codes []string
	seen := map[string]bool{}
	for _, f := range r.Analysis.Explanations {
		if !seen[f.Code] {
			seen[f.Code] = true
			codes = append(codes, f.Code)
		}
	}
	return codes
}
