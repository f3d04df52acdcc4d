package tfjson

// objects returns the nested blocks attr of x: from its values, else (a
// set holding values known only after apply) from its configuration,
// with the constant values the configuration gives (a reference then
// stays unresolved in the object and is resolved through path).
func (r *reader) objects(x *res, attr string) []map[string]any {
	if bs := blocks(x.v, attr); len(bs) > 0 || !x.isUnknown(attr) {
		return bs
	}
	if x.cfg == nil || x.cfg.Expressions[attr] == nil || x.cfg.Expressions[attr].ExpressionData == nil {
		r.m.Skip(x.addr, x.typ, r.where(x), "its "+attr+" blocks are known only after apply and the plan has no configuration to read them from", true)
		return nil
	}
	var out []map[string]any
	for _, nb := range x.cfg.Expressions[attr].NestedBlocks {
		obj := map[string]any{}
		for k, e := range nb {
			if e != nil && e.ExpressionData != nil && e.ConstantValue != nil {
				obj[k] = e.ConstantValue
			}
		}
		out = append(out, obj)
	}
	return out
}
