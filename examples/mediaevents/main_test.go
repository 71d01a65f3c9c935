package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/examples/internal/console"
)

// runCmd runs the command and returns its exit status and output.
func runCmd(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	code := run(args, stdin, &out, &errOut)
	return code, out.String(), errOut.String()
}

// tableRows returns the rows of a table output as their first three
// columns (time, service, event), and the summary that follows.
func tableRows(t *testing.T, out string) ([]string, string) {
	t.Helper()
	head, summary, ok := strings.Cut(out, "\n\n")
	if !ok {
		t.Fatalf("no summary after the table:\n%s", out)
	}
	lines := strings.Split(head, "\n")
	if got := strings.Fields(lines[0]); !slices.Equal(got, []string{"TIME", "SERVICE", "EVENT", "PRINCIPAL", "REGION", "ERROR", "DETAIL"}) {
		t.Fatalf("header %q", lines[0])
	}
	var rows []string
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) < 6 {
			t.Fatalf("short row %q", l)
		}
		rows = append(rows, strings.Join(f[:3], " "))
	}
	return rows, summary
}

// expected reads inputs with the library, as the command should, and
// returns the rows it should print.
func expected(t *testing.T, paths []string, opts ...cloudtrail.Option) []string {
	t.Helper()
	var rows []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		for e, err := range cloudtrail.NewReader(f, opts...).All() {
			if err != nil {
				continue
			}
			r := newRow(p, e)
			rows = append(rows, r.Time+" "+r.Service+" "+r.Event)
		}
		f.Close()
	}
	return rows
}

// trailFiles returns the sample trails, or generated ones when there are
// none yet.
func trailFiles(t *testing.T) (dir string, files []string) {
	files, _ = filepath.Glob(filepath.Join("..", "..", "testdata", "trails", "*.json"))
	if len(files) > 0 {
		return filepath.Join("..", "..", "testdata", "trails"), files
	}
	dir = t.TempDir()
	for i := range 2 {
		p := filepath.Join(dir, fmt.Sprintf("trail%d.json", i))
		if err := os.WriteFile(p, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: uint64(i), Records: 400}), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return dir, files
}

func TestTrails(t *testing.T) {
	dir, files := trailFiles(t)
	// -j 1: the inputs one after another, in lexical order.
	code, out, errOut := runCmd(t, nil, "-j", "1", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, summary := tableRows(t, out)
	want := expected(t, files, cloudtrail.WithEventSources(mediaSources...))
	if len(want) == 0 {
		t.Fatal("the trails have no media events")
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range rows {
		svc := strings.Fields(r)[1]
		if !slices.Contains([]string{"mediaconvert", "elastictranscoder", "transcribe", "mediatailor"}, svc) {
			t.Errorf("row of %s without -all", svc)
		}
	}
	if !strings.HasPrefix(summary, fmt.Sprintf("%d events in %d inputs\n", len(want), len(files))) {
		t.Errorf("summary %q", summary)
	}
	if !strings.Contains(summary, "errors: 0 bad records, 0 inputs not read to the end, 0 values that are no records") {
		t.Errorf("summary %q", summary)
	}

	// -all shows every service.
	code, out, _ = runCmd(t, nil, "-j", "1", "-all", dir)
	all, _ := tableRows(t, out)
	if code != 0 || !slices.Equal(all, expected(t, files)) {
		t.Errorf("-all: exit %d, %d rows", code, len(all))
	}
	if len(all) <= len(rows) {
		t.Logf("the trails have media events only")
	}
}

func TestGeneratedTree(t *testing.T) {
	dir := t.TempDir()
	cfg := cloudtrailtest.TrailConfig{Seed: 42, Records: 800}
	plain := cloudtrailtest.Trail(cfg)
	cfg.Seed, cfg.Gzip = 43, true
	zipped := cloudtrailtest.Trail(cfg)
	os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0o755)
	files := []string{filepath.Join(dir, "a.json.gz"), filepath.Join(dir, "sub", "deeper", "b.json")}
	os.WriteFile(files[0], zipped, 0o644)
	os.WriteFile(files[1], plain, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a trail"), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "b.json.bak"), []byte("not a trail"), 0o644)
	// Digest files are skipped whatever their names.
	os.MkdirAll(filepath.Join(dir, "CloudTrail-Digest"), 0o755)
	os.WriteFile(filepath.Join(dir, "CloudTrail-Digest", "d.json.gz"), cloudtrailtest.DigestFile("bucket", time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "a.json.gz"), 0o644)

	code, out, errOut := runCmd(t, nil, "-j", "1", dir)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, summary := tableRows(t, out)
	want := expected(t, files, cloudtrail.WithEventSources(mediaSources...))
	if !slices.Equal(rows, want) {
		t.Fatalf("got %d rows, want %d", len(rows), len(want))
	}
	if !strings.HasPrefix(summary, fmt.Sprintf("%d events in 2 inputs\n", len(want))) {
		t.Errorf("summary %q", summary)
	}

	// JSON Lines (.jsonl) and names in upper case are read too, in
	// lexical order.
	lines := filepath.Join(dir, "sub", "C.JSONL")
	var events []*cloudtrail.Event
	for e, err := range cloudtrail.NewReader(bytes.NewReader(plain)).All() {
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	os.WriteFile(lines, cloudtrailtest.Encode(cloudtrailtest.JSONLines, events[:100]...), 0o644)
	code, out, errOut = runCmd(t, nil, "-j", "1", dir)
	if code != 0 || errOut != "" {
		t.Fatalf("with C.JSONL: exit %d: %s", code, errOut)
	}
	rows, summary = tableRows(t, out)
	want = expected(t, []string{files[0], lines, files[1]}, cloudtrail.WithEventSources(mediaSources...))
	if !slices.Equal(rows, want) || len(want) == len(expected(t, files, cloudtrail.WithEventSources(mediaSources...))) {
		t.Fatalf("with C.JSONL: got %d rows, want %d", len(rows), len(want))
	}
	if !strings.HasPrefix(summary, fmt.Sprintf("%d events in 3 inputs\n", len(want))) {
		t.Errorf("with C.JSONL: summary %q", summary)
	}
	os.Remove(lines)

	// JSON Lines, with the summary on standard error.
	code, out, errOut = runCmd(t, nil, "-json", "-all", dir)
	if code != 0 {
		t.Fatalf("-json: exit %d: %s", code, errOut)
	}
	jsonLines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(jsonLines) != 1600 {
		t.Fatalf("-json -all: %d lines, want 1600", len(jsonLines))
	}
	detailed := 0
	for i, l := range jsonLines {
		var r row
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if r.Time == "" || r.Service == "" || r.Event == "" || r.Principal == "" || r.EventID == "" || r.File == "" {
			t.Fatalf("line %d lacks fields: %s", i, l)
		}
		if r.Service != "mediaconvert" && r.Service != "transcribe" && r.Service != "elastictranscoder" && r.Service != "mediatailor" && r.Detail != "" {
			t.Fatalf("line %d: a %s event has a detail: %s", i, r.Service, l)
		}
		if r.Detail != "" {
			detailed++
		}
	}
	if detailed == 0 {
		t.Error("-json -all: no media event has a detail")
	}
	if !strings.Contains(errOut, "1600 events in 2 inputs") {
		t.Errorf("-json: summary on standard error: %q", errOut)
	}
}

// TestConcurrent reads several files two at a time: the rows of different
// files may be mixed, but every row is shown once, and those of each file
// in its order.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 4 {
		cfg := cloudtrailtest.TrailConfig{Seed: uint64(100 + i), Records: 3000, MediaFraction: 0.3, Gzip: i%2 == 1}
		name := fmt.Sprintf("trail%d.json", i)
		if cfg.Gzip {
			name += ".gz"
		}
		files = append(files, filepath.Join(dir, name))
		if err := os.WriteFile(files[i], cloudtrailtest.Trail(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	media := cloudtrail.WithEventSources(mediaSources...)
	want := expected(t, files, media)

	code, out, errOut := runCmd(t, nil, "-j", "2", dir)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, summary := tableRows(t, out)
	sorted := func(rows []string) []string { return slices.Sorted(slices.Values(rows)) }
	if diff := gocmp.Diff(sorted(want), sorted(rows)); diff != "" {
		t.Errorf("rows (sorted), -want +got:\n%s", diff)
	}
	if !strings.HasPrefix(summary, fmt.Sprintf("%d events in 4 inputs\n", len(want))) {
		t.Errorf("summary %q", summary)
	}

	// JSON Lines name the file of each row: each file's rows come in its
	// order.
	code, out, errOut = runCmd(t, nil, append([]string{"-j", "2", "-json"}, files...)...)
	if code != 0 {
		t.Fatalf("-json: exit %d: %s", code, errOut)
	}
	got := make(map[string][]string) // rows by file
	for line := range strings.Lines(out) {
		var r row
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got[r.File] = append(got[r.File], fmt.Sprintf("%d %s %s %s", r.Index, r.Time, r.Service, r.Event))
	}
	wantByFile := make(map[string][]string)
	for _, f := range files {
		in, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		for e, err := range cloudtrail.NewReader(in, media).All() {
			if err != nil {
				t.Fatal(err)
			}
			r := newRow(f, e)
			wantByFile[f] = append(wantByFile[f], fmt.Sprintf("%d %s %s %s", r.Index, r.Time, r.Service, r.Event))
		}
		in.Close()
	}
	if diff := gocmp.Diff(wantByFile, got); diff != "" {
		t.Errorf("rows by file, -want +got:\n%s", diff)
	}
}

func TestFilters(t *testing.T) {
	_, files := trailFiles(t)
	for _, args := range [][]string{
		{"-source", "aws.transcribe"},
		{"-source", "transcribe.amazonaws.com,mediatailor.amazonaws.com", "-name", "GetTranscriptionJob, GetPlaybackConfiguration"},
		{"-all", "-name", "CreateJob"},
	} {
		code, out, errOut := runCmd(t, nil, append(append([]string{"-j", "1"}, args...), files...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		rows, _ := tableRows(t, strings.Replace(out, "no events\n", "", 1))
		var opts []cloudtrail.Option
		for i := 0; i < len(args); i++ {
			switch args[i] {
			case "-source":
				i++
				opts = append(opts, cloudtrail.WithEventSources(console.SplitList(args[i])...))
			case "-name":
				i++
				opts = append(opts, cloudtrail.WithEventNames(console.SplitList(args[i])...))
			}
		}
		if want := expected(t, files, opts...); !slices.Equal(rows, want) {
			t.Errorf("%v: rows %q, want %q", args, rows, want)
		}
	}
}

func TestStdin(t *testing.T) {
	data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 5, Records: 300, MediaFraction: 0.2})
	want := 0
	for _, err := range cloudtrail.NewReader(bytes.NewReader(data), cloudtrail.WithEventSources(mediaSources...)).All() {
		if err == nil {
			want++
		}
	}
	for _, args := range [][]string{nil, {"-"}} {
		code, out, errOut := runCmd(t, bytes.NewReader(data), args...)
		rows, _ := tableRows(t, out)
		if code != 0 || len(rows) != want {
			t.Errorf("%v: exit %d, %d rows, want %d: %s", args, code, len(rows), want, errOut)
		}
	}
}

func TestLenient(t *testing.T) {
	doc := filepath.Join("..", "..", "testdata", "docs", "mediaconvert-2024-createjob.txt")
	if _, err := os.Stat(doc); err != nil {
		t.Skip("no documentation example")
	}
	code, out, errOut := runCmd(t, nil, doc)
	if code != 0 || !strings.Contains(out, "no events") || !strings.Contains(errOut, "Lenient") {
		t.Errorf("strict: exit %d, output %q, errors %q", code, out, errOut)
	}
	if !strings.Contains(out, "errors: 1 bad records") {
		t.Errorf("strict: summary %q", out)
	}
	code, out, errOut = runCmd(t, nil, "-lenient", doc)
	rows, _ := tableRows(t, out)
	if code != 0 || errOut != "" || len(rows) != 1 || rows[0] != "2024-04-04T17:45:26Z mediaconvert CreateJob" {
		t.Errorf("-lenient: exit %d, rows %q, errors %q", code, rows, errOut)
	}
}

func TestProblems(t *testing.T) {
	dir := t.TempDir()
	trail := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 6, Records: 200, Gzip: true})
	cut := filepath.Join(dir, "cut.json.gz")
	os.WriteFile(cut, trail[:len(trail)/2], 0o644)
	digest := filepath.Join("..", "..", "testdata", "containers", "digest.json")

	missing := filepath.Join(dir, "missing.json")
	code, out, errOut := runCmd(t, nil, cut, missing, digest)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, "mediaevents: "+cut+": ") || !strings.Contains(errOut, "truncated") {
		t.Errorf("no word of the truncated file: %q", errOut)
	}
	// The error of a missing file names it once.
	if !strings.Contains(errOut, "mediaevents: stat "+missing+": no such file or directory\n") {
		t.Errorf("no word of the missing file: %q", errOut)
	}
	if !strings.Contains(errOut, "mediaevents: "+digest+": skipped: ") || !strings.Contains(errOut, "digest file") {
		t.Errorf("no word of the digest file: %q", errOut)
	}
	if !strings.Contains(out, " events in 3 inputs\n") || !strings.Contains(out, "errors: 0 bad records, 2 inputs not read to the end, 1 values that are no records") {
		t.Errorf("summary: %q", out)
	}

	// A damaged record costs only itself: the file is read to its end.
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"ListQueues","eventTime":"2024-03-01T10:00:00Z"}`+"\n"+
		`{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob","requestParameters":oops}`+"\n"+
		`{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"GetQueue","eventTime":"2024-03-01T10:01:00Z"}`+"\n"), 0o644)
	code, out, errOut = runCmd(t, nil, dir)
	if code != 1 || !strings.Contains(errOut, "mediaevents: "+bad+": ") {
		t.Errorf("a damaged record: exit %d, errors %q", code, errOut)
	}
	rows, summary := tableRows(t, out)
	if !slices.Contains(rows, "2024-03-01T10:00:00Z mediaconvert ListQueues") || !slices.Contains(rows, "2024-03-01T10:01:00Z mediaconvert GetQueue") {
		t.Errorf("a damaged record: rows %q", rows)
	}
	if !strings.Contains(summary, " events in 2 inputs\n") || !strings.Contains(summary, "errors: 1 bad records, 1 inputs not read to the end, 0 values that are no records") {
		t.Errorf("a damaged record: summary %q", summary)
	}

	for _, args := range [][]string{{"-nope"}, {"-all", "-source", "x"}, {"-j", "0"}} {
		if code, _, _ := runCmd(t, nil, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, _ := runCmd(t, nil, "-h"); code != 0 {
		t.Errorf("-h: exit %d", code)
	}
}

// failingWriter fails every write.
type failingWriter struct{ writes int }

func (w *failingWriter) Write(p []byte) (int, error) {
	w.writes++
	return 0, errors.New("disk full")
}

// TestWriteError stops reading when the output cannot be written, and
// tells it once.
func TestWriteError(t *testing.T) {
	dir := t.TempDir()
	for i := range 2 {
		p := filepath.Join(dir, fmt.Sprintf("trail%d.json", i))
		if err := os.WriteFile(p, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: uint64(i), Records: 3000}), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Enough rows to fill the output's buffer, and a table's block.
	for _, args := range [][]string{{"-json", "-all", dir}, {"-all", dir}} {
		var stdout failingWriter
		var stderr bytes.Buffer
		code := run(append([]string{"-j", "2"}, args...), strings.NewReader(""), &stdout, &stderr)
		if code != 1 || stderr.String() != "mediaevents: disk full\n" || stdout.writes != 1 {
			t.Errorf("%v: exit %d after %d writes, standard error %q", args, code, stdout.writes, stderr.String())
		}
	}
}

// slowReader gives its data a little at a time.
type slowReader struct {
	data []byte
}

func (s *slowReader) Read(p []byte) (int, error) {
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	time.Sleep(2 * time.Millisecond)
	n := copy(p[:min(len(p), 4096)], s.data)
	s.data = s.data[n:]
	return n, nil
}

func TestProgress(t *testing.T) {
	defer func(d time.Duration) { progressEvery = d }(progressEvery)
	progressEvery = 5 * time.Millisecond
	data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 7, Bytes: 256 << 10})
	code, _, errOut := runCmd(t, &slowReader{data: data}, "-progress")
	if code != 0 || !strings.Contains(errOut, "mediaevents: 0 of 1 inputs, ") || !strings.Contains(errOut, " MB read in ") ||
		!strings.Contains(errOut, " events; latest from <stdin>\n") {
		t.Errorf("exit %d, standard error %q", code, errOut)
	}
	code, _, errOut = runCmd(t, bytes.NewReader(data))
	if code != 0 || errOut != "" {
		t.Errorf("progress without -progress: %q", errOut)
	}
}

func TestDetail(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"mediaconvert/CreateJob-2017.json", "job 1510714652428-jyvx95 SUBMITTED DASH[MPD H_264 5.0Mb/s AAC]; (2 values not converted)"},
		{"mediaconvert/CreateJob-2024.json", "job 1712252725875-defhgi SUBMITTED file[MP4 H_264 1920x1080 5.0Mb/s AAC]"},
		{"elastictranscoder/ReadJob.json", "job 1412018849233-f2czlr"},
		{"elastictranscoder/DeletePipeline.json", "pipeline 1412018848038-nkomx0"},
		{"transcribe/GetTranscriptionJob.json", "transcription support-call-20231102-0001 COMPLETED en-US s3://media-input.example.com/calls/support-call-20231102-0001.flac"},
		{"mediatailor/GetPlaybackConfiguration.json", "playback examplename"},
		{"mediaconvert/CreateQueue.json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "records", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			e, err := cloudtrail.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if got := detail(e); got != tt.want {
				t.Errorf("detail = %q, want %q", got, tt.want)
			}
		})
	}
	// An event of a service with no typed package has no detail.
	e, err := cloudtrail.Parse([]byte(`{"eventVersion":"1.09","eventSource":"s3.amazonaws.com","eventName":"GetObject"}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := detail(e); got != "" {
		t.Errorf("detail of an S3 event = %q, want none", got)
	}
}

// TestRealWorldControlCharacters reads records whose strings carry line
// ends, tabs and terminal escapes: each event stays on one line of the
// table, with the characters escaped, and a job in ERROR shows its message.
func TestRealWorldControlCharacters(t *testing.T) {
	in := `{"Records":[` +
		`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"evil\n\u001b[31mname"},"eventTime":"2024-03-01T10:00:00Z","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob","awsRegion":"us-east-1",` +
		`"requestParameters":{"id":"9"},"responseElements":{"job":{"id":"9","status":"ERROR","errorMessage":"Bad input:\tno video\r\n"}}},` +
		`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"José"},"eventTime":"2024-03-01T10:01:00Z","eventSource":"mediaconvert.amazonaws.com","eventName":"ListQueues"}]}`
	code, stdout, stderr := runCmd(t, strings.NewReader(in))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if len(lines) < 3 {
		t.Fatalf("output:\n%s", stdout)
	}
	want := `2024-03-01T10:00:00Z  mediaconvert  GetJob      user/evil\n\x1b[31mname  us-east-1  -      job 9 ERROR Bad input:\tno video`
	if lines[1] != want {
		t.Errorf("line 1:\n got %q\nwant %q", lines[1], want)
	}
	// Columns are counted in characters, not bytes; empty ones show "-".
	want = "2024-03-01T10:01:00Z  mediaconvert  ListQueues  user/José" + strings.Repeat(" ", 16) + "-" + strings.Repeat(" ", 10) + "-"
	if lines[2] != want {
		t.Errorf("line 2:\n got %q\nwant %q", lines[2], want)
	}
}

// TestTableAligned prints rows of any widths: every value starts where its
// column's name does in the header, counted in characters, and no line
// ends in spaces.
func TestTableAligned(t *testing.T) {
	rows := []row{
		{Time: "2024-03-01T10:00:00Z", Service: "mediaconvert", Event: "GetJob", Principal: "user/a", Region: "us-east-1", Detail: "job 1"},
		{Time: "2024-03-01T10:01:00Z", Service: "elastictranscoder", Event: "UpdatePipelineNotifications",
			Principal: "identitycenter/maria.fernández@example.com (role AWSReservedSSO_MediaOps_0123456789abcdef)",
			Region:    "ap-southeast-2", Error: "AccessDenied", Detail: "pipeline 1"},
		{Time: "-", Service: "s3", Event: "GetObject", Principal: "service s3.amazonaws.com", Error: "NoSuchKeyExceptionWithAVeryLongName"},
		{Time: "2024-03-01T10:02:00Z", Service: "transcribe", Event: "ListVocabularies", Principal: "root", Region: "eu-west-1"},
	}
	// All rows in one block, and the last in a block of its own, which
	// keeps the widths of the first.
	for _, block := range []int{len(rows) + 1, len(rows)} {
		t.Run(fmt.Sprint("block ", block), func(t *testing.T) {
			defer func(n int) { tableBlock = n }(tableBlock)
			tableBlock = block

			var out bytes.Buffer
			tab := newTable(&out)
			for _, r := range rows {
				if err := tab.print(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := tab.flush(); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if len(lines) != len(rows)+1 {
				t.Fatalf("%d lines:\n%s", len(lines), out.String())
			}
			header := []rune(lines[0])
			var starts []int
			for _, name := range columns {
				starts = append(starts, len([]rune(lines[0][:strings.Index(lines[0], name)])))
			}
			if starts[0] != 0 || len(header) != starts[len(starts)-1]+len("DETAIL") {
				t.Fatalf("header %q", lines[0])
			}
			for i, r := range rows {
				line := []rune(lines[i+1])
				values := []string{r.Time, r.Service, r.Event, r.Principal, cmp.Or(r.Region, "-"), cmp.Or(r.Error, "-"), r.Detail}
				for j, v := range values {
					if v == "" { // an empty DETAIL, trimmed
						if len(line) > starts[j] {
							t.Errorf("row %d: text where DETAIL is empty: %q", i, lines[i+1])
						}
						continue
					}
					end := min(starts[j]+len([]rune(v)), len(line))
					if got := string(line[min(starts[j], end):end]); got != v {
						t.Errorf("row %d, column %s: %q where %q belongs:\n%s", i, columns[j], got, v, out.String())
					}
					if j > 0 && line[starts[j]-1] != ' ' {
						t.Errorf("row %d: no space before column %s:\n%s", i, columns[j], out.String())
					}
				}
				if strings.HasSuffix(lines[i+1], " ") {
					t.Errorf("row %d ends in spaces: %q", i, lines[i+1])
				}
			}
			// The widest value sets its column's width, and two spaces
			// separate the columns.
			if want := starts[3] + len([]rune(rows[1].Principal)) + 2; starts[4] != want {
				t.Errorf("REGION starts at %d, want %d:\n%s", starts[4], want, out.String())
			}
		})
	}
}

// TestTableBlocks checks that a table holds back at most tableBlock rows,
// and that the columns of a later block are as wide as those above at
// least.
func TestTableBlocks(t *testing.T) {
	defer func(n int) { tableBlock = n }(tableBlock)
	tableBlock = 3

	var out bytes.Buffer
	tab := newTable(&out)
	tab.print(row{Time: "t1", Service: "s", Event: "WideEventName", Principal: "p", Region: "r"})
	tab.print(row{Time: "t2", Service: "s", Event: "E", Principal: "p", Region: "r"})
	if got := strings.Count(out.String(), "\n"); got != 3 {
		t.Fatalf("after a block (header and 2 rows), %d lines written:\n%s", got, out.String())
	}
	tab.print(row{Time: "t3", Service: "s", Event: "E", Principal: "p", Region: "r"})
	if err := tab.flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := "t3    s        E              p          r       -"
	if len(lines) != 4 || lines[3] != want {
		t.Errorf("last line %q, want %q:\n%s", lines[len(lines)-1], want, out.String())
	}
	if !strings.HasPrefix(lines[0], "TIME  SERVICE  EVENT          PRINCIPAL  REGION  ERROR  DETAIL") {
		t.Errorf("header %q", lines[0])
	}
}
