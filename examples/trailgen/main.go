// Command trailgen writes realistic CloudTrail logs for tests and
// benchmarks: one log file of a chosen size and share of media events, or
// the log files of days of a trail in CloudTrail's S3 layout. The output
// is deterministic: the same flags give the same bytes.
//
// Usage:
//
//	trailgen [-seed N] [-records N | -bytes N] [-media F] [-start T]
//	         [-account ID] [-region R] [-gzip] [-o FILE]
//	trailgen -s3 DIR [-seed N] [-records N | -bytes N] [-media F] [-start T]
//	         [-accounts ID,...] [-regions R,...] [-days N] [-files N]
//	         [-org o-ID] [-prefix P]
//
// Without -s3 it writes one log file, {"Records":[...]}, to FILE or, when
// there is no -o or it is "-", to standard output; -gzip compresses it as
// CloudTrail does. For example, a log file of a thousand records, a fifth
// of them media events:
//
//	go run ./examples/trailgen -records 1000 -media 0.2 -gzip -o trail.json.gz
//
// With -s3 it writes gzipped log files under DIR at the keys CloudTrail
// gives them in S3 (AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/...),
// -files files a day for each account and region over -days days from the
// date of -start, each of -records records (or -bytes bytes), and lists
// their keys on standard output. For example, a week of two accounts in
// two regions, a file an hour:
//
//	go run ./examples/trailgen -s3 logs -accounts 111122223333,444455556666 \
//	    -regions us-east-1,eu-west-1 -days 7 -files 24
//
// It is a thin command over cloudtrailtest.WriteTrail and
// cloudtrailtest.WriteS3Layout, which tests can call themselves.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/examples/internal/console"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments and streams; it returns the exit
// status: 0 when the trail was written, 1 when it could not be, 2 for bad
// usage.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("trailgen", flag.ContinueOnError)
	flags.SetOutput(stderr)
	seed := flags.Uint64("seed", 1, "the `seed` that selects the trail")
	records := flags.Int("records", 0, "the number of records (of each file with -s3); default 100 unless -bytes is set")
	size := flags.Int64("bytes", 0, "the approximate size of the JSON text, before compression, instead of -records")
	media := flags.Float64("media", 0, "the share of media events, 0 to 1; 0 means 0.05, a negative value none")
	startFlag := flags.String("start", "", "the time of the first record, RFC 3339 or a date (with -s3, the first day); default 2024-05-01")
	gz := flags.Bool("gzip", false, "gzip the log file (-s3 always does)")
	output := flags.String("o", "-", "the `file` to write, - for standard output")
	account := flags.String("account", "", "the account of the records; default 111122223333")
	region := flags.String("region", "", "the region of every record; default a mix of regions")
	s3dir := flags.String("s3", "", "write log files in CloudTrail's S3 layout under this `directory`")
	accounts := flags.String("accounts", "", "with -s3, the comma-separated accounts; default 111122223333")
	regions := flags.String("regions", "", "with -s3, the comma-separated regions; default us-east-1")
	days := flags.Int("days", 1, "with -s3, the number of days")
	files := flags.Int("files", 24, "with -s3, the number of files a day for each account and region, at most 288")
	org := flags.String("org", "", "with -s3, the organization ID of an organization trail, such as o-exampleorgid")
	prefix := flags.String("prefix", "", "with -s3, the S3 key prefix before AWSLogs/")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: trailgen [-seed N] [-records N | -bytes N] [-media F] [-start T] [-account ID] [-region R] [-gzip] [-o FILE]")
		fmt.Fprintln(stderr, "       trailgen -s3 DIR [-seed N] [-records N | -bytes N] [-media F] [-start T] [-accounts ID,...] [-regions R,...] [-days N] [-files N] [-org o-ID] [-prefix P]")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "trailgen: "+format+"\n", a...)
		flags.Usage()
		return 2
	}
	if flags.NArg() > 0 {
		return usage("unexpected arguments %q", flags.Args())
	}
	if *records < 0 || *size < 0 {
		return usage("-records and -bytes cannot be negative")
	}
	if *records > 0 && *size > 0 {
		return usage("-records and -bytes cannot both be set")
	}
	start, err := parseStart(*startFlag)
	if err != nil {
		return usage("-start: %v", err)
	}
	cfg := cloudtrailtest.TrailConfig{
		Seed:          *seed,
		Records:       *records,
		Bytes:         *size,
		MediaFraction: *media,
		Gzip:          *gz,
		Start:         start,
		Account:       *account,
		Region:        *region,
	}

	if *s3dir == "" {
		if err := writeTrail(*output, stdout, cfg); err != nil {
			fmt.Fprintf(stderr, "trailgen: %v\n", err)
			return 1
		}
		return 0
	}

	if *account != "" || *region != "" || *output != "-" {
		return usage("-account, -region and -o are for one log file; -s3 takes -accounts and -regions")
	}
	if *days < 1 || *files < 1 || *files > 288 {
		return usage("-days must be at least 1, and -files from 1 to 288")
	}
	layout := cloudtrailtest.S3LayoutConfig{
		Trail:        cfg,
		Accounts:     console.SplitList(*accounts),
		Regions:      console.SplitList(*regions),
		Start:        start,
		Days:         *days,
		FilesPerDay:  *files,
		Organization: *org,
		Prefix:       *prefix,
	}
	if err := checkNames(layout); err != nil {
		return usage("%v", err)
	}
	keys, err := cloudtrailtest.WriteS3Layout(*s3dir, layout)
	for _, k := range keys {
		fmt.Fprintln(stdout, k)
	}
	if err != nil {
		fmt.Fprintf(stderr, "trailgen: %v\n", err)
		return 1
	}
	return 0
}

// writeTrail writes the log file cfg describes to the file name, or to
// stdout when name is "-".
func writeTrail(name string, stdout io.Writer, cfg cloudtrailtest.TrailConfig) error {
	if name == "-" {
		return cloudtrailtest.WriteTrail(stdout, cfg)
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := cloudtrailtest.WriteTrail(f, cfg); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// parseStart parses the -start flag: empty, an RFC 3339 time or a date.
func parseStart(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

// checkNames reports the accounts, regions, organization and prefix that
// WriteS3Layout would refuse (it panics on them, as on any mistake of a
// test).
func checkNames(layout cloudtrailtest.S3LayoutConfig) error {
	for _, list := range []struct {
		flag  string
		names []string
	}{{"-accounts", layout.Accounts}, {"-regions", layout.Regions}} {
		seen := map[string]bool{}
		for _, n := range list.names {
			if strings.ContainsAny(n, "/_") {
				return fmt.Errorf("%s: %q has a / or an _", list.flag, n)
			}
			if seen[n] {
				return fmt.Errorf("%s: %q is there twice", list.flag, n)
			}
			seen[n] = true
		}
	}
	if strings.Contains(layout.Organization, "//") || strings.Contains(layout.Prefix, "//") {
		return errors.New("-org and -prefix cannot have empty path elements")
	}
	return nil
}
