package cloudtrail

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/klauspost/compress/gzip"
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
	return fmt.Sprintf("cloudtrail: record %d at offset %d: %s", e.Index, e.Offset, causeText(e.Err))
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// ContainerError reports input whose container is broken: a gzip stream
// that is cut short or corrupt, a Records array or JSON text that ends
// before it is closed, bytes that are no JSON where a value should start.
// Records before the break have been delivered. A ContainerError about the
// input as a whole ends the Reader (Next keeps returning it); one about a
// single value of a stream, such as a broken EventBridge event on one line
// of JSON Lines, does not.
type ContainerError struct {
	Format Format // the container being read, as detected so far
	What   string // the part of the input that is broken, such as "gzip stream" or "Records array"
	Offset int64  // the byte offset of the break in the (decompressed) input
	Err    error  // the cause, wrapping ErrTruncated, ErrSyntax or the decompressor's error
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
//     CloudTrail" types (the record is its detail);
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
// whatever the size of the input. Each Event owns its bytes.
//
// With WithEventSources or WithEventNames, the Reader picks records from
// their bytes and decodes only those it keeps: a malformed record that the
// filter skips gives no error. Every record it keeps is validated.
//
// A malformed record gives a *RecordError and Next goes on with the next
// record. A broken container gives a *ContainerError after every record
// before the break; such an error, a read error, a limit passed and the
// context's end are fatal: Next returns the same error from then on. At
// the end of the input Next returns io.EOF, and keeps doing so.
//
// A Reader is not safe for concurrent use.
type Reader struct {
	opt  options
	filt filter
	done <-chan struct{} // the context's Done channel; nil when it is never done

	src  io.Reader // as given
	in   io.Reader // the JSON text: decompressed, rewritten by Lenient
	stop func()    // stops the read-ahead goroutine; nil when none

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
	inRecords bool   // the current array is the Records member of a log file
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

	index      int // index of the next record
	values     int // top-level values started
	format     Format
	compressed bool
	err        error // sticky: io.EOF or a fatal error
	fatal      bool  // the last error Next returned was r.err
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

// Next returns the next record. At the end of the input it returns io.EOF;
// see Reader for the errors it may return and whether reading goes on after
// them.
func (r *Reader) Next() (*Event, error) {
	for {
		if r.qi < len(r.queue) {
			it := r.queue[r.qi]
			r.queue[r.qi] = item{}
			r.qi++
			if r.qi == len(r.queue) {
				r.queue, r.qi = r.queue[:0], 0
			}
			r.fatal = false
			return it.e, it.err
		}
		if r.err != nil {
			r.fatal = r.err != io.EOF
			return nil, r.err
		}
		if e, err, ok := r.step(); ok {
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
// if any, and makes Next return ErrClosed (or the fatal error that ended
// reading before). It does not close the io.Reader given to NewReader.
func (r *Reader) Close() error {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
	if r.err == nil || r.err == io.EOF {
		r.err = ErrClosed
	}
	r.spec = nil
	r.queue, r.qi = nil, 0
	r.buf = nil
	r.pos, r.end, r.mark = 0, 0, 0
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
	}
	r.fail(errors.New("cloudtrail: internal error: bad reader state"))
	return nil, nil, false
}

// fail ends reading with err.
func (r *Reader) fail(err error) {
	r.err = err
	r.spec = nil // a helper at work stops by itself
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
	r.buf = nil
	r.pos, r.end, r.mark = 0, 0, 0
}

// open detects compression and sets up the text stream.
func (r *Reader) open() {
	r.state = stTop
	if r.src == nil {
		r.fail(errors.New("cloudtrail: NewReader of a nil io.Reader"))
		return
	}
	br := bufio.NewReaderSize(r.src, readChunk)
	var in io.Reader = br
	peek := br
	for level := 0; ; level++ {
		head, err := peek.Peek(2)
		if len(head) == 1 && head[0] == 0x1f && err == io.EOF {
			r.fail(gzipError(io.ErrUnexpectedEOF, 0))
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
			r.fail(&ContainerError{What: "gzip stream", Err: errors.New("gzip nested more than 4 deep")})
			return
		}
		zr, err := gzip.NewReader(peek)
		if err != nil {
			r.fail(gzipError(err, 0))
			return
		}
		r.compressed = true
		var z io.Reader = &gzipReader{zr: zr}
		if level == 0 && r.opt.maxDecompressed >= 0 {
			z = &limitReader{r: z, limit: r.opt.maxDecompressed}
		}
		if level == 0 && r.opt.readAhead {
			z, r.stop = newReadAhead(z)
		}
		peek = bufio.NewReaderSize(z, 4096)
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
	r.helpers = r.opt.helpers && !r.compressed && useHelpers()
	if r.helpers {
		size = specBuffer
	}
	if max := r.opt.maxRecord + readChunk; size > max {
		size = max
	}
	r.buf = make([]byte, size)
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

// readError turns the error that stopped reading into the error Next
// returns.
func (r *Reader) readError(err error) error {
	var tl *TooLargeError
	var ce *ContainerError
	switch {
	case errors.As(err, &tl), errors.As(err, &ce):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("cloudtrail: reading stopped at offset %d: %w", r.base+int64(r.end), err)
	}
	return fmt.Errorf("cloudtrail: reading input at offset %d: %w", r.base+int64(r.end), err)
}

// truncated ends reading where the input stops inside something.
func (r *Reader) truncated(what string, start int) (*Event, error, bool) {
	if r.rerr != io.EOF {
		r.fail(r.readError(r.rerr))
		return nil, nil, false
	}
	off := r.base + int64(r.end)
	msg := fmt.Errorf("%w: the input ends inside the %s that starts at offset %d", ErrTruncated, what, r.base+int64(start))
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
	case '{':
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
		r.inRecords = false
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
			if (ok || r.rerr != nil) && r.buf[start] != '"' && !validJSON(r.buf[start:end]) {
				break // a word, not a literal: a line of text
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
	// Not JSON. At the start of the input this ends reading; within JSON
	// Lines it spoils one line only.
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

// isScalarStart reports whether c starts a JSON string, number or literal.
func isScalarStart(c byte) bool {
	return c == '"' || c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n'
}

// object scans a top-level object.
func (r *Reader) object() (*Event, error, bool) {
	for {
		p, res := r.v.run(r.buf[:r.end], r.pos)
		r.pos = p
		switch res {
		case scanDone:
			r.state = stTop
			return r.value(r.v.start, p, FormatRecord)
		case scanRecords:
			r.setFormat(FormatLogFile)
			r.pos++
			r.mark = r.pos
			r.inRecords = true
			r.elemFmt = FormatLogFile
			r.state = stArray
			return nil, nil, false
		}
		if r.pos-r.v.start > r.opt.maxRecord {
			return r.tooLarge(stTop)
		}
		if !r.more() {
			return r.truncated("JSON object", r.v.start)
		}
	}
}

// elementStart reads the start of an array element or the end of the
// array.
func (r *Reader) elementStart() (*Event, error, bool) {
	c, ok := r.peek()
	if !ok {
		return r.truncated(r.arrayName(), r.pos)
	}
	switch c {
	case ']':
		if r.state == stNextElem {
			err := &ContainerError{
				Format: r.format,
				What:   r.arrayName(),
				Offset: r.base + int64(r.pos),
				Err:    fmt.Errorf("%w: a comma before the closing bracket (Lenient accepts this)", ErrSyntax),
			}
			r.fail(err)
			return nil, nil, false
		}
		r.pos++
		r.endArray()
		return nil, nil, false
	case '{':
		if r.atElement() {
			return nil, nil, false // the helper's work starts here
		}
		r.elems++
		r.v.reset(r.pos, true, false)
		r.state = stElement
		return r.element()
	case '[':
		r.elems++
		r.v.reset(r.pos, false, false)
		r.state = stElement
		return r.element()
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
			r.pos = r.end
			return r.tooLarge(stAfterElem)
		}
		if !r.more() {
			return r.truncated(r.arrayName(), start)
		}
		start = r.pos
	}
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
	if r.inRecords {
		r.skip = skipScan{depth: 1}
		r.state = stRest
		return
	}
	r.state = stTop
}

// element scans an element of an array.
func (r *Reader) element() (*Event, error, bool) {
	if r.walk && r.v.obj && r.pos == r.v.start {
		// Without a filter every record is decoded, so validate it and
		// find its members in one pass over the buffer. A record that runs
		// past the data read so far, or is invalid, takes the scan below.
		if end, ok := r.mw.run(r.buf[:r.end], r.pos); ok {
			r.pos = end
			r.state = stAfterElem
			return r.valueOf(r.v.start, end, r.elemFmt, &r.mw.keyView, r.mw.members)
		}
	}
	for {
		p, res := r.v.run(r.buf[:r.end], r.pos)
		r.pos = p
		if res == scanDone {
			r.state = stAfterElem
			return r.value(r.v.start, p, r.elemFmt)
		}
		if r.pos-r.v.start > r.opt.maxRecord {
			return r.tooLarge(stAfterElem)
		}
		if !r.more() {
			return r.truncated("record", r.v.start)
		}
	}
}

// afterElement reads the comma or bracket after an element.
func (r *Reader) afterElement() (*Event, error, bool) {
	c, ok := r.peek()
	if !ok {
		return r.truncated(r.arrayName(), r.pos)
	}
	switch c {
	case ',':
		r.pos++
		r.state = stNextElem
		return nil, nil, false
	case ']':
		r.pos++
		r.endArray()
		return nil, nil, false
	}
	r.fail(&ContainerError{
		Format: r.format,
		What:   r.arrayName(),
		Offset: r.base + int64(r.pos),
		Err:    fmt.Errorf("%w: %q after an element, where a comma or closing bracket should be", ErrSyntax, c),
	})
	return nil, nil, false
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
			return r.truncated("log file object", r.pos)
		}
	}
}

// tooLarge reports the value being scanned as too large and skips the rest
// of it; then reading goes on in state then.
func (r *Reader) tooLarge(then int) (*Event, error, bool) {
	idx := r.index
	r.index++
	off := r.base + int64(r.v.start)
	r.skip = skipScan{depth: r.v.depth, inStr: r.v.inStr}
	if r.v.inStr {
		r.skip.esc = trailingEscape(r.buf[:r.pos], r.v.strStart)
	}
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
			return r.truncated("record", r.pos)
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
			return nil, nil, false
		}
		// The Event owns a copy of its record (bytes.Clone does not zero
		// the memory it copies into).
		raw := bytes.Clone(r.buf[s:e])
		if walked != nil {
			return r.decodeWalked(raw, walked, f, idx, off)
		}
		return r.decode(raw, f, idx, off, nil)
	}
	if f == FormatRecord {
		r.expandTop(r.buf[s:e], off)
	} else if got := r.expand(r.buf[s:e], off, f, false, nil, 0); got == FormatNotRecords && r.elems == 1 {
		// {"Records":[...]} of S3 or SQS notifications, not a log file.
		r.setFormat(FormatNotRecords)
	}
	return nil, nil, false
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
	return true
}

// decode decodes a record the Reader owns and fills its Delivery from d.
func (r *Reader) decode(raw []byte, f Format, idx int, off int64, d *Delivery) (*Event, error, bool) {
	// One allocation for the Event and its Delivery.
	blk := new(struct {
		e Event
		d Delivery
	})
	if err := parseInto(&blk.e, raw); err != nil {
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
	parseWalked(&blk.e, raw, walked) // valid: it cannot fail
	blk.d.Format, blk.d.Index, blk.d.Offset = f, idx, off
	blk.e.Delivery = &blk.d
	return &blk.e, nil, true
}

// explain adds where a record's JSON breaks to a syntax error.
func (r *Reader) explain(raw []byte, err error) error {
	if !errors.Is(err, ErrSyntax) {
		return err
	}
	return syntaxError(raw, r.opt.lenient)
}

// limitReader stops reading decompressed input past a limit.
type limitReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n > l.limit {
		return 0, &TooLargeError{What: "decompressed input", Limit: l.limit, Offset: l.limit}
	}
	if max := l.limit - l.n + 1; int64(len(p)) > max {
		p = p[:max]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.limit {
		return n - int(l.n-l.limit), &TooLargeError{What: "decompressed input", Limit: l.limit, Offset: l.limit}
	}
	return n, err
}

// gzipReader turns the errors of a gzip stream into ContainerErrors.
type gzipReader struct {
	zr  *gzip.Reader
	n   int64
	err error
}

func (g *gzipReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.zr.Read(p)
	g.n += int64(n)
	if err != nil && err != io.EOF {
		err = gzipError(err, g.n)
		g.err = err
	}
	return n, err
}

// gzipError describes an error of the decompressor.
func gzipError(err error, off int64) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
		err = fmt.Errorf("%w: the gzip stream ends early: %w", ErrTruncated, err)
	} else {
		err = fmt.Errorf("gzip: %w", err)
	}
	return &ContainerError{Format: FormatUnknown, What: "gzip stream", Offset: off, Err: err}
}
