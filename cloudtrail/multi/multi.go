// Package multi reads many CloudTrail inputs at once into one stream of
// events: files, directory trees of log files (such as a copy of a trail's
// S3 bucket), the files of an fs.FS, and standard input.
//
// Open and OpenFS list the inputs on one goroutine and read them on
// several, each input with its own cloudtrail.Reader, and Next and All give
// their events and errors as one stream:
//
//	r := multi.Open(ctx, []string{"AWSLogs"},
//		multi.WithReaderOptions(cloudtrail.WithEventSources(mediaconvert.EventSource)))
//	defer r.Close()
//	for e, err := range r.All() {
//		if err != nil {
//			log.Print(err) // an *InputError, which names its input
//			continue
//		}
//		fmt.Println(r.Input(), e.EventTime, e.EventName)
//	}
//	if r.Err() != nil {
//		os.Exit(1) // an input could not be read to its end, or ctx ended
//	}
//
// Reader.Decode gives the typed form of each event; with WithDecode the
// goroutines that read the inputs decode it, so that typed decoding runs on
// every core too.
//
// # Order
//
// The events and errors of one input come in the order of that input, as
// its cloudtrail.Reader returns them. Those of different inputs are
// interleaved, in no fixed order: several inputs are read at once, and the
// stream takes what each reader has ready.
//
// # Speed
//
// Each input is read on one goroutine, so many small inputs (such as the
// log files of a trail, a few hundred kilobytes each) keep every core
// busy; the Readers share their buffers, so an input costs little more
// than its events. What limits the gain of a second core is then the
// garbage collector: a program that reads a trail allocates its events
// fast and keeps few of them, so with the default GOGC of 100 the
// collector runs every few megabytes. A batch program that keeps little
// alive may set a higher GOGC (such as GOGC=400, or debug.SetGCPercent) to
// run it less often; see BenchmarkMultiS3Layout for the figures.
//
// # Memory
//
// Readers hand their events to the stream through a bounded queue, and a
// reader waits while it is full, so memory stays bounded by the number of
// readers and the queue's size (see WithConcurrency), whatever the number
// and size of the inputs.
package multi

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// Stdin is the path that names standard input in Open.
const Stdin = "-"

// StdinName is the name of standard input in errors and Input.
const StdinName = "<stdin>"

// DigestDir is the name of the directories that hold CloudTrail's digest
// files; the walk of a directory tree skips them.
const DigestDir = "CloudTrail-Digest"

// listAhead is how many inputs the listing may find ahead of the readers,
// so that Progress knows of them early (and a slow store's listing
// overlaps the reading).
const listAhead = 1024

// batchSize is how many events and errors of a file a reader hands over at
// once. Streams (standard input, pipes) hand over each event as it comes.
const batchSize = 64

// InputError is an error of one input: an error of its cloudtrail.Reader,
// or one that kept it from being read (a file that cannot be opened, a
// directory that cannot be walked, a pattern that matches nothing).
// errors.Is and errors.As see through it to the cloudtrail error, such as
// a *cloudtrail.RecordError or cloudtrail.ErrTruncated, or to an
// *fs.PathError.
type InputError struct {
	Name string // the input, as Input names it
	Err  error
	// Ended is true when nothing of the input is read after the error:
	// it could not be read at all, or the error ended its Reader (see
	// cloudtrail.Reader.Err). It is false after a damaged record and the
	// other errors that reading goes on after.
	Ended bool
}

// Error returns "name: error", or the error's message alone when it names
// the input already (as an *fs.PathError or an error of a store does).
func (e *InputError) Error() string {
	msg := e.Err.Error()
	if e.Name != "" && (strings.HasPrefix(msg, e.Name+": ") || strings.Contains(msg, " "+e.Name+": ")) {
		return msg
	}
	return e.Name + ": " + msg
}

// Unwrap returns the error of the input.
func (e *InputError) Unwrap() error { return e.Err }

// Option configures Open and OpenFS.
type Option func(*config)

type config struct {
	readerOpts  []cloudtrail.Option
	concurrency int
	stdin       io.Reader
	registry    *cloudtrail.Registry // WithDecode; nil: none
}

// WithReaderOptions gives the options of the cloudtrail.Reader of every
// input: filters (WithEventSources, WithEventNames, WithWritesOnly),
// limits, Lenient, WithServiceEvents. The context of Open is the
// context of every Reader.
//
// Each Reader is made with WithReadAhead(false) and WithParallel(false)
// before these options, so that the number of goroutines that read is the
// concurrency; pass WithReadAhead(true) to inflate gzip on a second
// goroutine per input, which helps when the inputs are few and large.
func WithReaderOptions(opts ...cloudtrail.Option) Option {
	return func(c *config) { c.readerOpts = append(c.readerOpts, opts...) }
}

// WithConcurrency sets how many inputs are read at once; n < 1 means
// runtime.GOMAXPROCS(0), the default. The queue between the readers and
// the stream holds up to 2n batches of 64 events.
func WithConcurrency(n int) Option {
	return func(c *config) { c.concurrency = n }
}

// WithDecode makes the goroutines that read the inputs also decode each
// event to its typed form with reg (nil means cloudtrail.DefaultRegistry,
// which the imported service packages fill), so that typed decoding, too,
// runs on every core; Reader.Decode then returns what they decoded.
func WithDecode(reg *cloudtrail.Registry) Option {
	return func(c *config) {
		if reg == nil {
			reg = cloudtrail.DefaultRegistry
		}
		c.registry = reg
	}
}

// WithStdin sets what Stdin reads; the default is os.Stdin.
func WithStdin(r io.Reader) Option {
	return func(c *config) { c.stdin = r }
}

// Progress tells how far reading has come.
type Progress struct {
	Inputs     int   // inputs found so far
	InputsDone int   // inputs read to their end or given up
	Bytes      int64 // the size of the inputs found so far, as stored (compressed); streams count 0
	BytesRead  int64 // bytes read from the inputs, as stored (compressed)
	Listed     bool  // every input is found: Inputs and Bytes are final
}

// Reader reads many inputs into one stream. Its methods other than
// Progress and Close must be called from one goroutine.
type Reader struct {
	parent context.Context
	ctx    context.Context
	cancel context.CancelFunc
	cfg    config
	jobs   chan Input
	out    chan []item
	wg     sync.WaitGroup
	closed atomic.Bool

	streams            atomic.Int32 // stream inputs being read
	inputs, inputsDone atomic.Int64
	bytes, bytesRead   atomic.Int64
	listed             atomic.Bool

	// The consumer's side.
	batch  []item
	pos    int
	cur    item // the last item Next returned
	done   bool
	ended  []error // the errors that ended an input
	ctxErr error
}

// Input is one input of OpenInputs: a file, an object of a store, a
// stream.
type Input struct {
	// Name names the input in errors and in Reader.Input, such as its path
	// or its URL.
	Name string
	// Size is its size as stored (compressed), for Progress; 0 when it is
	// not known.
	Size int64
	// Open opens the input. The Reader closes what it returns when it has
	// read it. ctx ends when the stream ends or is closed, so that a
	// network read in progress ends with it.
	Open func(ctx context.Context) (io.ReadCloser, error)
	// Stream tells that the input delivers records as they happen (a pipe,
	// a terminal, a socket): its events are handed to the stream one by
	// one, as they come, instead of in batches.
	Stream bool
}

// item is an event or an error of an input.
type item struct {
	e       *cloudtrail.Event
	err     error
	input   string
	typed   any   // WithDecode: the typed form of e
	typeErr error // and the error of its decoding
	decoded bool  // typed and typeErr are set
}

// Open reads the inputs that paths name:
//
//   - Stdin ("-"), standard input (see WithStdin), named StdinName;
//   - a file that is no directory, whatever its name;
//   - a directory: in lexical order, the files of its tree whose names end
//     in .json, .json.gz, .jsonl or .gz (in any case), but none under a
//     directory named CloudTrail-Digest (DigestDir), where digest files
//     are.
//
// The inputs of a directory are named by their path, as filepath.Join of
// the directory and their path under it. A path that does not exist, a
// directory that cannot be read and a file that cannot be opened are an
// *InputError in the stream; the others are read all the same.
//
// Reading starts at once. ctx ends it: the stream ends with ctx's error
// (see Next). Close ends it too, and must be called unless the stream is
// read to its end.
func Open(ctx context.Context, paths []string, opts ...Option) *Reader {
	r := newReader(ctx, opts)
	src := source{
		stat: os.Stat,
		walk: filepath.WalkDir,
		open: func(name string) (io.ReadCloser, error) { return os.Open(name) },
	}
	stdin := r.cfg.stdin
	r.start(func(yield func(Input, error) bool) {
		for _, p := range paths {
			if p == Stdin {
				in := Input{Name: StdinName, Stream: true, Open: func(context.Context) (io.ReadCloser, error) {
					return io.NopCloser(stdin), nil
				}}
				if !yield(in, nil) {
					return
				}
				continue
			}
			if !src.list(p, yield) {
				return
			}
		}
	})
	return r
}

// OpenFS reads the files of fsys that names name, each a name in fsys or a
// pattern of fs.Glob. A file is read whatever its name, and a directory is
// walked as Open walks it; a pattern stands for every name it matches
// (none is an *InputError that wraps fs.ErrNotExist). No names means ".",
// the whole of fsys. The inputs are named by their names in fsys.
// Otherwise OpenFS is Open.
func OpenFS(ctx context.Context, fsys fs.FS, names []string, opts ...Option) *Reader {
	if len(names) == 0 {
		names = []string{"."}
	}
	src := source{
		stat: func(name string) (fs.FileInfo, error) { return fs.Stat(fsys, name) },
		walk: func(root string, fn fs.WalkDirFunc) error { return fs.WalkDir(fsys, root, fn) },
		open: func(name string) (io.ReadCloser, error) { return fsys.Open(name) },
	}
	return OpenInputs(ctx, func(yield func(Input, error) bool) {
		for _, name := range names {
			if !hasMeta(name) {
				if !src.list(name, yield) {
					return
				}
				continue
			}
			matches, err := fs.Glob(fsys, name)
			if err == nil && len(matches) == 0 {
				err = &fs.PathError{Op: "glob", Path: name, Err: fs.ErrNotExist}
			}
			if err != nil {
				if !yield(Input{Name: name}, err) {
					return
				}
				continue
			}
			for _, m := range matches {
				if !src.list(m, yield) {
					return
				}
			}
		}
	}, opts...)
}

// OpenInputs reads the inputs that list yields, from any store: objects
// of a bucket, files of a listing, responses of a service. It is the
// ground of Open and OpenFS, and of readers of other stores such as
// package s3trail.
//
// list runs on a goroutine of its own while the inputs are read, so that
// reading starts with the first input listed; the inputs are started in
// the order list yields them. An error that list yields is an *InputError
// in the stream (Ended), named by the Name of the Input yielded with it
// (an *InputError is passed on as it is), and listing goes on after it
// for as long as list goes on. When the stream is closed or its context
// ends, yield returns false, and list must then return.
//
// An Input without Open is an *InputError. Otherwise OpenInputs is Open.
func OpenInputs(ctx context.Context, list iter.Seq2[Input, error], opts ...Option) *Reader {
	r := newReader(ctx, opts)
	r.start(list)
	return r
}

// errNoOpen is the error of an Input without Open.
var errNoOpen = errors.New("input has no Open function")

// hasMeta reports whether a name is a pattern of fs.Glob.
func hasMeta(name string) bool { return strings.ContainsAny(name, `*?[\`) }

// source is a file system: the operating system's or an fs.FS.
type source struct {
	stat func(name string) (fs.FileInfo, error)
	walk func(root string, fn fs.WalkDirFunc) error
	open func(name string) (io.ReadCloser, error)
}

func newReader(ctx context.Context, opts []Option) *Reader {
	cfg := config{stdin: os.Stdin}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.concurrency < 1 {
		cfg.concurrency = runtime.GOMAXPROCS(0)
	}
	r := &Reader{parent: ctx, cfg: cfg}
	r.ctx, r.cancel = context.WithCancel(ctx)
	r.jobs = make(chan Input, listAhead)
	r.out = make(chan []item, 2*cfg.concurrency)
	return r
}

// start runs list on a goroutine, which sends the inputs it yields to
// the readers and the errors to the stream, and starts the readers.
func (r *Reader) start(list iter.Seq2[Input, error]) {
	r.wg.Add(1 + r.cfg.concurrency)
	go func() {
		defer r.wg.Done()
		defer close(r.jobs)
		for in, err := range list {
			var ok bool
			if err != nil {
				ok = r.fail(in.Name, err)
			} else {
				ok = r.add(in)
			}
			if !ok || r.ctx.Err() != nil {
				return
			}
		}
		r.listed.Store(true)
	}()
	opts := append([]cloudtrail.Option{cloudtrail.WithReadAhead(false), cloudtrail.WithParallel(false)}, r.cfg.readerOpts...)
	opts = append(opts, cloudtrail.WithContext(r.ctx))
	for range r.cfg.concurrency {
		go func() {
			defer r.wg.Done()
			for in := range r.jobs {
				if r.ctx.Err() != nil {
					return // the inputs listed ahead are not read
				}
				r.read(in, opts)
				r.inputsDone.Add(1)
			}
		}()
	}
	go func() {
		r.wg.Wait()
		close(r.out)
	}()
}

// list yields the inputs that name names in src: the file, or the log
// files of the directory tree; it reports false when yield does.
func (src source) list(name string, yield func(Input, error) bool) bool {
	info, err := src.stat(name)
	if err != nil {
		return yield(Input{Name: name}, err)
	}
	if !info.IsDir() {
		return yield(src.file(name, info), nil)
	}
	ok := true
	err = src.walk(name, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			ok = yield(Input{Name: p}, err)
		} else if d.IsDir() {
			if d.Name() == DigestDir && p != name {
				return fs.SkipDir
			}
		} else if IsLogFile(d.Name()) {
			info, err := d.Info()
			if err != nil {
				ok = yield(Input{Name: p}, err)
			} else {
				ok = yield(src.file(p, info), nil)
			}
		}
		if !ok {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		ok = yield(Input{Name: name}, err)
	}
	return ok
}

// file returns the input of a file.
func (src source) file(name string, info fs.FileInfo) Input {
	return Input{
		Name:   name,
		Size:   info.Size(),
		Stream: !info.Mode().IsRegular(),
		Open:   func(context.Context) (io.ReadCloser, error) { return src.open(name) },
	}
}

// IsLogFile reports whether a file of a directory tree, or an object of
// a bucket, is read as a log file: whether its name ends in .json,
// .json.gz, .jsonl or .gz, in any case.
func IsLogFile(name string) bool {
	name = strings.ToLower(name)
	for _, ext := range []string{".json", ".json.gz", ".jsonl", ".gz"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// add sends an input to the readers; it reports false when reading ends.
func (r *Reader) add(in Input) bool {
	r.inputs.Add(1)
	r.bytes.Add(in.Size)
	select {
	case r.jobs <- in:
		return true
	case <-r.ctx.Done():
		return false
	}
}

// fail sends the error of an input that cannot be read; it reports false
// when reading ends.
func (r *Reader) fail(name string, err error) bool {
	r.inputs.Add(1)
	r.inputsDone.Add(1)
	ie, ok := err.(*InputError)
	if !ok {
		ie = &InputError{Name: name, Err: err, Ended: true}
	}
	return r.send([]item{{err: ie, input: ie.Name}})
}

// send hands a batch to the stream; it reports false when reading ends.
func (r *Reader) send(b []item) bool {
	select {
	case r.out <- b:
		return true
	case <-r.ctx.Done():
		return false
	}
}

// read reads one input into the stream.
func (r *Reader) read(in Input, opts []cloudtrail.Option) {
	if in.Open == nil {
		r.send([]item{{err: &InputError{Name: in.Name, Err: errNoOpen, Ended: true}, input: in.Name}})
		return
	}
	f, err := in.Open(r.ctx)
	if err != nil {
		if r.ctx.Err() != nil {
			return // the stream ends with the context's error
		}
		r.send([]item{{err: &InputError{Name: in.Name, Err: err, Ended: true}, input: in.Name}})
		return
	}
	defer f.Close()
	cr := cloudtrail.NewReader(&countingReader{r: f, n: &r.bytesRead}, opts...)
	defer cr.Close()
	size := batchSize
	if in.Stream {
		size = 1
		r.streams.Add(1)
		defer r.streams.Add(-1)
	}
	batch := newBatch(size)
	for {
		e, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.ctx.Err() != nil {
				return // the stream ends with the context's error
			}
			err = &InputError{Name: in.Name, Err: err, Ended: cr.Err() != nil}
		}
		it := item{e: e, err: err, input: in.Name}
		if e != nil && r.cfg.registry != nil {
			it.typed, it.typeErr = r.cfg.registry.Decode(e)
			it.decoded = true
		}
		batch = append(batch, it)
		if len(batch) == size {
			if !r.send(batch) {
				return
			}
			batch = newBatch(size)
		}
	}
	if len(batch) > 0 {
		r.send(batch)
	}
}

// batches recycles the batches of files: the stream gives each back once
// it has handed out its items (and cleared them).
var batches sync.Pool // *[batchSize]item

// newBatch returns an empty batch of capacity size.
func newBatch(size int) []item {
	if size == batchSize {
		if b, _ := batches.Get().(*[batchSize]item); b != nil {
			return b[:0]
		}
	}
	return make([]item, 0, size)
}

// recycle gives back a batch whose items are all cleared.
func recycle(b []item) {
	if cap(b) == batchSize {
		batches.Put((*[batchSize]item)(b[:batchSize]))
	}
}

// countingReader counts the bytes read from an input.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Next returns the next event of the stream, or its next error, an
// *InputError. After the last, it returns io.EOF. When the context of
// Open ends, Next returns its error once (no *InputError), and then
// io.EOF; events that were read before may be dropped. It does so at
// once, even while a Read of standard input blocks: the goroutine of that
// Read ends when the Read returns.
func (r *Reader) Next() (*cloudtrail.Event, error) {
	r.cur = item{}
	if r.closed.Load() && !r.done {
		r.batch, r.pos = nil, 0
	}
	for r.pos >= len(r.batch) {
		if r.batch != nil {
			recycle(r.batch)
		}
		r.batch, r.pos = nil, 0
		if r.done {
			return nil, io.EOF
		}
		if err := r.stopped(); err != nil {
			return nil, err
		}
		select {
		case b, ok := <-r.out:
			if !ok {
				r.done = true
				return nil, io.EOF
			}
			r.batch = b
		case <-r.ctx.Done():
		}
	}
	it := r.batch[r.pos]
	r.batch[r.pos] = item{}
	r.pos++
	r.cur = it
	if ie, ok := it.err.(*InputError); ok && ie.Ended {
		r.ended = append(r.ended, ie)
	}
	return it.e, it.err
}

// stopped ends the stream when its context is done or it is closed, and
// returns the error Next returns then.
func (r *Reader) stopped() error {
	if r.ctx.Err() == nil {
		return nil
	}
	if r.closed.CompareAndSwap(false, true) {
		r.cancel()
	}
	if r.streams.Load() == 0 {
		// Files end at once; a Read of standard input may block until
		// input comes, which the stream does not wait for.
		r.wg.Wait()
	}
	r.done = true
	if err := r.parent.Err(); err != nil {
		r.ctxErr = err
		return err
	}
	return io.EOF
}

// All returns an iterator over the events and errors of the stream, as
// Next returns them. The iteration ends at the end of the stream (io.EOF
// is not yielded); a loop that stops early closes the Reader.
func (r *Reader) All() iter.Seq2[*cloudtrail.Event, error] {
	return func(yield func(*cloudtrail.Event, error) bool) {
		for {
			e, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(e, err) {
				r.Close()
				return
			}
		}
	}
}

// Decode returns the typed form of the last event that Next returned, as
// cloudtrail.Registry.Decode gives it: decoded on the goroutine that read
// it with WithDecode, else here with cloudtrail.DefaultRegistry. It
// returns nil and nil when Next returned no event (an error, io.EOF).
//
//	for e, err := range r.All() {
//		...
//		v, err := r.Decode()
//		if err != nil {
//			log.Print(err) // no typed form: a *cloudtrail.NotRegisteredError
//			continue
//		}
//		switch v := v.(type) {
//		case *mediaconvert.CreateJobEvent:
//			fmt.Println(e.EventTime, v.Request.GetRole())
//		}
//	}
func (r *Reader) Decode() (any, error) {
	switch {
	case r.cur.decoded:
		return r.cur.typed, r.cur.typeErr
	case r.cur.e == nil:
		return nil, nil
	}
	return cloudtrail.Decode(r.cur.e)
}

// Input returns the name of the input of the last event or error that
// Next returned ("" after io.EOF or the context's error).
func (r *Reader) Input() string { return r.cur.input }

// Err returns the errors met so far that ended an input (each an
// *InputError whose Ended is true), and the context's error if it ended
// the stream, joined with errors.Join; nil when every input was read to
// its end. After the stream's end, a nil Err means a complete read.
func (r *Reader) Err() error {
	if r.ctxErr == nil {
		return errors.Join(r.ended...)
	}
	return errors.Join(append(r.ended[:len(r.ended):len(r.ended)], r.ctxErr)...)
}

// Progress tells how far reading has come. It may be called from any
// goroutine.
func (r *Reader) Progress() Progress {
	return Progress{
		Inputs:     int(r.inputs.Load()),
		InputsDone: int(r.inputsDone.Load()),
		Bytes:      r.bytes.Load(),
		BytesRead:  r.bytesRead.Load(),
		Listed:     r.listed.Load(),
	}
}

// Close stops reading and waits for the goroutines that read to end; the
// stream then ends (Next returns io.EOF). A goroutine blocked in a Read of
// standard input ends when that Read returns. Close may be called from any
// goroutine, more than once; it returns nil.
func (r *Reader) Close() error {
	if r.closed.CompareAndSwap(false, true) {
		r.cancel()
	}
	r.wg.Wait()
	return nil
}
