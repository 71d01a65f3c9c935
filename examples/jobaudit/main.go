// Command jobaudit tells the story of each job that CloudTrail logs and
// the services' own events show: AWS Elemental MediaConvert and Amazon
// Elastic Transcoder jobs, Amazon Transcribe jobs, language models and
// vocabularies, Elastic Transcoder pipelines, MediaTailor playback
// configurations and channels. For each it prints who submitted it and
// when, its key settings, every call that read or changed it and every
// state change the service reported, the state it ended in, and what the
// service changed of the settings it was given (the defaults it filled
// in, the values it changed or dropped).
//
// Usage:
//
//	jobaudit [flags] [file or directory ...]
//
// It reads every input cloudtrail.NewReader accepts (CloudTrail log files,
// gzipped or not, JSON Lines, EventBridge events, CloudWatch Logs
// payloads, lookup-events output), with cloudtrail.WithServiceEvents, so
// that the events the services send to EventBridge themselves
// ("MediaConvert Job State Change", "Transcribe Job State Change") count:
// only they tell that a job completed or failed, and which files it wrote.
// A file named is read whatever its name; directories are searched, as
// package cloudtrail/multi walks them, for files ending in .json,
// .json.gz, .jsonl or .gz (in any case), and the digest files under
// CloudTrail-Digest directories and other files are skipped. With no
// argument, or "-", it reads standard input.
//
// It reads -j inputs at once (by default as many as the CPUs the program
// may use, runtime.GOMAXPROCS(0)), so that their events come in an order
// that differs from run to run; the histories are made when every input
// is read, and do not depend on that order.
//
// The events are folded into histories by package cloudtrail/jobs, in
// the order jobs.Tracker.Histories gives them (by the time of their first
// event). Each history is a block of lines:
//
//	MediaConvert job 1712252725875-defhgi  111122223333 us-west-2
//	  submitted  2024-04-04T17:45:26Z CreateJob by role/admin (session example-admin)
//	  queue      queues/Default
//	  input      s3://media-input.example.com/mezzanine/sample-1080p.mov
//	  output     file "web-mp4" -> s3://media-output.example.com/vod/: MP4 H_264 19…
//	  events
//	    2024-04-04T17:45:26Z  CreateJob         role/admin (ses…  SUBMITTED  queue …
//	    2024-04-04T17:50:26Z  MediaConvert Jo…  service mediaco…  COMPLETE   1 outp…
//	  final      COMPLETE at 2024-04-04T17:50:26Z
//	  outputs    s3://media-output.example.com/vod/sample-1080p_1080p.mp4
//	  changes    60 to the request, by the service:
//	    filled   …ps[0].outputs[0].containerSettings.mp4Settings.cslgAtom: "INCLUDE"
//	    …
//	    (and 55 more; -changes all)
//
// The key settings are those the services' summaries give (for a
// MediaConvert job its queue, role, input and output groups; for a
// Transcribe job its language and media), and the final state is that of
// jobs.History.Final, with the files a completed job wrote where an event
// told them. The changes are those of cloudtrail.Event.ServiceChanges for
// the submission: a value the service filled in, changed, dropped, or one
// that is redacted, with its path.
//
// Lines are fitted to the width of the terminal: the -width flag, else the
// COLUMNS environment variable, else the width of standard output when it
// is a terminal, else 100 columns. A longer value is cut with "…", so that
// no line is wider (in characters). A last line counts the histories, the
// events, the inputs (those that could not be read among them) and their
// errors; it goes to standard output after the text, to standard error
// after -json.
//
// With -json, it writes one JSON object per history instead (JSON Lines),
// with every observation kept, the final state, the submission with its
// key settings and every change the service made (-changes does not limit
// them), their values as JSON.
//
// Problems with the input go to standard error as they are met, each
// naming its input, and the last line counts them. A damaged file costs
// only itself; a directory that cannot be read costs only the files under
// it, and the rest of the tree is read. The exit status is 1 when an input
// could not be opened, had damaged records or could not be read to its
// end (a directory that could not be read among them), 2 for bad usage,
// and 0 otherwise.
//
// Flags:
//
//	-json          write one JSON object per history instead of text
//	-changes N     list at most N of the changes the service made to each
//	               submission's settings; "all" lists them all (default 5)
//	-width N       fit the lines to N columns (default: COLUMNS, the
//	               terminal's width, or 100)
//	-lenient       also read documentation-style JSON (trailing commas, {...})
//	-j n           read n inputs at once (default: the number of CPUs)
//	-progress      report progress on standard error every 2 seconds (the
//	               default when standard error is a terminal): the inputs
//	               read of those found, the bytes read of their size, the
//	               events and histories so far, and the input of the
//	               latest event
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/mediatrail/mediatrail/examples/internal/console"
)

// defaultWidth is the width of the lines when neither -width, COLUMNS nor
// a terminal tells one.
const defaultWidth = 100

// defaultChanges is how many changes of each submission are listed
// unless -changes says otherwise.
const defaultChanges = 5

// progressEvery is how often progress is reported.
var progressEvery = 2 * time.Second

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags ask for.
type config struct {
	json     bool
	lenient  bool
	progress bool
	jobs     int // inputs read at once
	width    int // the width of the lines, in characters
	changes  int // the changes listed per submission; -1 for all
}

// run is the command with its arguments and streams; it returns the exit
// status: 0 when every input was read, 1 when some could not be, 2 for bad
// usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("jobaudit", flag.ContinueOnError)
	flags.SetOutput(stderr)
	asJSON := flags.Bool("json", false, "write one JSON object per history (JSON Lines) instead of text")
	changes := flags.String("changes", strconv.Itoa(defaultChanges), "list at most `N` of the changes the service made to each submission's settings, or \"all\"")
	width := flags.Int("width", 0, "fit the lines to `N` columns (default: $COLUMNS, the terminal's width, or 100)")
	lenient := flags.Bool("lenient", false, "also read documentation-style JSON (trailing commas, {...} elisions)")
	jobs := flags.Int("j", runtime.GOMAXPROCS(0), "read `n` inputs at once")
	progress := flags.Bool("progress", isTerminal(stderr), "report progress on standard error every 2 seconds")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: jobaudit [-json] [-changes N|all] [-width N] [-lenient] [-j n] [-progress] [file or directory ...]")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cfg := config{json: *asJSON, lenient: *lenient, progress: *progress, jobs: *jobs}
	switch n, err := strconv.Atoi(*changes); {
	case *changes == "all":
		cfg.changes = -1
	case err != nil || n < 0:
		fmt.Fprintf(stderr, "jobaudit: -changes %q: want a number of changes or \"all\"\n", *changes)
		return 2
	default:
		cfg.changes = n
	}
	if *width < 0 {
		fmt.Fprintf(stderr, "jobaudit: -width %d: want a positive number of columns\n", *width)
		return 2
	}
	if *jobs < 1 {
		fmt.Fprintf(stderr, "jobaudit: -j %d: want at least 1 input at once\n", *jobs)
		return 2
	}
	cfg.width = lineWidth(*width, os.Getenv("COLUMNS"), stdout)

	in := console.OpenInputs(flags.Args(), stdin, cfg.jobs, "standard input", readerOptions(cfg)...)
	defer in.Close()
	a := newAudit(cfg, in, stderr)
	if cfg.progress {
		defer a.startProgress()()
	}
	a.read()

	out := bufio.NewWriterSize(stdout, 64<<10)
	var err error
	if cfg.json {
		err = a.writeJSON(out)
		if err == nil {
			err = out.Flush()
		}
		a.summary(stderr, 0)
	} else {
		err = a.writeText(out)
		if err == nil {
			a.summary(out, cfg.width)
			err = out.Flush()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "jobaudit: writing the histories: %v\n", err)
		return 1
	}
	if in.Err() != nil || in.BadRecords > 0 {
		return 1
	}
	return 0
}

// lineWidth returns the width to fit the lines to: flagWidth when set,
// else the COLUMNS environment variable when it is a positive number,
// else the width of stdout when it is a terminal, else defaultWidth.
func lineWidth(flagWidth int, columns string, stdout io.Writer) int {
	if flagWidth > 0 {
		return flagWidth
	}
	if n, err := strconv.Atoi(strings.TrimSpace(columns)); err == nil && n > 0 {
		return n
	}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return defaultWidth
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
