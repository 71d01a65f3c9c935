package console

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"sync/atomic"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
)

// Inputs are the inputs a command line names, read at once by a
// multi.Reader, with what the commands tell of them: the problems met and
// how far reading has come.
type Inputs struct {
	*multi.Reader

	// NotRecords counts the values that are no records, skipped
	// (cloudtrail.NotRecordsError); BadRecords the damaged records and
	// the damage between them, which reading went on after; Failed the
	// inputs that could not be opened or read to their end.
	NotRecords, BadRecords, Failed int

	stdinName string
	stdin     bool                   // standard input is among the inputs: its size is not known
	latest    string                 // the input of the latest event, on the reading goroutine
	shown     atomic.Pointer[string] // latest, for the progress lines
}

// OpenInputs reads the inputs that args name (standard input when there
// are none), jobs at once, each with a cloudtrail.Reader made with opts.
// stdinName is the name standard input has in the messages; the other
// inputs are named by their paths.
//
// When the inputs are read one at a time, or args name one input that is
// no directory, that input's Reader inflates gzip and splits records on
// goroutines of its own, as a cloudtrail.Reader does by default.
func OpenInputs(args []string, stdin io.Reader, jobs int, stdinName string, opts ...cloudtrail.Option) *Inputs {
	if len(args) == 0 {
		args = []string{multi.Stdin}
	}
	in := &Inputs{stdinName: stdinName}
	for _, a := range args {
		in.stdin = in.stdin || a == multi.Stdin
	}
	if jobs == 1 || len(args) == 1 && !isDir(args[0]) {
		opts = append(opts, cloudtrail.WithReadAhead(true), cloudtrail.WithParallel(true))
	}
	in.Reader = multi.Open(context.Background(), args, multi.WithStdin(stdin),
		multi.WithConcurrency(jobs), multi.WithReaderOptions(opts...))
	return in
}

// isDir reports whether path names a directory.
func isDir(path string) bool {
	if path == multi.Stdin {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// Events returns an iterator over the events of the inputs. It counts
// each error of the stream and gives warn the message that tells it:
// "name: what went wrong", or "name: skipped: ..." for a value that is no
// records. A loop that stops early closes the reader.
func (in *Inputs) Events(warn func(msg string)) iter.Seq[*cloudtrail.Event] {
	return func(yield func(*cloudtrail.Event) bool) {
		for e, err := range in.All() {
			if name := in.Input(); name != "" { // "" with the end of the context
				in.see(name)
			}
			if err != nil {
				warn(in.problem(err))
				continue
			}
			if !yield(e) {
				return
			}
		}
	}
}

// Name returns the name of the input of the latest event or error.
func (in *Inputs) Name() string { return in.latest }

// see notes the input of the latest event or error.
func (in *Inputs) see(name string) {
	if name == multi.StdinName {
		name = in.stdinName
	}
	if name != in.latest {
		in.latest = name
		in.shown.Store(&name)
	}
}

// problem counts err, an error of the stream, and returns the message
// that tells it.
func (in *Inputs) problem(err error) string {
	var ie *multi.InputError
	if !errors.As(err, &ie) {
		in.Failed++ // the end of the context: not every input was read
		return err.Error()
	}
	var nre *cloudtrail.NotRecordsError
	switch {
	case errors.As(ie.Err, &nre) && !ie.Ended:
		in.NotRecords++
		return in.latest + ": skipped: " + ie.Err.Error()
	case ie.Ended:
		in.Failed++
	default:
		in.BadRecords++
	}
	// A file that cannot be opened or a directory that cannot be read:
	// its error names it already.
	if pe := (*fs.PathError)(nil); errors.As(ie.Err, &pe) && pe.Path == ie.Name {
		return ie.Err.Error()
	}
	return in.latest + ": " + ie.Err.Error()
}

// ProgressLine returns a progress line, given the time since the start
// and the counts of the command: how many inputs were read of those found,
// how many bytes (as stored, compressed) of their size, the counts, and
// the input of the latest event, such as "2 of 5 inputs, 12.3 of 40.1 MB
// read in 4s (3 MB/s), 1234 events; latest from a.json.gz". It may be
// called from any goroutine.
func (in *Inputs) ProgressLine(elapsed time.Duration, counts string) string {
	p := in.Progress()
	more := "" // "+" while inputs are still being found
	if !p.Listed {
		more = "+"
	}
	mb := float64(p.BytesRead) / 1e6
	size := ""
	// Standard input, a pipe, has no size.
	if !in.stdin && p.Bytes >= p.BytesRead {
		size = fmt.Sprintf(" of %.1f%s", float64(p.Bytes)/1e6, more)
	}
	line := fmt.Sprintf("%d of %d%s inputs, %.1f%s MB read in %s (%.0f MB/s), %s", p.InputsDone, p.Inputs, more,
		mb, size, elapsed.Round(time.Second), mb/elapsed.Seconds(), counts)
	if name := in.shown.Load(); name != nil {
		line += "; latest from " + Printable(*name)
	}
	return line
}
