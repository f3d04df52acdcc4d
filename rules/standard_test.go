package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/policyspec"
)

// decodeGroup reads the stateful_rule and domain_list blocks of one
// rule_group block the way the topology loader does, with their ranges.
func decodeGroup(t *testing.T, filename, src string) ([]policyspec.StandardRule, *policyspec.DomainList) {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), filename, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	group := f.Body.(*hclsyntax.Body).Blocks[0]
	var std []policyspec.StandardRule
	var dl *policyspec.DomainList
	for _, b := range group.Body.Blocks {
		switch b.Type {
		case "stateful_rule":
			std = append(std, decodeStandard(t, b))
		case "domain_list":
			d := policyspec.DomainList{Range: b.Range(), AttrRanges: map[string]hcl.Range{}}
			for name, a := range b.Body.Attributes {
				d.AttrRanges[name] = a.Expr.Range()
				switch name {
				case "targets":
					d.Targets = stringList(t, a)
				case "target_types":
					d.TargetTypes = stringList(t, a)
				case "type":
					d.Type = stringValue(t, a)
				}
			}
			dl = &d
		}
	}
	return std, dl
}

func decodeStandard(t *testing.T, b *hclsyntax.Block) policyspec.StandardRule {
	sr := policyspec.StandardRule{Range: b.Range(), AttrRanges: map[string]hcl.Range{}}
	fields := map[string]*string{
		"action": &sr.Action, "protocol": &sr.Protocol, "source": &sr.Source,
		"source_port": &sr.SourcePort, "direction": &sr.Direction,
		"destination": &sr.Destination, "destination_port": &sr.DestinationPort,
	}
	for name, a := range b.Body.Attributes {
		*fields[name] = stringValue(t, a)
		sr.AttrRanges[name] = a.Expr.Range()
	}
	for _, ob := range b.Body.Blocks {
		o := policyspec.StandardOption{Range: ob.Range()}
		o.Keyword = stringValue(t, ob.Body.Attributes["keyword"])
		if a, ok := ob.Body.Attributes["settings"]; ok {
			o.Settings = stringList(t, a)
		}
		sr.Options = append(sr.Options, o)
	}
	return sr
}

func stringValue(t *testing.T, a *hclsyntax.Attribute) string {
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return v.AsString()
}

func stringList(t *testing.T, a *hclsyntax.Attribute) []string {
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var out []string
	for _, e := range v.AsValueSlice() {
		out = append(out, e.AsString())
	}
	return out
}

const standardHCL = `rule_group "five_tuple" {
  stateful_rule {
    action           = "PASS"
    protocol         = "TLS"
    source           = "$HOME_NET"
    source_port      = "ANY"
    direction        = "FORWARD"
    destination      = "$EXTERNAL_NET"
    destination_port = "443"
    rule_option {
      keyword  = "sid"
      settings = ["1000001"]
    }
    rule_option {
      keyword  = "msg"
      settings = ["\"tls out\""]
    }
    rule_option {
      keyword = "noalert"
    }
  }
  stateful_rule {
    action           = "DROP"
    protocol         = "IP"
    source           = "10.1.0.0/16"
    source_port      = "any"
    direction        = "ANY"
    destination      = "ANY"
    destination_port = "ANY"
    rule_option {
      keyword  = "flow"
      settings = ["established", "to_server"]
    }
    rule_option {
      keyword  = "sid"
      settings = ["2"]
    }
  }
}
`

func TestStandardRules(t *testing.T) {
	t.Parallel()
	std, _ := decodeGroup(t, "std.hcl", standardHCL)
	rs, diags := LoadGroup(GroupSpec{Name: "rule_group.five_tuple", Standard: std}, Env{HomeNet: pfx("10.0.0.0/16")})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, r := range rs {
		got = append(got, r.Text)
		if r.Format != FormatStandard || r.Range != std[r.Index].Range || r.Group != "rule_group.five_tuple" {
			t.Errorf("rule %d: format %v range %v group %q", r.Index, r.Format, r.Range, r.Group)
		}
	}
	want := []string{
		`pass tls $HOME_NET any -> $EXTERNAL_NET 443 (sid:1000001; msg:"tls out"; noalert;)`,
		`drop ip 10.1.0.0/16 any <> any any (flow:established,to_server; sid:2;)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if rs[0].Msg != "tls out" || rs[0].SID != 1000001 || !rs[1].Bidirectional || !isUniverse(rs[1].Dst) {
		t.Errorf("fields: %+v", rs)
	}
}

// badStandardHCL has one mistake per stateful_rule.
const badStandardHCL = `rule_group "bad" {
  stateful_rule {
    action           = "PASS"
    protocol         = "TLSX"
    source           = "ANY"
    source_port      = "ANY"
    direction        = "BACKWARD"
    destination      = "ANY"
    destination_port = "ANY"
    rule_option {
      keyword  = "sid"
      settings = ["1"]
    }
  }
  stateful_rule {
    action           = "ALLOW"
    protocol         = "TCP"
    source           = "10.1.0.0/33"
    source_port      = "ANY"
    direction        = "FORWARD"
    destination      = "ANY"
    destination_port = "80-90"
    rule_option {
      keyword  = "sid"
      settings = ["2"]
    }
  }
  stateful_rule {
    action           = "PASS"
    protocol         = "TCP"
    source           = "$HOME_NET"
    source_port      = "$UNDEFINED_PORTS"
    direction        = "FORWARD"
    destination      = "ANY"
    destination_port = "ANY"
    rule_option {
      keyword  = "sid"
      settings = ["3"]
    }
  }
  stateful_rule {
    action           = "PASS"
    protocol         = "TCP"
    source           = "ANY"
    source_port      = "ANY"
    direction        = "FORWARD"
    destination      = "ANY"
    destination_port = "ANY"
    rule_option {
      keyword  = "sid"
      settings = ["x"]
    }
    rule_option {
      keyword  = "msg"
      settings = ["unquoted"]
    }
    rule_option {
      keyword  = "dataset"
      settings = ["isset", "bad"]
    }
  }
  stateful_rule {
    action           = "PASS"
    protocol         = "TCP"
    source           = "ANY"
    source_port      = ""
    direction        = "FORWARD"
    destination      = "10.0.0.0/8 10.1.0.0/16"
    destination_port = "ANY"
  }
}
`

func TestStandardRuleErrors(t *testing.T) {
	t.Parallel()
	std, _ := decodeGroup(t, "bad.hcl", badStandardHCL)
	rs, diags := LoadGroup(GroupSpec{Name: "rule_group.bad", Standard: std}, Env{HomeNet: pfx("10.0.0.0/16")})
	if len(rs) != 0 {
		t.Errorf("loaded %d rules", len(rs))
	}
	checkGolden(t, "standard_errors.golden", golden.RenderDiags(t, map[string]string{"bad.hcl": badStandardHCL}, diags))
}
