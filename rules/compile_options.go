package rules

import (
	"strings"
)

// metadataKeywords never change whether a rule matches.
var metadataKeywords = map[string]bool{
	"msg": true, "sid": true, "rev": true, "gid": true, "classtype": true, "metadata": true,
	"reference": true, "priority": true, "target": true, "noalert": true, "alert": true,
	"tag": true, "fast_pattern": true, "rawbytes": true, "prefilter": true,
}

// decidableBuffers maps sticky-buffer keywords to the buffers a query states.
var decidableBuffers = map[string]bufferKind{
	"tls.sni": bufSNI, "tls_sni": bufSNI,
	"http.host": bufHost,
	"dns.query": bufDNSQuery, "dns_query": bufDNSQuery,
}

// legacyModifiers move the preceding content into a buffer (Suricata 4
// style); http_host is the decidable one.
var legacyModifiers = map[string]bool{
	"http_uri": true, "http_raw_uri": true, "http_header": true, "http_raw_header": true,
	"http_cookie": true, "http_method": true, "http_user_agent": true, "http_client_body": true,
	"http_server_body": true, "http_stat_code": true, "http_stat_msg": true,
	"http_raw_host": true, "http_host": true, "http_header_names": true,
	"http_accept": true, "http_accept_enc": true, "http_accept_lang": true,
	"http_connection": true, "http_content_len": true, "http_content_type": true,
	"http_protocol": true, "http_referer": true, "http_request_line": true,
	"http_response_line": true, "http_start": true,
}

// contentModifiers modify the preceding content.
var contentModifiers = map[string]bool{
	"nocase": true, "depth": true, "offset": true, "distance": true, "within": true,
	"startswith": true, "endswith": true,
}

// payloadInspections inspect bytes of the current buffer.
var payloadInspections = map[string]bool{
	"content": true, "pcre": true, "byte_test": true, "byte_jump": true, "byte_extract": true,
	"byte_math": true, "isdataat": true, "bsize": true, "entropy": true,
	"base64_decode": true, "uricontent": true,
}

// decidableTransforms apply to a decidable buffer's whole value.
var decidableTransforms = map[string]bool{"dotprefix": true, "to_lowercase": true}

// optionWalker turns options into conditions, in written order.
type optionWalker struct {
	c     *compiledRule
	shape *sigShape
	// Current buffer: "" is the packet payload; buf is set when the buffer
	// is decidable.
	curName string
	buf     *bufferCond
	broken  map[*bufferCond]bool
	// last is the last content, for modifiers; lastBuf the buffer it is in.
	last         *contentCond
	lastBuf      *bufferCond
	explicitPrio bool
	// flowbits and flowint read/write roles (DEFAULT_ACTION_ORDER).
	fbRead, fbWrite, fiRead, fiWrite bool
	// payloadContents counts contents on the payload; payloadOther is set
	// by pcre, byte_test, ... on the payload.
	payloadContents int
	payloadOther    bool
}

func (w *optionWalker) walk(opts []Option) {
	w.broken = map[*bufferCond]bool{}
	for _, o := range opts {
		w.option(strings.ToLower(o.Name), o)
	}
	var bufs []*bufferCond
	for _, b := range w.c.bufs {
		if w.broken[b] {
			w.c.addUnsupported(b.kind.String())
			continue
		}
		bufs = append(bufs, b)
	}
	w.c.bufs = bufs
	if w.payloadContents > 0 {
		w.c.addUnsupported("content")
	}
	w.shape.pmatch = w.payloadContents > 0 || w.payloadOther
	w.c.payload = w.shape.pmatch
}

func (w *optionWalker) option(name string, o Option) {
	switch {
	case metadataKeywords[name]:
		w.priorityOption(name, o.Value)
	case name == "flow":
		w.flowOption(o.Value)
	case name == "flowbits" || name == "xbits" || name == "hostbits" || name == "flowint":
		w.bitsOption(name, o.Value)
	case name == "app-layer-protocol":
		w.shape.pdKeyword = true
		v := strings.TrimSpace(o.Value)
		neg := strings.HasPrefix(v, "!")
		w.c.appProtos = append(w.c.appProtos, appProtoCond{proto: strings.TrimSpace(strings.TrimPrefix(v, "!")), negated: neg})
	case name == "ssl_state":
		w.shape.appBuffer = true
		w.sslStateOption(o.Value)
	case name == "ip_proto":
		w.ipProtoOption(o.Value)
	case name == "dsize", name == "itype", name == "icode", name == "flags":
		w.packetValueOption(name, o.Value)
	case name == "pkt_data":
		w.curName, w.buf = "", nil
	case decidableBuffers[name] != 0:
		w.shape.appBuffer = true
		w.c.toServerOnly = true
		w.curName = name
		w.buf = &bufferCond{kind: decidableBuffers[name]}
		w.c.bufs = append(w.c.bufs, w.buf)
	case legacyModifiers[name]:
		w.legacyModifier(name)
	case contentModifiers[name]:
		w.contentModifier(name, o.Value)
	case payloadInspections[name]:
		w.inspection(name, o)
	case decidableTransforms[name] && w.buf != nil:
		if name == "dotprefix" {
			w.buf.dotprefix = true
		} else {
			w.buf.lower = true
		}
	case pktBufferKeywords[name]:
		w.shape.pktBuffer = true
		w.curName, w.buf = name, nil
		w.c.addUnsupported(name)
	case ipOnlyCompatKeywords[name]:
		if name == "threshold" || name == "detection_filter" || name == "iprep" {
			w.c.addUnsupported(name)
		}
	case name == "decode-event" || name == "stream-event" || name == "engine-event":
		w.shape.deEvent = true
		w.c.addUnsupported(name)
	case isAppKeyword(name):
		w.shape.appBuffer = true
		w.curName, w.buf = name, nil
		w.c.addUnsupported(name)
	default:
		// ttl, tos, id, window, seq, ack, stream_size, ... and anything
		// unknown: a packet match the engine cannot decide.
		w.shape.match = true
		if requirePacketKeywords[name] || name == "ttl" || name == "tos" {
			w.shape.requirePacket = true
		}
		w.c.addUnsupported(name)
	}
}

func (w *optionWalker) flowOption(v string) {
	f := &w.c.flow
	dirOnly := true
	for _, a := range strings.Split(v, ",") {
		switch strings.ToLower(strings.TrimSpace(a)) {
		case "established":
			f.established, dirOnly = true, false
		case "not_established":
			f.notEstablished, dirOnly = true, false
		case "stateless":
			f.stateless, dirOnly = true, false
		case "to_server", "from_client":
			f.toServer = true
		case "to_client", "from_server":
			f.toClient = true
		case "only_stream":
			f.onlyStream, dirOnly = true, false
			w.shape.requireStream = true
		case "no_stream":
			f.noStream, dirOnly = true, false
			w.shape.requirePacket = true
		case "only_frag":
			f.onlyFrag, dirOnly = true, false
		case "no_frag":
			dirOnly = false
		}
	}
	if f.toServer || f.toClient {
		w.shape.oneDirection = true
	}
	single := dirOnly && f.toServer != f.toClient
	if !single {
		// Suricata adds a flow match unless the keyword is one direction only.
		w.shape.match = true
	}
	if !dirOnly {
		w.shape.pdIncompatible = true
	}
}

// priorityOption records the priority (explicit, else the classtype's).
func (w *optionWalker) priorityOption(name, v string) {
	switch name {
	case "priority":
		if n, err := parseIntOption(v); err == nil {
			w.c.priority, w.explicitPrio = n, true
		}
	case "classtype":
		if p, ok := classtypePriority(v); ok && !w.explicitPrio {
			w.c.priority = p
		}
	}
}
