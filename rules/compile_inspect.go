package rules

import (
	"strconv"
	"strings"
)

// inspection handles content, pcre and the other byte inspections.
func (w *optionWalker) inspection(name string, o Option) {
	switch name {
	case "content", "uricontent":
		w.content(name, o.Value)
	case "pcre":
		w.pcre(o.Value)
	case "isdataat":
		w.isdataat(o.Value)
	case "bsize":
		if w.buf == nil {
			w.payloadKeyword(name)
			return
		}
		cond, err := parseIntCond(o.Value)
		if err != nil {
			w.breakBuffer(w.buf, name)
			return
		}
		w.buf.items = append(w.buf.items, bufItem{kind: itemBsize, size: cond})
	default:
		// byte_test, byte_jump, byte_extract, byte_math, entropy, base64_decode
		if w.buf != nil {
			w.breakBuffer(w.buf, name)
			return
		}
		w.payloadKeyword(name)
	}
}

// payloadKeyword records an undecidable inspection of the current buffer
// (the payload when no sticky buffer is active).
func (w *optionWalker) payloadKeyword(name string) {
	if w.curName == "" {
		w.payloadOther = true
	}
	w.c.addUnsupported(name)
}

func (w *optionWalker) breakBuffer(b *bufferCond, name string) {
	w.broken[b] = true
	w.c.addUnsupported(name)
}

func (w *optionWalker) content(name, v string) {
	pat, neg, err := decodeContent(v)
	cc := &contentCond{pattern: pat, negated: neg, offset: -1, depth: -1}
	w.last, w.lastBuf = cc, nil
	if name == "uricontent" {
		w.shape.appBuffer = true
		w.c.addUnsupported(name)
		return
	}
	if w.buf == nil {
		if w.curName == "" {
			w.payloadContents++
		}
		return
	}
	if err != nil {
		w.breakBuffer(w.buf, name)
		return
	}
	w.buf.items = append(w.buf.items, bufItem{kind: itemContent, content: cc})
	w.lastBuf = w.buf
}

func (w *optionWalker) pcre(v string) {
	p, err := translatePcre(v)
	target := w.buf
	if err == nil && p.buffer != 0 {
		w.shape.appBuffer = true
		if p.buffer != 'W' {
			w.c.addUnsupported("pcre")
			return
		}
		target = w.hostBuffer()
	}
	if target == nil {
		w.payloadKeyword("pcre")
		return
	}
	if err != nil {
		w.breakBuffer(target, "pcre")
		return
	}
	target.items = append(target.items, bufItem{kind: itemPcre, re: p.re, reRel: p.relative, negated: p.negated})
}

func (w *optionWalker) isdataat(v string) {
	if w.buf == nil {
		w.payloadKeyword("isdataat")
		return
	}
	v = strings.TrimSpace(v)
	neg := strings.HasPrefix(v, "!")
	v = strings.TrimPrefix(v, "!")
	num, rest, _ := strings.Cut(v, ",")
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if err != nil {
		w.breakBuffer(w.buf, "isdataat")
		return
	}
	rel := strings.Contains(rest, "relative")
	w.buf.items = append(w.buf.items, bufItem{kind: itemIsdataat, n: n, nRel: rel, negated: neg})
}

// hostBuffer returns the rule's legacy http_host buffer, creating it.
func (w *optionWalker) hostBuffer() *bufferCond {
	for _, b := range w.c.bufs {
		if b.kind == bufHost {
			return b
		}
	}
	b := &bufferCond{kind: bufHost}
	w.c.bufs = append(w.c.bufs, b)
	w.c.toServerOnly = true
	return b
}

// legacyModifier moves the last payload content into a buffer.
func (w *optionWalker) legacyModifier(name string) {
	w.shape.appBuffer = true
	if w.last == nil || w.lastBuf != nil || w.curName != "" {
		w.c.addUnsupported(name)
		return
	}
	w.payloadContents--
	if name != "http_host" {
		w.c.addUnsupported(name)
		return
	}
	b := w.hostBuffer()
	b.items = append(b.items, bufItem{kind: itemContent, content: w.last})
	w.lastBuf = b
}

// contentModifier applies nocase, depth, ... to the last content.
func (w *optionWalker) contentModifier(name, v string) {
	cc := w.last
	if cc == nil {
		return
	}
	switch name {
	case "nocase":
		cc.nocase = true
		return
	case "startswith":
		cc.startswith = true
		w.markPayloadDepth()
		return
	case "endswith":
		cc.endswith = true
		return
	}
	n, err := parseIntOption(v)
	if err != nil {
		if w.lastBuf != nil {
			w.breakBuffer(w.lastBuf, name)
		}
		return
	}
	switch name {
	case "depth":
		cc.depth = n
		w.markPayloadDepth()
	case "offset":
		cc.offset = n
		w.markPayloadDepth()
	case "distance":
		cc.distance, cc.hasDist = n, true
	case "within":
		cc.within, cc.hasWithin = n, true
	}
}

// markPayloadDepth notes a payload content anchored by depth or offset
// (Suricata then also inspects packets: pkt_stream).
func (w *optionWalker) markPayloadDepth() {
	if w.lastBuf == nil && w.curName == "" {
		w.shape.contentDepth = true
	}
}
