package rules

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// contentCond is one content match with its modifiers, inspected on a
// known buffer value.
type contentCond struct {
	pattern    []byte
	negated    bool
	nocase     bool
	startswith bool
	endswith   bool
	offset     int // -1: unset
	depth      int
	distance   int
	within     int
	hasDist    bool
	hasWithin  bool
}

// window returns the half-open range [lo, hi) the match must lie in, for a
// buffer of length n after a previous match ending at prev.
func (c *contentCond) window(n, prev int) (lo, hi int) {
	lo, hi = 0, n
	if c.offset >= 0 {
		lo = c.offset
	}
	if c.depth >= 0 {
		hi = min(hi, lo+c.depth)
	}
	if c.hasDist {
		lo = max(lo, prev+c.distance)
	}
	if c.hasWithin {
		base := prev
		if c.hasDist {
			base += c.distance
		}
		hi = min(hi, base+c.within)
	}
	if c.startswith {
		hi = min(hi, len(c.pattern))
		lo = 0
	}
	return max(lo, 0), hi
}

// eachPosition calls yield with each start position in buf where the
// pattern matches inside its window, until yield returns true; it reports
// whether some call did.
func (c *contentCond) eachPosition(buf []byte, prev int, yield func(int) bool) bool {
	lo, hi := c.window(len(buf), prev)
	for p := lo; p+len(c.pattern) <= hi; p++ {
		if c.endswith && p+len(c.pattern) != len(buf) {
			continue
		}
		if c.equalAt(buf, p) && yield(p) {
			return true
		}
	}
	return false
}

func (c *contentCond) equalAt(buf []byte, p int) bool {
	seg := buf[p : p+len(c.pattern)]
	if c.nocase {
		return bytes.EqualFold(seg, c.pattern)
	}
	return bytes.Equal(seg, c.pattern)
}

// decodeContent decodes a content value as written: optional leading '!',
// a quoted string with \-escapes and |hex| byte runs.
func decodeContent(v string) (pattern []byte, negated bool, err error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "!") {
		negated = true
		v = strings.TrimSpace(v[1:])
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	var out []byte
	inHex := false
	var hexBuf strings.Builder
	for i := 0; i < len(v); i++ {
		ch := v[i]
		switch {
		case ch == '|':
			if inHex {
				b, err := hex.DecodeString(strings.ReplaceAll(hexBuf.String(), " ", ""))
				if err != nil {
					return nil, false, fmt.Errorf("bad hex in content: %v", err)
				}
				out = append(out, b...)
				hexBuf.Reset()
			}
			inHex = !inHex
		case inHex:
			hexBuf.WriteByte(ch)
		case ch == '\\' && i+1 < len(v):
			i++
			out = append(out, v[i])
		default:
			out = append(out, ch)
		}
	}
	if inHex {
		return nil, false, fmt.Errorf("unterminated |hex| in content")
	}
	return out, negated, nil
}

// parseIntOption parses a numeric modifier value (offset, depth, ...).
// Variables from byte_extract are not decidable and return an error.
func parseIntOption(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, fmt.Errorf("not a number: %q", v)
	}
	return n, nil
}
