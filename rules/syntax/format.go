package syntax

import (
	"strconv"
	"strings"
)

// String renders the rule as Suricata text with canonical spacing: one
// space between header fields, options as "name;" or "name:value;"
// separated by one space. Parsing the result gives the same rule (ranges
// aside).
func (r *Rule) String() string {
	var b strings.Builder
	b.Grow(len(r.Text) + 16)
	b.WriteString(r.Action.String())
	b.WriteByte(' ')
	b.WriteString(r.Protocol)
	b.WriteByte(' ')
	r.Source.write(&b)
	b.WriteByte(' ')
	r.SourcePort.write(&b)
	if r.Bidirectional {
		b.WriteString(" <> ")
	} else {
		b.WriteString(" -> ")
	}
	r.Destination.write(&b)
	b.WriteByte(' ')
	r.DestinationPort.write(&b)
	b.WriteString(" (")
	for i, o := range r.Options {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(o.String())
	}
	b.WriteByte(')')
	return b.String()
}

// String renders the option as "name;" or "name:value;".
func (o Option) String() string {
	if !o.HasValue {
		return o.Name + ";"
	}
	return o.Name + ":" + o.Value + ";"
}

// String renders the address expression in Suricata syntax.
func (e AddrExpr) String() string {
	var b strings.Builder
	e.write(&b)
	return b.String()
}

func (e AddrExpr) write(b *strings.Builder) {
	if e.Negated {
		b.WriteByte('!')
	}
	switch e.Kind {
	case AddrAny:
		b.WriteString("any")
	case AddrPrefix:
		if e.Prefix.Bits() == e.Prefix.Addr().BitLen() {
			b.WriteString(e.Prefix.Addr().String())
		} else {
			b.WriteString(e.Prefix.String())
		}
	case AddrRange:
		b.WriteString(e.First.String())
		b.WriteByte('-')
		b.WriteString(e.Last.String())
	case AddrVar:
		b.WriteByte('$')
		b.WriteString(e.Name)
	case AddrRef:
		b.WriteByte('@')
		b.WriteString(e.Name)
	case AddrGroup:
		b.WriteByte('[')
		for i, el := range e.Elems {
			if i > 0 {
				b.WriteByte(',')
			}
			el.write(b)
		}
		b.WriteByte(']')
	}
}

// String renders the port expression in Suricata syntax.
func (e PortExpr) String() string {
	var b strings.Builder
	e.write(&b)
	return b.String()
}

func (e PortExpr) write(b *strings.Builder) {
	if e.Negated {
		b.WriteByte('!')
	}
	switch e.Kind {
	case PortAny:
		b.WriteString("any")
	case PortRange:
		b.WriteString(strconv.Itoa(int(e.Ports.Lo)))
		if e.Ports.Hi != e.Ports.Lo {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(int(e.Ports.Hi)))
		}
	case PortVar:
		b.WriteByte('$')
		b.WriteString(e.Name)
	case PortGroup:
		b.WriteByte('[')
		for i, el := range e.Elems {
			if i > 0 {
				b.WriteByte(',')
			}
			el.write(b)
		}
		b.WriteByte(']')
	}
}
