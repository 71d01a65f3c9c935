package cloudtrailtest_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// encRecords are the records of testdata/records the container
// tests write: all indented, of every service, failed calls among them.
var encRecords = []string{
	"mediaconvert/CreateJob-2024.json",
	"mediaconvert/GetQueue-NotFound.json", // failed
	"mediaconvert/UpdateQueue.json",       // has resources
	"transcribe/GetTranscriptionJob-JavaTime.json",
	"elastictranscoder/ReadJob-AccessDenied.json", // failed
	"mediatailor/DeleteSourceLocation-BadRequest.json",
	"mediatailor/PutPlaybackConfiguration.json",
}

// encOddRecord has what a container must carry through strings and lines
// untouched: escapes, characters JSON encoders like to escape, non-ASCII
// text, a line separator and an eventTime with fractional seconds.
const encOddRecord = `{"eventVersion":"1.09","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},
 "eventTime":"2024-04-04T17:45:26.250Z","eventSource":"mediatailor.amazonaws.com","eventName":"TagResource","awsRegion":"eu-west-1",
 "sourceIPAddress":"198.51.100.7","userAgent":"Mozilla/5.0 <script>&amp;\u2028 caf\u00e9 café \"quoted\" back\\slash \/ tab\t ` + "\u2028\u2029\U0001F3AC" + `","requestParameters":{"tags":{"k\u0000ey":"v&l<u>e"}},
 "responseElements":null,"eventID":"f0e1d2c3-b4a5-4968-8776-655443322110","readOnly":false,"eventType":"AwsApiCall","recipientAccountId":"111122223333"}`

// encBareRecord has neither eventID nor eventTime.
const encBareRecord = `{"eventVersion":"1.08","eventSource":"transcribe.amazonaws.com","eventName":"GetTranscriptionJob"}`

// encLoadEvents returns the events the container tests write: the
// records above, and those of two trails (a console sign-in among them).
func encLoadEvents(t *testing.T) []*cloudtrail.Event {
	t.Helper()
	var evs []*cloudtrail.Event
	for _, name := range encRecords {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "records", filepath.FromSlash(name)))
		require.NoError(t, err)
		e, err := cloudtrail.Parse(b)
		require.NoError(t, err, name)
		evs = append(evs, e)
	}
	for _, name := range []string{"media-sample.json", "transcribe-log.json"} {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "trails", name))
		require.NoError(t, err)
		r := cloudtrail.NewReader(f)
		for e, err := range r.All() {
			require.NoError(t, err, name)
			evs = append(evs, e)
		}
		f.Close()
	}
	for _, s := range []string{encOddRecord, encBareRecord} {
		e, err := cloudtrail.Parse([]byte(s))
		require.NoError(t, err)
		evs = append(evs, e)
	}
	return evs
}

// encReadAll reads b with a Reader and requires that it holds no errors.
func encReadAll(t *testing.T, b []byte) (*cloudtrail.Reader, []*cloudtrail.Event) {
	t.Helper()
	r := cloudtrail.NewReader(bytes.NewReader(b))
	var evs []*cloudtrail.Event
	for e, err := range r.All() {
		require.NoError(t, err)
		evs = append(evs, e)
	}
	require.NoError(t, r.Err())
	return r, evs
}

// encJSONValue decodes JSON text to a value, numbers kept as written.
func encJSONValue(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v), "%s", b)
	return v
}

// encWantFormat is what Reader.Format reports for n events in c.
func encWantFormat(c cloudtrailtest.Container, n int) cloudtrail.Format {
	switch {
	case n == 0 && (c == cloudtrailtest.JSONLines || c == cloudtrailtest.EventBridge || c == cloudtrailtest.SNS):
		return cloudtrail.FormatUnknown
	case n == 1 && c == cloudtrailtest.JSONLines:
		return cloudtrail.FormatRecord
	case n == 1 && (c == cloudtrailtest.EventBridge || c == cloudtrailtest.SNS):
		return cloudtrail.FormatEventBridge
	case n == 0 && (c == cloudtrailtest.SQS || c == cloudtrailtest.Kinesis):
		// {"Records":[]}: nothing tells it from an empty log file.
		return cloudtrail.FormatLogFile
	}
	return c.Format()
}

// encWantDelivery returns the Delivery.Format and Via of the events read
// from c.
func encWantDelivery(c cloudtrailtest.Container) (cloudtrail.Format, []string) {
	switch c {
	case cloudtrailtest.LogFile, cloudtrailtest.GzipLogFile:
		return cloudtrail.FormatLogFile, nil
	case cloudtrailtest.JSONArray:
		return cloudtrail.FormatArray, nil
	case cloudtrailtest.JSONLines:
		return cloudtrail.FormatRecord, nil
	case cloudtrailtest.EventBridge:
		return cloudtrail.FormatEventBridge, nil
	case cloudtrailtest.SNS:
		return cloudtrail.FormatEventBridge, []string{"SNS notification"}
	case cloudtrailtest.SQS:
		return cloudtrail.FormatEventBridge, []string{"SQS message"}
	case cloudtrailtest.CloudWatchLogs, cloudtrailtest.AWSLogs:
		return cloudtrail.FormatCloudWatchLogs, nil
	case cloudtrailtest.Kinesis:
		return cloudtrail.FormatCloudWatchLogs, []string{"Kinesis record"}
	case cloudtrailtest.LookupEvents:
		return cloudtrail.FormatLookupEvents, nil
	}
	panic("no such container")
}

var encUUIDRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// encCheckDelivery checks what the Reader found about the container of the
// event read back as got, which was written from orig.
func encCheckDelivery(t *testing.T, c cloudtrailtest.Container, orig, got *cloudtrail.Event) {
	t.Helper()
	d := got.Delivery
	format, via := encWantDelivery(c)
	require.Equal(t, format, d.Format)
	require.Empty(t, cmp.Diff(via, d.Via, cmp.Comparer(func(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") })))

	account := orig.RecipientAccountID
	if account == "" && orig.UserIdentity != nil {
		account = orig.UserIdentity.AccountID
	}
	if account == "" {
		account = "111122223333"
	}
	region := orig.AWSRegion
	if region == "" {
		region = "us-east-1"
	}

	switch format {
	case cloudtrail.FormatEventBridge:
		eb := d.EventBridge
		require.NotNil(t, eb)
		require.Regexp(t, encUUIDRE, eb.ID)
		detailType := map[string]string{
			"AwsApiCall":       "AWS API Call via CloudTrail",
			"AwsConsoleSignIn": "AWS Console Sign In via CloudTrail",
			"":                 "AWS API Call via CloudTrail",
		}[orig.EventType]
		require.NotEmpty(t, detailType, "a record of eventType %q", orig.EventType)
		want := &cloudtrail.EventBridgeDelivery{
			Version:    "0",
			ID:         eb.ID,
			DetailType: detailType,
			Source:     "aws." + strings.TrimSuffix(orig.EventSource, ".amazonaws.com"),
			Account:    account,
			Time:       orig.EventTime.Truncate(time.Second),
			Region:     region,
		}
		require.Empty(t, cmp.Diff(want, eb))
		require.Nil(t, d.CloudWatchLogs)
		require.Nil(t, d.LookupEvents)
	case cloudtrail.FormatCloudWatchLogs:
		cw := d.CloudWatchLogs
		require.NotNil(t, cw)
		require.Regexp(t, `^3[0-9]{55}$`, cw.EventID)
		require.Equal(t, "DATA_MESSAGE", cw.MessageType)
		require.Regexp(t, `^aws-cloudtrail-logs-[0-9]{12}-[0-9a-f]{8}$`, cw.LogGroup)
		require.Regexp(t, `^[0-9]{12}_CloudTrail_[a-z0-9-]+$`, cw.LogStream)
		require.Equal(t, cw.Owner, cw.LogStream[:12])
		require.Equal(t, []string{"cloudtrail-media-events"}, cw.SubscriptionFilters)
		wantTS := time.UnixMilli(0).UTC()
		if !orig.EventTime.IsZero() {
			wantTS = orig.EventTime.Truncate(time.Millisecond)
		}
		require.Equal(t, wantTS, cw.Timestamp)
		require.Nil(t, d.EventBridge)
		require.Nil(t, d.LookupEvents)
	case cloudtrail.FormatLookupEvents:
		le := d.LookupEvents
		require.NotNil(t, le)
		want := &cloudtrail.LookupEventsDelivery{
			EventID:     orig.EventID,
			EventName:   orig.EventName,
			EventSource: orig.EventSource,
			EventTime:   orig.EventTime,
			ReadOnly:    orig.ReadOnly,
		}
		if orig.UserIdentity != nil {
			want.AccessKeyID = orig.UserIdentity.AccessKeyID
			a := orig.Actor()
			switch a.Kind {
			case cloudtrail.ActorRole:
				want.Username = a.Session
			case cloudtrail.ActorIAMUser, cloudtrail.ActorRoot:
				want.Username = a.Name
			}
		}
		for _, res := range orig.Resources {
			want.Resources = append(want.Resources, cloudtrail.LookupResource{ResourceType: res.Type, ResourceName: res.ARN})
		}
		require.Empty(t, cmp.Diff(want, le))
		require.Nil(t, d.EventBridge)
		require.Nil(t, d.CloudWatchLogs)
	default:
		require.Nil(t, d.EventBridge)
		require.Nil(t, d.CloudWatchLogs)
		require.Nil(t, d.LookupEvents)
	}
}

// TestEncode writes sets of events in every container, reads them back
// and checks that the same records come out, with what the Reader tells
// of their container.
func TestEncode(t *testing.T) {
	all := encLoadEvents(t)
	require.GreaterOrEqual(t, len(all), 12)
	sets := map[string][]*cloudtrail.Event{
		"none":   nil,
		"one":    all[:1],
		"failed": {all[1], all[4]},
		"odd":    all[len(all)-2:],
		"all":    all,
	}
	for _, c := range cloudtrailtest.Containers() {
		for name, evs := range sets {
			t.Run(c.String()+"/"+name, func(t *testing.T) {
				b := cloudtrailtest.Encode(c, evs...)
				require.Equal(t, b, cloudtrailtest.Encode(c, evs...), "Encode is not deterministic")
				r, got := encReadAll(t, b)
				require.Equal(t, encWantFormat(c, len(evs)), r.Format(), "%s", b)
				require.Equal(t, c == cloudtrailtest.GzipLogFile, r.Compressed())
				require.Len(t, got, len(evs))
				for i, e := range evs {
					require.Empty(t, cmp.Diff(encJSONValue(t, e.Raw()), encJSONValue(t, got[i].Raw())), "event %d", i)
					require.Equal(t, i, got[i].Delivery.Index)
					encCheckDelivery(t, c, e, got[i])
				}
			})
		}
	}
}

// TestEncodeIndependent checks that what Encode writes for an event does
// not depend on the events around it, only on the event: the ids derived
// from one record are the same in any company.
func TestEncodeIndependent(t *testing.T) {
	all := encLoadEvents(t)
	for _, c := range []cloudtrailtest.Container{cloudtrailtest.EventBridge, cloudtrailtest.JSONLines, cloudtrailtest.SNS} {
		whole := cloudtrailtest.Encode(c, all...)
		var parts []byte
		for _, e := range all {
			parts = append(parts, cloudtrailtest.Encode(c, e)...)
		}
		require.Equal(t, string(whole), string(parts), c.String())
	}
}

// TestEncodeHandMade checks that an Event made without a record is written
// as its MarshalJSON gives it.
func TestEncodeHandMade(t *testing.T) {
	ro := true
	e := &cloudtrail.Event{
		EventVersion: "1.09",
		EventTime:    time.Date(2024, 4, 4, 17, 45, 26, 0, time.UTC),
		EventSource:  "mediaconvert.amazonaws.com",
		EventName:    "ListQueues",
		AWSRegion:    "us-west-2",
		EventID:      "11111111-2222-4333-8444-555555555555",
		ReadOnly:     &ro,
	}
	want, err := e.MarshalJSON()
	require.NoError(t, err)
	for _, c := range cloudtrailtest.Containers() {
		_, got := encReadAll(t, cloudtrailtest.Encode(c, e))
		require.Len(t, got, 1, c.String())
		require.Empty(t, cmp.Diff(encJSONValue(t, want), encJSONValue(t, got[0].Raw())), c.String())
	}
}

// TestEncodePanics checks the mistakes Encode panics on.
func TestEncodePanics(t *testing.T) {
	e, err := cloudtrail.Parse([]byte(encBareRecord))
	require.NoError(t, err)
	require.PanicsWithValue(t, "cloudtrailtest: Encode of nil event (event 1)", func() {
		cloudtrailtest.Encode(cloudtrailtest.LogFile, e, nil)
	})
	require.Panics(t, func() { cloudtrailtest.Encode(cloudtrailtest.Container(-1), e) })
	require.Panics(t, func() { cloudtrailtest.Encode(cloudtrailtest.Container(len(cloudtrailtest.Containers())), e) })
}

func TestContainerNames(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range cloudtrailtest.Containers() {
		require.Equal(t, cloudtrailtest.Container(i), c)
		s := c.String()
		require.NotEmpty(t, s)
		require.False(t, seen[s], "two containers are called %q", s)
		seen[s] = true
		require.NotEqual(t, cloudtrail.FormatUnknown, c.Format(), s)
	}
	require.Equal(t, "gzip CloudTrail log file", cloudtrailtest.GzipLogFile.String())
	require.Equal(t, "Container(99)", cloudtrailtest.Container(99).String())
	require.Equal(t, cloudtrail.FormatUnknown, cloudtrailtest.Container(99).Format())
}

// TestEncodeShapes checks the members of the wrappers against the shapes
// the AWS services send.
func TestEncodeShapes(t *testing.T) {
	all := encLoadEvents(t)
	e := all[0]
	members := func(b []byte, path string) []string {
		var keys []string
		gjson.GetBytes(b, path).ForEach(func(k, _ gjson.Result) bool {
			keys = append(keys, k.Str)
			return true
		})
		return keys
	}

	eb := cloudtrailtest.Encode(cloudtrailtest.EventBridge, e)
	require.Equal(t, []string{"version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"}, members(eb, "@this"))
	require.Equal(t, byte('\n'), eb[len(eb)-1])
	require.Equal(t, 1, bytes.Count(eb, []byte("\n")))

	cw := cloudtrailtest.Encode(cloudtrailtest.CloudWatchLogs, e)
	require.Equal(t, []string{"messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents"}, members(cw, "@this"))
	require.Equal(t, []string{"id", "timestamp", "message"}, members(cw, "logEvents.0"))

	aw := cloudtrailtest.Encode(cloudtrailtest.AWSLogs, e)
	data, err := base64.StdEncoding.DecodeString(gjson.GetBytes(aw, "awslogs.data").Str)
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	require.Equal(t, string(cw), string(plain))

	le := cloudtrailtest.Encode(cloudtrailtest.LookupEvents, e)
	require.Equal(t, []string{"EventId", "EventName", "ReadOnly", "AccessKeyId", "EventTime", "EventSource", "Username", "Resources", "CloudTrailEvent"}, members(le, "Events.0"))
	require.Equal(t, "false", gjson.GetBytes(le, "Events.0.ReadOnly").Value())
	require.Contains(t, string(le), "\n            \"EventId\": ") // indented as the AWS CLI does

	sns := cloudtrailtest.WrapSNS(bytes.TrimSpace(eb))
	require.Equal(t, []string{"Type", "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL"}, members(sns, "@this"))
	require.Equal(t, string(bytes.TrimSpace(eb)), gjson.GetBytes(sns, "Message").Str)
	require.Equal(t, "arn:aws:sns:"+e.AWSRegion+":"+e.RecipientAccountID+":cloudtrail-events", gjson.GetBytes(sns, "TopicArn").Str)
	require.Contains(t, string(sns), "\n  \"Type\" : \"Notification\",\n")
	require.Contains(t, string(sns), "?Action=Unsubscribe&SubscriptionArn=") // not \u0026

	sqs := cloudtrailtest.WrapSQS([]byte("hello"), sns)
	require.Equal(t, []string{"messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion"}, members(sqs, "Records.0"))
	require.Equal(t, "5d41402abc4b2a76b9719d911017c592", gjson.GetBytes(sqs, "Records.0.md5OfBody").Str)
	require.Equal(t, "aws:sqs", gjson.GetBytes(sqs, "Records.1.eventSource").Str)
	require.Equal(t, string(sns), gjson.GetBytes(sqs, "Records.1.body").Str)
	require.NotEqual(t, gjson.GetBytes(sqs, "Records.0.messageId").Str, gjson.GetBytes(sqs, "Records.1.messageId").Str)

	kin := cloudtrailtest.WrapKinesis([]byte("a"), []byte("b"))
	require.Equal(t, []string{"kinesis", "eventSource", "eventVersion", "eventID", "eventName", "invokeIdentityArn", "awsRegion", "eventSourceARN"}, members(kin, "Records.0"))
	require.Equal(t, []string{"kinesisSchemaVersion", "partitionKey", "sequenceNumber", "data", "approximateArrivalTimestamp"}, members(kin, "Records.0.kinesis"))
	require.Equal(t, "YQ==", gjson.GetBytes(kin, "Records.0.kinesis.data").Str)
	s0, s1 := gjson.GetBytes(kin, "Records.0.kinesis.sequenceNumber").Str, gjson.GetBytes(kin, "Records.1.kinesis.sequenceNumber").Str
	require.Len(t, s0, 56)
	require.Less(t, s0, s1)
	require.Equal(t, "shardId-000000000000:"+s0, gjson.GetBytes(kin, "Records.0.eventID").Str)
	require.Equal(t, "aws:kinesis:record", gjson.GetBytes(kin, "Records.0.eventName").Str)
}

// TestWrappers reads records through the wrappers nested as AWS nests
// them: an EventBridge event through SNS into SQS, a CloudWatch Logs
// payload through Kinesis uncompressed.
func TestWrappers(t *testing.T) {
	all := encLoadEvents(t)
	eb := bytes.TrimSpace(cloudtrailtest.Encode(cloudtrailtest.EventBridge, all[2]))
	_, got := encReadAll(t, cloudtrailtest.WrapSQS(cloudtrailtest.WrapSNS(eb)))
	require.Len(t, got, 1)
	require.Equal(t, []string{"SQS message", "SNS notification"}, got[0].Delivery.Via)
	require.NotNil(t, got[0].Delivery.EventBridge)

	cw := cloudtrailtest.Encode(cloudtrailtest.CloudWatchLogs, all[:3]...)
	r, got := encReadAll(t, cloudtrailtest.WrapKinesis(cw))
	require.Len(t, got, 3)
	require.Equal(t, cloudtrail.FormatCloudWatchLogs, r.Format())
	require.Equal(t, []string{"Kinesis record"}, got[2].Delivery.Via)
	require.Equal(t, all[2].EventID, got[2].EventID)
}

// TestNotRecords checks that the inputs without records are reported as
// what they are.
func TestNotRecords(t *testing.T) {
	keys := []string{
		"AWSLogs/123456789012/CloudTrail/eu-west-1/2024/04/04/123456789012_CloudTrail_eu-west-1_20240404T1705Z_AbCdEfGhIjKlMnOp.json.gz",
		"AWSLogs/123456789012/CloudTrail/eu-west-1/2024/04/04/123456789012_CloudTrail_eu-west-1_20240404T1710Z_QrStUvWxYz012345.json.gz",
	}
	end := time.Date(2024, 4, 4, 18, 0, 0, 0, time.UTC)
	digest := cloudtrailtest.DigestFile("amzn-s3-demo-bucket", end, keys...)
	require.Equal(t, digest, cloudtrailtest.DigestFile("amzn-s3-demo-bucket", end, keys...))
	require.Equal(t, "123456789012", gjson.GetBytes(digest, "awsAccountId").Str)
	require.Equal(t, "2024-04-04T17:00:00Z", gjson.GetBytes(digest, "digestStartTime").Str)
	require.Equal(t, "2024-04-04T17:09:58Z", gjson.GetBytes(digest, "newestEventTime").Str)
	require.Equal(t, "2024-04-04T17:00:03Z", gjson.GetBytes(digest, "oldestEventTime").Str)
	require.Contains(t, gjson.GetBytes(digest, "digestS3Object").Str, "/CloudTrail-Digest/eu-west-1/2024/04/04/123456789012_CloudTrail-Digest_eu-west-1_")

	odd := "AWSLogs/123456789012/CloudTrail/eu-west-1/2024/04/04/a key+with spaces&more.json.gz"
	tests := []struct {
		name   string
		input  []byte
		target error
		kind   cloudtrail.NotRecordsKind
		via    []string
		keys   []string
	}{
		{"digest", digest, cloudtrail.ErrDigestFile, cloudtrail.KindDigestFile, nil, keys},
		{"digest gzip", encGz(digest), cloudtrail.ErrDigestFile, cloudtrail.KindDigestFile, nil, keys},
		{"s3", cloudtrailtest.S3Notification("amzn-s3-demo-bucket", odd), cloudtrail.ErrNotification, cloudtrail.KindS3Notification, nil, []string{odd}},
		{"s3 via sns via sqs", cloudtrailtest.WrapSQS(cloudtrailtest.WrapSNS(cloudtrailtest.S3Notification("amzn-s3-demo-bucket", keys[0]))),
			cloudtrail.ErrNotification, cloudtrail.KindS3Notification, []string{"SQS message", "SNS notification"}, keys[:1]},
		{"eventbridge object created", cloudtrailtest.S3ObjectCreated("amzn-s3-demo-bucket", odd),
			cloudtrail.ErrNotification, cloudtrail.KindS3Notification, []string{"EventBridge event"}, []string{odd}},
		{"eventbridge object created via sqs", cloudtrailtest.WrapSQS(cloudtrailtest.S3ObjectCreated("amzn-s3-demo-bucket", keys[1])),
			cloudtrail.ErrNotification, cloudtrail.KindS3Notification, []string{"SQS message", "EventBridge event"}, keys[1:2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cloudtrail.NewReader(bytes.NewReader(tc.input))
			var errs []error
			for e, err := range r.All() {
				require.Nil(t, e)
				errs = append(errs, err)
			}
			require.NoError(t, r.Err())
			require.NotEmpty(t, errs)
			var gotKeys []string
			for _, err := range errs {
				var nre *cloudtrail.NotRecordsError
				require.ErrorAs(t, err, &nre)
				require.ErrorIs(t, err, tc.target)
				require.Equal(t, tc.kind, nre.Kind)
				require.Equal(t, tc.via, nre.Via)
				require.Equal(t, "amzn-s3-demo-bucket", nre.Bucket)
				gotKeys = append(gotKeys, nre.Keys...)
			}
			require.Equal(t, tc.keys, gotKeys)
			require.Equal(t, cloudtrail.FormatNotRecords, r.Format())
		})
	}

	// Two keys make two records, each reported.
	s3 := cloudtrailtest.S3Notification("amzn-s3-demo-bucket", keys...)
	require.Equal(t, "eu-west-1", gjson.GetBytes(s3, "Records.1.awsRegion").Str)
	require.Equal(t, "2024-04-04T17:10:31.214Z", gjson.GetBytes(s3, "Records.1.eventTime").Str)
	require.Equal(t, "arn:aws:s3:::amzn-s3-demo-bucket", gjson.GetBytes(s3, "Records.1.s3.bucket.arn").Str)
	n := 0
	for _, err := range cloudtrail.NewReader(bytes.NewReader(s3)).All() {
		require.ErrorIs(t, err, cloudtrail.ErrNotification)
		n++
	}
	require.Equal(t, 2, n)

	// A digest of no log files is still a digest file.
	_, err := encReadOne(cloudtrailtest.DigestFile("amzn-s3-demo-bucket", end))
	require.ErrorIs(t, err, cloudtrail.ErrDigestFile)
}

func encReadOne(b []byte) (*cloudtrail.Event, error) {
	return cloudtrail.NewReader(bytes.NewReader(b)).Next()
}

func encGz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// TestEncodeEmptyIsValid checks that the empty containers are valid JSON
// (or no bytes at all, for those of one value per line).
func TestEncodeEmptyIsValid(t *testing.T) {
	for _, c := range cloudtrailtest.Containers() {
		b := cloudtrailtest.Encode(c)
		if c == cloudtrailtest.GzipLogFile {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			require.NoError(t, err)
			b, err = io.ReadAll(zr)
			require.NoError(t, err)
		}
		switch c {
		case cloudtrailtest.JSONLines, cloudtrailtest.EventBridge, cloudtrailtest.SNS:
			require.Empty(t, b, c.String())
		default:
			require.True(t, json.Valid(b), "%s: %s", c, b)
		}
	}
}

// FuzzEncode checks that whatever record Parse accepts, every container
// gives it back.
func FuzzEncode(f *testing.F) {
	f.Add([]byte(encOddRecord))
	f.Add([]byte(encBareRecord))
	f.Add([]byte(`{"eventName":"\ud800","eventTime":"1712252726","readOnly":"true","resources":[{"ARN":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The wrappers take any bytes and give valid JSON.
		s := string(data)
		for _, b := range [][]byte{
			cloudtrailtest.WrapSNS(data), cloudtrailtest.WrapSQS(data, data), cloudtrailtest.WrapKinesis(data),
			cloudtrailtest.S3Notification(s, s), cloudtrailtest.DigestFile(s, time.Unix(int64(len(s))<<40, 0), s),
		} {
			if !json.Valid(b) {
				t.Fatalf("invalid JSON:\n%s", b)
			}
		}

		e, err := cloudtrail.Parse(data)
		if err != nil {
			return
		}
		if _, err := cloudtrail.NewReader(bytes.NewReader(e.Raw())).Next(); err != nil {
			return // a JSON object the Reader takes for no record, such as {}
		}
		for _, c := range cloudtrailtest.Containers() {
			b := cloudtrailtest.Encode(c, e)
			r := cloudtrail.NewReader(bytes.NewReader(b))
			got, err := r.Next()
			if err != nil {
				t.Fatalf("%s: %v\n%s", c, err, b)
			}
			if !bytes.Equal(encCompact(t, got.Raw()), encCompact(t, e.Raw())) {
				t.Fatalf("%s: record\n%s\nread back as\n%s", c, e.Raw(), got.Raw())
			}
			if _, err := r.Next(); !errors.Is(err, io.EOF) {
				t.Fatalf("%s: after the record: %v", c, err)
			}
		}
	})
}

func encCompact(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, bytes.TrimPrefix(b, []byte("\ufeff"))); err != nil {
		t.Fatal(fmt.Errorf("%w: %s", err, b))
	}
	return buf.Bytes()
}
