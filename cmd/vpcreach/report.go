package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render"
)

// isReportFormat reports whether format carries the diagnostics of loading
// (SARIF, compact, JSON, JUnit): with it, validate and check write a
// complete report even when the topology has errors.
func isReportFormat(format string) bool {
	switch format {
	case "sarif", "compact", "json", "junit":
		return true
	}
	return false
}

// report runs validate (check false) or check in a report format: the
// diagnostics of loading (and, when the topology has no errors and check
// is set, the results of the expect blocks) go to stdout. SARIF, JSON and
// JUnit also keep the text diagnostics on stderr, for the log of a CI run;
// compact writes them once, on stdout. It exits 1 when the topology has
// errors, 2 when an expectation fails. w adds the pitfall warnings.
func (c *cli) report(ctx context.Context, dir topoPaths, format string, check bool, w *warnFlags) error {
	l, err := c.loadLinted(dir, w)
	if err != nil {
		return err
	}
	if format != "compact" {
		if err := c.printDiagnostics(l); err != nil {
			return err
		}
	}
	fm := render.Formatter{Format: render.Format(format), ToolVersion: buildVersion(debug.ReadBuildInfo()), SARIFRoot: c.sarifRoot(firstPath(dir))}
	var results []*analyzer.CheckResult
	if check && !l.diags.HasErrors() {
		if results, err = l.net.Check(ctx); err != nil {
			return withCode(exitError, err)
		}
	}
	if check {
		err = fm.Check(c.stdout, l.diags, results)
	} else {
		err = fm.Diagnostics(c.stdout, l.diags)
	}
	switch {
	case err != nil:
		return withCode(exitError, err)
	case l.diags.HasErrors():
		return withCode(exitError, nil)
	}
	return violations(results)
}

// violations is the exit-2 error when an expectation does not hold.
func violations(results []*analyzer.CheckResult) error {
	for _, r := range results {
		if !r.Holds {
			return withCode(exitViolated, nil)
		}
	}
	return nil
}

// sarifRoot is the directory SARIF locations are relative to: the root of
// the Git repository that holds the topology (the nearest directory above
// it with a .git entry, which is only looked at, never read), or else the
// current directory. It is c.srcRoot when that is set, and empty for a CLI
// rooted at an fs.FS (tests), whose paths are not the operating system's.
func (c *cli) sarifRoot(dir string) string {
	switch {
	case c.srcRoot != "":
		return c.srcRoot
	case c.fsys != nil:
		return ""
	}
	cwd, err := os.Getwd()
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return cwd
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		abs = filepath.Dir(abs)
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return cwd
		}
	}
}

// firstPath is the first -t source ("" when there is none): SARIF
// locations are relative to the repository that holds it.
func firstPath(paths topoPaths) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0]
}
