package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/importer/tfjson"
)

func (c *cli) importTerraformCmd() *cobra.Command {
	var f importFlags
	var state string
	cmd := &cobra.Command{
		Use:   "terraform FILE -o OUT",
		Short: "Import terraform show -json output of a saved plan or of a state",
		Long: "import terraform reads what `terraform show -json plan.out` (a saved plan) or\n" +
			"`terraform show -json` (the state) prints, at any module depth. For a plan, --state after (the\n" +
			"default) imports the network as the plan leaves it, --state before as it is now. Values known\n" +
			"only after apply are replaced: references by the resource the configuration names, addresses by\n" +
			"placeholders the report lists as assumed.",
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if state != tfjson.StateAfter && state != tfjson.StateBefore {
				return withCode(exitError, fmt.Errorf("--state must be %q or %q, not %q", tfjson.StateBefore, tfjson.StateAfter, state))
			}
			res := tfjson.Read(c.inputFS(), args[0], state)
			return c.finishImport(&f, res.Model, res.Files, res.Diags)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&state, "state", tfjson.StateAfter, "for a plan: import the state after (planned values) or before (prior state) it")
	return cmd
}
