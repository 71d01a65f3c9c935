package cloudtrailtest

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// Container is a container a cloudtrail.Reader reads records from. Encode
// writes events in each of them as the AWS service that delivers it does.
type Container int

// The containers Encode writes, in the order Containers lists them.
const (
	// LogFile is a CloudTrail log file, {"Records":[...]} on one line, as
	// CloudTrail writes it to S3 (before compression).
	LogFile Container = iota
	// GzipLogFile is a CloudTrail log file compressed with gzip, as
	// CloudTrail delivers it to S3 (a .json.gz object).
	GzipLogFile
	// JSONArray is a JSON array of records, [record, ...], each record as
	// it was read (indented records stay indented).
	JSONArray
	// JSONLines is one record per line.
	JSONLines
	// EventBridge is one EventBridge event per line, as an EventBridge
	// archive or a Firehose stream holds them: "AWS API Call via
	// CloudTrail", or the detail-type CloudTrail gives the record's
	// eventType or eventCategory ("AWS Console Sign In via CloudTrail",
	// "AWS Service Event via CloudTrail", "AWS Console Action via
	// CloudTrail", "AWS Insight via CloudTrail").
	EventBridge
	// CloudWatchLogs is one CloudWatch Logs subscription payload
	// (messageType DATA_MESSAGE) whose log events are the records, as
	// plain JSON: the payload a subscription filter sends, once
	// decompressed. Its log group and stream are those CloudTrail writes
	// to, named after the first record's account and region.
	CloudWatchLogs
	// AWSLogs is the CloudWatchLogs payload as a Lambda function receives
	// it: {"awslogs":{"data":"..."}}, the data being the payload
	// compressed with gzip and encoded in base64.
	AWSLogs
	// LookupEvents is the output of aws cloudtrail lookup-events,
	// {"Events":[...]}, as the AWS CLI prints it: one entry per record,
	// with the record as the CloudTrailEvent string.
	LookupEvents
	// SNS is the EventBridge events delivered through an SNS topic (an
	// EventBridge rule whose target is the topic): one SNS notification
	// per event, as SNS posts it to an HTTP endpoint or puts it in an SQS
	// queue (on several lines), one after the other.
	SNS
	// SQS is the EventBridge events delivered to an SQS queue (an
	// EventBridge rule whose target is the queue), as a Lambda function
	// receives them: one event {"Records":[...]} with one message per
	// EventBridge event.
	SQS
	// Kinesis is the CloudWatchLogs payload delivered through a Kinesis
	// data stream (a subscription filter whose destination is the stream),
	// as a Lambda function receives it: one Kinesis event with one record
	// whose data is the payload, compressed and encoded in base64.
	Kinesis

	encContainers // the number of containers
)

var encNames = [...]string{
	LogFile:        "CloudTrail log file",
	GzipLogFile:    "gzip CloudTrail log file",
	JSONArray:      "JSON array",
	JSONLines:      "JSON Lines",
	EventBridge:    "EventBridge events",
	CloudWatchLogs: "CloudWatch Logs payload",
	AWSLogs:        "CloudWatch Logs Lambda event",
	LookupEvents:   "lookup-events output",
	SNS:            "SNS notifications",
	SQS:            "SQS Lambda event",
	Kinesis:        "Kinesis Lambda event",
}

var encFormats = [...]cloudtrail.Format{
	LogFile:        cloudtrail.FormatLogFile,
	GzipLogFile:    cloudtrail.FormatLogFile,
	JSONArray:      cloudtrail.FormatArray,
	JSONLines:      cloudtrail.FormatLines,
	EventBridge:    cloudtrail.FormatLines,
	CloudWatchLogs: cloudtrail.FormatCloudWatchLogs,
	AWSLogs:        cloudtrail.FormatCloudWatchLogs,
	LookupEvents:   cloudtrail.FormatLookupEvents,
	SNS:            cloudtrail.FormatLines,
	SQS:            cloudtrail.FormatEventBridge,
	Kinesis:        cloudtrail.FormatCloudWatchLogs,
}

// Containers returns every Container, in the order of their values.
func Containers() []Container {
	cs := make([]Container, encContainers)
	for i := range cs {
		cs[i] = Container(i)
	}
	return cs
}

func (c Container) valid() bool { return c >= 0 && c < encContainers }

// String returns the name of the container, such as "gzip CloudTrail log
// file".
func (c Container) String() string {
	if c.valid() {
		return encNames[c]
	}
	return "Container(" + strconv.Itoa(int(c)) + ")"
}

// Format returns the cloudtrail.Format that Reader.Format reports for the
// container holding two or more events. That is FormatLines for the
// containers that put one value per line (JSONLines, EventBridge, SNS),
// and for the Lambda events of SQS and Kinesis the format of what their
// messages carry (FormatEventBridge, FormatCloudWatchLogs; with no event
// they are {"Records":[]}, an empty log file). With one event, JSONLines reads as
// FormatRecord and EventBridge and SNS as FormatEventBridge; with none,
// these three are empty and read as FormatUnknown. The events themselves
// carry the format of the value they were found in, in Delivery.Format.
// Format returns FormatUnknown for a value that is no Container.
func (c Container) Format() cloudtrail.Format {
	if c.valid() {
		return encFormats[c]
	}
	return cloudtrail.FormatUnknown
}

// Encode returns events written in container c, deterministically: the
// same events give the same bytes (the gzip streams of GzipLogFile,
// AWSLogs and Kinesis with the same release of Go). Each record is written as the event's
// Raw bytes, compacted where the container puts it on one line or in a
// string, so that a cloudtrail.Reader reads back the same records in the
// same order. Everything else (EventBridge ids, log event ids, message ids,
// times) is derived from the records' eventID and eventTime, never from
// the clock. Zero events give an empty container: {"Records":[]}, [],
// a payload with no log events, {"Events":[]}, a Lambda event with no
// records, or no bytes at all for the containers of one value per line.
//
// Events need not come from a Reader: an Event without raw bytes is
// written as its MarshalJSON gives it. Encode panics if an event is nil,
// if such an Event does not marshal, or if c is not one of Containers:
// these are mistakes of the test.
func Encode(c Container, events ...*cloudtrail.Event) []byte {
	if !c.valid() {
		panic("cloudtrailtest: Encode of unknown " + c.String())
	}
	recs := make([]encRec, len(events))
	for i, e := range events {
		if e == nil {
			panic(fmt.Sprintf("cloudtrailtest: Encode of nil event (event %d)", i))
		}
		recs[i] = encRecord(e)
	}
	switch c {
	case LogFile:
		return encLogFile(recs)
	case GzipLogFile:
		return encGzip(encLogFile(recs))
	case JSONArray:
		if len(recs) == 0 {
			return []byte("[]\n")
		}
		b := []byte("[\n")
		for i, r := range recs {
			if i > 0 {
				b = append(b, ",\n"...)
			}
			b = append(b, r.raw...)
		}
		return append(b, "\n]\n"...)
	case JSONLines:
		var b []byte
		for _, r := range recs {
			b = append(append(b, r.compact...), '\n')
		}
		return b
	case EventBridge:
		var b []byte
		for _, r := range recs {
			b = append(append(b, encEventBridge(r)...), '\n')
		}
		return b
	case CloudWatchLogs:
		return encCloudWatchLogs(recs)
	case AWSLogs:
		data := base64.StdEncoding.EncodeToString(encGzip(encCloudWatchLogs(recs)))
		return jsonObject{{"awslogs", jsonObject{{"data", encStr(data)}}.compact()}}.compact()
	case LookupEvents:
		return encLookupEvents(recs)
	case SNS:
		var b []byte
		for _, r := range recs {
			b = append(append(b, WrapSNS(encEventBridge(r))...), '\n')
		}
		return b
	case SQS:
		bodies := make([][]byte, len(recs))
		for i, r := range recs {
			bodies[i] = encEventBridge(r)
		}
		return WrapSQS(bodies...)
	default: // Kinesis
		if len(recs) == 0 {
			return WrapKinesis()
		}
		return WrapKinesis(encGzip(encCloudWatchLogs(recs)))
	}
}

// WrapSNS returns an SNS notification whose Message is message, as SNS
// posts it to an HTTP endpoint or, as the body of a message, puts it in an
// SQS queue: the members Type ("Notification"), MessageId, TopicArn,
// Message, Timestamp, SignatureVersion, Signature, SigningCertURL and
// UnsubscribeURL, written as SNS writes them. The topic's region and
// account, and the time, are taken from message where it has them (an
// EventBridge event, a record, a CloudWatch Logs payload); the ids and the
// signature (which verifies against no certificate) are derived from it.
func WrapSNS(message []byte) []byte {
	cx := encContextOf(message)
	topic := "arn:aws:sns:" + cx.region + ":" + cx.account + ":cloudtrail-events"
	o := jsonObject{
		{"Type", encStr("Notification")},
		{"MessageId", encStr(encUUID("sns message", string(message)))},
		{"TopicArn", encStr(topic)},
		{"Message", encQuote(message)},
		{"Timestamp", encStr(cx.t.Format("2006-01-02T15:04:05.000Z"))},
		{"SignatureVersion", encStr("1")},
		{"Signature", encStr(base64.StdEncoding.EncodeToString(encBytes(256, "sns signature", string(message))))},
		{"SigningCertURL", encStr("https://sns." + cx.region + ".amazonaws.com/SimpleNotificationService-" + encHex(32, "sns certificate", cx.region) + ".pem")},
		{"UnsubscribeURL", encStr("https://sns." + cx.region + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + topic + ":" + encUUID("sns subscription", topic))},
	}
	return o.sns()
}

// WrapSQS returns an event of an SQS queue as a Lambda function receives
// it, {"Records":[...]}, with one message per body: the members messageId,
// receiptHandle, body, attributes, messageAttributes, md5OfBody (the MD5
// of the body), eventSource ("aws:sqs"), eventSourceARN and awsRegion.
// The queue's region and account, and the times, are taken from the
// bodies where they have them; the ids are derived from them.
func WrapSQS(bodies ...[]byte) []byte {
	msgs := make([][]byte, len(bodies))
	for i, body := range bodies {
		cx := encContextOf(body)
		ms := strconv.FormatInt(cx.t.UnixMilli(), 10)
		first := strconv.FormatInt(cx.t.UnixMilli()+27, 10)
		sum := md5.Sum(body)
		seed := strconv.Itoa(i) + "\x00" + string(body)
		msgs[i] = jsonObject{
			{"messageId", encStr(encUUID("sqs message", seed))},
			{"receiptHandle", encStr("AQEB" + base64.StdEncoding.EncodeToString(encBytes(144, "sqs receipt", seed)))},
			{"body", encQuote(body)},
			{"attributes", jsonObject{
				{"ApproximateReceiveCount", encStr("1")},
				{"SentTimestamp", encStr(ms)},
				{"SenderId", encStr("AIDAIENQZJOLO23YVJ4VO")},
				{"ApproximateFirstReceiveTimestamp", encStr(first)},
			}.compact()},
			{"messageAttributes", []byte("{}")},
			{"md5OfBody", encStr(hex.EncodeToString(sum[:]))},
			{"eventSource", encStr("aws:sqs")},
			{"eventSourceARN", encStr("arn:aws:sqs:" + cx.region + ":" + cx.account + ":cloudtrail-events")},
			{"awsRegion", encStr(cx.region)},
		}.compact()
	}
	return encIndent(jsonObject{{"Records", encArr(msgs)}}.compact(), "  ")
}

// WrapKinesis returns an event of a Kinesis data stream as a Lambda
// function receives it, {"Records":[...]}, with one record per data, in
// base64: the members kinesis (kinesisSchemaVersion, partitionKey,
// sequenceNumber, data, approximateArrivalTimestamp), eventSource
// ("aws:kinesis"), eventVersion, eventID, eventName
// ("aws:kinesis:record"), invokeIdentityArn, awsRegion and eventSourceARN.
// A CloudWatch Logs subscription writes its payloads compressed with gzip;
// the stream's region and account, and the arrival times, are taken from
// the payload (compressed or not) where it has them, and the sequence
// numbers, which grow from record to record, are derived from it.
func WrapKinesis(data ...[]byte) []byte {
	recs := make([][]byte, len(data))
	var base string
	for i, d := range data {
		cx := encContextOf(d)
		if i == 0 {
			base = "4959" + encDigits(44, "kinesis sequence", string(d))
		}
		seq := fmt.Sprintf("%s%08d", base, i)
		arrival := cx.t.Add(time.Duration(i+1) * 31 * time.Millisecond)
		stream := "arn:aws:kinesis:" + cx.region + ":" + cx.account + ":stream/cloudtrail-logs"
		recs[i] = jsonObject{
			{"kinesis", jsonObject{
				{"kinesisSchemaVersion", encStr("1.0")},
				{"partitionKey", encStr(encHex(32, "kinesis partition", string(d)))},
				{"sequenceNumber", encStr(seq)},
				{"data", encStr(base64.StdEncoding.EncodeToString(d))},
				{"approximateArrivalTimestamp", []byte(fmt.Sprintf("%d.%03d", arrival.Unix(), arrival.Nanosecond()/1e6))},
			}.compact()},
			{"eventSource", encStr("aws:kinesis")},
			{"eventVersion", encStr("1.0")},
			{"eventID", encStr("shardId-000000000000:" + seq)},
			{"eventName", encStr("aws:kinesis:record")},
			{"invokeIdentityArn", encStr("arn:aws:iam::" + cx.account + ":role/cloudtrail-kinesis-reader")},
			{"awsRegion", encStr(cx.region)},
			{"eventSourceARN", encStr(stream)},
		}.compact()
	}
	return encIndent(jsonObject{{"Records", encArr(recs)}}.compact(), "  ")
}

// DigestFile returns a CloudTrail digest file, as plain JSON (CloudTrail
// compresses it with gzip): the digest of the hour that ends at end, of
// the log files with the given keys in bucket. The account and region are
// taken from the first key when it has CloudTrail's form
// (AWSLogs/<account>/CloudTrail/<region>/...), the times of each log file
// from its name; the hash values and signatures are derived from the keys
// and verify against nothing. A cloudtrail.Reader reports it with a
// *cloudtrail.NotRecordsError that matches cloudtrail.ErrDigestFile, with
// Bucket and Keys naming the log files.
func DigestFile(bucket string, end time.Time, keys ...string) []byte {
	end = end.UTC().Truncate(time.Second)
	start := end.Add(-time.Hour)
	account, region := encDefaultAccount, encDefaultRegion
	if len(keys) > 0 {
		account, region = encKeyPlace(keys[0])
	}
	const stamp = "2006-01-02T15:04:05Z"
	digestKey := func(t time.Time) string {
		return "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/" + t.Format("2006/01/02") + "/" +
			account + "_CloudTrail-Digest_" + region + "_media-trail_" + region + "_" + t.Format("20060102T150405Z") + ".json.gz"
	}
	files := make([][]byte, len(keys))
	oldest, newest := end, start
	for i, k := range keys {
		hi := end
		if t, ok := encKeyTime(k); ok {
			hi = t
		}
		fileNewest, fileOldest := hi.Add(-2*time.Second), hi.Add(-5*time.Minute+3*time.Second)
		if fileOldest.Before(oldest) {
			oldest = fileOldest
		}
		if fileNewest.After(newest) {
			newest = fileNewest
		}
		files[i] = jsonObject{
			{"s3Bucket", encStr(bucket)},
			{"s3Object", encStr(k)},
			{"hashValue", encStr(encHex(64, "log file hash", bucket, k))},
			{"hashAlgorithm", encStr("SHA-256")},
			{"newestEventTime", encStr(fileNewest.Format(stamp))},
			{"oldestEventTime", encStr(fileOldest.Format(stamp))},
		}.compact()
	}
	if len(keys) == 0 {
		oldest, newest = start, start
	}
	prev := digestKey(start)
	o := jsonObject{
		{"awsAccountId", encStr(account)},
		{"digestStartTime", encStr(start.Format(stamp))},
		{"digestEndTime", encStr(end.Format(stamp))},
		{"digestS3Bucket", encStr(bucket)},
		{"digestS3Object", encStr(digestKey(end))},
		{"digestPublicKeyFingerprint", encStr(encHex(32, "digest key", region))},
		{"digestSignatureAlgorithm", encStr("SHA256withRSA")},
		{"newestEventTime", encStr(newest.Format(stamp))},
		{"oldestEventTime", encStr(oldest.Format(stamp))},
		{"previousDigestS3Bucket", encStr(bucket)},
		{"previousDigestS3Object", encStr(prev)},
		{"previousDigestHashValue", encStr(encHex(64, "digest hash", bucket, prev))},
		{"previousDigestHashAlgorithm", encStr("SHA-256")},
		{"previousDigestSignature", encStr(encHex(512, "digest signature", bucket, prev))},
		{"logFiles", encArr(files)},
	}
	return encIndent(o.compact(), "  ")
}

// S3ObjectCreated returns the EventBridge event that S3 sends, for a
// bucket with EventBridge notifications on, when an object is created
// in it (detail-type "Object Created", source "aws.s3"), as a rule
// delivers it to its target (a Lambda function, an SQS queue): the
// members version, id, detail-type, source, account, time, region,
// resources and detail (bucket name; object key, as written, size, etag
// and sequencer; request-id, requester, source-ip-address and reason
// "PutObject"). The account, region and times are taken from the key when
// it has CloudTrail's form; the rest is derived from the key. A
// cloudtrail.Reader reports the event with a *cloudtrail.NotRecordsError
// that matches cloudtrail.ErrNotification and names the object.
func S3ObjectCreated(bucket, key string) []byte {
	account, region := encKeyPlace(key)
	t := encDefaultTime
	if kt, ok := encKeyTime(key); ok {
		t = kt.Add(31 * time.Second)
	}
	size := 1000 + binary.BigEndian.Uint32(encBytes(4, "s3 size", bucket, key))%200000
	etag := md5.Sum([]byte(bucket + "/" + key))
	return encIndent(jsonObject{
		{"version", encStr("0")},
		{"id", encStr(encUUID("eventbridge s3", bucket, key))},
		{"detail-type", encStr("Object Created")},
		{"source", encStr("aws.s3")},
		{"account", encStr(account)},
		{"time", encStr(t.UTC().Format(time.RFC3339))},
		{"region", encStr(region)},
		{"resources", encArr([][]byte{encStr("arn:aws:s3:::" + bucket)})},
		{"detail", jsonObject{
			{"version", encStr("0")},
			{"bucket", jsonObject{{"name", encStr(bucket)}}.compact()},
			{"object", jsonObject{
				{"key", encStr(key)},
				{"size", []byte(strconv.FormatUint(uint64(size), 10))},
				{"etag", encStr(hex.EncodeToString(etag[:]))},
				{"sequencer", encStr(strings.ToUpper(encHex(8, "s3 sequencer", bucket, key)))},
			}.compact()},
			{"request-id", encStr(strings.ToUpper(encHex(8, "s3 request", bucket, key)))},
			{"requester", encStr(account)},
			{"source-ip-address", encStr("192.0.2.10")},
			{"reason", encStr("PutObject")},
		}.compact()},
	}.compact(), "  ")
}

// S3Notification returns an S3 event notification of new objects in
// bucket, one record (eventName "ObjectCreated:Put") per key, as S3 sends
// it to SNS, SQS or Lambda when CloudTrail delivers log files: the
// members eventVersion, eventSource ("aws:s3"), awsRegion, eventTime,
// eventName, userIdentity, requestParameters, responseElements and s3
// (bucket name and ARN; object key, URL-encoded as S3 writes it, size,
// eTag and sequencer). The region and times are taken from the keys when
// they have CloudTrail's form; the rest is derived from the keys.
// A cloudtrail.Reader reports each record with a
// *cloudtrail.NotRecordsError that matches cloudtrail.ErrNotification.
// With no keys, the notification is {"Records":[]}, which a Reader takes
// for an empty log file.
func S3Notification(bucket string, keys ...string) []byte {
	recs := make([][]byte, len(keys))
	for i, k := range keys {
		_, region := encKeyPlace(k)
		t := encDefaultTime
		if kt, ok := encKeyTime(k); ok {
			t = kt.Add(31*time.Second + 214*time.Millisecond)
		}
		size := 1000 + binary.BigEndian.Uint32(encBytes(4, "s3 size", bucket, k))%200000
		etag := md5.Sum([]byte(bucket + "/" + k))
		recs[i] = jsonObject{
			{"eventVersion", encStr("2.1")},
			{"eventSource", encStr("aws:s3")},
			{"awsRegion", encStr(region)},
			{"eventTime", encStr(t.Format("2006-01-02T15:04:05.000Z"))},
			{"eventName", encStr("ObjectCreated:Put")},
			{"userIdentity", jsonObject{{"principalId", encStr("AWS:AROAEXAMPLEDELIVERY:regionalDeliverySession")}}.compact()},
			{"requestParameters", jsonObject{{"sourceIPAddress", encStr("192.0.2.10")}}.compact()},
			{"responseElements", jsonObject{
				{"x-amz-request-id", encStr(strings.ToUpper(encHex(16, "s3 request", bucket, k)))},
				{"x-amz-id-2", encStr(base64.StdEncoding.EncodeToString(encBytes(48, "s3 id 2", bucket, k)))},
			}.compact()},
			{"s3", jsonObject{
				{"s3SchemaVersion", encStr("1.0")},
				{"configurationId", encStr("cloudtrail-log-delivery")},
				{"bucket", jsonObject{
					{"name", encStr(bucket)},
					{"ownerIdentity", jsonObject{{"principalId", encStr("A3NL1KOZZKEXAMPLE")}}.compact()},
					{"arn", encStr("arn:aws:s3:::" + bucket)},
				}.compact()},
				{"object", jsonObject{
					{"key", encStr(encS3Key(k))},
					{"size", []byte(strconv.FormatUint(uint64(size), 10))},
					{"eTag", encStr(hex.EncodeToString(etag[:]))},
					{"sequencer", encStr(strings.ToUpper(encHex(18, "s3 sequencer", bucket, k)))},
				}.compact()},
			}.compact()},
		}.compact()
	}
	return encIndent(jsonObject{{"Records", encArr(recs)}}.compact(), "  ")
}

// The values used where the records or keys say nothing: documentation
// values.
const (
	encDefaultAccount = "111122223333"
	encDefaultRegion  = "us-east-1"
)

var encDefaultTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// encRec is a record and what the containers need to know of it.
type encRec struct {
	raw     []byte // the record as read, without surrounding space
	compact []byte // the record on one line
	e       *cloudtrail.Event
	seed    string // what ids are derived from: the eventID, else the record
	account string // recipientAccountId, or the identity's account
	region  string // awsRegion
	t       time.Time
}

func encRecord(e *cloudtrail.Event) encRec {
	raw := e.Raw()
	if len(raw) == 0 {
		var err error
		if raw, err = e.MarshalJSON(); err != nil {
			panic("cloudtrailtest: Encode of an Event that does not marshal: " + err.Error())
		}
	}
	raw = bytes.TrimPrefix(bytes.TrimSpace(raw), []byte("\ufeff"))
	r := encRec{raw: raw, compact: raw, e: e, seed: e.EventID, account: e.RecipientAccountID, region: e.AWSRegion, t: e.EventTime}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) == nil {
		r.compact = buf.Bytes()
	}
	if r.seed == "" {
		r.seed = "record " + string(r.compact)
	}
	if r.account == "" && e.UserIdentity != nil {
		r.account = e.UserIdentity.AccountID
	}
	if r.account == "" {
		r.account = encDefaultAccount
	}
	if r.region == "" {
		r.region = encDefaultRegion
	}
	return r
}

// encTime writes the record's eventTime as EventBridge does, in seconds;
// an eventTime that is no time is written as it is.
func (r encRec) encTime() string {
	if r.t.IsZero() {
		return r.e.Get("eventTime").String()
	}
	return r.t.UTC().Format(time.RFC3339)
}

func encLogFile(recs []encRec) []byte {
	b := []byte(`{"Records":[`)
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, r.compact...)
	}
	return append(b, "]}"...)
}

// encDetailType returns the EventBridge detail-type of a record.
func encDetailType(e *cloudtrail.Event) string {
	switch {
	case e.EventType == "AwsConsoleSignIn":
		return "AWS Console Sign In via CloudTrail"
	case e.EventType == "AwsConsoleAction":
		return "AWS Console Action via CloudTrail"
	case e.EventType == "AwsServiceEvent":
		return "AWS Service Event via CloudTrail"
	case e.EventType == "AwsCloudTrailInsight" || e.EventCategory == "Insight":
		return "AWS Insight via CloudTrail"
	}
	return "AWS API Call via CloudTrail"
}

// encSource returns the EventBridge source of a record, such as
// "aws.mediaconvert" for "mediaconvert.amazonaws.com".
func encSource(e *cloudtrail.Event) string {
	src := e.EventSource
	if src == "" {
		return "aws.cloudtrail"
	}
	src = strings.ToLower(strings.TrimSpace(src))
	src = strings.TrimSuffix(src, ".amazonaws.com")
	if strings.HasPrefix(src, "aws.") {
		return src
	}
	return "aws." + src
}

// encEventBridge returns the EventBridge event of a record, on one line.
func encEventBridge(r encRec) []byte {
	return jsonObject{
		{"version", encStr("0")},
		{"id", encStr(encUUID("eventbridge", r.seed))},
		{"detail-type", encStr(encDetailType(r.e))},
		{"source", encStr(encSource(r.e))},
		{"account", encStr(r.account)},
		{"time", encStr(r.encTime())},
		{"region", encStr(r.region)},
		{"resources", []byte("[]")},
		{"detail", r.compact},
	}.compact()
}

// encCloudWatchLogs returns the CloudWatch Logs subscription payload
// of the records, on one line.
func encCloudWatchLogs(recs []encRec) []byte {
	account, region := encDefaultAccount, encDefaultRegion
	if len(recs) > 0 {
		account, region = recs[0].account, recs[0].region
	}
	evs := make([][]byte, len(recs))
	for i, r := range recs {
		var ms int64
		if !r.t.IsZero() {
			ms = r.t.UnixMilli()
		}
		evs[i] = jsonObject{
			{"id", encStr("3" + encDigits(55, "log event", r.seed))},
			{"timestamp", []byte(strconv.FormatInt(ms, 10))},
			{"message", encQuote(r.compact)},
		}.compact()
	}
	return jsonObject{
		{"messageType", encStr("DATA_MESSAGE")},
		{"owner", encStr(account)},
		{"logGroup", encStr("aws-cloudtrail-logs-" + account + "-" + encHex(8, "log group", account))},
		{"logStream", encStr(account + "_CloudTrail_" + region)},
		{"subscriptionFilters", encArr([][]byte{encStr("cloudtrail-media-events")})},
		{"logEvents", encArr(evs)},
	}.compact()
}

// encLookupEvents returns the lookup-events output of the records,
// indented by four spaces as the AWS CLI prints it.
func encLookupEvents(recs []encRec) []byte {
	evs := make([][]byte, len(recs))
	for i, r := range recs {
		e := r.e
		o := jsonObject{{"EventId", encStr(e.EventID)}, {"EventName", encStr(e.EventName)}}
		if e.ReadOnly != nil {
			o = append(o, jsonMember{"ReadOnly", encStr(strconv.FormatBool(*e.ReadOnly))})
		}
		if e.UserIdentity != nil && e.UserIdentity.AccessKeyID != "" {
			o = append(o, jsonMember{"AccessKeyId", encStr(e.UserIdentity.AccessKeyID)})
		}
		if !r.t.IsZero() {
			t := r.t.UTC()
			layout := "2006-01-02T15:04:05+00:00"
			if t.Nanosecond() != 0 {
				layout = "2006-01-02T15:04:05.000000+00:00"
			}
			o = append(o, jsonMember{"EventTime", encStr(t.Format(layout))})
		}
		o = append(o, jsonMember{"EventSource", encStr(e.EventSource)})
		if u := encUsername(e); u != "" {
			o = append(o, jsonMember{"Username", encStr(u)})
		}
		res := make([][]byte, 0, len(e.Resources))
		for _, rs := range e.Resources {
			name := rs.ARN
			if name == "" {
				name = rs.ARNPrefix
			}
			res = append(res, jsonObject{{"ResourceType", encStr(rs.Type)}, {"ResourceName", encStr(name)}}.compact())
		}
		o = append(o, jsonMember{"Resources", encArr(res)}, jsonMember{"CloudTrailEvent", encQuote(r.compact)})
		evs[i] = o.compact()
	}
	return append(encIndent(jsonObject{{"Events", encArr(evs)}}.compact(), "    "), '\n')
}

// encUsername returns the Username LookupEvents gives a record: the user
// name, the session name of an assumed role, "root".
func encUsername(e *cloudtrail.Event) string {
	if e.UserIdentity == nil {
		return ""
	}
	a := e.Actor()
	switch a.Kind {
	case cloudtrail.ActorRole:
		if a.Session != "" {
			return a.Session
		}
		return a.Name
	case cloudtrail.ActorAWSService, cloudtrail.ActorUnknown, cloudtrail.ActorAWSAccount:
		return e.UserIdentity.UserName
	}
	return a.Name
}

// encContext is where and when a message was sent, as far as it tells.
type encContext struct {
	account, region string
	t               time.Time
}

// encContextOf finds the account, region and time of a message: an
// EventBridge event, an SNS notification, a record, a log file, a
// CloudWatch Logs payload (compressed or not). What it does not find is
// filled with documentation values.
func encContextOf(msg []byte) encContext {
	cx := encContext{account: encDefaultAccount, region: encDefaultRegion, t: encDefaultTime}
	if len(msg) >= 2 && msg[0] == 0x1f && msg[1] == 0x8b {
		if zr, err := gzip.NewReader(bytes.NewReader(msg)); err == nil {
			if plain, err := io.ReadAll(io.LimitReader(zr, 4<<20)); err == nil {
				msg = plain
			}
		}
	}
	if !gjson.ValidBytes(msg) {
		return cx
	}
	root := gjson.ParseBytes(msg)
	if !root.IsObject() {
		return cx
	}
	first := func(paths ...string) string {
		for _, p := range paths {
			if v := root.Get(p); v.Type == gjson.String && v.Str != "" {
				return v.Str
			}
		}
		return ""
	}
	var account, region, when string
	switch {
	case root.Get("Records").IsArray():
		if rec := root.Get("Records.0"); rec.IsObject() {
			return encContextOf([]byte(rec.Raw))
		}
		return cx
	case root.Get("TopicArn").Exists():
		// arn:aws:sns:region:account:topic
		if parts := strings.SplitN(first("TopicArn"), ":", 6); len(parts) == 6 {
			region, account = parts[3], parts[4]
		}
		when = first("Timestamp")
	case root.Get("logEvents").Exists():
		account = first("owner")
		if _, r, ok := strings.Cut(first("logStream"), "_CloudTrail_"); ok {
			region = r
		}
		if ts := root.Get("logEvents.0.timestamp"); ts.Type == gjson.Number {
			when = ts.Raw
		}
	default:
		account = first("account", "recipientAccountId", "userIdentity.accountId")
		region = first("region", "awsRegion")
		when = first("time", "eventTime")
	}
	if account != "" {
		cx.account = account
	}
	if region != "" {
		cx.region = region
	}
	if t, err := cloudtrail.ParseTime(when); err == nil && when != "" {
		cx.t = t
	}
	return cx
}

// encKeyPlace returns the account and region of an S3 key of CloudTrail's
// form, AWSLogs/[o-org/]<account>/CloudTrail[-Digest]/<region>/...
func encKeyPlace(key string) (account, region string) {
	account, region = encDefaultAccount, encDefaultRegion
	parts := strings.Split(key, "/")
	for i := 1; i+1 < len(parts); i++ {
		if strings.HasPrefix(parts[i], "CloudTrail") && parts[i-1] != "" && parts[i+1] != "" {
			return parts[i-1], parts[i+1]
		}
	}
	return account, region
}

// encKeyTime returns the delivery time in the name of a CloudTrail log
// file, such as 20240404T1705Z.
func encKeyTime(key string) (time.Time, bool) {
	name := key[strings.LastIndexByte(key, '/')+1:]
	for f := range strings.SplitSeq(name, "_") {
		if len(f) == len("20060102T1504Z") && f[8] == 'T' && f[13] == 'Z' {
			if t, err := time.Parse("20060102T1504Z", f); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// encS3Key encodes an object key as S3 event notifications write it:
// URL-encoded, with spaces as '+' and slashes kept.
func encS3Key(k string) string {
	return strings.ReplaceAll(url.QueryEscape(k), "%2F", "/")
}

// jsonMember is one member of a JSON object, its value as JSON text.
type jsonMember struct {
	k string
	v []byte
}

// jsonObject is a JSON object whose members keep their order: the
// containers' messages and the responses the builder writes.
type jsonObject []jsonMember

// MarshalJSON writes the object on one line, so that a jsonObject nested in
// a value that encoding/json writes keeps its order.
func (o jsonObject) MarshalJSON() ([]byte, error) { return o.compact(), nil }

// compact writes the object on one line.
func (o jsonObject) compact() []byte {
	b := []byte{'{'}
	for i, m := range o {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, encStr(m.k)...)
		b = append(b, ':')
		b = append(b, m.v...)
	}
	return append(b, '}')
}

// sns writes the object as SNS writes notifications: two spaces of
// indentation and a space on both sides of each colon.
func (o jsonObject) sns() []byte {
	b := []byte("{\n")
	for i, m := range o {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, "  "...)
		b = append(b, encStr(m.k)...)
		b = append(b, " : "...)
		b = append(b, m.v...)
	}
	return append(b, "\n}"...)
}

// encArr writes a JSON array of JSON texts.
func encArr(items [][]byte) []byte {
	b := []byte{'['}
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it...)
	}
	return append(b, ']')
}

// encIndent indents compact JSON, which the package itself wrote.
func encIndent(b []byte, indent string) []byte {
	var buf bytes.Buffer
	if json.Indent(&buf, b, "", indent) != nil {
		return b
	}
	return buf.Bytes()
}

// encStr writes s as a JSON string, every byte kept (jsonscan's verbatim
// writer), so that the string decodes to exactly s.
func encStr(s string) []byte { return jsonscan.AppendStringVerbatim(nil, s) }

// encQuote is encStr of bytes.
func encQuote(s []byte) []byte { return encStr(string(s)) }

// encGzip compresses b; the output depends on b alone.
func encGzip(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// encBytes returns n bytes derived from parts: the same parts give the
// same bytes, and different parts bytes that look unrelated.
func encBytes(n int, parts ...string) []byte {
	seed := sha256.New()
	for _, p := range parts {
		seed.Write([]byte(p))
		seed.Write([]byte{0})
	}
	key := seed.Sum(nil)
	out := make([]byte, 0, n+sha256.Size)
	for ctr := uint32(0); len(out) < n; ctr++ {
		h := sha256.New()
		h.Write(key)
		h.Write(binary.BigEndian.AppendUint32(nil, ctr))
		out = h.Sum(out)
	}
	return out[:n]
}

// encHex returns n lower-case hexadecimal digits derived from parts.
func encHex(n int, parts ...string) string {
	return hex.EncodeToString(encBytes((n+1)/2, parts...))[:n]
}

// encDigits returns n decimal digits derived from parts.
func encDigits(n int, parts ...string) string {
	b := encBytes(n, parts...)
	for i := range b {
		b[i] = '0' + b[i]%10
	}
	return string(b)
}

// encUUID returns a UUID (of version 4, as the AWS services use)
// derived from parts.
func encUUID(parts ...string) string {
	b := encBytes(16, parts...)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
