package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "org")
	for _, c := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"-h"}, 0, "Usage: vpcgen -o DIR", ""},
		{[]string{"-nope"}, 1, "", "vpcgen -h"},
		{[]string{"-spokes", "3"}, 1, "", "-o DIR"},
		{[]string{"-o", dir, "-spokes", "0"}, 1, "", "spokes must be between"},
		{[]string{"-o", dir, "-spokes", "3", "-rules", "100", "-seed", "9"}, 0, "wrote 10 files", ""},
		{[]string{"-o", dir, "-spokes", "2"}, 1, "", "already holds a topology"},
		{[]string{"-o", dir, "-spokes", "2", "-replace", "-appliance-mode=false"}, 0, "wrote 9 files", ""},
	} {
		var out, errb bytes.Buffer
		code := run(c.args, &out, &errb)
		if code != c.code || !strings.Contains(out.String(), c.out) || !strings.Contains(errb.String(), c.err) {
			t.Errorf("vpcgen %v: exit %d, stdout %q, stderr %q; want %d, %q, %q",
				c.args, code, out.String(), errb.String(), c.code, c.out, c.err)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "transit.hcl"))
	if err != nil || !strings.Contains(string(data), "appliance_mode  = false") {
		t.Errorf("transit.hcl: %v\n%s", err, data)
	}
}
