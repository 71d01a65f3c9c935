package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/mediaconvert"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// testdata is the repository's test data, from this directory.
var testdata = filepath.Join("..", "..", "testdata")

// trails is the directory of the README's quick example.
var trails = filepath.Join(testdata, "trails")

// records are records that show more of the jobs of the trails and of
// others: reads, cancellations, deletions, lists, failed calls, and the
// event MediaConvert sent when a job of the trails completed.
var records = []string{
	filepath.Join(testdata, "containers", "eventbridge-mediaconvert-job-state-change.json"),
	filepath.Join(testdata, "records", "mediaconvert", "GetJob.json"),
	filepath.Join(testdata, "records", "mediaconvert", "CancelJob.json"),
	filepath.Join(testdata, "records", "elastictranscoder", "ReadJob-AccessDenied.json"),
	filepath.Join(testdata, "records", "elastictranscoder", "CancelJob.json"),
	filepath.Join(testdata, "records", "elastictranscoder", "ListJobsByPipeline.json"),
	filepath.Join(testdata, "records", "transcribe", "StartTranscriptionJob-Conflict.json"),
	filepath.Join(testdata, "records", "transcribe", "GetTranscriptionJob-JavaTime.json"),
	filepath.Join(testdata, "records", "transcribe", "DeleteTranscriptionJob.json"),
	filepath.Join(testdata, "records", "transcribe", "StartCallAnalyticsJob.json"),
	filepath.Join(testdata, "records", "transcribe", "StartMedicalTranscriptionJob.json"),
}

// runJobaudit runs the command and returns its exit status and output.
func runJobaudit(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var stdout, stderr bytes.Buffer
	code := run(args, stdin, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// golden compares got with the file testdata/name, or rewrites the file
// with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to write the golden files")
	require.Equal(t, string(want), got, "output differs from %s (go test -update rewrites it)", path)
}

// requireFits fails the test when a line of out is wider than width.
func requireFits(t *testing.T, out string, width int) {
	t.Helper()
	require.NotEmpty(t, out)
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		require.LessOrEqual(t, utf8.RuneCountInString(line), width, "line %d is wider than %d: %q", i+1, width, line)
	}
}

// TestQuickExample is the README's `go run ./examples/jobaudit
// testdata/trails`.
func TestQuickExample(t *testing.T) {
	code, out, errs := runJobaudit(t, nil, "-width", "100", trails)
	require.Equal(t, 0, code, errs)
	require.Empty(t, errs)
	requireFits(t, out, 100)
	golden(t, "trails.txt", out)
}

func TestRecordsGolden(t *testing.T) {
	code, out, errs := runJobaudit(t, nil, append([]string{"-width", "120"}, append([]string{trails}, records...)...)...)
	require.Equal(t, 0, code, errs)
	require.Empty(t, errs)
	requireFits(t, out, 120)
	golden(t, "records.txt", out)

	// The job of the trails that MediaConvert reported complete: the
	// service event counts, and says which file the job wrote.
	// A read after it shows the job COMPLETE too.
	require.Contains(t, out, "\n    2024-04-04T17:50:26Z  MediaConvert Job State Change  service mediaconvert.amazona…  COMPLETE   1 output file\n")
	require.Contains(t, out, "  final      COMPLETE at 2024-04-04T18:02:14Z\n  outputs    s3://media-output.example.com/vod/sample-1080p_1080p.mp4\n")
	// A failed call is an observation with its error.
	require.Contains(t, out, "\n    2021-03-08T14:05:51Z  ReadJob  role/ReadOnlyAuditor (session bob)  -  failed: AccessDenied: User: arn:aws:sts::1111…\n")
}

// asUser makes the kit's record a call of the IAM user name.
func asUser(name string) cloudtrailtest.Option {
	return cloudtrailtest.WithEdit(func(e *cloudtrail.Event) {
		e.UserIdentity = &cloudtrail.UserIdentity{
			Type: "IAMUser", PrincipalID: "AIDAEXAMPLE" + strings.ToUpper(name), AccountID: "111122223333",
			ARN: "arn:aws:iam::111122223333:user/" + name, UserName: name,
		}
	})
}

// kitTrail returns a trail made by the kit: a MediaConvert job created
// (the service filling in its timecode source), read back while it
// runs, and the event MediaConvert sent when it completed; as JSON Lines.
func kitTrail(t *testing.T) (id string, data []byte) {
	t.Helper()
	start := time.Date(2026, 4, 1, 9, 30, 0, 0, time.UTC)
	id = "1775035800000-kit001"
	arn := "arn:aws:mediaconvert:us-west-2:111122223333:jobs/" + id
	role := cloudtrail.Ptr("arn:aws:iam::111122223333:role/MediaConvert_Default_Role")
	settings := func(filled bool) *mediaconvert.JobSettings {
		s := &mediaconvert.JobSettings{
			Inputs: []mediaconvert.Input{{FileInput: cloudtrail.Ptr("s3://amzn-s3-demo-bucket/in/clip.mov")}},
			OutputGroups: []mediaconvert.OutputGroup{{OutputGroupSettings: &mediaconvert.OutputGroupSettings{
				Type:              mediaconvert.OutputGroupTypeFileGroupSettings,
				FileGroupSettings: &mediaconvert.FileGroupSettings{Destination: cloudtrail.Ptr("s3://amzn-s3-demo-bucket/out/")},
			}}},
		}
		if filled {
			s.TimecodeConfig = &mediaconvert.TimecodeConfig{Source: mediaconvert.TimecodeSourceZerobased}
		}
		return s
	}
	create := cloudtrailtest.NewEvent(
		&mediaconvert.CreateJobRequest{Role: role, Settings: settings(false)},
		&mediaconvert.CreateJobResponse{Job: &mediaconvert.Job{
			Id: cloudtrail.Ptr(id), Arn: cloudtrail.Ptr(arn), Role: role, Settings: settings(true),
			Status: mediaconvert.JobStatusSubmitted,
			Queue:  cloudtrail.Ptr("arn:aws:mediaconvert:us-west-2:111122223333:queues/Default"),
		}},
		cloudtrailtest.WithTime(start), asUser("encoder"))
	get := cloudtrailtest.NewEvent(&mediaconvert.GetJobRequest{Id: cloudtrail.Ptr(id)},
		&mediaconvert.GetJobResponse{Job: &mediaconvert.Job{Id: cloudtrail.Ptr(id), Status: mediaconvert.JobStatusProgressing}},
		cloudtrailtest.WithTime(start.Add(time.Minute)), cloudtrailtest.WithSeed(2), asUser("watcher"))

	complete := `{"version":"0","id":"9e1c2d3e-5a7b-4cf7-a9f1-bf3703467718","detail-type":"MediaConvert Job State Change",` +
		`"source":"aws.mediaconvert","account":"111122223333","time":"2026-04-01T09:34:12Z","region":"us-west-2",` +
		`"resources":["` + arn + `"],"detail":{"timestamp":1775036052412,"accountId":"111122223333",` +
		`"queue":"arn:aws:mediaconvert:us-west-2:111122223333:queues/Default","jobId":"` + id + `","status":"COMPLETE",` +
		`"userMetadata":{},"outputGroupDetails":[{"outputDetails":[{"outputFilePaths":["s3://amzn-s3-demo-bucket/out/clip.mp4"],` +
		`"durationInMs":30041}],"type":"FILE_GROUP"}]}}`
	var service *cloudtrail.Event
	for e, err := range cloudtrail.NewReader(strings.NewReader(complete), cloudtrail.WithServiceEvents()).All() {
		require.NoError(t, err)
		service = e
	}
	require.NotNil(t, service)
	// The completion first: log order is not time order.
	return id, cloudtrailtest.Encode(cloudtrailtest.JSONLines, service, get, create)
}

func TestKitTrail(t *testing.T) {
	id, data := kitTrail(t)

	code, out, errs := runJobaudit(t, bytes.NewReader(data), "-json")
	require.Equal(t, 0, code, errs)
	var hs []History
	for line := range strings.Lines(out) {
		var h History
		require.NoError(t, json.Unmarshal([]byte(line), &h), line)
		hs = append(hs, h)
	}
	require.Len(t, hs, 1)
	h := hs[0]
	require.Equal(t, "MediaConvert job", h.Kind)
	require.Equal(t, id, h.ID)
	require.Equal(t, "COMPLETE", h.Final.Status)
	require.True(t, h.Final.Terminal)
	require.Equal(t, []string{"s3://amzn-s3-demo-bucket/out/clip.mp4"}, h.Final.Outputs)
	require.NotNil(t, h.Submitted)
	require.Equal(t, "CreateJob", h.Submitted.Operation)
	require.Equal(t, "user/encoder", h.Submitted.By)
	require.Contains(t, h.Submitted.Settings, setting{"output", "file -> s3://amzn-s3-demo-bucket/out/"})
	require.NotNil(t, h.Submitted.Changes)
	require.Equal(t, []change{{Path: "settings.timecodeConfig", Kind: "filled", Returned: json.RawMessage(`{"source":"ZEROBASED"}`)}}, *h.Submitted.Changes)
	var ops, statuses []string
	for _, o := range h.Observations {
		ops, statuses = append(ops, o.Operation), append(statuses, o.Status)
	}
	require.Equal(t, []string{"CreateJob", "GetJob", "MediaConvert Job State Change"}, ops)
	require.Equal(t, []string{"SUBMITTED", "PROGRESSING", "COMPLETE"}, statuses)

	// The same as text, from a directory: the records in a gzipped log
	// file, the service's event beside them.
	dir := t.TempDir()
	var recs, events []*cloudtrail.Event
	for e, err := range cloudtrail.NewReader(bytes.NewReader(data), cloudtrail.WithServiceEvents()).All() {
		require.NoError(t, err)
		if e.EventType == "AwsServiceEvent" {
			events = append(events, e)
		} else {
			recs = append(recs, e)
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "trail.json.gz"), cloudtrailtest.Encode(cloudtrailtest.GzipLogFile, recs...), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "events.json"), cloudtrailtest.Encode(cloudtrailtest.JSONLines, events...), 0o644))
	code, out, errs = runJobaudit(t, nil, "-width", "100", dir)
	require.Equal(t, 0, code, errs)
	requireFits(t, out, 100)
	want := "" +
		"MediaConvert job 1775035800000-kit001  111122223333 us-west-2\n" +
		"  submitted  2026-04-01T09:30:00Z CreateJob by user/encoder\n" +
		"  queue      queues/Default\n" +
		"  role       role/MediaConvert_Default_Role\n" +
		"  input      s3://amzn-s3-demo-bucket/in/clip.mov\n" +
		"  output     file -> s3://amzn-s3-demo-bucket/out/\n" +
		"  events\n" +
		"    2026-04-01T09:30:00Z  CreateJob               user/encoder            SUBMITTED    queue Defaul…\n" +
		"    2026-04-01T09:31:00Z  GetJob                  user/watcher            PROGRESSING\n" +
		"    2026-04-01T09:34:12Z  MediaConvert Job Stat…  service mediaconvert.…  COMPLETE     1 output file\n" +
		"  final      COMPLETE at 2026-04-01T09:34:12Z\n" +
		"  outputs    s3://amzn-s3-demo-bucket/out/clip.mp4\n" +
		"  changes    1 to the request, by the service:\n" +
		"    filled   settings.timecodeConfig: {\"source\":\"ZEROBASED\"}\n" +
		"1 history from 3 events in 2 inputs\n"
	require.Equal(t, want, out)
}

func TestWidth(t *testing.T) {
	_, kit := kitTrail(t)
	args := append([]string{"-changes", "all", trails}, records...)
	args = append(args, "-")
	for _, width := range []int{60, 40, 100, 160} {
		code, out, errs := runJobaudit(t, bytes.NewReader(kit), append([]string{"-width", strconv.Itoa(width)}, args...)...)
		require.Equal(t, 0, code, errs)
		requireFits(t, out, width)
		require.Contains(t, out, "…", "width %d cuts values", width)
	}

	// COLUMNS when there is no -width; -width over it; 100 without both
	// (standard output is no terminal here).
	t.Setenv("COLUMNS", "72")
	_, out, _ := runJobaudit(t, nil, trails)
	requireFits(t, out, 72)
	_, at72, _ := runJobaudit(t, nil, "-width", "72", trails)
	require.Equal(t, at72, out)
	_, out, _ = runJobaudit(t, nil, "-width", "50", trails)
	requireFits(t, out, 50)
	t.Setenv("COLUMNS", "")
	_, out, _ = runJobaudit(t, nil, trails)
	_, at100, _ := runJobaudit(t, nil, "-width", "100", trails)
	require.Equal(t, at100, out)

	require.Equal(t, 80, lineWidth(0, "80", io.Discard))
	require.Equal(t, 50, lineWidth(50, "80", io.Discard))
	require.Equal(t, defaultWidth, lineWidth(0, "", io.Discard))
	require.Equal(t, defaultWidth, lineWidth(0, "wide", io.Discard))
	require.Equal(t, defaultWidth, lineWidth(0, "-3", &bytes.Buffer{}))
}

func TestJSON(t *testing.T) {
	code, out, errs := runJobaudit(t, nil, append([]string{"-json", "-changes", "1", trails}, records...)...)
	require.Equal(t, 0, code, errs)
	require.Contains(t, errs, "histories from")
	byID := make(map[string]History) // by id and region
	var ids []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var h History
		require.NoError(t, json.Unmarshal(sc.Bytes(), &h), sc.Text())
		ids = append(ids, h.ID)
		byID[h.ID+" "+h.Region] = h
	}
	require.Equal(t, []string{
		"1412018849233-f2czlr", "1412018848038-nkomx0", "1234-job-example", "1510714652428-jyvx95",
		"examplename", "1592378801420-2kq4zj", "1592379097611-v7yq2c", "1412018849233-f2czlr",
		"support-call-20231102-0001", "support-call-20240219-0007", "support-call-20240219-0006",
		"1712252725875-defhgi", "1712254170455-q8rmbs", "contact-7f3e9b12-analytics", "visit-2024-09-10-dr-lee-0815",
	}, ids)

	// -changes does not limit -json.
	h := byID["1712252725875-defhgi us-west-2"]
	require.NotNil(t, h.Submitted)
	require.Len(t, *h.Submitted.Changes, 60)
	require.Equal(t, change{
		Path: "settings.outputGroups[0].outputs[0].containerSettings.mp4Settings.cslgAtom", Kind: "filled",
		Returned: json.RawMessage(`"INCLUDE"`),
	}, (*h.Submitted.Changes)[0])
	require.Equal(t, "role/admin (session example-admin)", h.Submitted.By)
	require.Equal(t, "COMPLETE", h.Final.Status)
	require.Equal(t, []string{"s3://media-output.example.com/vod/sample-1080p_1080p.mp4"}, h.Final.Outputs)

	// Changes the service made: a redacted value and a changed one.
	h = byID["1510714652428-jyvx95 us-west-2"]
	kinds := []string{}
	for _, c := range *h.Submitted.Changes {
		kinds = append(kinds, c.Kind)
	}
	require.Equal(t, []string{"changed", "redacted"}, kinds)

	// A failed call is an observation with its error; a job whose
	// submission is not among the events has none.
	h = byID["1412018849233-f2czlr us-east-1"]
	require.Nil(t, h.Submitted)
	require.Len(t, h.Observations, 1)
	require.Equal(t, "AccessDenied", h.Observations[0].Error.Code)
	require.Contains(t, h.Observations[0].Error.Message, "is not authorized")
	require.Equal(t, "role/ReadOnlyAuditor (session bob)", h.Observations[0].By)

	// A submission refused for a name in use is the name's history, with
	// no submission and no state.
	h = byID["support-call-20240219-0007 us-east-1"]
	require.Nil(t, h.Submitted)
	require.Equal(t, "ConflictException", h.Observations[0].Error.Code)
	require.Empty(t, h.Final.Status)

	// A submission whose response echoes its request as it was has no
	// changes; one that echoes none has no changes member.
	require.NotNil(t, byID["support-call-20231102-0001 us-east-1"].Submitted.Changes)
	require.Empty(t, *byID["support-call-20231102-0001 us-east-1"].Submitted.Changes)
}

func TestChangesFlag(t *testing.T) {
	file := filepath.Join(trails, "media-sample.json")
	_, out, _ := runJobaudit(t, nil, "-width", "200", file)
	require.Contains(t, out, "  changes    60 to the request, by the service:\n")
	require.Contains(t, out, "    (and 55 more; -changes all)\n")

	_, out, _ = runJobaudit(t, nil, "-width", "200", "-changes", "all", file)
	require.NotContains(t, out, "more; -changes all")
	_, js, _ := runJobaudit(t, nil, "-json", file)
	total := 0
	for line := range strings.Lines(js) {
		var h History
		require.NoError(t, json.Unmarshal([]byte(line), &h))
		if h.Submitted != nil && h.Submitted.Changes != nil {
			total += len(*h.Submitted.Changes)
		}
	}
	listed := 0
	for line := range strings.Lines(out) {
		for _, kind := range []string{"filled  ", "changed ", "dropped ", "redacted"} {
			if strings.HasPrefix(line, listIndent+kind) {
				listed++
			}
		}
	}
	require.Equal(t, total, listed)
	require.Greater(t, total, 60)

	_, out, _ = runJobaudit(t, nil, "-width", "200", "-changes", "0", file)
	require.Contains(t, out, "  changes    60 to the request, by the service:\n    (and 60 more; -changes all)\n")

	for _, bad := range []string{"some", "-1"} {
		code, _, errs := runJobaudit(t, nil, "-changes", bad, file)
		require.Equal(t, 2, code)
		require.Contains(t, errs, "-changes")
	}
	code, _, errs := runJobaudit(t, nil, "-width", "-5", file)
	require.Equal(t, 2, code)
	require.Contains(t, errs, "-width")
}

func TestStdin(t *testing.T) {
	file := filepath.Join(trails, "transcribe-log.json")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	_, want, _ := runJobaudit(t, nil, "-width", "100", file)
	for _, args := range [][]string{nil, {"-"}} {
		code, out, errs := runJobaudit(t, bytes.NewReader(data), append([]string{"-width", "100"}, args...)...)
		require.Equal(t, 0, code, errs)
		require.Equal(t, want, out, "args %q", args)
	}
}

func TestDuplicates(t *testing.T) {
	// A record read twice, as from overlapping log files, counts once.
	file := filepath.Join(trails, "transcribe-log.json")
	_, want, _ := runJobaudit(t, nil, "-width", "100", file)
	_, got, _ := runJobaudit(t, nil, "-width", "100", file, file)
	want = strings.Replace(want, "from 2 events in 1 input", "from 4 events in 2 inputs", 1)
	require.Equal(t, want, got)
}

// TestOrder reads the same inputs in other orders, one or two at a time:
// the histories are made after reading, and are the same.
func TestOrder(t *testing.T) {
	_, kit := kitTrail(t)
	files := append([]string{
		filepath.Join(trails, "elastictranscoder-log.json"),
		filepath.Join(trails, "media-sample.json"),
		filepath.Join(trails, "transcribe-log.json"),
	}, records...)
	files = append(files, "-")
	for _, format := range [][]string{{"-width", "120", "-changes", "all"}, {"-json"}} {
		code, want, errs := runJobaudit(t, bytes.NewReader(kit), slices.Concat(format, []string{"-j", "1"}, files)...)
		require.Equal(t, 0, code, errs)
		require.Contains(t, want, "1775035800000-kit001")
		for i, jobs := range []string{"1", "2", "2", "3"} {
			order := slices.Clone(files)
			rand.New(rand.NewPCG(uint64(i), 1)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			if i == 0 {
				slices.Reverse(order)
			}
			code, got, errs := runJobaudit(t, bytes.NewReader(kit), slices.Concat(format, []string{"-j", jobs}, order)...)
			require.Equal(t, 0, code, errs)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%v -j %s, inputs %q: -want +got:\n%s", format, jobs, order, diff)
			}
		}
	}
}

// TestTree reads directory trees of which a file cannot be opened or a
// directory cannot be read: the error names it, the rest of the tree is
// read, and the exit status is 1.
func TestTree(t *testing.T) {
	file := filepath.Join(trails, "transcribe-log.json")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	_, want, _ := runJobaudit(t, nil, "-width", "100", file)
	want = strings.Replace(want, "from 2 events in 1 input\n", "from 2 events in 2 inputs; 1 input errors\n", 1)

	for _, tt := range []struct {
		name string
		// spoil makes a part of the tree under dir that cannot be read,
		// and returns the message that tells it.
		spoil func(t *testing.T, dir string) string
	}{
		{"link to nowhere", func(t *testing.T, dir string) string {
			gone := filepath.Join(dir, "a.json.gz")
			require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere"), gone))
			return "open " + gone + ": no such file or directory"
		}},
		{"unreadable directory", func(t *testing.T, dir string) string {
			if os.Geteuid() == 0 {
				t.Skip("root reads every directory")
			}
			locked := filepath.Join(dir, "a")
			require.NoError(t, os.MkdirAll(locked, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(locked, "hidden.json"), []byte(`{"Records":[]}`), 0o644))
			require.NoError(t, os.Chmod(locked, 0))
			t.Cleanup(func() { os.Chmod(locked, 0o755) })
			return "open " + locked + ": permission denied"
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			sub := filepath.Join(dir, "2024", "04")
			require.NoError(t, os.MkdirAll(sub, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(sub, "z.JSON"), data, 0o644))
			msg := tt.spoil(t, filepath.Join(dir, "2024"))

			code, out, errs := runJobaudit(t, nil, "-width", "100", dir)
			require.Equal(t, 1, code)
			require.Equal(t, "jobaudit: "+msg+"\n", errs)
			require.Equal(t, want, out)
		})
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"Records": [{"eventSource": "transcribe.amazonaws.com", "eventName": `), 0o644))
	missing := filepath.Join(dir, "missing.json")

	code, out, errs := runJobaudit(t, nil, missing, bad, filepath.Join(trails, "transcribe-log.json"))
	require.Equal(t, 1, code)
	// Each error names its input, once.
	require.Contains(t, errs, "jobaudit: stat "+missing+": no such file or directory\n")
	require.Contains(t, errs, "jobaudit: "+bad+": cloudtrail: ")
	require.Contains(t, errs, "truncated")
	// The jobs of the inputs that could be read are still listed.
	require.Contains(t, out, "Transcribe transcription job support-call-20231102-0001")
	require.True(t, strings.HasSuffix(out, "\n1 history from 2 events in 3 inputs; 2 input errors\n"), out)

	// A damaged record costs only itself, and is an error.
	damaged := filepath.Join(dir, "damaged.jsonl")
	require.NoError(t, os.WriteFile(damaged, []byte(`{"eventVersion":"1.08","eventSource":"transcribe.amazonaws.com","eventName":"GetTranscriptionJob","requestParameters":oops}`+"\n"), 0o644))
	code, out, errs = runJobaudit(t, nil, damaged, filepath.Join(trails, "transcribe-log.json"))
	require.Equal(t, 1, code)
	require.Contains(t, errs, "jobaudit: "+damaged+": cloudtrail: record 0")
	require.True(t, strings.HasSuffix(out, "\n1 history from 2 events in 2 inputs; 1 input errors\n"), out)

	// Values that are no records are skipped, and no error.
	digest := filepath.Join(dir, "digest.json")
	require.NoError(t, os.WriteFile(digest, cloudtrailtest.DigestFile("bucket", time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "key.json.gz"), 0o644))
	code, _, errs = runJobaudit(t, nil, digest)
	require.Equal(t, 0, code, errs)
	require.Contains(t, errs, "skipped")

	code, _, errs = runJobaudit(t, nil, "-no-such-flag")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "usage: jobaudit")
	code, _, errs = runJobaudit(t, nil, "-j", "0")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "-j 0")

	code, _, errs = runJobaudit(t, nil, "-h")
	require.Equal(t, 0, code)
	for _, f := range []string{"-json", "-changes", "-width", "-progress", "-lenient", "-j n"} {
		require.Contains(t, errs, f)
	}

	code, out, _ = runJobaudit(t, strings.NewReader(""))
	require.Equal(t, 0, code)
	require.Equal(t, "no jobs\n0 histories from 0 events in 1 input\n", out)
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
	code, _, errs := runJobaudit(t, &slowReader{data: data}, "-progress")
	require.Equal(t, 0, code, errs)
	require.Contains(t, errs, "jobaudit: 0 of 1 inputs, ")
	require.Contains(t, errs, " MB read in ")
	require.Contains(t, errs, " histories; latest from standard input\n")

	// Standard error is no terminal here: no progress unless asked.
	code, _, errs = runJobaudit(t, &slowReader{data: data})
	require.Equal(t, 0, code, errs)
	require.Empty(t, errs)
}

func TestCut(t *testing.T) {
	require.Equal(t, "abc", cut("abc", 3))
	require.Equal(t, "ab…", cut("abcd", 3))
	require.Equal(t, "…", cut("abcd", 1))
	require.Equal(t, "", cut("abcd", 0))
	require.Equal(t, "José…", cut("José Silva", 5))
	require.Equal(t, "…cd", cutLeft("abcd", 3))
	require.Equal(t, "abcd", cutLeft("abcd", 4))

	for _, room := range []int{1, 10, 30, 60} {
		for _, c := range []change{
			{Path: "settings.outputGroups[0].outputs[0].videoDescription.codecSettings.h264Settings.gopSize", Kind: "filled", Returned: json.RawMessage(`90`)},
			{Path: "a", Kind: "changed", Requested: json.RawMessage(`"` + strings.Repeat("x", 80) + `"`), Returned: json.RawMessage(`"y"`)},
			{Path: "settings.inputs[0].fileInput", Kind: "dropped", Requested: json.RawMessage(`"s3://bucket/in.mov"`)},
			{Path: "settings.outputGroups[0].outputGroupSettings.hlsGroupSettings.encryption", Kind: "redacted"},
		} {
			got := changeText(c, room)
			if room >= 40 {
				require.LessOrEqual(t, utf8.RuneCountInString(got), room, "%+v in %d: %q", c, room, got)
			}
		}
	}
	require.Equal(t, `a: "xxxxxxxxxxxxxxxxxxxxxxx… -> "y"`, changeText(change{Path: "a", Kind: "changed",
		Requested: json.RawMessage(`"` + strings.Repeat("x", 80) + `"`), Returned: json.RawMessage(`"y"`)}, 35))
}

func TestFormatBitrate(t *testing.T) {
	for bps, want := range map[int64]string{
		5000000: "5 Mbit/s", 5500000: "5.5 Mbit/s", 96000: "96 kbit/s", 800000: "800 kbit/s", 1500: "1.5 kbit/s", 999: "999 bit/s",
	} {
		require.Equal(t, want, formatBitrate(bps), "%d", bps)
	}
}
