package syntax

import (
	"fmt"
	"strconv"
	"strings"
)

// checkUint checks a Suricata 7 integer match (detect-engine-uint.c): "N",
// "!N", "<N", ">N", "<=N", ">=N", "N-M" or "N<>M" with decimal numbers up
// to max. Like Suricata it refuses comparisons that hold for no value or
// for every value (">=0", "<=max", "<0", ">max") and ranges with nothing
// strictly between their ends.
func checkUint(v string, max uint64) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return "is empty"
	}
	for _, sep := range []string{"<>", "-"} {
		if i := strings.Index(v, sep); i > 0 {
			lo, e1 := parseDecimal(v[:i], max)
			hi, e2 := parseDecimal(v[i+len(sep):], max)
			switch {
			case e1 != "":
				return e1
			case e2 != "":
				return e2
			case hi <= lo+1:
				return fmt.Sprintf("is the range %d%s%d, which holds no value: the bounds are excluded", lo, sep, hi)
			}
			return ""
		}
	}
	op := ""
	for _, o := range []string{"<=", ">=", "!=", "<", ">", "!"} {
		if strings.HasPrefix(v, o) {
			op, v = o, v[len(o):]
			break
		}
	}
	n, e := parseDecimal(v, max)
	if e != "" {
		return e
	}
	switch {
	case op == "<" && n == 0, op == ">" && n == max:
		return fmt.Sprintf("%s%d holds for no value", op, n)
	case op == "<=" && n == max, op == ">=" && n == 0:
		return fmt.Sprintf("%s%d holds for every value", op, n)
	}
	return ""
}

// parseDecimal parses a decimal number from 0 to max (surrounding blanks
// allowed) and returns it, or a description of what is wrong.
func parseDecimal(s string, max uint64) (uint64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, "lacks a number"
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Sprintf("has %q where a decimal number is expected", Clip(s))
	}
	if n > max {
		return 0, fmt.Sprintf("has %d, more than the largest value %d", n, max)
	}
	return n, ""
}

// checkNumberOrVar checks a decimal number from min to max, or the name
// of a variable a byte_extract or byte_math earlier in the rule defines.
func checkNumberOrVar(v string, min, max int64, vars map[string]bool) string {
	v = strings.TrimSpace(v)
	if vars[v] {
		return ""
	}
	n, err := strconv.ParseInt(v, 10, 64)
	switch {
	case v == "":
		return "lacks a number"
	case err != nil && isIdentifier(v):
		return fmt.Sprintf("names %q, which no byte_extract or byte_math before it defines", v)
	case err != nil:
		return fmt.Sprintf("has %q where a number is expected", Clip(v))
	case n < min || n > max:
		return fmt.Sprintf("has %d, outside %d to %d", n, min, max)
	}
	return ""
}

// isIdentifier reports whether s is a variable name (letters, digits, '_',
// not starting with a digit).
func isIdentifier(s string) bool {
	for i, c := range s {
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return false
	}
	return s != ""
}

// splitTrim splits s at sep and trims blanks around each part.
func splitTrim(s, sep string) []string {
	parts := strings.Split(s, sep)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
