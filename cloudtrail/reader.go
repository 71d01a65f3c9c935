package cloudtrail

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"slices"
	"time"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// ErrTruncated is the error that a *ContainerError wraps when the input
// ends inside a value: a gzip stream cut short, a Records array or a record
// that is not closed.
var ErrTruncated = errors.New("input is truncated")

// ErrTooLarge is the error that a *TooLargeError wraps.
var ErrTooLarge = errors.New("too large")

// ErrClosed is the error Next returns after Close.
var ErrClosed = errors.New("cloudtrail: Reader is closed")

// RecordError reports a record that could not be read: malformed JSON,
// JSON that is no record, or a record larger than the limit. The Reader
// goes on with the next record.
type RecordError struct {
	Index  int   // the record's index in the input, from 0, as Delivery.Index counts
	Offset int64 // the byte offset of the record in the (decompressed) input
	Err    error // the cause, such as an error wrapping ErrSyntax or ErrNotRecord
}

// Error implements error.
func (e *RecordError) Error() string {
	if tl, ok := e.Err.(*TooLargeError); ok && tl.Offset == e.Offset {
		// Name the offset once.
		return fmt.Sprintf("cloudtrail: record %d at offset %d: the %s is larger than the limit of %d bytes", e.Index, e.Offset, tl.What, tl.Limit)
	}
	return fmt.Sprintf("cloudtrail: record %d at offset %d: %s", e.Index, e.Offset, causeText(e.Err))
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// ContainerError reports input whose container is broken: a gzip stream
// that is cut short or corrupt, a Records array or JSON text that ends
// before it is closed, bytes that are no JSON where a value should start.
// Records before the break have been delivered. A ContainerError about the
// input as a whole ends the Reader (Next returns it once, then io.EOF);
// one about a part of it, such as a broken EventBridge event on one line
// of JSON Lines or a damaged gzip member that another follows, does not.
type ContainerError struct {
	Format Format // the container being read, as detected so far
	What   string // the part of the input that is broken, such as "gzip stream" or "Records array"
	Offset int64  // the byte offset of the break in the (decompressed) input
	Err    error  // the cause, wrapping ErrTruncated, ErrCorrupt, ErrSyntax or ErrTooLarge
}

// Error implements error.
func (e *ContainerError) Error() string {
	return fmt.Sprintf("cloudtrail: %s at offset %d: %s", e.What, e.Offset, causeText(e.Err))
}

// Unwrap returns the cause.
func (e *ContainerError) Unwrap() error { return e.Err }

// TooLargeError reports input over one of the Reader's limits (see
// WithMaxRecordSize and WithMaxDecompressedSize).
type TooLargeError struct {
	What   string // "record" or "decompressed input"
	Limit  int64  // the limit, in bytes
	Offset int64  // the byte offset in the (decompressed) input where the limit was passed or the record starts
}

// Error implements error.
func (e *TooLargeError) Error() string {
	return fmt.Sprintf("cloudtrail: %s at offset %d is larger than the limit of %d bytes", e.What, e.Offset, e.Limit)
}

// Unwrap returns ErrTooLarge.
func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// causeText returns the text of an error without the package prefix, for
// errors that wrap other errors of the package.
func causeText(err error) string {
	if err == nil {
		return "unknown error"
	}
	s := err.Error()
	for _, p := range []string{"cloudtrail: ", "record: "} {
		if len(s) > len(p) && s[:len(p)] == p {
			s = s[len(p):]
		}
	}
	return s
}

// Reader states.
const (
	stInit      = iota // nothing read yet
	stTop              // between top-level values
	stObject           // scanning a top-level object
	stArray            // after the '[' of an array
	stNextElem         // after a ',' in an array
	stElement          // scanning an element of an array
	stAfterElem        // after an element of an array
	stRest             // the members of a log file after its Records array
	stSkip             // skipping the rest of a value that is too large
	stSpec             // handing out the elements a helper found (see reader_spec.go)
	stSkipLine         // skipping the rest of a line of JSON Lines
)

const (
	initialBuffer = 128 << 10
	readChunk     = 64 << 10
)

// item is a result waiting to be returned by Next.
type item struct {
	e   *Event
	err error
}

// Reader reads CloudTrail records from an io.Reader, whatever container
// they come in. It detects the input from its content:
//
//   - gzip, by its magic bytes, with any number of members, around any of
//     the following;
//   - a CloudTrail log file, {"Records":[...]}, with Records anywhere among
//     its members (an Insights log file is read the same way: its records
//     are Insights events, with no userIdentity and eventType
//     "AwsCloudTrailInsight");
//   - a single record, a JSON array of records, JSON Lines or concatenated
//     JSON values, each of which may be any of these containers (such as one
//     EventBridge event per line, as Firehose writes them);
//   - an EventBridge event whose detail-type is one of the "... via
//     CloudTrail" types (the record is its detail), and with
//     WithServiceEvents the events AWS services send to EventBridge
//     themselves, such as "MediaConvert Job State Change", delivered as
//     service events (they are no records);
//   - a CloudWatch Logs subscription payload, plain or in the base64 gzip
//     form Lambda receives ({"awslogs":{"data":"..."}});
//   - the output of aws cloudtrail lookup-events ({"Events":[...]}) or a
//     single event of it, whose CloudTrailEvent strings are the records;
//   - records and containers wrapped in SNS notifications, SQS messages
//     (also as a Lambda function receives them), Kinesis records of a
//     CloudWatch Logs subscription, or JSON strings.
//
// Inputs that are recognized but carry no records (digest files, S3 and
// SNS notifications, SQS messages that wrap them, CloudTrail's own SNS
// notification, S3 test events, the "CloudTrail validation message.") give
// a *NotRecordsError that says what they are.
//
// The Reader streams: it holds one record (or one container that must be
// read whole, such as an EventBridge event) plus its buffers in memory,
// whatever the size of the input: at most about three times the record
// size limit (see DefaultMaxRecordSize). Each Event owns its bytes. The
// buffers come from pools that the Readers of a program share, and go back
// once reading has ended (at the end of the input, after the error that
// ends reading, or on Close), so that reading many small inputs, one
// after another or several at once, reuses them rather than leaving them
// to the garbage collector.
//
// With WithEventSources or WithEventNames, the Reader picks records from
// their bytes and decodes only those it keeps. Every record it keeps is
// validated; a record it skips is not, so damage inside it gives an error
// only when it breaks the structure around it.
//
// Damage costs only the damaged record. A record cut short, a stray byte,
// brace, bracket, quote or byte order mark, a missing or doubled comma: the
// Reader reports the damage where it is and goes on where the next record
// starts, in a log file, in JSON Lines (at the next line) and among
// concatenated records alike, and it never gives part of a record as a
// good one. A gzip member that is cut short or corrupt is reported, and
// reading goes on with the next member. When a member comes twice in a
// record, the first counts, for every accessor (ErrDuplicateMember).
//
// Errors come in two kinds, as with archive/tar's non-fatal errors and
// bufio.Scanner's Err:
//
//   - A damaged record (malformed JSON, with a *SyntaxError that says
//     where; JSON that is no record; a record over the size limit; stray
//     bytes among records) gives a *RecordError, and a value that holds no
//     records a *NotRecordsError; reading goes on with the next record.
//     So does a *ContainerError about one part of the input, such as a
//     broken EventBridge event on one line of JSON Lines or a damaged
//     gzip member that another follows.
//   - An error that leaves nothing more to read ends reading: the input
//     cut short (ErrTruncated) or corrupt (ErrCorrupt) with nothing after
//     it to read, a read error of the io.Reader (wrapped as it is, gzip or
//     not), a limit passed (ErrTooLarge), the context's end, Close. Next
//     returns it once, after every record before it, and then io.EOF; Err
//     returns it.
//
// So a loop that handles every error and calls Next again ends on every
// input:
//
//	for {
//		e, err := r.Next()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			log.Print(err)
//			continue
//		}
//		...
//	}
//	if err := r.Err(); err != nil {
//		... // the input could not be read to its end
//	}
//
// A Reader is not safe for concurrent use.
type Reader struct {
	opt  options
	filt filter
	done <-chan struct{} // the context's Done channel; nil when it is never done

	src  io.Reader // as given
	in   io.Reader // the JSON text: decompressed, rewritten by Lenient
	stop func()    // stops the read-ahead goroutine; nil when none

	// Pooled buffers (see reader_pool.go), given back by release once
	// reading has ended.
	sniff    *bufio.Reader    // detects compression; reads the input
	peeks    [4]*bufio.Reader // peek at the text of each gzip layer
	ra       *readAhead       // the read-ahead of the outermost gzip layer, if any
	textBox  *[]byte          // the pool's box of the text buffer
	spent    []byte           // the text buffer, once reading has ended
	released bool             // release has run

	buf  []byte
	pos  int   // scan position in buf
	end  int   // end of the data in buf
	mark int   // the first byte of buf that must be kept
	base int64 // offset in the text of buf[0]
	rerr error // why reading stopped: io.EOF at the end, or the read error

	state     int
	v         objScan
	skip      skipScan
	skipThen  int    // state after skipping
	inArray   bool   // reading the elements of an array
	inRecords bool   // the current array is the Records member of a log file
	inEvents  bool   // the current array is the Events member of LookupEvents output
	arrayOff  int64  // the offset of the current array's opening bracket
	commaOff  int64  // the offset of the last comma between elements
	fileOff   int64  // the offset of the log file (or LookupEvents) object whose array is read
	skipOff   int64  // the offset of the value being skipped
	lineMode  int8   // 1 when the input is JSON Lines, -1 when it is not, 0 before the first value
	elemFmt   Format // Delivery.Format of the current array's elements
	elems     int    // elements read of the current array
	pinned    int    // > 0 while expanding decoded text, whose offsets are not input offsets
	ticks     int    // records since the context was last checked

	walk bool       // validate and split records in one pass (no filter)
	mw   memberWalk // that pass

	helpers  bool  // split records on a second CPU (see reader_spec.go)
	spec     *spec // the helper at work, if any
	specNext int   // the next of its elements to hand out

	queue []item
	qi    int
	// notes is the damage of the innermost gzip layer the stream went on
	// after, by offset in the text, held until the records before it have
	// been returned.
	notes []notice

	index      int // index of the next record
	values     int // top-level values started
	format     Format
	compressed bool
	gz         []*gzipStream // the gzip layers of the input, outermost first
	err        error         // sticky: io.EOF or the error that ended reading
	fatal      bool          // the last error Next returned was r.err
	reported   bool          // Next has returned r.err once
}

// NewReader returns a Reader of the records in r. Options select records,
// set limits and a context, or make reading lenient. NewReader reads
// nothing; the first call to Next (or Format) does.
func NewReader(r io.Reader, opts ...Option) *Reader {
	o := defaultOptions()
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	rd := &Reader{opt: o, filt: newFilter(&o), src: r}
	rd.walk = !rd.filt.active()
	if o.ctx != context.Background() && o.ctx != context.TODO() {
		rd.done = o.ctx.Done()
	}
	return rd
}

// Next returns the next record. At the end of the input it returns io.EOF,
// also after returning the error that ended reading once; see Reader for
// the errors it may return.
func (r *Reader) Next() (*Event, error) {
	if r.opt.since.IsZero() && r.opt.until.IsZero() {
		return r.next()
	}
	for {
		e, err := r.next()
		if e == nil || e.EventTime.IsZero() || r.inTimeRange(e.EventTime) {
			return e, err
		}
	}
}

// inTimeRange reports whether t is in the range of WithTimeRange.
func (r *Reader) inTimeRange(t time.Time) bool {
	return (r.opt.since.IsZero() || !t.Before(r.opt.since)) && (r.opt.until.IsZero() || t.Before(r.opt.until))
}

// next is Next without WithTimeRange.
func (r *Reader) next() (*Event, error) {
	for {
		if r.qi < len(r.queue) {
			it := r.queue[r.qi]
			if err, ok := r.noteBefore(it.e, it.err); ok {
				r.fatal = false
				return nil, err
			}
			r.queue[r.qi] = item{}
			r.qi++
			if r.qi == len(r.queue) {
				r.queue, r.qi = r.queue[:0], 0
			}
			r.fatal = false
			return it.e, it.err
		}
		if r.err != nil {
			r.release()
			if len(r.notes) > 0 {
				n := r.notes[0]
				r.notes = r.notes[1:]
				r.fatal = false
				return nil, n.err
			}
			if r.err == io.EOF || r.reported {
				r.fatal = false
				return nil, io.EOF
			}
			r.reported, r.fatal = true, true
			return nil, r.err
		}
		if e, err, ok := r.step(); ok {
			if note, ok := r.noteBefore(e, err); ok {
				// What step gave comes next.
				r.queue = slices.Insert(r.queue, r.qi, item{e, err})
				r.fatal = false
				return nil, note
			}
			r.fatal = false
			return e, err
		}
	}
}

// All returns an iterator over the records and errors of the input, as
// Next returns them, for use in a range loop:
//
//	for e, err := range r.All() {
//		if err != nil {
//			log.Print(err) // a bad record, or the error that ends the input
//			continue
//		}
//		...
//	}
//
// The iteration ends at the end of the input (io.EOF is not yielded) or
// after yielding a fatal error.
func (r *Reader) All() iter.Seq2[*Event, error] {
	return func(yield func(*Event, error) bool) {
		for {
			e, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(e, err) || r.fatal {
				return
			}
		}
	}
}

// Err returns the error that ended reading before the end of the input, or
// nil: nil while reading goes on and when the input was read to its end. It
// is set by the time Next returns that error (the last before io.EOF), so
// that a loop tells the error that ends reading (Err() != nil) from one
// that reading goes on after, whatever its type:
//
//	for e, err := range r.All() {
//		if err != nil {
//			if r.Err() != nil {
//				return err // nothing more to read
//			}
//			log.Print(err) // a record or a part of the input lost
//			continue
//		}
//		...
//	}
func (r *Reader) Err() error {
	if r.err == io.EOF {
		return nil
	}
	return r.err
}

// Format returns the container of the input. It reads the input up to the
// first record or recognized value when nothing has been read yet, so it
// may block; the record read stays for Next. JSON Lines (FormatLines) is
// reported from the start of the second value on. Format returns
// FormatUnknown for empty input and input that is no JSON.
func (r *Reader) Format() Format {
	for r.format == FormatUnknown && r.err == nil && r.qi >= len(r.queue) {
		if e, err, ok := r.step(); ok {
			r.queue = append(r.queue, item{e, err})
		}
	}
	return r.format
}

// Compressed reports whether the input was gzip. Like Format, it reads the
// start of the input when nothing has been read yet.
func (r *Reader) Compressed() bool {
	for r.state == stInit && r.err == nil {
		if e, err, ok := r.step(); ok {
			r.queue = append(r.queue, item{e, err})
		}
	}
	return r.compressed
}

// Close stops reading: it ends the read-ahead goroutine of a gzip input,
// if any, and ends reading with ErrClosed (unless reading has ended
// before): Next returns ErrClosed once, then io.EOF. It gives the Reader's
// buffers back for other Readers to use (a read-ahead goroutine gives its
// own back when it has ended). It does not close the io.Reader given to
// NewReader.
func (r *Reader) Close() error {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
	if r.err == nil || r.err == io.EOF {
		r.err = ErrClosed
	}
	r.queue, r.qi = nil, 0
	r.dropBuf()
	r.release()
	return nil
}

// step advances reading. It returns a record or an error and true, or
// false when it has only moved on (possibly queueing results or setting
// r.err).
func (r *Reader) step() (*Event, error, bool) {
	switch r.state {
	case stInit:
		r.open()
		return nil, nil, false
	case stTop:
		return r.top()
	case stObject:
		return r.object()
	case stArray, stNextElem:
		return r.elementStart()
	case stElement:
		return r.element()
	case stAfterElem:
		return r.afterElement()
	case stRest:
		return r.rest()
	case stSkip:
		return r.skipValue()
	case stSpec:
		return r.specStep()
	case stSkipLine:
		return r.skipLine()
	}
	r.fail(errors.New("cloudtrail: internal error: bad reader state"))
	return nil, nil, false
}

// fail ends reading with err.
func (r *Reader) fail(err error) {
	r.err = err
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
	r.dropBuf()
}

// dropBuf drops the text buffer; release gives it back to the pool later,
// when Next has seen the end of reading, unless a helper at work (which
// stops by itself) may still read it.
func (r *Reader) dropBuf() {
	if r.buf != nil && r.spec == nil {
		r.spent = r.buf
	}
	r.spec = nil
	r.buf = nil
	r.pos, r.end, r.mark = 0, 0, 0
}

// open detects compression and sets up the text stream.
// smallInput is the size, as stored, under which an input whose size is
// known is read on one goroutine: for a log file of a few hundred
// kilobytes, starting a second one costs more than it gives.
const smallInput = 1 << 20

// knownSmall reports whether src tells its size and it is under
// smallInput: a regular file (Stat) or an in-memory reader (Len).
func knownSmall(src io.Reader) bool {
	switch s := src.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		fi, err := s.Stat()
		return err == nil && fi.Mode().IsRegular() && fi.Size() < smallInput
	case interface{ Len() int }:
		return s.Len() < smallInput
	}
	return false
}

func (r *Reader) open() {
	r.state = stTop
	if r.src == nil {
		r.fail(errors.New("cloudtrail: NewReader of a nil io.Reader"))
		return
	}
	small := knownSmall(r.src)
	br := getBufio(r.src, readChunk)
	r.sniff = br
	var in io.Reader = br
	peek := br
	for level := 0; ; level++ {
		head, err := peek.Peek(2)
		if len(head) == 1 && head[0] == 0x1f && err == io.EOF {
			r.fail(&ContainerError{What: "gzip header", Err: fmt.Errorf("%w: the input ends inside the gzip header", ErrTruncated)})
			return
		}
		if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
			if err != nil && err != io.EOF && len(head) == 0 {
				r.fail(r.readError(err))
				return
			}
			break
		}
		if level == 4 {
			r.fail(&ContainerError{What: "gzip stream", Err: fmt.Errorf("%w: gzip nested more than 4 deep", ErrTooLarge)})
			return
		}
		r.compressed = true
		g, err := newGzipStream(peek, gzipWindow, r.opt.maxDecompressed)
		if err != nil {
			r.fail(r.readError(err))
			return
		}
		r.gz = append(r.gz, g)
		var z io.Reader = g
		if level == 0 && r.opt.readAhead && !small {
			// The goroutine reads the gzip layer and the sniffing reader
			// under it: they go back to the pools when it has ended.
			sniff := r.sniff
			r.sniff = nil
			r.ra, r.stop = newReadAhead(z, func() {
				g.release()
				putBufio(sniff)
			})
			z = r.ra
		}
		peek = getBufio(z, peekSize)
		r.peeks[level] = peek
		in = peek
	}
	// A UTF-8 byte order mark is no JSON; drop it.
	if head, _ := peek.Peek(3); bytes.Equal(head, []byte{0xef, 0xbb, 0xbf}) {
		peek.Discard(3)
	}
	if r.opt.lenient {
		in = newLenientReader(in)
	}
	r.in = in
	size := initialBuffer
	// A helper splits records on a second CPU; not for gzip, whose
	// inflating takes that CPU already.
	r.helpers = r.opt.helpers && !r.compressed && !small && useHelpers()
	if r.helpers {
		size = specBuffer
	}
	if max := r.opt.maxRecord + readChunk; size > max {
		size = max
	}
	r.buf, r.textBox = getText(size)
}

// more reads more input into the buffer, keeping the bytes from r.mark on.
// It reports false when no more input comes; r.rerr tells why.
func (r *Reader) more() bool {
	// The buffer is about to change under a helper's feet.
	r.dropSpec()
	if r.rerr != nil {
		return false
	}
	if r.done != nil {
		select {
		case <-r.done:
			r.rerr = r.opt.ctx.Err()
			return false
		default:
		}
	}
	if r.mark > 0 {
		n := copy(r.buf, r.buf[r.mark:r.end])
		shift := r.mark
		r.base += int64(shift)
		r.pos -= shift
		r.end = n
		r.mark = 0
		r.v.shift(shift)
	}
	if len(r.buf)-r.end < readChunk/2 {
		size := 2 * len(r.buf)
		if max := r.opt.maxRecord + 2*readChunk; size > max {
			size = max
		}
		if size-r.end < readChunk/8 {
			// Callers stop before a value outgrows the limit; this is a
			// safety net.
			size = r.end + readChunk
		}
		nb := make([]byte, size)
		copy(nb, r.buf[:r.end])
		r.buf = nb
	}
	for tries := 0; ; tries++ {
		n, err := r.in.Read(r.buf[r.end:])
		if n < 0 || n > len(r.buf)-r.end {
			n, err = 0, errors.New("cloudtrail: io.Reader returned an invalid count")
		}
		r.end += n
		r.gzipNotices(err != nil)
		if err != nil {
			r.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
		if tries == 100 {
			r.rerr = io.ErrNoProgress
			return false
		}
	}
}

// gzipNotices queues the damage the gzip layers went on after, once the
// text read comes to it (all of it at the end).
func (r *Reader) gzipNotices(end bool) {
	for i, g := range r.gz {
		// Offsets of the innermost layer are offsets of the text read
		// (unless Lenient rewrites it): its notices wait for the records
		// before them. Those of outer layers are told at once.
		inner := i == len(r.gz)-1 && !r.opt.lenient
		upTo := int64(-1)
		if inner && !end {
			upTo = r.base + int64(r.end)
		}
		for _, n := range g.takeNotices(upTo) {
			if ce, ok := n.err.(*ContainerError); ok && ce.Format == FormatUnknown {
				ce.Format = r.format
			}
			if inner {
				r.notes = append(r.notes, n)
			} else {
				r.queue = append(r.queue, item{nil, n.err})
			}
		}
	}
}

// noteBefore returns the first held gzip notice when it comes before what
// Next is about to return, e or err, and forgets it.
func (r *Reader) noteBefore(e *Event, err error) (error, bool) {
	if len(r.notes) == 0 {
		return nil, false
	}
	off := int64(-1)
	var re *RecordError
	var ce *ContainerError
	switch {
	case e != nil && e.Delivery != nil:
		off = e.Delivery.Offset
	case errors.As(err, &re):
		off = re.Offset
	case errors.As(err, &ce):
		off = ce.Offset
	}
	if off < r.notes[0].off {
		return nil, false
	}
	n := r.notes[0]
	r.notes = r.notes[1:]
	return n.err, true
}

// boundaryAfter returns the offset of the text of the first held gzip
// notice after off, or -1. Text before it, after damage, may be what the
// decompressor made of damaged data: after damage the reader goes on
// there.
func (r *Reader) boundaryAfter(off int64) int64 {
	for _, n := range r.notes {
		if n.off > off {
			return n.off
		}
	}
	return -1
}

// readError turns the error that stopped reading into the error Next
// returns.
func (r *Reader) readError(err error) error {
	var tl *TooLargeError
	var ce *ContainerError
	switch {
	case errors.As(err, &ce):
		if ce.Format == FormatUnknown {
			ce.Format = r.format
		}
		return err
	case errors.As(err, &tl):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("cloudtrail: reading stopped at offset %d: %w", r.base+int64(r.end), err)
	}
	return fmt.Errorf("cloudtrail: reading input at offset %d: %w", r.base+int64(r.end), err)
}

// truncated ends reading where the input stops inside something.
// start is the offset of the start of what is cut short.
func (r *Reader) truncated(what string, start int64) (*Event, error, bool) {
	if r.rerr != io.EOF {
		r.fail(r.readError(r.rerr))
		return nil, nil, false
	}
	off := r.base + int64(r.end)
	msg := fmt.Errorf("%w: the input ends inside the %s that starts at offset %d", ErrTruncated, what, start)
	r.fail(&ContainerError{Format: r.format, What: what, Offset: off, Err: msg})
	return nil, nil, false
}

// peek skips white space and returns the next byte; it reports false at
// the end of the input. Nothing before the byte is kept.
func (r *Reader) peek() (byte, bool) {
	for {
		for r.pos < r.end {
			switch c := r.buf[r.pos]; c {
			case ' ', '\n', '\r', '\t':
				r.pos++
			default:
				r.mark = r.pos
				return c, true
			}
		}
		r.mark = r.pos
		if !r.more() {
			return 0, false
		}
	}
}

// noteValue counts a top-level value; a second one makes the input JSON
// Lines, unless the first was a log file: concatenated log files (as from
// a multi-member gzip) stay FormatLogFile.
func (r *Reader) noteValue() {
	r.values++
	if r.values == 2 && r.format != FormatLogFile {
		r.format = FormatLines
	}
}

// setFormat records the format of the first top-level value.
func (r *Reader) setFormat(f Format) {
	if r.values <= 1 && (r.format == FormatUnknown || r.format == FormatLogFile && f == FormatNotRecords) {
		r.format = f
	}
}

// top reads between top-level values.
func (r *Reader) top() (*Event, error, bool) {
	c, ok := r.peek()
	if !ok {
		if r.rerr != io.EOF {
			r.fail(r.readError(r.rerr))
		} else {
			r.err = io.EOF
			r.fail(io.EOF)
		}
		return nil, nil, false
	}
	switch c {
	case 0xef:
		// A byte order mark, as files joined with cat have at each file's
		// start: no JSON, and no damage.
		for r.end-r.pos < len(utf8BOM) && r.more() {
		}
		if bytes.HasPrefix(r.buf[r.pos:r.end], utf8BOM) {
			r.pos += len(utf8BOM)
			r.mark = r.pos
			return nil, nil, false
		}
	case '{':
		if r.lineMode == 0 {
			r.detectLines()
		}
		r.noteValue()
		r.v.reset(r.pos, true, true)
		r.state = stObject
		return nil, nil, false
	case ',':
		if r.opt.lenient && r.values > 0 {
			// Records listed with commas but no brackets, as in documents.
			r.pos++
			r.mark = r.pos
			return nil, nil, false
		}
	case '[':
		r.noteValue()
		r.setFormat(FormatArray)
		r.pos++
		r.mark = r.pos
		r.inArray, r.inRecords, r.inEvents = true, false, false
		r.arrayOff = r.base + int64(r.pos-1)
		r.elemFmt = FormatArray
		r.elems = 0
		r.state = stArray
		return nil, nil, false
	}
	return r.topText()
}

// validationMessage is the text CloudTrail sends to an SNS topic to check
// that it can publish to it.
const validationMessage = "CloudTrail validation message."

// topText reads a top-level value that is no object or array.
func (r *Reader) topText() (*Event, error, bool) {
	for r.end-r.pos < len(validationMessage) && r.more() {
	}
	start := r.pos
	off := r.base + int64(start)
	rest := r.buf[start:r.end]
	if bytes.HasPrefix(rest, []byte(validationMessage)) {
		r.noteValue()
		r.setFormat(FormatNotRecords)
		r.pos = start + len(validationMessage)
		r.mark = r.pos
		return nil, &NotRecordsError{Kind: KindValidationMessage, Offset: off}, true
	}
	if len(rest) > 0 && isScalarStart(rest[0]) {
		// A string, number or literal on its own: read it whole and see
		// what it says (a string may hold a record, JSON-encoded).
		for {
			end, ok := scanScalar(r.buf[:r.end], start)
			if (ok || r.rerr != nil) && r.buf[start] != '"' && !jsonscan.Valid(r.buf[start:end]) {
				break // a word, not a literal: a line of text
			}
			if ok && r.buf[start] == '"' && end < r.end && !canFollowValue(r.buf[end]) {
				break // a stray quote
			}
			if ok || r.rerr != nil {
				r.noteValue()
				r.pos, r.mark = end, end
				r.expandTop(r.buf[start:end], off)
				return nil, nil, false
			}
			if end-start > r.opt.maxRecord {
				r.fail(&RecordError{Index: r.index, Offset: off, Err: &TooLargeError{What: "JSON value", Limit: int64(r.opt.maxRecord), Offset: off}})
				return nil, nil, false
			}
			r.more()
			start = r.pos
		}
	}
	// Not JSON: stray bytes, or a line of text. Go on where the next
	// record or log file starts (in JSON Lines, if it starts on the same
	// line); else, at the start of the input this ends reading, and within
	// JSON Lines it spoils one line only.
	rest = r.buf[start:r.end]
	show := rest
	if len(show) > 16 {
		show = show[:16]
	}
	err := &ContainerError{
		Format: r.format,
		What:   "input",
		Offset: off,
		Err:    fmt.Errorf("%w: %q where a JSON value should start", ErrSyntax, show),
	}
	if k := r.nextElement(start + 1); k >= 0 && (r.lineMode <= 0 || bytes.IndexByte(r.buf[start:k], '\n') < 0) {
		if r.values == 0 {
			r.noteValue() // the damage stands for a value
		}
		return r.resync(start, k, fmt.Sprintf("%q where a JSON value should start", show))
	}
	if r.values > 0 && r.lineMode <= 0 {
		// Among records that are no JSON Lines, the next may start past
		// the data read so far.
		return r.resync(start, start+1, fmt.Sprintf("%q where a JSON value should start", show))
	}
	if r.values == 0 {
		err.Err = fmt.Errorf("%w: the input is neither JSON nor gzip (it starts with %q)", ErrSyntax, show)
		r.fail(err)
		return nil, nil, false
	}
	// Skip to the next line.
	for {
		if i := bytes.IndexByte(r.buf[r.pos:r.end], '\n'); i >= 0 {
			r.pos += i + 1
			r.mark = r.pos
			break
		}
		r.pos = r.end
		r.mark = r.pos
		if !r.more() {
			break
		}
	}
	return nil, err, true
}

// canFollowValue reports whether c may follow a value at the top level.
func canFollowValue(c byte) bool {
	return jsonscan.IsSpace(c) || c == '{' || c == '[' || c == '"' || c == ','
}

// isScalarStart reports whether c starts a JSON string, number or literal.
func isScalarStart(c byte) bool {
	return c == '"' || c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n'
}

// object scans a top-level object. In JSON Lines it scans no further than
// the end of the object's line: a line whose value does not end on it is
// damaged, and reading goes on with the next line.
func (r *Reader) object() (*Event, error, bool) {
	for {
		limit, nl := r.end, -1
		if r.lineMode > 0 {
			if i := bytes.IndexByte(r.buf[r.pos:r.end], '\n'); i >= 0 {
				nl = r.pos + i
				limit = nl
			}
		}
		p, res := r.v.run(r.buf[:limit], r.pos)
		r.pos = p
		switch res {
		case scanDone:
			if e, err, done, again := r.checkElement(p); done || again {
				if again {
					continue
				}
				return e, err, true
			}
			r.state = stTop
			return r.value(r.v.start, p, FormatRecord)
		case scanRecords:
			r.fileOff = r.base + int64(r.v.start)
			r.setFormat(FormatLogFile)
			r.pos++
			r.mark = r.pos
			r.inArray, r.inRecords, r.inEvents = true, true, false
			r.arrayOff = r.base + int64(r.pos-1)
			r.elemFmt = FormatLogFile
			r.state = stArray
			return nil, nil, false
		}
		if nl >= 0 {
			return r.brokenLine(nl, "the line ends before its JSON value does")
		}
		if r.pos-r.v.start > r.opt.maxRecord {
			if r.v.eventsAt >= 0 {
				return r.streamEvents()
			}
			if r.lineMode > 0 {
				return r.lineTooLarge()
			}
			if e, err, ok := r.cutShort(); ok {
				return e, err, true
			}
			return r.tooLarge(stTop)
		}
		if !r.more() {
			if r.lineMode > 0 && r.rerr == io.EOF {
				return r.brokenLine(r.end, "the input ends before the JSON value of its last line does")
			}
			if r.rerr == io.EOF {
				if e, err, ok := r.cutShort(); ok {
					return e, err, true
				}
			}
			return r.truncated("JSON object", r.base+int64(r.v.start))
		}
	}
}

// streamEvents reads the Events array of LookupEvents output that is too
// large to hold whole (as the AWS CLI prints when it gathers every page)
// event by event, as the Records of a log file are read. Its events have
// no NextToken.
func (r *Reader) streamEvents() (*Event, error, bool) {
	r.setFormat(FormatLookupEvents)
	r.fileOff = r.base + int64(r.v.start)
	r.pos = r.v.eventsAt + 1
	r.mark = r.pos
	r.inArray, r.inRecords, r.inEvents = true, false, true
	r.arrayOff = r.base + int64(r.v.eventsAt)
	r.elemFmt = FormatLookupEvents
	r.elems = 0
	r.state = stArray
	return nil, nil, false
}

// detectLines decides, at an object at the top level, whether the input
// is JSON Lines: one value per line, as Firehose and log shippers write
// them. It is when the object's line, or (that line being damaged) the
// next, holds an object and nothing else; an indented document never has
// such a line. It looks no further than lineWindow bytes: when no line ends
// there, it leaves the question for the next object.
func (r *Reader) detectLines() {
	if i := jsonscan.SkipSpace(r.buf[:r.end], r.pos+1); bytes.HasPrefix(r.buf[i:r.end], []byte(`"Records"`)) {
		return // a log file, which is read the same either way
	}
	first, ok := r.lineAfter(0)
	if !ok {
		return
	}
	r.lineMode = -1
	line := bytes.TrimSpace(r.buf[r.pos : r.pos+first])
	if len(line) > 1 && line[len(line)-1] == '}' {
		r.lineMode = 1
		return
	}
	second, ok := r.lineAfter(first + 1)
	if !ok {
		return
	}
	line = bytes.TrimSpace(r.buf[r.pos+first+1 : r.pos+second])
	if len(line) > 1 && line[0] == '{' && line[len(line)-1] == '}' {
		r.lineMode = 1
	}
}

// lineAfter returns the position, relative to r.pos, of the first line
// break at or after r.pos+from, reading more input as needed. It reports
// false when there is none within the record size limit or before the end
// of the input.
func (r *Reader) lineAfter(from int) (int, bool) {
	for {
		if r.pos+from <= r.end {
			if i := bytes.IndexByte(r.buf[r.pos+from:r.end], '\n'); i >= 0 {
				return from + i, true
			}
		}
		if r.end-r.pos > min(r.opt.maxRecord, lineWindow) || !r.more() {
			return 0, false
		}
	}
}

// lineWindow bounds how far detectLines looks for the end of a line.
const lineWindow = 256 << 10

// brokenLine reports the line of JSON Lines that holds the value being
// scanned as damaged, and goes on after its end at nl (a line break, or the
// end of the input).
func (r *Reader) brokenLine(nl int, why string) (*Event, error, bool) {
	idx := r.index
	r.index++
	off := r.base + int64(r.v.start)
	r.pos = min(nl+1, r.end)
	r.mark = r.pos
	r.state = stTop
	return nil, &RecordError{Index: idx, Offset: off, Err: &SyntaxError{Msg: why, Offset: r.base + int64(nl), In: "the input"}}, true
}

// lineTooLarge reports a line of JSON Lines over the record size limit and
// skips the rest of it.
func (r *Reader) lineTooLarge() (*Event, error, bool) {
	idx := r.index
	r.index++
	off := r.base + int64(r.v.start)
	r.mark = r.pos
	r.state = stSkipLine
	return nil, &RecordError{Index: idx, Offset: off, Err: &TooLargeError{What: "line", Limit: int64(r.opt.maxRecord), Offset: off}}, true
}

// skipLine skips to the start of the next line.
func (r *Reader) skipLine() (*Event, error, bool) {
	for {
		if i := bytes.IndexByte(r.buf[r.pos:r.end], '\n'); i >= 0 {
			r.pos += i + 1
			r.mark = r.pos
			r.state = stTop
			return nil, nil, false
		}
		r.pos, r.mark = r.end, r.end
		if !r.more() {
			r.state = stTop
			return nil, nil, false
		}
	}
}

// elementStart reads the start of an array element or the end of the
// array.
func (r *Reader) elementStart() (*Event, error, bool) {
	c, ok := r.peek()
	if !ok {
		return r.truncated(r.arrayName(), r.arrayOff)
	}
	switch c {
	case ']':
		if r.state == stNextElem || r.inRecords {
			// When more elements follow, a stray bracket.
			if next, ok := r.peekAfter(r.pos + 1); ok && (next == ',' || next == '{') {
				return r.resync(r.pos, r.pos+1, "a closing bracket among the elements")
			}
		}
		if r.state == stNextElem {
			// A comma before the closing bracket.
			r.pos++
			r.endArray()
			return nil, r.damageAt(r.commaOff, "a comma before the closing bracket (Lenient accepts this)"), true
		}
		r.pos++
		r.endArray()
		return nil, nil, false
	case ',':
		r.pos++
		r.mark = r.pos
		r.state = stNextElem
		return nil, r.damage(r.pos-1, "an empty element (two commas, or a comma after the opening bracket)"), true
	case '{':
		if r.atElement() {
			return nil, nil, false // the helper's work starts here
		}
		r.elems++
		r.v.reset(r.pos, true, false)
		r.state = stElement
		return r.element()
	case '[':
		if r.inRecords && !r.wholeElement() {
			return r.resync(r.pos, r.pos+1, "a stray opening bracket")
		}
		r.elems++
		r.v.reset(r.pos, false, false)
		r.state = stElement
		return r.element()
	}
	if r.inRecords && (!isScalarStart(c) || !r.wholeElement()) {
		// The elements of a log file are records: these are stray bytes.
		return r.resync(r.pos, r.pos+1, fmt.Sprintf("%q where a record should start", r.buf[r.pos:min(r.pos+8, r.end)]))
	}
	r.elems++
	// A string, number or literal: no record.
	start := r.pos
	for {
		end, ok := scanScalar(r.buf[:r.end], start)
		if ok {
			idx := r.index
			r.index++
			r.pos, r.mark = end, end
			r.state = stAfterElem
			text := r.buf[start:end]
			if len(text) > 32 {
				text = text[:32]
			}
			kind := "literal"
			switch {
			case text[0] == '"':
				kind = "string"
			case text[0] == '-' || text[0] >= '0' && text[0] <= '9':
				kind = "number"
			}
			return nil, &RecordError{Index: idx, Offset: r.base + int64(start), Err: fmt.Errorf("%w: the element is a JSON %s (%s)", ErrNotRecord, kind, text)}, true
		}
		if end-start > r.opt.maxRecord {
			off := r.base + int64(start)
			if r.buf[start] != '"' {
				r.fail(&RecordError{Index: r.index, Offset: off, Err: &TooLargeError{What: "JSON value", Limit: int64(r.opt.maxRecord), Offset: off}})
				return nil, nil, false
			}
			// Skip the rest of the string.
			r.v.reset(start, false, false)
			r.v.inStr, r.v.strStart = true, start+1
			r.pos = end
			return r.tooLarge(stAfterElem)
		}
		startOff := r.base + int64(start)
		if !r.more() {
			return r.truncated("JSON value", startOff)
		}
		start = r.pos
	}
}

// wholeElement reports whether the data read holds, at r.pos, a valid
// JSON value followed by a comma or a closing bracket: an element of a
// Records array that is no record, rather than stray bytes. A value that
// goes on past the data read counts as stray: no CloudTrail writes one.
func (r *Reader) wholeElement() bool {
	b := r.buf[:r.end]
	end, err := jsonscan.Value(b, r.pos)
	if err != nil {
		return false
	}
	q := jsonscan.SkipSpace(b, end)
	return q < len(b) && (b[q] == ',' || b[q] == ']')
}

func (r *Reader) arrayName() string {
	if r.inRecords {
		return "Records array"
	}
	return "JSON array"
}

// endArray moves on after the closing bracket of an array.
func (r *Reader) endArray() {
	r.mark = r.pos
	r.inArray = false
	if r.inRecords || r.inEvents {
		r.inEvents = false
		r.skip = skipScan{depth: 1}
		r.state = stRest
		return
	}
	r.state = stTop
}

// element scans an element of an array.
func (r *Reader) element() (*Event, error, bool) {
	for {
		if r.walk && r.v.obj && r.pos == r.v.start {
			// Without a filter every record is decoded, so validate it and
			// find its members in one pass over the buffer. A record that
			// runs past the data read so far, or is invalid, takes the scan
			// below.
			if end, err := r.mw.run(r.buf[:r.end], r.pos); err == nil {
				if e, err, done, again := r.checkElement(end); done || again {
					if again {
						continue
					}
					return e, err, true
				}
				r.pos = end
				r.state = stAfterElem
				return r.valueOf(r.v.start, end, r.elemFmt, &r.mw.keyView, r.mw.members)
			}
		}
		p, res := r.v.run(r.buf[:r.end], r.pos)
		r.pos = p
		if res == scanDone {
			if e, err, done, again := r.checkElement(p); done || again {
				if again {
					continue
				}
				return e, err, true
			}
			r.state = stAfterElem
			return r.value(r.v.start, p, r.elemFmt)
		}
		if r.pos-r.v.start > r.opt.maxRecord {
			if e, err, ok := r.cutShort(); ok {
				return e, err, true
			}
			return r.tooLarge(stAfterElem)
		}
		if !r.more() {
			if r.rerr == io.EOF {
				if e, err, ok := r.cutShort(); ok {
					return e, err, true
				}
			}
			return r.truncated("record", r.base+int64(r.v.start))
		}
	}
}

// cutShort is called when the value being scanned does not end before
// the end of the input or the record size limit. Among records (in a log
// file, or at the top level) that is most often a record cut short, with
// the records after it read as its members: when another record starts
// inside the value, cutShort reports the value as damaged, goes on there
// and reports true.
func (r *Reader) cutShort() (*Event, error, bool) {
	if r.inArray && !r.inRecords {
		return nil, nil, false
	}
	k := r.nextElement(r.v.start + 1)
	if k < 0 {
		return nil, nil, false
	}
	e, err, _ := r.resync(r.v.start, k, "the record is cut short: another starts inside it")
	return e, err, true
}

// checkElement looks at what follows the element of a log file that ends
// at r.buf[end]: a comma and a member name there mean that a stray closing
// brace has cut a record short, and the element is no record, only its
// first part. It reports done, with the error for the damage, when so;
// again when it had to read more input to tell, and the element is to be
// scanned again (the reading may have moved the buffer).
func (r *Reader) checkElement(end int) (e *Event, err error, done, again bool) {
	if r.inArray && !r.inRecords {
		return nil, nil, false, false
	}
	b := r.buf[:r.end]
	q := jsonscan.SkipSpace(b, end)
	if q < len(b) && b[q] == ',' {
		q = jsonscan.SkipSpace(b, q+1)
	}
	member := false
	if q < len(b) {
		if b[q] != '"' || q == jsonscan.SkipSpace(b, end) {
			return nil, nil, false, false
		}
		// A member name is a string followed by a colon.
		if s, _, serr := jsonscan.String(b, q); serr == nil {
			if c := jsonscan.SkipSpace(b, s); c < len(b) {
				if b[c] != ':' {
					return nil, nil, false, false
				}
				member = true
			}
		} else if s < len(b) {
			return nil, nil, false, false
		}
	}
	if !member {
		if r.rerr == nil && r.end-r.v.start <= r.opt.maxRecord+lineWindow {
			// Read on to tell; reading may move the buffer, so the
			// element is scanned again.
			r.more()
			r.pos = r.v.start
			r.v.reset(r.v.start, true, !r.inArray)
			return nil, nil, false, true
		}
		return nil, nil, false, false // the end of the input: truncation is told later
	}
	const why = "a stray closing brace cuts a record short"
	if !r.inArray && r.lineMode > 0 {
		nl := r.end
		if i := bytes.IndexByte(b[end:], '\n'); i >= 0 {
			nl = end + i
		}
		_, err, _ = r.brokenLine(nl, why)
		return nil, err, true, false
	}
	_, err, _ = r.resync(r.v.start, r.v.start+1, why)
	return nil, err, true, false
}

// afterElement reads the comma or bracket after an element.
func (r *Reader) afterElement() (*Event, error, bool) {
	c, ok := r.peek()
	if !ok {
		return r.truncated(r.arrayName(), r.arrayOff)
	}
	switch c {
	case ',':
		r.commaOff = r.base + int64(r.pos)
		r.pos++
		r.state = stNextElem
		return nil, nil, false
	case ']':
		r.pos++
		r.endArray()
		return nil, nil, false
	case '{':
		// Two elements without a comma between them: both are whole.
		r.mark = r.pos
		r.state = stNextElem
		return nil, r.damage(r.pos, "a comma is missing between two elements"), true
	}
	return r.resync(r.pos, r.pos+1, fmt.Sprintf("%q after an element, where a comma or closing bracket should be", c))
}

// damage returns the error for damaged bytes at r.buf[at] between the
// records of an array or of the top level, where no record is lost (a
// missing or doubled comma, a stray byte): a ContainerError that does not
// end reading, and that takes no record index, so that the records around
// it keep the indexes they have in the intact input.
func (r *Reader) damage(at int, why string) error {
	return r.damageAt(r.base+int64(at), why)
}

// damageAt is damage for the offset off of the input.
func (r *Reader) damageAt(off int64, why string) error {
	what := "JSON text"
	if r.inArray {
		what = r.arrayName()
	}
	return &ContainerError{Format: r.format, What: what, Offset: off, Err: &SyntaxError{Msg: why, Offset: off, In: "the input"}}
}

// lostRecord returns the RecordError for damaged bytes at the offset off
// of the input that held (part of) a record, which takes the record's
// index.
func (r *Reader) lostRecord(off int64, why string) error {
	idx := r.index
	r.index++
	return &RecordError{Index: idx, Offset: off, Err: &SyntaxError{Msg: why, Offset: off, In: "the input"}}
}

// peekAfter returns the first byte at or after i that is no white space,
// reading more input as needed; it reports false at the end of the input.
// Nothing from r.mark on is dropped.
func (r *Reader) peekAfter(i int) (byte, bool) {
	for {
		if q := jsonscan.SkipSpace(r.buf[:r.end], i); q < r.end {
			return r.buf[q], true
		}
		at := r.base + int64(i)
		if !r.more() {
			return 0, false
		}
		i = int(at - r.base)
	}
}

// resync reports the damaged bytes from r.buf[at] on and goes on at the
// next element, found from r.buf[from] on: in a log file, and among
// records at the top level, the next place where a record starts as
// CloudTrail writes them, {"eventVersion":, which no member of a record
// can be mistaken for; in another array the next object. When none comes,
// the rest of the input is lost. It holds no more than a few bytes of what
// it skips.
func (r *Reader) resync(at, from int, why string) (*Event, error, bool) {
	off := r.base + int64(at)
	if r.skipDamaged(at, from) {
		return nil, r.lostRecord(off, why), true
	}
	return nil, r.damageAt(off, why), true
}

// skipDamaged moves on from damaged bytes at r.buf[at] to the next
// element, found from r.buf[from] on (see resync). It reports whether the
// bytes it skipped held a record, or part of one: an opening brace.
func (r *Reader) skipDamaged(at, from int) (lost bool) {
	off := r.base + int64(at)
	lost = bytes.IndexByte(r.buf[at:from], '{') >= 0
	r.pos, r.mark = from, from
	// After damage in a damaged gzip member, the text up to the next
	// member is what the decompressor made of damaged data: go on there.
	skip := r.boundaryAfter(off)
	for {
		if skip >= 0 {
			if s := int(skip - r.base); s > r.pos {
				to := min(s, r.end)
				lost = lost || bytes.IndexByte(r.buf[r.pos:to], '{') >= 0
				r.pos, r.mark = to, to
				if s > r.end {
					if !r.more() {
						break
					}
					continue
				}
			}
		}
		if k := r.nextElement(r.pos); k >= 0 {
			lost = lost || bytes.IndexByte(r.buf[r.pos:k], '{') >= 0
			r.pos, r.mark = k, k
			r.state = stNextElem
			if !r.inArray {
				r.state = stTop
			}
			return lost
		}
		// Keep a few bytes: a record start may span two reads.
		keep := max(r.pos, r.end-recordStartSpan)
		lost = lost || bytes.IndexByte(r.buf[r.pos:keep], '{') >= 0
		r.pos, r.mark = keep, keep
		if !r.more() {
			break
		}
	}
	// No element follows: the rest of the input is lost.
	lost = lost || bytes.IndexByte(r.buf[r.pos:r.end], '{') >= 0
	r.pos, r.mark = r.end, r.end
	r.state, r.inArray = stTop, false
	return lost
}

// recordStartSpan is the most bytes a record start that nextElement finds
// spans, white space of indented files included.
const recordStartSpan = 64

// nextElement returns the position of the next element start (see resync)
// in the data read from r.buf[from] on, or -1.
func (r *Reader) nextElement(from int) int {
	b := r.buf[:r.end]
	if r.inArray && !r.inRecords {
		if i := bytes.IndexByte(b[from:], '{'); i >= 0 {
			return from + i
		}
		return -1
	}
	k := objectStart(b, from, `"eventVersion"`)
	if !r.inArray {
		// Or a log file, if one starts first.
		end := len(b)
		if k >= 0 {
			end = k
		}
		if l := objectStart(b[:end], from, `"Records"`); l >= 0 {
			k = l
		}
	}
	return k
}

// objectStart returns the position of the first '{' at or after from in b
// whose first member is named name (quotes included), or -1.
func objectStart(b []byte, from int, name string) int {
	for from < len(b) {
		i := bytes.Index(b[from:], []byte(name))
		if i < 0 {
			return -1
		}
		at := from + i
		j := at - 1
		for j >= from && jsonscan.IsSpace(b[j]) {
			j--
		}
		if j >= from && b[j] == '{' {
			return j
		}
		from = at + 1
	}
	return -1
}

// rest skips the members of a log file after its Records array.
func (r *Reader) rest() (*Event, error, bool) {
	for {
		p, done := r.skip.run(r.buf[:r.end], r.pos)
		r.pos, r.mark = p, p
		if done {
			r.state = stTop
			return nil, nil, false
		}
		if !r.more() {
			return r.truncated("log file object", r.fileOff)
		}
	}
}

// tooLarge reports the value being scanned as too large and skips the rest
// of it; then reading goes on in state then.
func (r *Reader) tooLarge(then int) (*Event, error, bool) {
	idx := r.index
	r.index++
	off := r.base + int64(r.v.start)
	if r.format == FormatUnknown && !r.inArray && r.v.obj && r.v.mask&keyContainer == 0 && r.v.mask&recordKeys != 0 {
		// The members scanned so far are a record's.
		r.setFormat(FormatRecord)
	}
	r.skipOff = off
	// The scan stopped before a backslash whose escaped byte is still to
	// come, if any: skipping goes on from there.
	r.skip = skipScan{depth: r.v.depth, inStr: r.v.inStr}
	r.mark = r.pos
	r.skipThen = then
	r.state = stSkip
	return nil, &RecordError{Index: idx, Offset: off, Err: &TooLargeError{What: "record", Limit: int64(r.opt.maxRecord), Offset: off}}, true
}

// skipValue skips the rest of a value that is too large.
func (r *Reader) skipValue() (*Event, error, bool) {
	for {
		p, done := r.skip.run(r.buf[:r.end], r.pos)
		r.pos, r.mark = p, p
		if done {
			r.state = r.skipThen
			return nil, nil, false
		}
		if !r.more() {
			return r.truncated("record", r.skipOff)
		}
	}
}

// countRecord numbers the record that is about to be handed out and,
// every 256 records, checks the reading's context: when it is done, it
// fails r and reports false.
func (r *Reader) countRecord() (int, bool) {
	idx := r.index
	r.index++
	if r.done != nil {
		if r.ticks++; r.ticks >= 256 {
			r.ticks = 0
			select {
			case <-r.done:
				r.fail(r.readError(r.opt.ctx.Err()))
				return idx, false
			default:
			}
		}
	}
	return idx, true
}

// value handles a complete value that r.v scanned, b[s:e]: a record on the
// fast path, anything else through expandTop.
func (r *Reader) value(s, e int, f Format) (*Event, error, bool) {
	return r.valueOf(s, e, f, &r.v.keyView, nil)
}

// valueOf handles the complete value b[s:e], of which v tells the
// top-level members; walked lists them when the value has been validated.
func (r *Reader) valueOf(s, e int, f Format, v *keyView, walked []memberPos) (*Event, error, bool) {
	// Nothing before e is needed once this returns; b[s:e] stays valid
	// until the next read.
	r.mark = e
	off := r.base + int64(s)
	if e-s > r.opt.maxRecord {
		idx := r.index
		r.index++
		return nil, &RecordError{Index: idx, Offset: off, Err: &TooLargeError{What: "record", Limit: int64(r.opt.maxRecord), Offset: off}}, true
	}
	if v.obj && v.mask&keyContainer == 0 && v.mask&recordKeys != 0 && !v.odd && !r.awsSource(v) {
		if f == FormatRecord {
			r.setFormat(FormatRecord)
		}
		idx, ok := r.countRecord()
		if !ok {
			return nil, nil, false
		}
		if r.filt.active() && !r.matchScanned(s, e, v) {
			if (v.nested || v.stray) && r.amongRecords() && !jsonscan.Valid(r.buf[s:e]) {
				// A damaged record with another inside it: the same
				// error, and the same place to go on, as without a
				// filter.
				err := &RecordError{Index: idx, Offset: off, Err: r.explain(r.buf[s:e], syntaxError(r.buf[s:e], r.opt.lenient))}
				r.afterDamaged(s, e)
				return nil, err, true
			}
			return nil, nil, false
		}
		// The Event owns a copy of its record (bytes.Clone does not zero
		// the memory it copies into).
		raw := bytes.Clone(r.buf[s:e])
		if walked != nil {
			return r.decodeWalked(raw, walked, f, idx, off)
		}
		ev, err, ok := r.decode(raw, f, idx, off, nil)
		if err != nil {
			r.afterDamaged(s, e)
		}
		return ev, err, ok
	}
	if r.amongRecords() && !jsonscan.Valid(r.buf[s:e]) {
		// A damaged record that does not look like one.
		idx := r.index
		r.index++
		err := &RecordError{Index: idx, Offset: off, Err: syntaxError(r.buf[s:e], r.opt.lenient)}
		r.afterDamaged(s, e)
		return nil, err, true
	}
	if f == FormatRecord {
		r.expandTop(r.buf[s:e], off)
	} else if got := r.expand(r.buf[s:e], off, f, false, nil, 0); got != f && got != FormatUnknown && r.elems == 1 && r.inRecords && r.format == FormatLogFile && r.values <= 1 {
		// {"Records":[...]} of S3 or SQS notifications, not a log file, or
		// of SQS messages or Kinesis records (Lambda's events) that carry
		// EventBridge events or CloudWatch Logs data: the format is that of
		// what they carry.
		r.format = got
	}
	return nil, nil, false
}

// amongRecords reports whether the value being read stands where a
// record should: an element of a log file, or a top-level value of a
// stream that is not JSON Lines.
func (r *Reader) amongRecords() bool {
	return r.inRecords || !r.inArray && r.lineMode <= 0
}

// afterDamaged is called after the damaged value b[s:e] among records has
// been reported. Damage may run a record into the records after it: it
// goes on where the next one starts, if that is inside the value.
func (r *Reader) afterDamaged(s, e int) {
	if !r.amongRecords() {
		return
	}
	if x := r.boundaryAfter(r.base + int64(s)); x >= 0 && x-r.base > int64(s) {
		// The value runs into what the decompressor made of a damaged
		// gzip member: go on at the next member.
		r.skipDamaged(s, s+1)
		return
	}
	if k := r.nextElement(s + 1); k >= 0 && k < e {
		r.pos, r.mark = k, k
		r.state = stNextElem
		if !r.inArray {
			r.state = stTop
		}
	}
}

// awsSource reports whether the scanned eventSource is of the "aws:s3"
// kind that S3, SNS and SQS messages use.
func (r *Reader) awsSource(v *keyView) bool {
	return v.srcS >= 0 && v.srcE-v.srcS >= 4 && string(r.buf[v.srcS:v.srcS+4]) == "aws:"
}

// matchScanned applies the filter to the scanned record b[s:e].
func (r *Reader) matchScanned(s, e int, v *keyView) bool {
	if v.srcS < 0 && v.nameS < 0 && v.mask&keyInsight != 0 {
		return r.filt.matchRecord(r.buf[s:e])
	}
	if r.filt.sources != nil && (v.srcS < 0 || !r.filt.matchSourceText(r.buf[v.srcS:v.srcE])) {
		return false
	}
	if r.filt.names != nil && (v.nameS < 0 || !r.filt.matchNameText(r.buf[v.nameS:v.nameE])) {
		return false
	}
	switch {
	case r.filt.changes == nil:
		return true
	case v.ro == roTrue:
		return false
	case v.ro == roFalse:
		return true
	}
	return r.filt.matchChange(r.buf[s:e])
}

// decode decodes a record the Reader owns and fills its Delivery from d.
func (r *Reader) decode(raw []byte, f Format, idx int, off int64, d *Delivery) (*Event, error, bool) {
	// One allocation for the Event and its Delivery.
	blk := new(struct {
		e Event
		d Delivery
	})
	if err := parseInto(&blk.e, raw, &r.mw); err != nil {
		return nil, &RecordError{Index: idx, Offset: off, Err: r.explain(raw, err)}, true
	}
	if d != nil {
		blk.d = *d
	}
	blk.d.Format, blk.d.Index, blk.d.Offset = f, idx, off
	blk.e.Delivery = &blk.d
	return &blk.e, nil, true
}

// decodeWalked decodes a record whose members walkMembers has found (and
// validated) in the buffer; raw is the Reader's copy of it.
func (r *Reader) decodeWalked(raw []byte, walked []memberPos, f Format, idx int, off int64) (*Event, error, bool) {
	blk := new(struct {
		e Event
		d Delivery
	})
	parseWalked(&blk.e, raw, walked)
	blk.d.Format, blk.d.Index, blk.d.Offset = f, idx, off
	blk.e.Delivery = &blk.d
	return &blk.e, nil, true
}

// explain adds to a syntax error whether the record looks like a
// documentation example, which Lenient reads.
func (r *Reader) explain(raw []byte, err error) error {
	if se, ok := err.(*SyntaxError); ok {
		se.docs = !r.opt.lenient && looksLikeDocs(raw)
	}
	return err
}
