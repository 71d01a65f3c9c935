// Command mediaevents lists the media service events of CloudTrail logs:
// AWS Elemental MediaConvert, Amazon Elastic Transcoder, Amazon Transcribe
// and AWS Elemental MediaTailor calls, with who made them, where, and
// whether they failed.
//
// Usage:
//
//	mediaevents [flags] [file or directory ...]
//
// It reads every input cloudtrail.NewReader accepts: CloudTrail log files
// (gzipped or not), single records, JSON Lines, EventBridge events,
// CloudWatch Logs payloads, lookup-events output. A file named is read
// whatever its name; directories are searched, as package cloudtrail/multi
// walks them, for files ending in .json, .json.gz, .jsonl or .gz (in any
// case), and the digest files under CloudTrail-Digest directories and
// other files are skipped. With no argument, or "-", it reads standard
// input.
//
// It reads -j inputs at once (by default as many as the CPUs the program
// may use, runtime.GOMAXPROCS(0)). The events of one input are shown in
// their order in it; those of different inputs are interleaved, so that
// with -j above 1 the rows of several inputs may be mixed, in an order
// that differs from run to run. -j 1 reads the inputs one after another,
// in the order of the command line and, in a directory, in lexical order.
//
// It writes a table, one event per line, or JSON Lines with -json (whose
// "file" member names the input of each event), then a summary: the count
// of events per service and event name, of the inputs (those that could
// not be read among them), and of errors. The table's columns are as wide
// as their widest value; it is written 4096 events at a time, so that
// memory stays bounded, and a later block is wider only where one of its
// values is. The summary goes to standard output after a table, and to
// standard error after JSON Lines so that the output stays JSON Lines.
// Problems with the input go to standard error as they are met, each
// naming its input; a damaged file costs only itself, and a directory that
// cannot be read only its own files. The exit status is 1 when an input
// could not be opened or read to its end, or the output could not be
// written (reading stops then, and the error is told once), 2 for bad
// usage.
//
// Flags:
//
//	-source list   event sources to show, comma-separated ("aws.mediaconvert"
//	               works too); default: the four media services
//	-name list     event names to show, comma-separated; default: all
//	-all           show the events of every service
//	-json          write JSON Lines instead of a table
//	-lenient       also read documentation-style JSON (trailing commas, {...})
//	-j n           read n inputs at once (default: the number of CPUs)
//	-progress      report progress on standard error every 2 seconds (the
//	               default when standard error is a terminal): the inputs
//	               read of those found, the bytes read of their size, the
//	               events shown, and the input of the latest event
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
	"github.com/mediatrail/mediatrail/examples/internal/console"
	"github.com/mediatrail/mediatrail/internal/services"
)

// mediaSources are the event sources shown by default: those of every
// service package of the module. (A program of yours imports the service
// packages it needs, each of which registers its decoders, and names their
// EventSource constants.)
var mediaSources = func() []string {
	var out []string
	for _, s := range services.All {
		out = append(out, s.EventSources...)
	}
	return out
}()

// progressEvery is how often progress is reported.
var progressEvery = 2 * time.Second

func main() {
	if os.Getenv("GOGC") == "" {
		// The command keeps little alive (a block of rows) while it
		// reads events fast: a higher GOGC lets the collector run a
		// quarter as often, which lets the second core count (see
		// package multi). GOGC in the environment wins.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags ask for.
type config struct {
	json     bool
	lenient  bool
	progress bool
	jobs     int      // inputs read at once
	sources  []string // nil: every source
	names    []string // nil: every name
}

// run is the command with its arguments and streams; it returns the exit
// status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("mediaevents", flag.ContinueOnError)
	flags.SetOutput(stderr)
	asJSON := flags.Bool("json", false, "write JSON Lines instead of a table")
	all := flags.Bool("all", false, "show the events of every service, not only the media services")
	source := flags.String("source", "", "event sources to show, comma-separated (default: the media services)")
	name := flags.String("name", "", "event names to show, comma-separated (default: all)")
	lenient := flags.Bool("lenient", false, "also read documentation-style JSON (trailing commas, {...} elisions)")
	jobs := flags.Int("j", runtime.GOMAXPROCS(0), "read `n` inputs at once")
	progress := flags.Bool("progress", isTerminal(stderr), "report progress on standard error every 2 seconds")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: mediaevents [-json] [-all | -source list] [-name list] [-lenient] [-j n] [-progress] [file or directory ...]")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cfg := config{json: *asJSON, lenient: *lenient, progress: *progress, jobs: *jobs, names: console.SplitList(*name)}
	switch {
	case *jobs < 1:
		fmt.Fprintf(stderr, "mediaevents: -j %d: want at least 1 input at once\n", *jobs)
		return 2
	case *all && *source != "":
		fmt.Fprintln(stderr, "mediaevents: -all and -source exclude each other")
		return 2
	case *source != "":
		cfg.sources = console.SplitList(*source)
	case !*all:
		cfg.sources = mediaSources
	}

	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	var p printer = newTable(out)
	if cfg.json {
		p = &jsonLines{w: out}
	}
	in := console.OpenInputs(flags.Args(), stdin, cfg.jobs, multi.StdinName, cfg.readerOptions()...)
	defer in.Close()
	s := newScan(p, in, stderr)
	if cfg.progress {
		defer s.startProgress()()
	}

	s.read()
	if err := p.flush(); err != nil {
		fmt.Fprintf(stderr, "mediaevents: %v\n", err)
		return 1
	}
	if cfg.json {
		out.Flush()
		s.summary(stderr)
	} else {
		fmt.Fprintln(out)
		s.summary(out)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "mediaevents: %v\n", err)
		return 1
	}
	if in.Err() != nil {
		return 1
	}
	return 0
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// row is one event as the command shows it.
type row struct {
	File      string `json:"file"`
	Index     int    `json:"index"`
	Time      string `json:"time"`
	Service   string `json:"service"`
	Event     string `json:"event"`
	Principal string `json:"principal"`
	Region    string `json:"region"`
	Error     string `json:"error,omitempty"`
	Detail    string `json:"detail,omitempty"`
	EventID   string `json:"eventID,omitempty"`
}

func newRow(file string, e *cloudtrail.Event) row {
	r := row{
		File:      file,
		Time:      "-",
		Service:   service(e),
		Event:     e.EventName,
		Principal: e.Actor().String(),
		Region:    e.AWSRegion,
		Error:     e.ErrorCode,
		Detail:    detail(e),
		EventID:   e.EventID,
	}
	if e.Delivery != nil {
		r.Index = e.Delivery.Index
	}
	if !e.EventTime.IsZero() {
		r.Time = e.EventTime.UTC().Format(time.RFC3339)
	}
	if e.UserIdentity == nil {
		r.Principal = "-"
	}
	if e.EventType == "AwsCloudTrailInsight" {
		// An Insights event is about the calls of another event.
		r.Event = "Insight " + e.Get("insightDetails.eventName").String() + " " + e.Get("insightDetails.state").String()
	}
	return r
}

// service returns the short name of an event's service: "mediaconvert"
// for mediaconvert.amazonaws.com; for an Insights event, the service the
// insight is about.
func service(e *cloudtrail.Event) string {
	src := e.EventSource
	if src == "" && e.EventType == "AwsCloudTrailInsight" {
		src = e.Get("insightDetails.eventSource").String()
	}
	src = cloudtrail.CanonicalEventSource(src)
	if src == "" {
		return "-"
	}
	return strings.TrimSuffix(src, ".amazonaws.com")
}

// printer writes events.
type printer interface {
	print(r row) error
	flush() error
}

// table writes events as a table whose columns are as wide as their
// widest value. It holds rows back and writes them a block at a time:
// when tableBlock rows are waiting, and at the end. Column widths only
// grow, so a table of up to tableBlock events lines up throughout, and
// the rows of a later block line up with those above unless one of them
// is wider than any before; memory stays bounded whatever the input.
type table struct {
	w      io.Writer
	header bool       // the header is among the rows, written or held
	rows   [][]string // the rows held back, as printed (see cells)
	widths []int      // the width of each column but the last, in characters
	err    error
}

// tableBlock is how many rows a table holds back before it writes them.
var tableBlock = 4096

func newTable(w io.Writer) *table { return &table{w: w} }

// columns are the names of the columns; the last, DETAIL, is not padded.
var columns = []string{"TIME", "SERVICE", "EVENT", "PRINCIPAL", "REGION", "ERROR", "DETAIL"}

// columnGap is the space between two columns.
const columnGap = "  "

// add holds a row back, its values made printable and empty ones but the
// last shown as "-", and writes the rows held when there are tableBlock.
func (t *table) add(values ...string) {
	row := make([]string, len(values))
	for i, v := range values {
		v = console.Printable(v)
		if v == "" && i < len(values)-1 {
			v = "-"
		}
		row[i] = v
		if i < len(values)-1 {
			for len(t.widths) <= i {
				t.widths = append(t.widths, 0)
			}
			t.widths[i] = max(t.widths[i], utf8.RuneCountInString(v))
		}
	}
	t.rows = append(t.rows, row)
	if len(t.rows) >= tableBlock {
		t.write()
	}
}

// write writes the rows held back, padded to the column widths.
func (t *table) write() {
	var b strings.Builder
	for _, row := range t.rows {
		b.Reset()
		for i, v := range row {
			b.WriteString(v)
			if i == len(row)-1 {
				break
			}
			for n := utf8.RuneCountInString(v); n < t.widths[i]; n++ {
				b.WriteByte(' ')
			}
			b.WriteString(columnGap)
		}
		line := strings.TrimRight(b.String(), " ")
		if _, err := fmt.Fprintln(t.w, line); err != nil && t.err == nil {
			t.err = err
		}
	}
	clear(t.rows)
	t.rows = t.rows[:0]
}

func (t *table) print(r row) error {
	if !t.header {
		t.header = true
		t.add(columns...)
	}
	t.add(r.Time, r.Service, r.Event, r.Principal, r.Region, r.Error, r.Detail)
	return t.err
}

func (t *table) flush() error {
	if !t.header {
		t.add("no events")
	}
	t.write()
	return t.err
}

// jsonLines writes one JSON object per event.
type jsonLines struct {
	w   io.Writer
	err error
}

func (j *jsonLines) print(r row) error {
	b, err := json.Marshal(r)
	if err == nil {
		b = append(b, '\n')
		_, err = j.w.Write(b)
	}
	if err != nil && j.err == nil {
		j.err = err
	}
	return j.err
}

func (j *jsonLines) flush() error { return j.err }

// readerOptions are the options of the Reader of each input.
func (cfg config) readerOptions() []cloudtrail.Option {
	var opts []cloudtrail.Option
	if cfg.lenient {
		opts = append(opts, cloudtrail.Lenient())
	}
	if cfg.sources != nil {
		opts = append(opts, cloudtrail.WithEventSources(cfg.sources...))
	}
	if cfg.names != nil {
		opts = append(opts, cloudtrail.WithEventNames(cfg.names...))
	}
	return opts
}

// scan reads the inputs and counts what it finds.
type scan struct {
	p      printer
	in     *console.Inputs
	stderr io.Writer
	mu     sync.Mutex // guards stderr, shared with the progress reports

	counts map[[2]string]int // events per service and event name
	events int
	shown  atomic.Int64 // events shown, for the progress reports
}

func newScan(p printer, in *console.Inputs, stderr io.Writer) *scan {
	return &scan{p: p, in: in, stderr: stderr, counts: make(map[[2]string]int)}
}

// warn writes a problem with the input to standard error.
func (s *scan) warn(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintln(s.stderr, "mediaevents: "+msg)
}

// read reads the inputs to their end, or until the output cannot be
// written (the printer keeps its error).
func (s *scan) read() {
	for e := range s.in.Events(s.warn) {
		s.events++
		r := newRow(s.in.Name(), e)
		s.counts[[2]string{r.Service, r.Event}]++
		s.shown.Add(1)
		if s.p.print(r) != nil {
			return
		}
	}
}

// summary writes the counts.
func (s *scan) summary(w io.Writer) {
	type count struct {
		key [2]string
		n   int
	}
	var counts []count
	for k, n := range s.counts {
		counts = append(counts, count{k, n})
	}
	slices.SortFunc(counts, func(a, b count) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return cmp.Compare(a.key[0]+" "+a.key[1], b.key[0]+" "+b.key[1])
	})
	fmt.Fprintf(w, "%d events in %d inputs\n", s.events, s.in.Progress().Inputs)
	for _, c := range counts {
		fmt.Fprintf(w, "%8d  %s %s\n", c.n, c.key[0], c.key[1])
	}
	fmt.Fprintf(w, "errors: %d bad records, %d inputs not read to the end, %d values that are no records\n", s.in.BadRecords, s.in.Failed, s.in.NotRecords)
}

// startProgress reports progress on standard error until the returned
// function is called.
func (s *scan) startProgress() (stop func()) {
	return console.StartProgress(s.stderr, &s.mu, progressEvery, func(elapsed time.Duration) string {
		return "mediaevents: " + s.in.ProgressLine(elapsed, fmt.Sprintf("%d events", s.shown.Load()))
	})
}
