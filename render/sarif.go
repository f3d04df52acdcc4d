package render

import (
	"fmt"

	"github.com/vpcreach/vpcreach/analyzer"
)

// SARIF 2.1.0, the subset GitHub code scanning reads: one run, one rule per
// failing expectation, one result per failing expectation located at its
// expect block.

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
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
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifReport builds the SARIF log of a check: each failing expectation is
// a rule (its id is the expectation's address) and a result at the expect
// block, carrying the explanation codes that made it fail.
func sarifReport(results []*analyzer.CheckResult, version string) sarifLog {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "vpcreach", Version: version,
		InformationURI: "https://github.com/vpcreach/vpcreach", Rules: []sarifRule{}}}, Results: []sarifResult{}}
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
			rng := b.Range
			res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: rng.Filename},
				Region: sarifRegion{StartLine: rng.Start.Line, StartColumn: rng.Start.Column,
					EndLine: rng.End.Line, EndColumn: rng.End.Column},
			}}}
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
