package tfjson

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	tfj "github.com/hashicorp/terraform-json"

	"github.com/vpcreach/vpcreach/importer"
)

// res is one resource instance of the state or plan.
type res struct {
	addr   string // full address: module.a["x"].aws_subnet.app[0]
	module string // module instance address, "" for the root
	typ    string
	name   string
	index  string // the instance key as written in the address, "" for none
	v      map[string]any
	// unknown is the resource change's after_unknown, for a plan.
	unknown map[string]any
	cfg     *tfj.ConfigResource
	cfgMod  *tfj.ConfigModule
	key     string // the model key: the id (or arn), else the address
}

// reader holds one Terraform import.
type reader struct {
	f       *importer.JSONFile
	m       *importer.Model
	cfg     *tfj.Config
	changes map[string]*tfj.ResourceChange
	all     []*res
	// byName groups resources by module instance and "type.name".
	byName map[string][]*res
	byAddr map[string]*res
	diags  hcl.Diagnostics
	// modules lists the module instance addresses seen.
	modules map[string]bool
	// instToENI maps an instance whose primary interface is an
	// aws_network_interface to that interface's key.
	instToENI map[string]string
	// endpointIDs are the known firewall endpoint ids (vpce-...).
	endpointIDs map[string]bool
	// fwEndpoints lists each firewall's endpoints (by firewall key).
	fwEndpoints map[string][]*importer.FirewallEndpoint
	// prefixLists maps a prefix list key to its CIDRs.
	prefixLists map[string][]string
}

func newReader(f *importer.JSONFile, m *importer.Model, cfg *tfj.Config, changes map[string]*tfj.ResourceChange) *reader {
	return &reader{f: f, m: m, cfg: cfg, changes: changes, byName: map[string][]*res{}, byAddr: map[string]*res{}, modules: map[string]bool{}}
}

// collect gathers the managed resources of every module, depth first, in
// address order.
func (r *reader) collect(values *tfj.StateValues) {
	if values == nil || values.RootModule == nil {
		return
	}
	var walk func(m *tfj.StateModule, depth int)
	walk = func(m *tfj.StateModule, depth int) {
		if depth > 64 {
			return
		}
		r.modules[m.Address] = true
		for _, sr := range m.Resources {
			if sr.Mode != tfj.ManagedResourceMode {
				continue
			}
			r.add(m.Address, sr)
		}
		for _, c := range m.ChildModules {
			walk(c, depth+1)
		}
	}
	walk(values.RootModule, 0)
	sort.SliceStable(r.all, func(i, j int) bool { return r.all[i].addr < r.all[j].addr })
}

func (r *reader) add(module string, sr *tfj.StateResource) {
	x := &res{addr: sr.Address, module: module, typ: sr.Type, name: sr.Name, v: sr.AttributeValues}
	if x.v == nil {
		x.v = map[string]any{}
	}
	if sr.Index != nil {
		x.index = indexKey(sr.Index)
	}
	if c := r.changes[sr.Address]; c != nil && c.Change != nil {
		x.unknown, _ = c.Change.AfterUnknown.(map[string]any)
	}
	x.cfgMod = r.configModule(module)
	if x.cfgMod != nil {
		for _, cr := range x.cfgMod.Resources {
			if cr.Type == sr.Type && cr.Name == sr.Name && cr.Mode == tfj.ManagedResourceMode {
				x.cfg = cr
			}
		}
	}
	x.key = x.addr
	for _, k := range []string{"arn", "id"} {
		if s := str(x.v, k); s != "" && (k == "id" || strings.HasPrefix(x.typ, "aws_networkfirewall_")) {
			x.key = s
			break
		}
	}
	r.all = append(r.all, x)
	r.byAddr[x.addr] = x
	r.byName[module+"|"+sr.Type+"."+sr.Name] = append(r.byName[module+"|"+sr.Type+"."+sr.Name], x)
}

// indexKey renders an instance key as Terraform writes it in an address:
// 0 or "a".
func indexKey(i any) string {
	switch v := i.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case float64:
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprint(i)
}

// configModule returns the configuration of a module instance
// (module.a["x"].module.b -> root.ModuleCalls[a].Module.ModuleCalls[b]),
// or nil without configuration.
func (r *reader) configModule(module string) *tfj.ConfigModule {
	if r.cfg == nil || r.cfg.RootModule == nil {
		return nil
	}
	cm := r.cfg.RootModule
	for _, call := range moduleCalls(module) {
		mc := cm.ModuleCalls[call]
		if mc == nil || mc.Module == nil {
			return nil
		}
		cm = mc.Module
	}
	return cm
}

// moduleCalls returns the module call names of a module instance address.
func moduleCalls(module string) []string {
	var out []string
	segs := splitRef(module)
	for i := 0; i+1 < len(segs); i += 2 {
		if segs[i].name == "module" {
			out = append(out, segs[i+1].name)
		}
	}
	return out
}

// origin returns the Origin of a resource: its AWS id when known, its
// address, and its Name tag.
func (x *res) origin(where string) importer.Origin {
	o := importer.Origin{TFAddress: x.addr, Name: tagName(x.v), Where: where}
	if x.key != x.addr {
		o.AWSID = x.key
	}
	return o
}

// where returns the input file and the resource address, for the report.
func (r *reader) where(x *res) string { return r.f.Name + ": " + x.addr }

// of returns the resources of the given types, in address order.
func (r *reader) of(types ...string) []*res {
	var out []*res
	for _, x := range r.all {
		for _, t := range types {
			if x.typ == t {
				out = append(out, x)
			}
		}
	}
	return out
}

// isUnknown reports whether attr of x is known only after apply.
func (x *res) isUnknown(attr string) bool {
	u, ok := x.unknown[attr]
	if !ok {
		return false
	}
	b, isBool := u.(bool)
	return !isBool || b
}
