package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/analyzer"
)

func (c *cli) analyzeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "analyze",
		Short: "Analyze reachability",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(c.analyzePathCmd(), c.analyzeMatrixCmd())
	return cmd
}

// pathFlags are the flags of `analyze path`.
type pathFlags struct {
	dir                topoPaths
	from, to, protocol string
	port, sourcePort   int
	app, sni, httpHost string
	format, expect     string
	text               textFlags
}

func (c *cli) analyzePathCmd() *cobra.Command {
	var f pathFlags
	cmd := &cobra.Command{
		Use:   "path [-t DIR] --from A --to B [--protocol tcp] [--port 443]",
		Short: "Analyze one path, forward and return, with explanations",
		Long: "path answers whether --from reaches --to, walking the request and the reply hop by hop.\n" +
			"Endpoints are resource addresses (instance.web, subnet.app_a, internet_gateway.igw,\n" +
			"nat_gateway.nat_a) or IP addresses; a public IP outside every VPC is the internet.\n" +
			"Without --port (tcp, udp) the answer covers every destination port, as ranges.\n" +
			"It exits 0 whatever the verdict; --expect turns it into a gate that exits 2 when violated.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q, err := f.query(cmd)
			if err != nil {
				return withCode(exitError, err)
			}
			if err := checkChoice("--format", f.format, "table", "json", "mermaid", "dot", "html"); err != nil {
				return withCode(exitError, err)
			}
			if err := f.text.check(cmd, f.format); err != nil {
				return withCode(exitError, err)
			}
			if f.expect != "" {
				if err := checkChoice("--expect", f.expect, "reachable", "unreachable"); err != nil {
					return withCode(exitError, err)
				}
			}
			_, net, err := c.load(f.dir)
			if err != nil {
				return err
			}
			a, err := net.AnalyzePath(q)
			if err != nil {
				return withCode(exitError, flagError(err))
			}
			if err := c.formatter(f.format, f.text).Analysis(c.stdout, a); err != nil {
				return withCode(exitError, err)
			}
			return expectation(f.expect, a.Verdict)
		},
	}
	fl := cmd.Flags()
	fl.VarP(&f.dir, "topology", "t", topologyUsage)
	c.addMaxFileSize(cmd)
	fl.StringVar(&f.from, "from", "", "source: a resource address or an IP address")
	fl.StringVar(&f.to, "to", "", "destination: a resource address or an IP address")
	fl.StringVar(&f.protocol, "protocol", "tcp", "tcp, udp or icmp")
	fl.IntVar(&f.port, "port", 0, "destination port (omit for every port)")
	fl.IntVar(&f.sourcePort, "source-port", analyzer.DefaultSourcePort, "the client's source port")
	fl.StringVar(&f.app, "app", "", "application protocol (tls, http, dns, ..., none); default: by port")
	fl.StringVar(&f.sni, "sni", "", "TLS server name the client sends")
	fl.StringVar(&f.httpHost, "http-host", "", "HTTP Host header the client sends")
	fl.StringVar(&f.format, "format", "table", "output format: table, json, or a picture: mermaid, dot or html")
	fl.StringVar(&f.expect, "expect", "", "exit 2 unless the verdict is this: reachable or unreachable")
	f.text.add(cmd)
	return cmd
}

// query builds the analyzer query from the flags.
func (f *pathFlags) query(cmd *cobra.Command) (analyzer.Query, error) {
	if f.from == "" || f.to == "" {
		return analyzer.Query{}, errors.New("both --from and --to are required")
	}
	proto, err := parseProtocol(f.protocol)
	if err != nil {
		return analyzer.Query{}, err
	}
	if !proto.HasPorts() {
		if err := notForICMP(cmd, "port", "source-port", "app", "sni", "http-host"); err != nil {
			return analyzer.Query{}, err
		}
	}
	app, err := parseApp(f.app)
	if err != nil {
		return analyzer.Query{}, err
	}
	q := analyzer.Query{From: f.from, To: f.to, Protocol: proto, App: app, SNI: f.sni, HTTPHost: f.httpHost}
	if err := portFlag("--source-port", f.sourcePort, 1); err != nil {
		return q, err
	}
	q.SourcePort = uint16(f.sourcePort)
	if cmd.Flags().Changed("port") {
		if err := portFlag("--port", f.port, 0); err != nil {
			return q, err
		}
		q.Port, q.HasPort = uint16(f.port), true
	}
	return q, nil
}

func portFlag(name string, v, lo int) error {
	if v < lo || v > 65535 {
		return fmt.Errorf("%s %d is outside %d-65535", name, v, lo)
	}
	return nil
}

// expectation returns the exit-2 error when an --expect does not hold. An
// AMBIGUOUS verdict satisfies neither expectation.
func expectation(expect string, v analyzer.Verdict) error {
	switch {
	case expect == "reachable" && v != analyzer.Reachable,
		expect == "unreachable" && v != analyzer.NotReachable:
		return withCode(exitViolated, fmt.Errorf("expected %s, got %s", expect, v))
	}
	return nil
}
