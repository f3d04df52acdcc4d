package main

import (
	"flag"
	"os"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files and testscript expectations")

// TestScripts runs the CLI scenarios of testdata/script/*.txtar. Each runs
// vpcreach in-process with the builtin command
//
//	[!] vpcreach ARGS...   run the CLI; without !, it must exit 0
//	exitcode N             the last vpcreach run exited with N
//
// and checks stdout/stderr with the usual testscript commands.
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"vpcreach": runVpcreach,
			"exitcode": checkExitCode,
		},
	})
}

func runVpcreach(ts *testscript.TestScript, neg bool, args []string) {
	c := newCLI(ts.Stdout(), ts.Stderr())
	root, err := os.OpenRoot(ts.Getenv("WORK")) // confined, as Load is
	if err != nil {
		ts.Fatalf("%v", err)
	}
	defer root.Close()
	c.fsys = root.FS()
	c.wdir = ts.Getenv("WORK")
	code := c.run(args)
	ts.Setenv("VPCREACH_EXIT", strconv.Itoa(code))
	if neg && code == 0 {
		ts.Fatalf("vpcreach exited 0, want non-zero")
	}
	if !neg && code != 0 {
		ts.Fatalf("vpcreach exited %d, want 0", code)
	}
}

func checkExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: exitcode N")
	}
	if got := ts.Getenv("VPCREACH_EXIT"); got != args[0] {
		ts.Fatalf("vpcreach exited %s, want %s", got, args[0])
	}
}
