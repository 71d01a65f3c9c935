package cloudtrail_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// readFile reads one file of testdata/containers through a Reader.
func readFile(t *testing.T, name string, opts ...cloudtrail.Option) (*cloudtrail.Reader, []result) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "containers", name))
	if err != nil {
		t.Fatal(err)
	}
	r := cloudtrail.NewReader(bytes.NewReader(data), opts...)
	return r, readResults(t, r)
}

// summary is "source name" for an event, or the NotRecordsKind or error
// type for an error.
func summary(rs []result) []string {
	var out []string
	for _, r := range rs {
		var nre *cloudtrail.NotRecordsError
		switch {
		case r.err == nil:
			out = append(out, r.event.EventSource+" "+r.event.EventName)
		case errors.As(r.err, &nre):
			out = append(out, "not records: "+string(nre.Kind))
		default:
			out = append(out, "error: "+r.err.Error())
		}
	}
	return out
}

// TestContainers reads every sample container and checks what comes out.
func TestContainers(t *testing.T) {
	tests := []struct {
		file       string
		format     cloudtrail.Format
		compressed bool
		want       []string
		delivery   cloudtrail.Format // Delivery.Format of the events
	}{
		{"log-file-records-last.json", cloudtrail.FormatLogFile, false, []string{
			"mediaconvert.amazonaws.com CreateJob", "s3.amazonaws.com GetObject", "transcribe.amazonaws.com StartTranscriptionJob"}, cloudtrail.FormatLogFile},
		{"log-file-multimember.json.gz", cloudtrail.FormatLogFile, true, []string{
			"mediaconvert.amazonaws.com CreateJob", "s3.amazonaws.com GetObject", "transcribe.amazonaws.com StartTranscriptionJob", "mediatailor.amazonaws.com PutPlaybackConfiguration"}, cloudtrail.FormatLogFile},
		{"records-array.json", cloudtrail.FormatArray, false, []string{
			"mediaconvert.amazonaws.com GetJob", "mediatailor.amazonaws.com PutPlaybackConfiguration"}, cloudtrail.FormatArray},
		{"records-lines.jsonl", cloudtrail.FormatLines, false, []string{
			"mediaconvert.amazonaws.com CreateJob", "s3.amazonaws.com GetObject", "mediatailor.amazonaws.com PutPlaybackConfiguration"}, cloudtrail.FormatRecord},
		{"records-concatenated.json", cloudtrail.FormatLines, false, []string{
			"mediaconvert.amazonaws.com GetJob", "transcribe.amazonaws.com StartTranscriptionJob"}, cloudtrail.FormatRecord},
		{"eventbridge-api-call.json", cloudtrail.FormatEventBridge, false, []string{
			"mediaconvert.amazonaws.com CreateJob"}, cloudtrail.FormatEventBridge},
		{"eventbridge-firehose.jsonl", cloudtrail.FormatLines, false, []string{
			"mediaconvert.amazonaws.com GetJob", "not records: " + string(cloudtrail.KindOtherEvent), "signin.amazonaws.com ConsoleLogin", "transcribe.amazonaws.com StartTranscriptionJob"}, cloudtrail.FormatEventBridge},
		{"cloudwatch-logs.json", cloudtrail.FormatCloudWatchLogs, false, []string{
			"mediaconvert.amazonaws.com CreateJob", "s3.amazonaws.com GetObject"}, cloudtrail.FormatCloudWatchLogs},
		{"cloudwatch-logs-lambda.json", cloudtrail.FormatCloudWatchLogs, false, []string{
			"mediaconvert.amazonaws.com CreateJob", "s3.amazonaws.com GetObject"}, cloudtrail.FormatCloudWatchLogs},
		{"cloudwatch-logs-control.json", cloudtrail.FormatCloudWatchLogs, false, nil, 0},
		{"lookup-events.json", cloudtrail.FormatLookupEvents, false, []string{
			"mediaconvert.amazonaws.com CreateJob", "mediaconvert.amazonaws.com GetJob"}, cloudtrail.FormatLookupEvents},
		{"lookup-event-single.json", cloudtrail.FormatLookupEvents, false, []string{
			"mediaconvert.amazonaws.com CreateJob"}, cloudtrail.FormatLookupEvents},
		{"insights-log.json", cloudtrail.FormatLogFile, false, []string{" ", " "}, cloudtrail.FormatLogFile},
		{"digest.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindDigestFile)}, 0},
		{"validation-message.txt", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindValidationMessage)}, 0},
		{"sns-validation-message.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindValidationMessage)}, 0},
		{"s3-test-event.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindS3TestEvent)}, 0},
		{"s3-notification.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindS3Notification)}, 0},
		{"cloudtrail-notification.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindLogFileNotification)}, 0},
		{"sns-notification.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindLogFileNotification)}, 0},
		{"sqs-lambda-sns.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindLogFileNotification)}, 0},
		// Events the services send themselves; see TestServiceEvents for
		// them with WithServiceEvents.
		{"eventbridge-mediaconvert-job-state-change.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindOtherEvent)}, 0},
		{"eventbridge-transcribe-job-state-change.json", cloudtrail.FormatNotRecords, false, []string{"not records: " + string(cloudtrail.KindOtherEvent)}, 0},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		seen[tc.file] = true
		t.Run(tc.file, func(t *testing.T) {
			r, rs := readFile(t, tc.file)
			if diff := cmp.Diff(tc.want, summary(rs)); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
			if got := r.Format(); got != tc.format {
				t.Errorf("Format() = %v, want %v", got, tc.format)
			}
			if got := r.Compressed(); got != tc.compressed {
				t.Errorf("Compressed() = %v, want %v", got, tc.compressed)
			}
			idx := 0
			for _, res := range rs {
				if res.err != nil {
					continue
				}
				d := res.event.Delivery
				if d.Format != tc.delivery || d.Index != idx {
					t.Errorf("event %d: Delivery.Format %v Index %d, want %v %d", idx, d.Format, d.Index, tc.delivery, idx)
				}
				idx++
			}
		})
	}
	// Every sample is covered.
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "containers", "*"))
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("sample %s is not tested", filepath.Base(f))
		}
	}
}

func TestEventBridgeDelivery(t *testing.T) {
	_, rs := readFile(t, "eventbridge-api-call.json")
	e := events(t, rs)[0]
	want := &cloudtrail.EventBridgeDelivery{
		Version:    "0",
		ID:         "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
		DetailType: "AWS API Call via CloudTrail",
		Source:     "aws.mediaconvert",
		Account:    "111122223333",
		Time:       time.Date(2024, 4, 4, 17, 45, 26, 0, time.UTC),
		Region:     "us-west-2",
	}
	if diff := cmp.Diff(want, e.Delivery.EventBridge); diff != "" {
		t.Errorf("EventBridge delivery (-want +got):\n%s", diff)
	}
	if e.EventID != "0987dcba-09fe-87dc-65ba-ab0987654321" || e.Actor().String() != "role/MediaAdmin (session media-admin)" {
		t.Errorf("the record is not the detail: %s %s", e.EventID, e.Actor())
	}
	if !strings.HasPrefix(string(e.Raw()), `{`) || e.Delivery.Offset <= 0 {
		t.Errorf("Raw is not the detail object, or no offset: %d", e.Delivery.Offset)
	}

	// Every "... via CloudTrail" detail-type carries a record; others do not.
	rec := `{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob"}`
	for _, dt := range []string{
		"AWS API Call via CloudTrail",
		"AWS Console Sign In via CloudTrail",
		"AWS Service Event via CloudTrail",
		"AWS Insight via CloudTrail",
		"AWS Console Action via CloudTrail",
	} {
		in := `{"version":"0","id":"1","detail-type":"` + dt + `","source":"aws.mediaconvert","account":"111122223333","time":"2024-01-01T00:00:00Z","region":"us-east-1","resources":["arn:aws:mediaconvert:us-east-1:111122223333:queues/Default"],"detail":` + rec + `}`
		evs := events(t, readResults(t, cloudtrail.NewReader(strings.NewReader(in))))
		if len(evs) != 1 || evs[0].Delivery.EventBridge.DetailType != dt || len(evs[0].Delivery.EventBridge.Resources) != 1 {
			t.Errorf("%s: %d events", dt, len(evs))
		}
	}
	in := `{"version":"0","id":"2","detail-type":"Object Created","source":"aws.s3","account":"111122223333","time":"2024-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{"bucket":{"name":"amzn-s3-demo-bucket"},"object":{"key":"AWSLogs/x.json.gz"}}}`
	rs = readResults(t, cloudtrail.NewReader(strings.NewReader(in)))
	var nre *cloudtrail.NotRecordsError
	if len(rs) != 1 || !errors.As(rs[0].err, &nre) || nre.Kind != cloudtrail.KindS3Notification || nre.Bucket != "amzn-s3-demo-bucket" || !errors.Is(rs[0].err, cloudtrail.ErrNotification) {
		t.Errorf("S3 Object Created event: %v", rs)
	}
}

func TestCloudWatchLogsDelivery(t *testing.T) {
	for _, file := range []string{"cloudwatch-logs.json", "cloudwatch-logs-lambda.json"} {
		_, rs := readFile(t, file)
		evs := events(t, rs)
		want := &cloudtrail.CloudWatchLogsDelivery{
			MessageType:         "DATA_MESSAGE",
			Owner:               "111122223333",
			LogGroup:            "aws-cloudtrail-logs-111122223333-media",
			LogStream:           "111122223333_CloudTrail_us-west-2",
			SubscriptionFilters: []string{"media-to-lambda"},
			EventID:             "37934582984217391289571628349817239847128937418924",
			Timestamp:           time.UnixMilli(1712252780000).UTC(),
		}
		if diff := cmp.Diff(want, evs[1].Delivery.CloudWatchLogs); diff != "" {
			t.Errorf("%s: CloudWatch Logs delivery (-want +got):\n%s", file, diff)
		}
		if evs[0].Delivery.CloudWatchLogs.EventID == evs[1].Delivery.CloudWatchLogs.EventID {
			t.Errorf("%s: log events share their delivery", file)
		}
	}
}

func TestLookupEventsDelivery(t *testing.T) {
	_, rs := readFile(t, "lookup-events.json")
	evs := events(t, rs)
	f, tr := false, true
	want := []*cloudtrail.LookupEventsDelivery{{
		EventID:     "0987dcba-09fe-87dc-65ba-ab0987654321",
		EventName:   "CreateJob",
		EventSource: "mediaconvert.amazonaws.com",
		EventTime:   time.Date(2024, 4, 4, 17, 45, 26, 0, time.UTC),
		Username:    "media-admin",
		AccessKeyID: "ASIAEXAMPLEKEY123456",
		ReadOnly:    &f,
		Resources:   []cloudtrail.LookupResource{{ResourceType: "AWS::MediaConvert::Queue", ResourceName: "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default"}},
		NextToken:   "kbOt5LlZe++mErCebpy2TgaMgmDvF1kYGFcH64JSjIbZFjsuvrSqg66b5YGssKutDYIyII4lrP4IDbeQdiObkp9YAlju3oXd12juy3CIZW8=",
	}, {
		EventID:     "1111aaaa-09fe-87dc-65ba-ab0987654321",
		EventName:   "GetJob",
		EventSource: "mediaconvert.amazonaws.com",
		EventTime:   time.Unix(1712252821, 0).UTC(),
		Username:    "media-admin",
		AccessKeyID: "ASIAEXAMPLEKEY123456",
		ReadOnly:    &tr,
		NextToken:   "kbOt5LlZe++mErCebpy2TgaMgmDvF1kYGFcH64JSjIbZFjsuvrSqg66b5YGssKutDYIyII4lrP4IDbeQdiObkp9YAlju3oXd12juy3CIZW8=",
	}}
	for i, e := range evs {
		if diff := cmp.Diff(want[i], e.Delivery.LookupEvents); diff != "" {
			t.Errorf("event %d: LookupEvents delivery (-want +got):\n%s", i, diff)
		}
		if e.EventID != want[i].EventID {
			t.Errorf("event %d: the record is not the CloudTrailEvent", i)
		}
	}
}

// TestNotRecords checks the errors of values that carry no records: what
// they say, which errors they match, and where they point.
func TestNotRecords(t *testing.T) {
	key1 := "AWSLogs/111122223333/CloudTrail/us-west-2/2024/04/04/111122223333_CloudTrail_us-west-2_20240404T1705Z_EXAMPLE1.json.gz"
	key2 := strings.Replace(key1, "EXAMPLE1", "EXAMPLE2", 1)
	tests := []struct {
		file   string
		kind   cloudtrail.NotRecordsKind
		is     error
		via    []string
		bucket string
		keys   []string
		text   string
	}{
		{"digest.json", cloudtrail.KindDigestFile, cloudtrail.ErrDigestFile, nil, "amzn-s3-demo-bucket",
			[]string{key1, strings.Replace(key1, "1705Z_EXAMPLE1", "1710Z_EXAMPLE2", 1)}, "CloudTrail digest file at offset 0"},
		{"validation-message.txt", cloudtrail.KindValidationMessage, cloudtrail.ErrValidationMessage, nil, "", nil, "CloudTrail validation message"},
		{"sns-validation-message.json", cloudtrail.KindValidationMessage, cloudtrail.ErrValidationMessage, []string{"SNS notification"}, "", nil, "(in SNS notification)"},
		{"s3-test-event.json", cloudtrail.KindS3TestEvent, cloudtrail.ErrTestEvent, nil, "amzn-s3-demo-bucket", nil, "S3 test event"},
		{"s3-notification.json", cloudtrail.KindS3Notification, cloudtrail.ErrNotification, nil, "amzn-s3-demo-bucket", []string{key1}, "ObjectCreated:Put"},
		{"cloudtrail-notification.json", cloudtrail.KindLogFileNotification, cloudtrail.ErrNotification, nil, "amzn-s3-demo-bucket", []string{key1, key2}, "s3://amzn-s3-demo-bucket/" + key1},
		{"sns-notification.json", cloudtrail.KindLogFileNotification, cloudtrail.ErrNotification, []string{"SNS notification"}, "amzn-s3-demo-bucket", []string{key1, key2}, "(in SNS notification)"},
		{"sqs-lambda-sns.json", cloudtrail.KindLogFileNotification, cloudtrail.ErrNotification, []string{"SQS message", "SNS notification"}, "amzn-s3-demo-bucket", []string{key1, key2}, "(in SNS notification in SQS message)"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, rs := readFile(t, tc.file)
			if len(rs) != 1 {
				t.Fatalf("got %d results, want 1", len(rs))
			}
			err := rs[0].err
			var nre *cloudtrail.NotRecordsError
			if !errors.As(err, &nre) {
				t.Fatalf("error %v, want *NotRecordsError", err)
			}
			if !errors.Is(err, cloudtrail.ErrNotRecords) || !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v) fails for ErrNotRecords or %v", err, tc.is)
			}
			if errors.Is(err, cloudtrail.ErrSyntax) {
				t.Errorf("%v matches ErrSyntax", err)
			}
			got := struct {
				Kind   cloudtrail.NotRecordsKind
				Via    []string
				Bucket string
				Keys   []string
			}{nre.Kind, nre.Via, nre.Bucket, nre.Keys}
			want := got
			want.Kind, want.Via, want.Bucket, want.Keys = tc.kind, tc.via, tc.bucket, tc.keys
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !strings.Contains(err.Error(), tc.text) || !strings.Contains(err.Error(), "carries no CloudTrail records") {
				t.Errorf("message %q does not say %q", err.Error(), tc.text)
			}
		})
	}
}

func TestNotRecordsInline(t *testing.T) {
	sqsBody := `{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"k1\"]}`
	tests := []struct {
		name string
		in   string
		kind cloudtrail.NotRecordsKind
		via  []string
		keys []string
	}{
		{"SQS ReceiveMessage output", `{"Messages":[{"MessageId":"1","ReceiptHandle":"h","MD5OfBody":"x","Body":"` + sqsBody + `"}]}`, cloudtrail.KindLogFileNotification, []string{"SQS message"}, []string{"k1"}},
		{"SQS message", `{"MessageId":"1","ReceiptHandle":"h","Body":"` + sqsBody + `"}`, cloudtrail.KindLogFileNotification, []string{"SQS message"}, []string{"k1"}},
		{"SQS text body", `{"MessageId":"1","ReceiptHandle":"h","Body":"hello"}`, cloudtrail.KindSQSMessage, []string{"SQS message"}, nil},
		{"SNS to Lambda", `{"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn","Sns":{"Type":"Notification","MessageId":"m","Message":"` + sqsBody + `"}}]}`, cloudtrail.KindLogFileNotification, []string{"SNS notification"}, []string{"k1"}},
		{"SNS subscription confirmation", `{"Type":"SubscriptionConfirmation","MessageId":"m","Message":"You have chosen to subscribe","SubscribeURL":"https://sns"}`, cloudtrail.KindSNSNotification, nil, nil},
		{"S3 key decoding", `{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"AWSLogs/my+file%3D1.json.gz"}}}]}`, cloudtrail.KindS3Notification, nil, []string{"AWSLogs/my file=1.json.gz"}},
		{"S3 test event in SQS", `{"Records":[{"messageId":"1","receiptHandle":"h","eventSource":"aws:sqs","body":"{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}"}]}`, cloudtrail.KindS3TestEvent, []string{"SQS message"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := readResults(t, cloudtrail.NewReader(strings.NewReader(tc.in)))
			var nre *cloudtrail.NotRecordsError
			if len(rs) != 1 || !errors.As(rs[0].err, &nre) {
				t.Fatalf("got %v, want one *NotRecordsError", summary(rs))
			}
			if nre.Kind != tc.kind || !cmp.Equal(nre.Via, tc.via) || !cmp.Equal(nre.Keys, tc.keys) {
				t.Errorf("got kind %q via %q keys %q", nre.Kind, nre.Via, nre.Keys)
			}
		})
	}
}

// TestRecordsInWrappers checks that records wrapped in SNS and SQS
// messages (an EventBridge rule that targets SNS, say) come out as events.
func TestRecordsInWrappers(t *testing.T) {
	rec := `{"eventVersion":"1.08","eventSource":"transcribe.amazonaws.com","eventName":"GetTranscriptionJob"}`
	eb := `{"version":"0","id":"e","detail-type":"AWS API Call via CloudTrail","source":"aws.transcribe","detail":` + rec + `}`
	msg, err := json.Marshal(map[string]string{"Type": "Notification", "MessageId": "m", "TopicArn": "arn", "Message": eb})
	if err != nil {
		t.Fatal(err)
	}
	sns := string(msg)
	evs := events(t, readResults(t, cloudtrail.NewReader(strings.NewReader(sns))))
	if len(evs) != 1 || evs[0].EventName != "GetTranscriptionJob" {
		t.Fatalf("got %d events", len(evs))
	}
	d := evs[0].Delivery
	if d.Format != cloudtrail.FormatEventBridge || d.EventBridge == nil || !cmp.Equal(d.Via, []string{"SNS notification"}) {
		t.Errorf("Delivery %+v", d)
	}

	// A Kinesis record of a CloudWatch Logs subscription.
	data, _ := os.ReadFile(filepath.Join("..", "testdata", "containers", "cloudwatch-logs-lambda.json"))
	start := bytes.Index(data, []byte(`"data": "`)) + len(`"data": "`)
	b64 := string(data[start : start+bytes.IndexByte(data[start:], '"')])
	if _, err := base64.StdEncoding.DecodeString(b64); err != nil {
		t.Fatal(err)
	}
	kin := `{"Records":[{"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"p","sequenceNumber":"1","data":"` + b64 + `"},"eventSource":"aws:kinesis","eventID":"shardId-000000000000:1"}]}`
	evs = events(t, readResults(t, cloudtrail.NewReader(strings.NewReader(kin))))
	if len(evs) != 2 || evs[0].Delivery.CloudWatchLogs == nil || !cmp.Equal(evs[0].Delivery.Via, []string{"Kinesis record"}) {
		t.Fatalf("Kinesis: %d events", len(evs))
	}
}

// TestInsights checks the choice made for Insights log files: their
// records are delivered as events (with no userIdentity), and the source
// filter matches them on insightDetails.eventSource.
func TestInsights(t *testing.T) {
	_, rs := readFile(t, "insights-log.json")
	evs := events(t, rs)
	if len(evs) != 2 {
		t.Fatalf("got %d events, want 2", len(evs))
	}
	for _, e := range evs {
		if e.EventType != "AwsCloudTrailInsight" || e.UserIdentity != nil || len(e.InsightDetails) == 0 || e.EventCategory != "Insight" {
			t.Errorf("Insights event decoded as %+v", e)
		}
	}
	_, rs = readFile(t, "insights-log.json", cloudtrail.WithEventSources("aws.mediaconvert"), cloudtrail.WithEventNames("CreateJob"))
	if got := len(events(t, rs)); got != 2 {
		t.Errorf("filter on the insight's source: %d events, want 2", got)
	}
	_, rs = readFile(t, "insights-log.json", cloudtrail.WithEventSources("s3.amazonaws.com"))
	if got := len(events(t, rs)); got != 0 {
		t.Errorf("filter on another source: %d events, want 0", got)
	}
}

func TestFormatString(t *testing.T) {
	for f := cloudtrail.FormatUnknown; f <= cloudtrail.FormatNotRecords; f++ {
		if s := f.String(); s == "" || strings.HasPrefix(s, "Format(") {
			t.Errorf("Format(%d).String() = %q", f, s)
		}
	}
	if s := cloudtrail.Format(99).String(); s != "Format(99)" {
		t.Errorf("Format(99).String() = %q", s)
	}
}

// cloudWatchLogsPayload returns a CloudWatch Logs DATA_MESSAGE of a log
// group and stream with one log event per message; log event i has the id
// cloudWatchLogsEventID(i).
func cloudWatchLogsPayload(t *testing.T, group, stream string, messages []string) string {
	t.Helper()
	type logEvent struct {
		ID        string `json:"id"`
		Timestamp int64  `json:"timestamp"`
		Message   string `json:"message"`
	}
	p := struct {
		MessageType         string     `json:"messageType"`
		Owner               string     `json:"owner"`
		LogGroup            string     `json:"logGroup"`
		LogStream           string     `json:"logStream"`
		SubscriptionFilters []string   `json:"subscriptionFilters"`
		LogEvents           []logEvent `json:"logEvents"`
	}{"DATA_MESSAGE", "111122223333", group, stream, []string{"media-to-lambda"}, []logEvent{}}
	for i, m := range messages {
		p.LogEvents = append(p.LogEvents, logEvent{cloudWatchLogsEventID(i), 1552518348220 + int64(i), m})
	}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	return string(b)
}

// cloudWatchLogsEventID is the id of log event i of cloudWatchLogsPayload.
func cloudWatchLogsEventID(i int) string {
	return fmt.Sprintf("31953106606966983378809025079804211143289615424%02dEXAMPLE", i)
}

// awslogs wraps a CloudWatch Logs payload as a subscription delivers it to
// Lambda: gzipped and base64-encoded in {"awslogs":{"data":...}}.
func awslogs(t *testing.T, payload string) string {
	t.Helper()
	return `{"awslogs":{"data":"` + base64.StdEncoding.EncodeToString(gz(t, []byte(payload))) + `"}}`
}

// TestCloudWatchLogsNotRecords reads CloudWatch Logs payloads whose log
// events are not all CloudTrail records, such as those of a Lambda
// function's log group: the records around them come out, in order, and
// each other log event gives a *RecordError, caused by a
// *LogEventError, that names the log event and its log group and stream.
func TestCloudWatchLogsNotRecords(t *testing.T) {
	const (
		group  = "/aws/lambda/my-function"
		stream = "2019/03/13/[$LATEST]94fa867e5374431291a7fc14e2f56ae7"
	)
	rec := func(source, name string) string {
		return `{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","accountId":"111122223333"},"eventTime":"2024-04-04T17:45:26Z","eventSource":"` + source + `","eventName":"` + name + `","awsRegion":"us-west-2","eventID":"0987dcba-09fe-87dc-65ba-ab0987654321","eventType":"AwsApiCall","recipientAccountId":"111122223333"}`
	}
	createJob, getObject := rec("mediaconvert.amazonaws.com", "CreateJob"), rec("s3.amazonaws.com", "GetObject")
	brokenRecord := `{"eventVersion":"1.09","eventSource":"s3.amazonaws.com","eventName":"GetObject"`
	eventBridge := `{"version":"0","id":"e","detail-type":"AWS API Call via CloudTrail","source":"aws.mediaconvert","detail":` + createJob + `}`
	quoted, err := json.Marshal(getObject)
	require.NoError(t, err)

	// want is what one log event gives.
	type want struct {
		event   string   // the eventName of the record, or "" for an error
		is      error    // the error errors.Is matches: ErrNotRecord or ErrSyntax
		message string   // LogEventError.Message, for ErrNotRecord
		cause   []string // what the text of the cause says, for ErrSyntax
	}
	record := func(name string) want { return want{event: name} }
	notRecord := func(start string) want { return want{is: cloudtrail.ErrNotRecord, message: start} }
	tests := []struct {
		name     string
		messages []string
		want     []want
	}{
		{"Lambda console test event",
			[]string{"[ERROR] First test message", "[ERROR] Second test message"},
			[]want{notRecord("[ERROR] First test message"), notRecord("[ERROR] Second test message")}},
		{"Lambda text between records",
			[]string{createJob, "[ERROR] First test message", getObject},
			[]want{record("CreateJob"), notRecord("[ERROR] First test message"), record("GetObject")}},
		{"Lambda START, END and REPORT lines",
			[]string{
				"START RequestId: 8f507cfc-2f2e-4ea7-a2f2-ecc1e8f0c2ba Version: $LATEST\n",
				createJob,
				"END RequestId: 8f507cfc-2f2e-4ea7-a2f2-ecc1e8f0c2ba\n",
				"REPORT RequestId: 8f507cfc-2f2e-4ea7-a2f2-ecc1e8f0c2ba\tDuration: 46.84 ms\tBilled Duration: 47 ms\tMemory Size: 192 MB\tMax Memory Used: 72 MB\t\n",
				getObject,
			},
			[]want{
				notRecord("START RequestId: 8f507cfc-2f2e-4ea7-a2f2..."),
				record("CreateJob"),
				notRecord("END RequestId: 8f507cfc-2f2e-4ea7-a2f2-e..."),
				notRecord("REPORT RequestId: 8f507cfc-2f2e-4ea7-a2f..."),
				record("GetObject"),
			}},
		{"JSON log lines",
			[]string{
				`{"level":"info","msg":"x"}`,
				getObject,
				`{"level":"INFO","location":"handler:12","message":"job submitted","service":"media"}`,
				createJob,
			},
			[]want{
				notRecord(`{"level":"info","msg":"x"}`),
				record("GetObject"),
				notRecord(`{"level":"INFO","location":"handler:12",...`),
				record("CreateJob"),
			}},
		{"JSON that is no object",
			[]string{`42`, `[1,2]`, `[]`, `"done"`, `true`, createJob, ``, `{"a":{}}`},
			[]want{notRecord(`42`), notRecord(`[1,2]`), notRecord(`[]`), notRecord(`done`), notRecord(`true`), record("CreateJob"), notRecord(``), notRecord(`{"a":{}}`)}},
		{"broken JSON that is no record",
			[]string{`{level: info}`, `[INFO]	2024-04-04T17:45:26.000Z	job submitted`, getObject},
			[]want{notRecord(`{level: info}`), notRecord("[INFO]\t2024-04-04T17:45:26.000Z\tjob subm..."), record("GetObject")}},
		{"start cut between characters",
			[]string{strings.Repeat("a", 39) + "é and more"},
			[]want{notRecord(strings.Repeat("a", 39) + "...")}},
		{"record with broken JSON",
			[]string{createJob, brokenRecord, getObject},
			[]want{record("CreateJob"), {is: cloudtrail.ErrSyntax, cause: []string{"invalid JSON", fmt.Sprintf("byte %d of the record", len(brokenRecord))}}, record("GetObject")}},
		{"containers and encoded records still read",
			[]string{eventBridge, string(quoted), "  " + getObject + "\n"},
			[]want{record("CreateJob"), record("GetObject"), record("GetObject")}},
	}
	for _, tc := range tests {
		payload := cloudWatchLogsPayload(t, group, stream, tc.messages)
		require.Len(t, tc.want, len(tc.messages), "%s: one result per log event", tc.name)
		for _, form := range []string{"plain", "awslogs", "lenient"} {
			t.Run(tc.name+"/"+form, func(t *testing.T) {
				in := payload
				var opts []cloudtrail.Option
				switch form {
				case "awslogs":
					in = awslogs(t, payload)
				case "lenient":
					opts = append(opts, cloudtrail.Lenient())
				}
				r := cloudtrail.NewReader(strings.NewReader(in), opts...)
				rs := readResults(t, r)
				require.Len(t, rs, len(tc.want), "results: %q", summary(rs))
				require.Equal(t, cloudtrail.FormatCloudWatchLogs, r.Format())
				for i, w := range tc.want {
					id := cloudWatchLogsEventID(i)
					// Every log event counts as a record. Offsets point at
					// the log event, or at the awslogs object it came in.
					off := int64(0)
					if form != "awslogs" {
						off = int64(strings.Index(in, `{"id":"`+id+`"`))
						require.Positive(t, off)
					}
					if w.event != "" {
						require.NoError(t, rs[i].err, "log event %d", i)
						e := rs[i].event
						require.Equal(t, w.event, e.EventName, "log event %d", i)
						require.Equal(t, i, e.Delivery.Index)
						require.Equal(t, off, e.Delivery.Offset)
						require.Equal(t, id, e.Delivery.CloudWatchLogs.EventID)
						require.Equal(t, group, e.Delivery.CloudWatchLogs.LogGroup)
						continue
					}
					err := rs[i].err
					require.Error(t, err, "log event %d", i)
					require.Nil(t, rs[i].event)
					var re *cloudtrail.RecordError
					require.ErrorAs(t, err, &re)
					require.Equal(t, i, re.Index)
					require.Equal(t, off, re.Offset)
					require.ErrorIs(t, err, w.is)
					var le *cloudtrail.LogEventError
					require.ErrorAs(t, err, &le)
					require.Equal(t, cloudtrail.LogEventError{Event: i, ID: id, LogGroup: group, LogStream: stream, Message: w.message, Err: le.Err}, *le)
					prefix := fmt.Sprintf("cloudtrail: record %d at offset %d: log event %d (id %s) of log group %s, stream %s", i, off, i, id, group, stream)
					if w.is == cloudtrail.ErrNotRecord {
						require.NotErrorIs(t, err, cloudtrail.ErrSyntax)
						require.Equal(t, prefix+fmt.Sprintf(", is not a CloudTrail record: %q", w.message), err.Error())
					} else {
						require.NotErrorIs(t, err, cloudtrail.ErrNotRecord)
						// The text of the syntax error follows the names.
						cause := strings.TrimPrefix(le.Err.Error(), "cloudtrail: ")
						require.Equal(t, prefix+": "+cause, err.Error())
						for _, c := range w.cause {
							require.Contains(t, cause, c)
						}
					}
				}
			})
		}
	}
}

// TestCloudWatchLogsLogEventErrors checks the other errors about log
// events: a log event without a message, and the errors about the records
// of a message that holds several.
func TestCloudWatchLogsLogEventErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the results, as summary gives them, with {off} for the offset of the first log event
	}{
		{"no message",
			`{"messageType":"DATA_MESSAGE","logGroup":"g","logStream":"s","logEvents":[{"id":"1","timestamp":1},{"id":"2","message":"{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}"}]}`,
			[]string{"error: cloudtrail: record 0 at offset {off}: log event 0 (id 1) of log group g, stream s: not a CloudTrail record: the log event has no message string", "s3.amazonaws.com GetObject"}},
		{"log file in a message",
			`{"messageType":"DATA_MESSAGE","logGroup":"g","logStream":"s","logEvents":[{"id":"1","message":"{\"Records\":[{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"},5,{\"a\":1}]}"}]}`,
			[]string{"s3.amazonaws.com GetObject",
				"error: cloudtrail: record 1 at offset {off}: log event 0 (id 1) of log group g, stream s: not a CloudTrail record: the value is JSON number",
				"error: cloudtrail: record 2 at offset {off}: log event 0 (id 1) of log group g, stream s: not a CloudTrail record: a JSON object with members a"}},
		{"empty object",
			`{"messageType":"DATA_MESSAGE","logGroup":"g","logStream":"s","logEvents":[{"id":"1","message":"{}"}]}`,
			[]string{`error: cloudtrail: record 0 at offset {off}: log event 0 (id 1) of log group g, stream s, is not a CloudTrail record: "{}"`}},
		{"no log group nor stream",
			`{"messageType":"DATA_MESSAGE","logEvents":[{"message":"hello"}]}`,
			[]string{`error: cloudtrail: record 0 at offset {off}: log event 0 is not a CloudTrail record: "hello"`}},
		{"no log stream",
			`{"messageType":"DATA_MESSAGE","logGroup":"g","logEvents":[{"id":"1","message":"hello"}]}`,
			[]string{`error: cloudtrail: record 0 at offset {off}: log event 0 (id 1) of log group g is not a CloudTrail record: "hello"`}},
		{"no log group",
			`{"messageType":"DATA_MESSAGE","logStream":"s","logEvents":[{"id":"1","message":"hello"}]}`,
			[]string{`error: cloudtrail: record 0 at offset {off}: log event 0 (id 1) of log stream s is not a CloudTrail record: "hello"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := readResults(t, cloudtrail.NewReader(strings.NewReader(tc.in)))
			off := strings.Index(tc.in, `"logEvents":[`) + len(`"logEvents":[`)
			var want []string
			for _, w := range tc.want {
				want = append(want, strings.ReplaceAll(w, "{off}", strconv.Itoa(off)))
			}
			require.Equal(t, want, summary(rs))
			for _, r := range rs {
				if r.err != nil {
					var le *cloudtrail.LogEventError
					require.ErrorAs(t, r.err, &le)
					require.ErrorIs(t, r.err, cloudtrail.ErrNotRecord)
				}
			}
		})
	}
}
