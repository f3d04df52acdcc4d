package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// intCond is a Suricata integer comparison (dsize, itype, icode, bsize,
// ip_proto): "N", "!N", "<N", ">N", "<=N", ">=N", "N<>M" or "N-M" (both
// exclusive ranges, as Suricata's DetectU*Parse).
type intCond struct {
	op     string // "=", "!", "<", ">", "<=", ">=", "<>"
	lo, hi int
}

// parseIntCond parses v.
func parseIntCond(v string) (intCond, error) {
	v = strings.TrimSpace(v)
	for _, sep := range []string{"<>", "-"} {
		if i := strings.Index(v, sep); i > 0 {
			lo, err1 := strconv.Atoi(strings.TrimSpace(v[:i]))
			hi, err2 := strconv.Atoi(strings.TrimSpace(v[i+len(sep):]))
			if err1 != nil || err2 != nil || lo >= hi {
				return intCond{}, fmt.Errorf("bad range %q", v)
			}
			return intCond{op: "<>", lo: lo, hi: hi}, nil
		}
	}
	for _, op := range []string{"<=", ">=", "<", ">", "!", "="} {
		if rest, ok := strings.CutPrefix(v, op); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				return intCond{}, fmt.Errorf("bad number %q", v)
			}
			return intCond{op: op, lo: n}, nil
		}
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return intCond{}, fmt.Errorf("bad number %q", v)
	}
	return intCond{op: "=", lo: n}, nil
}

// holds reports whether x satisfies the comparison.
func (c intCond) holds(x int) bool {
	switch c.op {
	case "=":
		return x == c.lo
	case "!":
		return x != c.lo
	case "<":
		return x < c.lo
	case ">":
		return x > c.lo
	case "<=":
		return x <= c.lo
	case ">=":
		return x >= c.lo
	case "<>":
		return x > c.lo && x < c.hi
	}
	return false
}

// positive returns whether the comparison holds for every positive value
// (all), for none (none), or depends on the value.
func (c intCond) positive() (all, none bool) {
	switch c.op {
	case ">":
		return c.lo <= 0, false
	case ">=":
		return c.lo <= 1, false
	case "!":
		return c.lo <= 0, false
	case "<":
		return false, c.lo <= 1
	case "<=":
		return false, c.lo <= 0
	case "=":
		return false, c.lo <= 0
	case "<>":
		return false, c.hi <= 1
	}
	return false, false
}

// TCP flag bits.
const (
	tcpFIN uint8 = 0x01
	tcpSYN uint8 = 0x02
	tcpRST uint8 = 0x04
	tcpPSH uint8 = 0x08
	tcpACK uint8 = 0x10
	tcpURG uint8 = 0x20
	tcpECE uint8 = 0x40
	tcpCWR uint8 = 0x80
)

var tcpFlagLetters = map[byte]uint8{
	'F': tcpFIN, 'S': tcpSYN, 'R': tcpRST, 'P': tcpPSH, 'A': tcpACK, 'U': tcpURG,
	'E': tcpECE, 'C': tcpCWR, '2': tcpECE, '1': tcpCWR,
}

// flagsCond is the "flags" keyword: [modifier]FLAGS[,IGNORE].
type flagsCond struct {
	mod    byte // 0 exact, '+' all of, '*' any of, '!' none of
	flags  uint8
	ignore uint8
}

// parseFlagsCond parses a flags keyword value.
func parseFlagsCond(v string) (flagsCond, error) {
	var c flagsCond
	v = strings.TrimSpace(v)
	main, ign, _ := strings.Cut(v, ",")
	for i := 0; i < len(main); i++ {
		ch := main[i]
		switch {
		case ch == '+' || ch == '*' || ch == '!':
			c.mod = ch
		case ch == '0' || ch == ' ':
		default:
			b, ok := tcpFlagLetters[ch&^0x20]
			if ch >= '0' && ch <= '9' {
				b, ok = tcpFlagLetters[ch]
			}
			if !ok {
				return c, fmt.Errorf("bad tcp flag %q", ch)
			}
			c.flags |= b
		}
	}
	for i := 0; i < len(ign); i++ {
		if b, ok := tcpFlagLetters[ign[i]&^0x20]; ok {
			c.ignore |= b
		}
	}
	return c, nil
}

// holds reports whether packet flags f satisfy the condition.
func (c flagsCond) holds(f uint8) bool {
	f &^= c.ignore
	switch c.mod {
	case '+':
		return f&c.flags == c.flags
	case '*':
		return f&c.flags != 0
	case '!':
		return f&c.flags == 0
	}
	return f == c.flags
}
