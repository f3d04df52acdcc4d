package tfjson

// Accessors of a resource's attribute values (JSON decoded into any).

// str returns attr as a string ("" when absent, null or not a string).
func str(v map[string]any, attr string) string {
	s, _ := v[attr].(string)
	return s
}

// num returns attr as an int and whether it is a number.
func num(v map[string]any, attr string) (int, bool) {
	f, ok := v[attr].(float64)
	return int(f), ok
}

// boolean returns attr as a bool, def when absent or null.
func boolean(v map[string]any, attr string, def bool) bool {
	if b, ok := v[attr].(bool); ok {
		return b
	}
	return def
}

// strs returns attr as a list of strings; ok is false when it is absent
// or holds anything but non-empty strings.
func strs(v map[string]any, attr string) ([]string, bool) {
	l, ok := v[attr].([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		s, ok := e.(string)
		if !ok || s == "" {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// blocks returns attr as a list of objects (nested blocks).
func blocks(v map[string]any, attr string) []map[string]any {
	l, _ := v[attr].([]any)
	var out []map[string]any
	for _, e := range l {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// tagName returns the Name tag (tags, else tags_all).
func tagName(v map[string]any) string {
	for _, attr := range []string{"tags", "tags_all"} {
		if t, ok := v[attr].(map[string]any); ok {
			if s, ok := t["Name"].(string); ok && s != "" {
				return s
			}
		}
	}
	return ""
}
