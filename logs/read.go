package logs

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"
)

// DefaultMaxLine is the longest line read; a longer one is malformed.
const DefaultMaxLine = 1 << 20

// DefaultShown is how many malformed lines Stats keeps as examples.
const DefaultShown = 5

// batchBytes is the size of the batches of lines handed to decoders.
const batchBytes = 256 << 10

// Options tune Read. The zero value reads with GOMAXPROCS decoders.
type Options struct {
	// Stdin is read for the input name "-" (Stdin).
	Stdin io.Reader
	// Workers is the number of decoding goroutines; 0 means GOMAXPROCS.
	Workers int
	// MaxLine bounds a line's length; 0 means DefaultMaxLine.
	MaxLine int
	// Shown is how many malformed lines to keep; 0 means DefaultShown.
	Shown int
	// Progress, when set, is called from the reading goroutine with the
	// bytes read from disk so far and the total size of the files (0 when
	// unknown, as for standard input).
	Progress func(done, total int64)
}

// Sink receives decoded events. Read gives each decoding goroutine its
// own Sink, so a Sink needs no locking; the event is reused after Add
// returns.
type Sink interface {
	Add(e *Event)
}

// Malformed is a line that did not decode.
type Malformed struct {
	File string
	Line int64
	// Col is the 1-based byte column of the error, 0 when unknown.
	Col int
	// Reason says what is wrong; Text is the line's start (at most
	// malformedText bytes), unescaped: quote it to show it.
	Reason string
	Text   string
	order  int // input index, for sorting
}

// malformedText bounds the text kept of a malformed line.
const malformedText = 80

// Stats counts what Read read.
type Stats struct {
	Files     int
	Lines     int64 // non-blank lines
	Events    int64 // records decoded
	Malformed int64 // lines that did not decode (wholly or in part)
	// Examples are the first Shown malformed lines, in input order.
	Examples []Malformed
}

// ErrNothingParsed is returned when there were lines but not one record
// decoded.
var ErrNothingParsed = errors.New("no line of the input is a Network Firewall log record")

// Read streams the records of the files, directories (recursively) and
// "-" (standard input) named by paths to sinks made by newSink, one per
// decoding goroutine, and returns the sinks and counts. Memory does not
// grow with the input: lines are read through bounded buffers and decoded
// in batches. A malformed line is counted and skipped; Read fails only
// when inputs cannot be opened or when nothing at all decodes.
func Read[S Sink](paths []string, opts Options, newSink func() S) ([]S, Stats, error) {
	inputs, err := expand(paths)
	if err != nil {
		return nil, Stats{}, err
	}
	opts = opts.withDefaults()
	batches := make(chan *batch, opts.Workers*2)
	free := make(chan *batch, opts.Workers*3)
	sinks := make([]S, opts.Workers)
	wstats := make([]Stats, opts.Workers)
	var wg sync.WaitGroup
	for i := range sinks {
		sinks[i] = newSink()
		wg.Go(func() { decodeBatches(batches, free, sinks[i], &wstats[i], opts.Shown) })
	}
	rstats, rerr := readInputs(inputs, opts, batches, free)
	close(batches)
	wg.Wait()
	st := merge(append(wstats, rstats), opts.Shown)
	st.Files = len(inputs)
	if rerr != nil {
		return nil, st, rerr
	}
	if st.Events == 0 && st.Malformed > 0 {
		return sinks, st, ErrNothingParsed
	}
	return sinks, st, nil
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxLine <= 0 {
		o.MaxLine = DefaultMaxLine
	}
	if o.Shown <= 0 {
		o.Shown = DefaultShown
	}
	if o.Stdin == nil {
		o.Stdin = bytes.NewReader(nil)
	}
	return o
}

// batch is a run of lines of one input.
type batch struct {
	file  string
	order int
	data  []byte
	lines []lineRef
}

type lineRef struct {
	off, end int
	no       int64
}

// readInputs reads every input's lines into batches. Read errors of one
// input (a truncated gzip stream, say) are recorded as a malformed line
// and reading goes on with the next input; failing to open one is fatal.
func readInputs(inputs []input, opts Options, out, free chan *batch) (Stats, error) {
	var st Stats
	var total, done int64
	for _, in := range inputs {
		total += in.size
	}
	var counter func(int64)
	if opts.Progress != nil {
		counter = func(n int64) { done += n; opts.Progress(done, total) }
	}
	for i, in := range inputs {
		rc, err := open(in, opts.Stdin, counter)
		if err != nil {
			return st, err
		}
		err = readLines(rc, in.name, i, opts, out, free, &st)
		rc.Close()
		if err != nil {
			return st, err
		}
	}
	return st, nil
}

func readLines(r io.Reader, name string, order int, opts Options, out, free chan *batch, st *Stats) error {
	br := bufio.NewReaderSize(r, 64<<10)
	b := getBatch(free, name, order)
	var long []byte
	var no int64
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			if !tooLong {
				long = append(long, chunk...)
				tooLong = len(long) > opts.MaxLine
			}
			continue
		}
		if len(chunk) > 0 || long != nil || tooLong {
			no++
			tooLong = tooLong || len(long)+len(chunk) > opts.MaxLine
			if tooLong {
				st.Lines++
				note(st, opts.Shown, Malformed{File: name, Line: no, order: order,
					Reason: fmt.Sprintf("line longer than %d bytes", opts.MaxLine), Text: string(long[:min(len(long), malformedText)])})
			} else if line := trimEOL(append(long, chunk...)); len(bytes.TrimSpace(line)) > 0 {
				b.add(line, no)
			}
			long, tooLong = long[:0], false
			if len(b.data) >= batchBytes {
				out <- b
				b = getBatch(free, name, order)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			st.Lines++
			note(st, opts.Shown, Malformed{File: name, Line: no + 1, order: order, Reason: "read error: " + err.Error()})
			break
		}
	}
	if len(b.lines) > 0 {
		out <- b
	}
	return nil
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}

func getBatch(free chan *batch, name string, order int) *batch {
	select {
	case b := <-free:
		b.file, b.order, b.data, b.lines = name, order, b.data[:0], b.lines[:0]
		return b
	default:
		return &batch{file: name, order: order, data: make([]byte, 0, batchBytes+64<<10)}
	}
}

func (b *batch) add(line []byte, no int64) {
	off := len(b.data)
	b.data = append(b.data, line...)
	b.lines = append(b.lines, lineRef{off: off, end: len(b.data), no: no})
}

// note counts a malformed line and keeps it while fewer than shown are.
func note(st *Stats, shown int, m Malformed) {
	st.Malformed++
	if len(st.Examples) < shown {
		st.Examples = append(st.Examples, m)
	}
}

// decodeBatches decodes lines until batches closes.
func decodeBatches(batches <-chan *batch, free chan<- *batch, sink Sink, st *Stats, shown int) {
	d := newDecoder()
	var e Event
	for b := range batches {
		for _, l := range b.lines {
			st.Lines++
			line := b.data[l.off:l.end]
			if col, err := decodeLine(d, line, &e, sink, st); err != nil {
				note(st, shown, Malformed{File: b.file, Line: l.no, Col: col, order: b.order,
					Reason: err.Error(), Text: string(line[:min(len(line), malformedText)])})
			}
		}
		select {
		case free <- b:
		default:
		}
	}
}

// decodeLine decodes every record of a line. A CloudWatch Logs export
// prefixes each line with a timestamp and a space; that prefix (a first
// word starting with a digit) is skipped. Records before an error are kept. On error it returns the
// 1-based column where decoding failed (0 when unknown).
func decodeLine(d *decoder, line []byte, e *Event, sink Sink, st *Stats) (int, error) {
	rec := bytes.TrimLeft(line, " \t")
	if len(rec) > 0 && rec[0] != '{' {
		sp := bytes.IndexByte(rec, ' ')
		if sp < 0 || rec[0] < '0' || rec[0] > '9' || bytes.IndexByte(rec[:sp], '{') >= 0 {
			return 1, errors.New("not a JSON object")
		}
		rec = rec[sp+1:]
	}
	base := len(line) - len(rec)
	d.start(rec)
	for d.more() {
		if err := d.decode(e); err != nil {
			var se *syntaxError
			if errors.As(err, &se) {
				return base + se.off + 1, errors.New(se.what)
			}
			return 0, err
		}
		st.Events++
		sink.Add(e)
	}
	return 0, nil
}

// merge sums per-goroutine counts and keeps the first shown examples in
// input order.
func merge(parts []Stats, shown int) Stats {
	var st Stats
	for _, p := range parts {
		st.Lines += p.Lines
		st.Events += p.Events
		st.Malformed += p.Malformed
		st.Examples = append(st.Examples, p.Examples...)
	}
	sort.Slice(st.Examples, func(i, j int) bool {
		a, b := st.Examples[i], st.Examples[j]
		if a.order != b.order {
			return a.order < b.order
		}
		return a.Line < b.Line
	})
	if len(st.Examples) > shown {
		st.Examples = st.Examples[:shown]
	}
	return st
}
