package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/diff"
	"github.com/vpcreach/vpcreach/render"
)

// diffFlags are the flags of `diff`.
type diffFlags struct {
	before, after, by, from, to, protocol, sni, host, format, failOn string
	flushPlan, arnPrefix                                             string
	port, minAge                                                     int
	exitCode                                                         bool
}

// defaultARNPrefix is the --firewall-arn-prefix default: a placeholder
// the user replaces (the topology knows no ARN).
const defaultARNPrefix = "arn:aws:network-firewall:REGION:ACCOUNT_ID:firewall/"

func (c *cli) diffCmd() *cobra.Command {
	var f diffFlags
	cmd := &cobra.Command{
		Use:   "diff --before DIR --after DIR [--by subnet|instance] [--from X] [--to Y] [--exit-code]",
		Short: "Report every change of answer between two versions of a network",
		Long: "diff answers every source and destination (subnets, or instances with --by instance, and the\n" +
			"internet) on both versions, over every port of tcp, udp and icmp, and reports the ports whose\n" +
			"answer changed: newly-allowed, newly-ambiguous, newly-blocked, now-uninspected (same verdict, no\n" +
			"firewall crossed any more), firewall-changed, decider-changed and path-changed, with the decider\n" +
			"on each side and the changed blocks on the paths. Pairs are matched by resource address.\n" +
			"With --exit-code it exits 2 when there are changes of the kinds --fail-on names. --flush-plan DIR\n" +
			"writes, per firewall and AZ, the start-flow-capture / start-flow-flush inputs for the flows that\n" +
			"were allowed before and are blocked after (established flows keep their old verdict).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q, fail, err := f.query(cmd)
			if err != nil {
				return withCode(exitError, err)
			}
			_, before, err := c.load(topoPaths{f.before})
			if err != nil {
				return err
			}
			_, after, err := c.load(topoPaths{f.after})
			if err != nil {
				return err
			}
			if err := checkDiffEndpoints(before, after, q); err != nil {
				return withCode(exitError, err)
			}
			rep, err := diff.Compare(cmd.Context(), before, after, q)
			if err != nil {
				return withCode(exitError, err)
			}
			fm := render.Formatter{Format: render.Format(f.format), ToolVersion: buildVersion(debug.ReadBuildInfo()), SARIFRoot: c.sarifRoot(f.after)}
			if err := fm.Diff(c.stdout, rep); err != nil {
				return withCode(exitError, err)
			}
			if f.flushPlan != "" {
				if err := c.writeFlushPlan(f, rep, before); err != nil {
					return withCode(exitError, err)
				}
			}
			if f.exitCode && failing(rep, fail) {
				return withCode(exitViolated, nil)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.before, "before", "", "topology directory (or file) before the change")
	fl.StringVar(&f.after, "after", "", "topology directory (or file) after the change")
	fl.StringVar(&f.by, "by", "subnet", "endpoints: subnet or instance (and the internet)")
	fl.StringVar(&f.from, "from", "", "compare only from this endpoint (resource address or internet)")
	fl.StringVar(&f.to, "to", "", "compare only to this endpoint (resource address or internet)")
	fl.StringVar(&f.protocol, "protocol", "tcp,udp,icmp", "protocols to compare, comma-separated")
	fl.IntVar(&f.port, "port", 0, "compare only this destination port (omit for every port)")
	fl.StringVar(&f.sni, "sni", "", "TLS server name of the traffic compared (omit: unstated)")
	fl.StringVar(&f.host, "http-host", "", "HTTP Host of the traffic compared (omit: unstated)")
	fl.StringVar(&f.format, "format", "table", "output format: table, json or sarif")
	fl.BoolVar(&f.exitCode, "exit-code", false, "exit 2 when there are changes of the kinds --fail-on names")
	fl.StringVar(&f.failOn, "fail-on", kindList(diff.Kinds()), "kinds of change that make --exit-code exit 2, comma-separated")
	fl.StringVar(&f.flushPlan, "flush-plan", "", "write the flow flush plan (AWS CLI inputs and plan.txt) into this directory")
	fl.StringVar(&f.arnPrefix, "firewall-arn-prefix", defaultARNPrefix, "the flush plan's firewall ARN, before the firewall's name")
	fl.IntVar(&f.minAge, "min-age", 0, "the flush plan's MinimumFlowAgeInSeconds (0: every flow)")
	return cmd
}

// writeFlushPlan writes one --cli-input-json file per flush operation and
// plan.txt (the plan for a reviewer) into f.flushPlan, and prints the plan
// after a table.
func (c *cli) writeFlushPlan(f diffFlags, rep *diff.Report, before *analyzer.Network) error {
	ops := rep.FlushPlan(before)
	if err := os.MkdirAll(f.flushPlan, 0o755); err != nil {
		return err
	}
	for _, op := range ops {
		b, err := render.FlowOperationInput(op, f.arnPrefix, f.minAge)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(f.flushPlan, render.FlushPlanFileName(op)), b, 0o644); err != nil {
			return err
		}
	}
	var plan bytes.Buffer
	if err := render.WriteFlushPlan(&plan, ops, filepath.ToSlash(f.flushPlan)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(f.flushPlan, "plan.txt"), plan.Bytes(), 0o644); err != nil {
		return err
	}
	if f.format == "table" {
		if _, err := fmt.Fprintf(c.stdout, "\n%s", plan.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// query builds the diff query and the failing kinds from the flags.
func (f *diffFlags) query(cmd *cobra.Command) (diff.Query, []diff.Kind, error) {
	var q diff.Query
	if f.before == "" || f.after == "" {
		return q, nil, fmt.Errorf("diff needs --before DIR and --after DIR")
	}
	if err := checkChoice("--by", f.by, "subnet", "instance"); err != nil {
		return q, nil, err
	}
	if f.by == "instance" {
		q.By = analyzer.MatrixByInstance
	}
	if err := checkChoice("--format", f.format, "table", "json", "sarif"); err != nil {
		return q, nil, err
	}
	for _, p := range strings.Split(f.protocol, ",") {
		proto, err := analyzer.ParseProtocol(strings.TrimSpace(p))
		if err != nil {
			return q, nil, fmt.Errorf("--protocol: %w", err)
		}
		if !slices.Contains(q.Protocols, proto) {
			q.Protocols = append(q.Protocols, proto)
		}
	}
	if cmd.Flags().Changed("port") {
		if err := portFlag("--port", f.port, 0); err != nil {
			return q, nil, err
		}
		q.Port, q.HasPort = uint16(f.port), true
	}
	q.From, q.To, q.SNI, q.HTTPHost = f.from, f.to, f.sni, f.host
	if f.minAge < 0 {
		return q, nil, fmt.Errorf("--min-age %d is negative", f.minAge)
	}
	fail, err := parseKinds(f.failOn)
	return q, fail, err
}

// parseKinds parses --fail-on.
func parseKinds(s string) ([]diff.Kind, error) {
	var out []diff.Kind
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		if !slices.Contains(diff.Kinds(), diff.Kind(k)) {
			return nil, fmt.Errorf("--fail-on %q: use kinds among %s", k, kindList(diff.Kinds()))
		}
		out = append(out, diff.Kind(k))
	}
	return out, nil
}

func kindList(ks []diff.Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ",")
}

// failing reports whether rep has a change of one of the kinds.
func failing(rep *diff.Report, kinds []diff.Kind) bool {
	for _, c := range rep.Changes {
		if slices.Contains(kinds, c.Kind) {
			return true
		}
	}
	return false
}

// checkDiffEndpoints refuses a --from or --to that names no endpoint of
// either version, so that a typo never reports "no change".
func checkDiffEndpoints(before, after *analyzer.Network, q diff.Query) error {
	for _, e := range []struct{ flag, name string }{{"--from", q.From}, {"--to", q.To}} {
		if e.name == "" || e.name == analyzer.MatrixInternet {
			continue
		}
		if !hasEndpoint(before, q.By, e.name) && !hasEndpoint(after, q.By, e.name) {
			return fmt.Errorf("%s %s: no such %s in either version", e.flag, e.name, q.By)
		}
	}
	return nil
}

func hasEndpoint(n *analyzer.Network, by analyzer.MatrixBy, name string) bool {
	_, dsts := n.PairEndpoints(by)
	return slices.ContainsFunc(dsts, func(e analyzer.PairEndpoint) bool { return e.Name == name })
}
