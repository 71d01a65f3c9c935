// Package trailgen generates realistic CloudTrail log files for tests and
// benchmarks.
//
// The output is deterministic: the same Config always gives the same bytes.
// Records mix the services a typical account logs (S3, EC2, IAM, STS,
// Lambda, KMS, CloudWatch, DynamoDB, ...) with, by default, 5% media events
// (MediaConvert, Transcribe, Elastic Transcoder, MediaTailor). Records are
// about 1-3 KB on average, some much larger (EC2 RunInstances, MediaConvert
// job settings), and identities are IAM users, assumed roles with a session
// context, AWS services and IAM Identity Center users.
package trailgen

import (
	"bufio"
	"bytes"
	"io"
	"math/rand/v2"
	"time"

	"github.com/klauspost/compress/gzip"
)

// MediaSources are the event sources of the media services, in the order
// trailgen picks them.
var MediaSources = []string{
	"mediaconvert.amazonaws.com",
	"transcribe.amazonaws.com",
	"elastictranscoder.amazonaws.com",
	"mediatailor.amazonaws.com",
}

// DefaultMediaFraction is the share of media events when Config leaves
// MediaFraction at zero.
const DefaultMediaFraction = 0.05

// DefaultRecords is the number of records written when Config sets neither
// Records nor Bytes.
const DefaultRecords = 100

// Config describes a trail to generate.
type Config struct {
	// Seed selects the trail; equal configurations give equal bytes.
	Seed uint64
	// Records is the number of records to write. When it is zero, Bytes
	// decides; when both are zero, DefaultRecords are written.
	Records int
	// Bytes, when Records is zero, is the approximate size of the JSON text
	// to write (before compression): records are added until it is reached.
	Bytes int64
	// MediaFraction is the share of media events, from 0 to 1. Zero means
	// DefaultMediaFraction; a negative value means no media events.
	MediaFraction float64
	// Gzip compresses the output, as CloudTrail does in S3.
	Gzip bool
	// Start is the time of the first record; the zero value means
	// 2024-05-01T00:00:00Z. Later records follow within seconds.
	Start time.Time
}

func (c Config) mediaFraction() float64 {
	switch {
	case c.MediaFraction < 0:
		return 0
	case c.MediaFraction == 0:
		return DefaultMediaFraction
	case c.MediaFraction > 1:
		return 1
	}
	return c.MediaFraction
}

// Write writes a CloudTrail log file, {"Records":[...]}, to w, gzipped when
// cfg.Gzip is set. It writes record by record, so that any size can be
// written with little memory.
func Write(w io.Writer, cfg Config) error {
	var zw *gzip.Writer
	out := w
	if cfg.Gzip {
		zw = gzip.NewWriter(w)
		out = zw
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	g := New(cfg)
	var rec []byte
	if _, err := bw.WriteString(g.Header()); err != nil {
		return err
	}
	for g.More() {
		rec = g.AppendRecord(rec[:0])
		if _, err := bw.Write(rec); err != nil {
			return err
		}
	}
	if _, err := bw.WriteString(g.Trailer()); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if zw != nil {
		return zw.Close()
	}
	return nil
}

// Trail returns a CloudTrail log file as Write writes it.
func Trail(cfg Config) []byte {
	var buf bytes.Buffer
	if cfg.Records > 0 {
		buf.Grow(cfg.Records * 2000)
	} else if cfg.Bytes > 0 && !cfg.Gzip {
		buf.Grow(int(cfg.Bytes) + 64<<10)
	}
	if err := Write(&buf, cfg); err != nil {
		// Writes to a bytes.Buffer do not fail.
		panic("trailgen: " + err.Error())
	}
	return buf.Bytes()
}

// NewReader returns a reader of the log file Write would write, generated
// as it is read: reading a trail of any size takes little memory.
func NewReader(cfg Config) io.Reader {
	r := &reader{g: New(cfg)}
	if cfg.Gzip {
		r.zw = gzip.NewWriter(&r.out)
	}
	r.emit([]byte(r.g.Header()))
	return r
}

type reader struct {
	g    *Generator
	out  bytes.Buffer
	zw   *gzip.Writer
	rec  []byte
	done bool
}

func (r *reader) emit(p []byte) {
	if r.zw != nil {
		r.zw.Write(p) // writes to a bytes.Buffer do not fail
		return
	}
	r.out.Write(p)
}

func (r *reader) Read(p []byte) (int, error) {
	for r.out.Len() == 0 {
		if r.done {
			return 0, io.EOF
		}
		if !r.g.More() {
			r.emit([]byte(r.g.Trailer()))
			if r.zw != nil {
				r.zw.Close()
			}
			r.done = true
			continue
		}
		for i := 0; i < 32 && r.g.More(); i++ {
			r.rec = r.g.AppendRecord(r.rec[:0])
			r.emit(r.rec)
		}
	}
	return r.out.Read(p)
}

// Generator makes the records of one trail, one at a time.
type Generator struct {
	cfg     Config
	rng     *rand.Rand
	media   float64
	n       int   // records made
	written int64 // bytes of JSON text made, header included
	now     time.Time
	ids     []identity
}

// New returns a generator of the trail cfg describes.
func New(cfg Config) *Generator {
	g := &Generator{
		cfg:   cfg,
		rng:   rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15)),
		media: cfg.mediaFraction(),
		now:   cfg.Start,
	}
	if g.now.IsZero() {
		g.now = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	}
	g.now = g.now.UTC()
	if g.cfg.Records == 0 && g.cfg.Bytes <= 0 {
		g.cfg.Records = DefaultRecords
	}
	g.ids = g.makeIdentities()
	return g
}

// Header returns the text before the first record.
func (g *Generator) Header() string {
	g.written += int64(len(`{"Records":[`))
	return `{"Records":[`
}

// Trailer returns the text after the last record.
func (g *Generator) Trailer() string { return "]}" }

// More reports whether the trail has more records.
func (g *Generator) More() bool {
	if g.cfg.Records > 0 {
		return g.n < g.cfg.Records
	}
	return g.written < g.cfg.Bytes
}

// AppendRecord appends the next record to dst, preceded by a comma when it
// is not the first, and returns the extended slice.
func (g *Generator) AppendRecord(dst []byte) []byte {
	start := len(dst)
	if g.n > 0 {
		dst = append(dst, ',')
	}
	dst = g.record(dst)
	g.n++
	g.written += int64(len(dst) - start)
	return dst
}

// Record returns a new record on its own, without a separating comma.
func (g *Generator) Record() []byte {
	dst := g.record(nil)
	g.n++
	g.written += int64(len(dst))
	return dst
}
