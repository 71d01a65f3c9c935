package cloudtrail_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

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
