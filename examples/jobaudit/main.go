// Command jobaudit lists the transcoding and transcription jobs that
// CloudTrail logs show, for AWS Elemental MediaConvert, Amazon Elastic
// Transcoder and Amazon Transcribe: who submitted each job and when, what
// it was set to produce, and what became of it as far as later events tell
// (read back with a status, cancelled, deleted).
//
// Usage:
//
//	jobaudit [-json] [-lenient] [file or directory ...]
//
// It reads CloudTrail log files in any form cloudtrail.NewReader accepts,
// gzip-compressed or not; directories are searched for .json and .json.gz
// files, and "-" or no argument at all reads standard input. By default it
// writes a table, one job per line; -json writes a JSON array of jobs with
// every event that shows them.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/examples/internal/inputs"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/transcribe"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command with its arguments and streams; it returns the exit
// status: 0 when every input was read, 1 when some could not be, 2 for bad
// usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("jobaudit", flag.ContinueOnError)
	flags.SetOutput(stderr)
	asJSON := flags.Bool("json", false, "write the jobs as a JSON array instead of a table")
	lenient := flags.Bool("lenient", false, "also read documentation-style text (trailing commas, {...} elisions)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: jobaudit [-json] [-lenient] [file or directory ...]")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}

	opts := []cloudtrail.Option{cloudtrail.WithEventSources(
		mediaconvert.EventSource, elastictranscoder.EventSource, transcribe.EventSource)}
	if *lenient {
		opts = append(opts, cloudtrail.Lenient())
	}

	var a audit
	status := 0
	read := func(name string, r io.Reader) {
		rd := cloudtrail.NewReader(r, opts...)
		defer rd.Close()
		for e, err := range rd.All() {
			if err != nil {
				fmt.Fprintf(stderr, "jobaudit: %s: %v\n", name, err)
				status = 1
				continue
			}
			a.add(e)
		}
	}

	inputs.Read(flags.Args(), stdin, inputs.Options{StdinName: "standard input", StopAtError: true}, read, func(err error) {
		fmt.Fprintf(stderr, "jobaudit: %v\n", err)
		status = 1
	})

	jobs := a.jobs()
	var err error
	if *asJSON {
		err = writeJSON(stdout, jobs)
	} else {
		err = writeTable(stdout, jobs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jobaudit: writing the jobs: %v\n", err)
		return 1
	}
	return status
}
