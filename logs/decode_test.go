package logs

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Records in the format AWS documents (see testdata/README.md).
const (
	docAlert = `{"firewall_name":"firewall","availability_zone":"zone","event_timestamp":"1601074865","event":{"timestamp":"2020-09-25T23:01:05.598481+0000","flow_id":1111111111111111,"event_type":"alert","src_ip":"10.16.197.56","src_port":49157,"dest_ip":"10.16.197.55","dest_port":8883,"proto":"TCP","alert":{"action":"allowed","signature_id":2,"rev":0,"signature":"","category":"","severity":3}}}`
	docFlow  = `{"firewall_name":"firewall","availability_zone":"us-east-1b","event_timestamp":"1601587565","event":{"timestamp":"2020-10-01T21:26:05.007515+0000","flow_id":1770453319291727,"event_type":"netflow","src_ip":"45.129.33.153","src_port":47047,"dest_ip":"172.31.16.139","dest_port":16463,"proto":"TCP","netflow":{"pkts":1,"bytes":60,"start":"2020-10-01T21:25:04.070479+0000","end":"2020-10-01T21:25:04.070479+0000","age":0,"min_ttl":241,"max_ttl":241},"tcp":{"tcp_flags":"02","syn":true}}}`
	tlsAlert = `{"firewall_name":"fw","availability_zone":"us-east-1a","event_timestamp":1765152000,"event":{"timestamp":"2025-12-08T00:00:00.5+0000","flow_id":7,"event_type":"alert","src_ip":"10.1.10.10","src_port":50000,"dest_ip":"93.184.216.34","dest_port":443,"proto":"TCP","app_proto":"tls","direction":"to_server","tls":{"sni":"WWW.Example.ORG","version":"TLS 1.3"},"alert":{"action":"blocked","signature_id":5,"rev":1,"signature":"a \"quoted\" \u00e9 sig","category":"","severity":3}}}`
)

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rec  string
		want Event
	}{
		{"aws alert example", docAlert, Event{
			Firewall: "firewall", AZ: "zone", Time: mustTime("2020-09-25T23:01:05.598481Z"), Type: "alert",
			FlowID: 1111111111111111, Src: netip.MustParseAddr("10.16.197.56"), Dst: netip.MustParseAddr("10.16.197.55"),
			SrcPort: 49157, DstPort: 8883, Proto: "TCP",
			Alert: &Alert{Action: "allowed", SID: 2, Severity: 3},
		}},
		{"aws flow example", docFlow, Event{
			Firewall: "firewall", AZ: "us-east-1b", Time: mustTime("2020-10-01T21:26:05.007515Z"), Type: "netflow",
			FlowID: 1770453319291727, Src: netip.MustParseAddr("45.129.33.153"), Dst: netip.MustParseAddr("172.31.16.139"),
			SrcPort: 47047, DstPort: 16463, Proto: "TCP", Pkts: 1, Bytes: 60,
		}},
		{"tls alert, escapes, numeric event_timestamp", tlsAlert, Event{
			Firewall: "fw", AZ: "us-east-1a", Time: mustTime("2025-12-08T00:00:00.5Z"), Type: "alert", FlowID: 7,
			Src: netip.MustParseAddr("10.1.10.10"), Dst: netip.MustParseAddr("93.184.216.34"), SrcPort: 50000, DstPort: 443,
			Proto: "TCP", AppProto: "tls", Direction: "to_server", SNI: "www.example.org",
			Alert: &Alert{Action: "blocked", SID: 5, Rev: 1, Signature: `a "quoted" é sig`, Severity: 3},
		}},
		{"envelope time when the event has none", `{"event_timestamp":"1601074865","event":{"event_type":"netflow","proto":"udp"}}`, Event{
			Time: time.Unix(1601074865, 0).UTC(), Type: "netflow", Proto: "UDP",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d := newDecoder()
			d.start([]byte(tt.rec))
			var got Event
			if err := d.decode(&got); err != nil {
				t.Fatal(err)
			}
			if d.more() {
				t.Errorf("text left after the record")
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ rec, want string }{
		{`{"event":{}`, "expected ',' or '}'"},
		{`{"event":{"src_ip":"10.0.0.300"}}`, "bad IP address"},
		{`{"event":{"src_port":70000}}`, "port outside 0-65535"},
		{`{"event":{"flow_id":1.5}}`, "expected an integer"},
		{`{"firewall_name":"x"}`, `no "event" object`},
		{`{"event":{}} x`, "text after the record"},
		{`{"event":{"a":[1,2,}}`, "expected a value"},
		{`{"event":{"a":"\x"}}`, "bad escape"},
		{`{"event":{"a":01}}`, "leading zero"},
		{`[]`, "expected an object"},
		{strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100), "nested too deeply"},
	}
	for _, tt := range tests {
		d := newDecoder()
		d.start([]byte(tt.rec))
		var e Event
		err := d.decode(&e)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error containing %q", tt.rec, err, tt.want)
		}
	}
}

// reference decodes rec with encoding/json into maps (keys match exactly,
// as AWS writes them): the simple reference the hand-written decoder is
// checked against. ok is false when the record is not an envelope with an
// event of the expected field types.
func reference(rec []byte) (e Event, ok bool) {
	var env map[string]any
	if json.Unmarshal(rec, &env) != nil {
		return e, false
	}
	ev, isObj := env["event"].(map[string]any)
	ok = isObj
	str := func(m map[string]any, k string, dst *string) {
		if v, present := m[k]; present && v != nil {
			s, isStr := v.(string)
			*dst, ok = s, ok && isStr
		}
	}
	num := func(m map[string]any, k string) int64 {
		v, present := m[k]
		if !present {
			return 0
		}
		f, isNum := v.(float64)
		ok = ok && isNum && f == float64(int64(f)) && f >= 0 && f <= 65535
		return int64(f)
	}
	str(env, "firewall_name", &e.Firewall)
	str(env, "availability_zone", &e.AZ)
	if !ok {
		return e, false
	}
	str(ev, "event_type", &e.Type)
	str(ev, "proto", &e.Proto)
	e.Proto = strings.ToUpper(e.Proto)
	str(ev, "app_proto", &e.AppProto)
	var src, dst string
	str(ev, "src_ip", &src)
	str(ev, "dest_ip", &dst)
	e.Src, _ = netip.ParseAddr(src)
	e.Dst, _ = netip.ParseAddr(dst)
	e.SrcPort, e.DstPort = uint16(num(ev, "src_port")), uint16(num(ev, "dest_port"))
	if a, isObj := ev["alert"].(map[string]any); isObj {
		e.Alert = &Alert{SID: num(a, "signature_id")}
		str(a, "action", &e.Alert.Action)
		str(a, "signature", &e.Alert.Signature)
	}
	if tls, isObj := ev["tls"].(map[string]any); isObj {
		if sni, isStr := tls["sni"].(string); isStr {
			e.SNI = string(lowerASCII([]byte(sni)))
		}
	}
	return e, ok
}

// project keeps the fields reference decodes.
func project(e Event) Event {
	p := Event{Firewall: e.Firewall, AZ: e.AZ, Type: e.Type, Src: e.Src, Dst: e.Dst, SrcPort: e.SrcPort,
		DstPort: e.DstPort, Proto: e.Proto, AppProto: e.AppProto, SNI: e.SNI}
	if e.Alert != nil {
		p.Alert = &Alert{Action: e.Alert.Action, SID: e.Alert.SID, Signature: e.Alert.Signature}
	}
	return p
}

// FuzzDecode checks the decoder against encoding/json: whatever both
// accept decodes alike, and invalid JSON is never accepted.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{docAlert, docFlow, tlsAlert, `{"event":{"a":[true,false,null,-1.5e3]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, rec []byte) {
		d := newDecoder()
		d.start(append([]byte(nil), rec...))
		var got Event
		err := d.decode(&got)
		if err == nil && !d.more() && !json.Valid(rec) {
			t.Fatalf("accepted invalid JSON %q", rec)
		}
		want, ok := reference(rec)
		if err != nil || !ok || d.more() {
			return
		}
		if diff := cmp.Diff(want, project(got), cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
			t.Fatalf("%q: (-encoding/json +decoder)\n%s", rec, diff)
		}
	})
}

// TestParseEVETime checks the fast path against time.Parse.
func TestParseEVETime(t *testing.T) {
	t.Parallel()
	cases := []string{"2020-09-25T23:01:05.598481+0000", "2025-12-02T09:00:00.5-0130", "2024-02-29T00:00:00.000000001+1400",
		"2025-12-02T09:00:00Z", "2025-12-02T09:00:00.123+01:00", "2025-13-02T09:00:00.1+0000", "garbage"}
	checked := 0
	for _, c := range cases {
		want := time.Time{}
		for _, layout := range []string{"2006-01-02T15:04:05.999999999-0700", time.RFC3339Nano} {
			if w, err := time.Parse(layout, c); err == nil {
				want = w.UTC()
				break
			}
		}
		if got := parseEVETime([]byte(c)); !got.Equal(want) {
			t.Errorf("%s: got %v, want %v", c, got, want)
		}
		checked++
	}
	if checked != len(cases) {
		t.Fatalf("checked %d of %d", checked, len(cases))
	}
}
