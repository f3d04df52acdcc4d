package rules

import (
	"strings"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

// Flowbits-style ordering roles (detect-engine-sigorder.c): within one
// action, rules that set come first, then set-and-read, then read, then the
// rest.
const (
	roleNotUsed = 1
	roleRead    = 2
	roleSetRead = 3
	roleSet     = 4
)

// bitsOption handles flowbits, xbits, hostbits and flowint.
func (w *optionWalker) bitsOption(name, v string) {
	parts := strings.Split(v, ",")
	cmd := strings.ToLower(strings.TrimSpace(parts[0]))
	read := cmd == "isset" || cmd == "isnotset"
	write := cmd == "set" || cmd == "unset" || cmd == "toggle"
	if name == "flowint" && len(parts) > 1 {
		switch strings.TrimSpace(parts[1]) {
		case "+", "-", "=":
			write = true
		default:
			read = true
		}
	}
	switch name {
	case "flowbits":
		w.fbRead, w.fbWrite = w.fbRead || read, w.fbWrite || (write && !read)
		if read {
			w.shape.match = true
			w.shape.pdIncompatible = true
			w.c.addUnsupported(name)
		}
	case "flowint":
		w.fiRead, w.fiWrite = w.fiRead || read, w.fiWrite || (write && !read)
		w.shape.match = true
		w.shape.pdIncompatible = true
		if read {
			w.c.addUnsupported(name)
		}
	default: // xbits, hostbits: ip-only compatible whatever the command
		if read {
			w.c.addUnsupported(name)
		}
	}
	w.c.bitsRole = 8*role(w.fbRead, w.fbWrite) + role(w.fiRead, w.fiWrite)
}

func role(read, write bool) int {
	switch {
	case read && write:
		return roleSetRead
	case read:
		return roleRead
	case write:
		return roleSet
	}
	return roleNotUsed
}

// sslStateOption parses "ssl_state:client_hello|!server_hello".
func (w *optionWalker) sslStateOption(v string) {
	c := &sslStateCond{}
	for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return r == '|' || r == ',' }) {
		tok = strings.TrimSpace(tok)
		neg := strings.HasPrefix(tok, "!")
		tok = strings.TrimPrefix(tok, "!")
		bit, ok := syntax.SSLStateBit(tok)
		if !ok {
			w.c.addUnsupported("ssl_state")
			return
		}
		c.flags |= bit
		if neg {
			c.mask |= bit
		}
	}
	w.c.ssl = c
}

// ipProtoOption restricts the rule's transports. A plain number or name is
// part of the header; a comparison is a packet match.
func (w *optionWalker) ipProtoOption(v string) {
	v = strings.TrimSpace(v)
	op := ""
	for _, p := range []string{"!", "<", ">"} {
		if strings.HasPrefix(v, p) {
			op, v = p, strings.TrimSpace(v[1:])
		}
	}
	n, ok := syntax.IPProtoNumber(v)
	if !ok {
		w.c.addUnsupported("ip_proto")
		return
	}
	if op != "" {
		w.shape.match = true
		w.shape.requirePacket = true
	}
	var m protoMask
	for _, p := range []int{1, 6, 17, -1} {
		if ipProtoHolds(op, n, p) {
			switch p {
			case 1:
				m |= maskICMP
			case 6:
				m |= maskTCP
			case 17:
				m |= maskUDP
			default:
				m |= maskOther
			}
		}
	}
	w.c.protos &= m
}

// ipProtoHolds evaluates an ip_proto comparison on protocol p; p = -1
// stands for every protocol other than ICMP, TCP and UDP (true when some
// such protocol satisfies it).
func ipProtoHolds(op string, n, p int) bool {
	if p < 0 {
		switch op {
		case "":
			return n != 1 && n != 6 && n != 17
		case "<":
			return n > 2
		case ">":
			return n < 255
		}
		return true
	}
	switch op {
	case "!":
		return p != n
	case "<":
		return p < n
	case ">":
		return p > n
	}
	return p == n
}

// packetValueOption handles dsize, itype, icode and flags.
func (w *optionWalker) packetValueOption(name, v string) {
	w.shape.match = true
	w.shape.pdIncompatible = true
	if name != "flags" {
		w.shape.requirePacket = true
	}
	if name == "flags" {
		f, err := parseFlagsCond(v)
		if err != nil {
			w.c.addUnsupported(name)
			return
		}
		w.c.flags = &f
		return
	}
	cond, err := parseIntCond(v)
	if err != nil {
		w.c.addUnsupported(name)
		return
	}
	switch name {
	case "dsize":
		w.c.dsize = &cond
	case "itype":
		w.c.itype = &cond
	case "icode":
		w.c.icode = &cond
	}
}
