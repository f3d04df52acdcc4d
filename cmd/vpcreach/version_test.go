package main

import (
	"runtime/debug"
	"testing"
)

// TestVersionText: the version comes from the build information (module
// version, VCS revision, time, modified), with "dev" for a checkout build.
func TestVersionText(t *testing.T) {
	t.Parallel()
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"},
		{Key: "vcs.time", Value: "2026-12-08T00:00:00Z"}, {Key: "vcs.modified", Value: "true"}}
	cases := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, "vpcreach dev"},
		{"go install @v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true, "vpcreach v1.2.3"},
		{"checkout with VCS", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs}, true,
			"vpcreach dev (commit 0123456789ab, 2026-12-08T00:00:00Z, modified)"},
		{"clean tree", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261208000000-0123456789ab"},
			Settings: vcs[:1]}, true, "vpcreach v0.0.0-20261208000000-0123456789ab (commit 0123456789ab)"},
	}
	for _, c := range cases {
		if got := versionText(c.info, c.ok); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if len(cases) != 4 {
		t.Fatal("cases lost")
	}
}
