package syntax

import (
	"fmt"
	"strconv"
	"strings"
)

// Value checks of single keywords (see simpleChecks): each returns what is
// wrong with the value, or "".

func checkTOS(v string) string {
	v = strings.TrimPrefix(strings.TrimSpace(v), "!")
	if h, ok := strings.CutPrefix(v, "x"); ok {
		if n, err := strconv.ParseUint(h, 16, 8); err != nil || h == "" || n > 255 {
			return fmt.Sprintf("has %q where a hexadecimal byte is expected", Clip(v))
		}
		return ""
	}
	return plainNumber(v, 255)
}

// ipProto checks ip_proto: a protocol number or name, optionally after
// '!', '<' or '>', in a rule whose protocol is ip.
func (c *valueChecker) ipProto(v string) string {
	if !ipRuleProtocols[strings.ToLower(c.r.Protocol)] {
		return fmt.Sprintf("is used in a %s rule; ip_proto needs the rule protocol ip", c.r.Protocol)
	}
	v = strings.TrimSpace(v)
	plain := !strings.ContainsAny(v[:min(1, len(v))], "!<>")
	v = strings.TrimSpace(strings.TrimLeft(v, "!<>"))
	n, ok := IPProtoNumber(v)
	switch {
	case !ok && ipProtoNames[v]:
		return ""
	case !ok:
		if _, err := strconv.ParseUint(v, 10, 64); err == nil {
			return plainNumber(v, 255)
		}
		return fmt.Sprintf("has %q, which is neither a protocol number nor a protocol name", Clip(v))
	case !plain:
		return ""
	}
	if c.ipProtoIs >= 0 && c.ipProtoIs != n {
		return fmt.Sprintf("asks for protocol %d after an ip_proto for protocol %d", n, c.ipProtoIs)
	}
	c.ipProtoIs = n
	return ""
}

// checkFlow checks the comma-separated flow options: known names, one of
// each group.
func checkFlow(v string) string {
	var groups [4]string
	for rest, more := v, true; more; {
		var tok string
		tok, rest, more = strings.Cut(rest, ",")
		tok = strings.TrimSpace(tok)
		if tok == "" {
			return "has an empty option (a comma too many, or none)"
		}
		g, ok := flowGroups[tok]
		if !ok {
			g, ok = flowGroups[strings.ToLower(tok)]
		}
		if !ok {
			return fmt.Sprintf("has the unknown option %q (established, not_established, stateless, to_server, "+
				"to_client, from_server, from_client, only_stream, no_stream, only_frag, no_frag)", Clip(tok))
		}
		if prev := groups[g]; prev != "" {
			return fmt.Sprintf("sets the %s twice (%s and %s)", flowGroupNames[g], prev, tok)
		}
		groups[g] = tok
	}
	return ""
}

// checkFlags checks a TCP flags value: [modifier]flags[,ignored flags]
// with the letters S A P R F U C E 1 2 and 0, modifiers + * !.
func checkFlags(v string) string {
	main, mask, hasMask := strings.Cut(v, ",")
	main = strings.TrimSpace(main)
	letters := 0
	for _, ch := range main {
		switch {
		case strings.ContainsRune("SAPRFU120CE", ch):
			letters++
		case strings.ContainsRune("+*!", ch):
		default:
			return fmt.Sprintf("has %q, which is not a flag (S A P R F U C E 1 2 0, modifiers + * !)", string(ch))
		}
	}
	if letters == 0 {
		return "names no flag"
	}
	if hasMask {
		mask = strings.TrimSpace(mask)
		if mask == "" || strings.Trim(mask, "SAPRFU12CE") != "" {
			return fmt.Sprintf("has %q after the comma, where flags to ignore are expected", Clip(mask))
		}
	}
	return ""
}

func checkFragbits(v string) string {
	v = strings.TrimSpace(v)
	if strings.Trim(v, "MDR+*!") != "" || strings.Trim(v, "+*!") == "" {
		return "is not fragment bits (M, D, R with modifiers + * !)"
	}
	return ""
}

func checkSSLState(v string) string {
	for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return r == '|' || r == ',' }) {
		if _, ok := sslStateBits[strings.TrimPrefix(strings.TrimSpace(tok), "!")]; !ok {
			return fmt.Sprintf("has %q (client_hello, server_hello, client_keyx, server_keyx, unknown)", Clip(strings.TrimSpace(tok)))
		}
	}
	if strings.Trim(v, " |,") == "" || strings.HasSuffix(strings.TrimSpace(v), "|") {
		return "lacks a state name"
	}
	return ""
}

func checkSSLVersion(v string) string {
	n := 0
	for _, tok := range splitTrim(strings.ToLower(v), ",") {
		if tok == "" {
			continue
		}
		if !sslVersions[strings.TrimSpace(strings.TrimPrefix(tok, "!"))] {
			return fmt.Sprintf("has %q (sslv2, sslv3, tls1.0, tls1.1, tls1.2, tls1.3)", Clip(tok))
		}
		n++
	}
	if n == 0 {
		return "names no version"
	}
	return ""
}

func checkAppLayer(v string) string {
	name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "!"))
	if !appLayerNames[name] {
		return fmt.Sprintf("names %q, which is not an application protocol Suricata 7 detects", Clip(name))
	}
	return ""
}

// checkFlowbits checks command[,name]: noalert takes no name, the other
// commands need one (names joined by | or &).
func checkFlowbits(v string) string {
	cmd, name, hasName := strings.Cut(v, ",")
	if strings.TrimLeft(cmd, " \t") != strings.TrimSpace(cmd) {
		return "has a blank after its command"
	}
	name = strings.TrimSpace(name)
	switch cmd = strings.TrimSpace(cmd); cmd {
	case "noalert":
		if hasName {
			return "gives noalert a name; it takes none"
		}
		return ""
	case "set", "isset", "unset", "toggle", "isnotset":
		name, _, _ = strings.Cut(name, ",")
		name = strings.TrimSpace(name)
		if name == "" {
			return fmt.Sprintf("lacks the flowbit name after %s", cmd)
		}
		if strings.ContainsAny(name, " \t") {
			return fmt.Sprintf("has the flowbit name %q with a blank", Clip(name))
		}
		return ""
	default:
		return fmt.Sprintf("has the command %q (set, isset, unset, toggle, isnotset, noalert)", Clip(cmd))
	}
}

func checkStreamSize(v string) string {
	parts := splitTrim(v, ",")
	switch {
	case len(parts) != 3:
		return "is not side,operator,bytes"
	case oneOf(parts[0], "client", "server", "both", "either") != "":
		return fmt.Sprintf("has the side %q (client, server, both, either)", Clip(parts[0]))
	case oneOf(parts[1], "<", ">", "=", "!=", "<=", ">=") != "":
		return fmt.Sprintf("has the operator %q (<, >, =, !=, <=, >=)", Clip(parts[1]))
	}
	return plainNumber(parts[2], 1<<32-1)
}

// checkMsg checks msg: a double-quoted, non-empty text.
func checkMsg(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "is not in double quotes"
	}
	if v == `""` {
		return "is empty"
	}
	return ""
}

func checkReference(v string) string {
	typ, id, ok := strings.Cut(v, ",")
	if !ok || strings.TrimSpace(typ) == "" || strings.TrimSpace(id) == "" {
		return "is not type,identifier (such as url,example.com/advisory)"
	}
	return ""
}

func checkTag(v string) string {
	first, _, _ := strings.Cut(v, ",")
	return oneOf(strings.ToLower(first), "session", "host")
}

func checkXbits(v string) string {
	for _, p := range splitTrim(v, ",")[1:] {
		if strings.HasPrefix(p, "track") {
			return ""
		}
	}
	return "lacks track ip_src, ip_dst or ip_pair"
}

// IPProtoNumber returns the protocol number an ip_proto value names:
// icmp, tcp, udp (any case) or a number from 0 to 255.
func IPProtoNumber(v string) (int, bool) {
	switch strings.ToLower(v) {
	case "icmp":
		return 1, true
	case "tcp":
		return 6, true
	case "udp":
		return 17, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 0 && n < 256
}
