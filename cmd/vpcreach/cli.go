package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Exit codes (docs/cli.md).
const (
	exitOK       = 0 // the command ran; for check, every expectation holds
	exitError    = 1 // bad usage, or the topology or rules have errors
	exitViolated = 2 // an expectation (check, analyze path --expect) does not hold
)

// exitError carries an exit code through cobra; a nil err means the
// command already printed what it had to say.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *codeError) Unwrap() error { return e.err }

// withCode returns an error that makes run exit with code, printing err
// (if any) to stderr.
func withCode(code int, err error) error { return &codeError{code: code, err: err} }

// cli is the vpcreach command line, writing to its own stdout and stderr.
// It holds no global state, so tests run it in parallel.
type cli struct {
	stdout, stderr io.Writer
	// out is stdout, keeping the first write error for run to report.
	out *checkedWriter
	// fsys, when set, is where topology paths are read (tests root it at
	// a scratch directory); nil reads the operating system's files.
	fsys fs.FS
	// srcRoot, when set, is the directory SARIF locations are relative to
	// instead of the repository root found above the topology (tests).
	srcRoot string
	// maxFileSize is --max-file-size of the command that loads a topology.
	maxFileSize int64
	// wdir, when set, is the directory relative output paths (import -o,
	// --report) are written under; tests set it with fsys.
	wdir string
	// stdin is read by `logs` when it is given "-" or no files.
	stdin io.Reader
	// setMemoryLimit, when set (the real command, not tests), is
	// debug.SetMemoryLimit: `logs` sets a soft limit for large inputs.
	setMemoryLimit func(int64) int64
	// rawStdout is the writer newCLI was given, which terminal inspects.
	rawStdout io.Writer
	// terminal reports whether a writer is a terminal and its width;
	// getenv reads the environment (NO_COLOR, TERM). Tests replace both.
	terminal func(w any) (bool, int)
	getenv   func(string) string
}

func newCLI(stdout, stderr io.Writer) *cli {
	out := &checkedWriter{w: stdout}
	return &cli{stdout: out, stderr: stderr, out: out, stdin: os.Stdin, rawStdout: stdout, terminal: terminalOf, getenv: os.Getenv}
}

// run executes the command line args and returns the process exit code.
// An internal error is reported in one line, never as a stack trace. When
// stdout could not be written, it says so and exits 1, whatever the command
// answered.
func (c *cli) run(args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(c.stderr, "Error: internal error: %v\nPlease report it with the topology and the command.\n", r)
			code = exitError
		}
	}()
	code = c.execute(args)
	if err := c.out.outputError(); err != nil {
		fmt.Fprintf(c.stderr, "Error: %v\n", err)
		return exitError
	}
	return code
}

// execute runs the command line and returns its exit code.
func (c *cli) execute(args []string) int {
	root := c.rootCmd()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	if c.out.failedWith(err) {
		return exitError // a failed write to stdout is reported once, by run
	}
	var ce *codeError
	if errors.As(err, &ce) {
		if ce.err != nil {
			fmt.Fprintf(c.stderr, "Error: %v\n", ce.err)
		}
		return ce.code
	}
	// cobra's own errors: unknown command or flag, bad flag value, ...
	fmt.Fprintf(c.stderr, "Error: %v\nRun 'vpcreach --help' for usage.\n", err)
	return exitError
}

func (c *cli) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "vpcreach",
		Short: "Offline reachability analysis for AWS VPCs guarded by AWS Network Firewall",
		Long: "vpcreach answers \"can A reach B on tcp/443?\" for a topology described in HCL: it walks the\n" +
			"forward and return paths hop by hop through route tables, gateways, transit gateways, security\n" +
			"groups, network ACLs and Network Firewall policies (Suricata rules included), and names the\n" +
			"route, rule or setting that decided, with AWS Reachability Analyzer's explanation codes.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
		Version:       versionText(debug.ReadBuildInfo()),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(flagErrorFunc)
	root.SetOut(c.stdout)
	root.SetErr(c.stderr)
	root.AddCommand(c.versionCmd(), c.validateCmd(), c.analyzeCmd(), c.checkCmd(), c.explainCmd())
	root.AddCommand(c.schemaCmd(), c.importCmd(), c.logsCmd(), c.diffCmd())
	return root
}
