// Command vpcreach is an offline reachability analyzer for AWS VPC networks
// guarded by AWS Network Firewall. See README.md and docs/cli.md.
package main

import "os"

func main() {
	os.Exit(newCLI(os.Stdout, os.Stderr).run(os.Args[1:]))
}
