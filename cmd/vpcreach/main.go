// Command vpcreach is an offline reachability analyzer for AWS VPC networks
// guarded by AWS Network Firewall. See README.md and docs/cli.md.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	c := newCLI(os.Stdout, os.Stderr)
	c.setMemoryLimit = debug.SetMemoryLimit
	os.Exit(c.run(os.Args[1:]))
}
