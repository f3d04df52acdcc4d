package render

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// TestJUnit renders check and validate reports as JUnit XML against
// testdata/*.junit.xml, parses each back and counts its suites, testcases,
// failures and errors.
func TestJUnit(t *testing.T) {
	t.Parallel()
	fm := Formatter{Format: JUnit}
	cases := []struct {
		name                            string
		write                           func(*bytes.Buffer) error
		suites, tests, failures, errors int
		names                           []string // the testcases, in order
	}{
		{"check.junit.xml", func(b *bytes.Buffer) error { return fm.Check(b, nil, fixtureCheck()) },
			2, 4, 2, 0, []string{"topology loads", "expect.app_to_db", "expect.web_out", "expect.zz_unknown"}},
		{"check-diagnostics.junit.xml", func(b *bytes.Buffer) error { return fm.Check(b, fixtureDiagnostics(), nil) },
			2, 3, 0, 3, []string{"vpcreach: Cannot read topology", "net/main.hcl:12:14: Undeclared resource",
				"net/rules.rules:3:41: Invalid flow value"}},
		{"validate.junit.xml", func(b *bytes.Buffer) error { return fm.Diagnostics(b, fixtureDiagnostics()) },
			1, 3, 0, 3, nil},
		{"validate-valid.junit.xml", func(b *bytes.Buffer) error { return fm.Diagnostics(b, nil) },
			1, 1, 0, 0, []string{"topology loads"}},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := c.write(&buf); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		golden(t, c.name, buf.Bytes())
		var doc junitSuites
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%s does not parse: %v", c.name, err)
		}
		var names []string
		tests, failures, errs := 0, 0, 0
		for _, s := range doc.Suites {
			for _, tc := range s.Cases {
				names = append(names, tc.Name)
				tests++
				if tc.Failure != nil {
					failures++
					if tc.Failure.Message == "" {
						t.Errorf("%s: %s fails without a message", c.name, tc.Name)
					}
				}
				if tc.Error != nil {
					errs++
				}
			}
		}
		if len(doc.Suites) != c.suites || tests != c.tests || failures != c.failures || errs != c.errors {
			t.Errorf("%s: %d suites, %d tests, %d failures, %d errors; want %d, %d, %d, %d", c.name,
				len(doc.Suites), tests, failures, errs, c.suites, c.tests, c.failures, c.errors)
		}
		if doc.Tests != tests || doc.Failures != failures || doc.Errors != errs {
			t.Errorf("%s: totals %d/%d/%d do not count the testcases %d/%d/%d", c.name,
				doc.Tests, doc.Failures, doc.Errors, tests, failures, errs)
		}
		if c.names != nil && strings.Join(names, "|") != strings.Join(c.names, "|") {
			t.Errorf("%s: testcases %q, want %q", c.name, names, c.names)
		}
		if bytes.Contains(buf.Bytes(), []byte("\x1b")) {
			t.Errorf("%s: a raw escape character", c.name)
		}
	}
}

// TestJUnitWarnings: warnings are listed in the topology suite's
// system-out and are neither failures nor errors.
func TestJUnitWarnings(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{Format: JUnit}).Diagnostics(&buf, fixtureDiagnostics()[:1]); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 1 || doc.Errors != 0 || doc.Failures != 0 {
		t.Errorf("tests %d, errors %d, failures %d; want 1, 0, 0", doc.Tests, doc.Errors, doc.Failures)
	}
	if got := doc.Suites[0].SystemOut; !strings.Contains(got, "net/transit.hcl:3:3: warning: Appliance mode off") {
		t.Errorf("system-out %q lacks the warning", got)
	}
}
