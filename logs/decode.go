package logs

import (
	"errors"
	"net/netip"
	"time"
)

// decoder turns records into Events. It interns the few distinct values of
// low-cardinality fields (firewall, AZ, event type, protocol, action) so
// that decoding allocates little. A decoder is not safe for concurrent
// use; each reading goroutine has its own.
type decoder struct {
	s      scanner
	intern map[string]string
	// envTime is the envelope's event_timestamp of the record being read.
	envTime int64
}

// maxInterned bounds the interning table; past it strings are allocated.
const maxInterned = 4096

func newDecoder() *decoder { return &decoder{intern: map[string]string{}} }

// str returns b as a string, interned when the table has room.
func (d *decoder) str(b []byte) string {
	if s, ok := d.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.intern) < maxInterned {
		d.intern[s] = s
	}
	return s
}

var errNoEvent = errors.New("no \"event\" object")

// start points the decoder at one line of input.
func (d *decoder) start(line []byte) { d.s = scanner{b: line, buf: d.s.buf} }

// more reports whether the line holds another record: Firehose may
// deliver records back to back without a newline.
func (d *decoder) more() bool { return d.s.peek() != 0 }

// decode parses the next record (an AWS envelope) of the line into e,
// which it resets. It returns an error for invalid JSON, text other than
// another record after it, a record without an event object, or a field
// of the wrong type.
func (d *decoder) decode(e *Event) error {
	*e = Event{}
	d.envTime = -1
	seen := false
	err := d.s.object(func(k []byte) error {
		switch string(k) {
		case "firewall_name":
			return d.strField(&e.Firewall)
		case "availability_zone":
			return d.strField(&e.AZ)
		case "event_timestamp":
			n, err := d.s.int()
			d.envTime = n
			return err
		case "event":
			seen = true
			return d.event(e)
		}
		return d.s.skip()
	})
	if err != nil {
		return err
	}
	if c := d.s.peek(); c != 0 && c != '{' {
		return d.s.fail("text after the record")
	}
	if !seen {
		return errNoEvent
	}
	if e.Time.IsZero() && d.envTime >= 0 {
		e.Time = time.Unix(d.envTime, 0).UTC()
	}
	return nil
}

func (d *decoder) strField(dst *string) error {
	if d.s.peek() == 'n' {
		return d.s.skip() // null
	}
	b, err := d.s.str()
	if err == nil {
		*dst = d.str(b)
	}
	return err
}

// event reads the EVE event object.
func (d *decoder) event(e *Event) error {
	return d.s.object(func(k []byte) error {
		switch string(k) {
		case "timestamp":
			b, err := d.s.str()
			if err == nil {
				e.Time = parseEVETime(b)
			}
			return err
		case "event_type":
			return d.strField(&e.Type)
		case "flow_id":
			n, err := d.s.int()
			e.FlowID = n
			return err
		case "src_ip":
			return d.addr(&e.Src)
		case "dest_ip":
			return d.addr(&e.Dst)
		case "src_port":
			return d.port(&e.SrcPort)
		case "dest_port":
			return d.port(&e.DstPort)
		case "proto":
			b, err := d.s.str()
			if err == nil {
				e.Proto = d.str(upper(b))
			}
			return err
		case "direction":
			return d.strField(&e.Direction)
		case "app_proto":
			return d.strField(&e.AppProto)
		case "alert":
			e.Alert = &Alert{}
			return d.alert(e.Alert)
		case "tls":
			return d.sub("sni", &e.SNI)
		case "http":
			return d.sub("hostname", &e.HTTPHost)
		case "netflow":
			return d.netflow(e)
		}
		return d.s.skip()
	})
}

func (d *decoder) addr(dst *netip.Addr) error {
	b, err := d.s.str()
	if err != nil {
		return err
	}
	a, perr := netip.ParseAddr(string(b))
	if perr != nil {
		return d.s.fail("bad IP address")
	}
	*dst = a.Unmap()
	return nil
}

func (d *decoder) port(dst *uint16) error {
	n, err := d.s.int()
	if err != nil {
		return err
	}
	if n < 0 || n > 65535 {
		return d.s.fail("port outside 0-65535")
	}
	*dst = uint16(n)
	return nil
}

func (d *decoder) alert(a *Alert) error {
	return d.s.object(func(k []byte) error {
		var err error
		switch string(k) {
		case "action":
			return d.strField(&a.Action)
		case "signature_id":
			a.SID, err = d.s.int()
		case "rev":
			a.Rev, err = d.s.int()
		case "severity":
			a.Severity, err = d.s.int()
		case "signature":
			b, e := d.s.str()
			a.Signature, err = d.str(b), e
		case "category":
			return d.strField(&a.Category)
		default:
			return d.s.skip()
		}
		return err
	})
}

// sub reads one string field of a sub-object (tls.sni, http.hostname).
func (d *decoder) sub(name string, dst *string) error {
	return d.s.object(func(k []byte) error {
		if string(k) == name && d.s.peek() == '"' {
			b, err := d.s.str()
			*dst = d.str(lowerASCII(b))
			return err
		}
		return d.s.skip()
	})
}

func (d *decoder) netflow(e *Event) error {
	return d.s.object(func(k []byte) error {
		var err error
		switch string(k) {
		case "pkts":
			e.Pkts, err = d.s.int()
		case "bytes":
			e.Bytes, err = d.s.int()
		default:
			return d.s.skip()
		}
		return err
	})
}

// lowerASCII lower-cases ASCII in place (host names compare without
// case; other bytes are kept).
func lowerASCII(b []byte) []byte {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
	}
	return b
}

// upper upper-cases ASCII in place.
func upper(b []byte) []byte {
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return b
}

// parseEVETime parses Suricata's "2020-09-25T23:01:05.598481+0000"
// (fast path) or RFC 3339; the zero time when it does not parse.
func parseEVETime(b []byte) time.Time {
	if t, ok := parseEVEFast(b); ok {
		return t
	}
	for _, layout := range [...]string{"2006-01-02T15:04:05.999999999-0700", time.RFC3339Nano} {
		if t, err := time.Parse(layout, string(b)); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// parseEVEFast parses exactly YYYY-MM-DDTHH:MM:SS.ffffff+HHMM (any number
// of fraction digits, offset sign + or -) without allocating.
func parseEVEFast(b []byte) (time.Time, bool) {
	if len(b) < 24 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' || b[19] != '.' {
		return time.Time{}, false
	}
	num := func(s []byte) (int, bool) {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	i := 20
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	frac, digits := b[20:i], i-20
	if digits == 0 || digits > 9 || len(b)-i != 5 || b[i] != '+' && b[i] != '-' {
		return time.Time{}, false
	}
	var v [8]int
	for k, r := range [8][2]int{{0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}, {i + 1, i + 3}, {i + 3, i + 5}} {
		n, ok := num(b[r[0]:r[1]])
		if !ok {
			return time.Time{}, false
		}
		v[k] = n
	}
	ns, _ := num(frac)
	for d := digits; d < 9; d++ {
		ns *= 10
	}
	if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60 || v[6] > 23 || v[7] > 59 {
		return time.Time{}, false
	}
	off := (v[6]*60 + v[7]) * 60
	if b[i] == '-' {
		off = -off
	}
	t := time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], ns, time.UTC)
	return t.Add(-time.Duration(off) * time.Second), true
}
