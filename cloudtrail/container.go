package cloudtrail

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// Format tells what container records were read from.
type Format int

// The formats a Reader recognizes.
const (
	FormatUnknown        Format = iota // nothing read yet, empty input, or no JSON
	FormatLogFile                      // a CloudTrail log file, {"Records":[...]}
	FormatRecord                       // a single record
	FormatArray                        // a JSON array of records (or of containers)
	FormatLines                        // JSON Lines or concatenated JSON values
	FormatEventBridge                  // an EventBridge event "... via CloudTrail"
	FormatCloudWatchLogs               // a CloudWatch Logs subscription payload, plain or as awslogs data
	FormatLookupEvents                 // LookupEvents output, {"Events":[...]}, or one of its events
	FormatNotRecords                   // a recognized value that carries no records (see NotRecordsError)
)

var formatNames = [...]string{
	FormatUnknown:        "unknown",
	FormatLogFile:        "CloudTrail log file",
	FormatRecord:         "record",
	FormatArray:          "JSON array",
	FormatLines:          "JSON Lines",
	FormatEventBridge:    "EventBridge event",
	FormatCloudWatchLogs: "CloudWatch Logs payload",
	FormatLookupEvents:   "LookupEvents output",
	FormatNotRecords:     "no records",
}

// String returns the name of the format, such as "CloudTrail log file".
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// NotRecordsKind names a kind of value that carries no records.
type NotRecordsKind string

// The kinds of NotRecordsError.
const (
	// KindDigestFile is a CloudTrail digest file; Bucket and Keys name the
	// log files it covers.
	KindDigestFile NotRecordsKind = "CloudTrail digest file"
	// KindValidationMessage is the text "CloudTrail validation message."
	// that CloudTrail publishes to an SNS topic to check it may.
	KindValidationMessage NotRecordsKind = "CloudTrail validation message"
	// KindS3TestEvent is the s3:TestEvent that S3 sends when event
	// notifications are set up; Bucket names the bucket.
	KindS3TestEvent NotRecordsKind = "S3 test event"
	// KindS3Notification is an S3 event notification (also through
	// EventBridge); Bucket and Keys name the object, with the key decoded.
	KindS3Notification NotRecordsKind = "S3 event notification"
	// KindLogFileNotification is the message CloudTrail publishes to SNS
	// when it delivers log files, {"s3Bucket":...,"s3ObjectKey":[...]};
	// Bucket and Keys name the log files.
	KindLogFileNotification NotRecordsKind = "CloudTrail log file notification"
	// KindSNSNotification is an SNS message whose content is none of the
	// above, such as a subscription confirmation; Detail says more.
	KindSNSNotification NotRecordsKind = "SNS notification"
	// KindSQSMessage is an SQS message whose body is none of the above.
	KindSQSMessage NotRecordsKind = "SQS message"
	// KindOtherEvent is an EventBridge event that does not come from
	// CloudTrail, such as "MediaConvert Job State Change"; Detail gives its
	// detail-type and source. With WithServiceEvents, the events of AWS
	// services are delivered as service events instead.
	KindOtherEvent NotRecordsKind = "EventBridge event not from CloudTrail"
)

// ErrNotRecords is the error that every *NotRecordsError matches with
// errors.Is.
var ErrNotRecords = errors.New("not CloudTrail records")

// Errors that a *NotRecordsError matches, by kind.
var (
	ErrDigestFile        = errors.New("CloudTrail digest file")            // KindDigestFile
	ErrValidationMessage = errors.New("CloudTrail validation message")     // KindValidationMessage
	ErrTestEvent         = errors.New("S3 test event")                     // KindS3TestEvent
	ErrNotification      = errors.New("notification of delivered objects") // KindS3Notification, KindLogFileNotification
	ErrOtherEvent        = errors.New("event not from CloudTrail")         // KindOtherEvent
)

// NotRecordsError reports a value that the Reader recognized but that
// carries no CloudTrail records. Reading goes on with the next value.
type NotRecordsError struct {
	Kind   NotRecordsKind // what the value is, such as KindDigestFile
	Offset int64          // the byte offset of the value in the (decompressed) input
	Via    []string       // the messages it came wrapped in, outermost first, such as ["SQS message", "SNS notification"]
	Detail string         // more about the value, such as the detail-type of an EventBridge event
	// Bucket and Keys name the S3 objects that a notification or a digest
	// file points at: for notifications, the log files to read.
	Bucket string
	Keys   []string // the object keys in Bucket
}

// Error implements error.
func (e *NotRecordsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cloudtrail: %s at offset %d", e.Kind, e.Offset)
	if len(e.Via) > 0 {
		inner := slices.Clone(e.Via)
		slices.Reverse(inner)
		fmt.Fprintf(&b, " (in %s)", strings.Join(inner, " in "))
	}
	b.WriteString(" carries no CloudTrail records")
	if e.Detail != "" {
		fmt.Fprintf(&b, ": %s", e.Detail)
	}
	if e.Bucket != "" || len(e.Keys) > 0 {
		b.WriteString("; it points at")
		for i, k := range e.Keys {
			if i == 3 {
				fmt.Fprintf(&b, " and %d more", len(e.Keys)-i)
				break
			}
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, " s3://%s/%s", e.Bucket, k)
		}
		if len(e.Keys) == 0 {
			fmt.Fprintf(&b, " s3://%s", e.Bucket)
		}
	}
	return b.String()
}

// Unwrap returns ErrNotRecords and the error of the kind, such as
// ErrDigestFile.
func (e *NotRecordsError) Unwrap() []error {
	errs := []error{ErrNotRecords}
	switch e.Kind {
	case KindDigestFile:
		errs = append(errs, ErrDigestFile)
	case KindValidationMessage:
		errs = append(errs, ErrValidationMessage)
	case KindS3TestEvent:
		errs = append(errs, ErrTestEvent)
	case KindS3Notification, KindLogFileNotification:
		errs = append(errs, ErrNotification)
	case KindOtherEvent:
		errs = append(errs, ErrOtherEvent)
	}
	return errs
}

// maxNesting bounds how deep containers may be wrapped in one another.
const maxNesting = 8

// nest returns the offset of a value found at index i of a value at off,
// or off itself inside decoded text, whose indices are not input offsets.
func (r *Reader) nest(off int64, i int) int64 {
	if r.pinned > 0 {
		return off
	}
	return off + int64(i)
}

// push queues a result for Next.
func (r *Reader) push(e *Event, err error) {
	r.queue = append(r.queue, item{e, err})
}

// expandTop reads a complete top-level value that is not a plain record.
func (r *Reader) expandTop(b []byte, off int64) {
	r.setFormat(r.expand(b, off, FormatRecord, true, nil, 0))
}

// members holds the top-level members of an object that tell what it is.
type members struct {
	n                                         int
	names                                     []string
	records, detailType, detail, source       gjson.Result
	awslogs, messageType, logEvents           gjson.Result
	events, nextToken, cloudTrailEvent        gjson.Result
	digest, logFiles                          gjson.Result
	service, event, bucket                    gjson.Result
	typ, message, sns, body, messages         gjson.Result
	s3Bucket, s3ObjectKey, s3, kinesis        gjson.Result
	eventSource, eventName, recordMember      gjson.Result
	eventSourceUpper, messageID, receiptHandl gjson.Result
}

func (m *members) collect(root gjson.Result) {
	root.ForEach(func(k, v gjson.Result) bool {
		// The first member of a name counts, as everywhere.
		set := func(dst *gjson.Result) {
			if !dst.Exists() {
				*dst = v
			}
		}
		m.n++
		if len(m.names) < 6 {
			m.names = append(m.names, k.Str)
		}
		switch k.Str {
		case "Records":
			set(&m.records)
		case "detail-type":
			set(&m.detailType)
		case "detail":
			set(&m.detail)
		case "source":
			set(&m.source)
		case "awslogs":
			set(&m.awslogs)
		case "messageType":
			set(&m.messageType)
		case "logEvents":
			set(&m.logEvents)
		case "Events":
			set(&m.events)
		case "NextToken":
			set(&m.nextToken)
		case "CloudTrailEvent":
			set(&m.cloudTrailEvent)
		case "digestStartTime", "digestEndTime", "digestS3Object", "previousDigestSignature", "digestSignatureAlgorithm":
			set(&m.digest)
		case "logFiles":
			set(&m.logFiles)
		case "Service":
			set(&m.service)
		case "Event":
			set(&m.event)
		case "Bucket":
			set(&m.bucket)
		case "Type":
			set(&m.typ)
		case "Message":
			set(&m.message)
		case "Sns":
			set(&m.sns)
		case "body", "Body":
			set(&m.body)
		case "Messages":
			set(&m.messages)
		case "MessageId", "messageId":
			set(&m.messageID)
		case "ReceiptHandle", "receiptHandle":
			set(&m.receiptHandl)
		case "s3Bucket":
			set(&m.s3Bucket)
		case "s3ObjectKey":
			set(&m.s3ObjectKey)
		case "s3":
			set(&m.s3)
		case "kinesis":
			set(&m.kinesis)
		case "eventSource":
			set(&m.eventSource)
		case "EventSource":
			set(&m.eventSourceUpper)
		case "eventName":
			set(&m.eventName)
		case "eventVersion", "eventTime", "eventID", "eventType", "userIdentity", "insightDetails", "requestParameters", "awsRegion":
			set(&m.recordMember)
		default:
			// Records written with other capitals, such as the PascalCase
			// "EventVersion" and "UserIdentity", are records too. Only
			// members that no container nor LookupEvents event has count.
			var buf [maxFoldKey]byte
			switch string(foldKey(&buf, k.Str)) {
			case "eventversion", "useridentity", "awsregion", "sourceipaddress", "useragent",
				"requestparameters", "responseelements", "eventtype", "recipientaccountid",
				"eventcategory", "managementevent", "insightdetails":
				set(&m.recordMember)
			case "eventname":
				set(&m.eventName)
			case "eventsource":
				set(&m.eventSource)
			}
		}
		return true
	})
}

// expand reads the complete JSON value b and queues the records and errors
// it holds. b may be part of the Reader's buffer: whatever is kept is
// copied. f is the Delivery.Format of b if it is a record; whole says b is
// a document of its own (a top-level value or a decoded message), which
// may be an array or a string. expand returns the format it found.
func (r *Reader) expand(b []byte, off int64, f Format, whole bool, d *Delivery, depth int) Format {
	if depth > maxNesting {
		r.push(nil, &ContainerError{Format: r.format, What: "message", Offset: off, Err: errors.New("containers are nested too deep")})
		return f
	}
	if !jsonscan.Valid(b) {
		idx := r.index
		r.index++
		r.push(nil, &RecordError{Index: idx, Offset: off, Err: syntaxError(b, r.opt.lenient)})
		return f
	}
	return r.expandValid(b, off, f, whole, d, depth)
}

// expandValid is expand for b that is valid JSON, nested no deeper than
// allowed.
func (r *Reader) expandValid(b []byte, off int64, f Format, whole bool, d *Delivery, depth int) Format {
	root := gjson.ParseBytes(b)
	switch {
	case root.IsObject():
	case root.IsArray() && whole:
		root.ForEach(func(_, el gjson.Result) bool {
			r.expand(sub(b, el), r.nest(off, el.Index), FormatArray, false, d, depth+1)
			return true
		})
		return FormatArray
	case root.Type == gjson.String && whole:
		return r.expandText(root.Str, off, f, d, depth, "")
	default:
		idx := r.index
		r.index++
		r.push(nil, &RecordError{Index: idx, Offset: off, Err: fmt.Errorf("%w: the value is JSON %s", ErrNotRecord, kindName(root))})
		return f
	}

	var m members
	m.collect(root)
	switch {
	case m.records.Exists():
		return r.memRecords(b, &m, off, d, depth)
	case m.detailType.Exists() && m.detail.Exists():
		return r.eventBridge(b, &m, off, d)
	case m.awslogs.IsObject():
		data := m.awslogs.Get("data")
		if data.Type != gjson.String {
			r.push(nil, &ContainerError{Format: r.format, What: "CloudWatch Logs awslogs object", Offset: off, Err: fmt.Errorf("%w: awslogs has no data string", ErrSyntax)})
			return FormatCloudWatchLogs
		}
		r.encoded(data.Str, off, "CloudWatch Logs data", d, depth)
		return FormatCloudWatchLogs
	case m.messageType.Exists() && (m.logEvents.Exists() || m.messageType.Str == "CONTROL_MESSAGE"):
		return r.cloudWatchLogs(root, &m, off, d, depth)
	case m.events.IsArray():
		next := strings.Clone(m.nextToken.String())
		m.events.ForEach(func(_, ev gjson.Result) bool {
			r.lookupEvent(ev, r.nest(off, ev.Index), next, d, depth)
			return true
		})
		return FormatLookupEvents
	case m.cloudTrailEvent.Exists():
		r.lookupEvent(root, off, "", d, depth)
		return FormatLookupEvents
	case m.digest.Exists():
		nre := &NotRecordsError{Kind: KindDigestFile, Offset: off, Via: via(d)}
		start, end := root.Get("digestStartTime").String(), root.Get("digestEndTime").String()
		if start != "" || end != "" {
			nre.Detail = "it covers " + start + " to " + end
		}
		m.logFiles.ForEach(func(_, lf gjson.Result) bool {
			if nre.Bucket == "" {
				nre.Bucket = strings.Clone(lf.Get("s3Bucket").String())
			}
			nre.Keys = append(nre.Keys, strings.Clone(lf.Get("s3Object").String()))
			return true
		})
		r.push(nil, nre)
		return FormatNotRecords
	case m.event.Str == "s3:TestEvent":
		r.push(nil, &NotRecordsError{Kind: KindS3TestEvent, Offset: off, Via: via(d), Bucket: strings.Clone(m.bucket.String())})
		return FormatNotRecords
	case m.typ.Exists() && m.message.Exists():
		typ := m.typ.String()
		if typ != "Notification" || m.message.Type != gjson.String {
			r.push(nil, &NotRecordsError{Kind: KindSNSNotification, Offset: off, Via: via(d), Detail: "message type " + strings.Clone(typ)})
			return FormatNotRecords
		}
		return r.expandText(m.message.Str, off, FormatRecord, withVia(d, string(KindSNSNotification)), depth+1, KindSNSNotification)
	case m.sns.IsObject():
		return r.expand(sub(b, m.sns), r.nest(off, m.sns.Index), f, false, d, depth+1)
	case m.messages.IsArray():
		format := FormatNotRecords
		m.messages.ForEach(func(_, msg gjson.Result) bool {
			if got := r.expand(sub(b, msg), r.nest(off, msg.Index), f, false, d, depth+1); got != FormatNotRecords {
				format = got
			}
			return true
		})
		return format
	case m.body.Exists() && (m.messageID.Exists() || m.receiptHandl.Exists()):
		if m.body.Type != gjson.String {
			r.push(nil, &NotRecordsError{Kind: KindSQSMessage, Offset: off, Via: via(d), Detail: "its body is no string"})
			return FormatNotRecords
		}
		return r.expandText(m.body.Str, off, FormatRecord, withVia(d, string(KindSQSMessage)), depth+1, KindSQSMessage)
	case m.s3Bucket.Exists() && m.s3ObjectKey.Exists():
		nre := &NotRecordsError{Kind: KindLogFileNotification, Offset: off, Via: via(d), Bucket: strings.Clone(m.s3Bucket.String())}
		if m.s3ObjectKey.IsArray() {
			m.s3ObjectKey.ForEach(func(_, k gjson.Result) bool {
				nre.Keys = append(nre.Keys, strings.Clone(k.String()))
				return true
			})
		} else {
			nre.Keys = []string{strings.Clone(m.s3ObjectKey.String())}
		}
		r.push(nil, nre)
		return FormatNotRecords
	case m.eventSource.Str == "aws:s3" || m.s3.IsObject() && strings.HasPrefix(m.eventSource.Str, "aws:"):
		nre := &NotRecordsError{Kind: KindS3Notification, Offset: off, Via: via(d), Detail: strings.Clone(m.eventName.String())}
		nre.Bucket = strings.Clone(m.s3.Get("bucket.name").String())
		if key := m.s3.Get("object.key"); key.Exists() {
			nre.Keys = []string{s3Key(key.String())}
		}
		r.push(nil, nre)
		return FormatNotRecords
	case m.eventSource.Str == "aws:kinesis" && m.kinesis.IsObject():
		data := m.kinesis.Get("data")
		r.encoded(data.String(), off, "Kinesis data", withVia(d, "Kinesis record"), depth)
		return FormatCloudWatchLogs
	case strings.HasPrefix(m.eventSource.Str, "aws:") || strings.HasPrefix(m.eventSourceUpper.Str, "aws:") ||
		m.eventSourceUpper.Exists() && !m.recordMember.Exists() && !m.eventSource.Exists():
		// An event of another kind ("aws:sns"), or an object with only an
		// EventSource, such as a LookupEvents event without its record.
		idx := r.index
		r.index++
		src := m.eventSource.String()
		if src == "" {
			src = m.eventSourceUpper.String()
		}
		r.push(nil, &RecordError{Index: idx, Offset: off, Err: fmt.Errorf("%w: an event of %s", ErrNotRecord, src)})
		return f
	case m.eventSource.Exists() || m.eventName.Exists() || m.recordMember.Exists() || m.eventSourceUpper.Exists():
		r.emitRecord(b, off, f, d)
		return f
	case m.n == 0 && r.opt.lenient:
		// An elided record, {...}.
		return f
	}
	idx := r.index
	r.index++
	desc := "an empty JSON object"
	if m.n > 0 {
		desc = "a JSON object with members " + strings.Join(m.names, ", ")
		if m.n > len(m.names) {
			desc += ", ..."
		}
	}
	r.push(nil, &RecordError{Index: idx, Offset: off, Err: fmt.Errorf("%w: %s", ErrNotRecord, desc)})
	return f
}

// expandText reads a string that should hold JSON: a CloudWatch Logs or
// SNS message, a CloudTrailEvent, an SQS body. wrapper is the kind of the
// message the string came in, for text that is no JSON; empty when the
// string must be a record.
func (r *Reader) expandText(s string, off int64, f Format, d *Delivery, depth int, wrapper NotRecordsKind) Format {
	t := strings.TrimSpace(s)
	if t == validationMessage {
		r.push(nil, &NotRecordsError{Kind: KindValidationMessage, Offset: off, Via: via(d)})
		return FormatNotRecords
	}
	if wrapper != "" && !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
		if len(t) > 64 {
			t = t[:61] + "..."
		}
		r.push(nil, &NotRecordsError{Kind: wrapper, Offset: off, Via: via(d), Detail: "its message is not JSON: " + strings.Clone(t)})
		return FormatNotRecords
	}
	text := []byte(t)
	if r.opt.lenient {
		text = lenientBytes(text)
	}
	// Offsets inside the text would count the decoded string, not the
	// input: everything in it is reported at the string's offset.
	r.pinned++
	defer func() { r.pinned-- }()
	return r.expand(text, off, f, true, d, depth+1)
}

// encoded reads base64 data that holds JSON, gzipped or not: the awslogs
// data of a CloudWatch Logs subscription, the data of a Kinesis record.
func (r *Reader) encoded(data string, off int64, what string, d *Delivery, depth int) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(data))
	if err != nil {
		r.push(nil, &ContainerError{Format: r.format, What: what, Offset: off, Err: fmt.Errorf("base64: %w", err)})
		return
	}
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		raw, err = inflate(raw, r.opt.maxRecord)
		if err != nil {
			r.push(nil, &ContainerError{Format: r.format, What: what, Offset: off, Err: err})
			return
		}
	}
	if r.opt.lenient {
		raw = lenientBytes(raw)
	}
	r.pinned++
	defer func() { r.pinned-- }()
	r.expand(raw, off, FormatCloudWatchLogs, true, d, depth+1)
}

// inflate decompresses a gzip payload of at most limit bytes.
func inflate(data []byte, limit int) ([]byte, error) {
	g, err := newGzipStream(bytes.NewReader(data), 0, int64(limit))
	if err == nil {
		var out []byte
		out, err = io.ReadAll(g)
		g.release()
		if err == nil {
			return out, nil
		}
	}
	if ce, ok := err.(*ContainerError); ok {
		return nil, ce.Err
	}
	if tl, ok := err.(*TooLargeError); ok {
		tl.What = "decompressed payload"
	}
	return nil, err
}

// memRecords reads a log file held in memory (an element of an array, a
// message).
func (r *Reader) memRecords(b []byte, m *members, off int64, d *Delivery, depth int) Format {
	if !m.records.IsArray() {
		if m.records.Type != gjson.Null {
			r.push(nil, &ContainerError{Format: r.format, What: "log file", Offset: off, Err: fmt.Errorf("%w: Records is JSON %s, not an array", ErrSyntax, kindName(m.records))})
		}
		return FormatLogFile
	}
	format := FormatLogFile
	m.records.ForEach(func(_, el gjson.Result) bool {
		if got := r.expand(sub(b, el), r.nest(off, el.Index), FormatLogFile, false, d, depth+1); got == FormatNotRecords {
			format = FormatNotRecords
		}
		return true
	})
	return format
}

// isCloudTrailDetailType reports whether an EventBridge detail-type is one
// of the "... via CloudTrail" types, whose detail is a CloudTrail record.
func isCloudTrailDetailType(dt string) bool {
	const suffix = "via cloudtrail"
	dt = strings.TrimSpace(dt)
	return len(dt) >= len(suffix) && strings.EqualFold(dt[len(dt)-len(suffix):], suffix)
}

// eventBridge reads an EventBridge event.
func (r *Reader) eventBridge(b []byte, m *members, off int64, d *Delivery) Format {
	dt := m.detailType.String()
	src := m.source.String()
	if !isCloudTrailDetailType(dt) {
		if src == "aws.s3" {
			if key := m.detail.Get("object.key"); key.Exists() {
				r.push(nil, &NotRecordsError{
					Kind:   KindS3Notification,
					Offset: off,
					Via:    append(via(d), "EventBridge event"),
					Detail: strings.Clone(dt),
					Bucket: strings.Clone(m.detail.Get("bucket.name").String()),
					Keys:   []string{strings.Clone(key.String())},
				})
				return FormatNotRecords
			}
		}
		if r.opt.serviceEvents && isServiceSource(src) {
			r.serviceEvent(b, m, off, d)
			return FormatEventBridge
		}
		r.push(nil, &NotRecordsError{Kind: KindOtherEvent, Offset: off, Via: via(d), Detail: fmt.Sprintf("detail-type %q from %s", dt, src)})
		return FormatNotRecords
	}
	if !m.detail.IsObject() {
		idx := r.index
		r.index++
		r.push(nil, &RecordError{Index: idx, Offset: off, Err: fmt.Errorf("%w: the detail of the EventBridge event is JSON %s", ErrNotRecord, kindName(m.detail))})
		return FormatEventBridge
	}
	eb := eventBridgeEnvelope(b, dt, src)
	nd := cloneDelivery(d)
	nd.EventBridge = eb
	r.emitRecord(sub(b, m.detail), r.nest(off, m.detail.Index), FormatEventBridge, nd)
	return FormatEventBridge
}

// eventBridgeEnvelope returns the envelope of the EventBridge event b,
// whose detail-type and source are dt and src.
func eventBridgeEnvelope(b []byte, dt, src string) *EventBridgeDelivery {
	root := gjson.ParseBytes(b)
	eb := &EventBridgeDelivery{
		Version:    strings.Clone(root.Get("version").String()),
		ID:         strings.Clone(root.Get("id").String()),
		DetailType: strings.Clone(dt),
		Source:     strings.Clone(src),
		Account:    strings.Clone(root.Get("account").String()),
		Region:     strings.Clone(root.Get("region").String()),
	}
	if t, err := ParseTime(root.Get("time").String()); err == nil {
		eb.Time = t
	}
	root.Get("resources").ForEach(func(_, res gjson.Result) bool {
		eb.Resources = append(eb.Resources, strings.Clone(res.String()))
		return true
	})
	return eb
}

// isServiceSource reports whether an EventBridge source is that of an AWS
// service, "aws." and a name, which only AWS services may send.
func isServiceSource(src string) bool {
	return len(src) > len("aws.") && strings.HasPrefix(src, "aws.")
}

// serviceEventType is the eventType of the events WithServiceEvents
// delivers, as CloudTrail gives the service events it logs itself.
const serviceEventType = "AwsServiceEvent"

// serviceEvent queues the EventBridge event b, sent by an AWS service
// itself, as an Event shaped as CloudTrail's own service events (see
// WithServiceEvents), unless the filter skips it.
func (r *Reader) serviceEvent(b []byte, m *members, off int64, d *Delivery) {
	eb := eventBridgeEnvelope(b, m.detailType.String(), m.source.String())
	source := CanonicalEventSource(eb.Source)
	if !r.filt.matchFields(source, eb.DetailType) {
		return
	}
	raw := bytes.Clone(b)
	e := &Event{
		EventTime:          eb.Time,
		EventSource:        source,
		EventName:          eb.DetailType,
		AWSRegion:          eb.Region,
		EventID:            eb.ID,
		EventType:          serviceEventType,
		RecipientAccountID: eb.Account,
		UserIdentity:       &UserIdentity{Type: "AWSService", AccountID: eb.Account, InvokedBy: source},
		raw:                raw,
	}
	if s := m.detail.Index; s > 0 && s+len(m.detail.Raw) <= len(raw) && string(raw[s:s+len(m.detail.Raw)]) == m.detail.Raw {
		e.ServiceEventDetails = json.RawMessage(raw[s : s+len(m.detail.Raw) : s+len(m.detail.Raw)])
	} else {
		e.ServiceEventDetails = json.RawMessage(m.detail.Raw)
	}
	for _, arn := range eb.Resources {
		e.Resources = append(e.Resources, Resource{ARN: arn})
	}
	nd := cloneDelivery(d)
	nd.Format, nd.Index, nd.Offset = FormatEventBridge, -1, off
	nd.EventBridge = eb
	e.Delivery = nd
	r.push(e, nil)
}

// cloudWatchLogs reads a CloudWatch Logs subscription payload.
func (r *Reader) cloudWatchLogs(root gjson.Result, m *members, off int64, d *Delivery, depth int) Format {
	if m.messageType.String() == "CONTROL_MESSAGE" {
		return FormatCloudWatchLogs
	}
	base := CloudWatchLogsDelivery{
		MessageType: strings.Clone(m.messageType.String()),
		Owner:       strings.Clone(root.Get("owner").String()),
		LogGroup:    strings.Clone(root.Get("logGroup").String()),
		LogStream:   strings.Clone(root.Get("logStream").String()),
	}
	root.Get("subscriptionFilters").ForEach(func(_, f gjson.Result) bool {
		base.SubscriptionFilters = append(base.SubscriptionFilters, strings.Clone(f.String()))
		return true
	})
	return r.cloudWatchLogEvents(m, base, off, d, depth)
}

// cloudWatchLogEvents reads the log events of a CloudWatch Logs payload.
func (r *Reader) cloudWatchLogEvents(m *members, base CloudWatchLogsDelivery, off int64, d *Delivery, depth int) Format {
	if !m.logEvents.IsArray() {
		r.push(nil, &ContainerError{Format: r.format, What: "CloudWatch Logs payload", Offset: off, Err: fmt.Errorf("%w: logEvents is JSON %s, not an array", ErrSyntax, kindName(m.logEvents))})
		return FormatCloudWatchLogs
	}
	i := -1
	m.logEvents.ForEach(func(_, ev gjson.Result) bool {
		i++
		cw := base
		cw.EventID = strings.Clone(ev.Get("id").String())
		if ts := ev.Get("timestamp"); ts.Exists() {
			cw.Timestamp = time.UnixMilli(ts.Int()).UTC()
		}
		nd := cloneDelivery(d)
		nd.CloudWatchLogs = &cw
		evOff := r.nest(off, ev.Index)
		le := LogEventError{Event: i, ID: cw.EventID, LogGroup: base.LogGroup, LogStream: base.LogStream}
		msg := ev.Get("message")
		if msg.Type != gjson.String {
			le.Err = fmt.Errorf("%w: the log event has no message string", ErrNotRecord)
			r.pushLogEventError(evOff, le)
			return true
		}
		r.logEventMessage(msg.Str, evOff, nd, depth, le)
		return true
	})
	return FormatCloudWatchLogs
}

// LogEventError is the cause of a *RecordError about a log event of a
// CloudWatch Logs subscription payload. A subscription filter on a log
// group that holds more than CloudTrail records, such as the log group of
// a Lambda function, delivers messages like "START RequestId: ...",
// "[ERROR] ..." or {"level":"info",...}: each gives a *RecordError whose
// Err is a *LogEventError with Err ErrNotRecord and the start of the
// message, as in
//
//	cloudtrail: record 3 at offset 1234: log event 0 (id 3195...) of log group /aws/lambda/my-function, stream 2019/03/13/[$LATEST]abc, is not a CloudTrail record: "[ERROR] First test message"
//
// A record whose JSON is broken gives one with Err wrapping ErrSyntax:
//
//	cloudtrail: record 3 at offset 1234: log event 0 (id 3195...) of log group G, stream S: invalid JSON: ... at byte 56 of the record
//
// Reading goes on with the next log event. errors.Is matches ErrNotRecord
// or ErrSyntax through it; errors.As finds it, to learn which log group
// sends what.
type LogEventError struct {
	Event     int    // the log event's index in the payload's logEvents, from 0
	ID        string // the log event's id
	LogGroup  string // the payload's log group
	LogStream string // the payload's log stream
	// Message is the start of a message that is not a record, its
	// surrounding spaces trimmed, at most 40 bytes and then "...".
	Message string
	// Err is ErrNotRecord for a message that is not a record, else the
	// cause, such as an error wrapping ErrSyntax.
	Err error
}

// maxMessageStart is how much of a message a LogEventError keeps.
const maxMessageStart = 40

// Error implements error.
func (e *LogEventError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cloudtrail: log event %d", e.Event)
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %s)", e.ID)
	}
	switch {
	case e.LogGroup != "" && e.LogStream != "":
		fmt.Fprintf(&b, " of log group %s, stream %s", e.LogGroup, e.LogStream)
	case e.LogGroup != "":
		fmt.Fprintf(&b, " of log group %s", e.LogGroup)
	case e.LogStream != "":
		fmt.Fprintf(&b, " of log stream %s", e.LogStream)
	}
	if e.Err == ErrNotRecord {
		if e.LogGroup != "" && e.LogStream != "" {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " is not a CloudTrail record: %q", e.Message)
		return b.String()
	}
	b.WriteString(": ")
	b.WriteString(causeText(e.Err))
	return b.String()
}

// Unwrap returns the cause.
func (e *LogEventError) Unwrap() error { return e.Err }

// pushLogEventError queues a *RecordError about a log event, which counts
// as a record.
func (r *Reader) pushLogEventError(off int64, le LogEventError) {
	idx := r.index
	r.index++
	r.push(nil, &RecordError{Index: idx, Offset: off, Err: &le})
}

// logEventMessage reads the message of the log event that le names. It
// should be a record, or a container of records such as an EventBridge
// event; text that is no JSON, JSON that is no record, and records with
// broken JSON give a *RecordError whose cause is le. So do the errors
// about the records found in the message.
func (r *Reader) logEventMessage(s string, off int64, d *Delivery, depth int, le LogEventError) {
	if depth+1 > maxNesting {
		r.push(nil, &ContainerError{Format: r.format, What: "message", Offset: off, Err: errors.New("containers are nested too deep")})
		return
	}
	t := strings.TrimSpace(s)
	if t == validationMessage {
		r.push(nil, &NotRecordsError{Kind: KindValidationMessage, Offset: off, Via: via(d)})
		return
	}
	if strings.HasPrefix(t, `"`) && jsonscan.Valid([]byte(t)) {
		// A JSON string: a message encoded twice.
		r.logEventMessage(gjson.Parse(t).Str, off, d, depth+1, le)
		return
	}
	notRecord := func() {
		r.pushLogEventError(off, LogEventError{Event: le.Event, ID: le.ID, LogGroup: le.LogGroup, LogStream: le.LogStream, Message: messageStart(t), Err: ErrNotRecord})
	}
	if !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
		// Plain text, such as "START RequestId: ...", or a JSON number or
		// literal. ("[ERROR] ..." fails as JSON below.)
		notRecord()
		return
	}
	text := []byte(t)
	if r.opt.lenient {
		text = lenientBytes(text)
	}
	if !jsonscan.Valid(text) {
		if t[0] == '{' && looksLikeRecord(text) {
			c := le
			c.Err = syntaxError(text, r.opt.lenient)
			r.pushLogEventError(off, c)
			return
		}
		notRecord()
		return
	}
	if t[0] == '[' && !hasObject(gjson.ParseBytes(text)) {
		notRecord()
		return
	}
	n := len(r.queue)
	// Offsets inside the message would count the decoded string, not the
	// input: everything in it is reported at the log event's offset.
	r.pinned++
	r.expandValid(text, off, FormatCloudWatchLogs, true, d, depth+1)
	r.pinned--
	added := r.queue[n:]
	if len(added) == 1 && t[0] == '{' {
		// The message itself is no record (a JSON log line): say so, with
		// its start rather than its members.
		if re, ok := added[0].err.(*RecordError); ok && errors.Is(re.Err, ErrNotRecord) && !errors.As(re.Err, new(*LogEventError)) {
			c := le
			c.Err, c.Message = ErrNotRecord, messageStart(t)
			re.Err = &c
			return
		}
	}
	for i := range added {
		re, ok := added[i].err.(*RecordError)
		if !ok || errors.As(re.Err, new(*LogEventError)) {
			continue
		}
		c := le
		c.Err = re.Err
		re.Err = &c
	}
}

// messageStart returns the start of a log event's message for an error:
// at most maxMessageStart bytes, cut between characters, and "..." when
// it is cut.
func messageStart(t string) string {
	if len(t) <= maxMessageStart {
		return strings.Clone(t)
	}
	n := maxMessageStart
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	return t[:n] + "..."
}

// recordMarks are members, quoted and in lower case, that tell a record
// or a container of records in JSON too broken to parse.
var recordMarks = [][]byte{
	[]byte(`"eventversion"`), []byte(`"eventsource"`), []byte(`"eventname"`), []byte(`"eventtime"`),
	[]byte(`"eventid"`), []byte(`"eventtype"`), []byte(`"useridentity"`), []byte(`"awsregion"`),
	[]byte(`"sourceipaddress"`), []byte(`"recipientaccountid"`), []byte(`"eventcategory"`),
	[]byte(`"records"`), []byte(`"detail-type"`), []byte(`"cloudtrailevent"`),
}

// looksLikeRecord reports whether invalid JSON names members of a record
// (in any capitals) or of a container of records.
func looksLikeRecord(text []byte) bool {
	lower := bytes.ToLower(text)
	for _, m := range recordMarks {
		if bytes.Contains(lower, m) {
			return true
		}
	}
	return false
}

// hasObject reports whether a JSON array holds an object.
func hasObject(arr gjson.Result) bool {
	found := false
	arr.ForEach(func(_, el gjson.Result) bool {
		found = el.IsObject()
		return !found
	})
	return found
}

// lookupEvent reads one event of LookupEvents output.
func (r *Reader) lookupEvent(ev gjson.Result, off int64, next string, d *Delivery, depth int) {
	ld := &LookupEventsDelivery{
		EventID:     strings.Clone(ev.Get("EventId").String()),
		EventName:   strings.Clone(ev.Get("EventName").String()),
		EventSource: strings.Clone(ev.Get("EventSource").String()),
		Username:    strings.Clone(ev.Get("Username").String()),
		AccessKeyID: strings.Clone(ev.Get("AccessKeyId").String()),
		NextToken:   next,
	}
	if t := ev.Get("EventTime"); t.Exists() {
		text := t.Str
		if t.Type == gjson.Number {
			text = t.Raw
		}
		if tm, err := ParseTime(text); err == nil {
			ld.EventTime = tm
		}
	}
	if ro := ev.Get("ReadOnly"); ro.Exists() {
		b := ro.Bool() || strings.EqualFold(ro.Str, "true")
		ld.ReadOnly = &b
	}
	ev.Get("Resources").ForEach(func(_, res gjson.Result) bool {
		ld.Resources = append(ld.Resources, LookupResource{
			ResourceType: strings.Clone(res.Get("ResourceType").String()),
			ResourceName: strings.Clone(res.Get("ResourceName").String()),
		})
		return true
	})
	nd := cloneDelivery(d)
	nd.LookupEvents = ld
	ct := ev.Get("CloudTrailEvent")
	switch ct.Type {
	case gjson.String:
		r.expandText(ct.Str, off, FormatLookupEvents, nd, depth, "")
	case gjson.JSON:
		if ct.IsObject() {
			r.emitRecord([]byte(ct.Raw), off, FormatLookupEvents, nd)
			return
		}
		fallthrough
	default:
		idx := r.index
		r.index++
		r.push(nil, &RecordError{Index: idx, Offset: off, Err: fmt.Errorf("%w: the LookupEvents event has no CloudTrailEvent", ErrNotRecord)})
	}
}

// emitRecord queues the record rec, a complete and valid JSON object,
// unless the filter skips it.
func (r *Reader) emitRecord(rec []byte, off int64, f Format, d *Delivery) {
	idx := r.index
	r.index++
	if !r.filt.matchRecord(rec) {
		return
	}
	e, err, _ := r.decode(bytes.Clone(rec), f, idx, off, d)
	r.push(e, err)
}

// sub returns the bytes of v, a value gjson found in b.
func sub(b []byte, v gjson.Result) []byte {
	if v.Index > 0 && v.Index+len(v.Raw) <= len(b) && string(b[v.Index:v.Index+len(v.Raw)]) == v.Raw {
		return b[v.Index : v.Index+len(v.Raw)]
	}
	return []byte(v.Raw)
}

// via returns the wrappers a delivery records.
func via(d *Delivery) []string {
	if d == nil {
		return nil
	}
	return slices.Clip(d.Via)
}

// withVia returns a copy of d with one more wrapper.
func withVia(d *Delivery, wrapper string) *Delivery {
	nd := cloneDelivery(d)
	nd.Via = slices.Clip(append(slices.Clip(nd.Via), wrapper))
	return nd
}

// cloneDelivery returns a copy of d, or a new Delivery for nil.
func cloneDelivery(d *Delivery) *Delivery {
	if d == nil {
		return new(Delivery)
	}
	nd := *d
	return &nd
}

// s3Key decodes an object key as S3 event notifications write it.
func s3Key(k string) string {
	if dec, err := url.QueryUnescape(k); err == nil {
		return dec
	}
	return strings.Clone(k)
}

// syntaxError returns where the JSON of a record, which is invalid, breaks.
func syntaxError(raw []byte, lenient bool) error {
	se := &SyntaxError{Msg: "invalid JSON", In: "the record", docs: !lenient && looksLikeDocs(raw)}
	if _, err := jsonscan.Check(raw); err != nil {
		se.Msg, se.Offset = err.Msg, int64(err.Offset)
	}
	return se
}

// looksLikeDocs reports whether invalid JSON has the marks of a
// documentation example: elisions, typographic quotes, trailing commas.
func looksLikeDocs(raw []byte) bool {
	if bytes.Contains(raw, []byte("...")) || bytes.Contains(raw, []byte("…")) ||
		bytes.Contains(raw, []byte("“")) || bytes.Contains(raw, []byte("”")) {
		return true
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != ',' {
			continue
		}
		j := i + 1
		for j < len(raw) && (raw[j] == ' ' || raw[j] == '\n' || raw[j] == '\r' || raw[j] == '\t') {
			j++
		}
		if j < len(raw) && (raw[j] == '}' || raw[j] == ']') {
			return true
		}
	}
	return false
}
