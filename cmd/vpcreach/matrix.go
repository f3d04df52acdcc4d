package main

import (
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/analyzer"
)

// matrixFlags are the flags of `analyze matrix`.
type matrixFlags struct {
	dir                  topoPaths
	protocol, by, format string
	port                 int
	text                 textFlags
}

func (c *cli) analyzeMatrixCmd() *cobra.Command {
	var f matrixFlags
	cmd := &cobra.Command{
		Use:   "matrix [-t DIR] [--protocol tcp] [--port 443] [--by subnet|instance]",
		Short: "Analyze every subnet (or instance) to every other and to the internet",
		Long: "matrix answers `analyze path` for every pair of subnets (or instances, with --by instance),\n" +
			"and from and to the internet. Rows are sources, columns destinations. With --port a cell\n" +
			"is yes, no or ? (AMBIGUOUS); without it (tcp, udp) a cell lists the reachable ports (all,\n" +
			"- for none, ?PORTS for ambiguous ones). Ask `analyze path` for the hops of one cell.\n" +
			"It exits 0 whatever the verdicts.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q, err := f.query(cmd)
			if err != nil {
				return withCode(exitError, err)
			}
			if err := f.text.check(cmd, f.format); err != nil {
				return withCode(exitError, err)
			}
			_, net, err := c.load(f.dir)
			if err != nil {
				return err
			}
			m, err := net.Matrix(cmd.Context(), q)
			if err != nil {
				return withCode(exitError, err)
			}
			if err := c.formatter(f.format, f.text).Matrix(c.stdout, m); err != nil {
				return withCode(exitError, err)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.VarP(&f.dir, "topology", "t", topologyUsage)
	c.addMaxFileSize(cmd)
	fl.StringVar(&f.protocol, "protocol", "tcp", "tcp, udp or icmp")
	fl.IntVar(&f.port, "port", 0, "destination port (omit for every port)")
	fl.StringVar(&f.by, "by", "subnet", "endpoints: subnet or instance")
	fl.StringVar(&f.format, "format", "table", "output format: table or json")
	f.text.add(cmd)
	return cmd
}

// query builds the matrix query from the flags.
func (f *matrixFlags) query(cmd *cobra.Command) (analyzer.MatrixQuery, error) {
	var q analyzer.MatrixQuery
	proto, err := parseProtocol(f.protocol)
	if err != nil {
		return q, err
	}
	if !proto.HasPorts() {
		if err := notForICMP(cmd, "port"); err != nil {
			return q, err
		}
	}
	q.Protocol = proto
	if err := checkChoice("--by", f.by, "subnet", "instance"); err != nil {
		return q, err
	}
	if f.by == "instance" {
		q.By = analyzer.MatrixByInstance
	}
	if err := checkChoice("--format", f.format, "table", "json"); err != nil {
		return q, err
	}
	if cmd.Flags().Changed("port") {
		if err := portFlag("--port", f.port, 0); err != nil {
			return q, err
		}
		q.Port, q.HasPort = uint16(f.port), true
	}
	return q, nil
}
