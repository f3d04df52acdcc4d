package topology

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestDecodePlanMatchesGohcl decodes every HCL file of the diagnostics
// fixtures (valid and invalid) and of the examples with the plan decoder
// and with gohcl.DecodeBody, and requires the same config and the same
// diagnostics (the plan decoder adds only "Missing required argument").
func TestDecodePlanMatchesGohcl(t *testing.T) {
	t.Parallel()
	sources := map[string][]byte{}
	archives, _ := filepath.Glob(filepath.Join("testdata", "*", "*.txtar"))
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".hcl") {
				sources[a+"/"+f.Name] = f.Data
			}
		}
	}
	examples, _ := filepath.Glob(filepath.Join("..", "examples", "*", "*.hcl"))
	for _, e := range examples {
		data, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		sources[e] = data
	}
	if len(sources) < 40 {
		t.Fatalf("only %d HCL files found", len(sources))
	}
	top := decodePlans{}.planFor(reflect.TypeFor[config]())
	for name, src := range sources {
		f, d := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if d.HasErrors() {
			continue
		}
		var want, got config
		wantDiags := gohcl.DecodeBody(f.Body, &hcl.EvalContext{}, &want)
		var gotDiags hcl.Diagnostics
		top.decode(f.Body, reflect.ValueOf(&got).Elem(), &gotDiags)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the plan decoder's config differs from gohcl's", name)
		}
		var extra hcl.Diagnostics
		for _, d := range gotDiags {
			if d.Summary != "Missing required argument" {
				extra = append(extra, d)
			}
		}
		if g, w := diagKeys(extra), diagKeys(wantDiags); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: diagnostics\n%v\nwant (gohcl)\n%v", name, g, w)
		}
	}
}

func diagKeys(ds hcl.Diagnostics) []string {
	out := []string{}
	for _, d := range ds {
		k := d.Summary + ": " + d.Detail
		if d.Subject != nil {
			k = d.Subject.String() + " " + k
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
