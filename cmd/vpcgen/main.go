// Command vpcgen writes a synthetic hub-and-spoke AWS organisation as a
// vpcreach topology, for benchmarks and scale tests. See package
// internal/gen for what it contains, and README.md ("Performance").
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/vpcreach/vpcreach/internal/gen"
)

const usage = `Usage: vpcgen -o DIR [flags]

Writes a synthetic AWS organisation as a vpcreach topology into DIR:
N spoke VPCs over 3 AZs (application and TGW subnets, one instance per AZ),
an inspection VPC with a firewall endpoint per AZ (appliance mode on its TGW
attachment), an egress VPC with NAT gateways and an internet gateway, TGW route
tables "spoke" and "firewall" with propagation, and a STRICT_ORDER firewall
policy with R rules (5-tuple, TLS SNI, HTTP Host, a domain allow list),
optionally preceded by the ET Open corpus as a rule group. The output depends
only on the flags (and the ET Open files): the same seed gives the same files.

expect.hcl states the known answers, so this holds for any output:

  vpcgen -o /tmp/org -spokes 1000 -rules 25000
  vpcreach check -t /tmp/org
  vpcreach analyze path -t /tmp/org --from instance.spoke_0001_a --to 93.184.216.34 \
      --port 443 --sni updates.example.com

Flags:
`

// run is the command; it returns the exit code (0 ok, 1 usage or failure).
func run(args []string, stdout, stderr io.Writer) int {
	def := gen.DefaultConfig()
	fs := flag.NewFlagSet("vpcgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output directory (created; must hold no *.hcl or *.rules file unless -replace)")
	replace := fs.Bool("replace", false, "remove the *.hcl and *.rules files already in the output directory")
	spokes := fs.Int("spokes", def.Spokes, fmt.Sprintf("number of spoke VPCs (1-%d)", gen.MaxSpokes))
	rules := fs.Int("rules", def.Rules, fmt.Sprintf("number of synthetic stateful rules (at least %d)", gen.MinRules))
	seed := fs.Uint64("seed", def.Seed, "seed of the pseudo-random choices")
	appliance := fs.Bool("appliance-mode", def.ApplianceMode,
		"appliance mode on the inspection VPC's TGW attachment (-appliance-mode=false: cross-AZ flows become asymmetric)")
	endpoints := fs.Bool("endpoints", false, "add VPC endpoints: an SSM Interface endpoint and an S3 Gateway endpoint per spoke")
	et := fs.String("et-open", "", "directory of ET Open *.rules files to add as a rule group (the rules/ directory of the ET Open ruleset)")
	fs.Usage = func() {} // -h prints the usage to stdout below; errors print a hint
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintln(stderr, "Run vpcgen -h for the flags.")
		return 1
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "vpcgen: give the output directory with -o DIR (and no arguments)")
		return 1
	}
	files, err := gen.Generate(gen.Config{Spokes: *spokes, Rules: *rules, Seed: *seed,
		ApplianceMode: *appliance, ETOpen: *et, Endpoints: *endpoints})
	if err != nil {
		fmt.Fprintln(stderr, "vpcgen:", err)
		return 1
	}
	if err := files.WriteDir(*out, *replace); err != nil {
		fmt.Fprintln(stderr, "vpcgen:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files (%d KiB) to %s\n", len(files), files.Size()>>10, *out)
	return 0
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
