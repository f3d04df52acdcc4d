// Package loggen writes synthetic Network Firewall logs (alert and flow
// records in AWS's envelope, shaped like Suricata's EVE JSON) for the
// benchmarks of `vpcreach logs`. The traffic is that of the egress
// example: its application subnets' clients talking to internet servers
// over TLS, HTTP, SSH and NTP, some of it blocked.
package loggen

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
)

// Options shape the generated traffic.
type Options struct {
	Events  int // records to write
	Clients int // distinct clients (0: 500)
	Servers int // distinct servers (0: 200)
	Seed    uint64
}

var (
	snis    = []string{"api.example.com", "www.example.org", "cdn.example.net", "partner.example.com", "github.com", "bucket.s3.amazonaws.com"}
	padding = `"pkt_src":"wire/pcap","tx_id":0,"flow":{"pkts_toserver":3,"pkts_toclient":1,"bytes_toserver":407,"bytes_toclient":66,"start":"2025-12-02T09:00:00.008100+0000"}`
)

// Write writes o.Events records to w, one per line (about 500 bytes
// each), and returns the bytes written.
func Write(w io.Writer, o Options) (int64, error) {
	if o.Clients <= 0 {
		o.Clients = 500
	}
	if o.Servers <= 0 {
		o.Servers = 200
	}
	r := rand.New(rand.NewPCG(o.Seed, 1))
	bw := bufio.NewWriterSize(w, 1<<20)
	var total int64
	buf := make([]byte, 0, 2048)
	for i := 0; i < o.Events; {
		f := newFlow(r, o, int64(i))
		for _, kind := range f.records() {
			if i == o.Events {
				break
			}
			buf = f.appendRecord(buf[:0], kind, i)
			n, err := bw.Write(buf)
			total += int64(n)
			if err != nil {
				return total, err
			}
			i++
		}
	}
	return total, bw.Flush()
}

type flow struct {
	id          int64
	az, client  string
	server      string
	cport, port int
	proto, app  string
	sni         string
	blocked     bool
	sid         int
	sig         string
}

func newFlow(r *rand.Rand, o Options, id int64) *flow {
	c := r.IntN(o.Clients)
	f := &flow{id: 1e12 + id, az: "us-east-1a", cport: 32768 + r.IntN(28000)}
	f.client = "10.1." + strconv.Itoa(10+c%2) + "." + strconv.Itoa(10+c/2%240)
	if c%2 == 1 {
		f.az = "us-east-1b"
	}
	s := r.IntN(o.Servers)
	f.server = "198.51." + strconv.Itoa(100+s/250) + "." + strconv.Itoa(1+s%250)
	switch p := r.IntN(100); {
	case p < 80:
		f.proto, f.app, f.port, f.sni = "TCP", "tls", 443, snis[r.IntN(len(snis))]
		switch f.sni {
		case "www.example.org", "cdn.example.net":
			f.blocked, f.sid, f.sig = true, 2100000002, "aws:drop_established"
		case "partner.example.com":
			f.blocked, f.sid, f.sig = true, 2000010, "Block partner.example.com"
		}
	case p < 90:
		f.proto, f.app, f.port, f.blocked, f.sid, f.sig = "TCP", "http", 80, true, 1000002, "Reject cleartext HTTP"
	case p < 95:
		f.proto, f.port, f.blocked, f.sid, f.sig = "TCP", 22, true, 2000001, "Block outbound SSH"
	default:
		f.proto, f.app, f.port = "UDP", "failed", 123
	}
	return f
}

// records lists the records a flow logs: an alert when blocked ('a'),
// and a netflow record per direction ('n' request, 'r' reply).
func (f *flow) records() []byte {
	if f.blocked {
		return []byte{'a', 'n', 'r'}
	}
	return []byte{'n', 'r'}
}

func (f *flow) appendRecord(b []byte, kind byte, i int) []byte {
	b = append(b, `{"firewall_name":"fw","availability_zone":"`...)
	b = append(b, f.az...)
	b = append(b, `","event_timestamp":"`...)
	sec := 1764633600 + i/25 // 2025-12-02T00:00:00Z, 25 events a second
	b = strconv.AppendInt(b, int64(sec), 10)
	b = append(b, `","event":{"timestamp":"2025-12-02T`...)
	hms := sec - 1764633600
	b = append2(b, hms/3600%24, ':')
	b = append2(b, hms/60%60, ':')
	b = append2(b, hms%60, '.')
	b = append(b, `000000+0000","flow_id":`...)
	b = strconv.AppendInt(b, f.id, 10)
	typ := "netflow"
	if kind == 'a' {
		typ = "alert"
	}
	b = append(b, `,"event_type":"`...)
	b = append(b, typ...)
	src, dst, sport, dport := f.client, f.server, f.cport, f.port
	if kind == 'r' {
		src, dst, sport, dport = dst, src, dport, sport
	}
	b = append(b, `","src_ip":"`...)
	b = append(b, src...)
	b = append(b, `","src_port":`...)
	b = strconv.AppendInt(b, int64(sport), 10)
	b = append(b, `,"dest_ip":"`...)
	b = append(b, dst...)
	b = append(b, `","dest_port":`...)
	b = strconv.AppendInt(b, int64(dport), 10)
	b = append(b, `,"proto":"`...)
	b = append(b, f.proto...)
	b = append(b, '"')
	if f.app != "" {
		b = append(b, `,"app_proto":"`...)
		b = append(b, f.app...)
		b = append(b, '"')
	}
	if kind == 'a' {
		b = append(b, `,"direction":"to_server","alert":{"action":"blocked","gid":1,"signature_id":`...)
		b = strconv.AppendInt(b, int64(f.sid), 10)
		b = append(b, `,"rev":1,"signature":"`...)
		b = append(b, f.sig...)
		b = append(b, `","category":"","severity":3}`...)
		if f.sni != "" && f.sid != 2100000002 {
			b = append(b, `,"tls":{"sni":"`...)
			b = append(b, f.sni...)
			b = append(b, `","version":"TLS 1.3"}`...)
		}
		b = append(b, ',')
		b = append(b, padding...)
	} else {
		b = append(b, `,"netflow":{"pkts":6,"bytes":`...)
		b = strconv.AppendInt(b, int64(300+f.id%900), 10)
		b = append(b, `,"start":"2025-12-02T09:00:00.016700+0000","end":"2025-12-02T09:00:00.017600+0000","age":0,"min_ttl":64,"max_ttl":64},"tcp":{"tcp_flags":"1b","syn":true,"fin":true,"psh":true,"ack":true}`...)
	}
	return append(b, "}}\n"...)
}

func append2(b []byte, n int, sep byte) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10), sep)
}
