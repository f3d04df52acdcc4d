package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render"
)

// exitInterrupted is the exit code of a matrix stopped by SIGINT (128 + 2,
// as shells report it).
const exitInterrupted = 130

// largeMatrix is the number of pairs above which `analyze matrix` warns
// before it starts.
const largeMatrix = 1_000_000

// matrixFlags are the flags of `analyze matrix`.
type matrixFlags struct {
	dir                  topoPaths
	protocol, by, format string
	port                 int
	expand               bool
	from, to             []string
	text                 textFlags
}

func (c *cli) analyzeMatrixCmd() *cobra.Command {
	var f matrixFlags
	cmd := &cobra.Command{
		Use:   "matrix [-t DIR] [--protocol tcp] [--port 443] [--by subnet|instance] [--from PATTERN] [--to PATTERN] [--expand]",
		Short: "Analyze every subnet (or instance) to every other and to the internet",
		Long: "matrix answers `analyze path` for every pair of subnets (or instances, with --by instance),\n" +
			"and from and to the internet. Sources whose rows give the same answers, and destinations\n" +
			"whose columns do, are grouped: rows are source groups, columns destination groups, each\n" +
			"cell the answer of every pair of its groups (but an endpoint with itself). With --port a\n" +
			"cell is yes, no or ? (AMBIGUOUS); without it (tcp, udp) a cell lists the reachable ports\n" +
			"(all, - for none, ?PORTS for ambiguous ones). --expand lists every pair instead, as it is\n" +
			"answered. --from and --to keep the endpoints whose name matches a pattern (* ? [a-z], as\n" +
			"in subnet.prod_*; repeat them). A matrix of more than 1,000,000 pairs is announced on\n" +
			"stderr; Ctrl-C stops it, keeping what was answered, and exits 130. Ask `analyze path` for\n" +
			"the hops of one cell. It exits 0 whatever the verdicts.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q, err := f.query(cmd)
			if err != nil {
				return withCode(exitError, err)
			}
			_, net, err := c.load(f.dir)
			if err != nil {
				return err
			}
			p, err := net.PlanMatrix(q)
			if err != nil {
				return withCode(exitError, patternFlagError(err))
			}
			if note := largeMatrixNote(p, largeMatrix); note != "" {
				fmt.Fprintln(c.stderr, note)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			format := c.formatter(f.format, f.text)
			if f.text.brief || f.text.width > 0 {
				// One line per pair, or the per-pair table fitted to a width.
				m, err := net.Matrix(ctx, q)
				if err != nil {
					return withCode(exitError, err)
				}
				if err := format.Matrix(c.stdout, m); err != nil {
					return withCode(exitError, err)
				}
				return nil
			}
			if f.expand {
				return c.matrixExpanded(ctx, net, p, format)
			}
			return c.matrixGrouped(ctx, net, p, format)
		},
	}
	fl := cmd.Flags()
	fl.VarP(&f.dir, "topology", "t", topologyUsage)
	c.addMaxFileSize(cmd)
	fl.StringVar(&f.protocol, "protocol", "tcp", "tcp, udp or icmp")
	fl.IntVar(&f.port, "port", 0, "destination port (omit for every port)")
	fl.StringVar(&f.by, "by", "subnet", "endpoints: subnet or instance")
	fl.StringVar(&f.format, "format", "table", "output format: table, json or html (a heatmap)")
	fl.BoolVar(&f.expand, "expand", false, "list every pair as it is answered instead of grouping")
	fl.StringArrayVar(&f.from, "from", nil, "keep the sources whose name matches this pattern (repeatable)")
	fl.StringArrayVar(&f.to, "to", nil, "keep the destinations whose name matches this pattern (repeatable)")
	f.text.add(cmd)
	return cmd
}

// matrixGrouped answers every pair, then writes the groups. Interrupted,
// it writes the table of the rows answered so far (not JSON, which would
// pass for the whole matrix) and exits 130.
func (c *cli) matrixGrouped(ctx context.Context, net *analyzer.Network, p *analyzer.MatrixPlan, format render.Formatter) error {
	bar := c.matrixProgress(len(p.Sources))
	m, err := net.GroupMatrix(ctx, p, bar.update)
	bar.finish()
	if err != nil && !errors.Is(err, context.Canceled) {
		return withCode(exitError, err)
	}
	if err != nil && (m == nil || format.Format == render.JSON || format.Format == render.HTML) {
		return withCode(exitInterrupted, fmt.Errorf("interrupted before every source was answered; nothing written"))
	}
	if werr := format.MatrixGroups(c.stdout, m); werr != nil {
		return withCode(exitError, werr)
	}
	if err != nil {
		return withCode(exitInterrupted, fmt.Errorf("interrupted: the table holds the first %d of %d sources",
			m.Pairs/max(len(p.Destinations), 1), len(p.Sources)))
	}
	return nil
}

// matrixExpanded writes every pair as its row is answered. Interrupted,
// it keeps the rows written and exits 130.
func (c *cli) matrixExpanded(ctx context.Context, net *analyzer.Network, p *analyzer.MatrixPlan, format render.Formatter) error {
	s, err := format.NewMatrixStream(c.stdout, p)
	if err != nil {
		return withCode(exitError, err)
	}
	var bar *matrixBar
	if !isTerminal(c.out.w) { // the listing itself shows progress on a terminal
		bar = c.matrixProgress(len(p.Sources))
	}
	rows := 0
	err = net.MatrixRows(ctx, p, func(r analyzer.MatrixRow) error {
		rows++
		bar.update(rows)
		return s.Row(r)
	})
	bar.finish()
	if werr := s.Close(err == nil); werr != nil {
		return withCode(exitError, werr)
	}
	if errors.Is(err, context.Canceled) {
		return withCode(exitInterrupted, fmt.Errorf("interrupted: the output holds the first %d of %d sources", rows, len(p.Sources)))
	}
	if err != nil {
		return withCode(exitError, err)
	}
	return nil
}

// largeMatrixNote is the warning for a plan of more than limit pairs, or
// "".
func largeMatrixNote(p *analyzer.MatrixPlan, limit int) string {
	if p.Size() <= limit {
		return ""
	}
	return fmt.Sprintf("vpcreach: %d pairs (%d sources x %d destinations) to answer; "+
		"narrow with --from and --to, or stop with Ctrl-C", p.Size(), len(p.Sources), len(p.Destinations))
}

// patternFlagError names the flag of a pattern error.
func patternFlagError(err error) error {
	var pe *analyzer.PatternError
	if !errors.As(err, &pe) {
		return err
	}
	flag := "--from"
	if pe.End == analyzer.Destination {
		flag = "--to"
	}
	return fmt.Errorf("%s %q: %w", flag, pe.Pattern, pe.Err)
}

// query builds the matrix query from the flags.
func (f *matrixFlags) query(cmd *cobra.Command) (analyzer.MatrixQuery, error) {
	q := analyzer.MatrixQuery{From: f.from, To: f.to}
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
	if err := checkChoice("--format", f.format, "table", "json", "html"); err != nil {
		return q, err
	}
	if f.format == "html" && f.expand {
		return q, fmt.Errorf("--expand lists the pairs as they are answered, as a table or JSON; --format html draws the groups")
	}
	if cmd.Flags().Changed("port") {
		if err := portFlag("--port", f.port, 0); err != nil {
			return q, err
		}
		q.Port, q.HasPort = uint16(f.port), true
	}
	return q, nil
}
