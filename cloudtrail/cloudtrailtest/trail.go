package cloudtrailtest

import (
	"bufio"
	"bytes"
	"io"
	"math/rand/v2"
	"time"

	"github.com/klauspost/compress/gzip"
)

// DefaultMediaFraction is the share of media events when
// TrailConfig.MediaFraction is zero.
const DefaultMediaFraction = 0.05

// DefaultTrailRecords is the number of records of a trail when
// TrailConfig sets neither Records nor Bytes.
const DefaultTrailRecords = 100

// TrailConfig describes a generated trail: a CloudTrail log file,
// {"Records":[...]}, of realistic records.
//
// The records mix the services a typical account logs (S3, EC2, IAM, STS,
// Lambda, KMS, CloudWatch, DynamoDB and others) with media events
// (MediaConvert, Transcribe, Elastic Transcoder, MediaTailor). They are
// about 1 to 3 KB on average, some much larger (EC2 RunInstances,
// MediaConvert job settings), and their callers are IAM users, assumed
// roles with a session context, AWS services and IAM Identity Center
// users. Equal configurations give equal bytes.
type TrailConfig struct {
	// Seed selects the trail; equal configurations give equal bytes.
	Seed uint64
	// Records is the number of records to write. When it is zero, Bytes
	// decides; when both are zero, DefaultTrailRecords are written.
	Records int
	// Bytes, when Records is zero, is the approximate size of the JSON
	// text to write (before compression): records are added until it is
	// reached.
	Bytes int64
	// MediaFraction is the share of media events, from 0 to 1: each
	// record is one with this chance, so the share of a trail is close to
	// it, not exact (a test counts them with a reader). Media events are
	// those of MediaConvert, Transcribe (transcribe.amazonaws.com),
	// Elastic Transcoder and MediaTailor. Zero means DefaultMediaFraction;
	// a negative value means no media events.
	MediaFraction float64
	// Gzip compresses the output, as CloudTrail does in S3.
	Gzip bool
	// Start is the time of the first record; the zero value means
	// 2024-05-01T00:00:00Z. Later records follow within seconds, unless
	// End is set.
	Start time.Time
	// End, when it is after Start, is the time before which every record
	// falls: the records are spread over [Start, End), the period of one
	// log file.
	End time.Time
	// Account is the account of the records: their recipientAccountId,
	// the account of their callers and of the resources they name. The
	// empty string means "111122223333".
	Account string
	// Region, when set, is the awsRegion of every record, as in the log
	// file of one region; events of global services (IAM) are then only
	// made for "us-east-1". The empty string means a mix of regions,
	// mostly us-east-1.
	Region string
}

func (c TrailConfig) mediaFraction() float64 {
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

// WriteTrail writes the log file cfg describes to w, gzipped when
// cfg.Gzip is set. It writes record by record, so that a trail of any size
// takes little memory.
func WriteTrail(w io.Writer, cfg TrailConfig) error {
	var zw *gzip.Writer
	out := w
	if cfg.Gzip {
		zw = gzip.NewWriter(w)
		out = zw
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	g := newTrailGen(cfg)
	var rec []byte
	if _, err := bw.WriteString(g.header()); err != nil {
		return err
	}
	for g.more() {
		rec = g.appendRecord(rec[:0])
		if _, err := bw.Write(rec); err != nil {
			return err
		}
	}
	if _, err := bw.WriteString(g.trailer()); err != nil {
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

// Trail returns the log file cfg describes, as WriteTrail writes it.
func Trail(cfg TrailConfig) []byte {
	var buf bytes.Buffer
	if cfg.Records > 0 {
		buf.Grow(cfg.Records * 2000)
	} else if cfg.Bytes > 0 && !cfg.Gzip {
		buf.Grow(int(cfg.Bytes) + 64<<10)
	}
	if err := WriteTrail(&buf, cfg); err != nil {
		// Writes to a bytes.Buffer do not fail.
		panic("cloudtrailtest: " + err.Error())
	}
	return buf.Bytes()
}

// NewTrailReader returns a reader of the log file WriteTrail would write,
// generated as it is read: reading a trail of any size takes little
// memory.
func NewTrailReader(cfg TrailConfig) io.Reader {
	r := &trailReader{g: newTrailGen(cfg)}
	if cfg.Gzip {
		r.zw = gzip.NewWriter(&r.out)
	}
	r.emit([]byte(r.g.header()))
	return r
}

// trailReader is the reader NewTrailReader returns.
type trailReader struct {
	g    *trailGen
	out  bytes.Buffer
	zw   *gzip.Writer
	rec  []byte
	done bool
}

func (r *trailReader) emit(p []byte) {
	if r.zw != nil {
		r.zw.Write(p) // writes to a bytes.Buffer do not fail
		return
	}
	r.out.Write(p)
}

func (r *trailReader) Read(p []byte) (int, error) {
	for r.out.Len() == 0 {
		if r.done {
			return 0, io.EOF
		}
		if !r.g.more() {
			r.emit([]byte(r.g.trailer()))
			if r.zw != nil {
				r.zw.Close()
			}
			r.done = true
			continue
		}
		for i := 0; i < 32 && r.g.more(); i++ {
			r.rec = r.g.appendRecord(r.rec[:0])
			r.emit(r.rec)
		}
	}
	return r.out.Read(p)
}

// trailGen makes the records of one trail, one at a time.
type trailGen struct {
	cfg     TrailConfig
	rng     *rand.Rand
	media   float64
	n       int   // records made
	written int64 // bytes of JSON text made, header included
	now     time.Time
	ids     []trailIdentity
	account string
	region  string // every record's region, or "" for a mix

	// With an end, the records are spread over [start, end): record i
	// at start + (i+u)*step for a random u in [0, 1), or, when Bytes
	// decides, at the share of the bytes written before it, plus u*step.
	start, end time.Time
	step       time.Duration
}

// newTrailGen returns a generator of the trail cfg describes.
func newTrailGen(cfg TrailConfig) *trailGen {
	g := &trailGen{
		cfg:     cfg,
		rng:     rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15)),
		media:   cfg.mediaFraction(),
		now:     cfg.Start,
		account: cfg.Account,
		region:  cfg.Region,
	}
	if g.account == "" {
		g.account = trailDefaultAccount
	}
	if g.now.IsZero() {
		g.now = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	}
	g.now = g.now.UTC()
	if g.cfg.Records == 0 && g.cfg.Bytes <= 0 {
		g.cfg.Records = DefaultTrailRecords
	}
	if cfg.End.After(g.now) {
		g.start, g.end = g.now, cfg.End.UTC()
		n := int64(g.cfg.Records)
		if n <= 0 {
			n = max(1, g.cfg.Bytes/1500) // records are 1 to 3 KB
		}
		g.step = g.end.Sub(g.start) / time.Duration(n)
	}
	g.ids = g.makeIdentities()
	return g
}

// header returns the text before the first record.
func (g *trailGen) header() string {
	g.written += int64(len(`{"Records":[`))
	return `{"Records":[`
}

// trailer returns the text after the last record.
func (g *trailGen) trailer() string { return "]}" }

// more reports whether the trail has more records.
func (g *trailGen) more() bool {
	if g.cfg.Records > 0 {
		return g.n < g.cfg.Records
	}
	return g.written < g.cfg.Bytes
}

// appendRecord appends the next record to dst, preceded by a comma when
// it is not the first, and returns the extended slice.
func (g *trailGen) appendRecord(dst []byte) []byte {
	start := len(dst)
	if g.n > 0 {
		dst = append(dst, ',')
	}
	dst = g.record(dst)
	g.n++
	g.written += int64(len(dst) - start)
	return dst
}
