package render

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
)

// The JUnit XML report, as CI systems (GitLab, Jenkins, Azure Pipelines,
// test-report actions) read it: a <testsuites> with
//
//   - the suite "vpcreach topology": one <testcase> with an <error> per
//     error of loading the topology and its rules, or one passing testcase
//     "topology loads" when there is none; warnings are listed in its
//     <system-out>, one compact line each;
//   - for check, the suite "vpcreach check": one <testcase> per expect
//     block, with a <failure> carrying the reason when it does not hold.
//
// Nothing depends on the clock, so the report is deterministic.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut string      `xml:"system-out,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes the report of diags and, when check is set, of the
// expect blocks' results.
func writeJUnit(w io.Writer, diags hcl.Diagnostics, results []*analyzer.CheckResult, check bool) error {
	doc := junitSuites{Name: "vpcreach"}
	doc.add(topologySuite(diags))
	if check {
		doc.add(checkSuite(results))
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (d *junitSuites) add(s junitSuite) {
	for _, c := range s.Cases {
		s.Tests++
		if c.Failure != nil {
			s.Failures++
		}
		if c.Error != nil {
			s.Errors++
		}
	}
	d.Tests += s.Tests
	d.Failures += s.Failures
	d.Errors += s.Errors
	d.Suites = append(d.Suites, s)
}

// topologySuite has one erroring testcase per error diagnostic (or one
// passing testcase) and the warnings in its system-out.
func topologySuite(diags hcl.Diagnostics) junitSuite {
	s := junitSuite{Name: "vpcreach topology"}
	var warnings strings.Builder
	for _, d := range sortedDiagnostics(diags) {
		if d.Severity == hcl.DiagWarning {
			fmt.Fprintf(&warnings, "%s: warning: %s\n", compactPlace(d.Subject), diagnosticMessage(d))
			continue
		}
		c := junitCase{Name: compactPlace(d.Subject) + ": " + oneLine(d.Summary), Classname: "vpcreach.topology",
			Error: &junitProblem{Message: diagnosticMessage(d), Type: oneLine(d.Summary), Text: textBlock(d.Detail)}}
		c.File, c.Line = junitPlace(d.Subject)
		s.Cases = append(s.Cases, c)
	}
	if len(s.Cases) == 0 {
		s.Cases = append(s.Cases, junitCase{Name: "topology loads", Classname: "vpcreach.topology"})
	}
	s.SystemOut = warnings.String()
	return s
}

// checkSuite has one testcase per expect block, failing when it does not
// hold.
func checkSuite(results []*analyzer.CheckResult) junitSuite {
	s := junitSuite{Name: "vpcreach check"}
	for _, r := range results {
		c := junitCase{Name: oneLine(r.Expect), Classname: "vpcreach.check"}
		if r.Block != nil {
			c.File, c.Line = junitPlace(&r.Block.Range)
		}
		if !r.Holds {
			c.Failure = &junitProblem{Message: oneLine(r.Reason), Type: "expectation", Text: failureText(r)}
		}
		s.Cases = append(s.Cases, c)
	}
	return s
}

// failureText is the body of a failure: the verdict, what decided it, and
// why the query could not be asked, each on a line.
func failureText(r *analyzer.CheckResult) string {
	var lines []string
	if r.Analysis != nil {
		lines = append(lines, "verdict: "+string(r.Analysis.Verdict))
	}
	if r.DecidedBy != "" {
		lines = append(lines, "decided by: "+oneLine(r.DecidedBy))
	}
	if r.Error != "" {
		lines = append(lines, "error: "+oneLine(r.Error))
	}
	if r.Block != nil {
		lines = append(lines, "at: "+compactPlace(&r.Block.Range))
	}
	return strings.Join(lines, "\n")
}

func junitPlace(rng *hcl.Range) (string, int) {
	if rng == nil || rng.Filename == "" {
		return "", 0
	}
	return oneLine(rng.Filename), max(rng.Start.Line, 0)
}

// textBlock makes s safe for an XML text node: each line as oneLine makes
// it (control characters escaped, bounded), line breaks kept.
func textBlock(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = oneLine(l)
	}
	return strings.Join(lines, "\n")
}
