package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/s3trail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/internal/s3test"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

func TestMain(m *testing.M) { s3test.Main(m) }

// Records of the media services, and of others that the function skips.
var (
	createJob = cloudtrailtest.Fixture(mediaconvert.EventSource, "CreateJob")
	startJob  = cloudtrailtest.Fixture(transcribe.EventSource, "StartTranscriptionJob")
	putConfig = cloudtrailtest.Fixture(mediatailor.EventSource, "PutPlaybackConfiguration")
	readJob   = cloudtrailtest.Fixture(elastictranscoder.EventSource, "ReadJob",
		cloudtrailtest.WithError("AccessDeniedException", "User is not authorized to perform: elastictranscoder:ReadJob"))
	getQueue    = cloudtrailtest.Fixture(mediaconvert.EventSource, "GetQueue")
	cancelJob   = cloudtrailtest.Fixture(mediaconvert.EventSource, "CancelJob")
	getJob      = cloudtrailtest.Fixture(mediaconvert.EventSource, "GetJob")
	listJobs    = cloudtrailtest.Fixture(mediaconvert.EventSource, "ListJobs")
	deleteVocab = cloudtrailtest.Fixture(transcribe.EventSource, "DeleteVocabulary")
	others      = otherRecords(4)
)

// otherRecords returns n records of services other than the media services.
func otherRecords(n int) []*cloudtrail.Event {
	trail := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 11, Records: n, MediaFraction: -1})
	var out []*cloudtrail.Event
	for e, err := range cloudtrail.NewReader(bytes.NewReader(trail)).All() {
		if err != nil {
			panic(err)
		}
		out = append(out, e)
	}
	return out
}

// logKey returns a key of CloudTrail's layout for a log file.
func logKey(name string) string {
	return "AWSLogs/111122223333/CloudTrail/us-west-2/2026/04/01/111122223333_CloudTrail_us-west-2_20260401T1205Z_" + name + ".json.gz"
}

// The log files of the bucket.
var (
	keyA       = logKey("a")
	keyB       = logKey("b odd+name") // a key S3 writes URL-encoded in notifications
	keyCut     = logKey("cut")        // a gzip stream cut short in S3
	keyBroken  = logKey("broken")     // a record whose JSON is broken
	keyFailing = logKey("failing")    // GetObject fails: throttled
	keyReset   = logKey("reset")      // every read breaks after a few bytes
	keyMissing = logKey("missing")    // not in the bucket
	keyDigest  = "AWSLogs/111122223333/CloudTrail-Digest/us-west-2/2026/04/01/111122223333_CloudTrail-Digest_us-west-2_trail_us-west-2_20260401T130000Z.json.gz"
)

// faultyS3 is an S3 client whose reads of some keys fail.
type faultyS3 struct {
	s3trail.Client
	fail  map[string]bool // GetObject fails
	reset map[string]bool // the body breaks after 64 bytes, every time
}

func (c faultyS3) GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error) {
	if c.fail[*in.Key] {
		return nil, &smithy.GenericAPIError{Code: "SlowDown", Message: "Please reduce your request rate."}
	}
	out, err := c.Client.GetObject(ctx, in, opts...)
	if err == nil && c.reset[*in.Key] {
		out.Body = &breaking{ReadCloser: out.Body, left: 64}
	}
	return out, err
}

type breaking struct {
	io.ReadCloser
	left int
}

func (b *breaking) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errors.New("connection reset by peer")
	}
	p = p[:min(len(p), b.left)]
	n, err := b.ReadCloser.Read(p)
	b.left -= n
	return n, err
}

// bucket is the trail bucket of the tests: its name, its objects and
// the client the handler reads it with.
type bucket struct {
	name    string
	objects map[string][]byte
	client  s3trail.Client
}

func newBucket(t *testing.T) *bucket {
	srv := s3test.Start(t)
	b := &bucket{name: srv.Bucket(t), objects: map[string][]byte{}}
	gz := func(events ...*cloudtrail.Event) []byte {
		return cloudtrailtest.Encode(cloudtrailtest.GzipLogFile, events...)
	}
	b.objects[keyA] = gz(createJob, others[0], startJob)
	b.objects[keyB] = gz(putConfig, readJob, others[1])
	full := gz(getQueue, cancelJob, others[2], getJob, deleteVocab)
	b.objects[keyCut] = full[:len(full)*3/4]
	plain := cloudtrailtest.Encode(cloudtrailtest.LogFile, listJobs, getQueue)
	b.objects[keyBroken] = bytes.Replace(plain, []byte(`"eventID":"`+listJobs.EventID), []byte(`"eventID":`+listJobs.EventID), 1)
	require.NotEqual(t, plain, b.objects[keyBroken])
	b.objects[keyFailing] = gz(cancelJob)
	b.objects[keyReset] = gz(getJob)
	b.objects[keyDigest] = cloudtrailtest.DigestFile(b.name, time.Date(2026, 4, 1, 13, 0, 0, 0, time.UTC), keyA)
	for k, data := range b.objects {
		srv.Put(t, b.name, k, data)
	}
	b.client = faultyS3{
		Client: srv.Client,
		fail:   map[string]bool{keyFailing: true},
		reset:  map[string]bool{keyReset: true},
	}
	return b
}

// size returns the sizes of the objects of keys, added.
func (b *bucket) size(keys ...string) float64 {
	n := 0
	for _, k := range keys {
		n += len(b.objects[k])
	}
	return float64(n)
}

// mediaIDs returns the eventIDs of the media events of data, as a Reader
// reads them, sorted: what the function is to write of a log file.
func mediaIDs(data []byte, opts ...cloudtrail.Option) []string {
	var ids []string
	for e, err := range cloudtrail.NewReader(bytes.NewReader(data), append(opts, cloudtrail.WithEventSources(mediaSources...))...).All() {
		if err == nil {
			ids = append(ids, e.EventID)
		}
	}
	slices.Sort(ids)
	return ids
}

// ids returns the eventIDs of events, sorted.
func ids(events ...*cloudtrail.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.EventID)
	}
	slices.Sort(out)
	return out
}

// output is what an invocation wrote.
type output struct {
	lines []map[string]any
}

// invoke calls the handler with payload and returns its answer and what it
// wrote.
func invoke(t *testing.T, ctx context.Context, client s3trail.Client, cfg Config, payload []byte) (any, error, output) {
	t.Helper()
	var buf bytes.Buffer
	h := &Handler{S3: client, Logger: slog.New(slog.NewJSONHandler(&buf, nil)), Config: cfg}
	resp, err := h.Handle(ctx, payload)
	var out output
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line), "line %s", sc.Text())
		out.lines = append(out.lines, line)
	}
	return resp, err, out
}

// eventIDs returns the eventIDs of the event lines, sorted, each as often
// as written.
func (o output) eventIDs() []string {
	var out []string
	for _, l := range o.lines {
		if l["msg"] == "event" {
			out = append(out, l["event"].(map[string]any)["eventID"].(string))
		}
	}
	slices.Sort(out)
	return out
}

// problems returns the messages of the lines of level WARN and ERROR, sorted.
func (o output) problems() []string {
	var out []string
	for _, l := range o.lines {
		if l["level"] == "WARN" || l["level"] == "ERROR" {
			out = append(out, l["level"].(string)+" "+l["msg"].(string))
		}
	}
	slices.Sort(out)
	return out
}

// metrics returns the metrics of the one line in the embedded metric
// format, by name, after checking that the line is one.
func (o output) metrics(t *testing.T) map[string]float64 {
	t.Helper()
	var found []map[string]any
	for _, l := range o.lines {
		if _, ok := l["_aws"]; ok {
			found = append(found, l)
		}
	}
	require.Len(t, found, 1, "lines in the embedded metric format")
	l := found[0]
	aws := l["_aws"].(map[string]any)
	require.IsType(t, float64(0), aws["Timestamp"])
	got := map[string]float64{}
	for _, d := range aws["CloudWatchMetrics"].([]any) {
		d := d.(map[string]any)
		require.Equal(t, "MediaTrail", d["Namespace"])
		for _, set := range d["Dimensions"].([]any) {
			for _, dim := range set.([]any) {
				require.IsType(t, "", l[dim.(string)], "dimension %s", dim)
			}
		}
		ms := d["Metrics"].([]any)
		require.LessOrEqual(t, len(ms), maxMetrics)
		for _, m := range ms {
			name := m.(map[string]any)["Name"].(string)
			v, ok := l[name].(float64)
			require.True(t, ok, "metric %s has no number", name)
			got[name] = v
		}
	}
	return got
}

// counts are the metrics an invocation is to give: the totals, with zeros
// for those not set, and the counts by operation.
type counts map[string]float64

func (c counts) want() map[string]float64 {
	out := map[string]float64{}
	for _, name := range []string{"Events", "FailedCalls", "Damaged", "Skipped", "ObjectsRead", "ObjectsMissing", "ObjectsFailed", "BytesRead", "Messages", "MessagesFailed"} {
		out[name] = 0
	}
	for k, v := range c {
		out[k] = v
	}
	return out
}

// sqsIDs returns the message ids of an SQS event.
func sqsIDs(t *testing.T, payload []byte) []string {
	var ev events.SQSEvent
	require.NoError(t, json.Unmarshal(payload, &ev))
	var out []string
	for _, r := range ev.Records {
		out = append(out, r.MessageId)
	}
	return out
}

var testEvent = []byte(`{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-04-01T12:00:00.000Z","Bucket":"trail-bucket","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}`)

func TestHandle(t *testing.T) {
	b := newBucket(t)
	n := cloudtrailtest.S3Notification
	sqs := cloudtrailtest.WrapSQS
	sns := cloudtrailtest.WrapSNS
	created := cloudtrailtest.S3ObjectCreated

	batch := sqs(n(b.name, keyA), sns(n(b.name, keyFailing)), created(b.name, keyMissing))
	batchIDs := sqsIDs(t, batch)
	kinesis := cloudtrailtest.Encode(cloudtrailtest.Kinesis, createJob, others[0], readJob)
	cutIDs := mediaIDs(b.objects[keyCut])
	require.NotEmpty(t, cutIDs)
	require.Less(t, len(cutIDs), 4, "the cut file keeps some of its media records")

	tests := []struct {
		name     string
		cfg      func(*Config)
		payload  []byte
		wantIDs  []string
		wantResp any
		wantErr  bool
		counts   counts
		problems []string
	}{
		{
			name:    "S3 notification, direct",
			payload: n(b.name, keyA, keyB),
			wantIDs: ids(createJob, startJob, putConfig, readJob),
			counts: counts{"Events": 4, "FailedCalls": 1, "ObjectsRead": 2, "BytesRead": b.size(keyA, keyB), "Messages": 1,
				"mediaconvert.CreateJob": 1, "transcribe.StartTranscriptionJob": 1, "mediatailor.PutPlaybackConfiguration": 1,
				"elastictranscoder.ReadJob": 1, "elastictranscoder.ReadJob.Failed": 1},
		},
		{
			name:    "S3 notification, direct, an object throttled",
			payload: n(b.name, keyA, keyFailing),
			wantIDs: ids(createJob, startJob),
			wantErr: true,
			counts: counts{"Events": 2, "ObjectsRead": 1, "ObjectsFailed": 1, "BytesRead": b.size(keyA), "Messages": 1, "MessagesFailed": 1,
				"mediaconvert.CreateJob": 1, "transcribe.StartTranscriptionJob": 1},
			problems: []string{"ERROR log file not read: to be retried"},
		},
		{
			name:     "S3 notification, direct, reads cut off",
			payload:  n(b.name, keyReset),
			wantErr:  true,
			counts:   counts{"ObjectsFailed": 1, "BytesRead": 4 * 64, "Messages": 1, "MessagesFailed": 1},
			problems: []string{"ERROR log file not read: to be retried"},
		},
		{
			name:     "S3 notification, direct, object missing",
			payload:  n(b.name, keyMissing),
			counts:   counts{"ObjectsMissing": 1, "Messages": 1},
			problems: []string{"WARN log file missing: not retried"},
		},
		{
			name:     "S3 notification, direct, gzip cut short",
			payload:  n(b.name, keyCut),
			wantIDs:  cutIDs,
			counts:   counts{"Events": float64(len(cutIDs)), "Damaged": 1, "ObjectsRead": 1, "BytesRead": b.size(keyCut), "Messages": 1, "mediaconvert.GetQueue": 1, "mediaconvert.CancelJob": float64(len(cutIDs) - 1)},
			problems: []string{"WARN log file damaged: the records before the damage are written"},
		},
		{
			name:     "S3 notification, direct, a broken record",
			payload:  n(b.name, keyBroken),
			wantIDs:  ids(getQueue),
			counts:   counts{"Events": 1, "Damaged": 1, "ObjectsRead": 1, "BytesRead": b.size(keyBroken), "Messages": 1, "mediaconvert.GetQueue": 1},
			problems: []string{"WARN damaged record skipped"},
		},
		{
			// Known by its key, a digest file is not read.
			name:    "S3 notification, direct, digest file",
			payload: n(b.name, keyDigest),
			counts:  counts{"Skipped": 1, "Messages": 1},
		},
		{
			name:    "S3 notification, direct, writes only",
			cfg:     func(c *Config) { c.WritesOnly = true },
			payload: n(b.name, keyA, keyB),
			wantIDs: ids(createJob, startJob, putConfig),
			counts: counts{"Events": 3, "ObjectsRead": 2, "BytesRead": b.size(keyA, keyB), "Messages": 1,
				"mediaconvert.CreateJob": 1, "transcribe.StartTranscriptionJob": 1, "mediatailor.PutPlaybackConfiguration": 1},
		},
		{
			name:    "S3 notification, direct, one event name",
			cfg:     func(c *Config) { c.EventNames = []string{"CreateJob"} },
			payload: n(b.name, keyA, keyB),
			wantIDs: ids(createJob),
			counts:  counts{"Events": 1, "ObjectsRead": 2, "BytesRead": b.size(keyA, keyB), "Messages": 1, "mediaconvert.CreateJob": 1},
		},
		{
			name:     "SQS: S3, S3 through SNS, EventBridge Object Created",
			payload:  batch,
			wantIDs:  ids(createJob, startJob),
			wantResp: events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{{ItemIdentifier: batchIDs[1]}}},
			counts: counts{"Events": 2, "ObjectsRead": 1, "ObjectsMissing": 1, "ObjectsFailed": 1, "BytesRead": b.size(keyA), "Messages": 3, "MessagesFailed": 1,
				"mediaconvert.CreateJob": 1, "transcribe.StartTranscriptionJob": 1},
			problems: []string{"ERROR log file not read: to be retried", "WARN log file missing: not retried"},
		},
		{
			name:     "SQS: the same notification twice",
			payload:  sqs(n(b.name, keyB), n(b.name, keyB)),
			wantIDs:  ids(putConfig, readJob),
			wantResp: events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}},
			counts: counts{"Events": 2, "FailedCalls": 1, "ObjectsRead": 1, "BytesRead": b.size(keyB), "Messages": 2,
				"mediatailor.PutPlaybackConfiguration": 1, "elastictranscoder.ReadJob": 1, "elastictranscoder.ReadJob.Failed": 1},
		},
		{
			name:     "SQS: S3 test event",
			payload:  sqs(testEvent),
			wantResp: events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}},
			counts:   counts{"Messages": 1},
		},
		{
			name:     "SQS: EventBridge API calls",
			payload:  cloudtrailtest.Encode(cloudtrailtest.SQS, createJob, others[1], putConfig),
			wantIDs:  ids(createJob, putConfig),
			wantResp: events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}},
			counts:   counts{"Events": 2, "Messages": 3, "mediaconvert.CreateJob": 1, "mediatailor.PutPlaybackConfiguration": 1},
		},
		{
			name:     "SQS: a body that is no JSON",
			payload:  sqs([]byte(`{"Records":[{"eventVersion":`)),
			wantResp: events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}},
			counts:   counts{"Damaged": 1, "Messages": 1},
			problems: []string{"WARN damaged input skipped"},
		},
		{
			name:    "EventBridge Object Created",
			payload: created(b.name, keyB),
			wantIDs: ids(putConfig, readJob),
			counts: counts{"Events": 2, "FailedCalls": 1, "ObjectsRead": 1, "BytesRead": b.size(keyB), "Messages": 1,
				"mediatailor.PutPlaybackConfiguration": 1, "elastictranscoder.ReadJob": 1, "elastictranscoder.ReadJob.Failed": 1},
		},
		{
			name:    "EventBridge API call",
			payload: cloudtrailtest.Encode(cloudtrailtest.EventBridge, startJob),
			wantIDs: ids(startJob),
			counts:  counts{"Events": 1, "Messages": 1, "transcribe.StartTranscriptionJob": 1},
		},
		{
			name:    "EventBridge API call of another service",
			payload: cloudtrailtest.Encode(cloudtrailtest.EventBridge, others[2]),
			counts:  counts{"Messages": 1},
		},
		{
			name:    "EventBridge API call of another service, every source kept",
			cfg:     func(c *Config) { c.EventSources = nil },
			payload: cloudtrailtest.Encode(cloudtrailtest.EventBridge, others[2]),
			wantIDs: ids(others[2]),
			counts:  counts{"Events": 1, "Messages": 1, service(others[2].EventSource) + "." + others[2].EventName: 1},
		},
		{
			name:    "CloudWatch Logs subscription",
			payload: cloudtrailtest.Encode(cloudtrailtest.AWSLogs, createJob, others[0], others[1], readJob, putConfig),
			wantIDs: ids(createJob, readJob, putConfig),
			counts: counts{"Events": 3, "FailedCalls": 1, "Messages": 1,
				"mediaconvert.CreateJob": 1, "elastictranscoder.ReadJob": 1, "elastictranscoder.ReadJob.Failed": 1, "mediatailor.PutPlaybackConfiguration": 1},
		},
		{
			name:     "Kinesis",
			payload:  kinesis,
			wantIDs:  ids(createJob, readJob),
			wantResp: events.KinesisEventResponse{BatchItemFailures: []events.KinesisBatchItemFailure{}},
			counts: counts{"Events": 2, "FailedCalls": 1, "Messages": 1,
				"mediaconvert.CreateJob": 1, "elastictranscoder.ReadJob": 1, "elastictranscoder.ReadJob.Failed": 1},
		},
		{
			name:     "SNS, direct",
			payload:  []byte(`{"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","Sns":{"Type":"Notification","MessageId":"95df01b4-ee98-5cb9-9903-4c221d41eb5e","TopicArn":"arn:aws:sns:us-west-2:111122223333:trail","Message":"{\"s3Bucket\":\"` + b.name + `\",\"s3ObjectKey\":[\"` + keyA + `\"]}","Timestamp":"2026-04-01T12:05:31.000Z"}}]}`),
			wantIDs:  ids(createJob, startJob),
			counts:   counts{"Events": 2, "ObjectsRead": 1, "BytesRead": b.size(keyA), "Messages": 1, "mediaconvert.CreateJob": 1, "transcribe.StartTranscriptionJob": 1},
			problems: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{EventSources: mediaSources, Concurrency: 4}
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "req-1"})
			ctx, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			resp, err, out := invoke(t, ctx, b.client, cfg, tt.payload)
			if tt.wantErr {
				require.Error(t, err)
			} else {
				require.NoError(t, err)
			}
			if diff := cmp.Diff(tt.wantResp, resp); diff != "" {
				t.Errorf("response (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantIDs, out.eventIDs()); diff != "" {
				t.Errorf("eventIDs written (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.counts.want(), out.metrics(t)); diff != "" {
				t.Errorf("metrics (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.problems, out.problems()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			for _, l := range out.lines {
				require.Equal(t, "req-1", l["requestId"], "line %v", l)
			}
		})
	}
}

// TestEventLine checks every attribute of an event's line.
func TestEventLine(t *testing.T) {
	b := newBucket(t)
	cfg := Config{EventSources: mediaSources}
	msg := cloudtrailtest.S3Notification(b.name, keyB)
	payload := cloudtrailtest.WrapSQS(msg)
	_, err, out := invoke(t, context.Background(), b.client, cfg, payload)
	require.NoError(t, err)

	byID := map[string]map[string]any{}
	for _, l := range out.lines {
		if l["msg"] == "event" {
			delete(l, "time")
			byID[l["event"].(map[string]any)["eventID"].(string)] = l
		}
	}
	line := func(e *cloudtrail.Event, failed bool, res map[string]any) map[string]any {
		ev := map[string]any{
			"time":      e.EventTime.Format(time.RFC3339),
			"source":    e.EventSource,
			"operation": e.EventName,
			"actor":     e.Actor().String(),
			"sourceIP":  e.SourceIPAddress,
			"requestID": e.RequestID,
			"eventID":   e.EventID,
		}
		if failed {
			ev["error"] = map[string]any{"code": e.ErrorCode, "message": e.ErrorMessage}
		}
		write, _ := cloudtrail.IsWrite(e)
		return map[string]any{
			"level":     "INFO",
			"msg":       "event",
			"event":     ev,
			"account":   "111122223333",
			"region":    e.AWSRegion,
			"actorArn":  e.Actor().ARN,
			"write":     write,
			"resource":  res,
			"trigger":   "sqs",
			"messageId": sqsIDs(t, payload)[0],
			"object":    "s3://" + b.name + "/" + keyB,
		}
	}
	configs := mediatailor.PlaybackSummaries(mustDecode(t, putConfig))
	require.Len(t, configs, 1)
	want := map[string]map[string]any{
		putConfig.EventID: line(putConfig, false, map[string]any{"type": "PlaybackConfiguration", "kind": "put", "id": configs[0].Name}),
		readJob.EventID:   line(readJob, true, map[string]any{"type": "Job", "kind": "read", "id": readJob.RequestParameter("id").String()}),
	}
	require.NotEmpty(t, configs[0].Name)
	require.NotEmpty(t, readJob.RequestParameter("id").String())
	if diff := cmp.Diff(want, byID); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

func mustDecode(t *testing.T, e *cloudtrail.Event) any {
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	return v
}

// TestResourceID checks the resource named on the lines of calls whose
// resource comes from a summary, from the request, or from nowhere.
func TestResourceID(t *testing.T) {
	jobs := mediaconvert.JobSummaries(mustDecode(t, createJob))
	require.Len(t, jobs, 1)
	tests := []struct {
		e    *cloudtrail.Event
		want []slog.Attr
	}{
		{createJob, []slog.Attr{slog.String("type", "Job"), slog.String("kind", "create"), slog.String("id", jobs[0].ID)}},
		{startJob, []slog.Attr{slog.String("type", "TranscriptionJob"), slog.String("kind", "start"), slog.String("id", startJob.RequestParameter("transcriptionJobName").String())}},
		{getQueue, []slog.Attr{slog.String("type", "Queue"), slog.String("kind", "read"), slog.String("id", getQueue.RequestParameter("name").String())}},
		{deleteVocab, []slog.Attr{slog.String("type", "Vocabulary"), slog.String("kind", "delete"), slog.String("id", deleteVocab.RequestParameter("vocabularyName").String())}},
		{listJobs, []slog.Attr{slog.String("type", "Job"), slog.String("kind", "list")}},
		{others[0], nil},
	}
	for _, tt := range tests {
		t.Run(tt.e.EventName, func(t *testing.T) {
			v, _ := cloudtrail.Decode(tt.e)
			got := resource(tt.e, v)
			for _, a := range tt.want {
				if a.Key == "id" {
					require.NotEmpty(t, a.Value.String())
				}
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b slog.Attr) bool { return a.Equal(b) })); diff != "" {
				t.Errorf("resource (-want +got):\n%s", diff)
			}
		})
	}
}

// blockingS3 is an S3 client whose reads wait for the end of their
// context, as reads of an S3 that does not answer.
type blockingS3 struct{ s3trail.Client }

func (blockingS3) GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestDeadline checks that a batch whose log files cannot be read before
// the function's deadline answers in time, with the messages to retry.
func TestDeadline(t *testing.T) {
	payload := cloudtrailtest.WrapSQS(
		cloudtrailtest.S3Notification("trail-bucket", keyA),
		cloudtrailtest.Encode(cloudtrailtest.EventBridge, createJob),
	)
	timeout := 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	start := time.Now()
	resp, err, out := invoke(t, ctx, blockingS3{}, Config{EventSources: mediaSources}, payload)
	require.NoError(t, err)
	require.Less(t, time.Since(start), timeout)
	require.NoError(t, ctx.Err(), "the handler answered before its deadline")
	want := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{{ItemIdentifier: sqsIDs(t, payload)[0]}}}
	require.Equal(t, want, resp)
	require.Equal(t, ids(createJob), out.eventIDs())
	m := out.metrics(t)
	require.Equal(t, 1.0, m["ObjectsFailed"])
	require.Equal(t, 1.0, m["MessagesFailed"])
	require.NotEmpty(t, out.problems())
	for _, p := range out.problems() {
		require.True(t, strings.HasPrefix(p, "ERROR "), p)
	}
}

// TestLayout reads the log files of a generated trail, delivered by S3
// notifications through SQS.
func TestLayout(t *testing.T) {
	srv := s3test.Start(t)
	name := srv.Bucket(t)
	dir := t.TempDir()
	keys, err := cloudtrailtest.WriteS3Layout(dir, cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 5, Records: 400, MediaFraction: 0.2},
		Start:       time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		FilesPerDay: 3,
	})
	require.NoError(t, err)
	srv.PutDir(t, name, dir, keys)

	var bodies [][]byte
	var want []string
	wantCounts := counts{"Messages": float64(len(keys)), "ObjectsRead": float64(len(keys))}
	for _, k := range keys {
		bodies = append(bodies, cloudtrailtest.S3Notification(name, k))
		out, err := srv.Client.GetObject(context.Background(), &s3.GetObjectInput{Bucket: &name, Key: &k})
		require.NoError(t, err)
		data, err := io.ReadAll(out.Body)
		require.NoError(t, err)
		out.Body.Close()
		wantCounts["BytesRead"] += float64(len(data))
		for e, err := range cloudtrail.NewReader(bytes.NewReader(data), cloudtrail.WithEventSources(mediaSources...)).All() {
			require.NoError(t, err)
			want = append(want, e.EventID)
			op := service(e.EventSource) + "." + e.EventName
			wantCounts["Events"]++
			wantCounts[op]++
			if e.Failed() {
				wantCounts["FailedCalls"]++
				wantCounts[op+".Failed"]++
			}
		}
	}
	slices.Sort(want)
	require.Greater(t, len(want), 100)

	resp, err, out := invoke(t, context.Background(), srv.Client, Config{EventSources: mediaSources, Concurrency: 2}, cloudtrailtest.WrapSQS(bodies...))
	require.NoError(t, err)
	require.Equal(t, events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}, resp)
	if diff := cmp.Diff(want, out.eventIDs()); diff != "" {
		t.Errorf("eventIDs written (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantCounts.want(), out.metrics(t)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	require.Empty(t, out.problems())
}

func TestConfigFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cfg, err := configFromEnv(env(nil))
	require.NoError(t, err)
	require.Equal(t, Config{EventSources: mediaSources, Namespace: "MediaTrail", Concurrency: s3trail.DefaultConcurrency()}, cfg)

	cfg, err = configFromEnv(env(map[string]string{
		"AWS_LAMBDA_FUNCTION_NAME":     "media-trail",
		"MEDIATRAIL_EVENT_SOURCES":     "aws.mediaconvert, transcribe.amazonaws.com",
		"MEDIATRAIL_EVENT_NAMES":       "CreateJob,StartTranscriptionJob",
		"MEDIATRAIL_WRITES_ONLY":       "true",
		"MEDIATRAIL_METRICS_NAMESPACE": "Media",
		"MEDIATRAIL_CONCURRENCY":       "3",
	}))
	require.NoError(t, err)
	require.Equal(t, Config{
		EventSources: []string{"aws.mediaconvert", "transcribe.amazonaws.com"},
		EventNames:   []string{"CreateJob", "StartTranscriptionJob"},
		WritesOnly:   true,
		Namespace:    "Media",
		FunctionName: "media-trail",
		Concurrency:  3,
	}, cfg)

	cfg, err = configFromEnv(env(map[string]string{"MEDIATRAIL_EVENT_SOURCES": "*"}))
	require.NoError(t, err)
	require.Nil(t, cfg.EventSources)

	for _, bad := range []map[string]string{{"MEDIATRAIL_WRITES_ONLY": "sometimes"}, {"MEDIATRAIL_CONCURRENCY": "0"}, {"MEDIATRAIL_CONCURRENCY": "many"}} {
		_, err := configFromEnv(env(bad))
		require.Error(t, err, "%v", bad)
	}
}

func TestTrigger(t *testing.T) {
	f := createJob
	tests := []struct {
		payload []byte
		want    string
	}{
		{cloudtrailtest.S3Notification("b", "k"), triggerS3},
		{cloudtrailtest.WrapSQS(cloudtrailtest.S3Notification("b", "k")), triggerSQS},
		{cloudtrailtest.Encode(cloudtrailtest.Kinesis, f), triggerKinesis},
		{cloudtrailtest.S3ObjectCreated("b", "k"), triggerEventBridge},
		{cloudtrailtest.Encode(cloudtrailtest.EventBridge, f), triggerEventBridge},
		{cloudtrailtest.Encode(cloudtrailtest.AWSLogs, f), triggerCWLogs},
		{[]byte(`{"Records":[{"EventSource":"aws:sns","Sns":{}}]}`), triggerSNS},
		{cloudtrailtest.Encode(cloudtrailtest.LogFile, f), triggerOther},
		{[]byte(`[1,2]`), triggerOther},
	}
	for _, tt := range tests {
		got := trigger(tt.payload)
		require.Equal(t, tt.want, got, "%s", strings.ToValidUTF8(string(tt.payload[:min(80, len(tt.payload))]), "?"))
	}
}
