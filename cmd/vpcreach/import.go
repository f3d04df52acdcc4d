package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/importer"
	"github.com/vpcreach/vpcreach/importer/awscli"
	"github.com/vpcreach/vpcreach/internal/diag"
)

// importFlags are the flags every import subcommand takes.
type importFlags struct {
	out    string
	report string
	force  bool
}

func (f *importFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "directory to write the topology to (required)")
	cmd.Flags().StringVar(&f.report, "report", "", "also write what was not imported, and why, as JSON to this file")
	cmd.Flags().BoolVar(&f.force, "force", false, "replace the *.hcl and *.rules files of a non-empty output directory")
}

func (c *cli) importCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Write a topology from AWS CLI describe output or Terraform plan/state JSON",
		Long: "import reads a real network and writes it as vpcreach HCL: one file per VPC, transit.hcl,\n" +
			"firewall.hcl and one .rules file per Suricata rule group. Every block records the AWS id\n" +
			"(aws_id) or Terraform address (terraform_address) it came from. What is not imported is listed\n" +
			"on stderr with why; entries marked (warning) could change an answer.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(c.importAWSCmd(), c.importTerraformCmd())
	return cmd
}

func (c *cli) importAWSCmd() *cobra.Command {
	var f importFlags
	cmd := &cobra.Command{
		Use:   "aws PATH... -o OUT",
		Short: "Import the JSON the AWS CLI prints for the EC2 and Network Firewall describe calls",
		Long: "import aws reads JSON files (and directories of them, recursively) saved from the AWS CLI with\n" +
			"--output json: ec2 describe-vpcs, describe-subnets, describe-route-tables, ... and\n" +
			"network-firewall describe-firewall, describe-firewall-policy, describe-rule-group. Files are\n" +
			"recognised by their content, so Batfish's aws_configs/[accounts/ID/]REGION/*.json layout loads\n" +
			"too; several regions and accounts are one model. The README has a script that saves them.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			res := awscli.Read(c.inputFS(), args)
			return c.finishImport(&f, res.Model, res.Files, res.Diags)
		},
	}
	f.register(cmd)
	return cmd
}

// inputFS is where input paths are read.
func (c *cli) inputFS() fs.FS {
	if c.fsys != nil {
		return c.fsys
	}
	return osFS{}
}

// osFS opens the operating system's files by the paths the user gave.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// finishImport prints the diagnostics; without errors it renders the
// model, writes the files and the report, and prints the report table.
func (c *cli) finishImport(f *importFlags, m *importer.Model, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	if f.out == "" {
		return withCode(exitError, errors.New("no output directory given: pass -o DIR"))
	}
	if !diags.HasErrors() {
		diags = append(diags, m.Resolve()...)
	}
	if len(diags) > 0 {
		if err := diag.Write(c.stderr, files, diags); err != nil {
			return withCode(exitError, err)
		}
	}
	if diags.HasErrors() {
		return withCode(exitError, nil)
	}
	out := importer.Render(m)
	if err := c.writeOutput(f, out); err != nil {
		return withCode(exitError, err)
	}
	if f.report != "" {
		if err := c.writeFile(f.report, func(w *os.File) error { return m.Report.WriteJSON(w) }); err != nil {
			return withCode(exitError, err)
		}
	}
	if err := m.Report.WriteTable(c.stderr); err != nil {
		return withCode(exitError, err)
	}
	fmt.Fprintf(c.stdout, "wrote %s to %s\n", plural(len(out), "file"), f.out)
	if len(out) == 0 {
		fmt.Fprintln(c.stderr, "Warning: the input holds no VPC, transit gateway or firewall vpcreach can import; the output directory is empty.")
	}
	return nil
}

// path resolves an output path against wdir.
func (c *cli) path(p string) string {
	if c.wdir != "" && !filepath.IsAbs(p) {
		return filepath.Join(c.wdir, p)
	}
	return p
}

// writeOutput writes the rendered files into the output directory, which
// must be empty or absent unless --force (which first removes its *.hcl
// and *.rules files, so no stale file of an earlier import remains).
func (c *cli) writeOutput(f *importFlags, files []importer.File) error {
	dir := c.path(f.out)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the output directory: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cannot read the output directory: %w", err)
	}
	for _, e := range entries {
		if !f.force {
			return fmt.Errorf("the output directory %s is not empty; pass --force to replace its *.hcl and *.rules files", f.out)
		}
		if n := e.Name(); e.Type().IsRegular() && (strings.HasSuffix(n, ".hcl") || strings.HasSuffix(n, ".rules")) {
			if err := os.Remove(filepath.Join(dir, n)); err != nil {
				return err
			}
		}
	}
	for _, file := range files {
		if err := os.WriteFile(filepath.Join(dir, file.Name), file.Data, 0o644); err != nil {
			return fmt.Errorf("cannot write %s: %w", file.Name, err)
		}
	}
	return nil
}

// writeFile creates p and writes it with write.
func (c *cli) writeFile(p string, write func(*os.File) error) error {
	w, err := os.Create(c.path(p))
	if err != nil {
		return err
	}
	if err := write(w); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}
