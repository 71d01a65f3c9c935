package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// testdata is the repository's test data, from this directory.
var testdata = filepath.Join("..", "..", "testdata")

// fixtures are the trails and records the tests read: the three log files,
// and records that show what became of the jobs they submit.
var fixtures = []string{
	filepath.Join(testdata, "trails", "elastictranscoder-log.json"),
	filepath.Join(testdata, "trails", "transcribe-log.json"),
	filepath.Join(testdata, "trails", "media-sample.json"),
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
func runJobaudit(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// columns splits the lines of a table into its columns, which the table
// separates by two spaces or more.
func columns(table string) [][]string {
	sep := regexp.MustCompile(` {2,}`)
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSuffix(table, "\n"), "\n") {
		rows = append(rows, sep.Split(line, -1))
	}
	return rows
}

func TestTable(t *testing.T) {
	code, out, errs := runJobaudit(t, "", fixtures...)
	require.Equal(t, 0, code, errs)
	require.Empty(t, errs)
	want := [][]string{
		{"SERVICE", "JOB", "SUBMITTED", "BY", "STATUS", "SETTINGS", "FATE"},
		{"Elastic Transcoder", "1412018849233-f2czlr", "-", "-", "-", "-", "read back 2014-09-29T19:28:50Z by user/smithj (no status in the record); read failed (AccessDenied) 2021-03-08T14:05:51Z by role/ReadOnlyAuditor (session bob)"},
		{"Elastic Transcoder", "1234-job-example", "2014-09-29T19:29:02Z", "user/smithj", "Submitted", "pipeline 1234-pipeline-example; input source/audio/cheesytoast.wav; output/testing-toast.mp4 preset 1234-preset-example", "no later event"},
		{"MediaConvert", "1510714652428-jyvx95", "2017-11-15T02:57:32Z", "user/test user", "SUBMITTED", "DASH MPD H_264 5 Mbit/s CBR AAC -> s3://mediaconvert-testuser/clip01.mp4", "no later event"},
		{"Elastic Transcoder", "1592378801420-2kq4zj", "-", "-", "Complete", "pipeline 1592307711842-6mfrjw; input episodes/ep042.mov; 1280x720 ep042-720p.mp4 preset 1592308987154-k3ptqm", "Complete when listed 2020-06-17T07:30:12Z"},
		{"Elastic Transcoder", "1592379097611-v7yq2c", "-", "-", "Canceled", "-", "cancelled 2020-06-17T07:31:45Z by user/ops-jenkins"},
		{"Transcribe", "support-call-20231102-0001", "2023-11-02T00:59:45Z", "role/TranscribeWorkerRole (session transcribe-worker)", "COMPLETED", "en-US s3://media-input.example.com/calls/support-call-20231102-0001.flac", "COMPLETED when read back 2023-11-02T01:04:12Z"},
		{"Transcribe", "support-call-20240219-0007", "2024-02-19T09:14:27Z", "role/TranscribeWorkerRole (session transcribe-worker)", "-", "en-US s3://media-input.example.com/calls/support-call-20240219-0007.wav", "rejected (ConflictException)"},
		{"Transcribe", "support-call-20240219-0006", "-", "-", "COMPLETED", "en-US s3://media-input.example.com/calls/support-call-20240219-0006.wav", "COMPLETED when read back 2024-02-19T09:16:02Z; deleted 2024-02-19T09:20:44Z by role/TranscribeWorkerRole (session transcribe-worker)"},
		{"MediaConvert", "1712252725875-defhgi", "2024-04-04T17:45:26Z", "role/admin (session example-admin)", "COMPLETE", "file MP4 H_264 1920x1080 5 Mbit/s QVBR AAC -> s3://media-output.example.com/vod/", "COMPLETE when read back 2024-04-04T18:02:14Z"},
		{"MediaConvert", "1712254170455-q8rmbs", "-", "-", "CANCELED", "-", "cancelled 2024-04-04T18:30:05Z by role/MediaJobWatcherRole (session media-job-watcher)"},
		{"Transcribe Call Analytics", "contact-7f3e9b12-analytics", "2024-06-03T12:22:51Z", "role/TranscribeWorkerRole (session transcribe-worker)", "IN_PROGRESS", "s3://media-input.example.com/connect/recordings/2024/06/03/7f3e9b12.wav", "no later event"},
		{"Transcribe Medical", "visit-2024-09-10-dr-lee-0815", "2024-09-10T08:15:47Z", "identitycenter/ana.silva@example.com (role AWSReservedSSO_ClinicalData_fedcba9876543210)", "IN_PROGRESS", "en-US s3://clinic-audio.example.com/dictations/visit-2024-09-10-dr-lee-0815.m4a", "no later event"},
	}
	if diff := cmp.Diff(want, columns(out)); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

func TestTableLayout(t *testing.T) {
	code, out, errs := runJobaudit(t, "", filepath.Join(testdata, "trails", "transcribe-log.json"))
	require.Equal(t, 0, code, errs)
	want := "" +
		"SERVICE     JOB                         SUBMITTED             BY                                                     STATUS     SETTINGS                                                                  FATE\n" +
		"Transcribe  support-call-20231102-0001  2023-11-02T00:59:45Z  role/TranscribeWorkerRole (session transcribe-worker)  COMPLETED  en-US s3://media-input.example.com/calls/support-call-20231102-0001.flac  COMPLETED when read back 2023-11-02T01:04:12Z\n"
	require.Equal(t, want, out)
}

func TestJSON(t *testing.T) {
	code, out, errs := runJobaudit(t, "", append([]string{"-json"}, fixtures...)...)
	require.Equal(t, 0, code, errs)
	var jobs []Job
	require.NoError(t, json.Unmarshal([]byte(out), &jobs))

	ids := make([]string, 0, len(jobs))
	byID := make(map[string]Job)
	for _, j := range jobs {
		ids = append(ids, j.ID)
		byID[j.ID] = j
	}
	require.Equal(t, []string{
		"1412018849233-f2czlr", "1234-job-example", "1510714652428-jyvx95",
		"1592378801420-2kq4zj", "1592379097611-v7yq2c", "support-call-20231102-0001",
		"support-call-20240219-0007", "support-call-20240219-0006", "1712252725875-defhgi",
		"1712254170455-q8rmbs", "contact-7f3e9b12-analytics", "visit-2024-09-10-dr-lee-0815",
	}, ids)

	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return tm
	}
	want := []Job{
		{
			Service:     "MediaConvert",
			ID:          "1712252725875-defhgi",
			ARN:         "arn:aws:mediaconvert:us-west-2:111122223333:jobs/1712252725875-defhgi",
			Region:      "us-west-2",
			SubmittedBy: "role/admin (session example-admin)",
			SubmittedAt: at("2024-04-04T17:45:26Z"),
			Outputs: []Output{{
				GroupType: "file", Destination: "s3://media-output.example.com/vod/", Container: "MP4",
				VideoCodec: "H_264", Resolution: "1920x1080", Bitrate: 5000000, RateControl: "QVBR",
				AudioCodecs: []string{"AAC"},
			}},
			Status: "COMPLETE",
			Fate:   "COMPLETE when read back 2024-04-04T18:02:14Z",
			Events: []Step{
				{Time: at("2024-04-04T17:45:26Z"), Event: "CreateJob", Actor: "role/admin (session example-admin)", Action: "submitted", Status: "SUBMITTED"},
				{Time: at("2024-04-04T18:02:14Z"), Event: "GetJob", Actor: "role/MediaJobWatcherRole (session media-job-watcher)", Action: "read", Status: "COMPLETE"},
			},
		},
		{
			Service:     "MediaConvert",
			ID:          "1510714652428-jyvx95",
			ARN:         "arn:aws:mediaconvert:us-west-2:123456789000:jobs/1510714652428-jyvx95",
			Region:      "us-west-2",
			SubmittedBy: "user/test user",
			SubmittedAt: at("2017-11-15T02:57:32Z"),
			Outputs: []Output{{
				GroupType: "DASH", Destination: "s3://mediaconvert-testuser/clip01.mp4", Container: "MPD",
				VideoCodec: "H_264", Bitrate: 5000000, RateControl: "CBR", AudioCodecs: []string{"AAC"},
			}},
			Status: "SUBMITTED",
			Fate:   "no later event",
			Events: []Step{{Time: at("2017-11-15T02:57:32Z"), Event: "CreateJob", Actor: "user/test user", Action: "submitted", Status: "SUBMITTED"}},
		},
		{
			Service:     "Elastic Transcoder",
			ID:          "1234-job-example",
			ARN:         "arn:aws:elastictranscoder:us-east-2:111122223333:job/1234-job-example",
			Region:      "us-east-2",
			SubmittedBy: "user/smithj",
			SubmittedAt: at("2014-09-29T19:29:02Z"),
			Outputs:     []Output{{Key: "output/testing-toast.mp4", Preset: "1234-preset-example"}},
			PipelineID:  "1234-pipeline-example",
			Input:       "source/audio/cheesytoast.wav",
			Status:      "Submitted",
			Fate:        "no later event",
			Events:      []Step{{Time: at("2014-09-29T19:29:02Z"), Event: "CreateJob", Actor: "user/smithj", Action: "submitted", Status: "Submitted"}},
		},
		{
			Service: "Elastic Transcoder",
			ID:      "1412018849233-f2czlr",
			Region:  "us-east-2",
			Fate:    "read back 2014-09-29T19:28:50Z by user/smithj (no status in the record); read failed (AccessDenied) 2021-03-08T14:05:51Z by role/ReadOnlyAuditor (session bob)",
			Events: []Step{
				{Time: at("2014-09-29T19:28:50Z"), Event: "ReadJob", Actor: "user/smithj", Action: "read"},
				{Time: at("2021-03-08T14:05:51Z"), Event: "ReadJob", Actor: "role/ReadOnlyAuditor (session bob)", Action: "read", Error: "AccessDenied"},
			},
		},
		{
			Service:  "Transcribe",
			Kind:     "transcription",
			ID:       "support-call-20240219-0006",
			Region:   "us-east-1",
			Language: "en-US",
			MediaURI: "s3://media-input.example.com/calls/support-call-20240219-0006.wav",
			Status:   "COMPLETED",
			Fate:     "COMPLETED when read back 2024-02-19T09:16:02Z; deleted 2024-02-19T09:20:44Z by role/TranscribeWorkerRole (session transcribe-worker)",
			Events: []Step{
				{Time: at("2024-02-19T09:16:02Z"), Event: "GetTranscriptionJob", Actor: "role/TranscribeWorkerRole (session transcribe-worker)", Action: "read", Status: "COMPLETED"},
				{Time: at("2024-02-19T09:20:44Z"), Event: "DeleteTranscriptionJob", Actor: "role/TranscribeWorkerRole (session transcribe-worker)", Action: "deleted"},
			},
		},
		{
			Service:     "Transcribe",
			Kind:        "transcription",
			ID:          "support-call-20240219-0007",
			Region:      "us-east-1",
			SubmittedBy: "role/TranscribeWorkerRole (session transcribe-worker)",
			SubmittedAt: at("2024-02-19T09:14:27Z"),
			Language:    "en-US",
			MediaURI:    "s3://media-input.example.com/calls/support-call-20240219-0007.wav",
			Fate:        "rejected (ConflictException)",
			Events: []Step{{Time: at("2024-02-19T09:14:27Z"), Event: "StartTranscriptionJob",
				Actor: "role/TranscribeWorkerRole (session transcribe-worker)", Action: "submitted", Error: "ConflictException"}},
		},
	}
	for _, w := range want {
		if diff := cmp.Diff(w, byID[w.ID]); diff != "" {
			t.Errorf("job %s (-want +got):\n%s", w.ID, diff)
		}
	}
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdata, "trails", "transcribe-log.json"))
	require.NoError(t, err)
	_, want, _ := runJobaudit(t, "", filepath.Join(testdata, "trails", "transcribe-log.json"))
	for _, args := range [][]string{nil, {"-"}} {
		code, out, errs := runJobaudit(t, string(data), args...)
		require.Equal(t, 0, code, errs)
		require.Equal(t, want, out, "args %q", args)
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(src, dst string, compress bool) {
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
		if compress {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			_, err := zw.Write(data)
			require.NoError(t, err)
			require.NoError(t, zw.Close())
			data = buf.Bytes()
		}
		require.NoError(t, os.WriteFile(dst, data, 0o644))
	}
	copyFile(fixtures[0], filepath.Join(dir, "ets.json"), false)
	copyFile(fixtures[1], filepath.Join(dir, "2023", "11", "transcribe.json.gz"), true)
	// Files of other kinds are not read, even when they hold records.
	copyFile(fixtures[2], filepath.Join(dir, "media-sample.txt"), false)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "README"), []byte("not a trail"), 0o644))

	code, out, errs := runJobaudit(t, "", dir)
	require.Equal(t, 0, code, errs)
	_, want, _ := runJobaudit(t, "", fixtures[0], fixtures[1])
	require.Equal(t, want, out)
	require.Len(t, columns(out), 4, "a header and three jobs")
}

func TestDuplicates(t *testing.T) {
	// A record read twice, as from overlapping log files, counts once: the
	// Transcribe log and the records directory hold the same two records.
	_, want, _ := runJobaudit(t, "", fixtures[1])
	code, out, errs := runJobaudit(t, "", fixtures[1], fixtures[1])
	require.Equal(t, 0, code, errs)
	require.Equal(t, want, out)

	code, out, errs = runJobaudit(t, "", "-json", fixtures[1], filepath.Join(testdata, "records", "transcribe"))
	require.Equal(t, 0, code, errs)
	var jobs []Job
	require.NoError(t, json.Unmarshal([]byte(out), &jobs))
	var events []string
	for _, j := range jobs {
		if j.ID == "support-call-20231102-0001" {
			for _, st := range j.Events {
				events = append(events, st.Event)
			}
			require.Equal(t, "COMPLETED when read back 2023-11-02T01:04:12Z", j.Fate)
		}
	}
	require.Equal(t, []string{"StartTranscriptionJob", "GetTranscriptionJob"}, events)
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"Records": [{"eventSource": "transcribe.amazonaws.com", "eventName": `), 0o644))
	missing := filepath.Join(dir, "missing.json")

	code, out, errs := runJobaudit(t, "", missing, bad, fixtures[1])
	require.Equal(t, 1, code)
	require.Contains(t, errs, "missing.json")
	require.Contains(t, errs, "bad.json")
	// The jobs of the inputs that could be read are still listed.
	require.Len(t, columns(out), 2)
	require.Contains(t, out, "support-call-20231102-0001")

	code, _, errs = runJobaudit(t, "", "-no-such-flag")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "usage: jobaudit")

	code, _, errs = runJobaudit(t, "", "-h")
	require.Equal(t, 0, code)
	require.Contains(t, errs, "-json")
}

func TestFormatBitrate(t *testing.T) {
	for bps, want := range map[int64]string{
		5000000: "5 Mbit/s", 5500000: "5.5 Mbit/s", 96000: "96 kbit/s", 800000: "800 kbit/s", 1500: "1.5 kbit/s", 999: "999 bit/s",
	} {
		require.Equal(t, want, formatBitrate(bps), "%d", bps)
	}
}

func TestRefusedSubmissions(t *testing.T) {
	// Two MediaConvert submissions refused at the same second are two jobs,
	// each with the settings it asked for and no id.
	record := func(eventID, destination string) string {
		return `{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"},` +
			`"eventTime":"2024-05-06T07:08:09Z","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","awsRegion":"us-west-2",` +
			`"errorCode":"BadRequestException","errorMessage":"/outputGroups/0: destination is invalid",` +
			`"requestParameters":{"role":"arn:aws:iam::111122223333:role/MediaConvertRole","settings":{"outputGroups":[{"outputGroupSettings":` +
			`{"type":"HLS_GROUP_SETTINGS","hlsGroupSettings":{"destination":"` + destination + `"}},"outputs":[{"containerSettings":{"container":"M3U8"},` +
			`"videoDescription":{"width":1280,"height":720,"codecSettings":{"codec":"H_264","h264Settings":{"rateControlMode":"CBR","bitrate":3000000}}}}]}]}},` +
			`"responseElements":null,"eventID":"` + eventID + `","eventType":"AwsApiCall"}`
	}
	stdin := `{"Records":[` + record("e1", "s3://out/a/") + `,` + record("e2", "s3://out/b/") + `]}`
	code, out, errs := runJobaudit(t, stdin)
	require.Equal(t, 0, code, errs)
	want := [][]string{
		{"SERVICE", "JOB", "SUBMITTED", "BY", "STATUS", "SETTINGS", "FATE"},
		{"MediaConvert", "-", "2024-05-06T07:08:09Z", "user/alice", "-", "HLS M3U8 H_264 1280x720 3 Mbit/s CBR -> s3://out/a/", "rejected (BadRequestException)"},
		{"MediaConvert", "-", "2024-05-06T07:08:09Z", "user/alice", "-", "HLS M3U8 H_264 1280x720 3 Mbit/s CBR -> s3://out/b/", "rejected (BadRequestException)"},
	}
	if diff := cmp.Diff(want, columns(out)); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

// TestRealWorldPrintable checks that the strings of records cannot break
// the table or drive the terminal.
func TestRealWorldPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain José":            "plain José",
		"a\tb\nc":               `a\tb\nc`,
		"\x1b[31mred\u2028":     `\x1b[31mred\u2028`,
		"bad \xff byte, \u0085": `bad ` + "\uFFFD" + ` byte, \u0085`,
	} {
		require.Equal(t, want, printable(in), "%q", in)
	}
}
