package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is the version string when a release build sets it with
// -ldflags "-X main.version=..."; "" takes it from the build info.
var version = ""

// buildVersion is vpcreach's version: -ldflags' version, else the main
// module's version from the build information (v1.2.3 for `go install
// ...@v1.2.3`), else "dev" (a build from a checkout, which Go stamps
// "(devel)").
func buildVersion(info *debug.BuildInfo, ok bool) string {
	if version != "" {
		return version
	}
	if ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// versionText is the line `version` and `--version` print: the version and,
// when the binary was built from a Git checkout, the commit, its time and
// whether the tree had changes:
//
//	vpcreach dev (commit 0123456789ab, 2026-12-08T00:00:00Z, modified)
func versionText(info *debug.BuildInfo, ok bool) string {
	s := "vpcreach " + buildVersion(info, ok)
	if !ok {
		return s
	}
	settings := map[string]string{}
	for _, kv := range info.Settings {
		settings[kv.Key] = kv.Value
	}
	var vcs []string
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = append(vcs, "commit "+rev[:min(12, len(rev))])
	}
	if t := settings["vcs.time"]; t != "" {
		vcs = append(vcs, t)
	}
	if settings["vcs.modified"] == "true" {
		vcs = append(vcs, "modified")
	}
	if len(vcs) > 0 {
		s += " (" + strings.Join(vcs, ", ") + ")"
	}
	return s
}

func (c *cli) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version (and the commit it was built from)",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(c.stdout, versionText(debug.ReadBuildInfo()))
			return nil
		},
	}
}
