package cloudtrail

import (
	"context"
	"strings"
	"time"
)

// DefaultMaxRecordSize is the largest record, in bytes, that a Reader reads
// unless WithMaxRecordSize says otherwise: 4 MiB. It also bounds every
// container the Reader holds whole in memory (an EventBridge event, a
// CloudWatch Logs payload, a LookupEvents page) and the bytes of a gzip
// member kept to go on after damage. It follows CloudTrail's own limits
// with room to spare: CloudTrail Lake stores events of at most 1 MB,
// requestParameters and responseElements over 100 KB are left out of
// records, events over 256 KB do not reach EventBridge or CloudWatch Logs,
// and a CloudWatch Logs batch holds at most 1 MB of messages. The Reader
// needs about three times the limit in memory at most; Records arrays and
// larger LookupEvents output are read element by element, so no log file
// is too large.
const DefaultMaxRecordSize = 4 << 20

// DefaultMaxDecompressedSize is the most bytes a Reader inflates from a
// gzip input unless WithMaxDecompressedSize says otherwise: 4 GiB, twenty
// times the largest CloudTrail log files. Apart from it, a gzip input that
// inflates more than 400 times (no JSON does; a decompression bomb of
// white space or zeros does) ends with an error wrapping ErrTooLarge after
// 64 MiB, in a fraction of a second.
const DefaultMaxDecompressedSize = 4 << 30

// Option configures a Reader.
type Option func(*options)

type options struct {
	ctx             context.Context
	maxRecord       int
	maxDecompressed int64 // < 0: no limit
	lenient         bool
	sources         []string
	names           []string
	writesOnly      bool
	readAhead       bool
	helpers         bool
	serviceEvents   bool
	since, until    time.Time // WithTimeRange; zero: unbounded
}

func defaultOptions() options {
	return options{
		ctx:             context.Background(),
		maxRecord:       DefaultMaxRecordSize,
		maxDecompressed: DefaultMaxDecompressedSize,
		readAhead:       true,
		helpers:         true,
	}
}

// WithContext makes the Reader stop with ctx's error once ctx is done. The
// Reader checks ctx between reads of its input and every few hundred
// records, so cancellation takes effect quickly even on a long input; it
// cannot interrupt a Read of the underlying io.Reader that blocks.
func WithContext(ctx context.Context) Option {
	return func(o *options) {
		if ctx != nil {
			o.ctx = ctx
		}
	}
}

// WithMaxRecordSize sets the largest record, in bytes, the Reader accepts
// (DefaultMaxRecordSize, 4 MiB, unless set). A larger record gives a
// *RecordError wrapping a *TooLargeError, and the Reader goes on with the
// next record. A value of zero or less restores the default.
func WithMaxRecordSize(n int) Option {
	return func(o *options) {
		if n <= 0 {
			n = DefaultMaxRecordSize
		}
		o.maxRecord = n
	}
}

// WithMaxDecompressedSize sets the most bytes the Reader inflates from a
// gzip input (DefaultMaxDecompressedSize, 4 GiB, unless set). Reading past
// it stops the Reader with a *TooLargeError. Zero restores the default; a
// negative value removes the limit. The limit does not apply to input that
// is not compressed.
func WithMaxDecompressedSize(n int64) Option {
	return func(o *options) {
		switch {
		case n == 0:
			n = DefaultMaxDecompressedSize
		case n < 0:
			n = -1
		}
		o.maxDecompressed = n
	}
}

// Lenient makes the Reader accept the JSON of documentation examples, which
// is often invalid as published: it drops trailing commas, adds a comma
// missing between a value and the next member or element on the next line
// (or after other white space), turns elided objects {...} into {} and
// elided arrays [...] into [], drops a bare ... (or …) where a member or
// element is left out, reads an elided value ("key": ...) as null, takes
// typographic quotes (“ ” ‘ ’) and single quotes as string delimiters,
// drops // and /* */ comments, escapes raw control characters inside
// strings, and drops the backslash of Markdown escapes inside strings
// (\. \_ \* and any other backslash before ASCII punctuation that is no JSON
// escape). Records that are empty objects once elisions are removed are
// skipped.
//
// The rewrite happens before the Reader splits its input, so the byte
// offsets that errors and Delivery report count the rewritten text. Strict
// reading is the default.
func Lenient() Option {
	return func(o *options) { o.lenient = true }
}

// WithEventSources makes the Reader deliver only records whose eventSource
// is one of sources. Sources are compared in their CloudTrail form (see
// CanonicalEventSource), so "aws.mediaconvert" and
// "mediaconvert.amazonaws.com" select the same records. The Reader decides
// from the record's bytes, without decoding records it skips. Records of
// CloudTrail Insights, which have no eventSource, are matched on
// insightDetails.eventSource. Several calls add up.
func WithEventSources(sources ...string) Option {
	return func(o *options) {
		for _, s := range sources {
			if c := CanonicalEventSource(s); c != "" {
				o.sources = append(o.sources, c)
			}
		}
	}
}

// WithEventNames makes the Reader deliver only records whose eventName is
// one of names, compared exactly (CloudTrail event names are case
// sensitive, such as "CreateJob"). Combined with WithEventSources, a record
// must match both. Several calls add up.
func WithEventNames(names ...string) Option {
	return func(o *options) {
		for _, n := range names {
			if n = strings.TrimSpace(n); n != "" {
				o.names = append(o.names, n)
			}
		}
	}
}

// WithWritesOnly makes the Reader deliver only records of calls that
// change a resource: those for which IsWrite reports a known change. The
// record's readOnly decides when it has one; otherwise the facts of its
// operation in the DefaultRegistry do (OperationInfo.IsWrite), so import
// the service packages. Records that neither tells about (no readOnly, an
// operation not registered) are skipped, and so are CloudTrail Insights
// events, which are no calls. Failed calls of changing operations are
// delivered: test Event.Failed to drop them. The Reader decides from the
// record's bytes, reading its top-level members without decoding the
// records it skips. Combined with WithEventSources and WithEventNames, a
// record must match all of them.
func WithWritesOnly() Option {
	return func(o *options) { o.writesOnly = true }
}

// WithTimeRange makes the Reader deliver only the records and service
// events whose EventTime is in [since, until): at or after since and
// before until. A zero since or until leaves that side unbounded. Records
// whose eventTime is missing or cannot be read are delivered, so that no
// event is lost for its time: test Event.EventTime.IsZero to drop them.
// Errors are delivered whatever the time of the record they are about.
//
// CloudTrail delivers a record minutes (rarely hours) after its call, so
// a log file holds records from before the time in its name; readers of
// many log files (such as package s3trail) list the files of a wider
// range and apply this filter to their records.
func WithTimeRange(since, until time.Time) Option {
	return func(o *options) { o.since, o.until = since, until }
}

// WithReadAhead sets whether the Reader inflates gzip input on a second
// goroutine while it splits records on the first (the default: true). On a
// machine with more than one CPU that nearly doubles the speed of reading
// compressed trails. The goroutine ends at the end of the input, on an
// error, on Close, or when the Reader is garbage collected. An input that
// tells its size and is under 1 MiB (a regular file, through its Stat, or
// an in-memory reader, through its Len), such as one of the small log
// files CloudTrail delivers, is read on one goroutine either way: for it
// a second costs more than it gives.
func WithReadAhead(on bool) Option {
	return func(o *options) { o.readAhead = on }
}

// WithParallel sets whether the Reader splits (and, without a filter,
// decodes) the records of a large log file on a second goroutine, when the
// program may use more than one CPU (the default: true). Events come out
// in the same order, with the same indices and errors, either way. Like
// WithReadAhead, it leaves inputs known to be under 1 MiB to one
// goroutine.
func WithParallel(on bool) Option {
	return func(o *options) { o.helpers = on }
}

// WithServiceEvents makes the Reader deliver the events that AWS services
// send to EventBridge themselves, such as MediaConvert's "MediaConvert Job
// State Change" or Amazon Transcribe's "Transcribe Job State Change", which
// carry what CloudTrail never shows: that a job completed or failed, its
// error code and message, the files it wrote. Without the option they give
// a *NotRecordsError of kind KindOtherEvent, as any EventBridge event that
// does not come from CloudTrail.
//
// These events are not CloudTrail records. The Reader delivers each as an
// *Event shaped like the service events CloudTrail logs itself:
//
//   - EventType "AwsServiceEvent";
//   - EventSource the CloudTrail form of the event's source
//     (CanonicalEventSource("aws.mediaconvert") is
//     "mediaconvert.amazonaws.com"), EventName its detail-type;
//   - EventTime its time, AWSRegion its region, RecipientAccountID its
//     account, EventID its id, Resources its resources (as ARNs);
//   - UserIdentity of type "AWSService", invoked by the event source, in
//     the event's account, so that Actor names the service;
//   - ServiceEventDetails its detail, as written;
//   - Delivery.Format FormatEventBridge, with Delivery.EventBridge filled
//     and Delivery.Index -1, since the event is no record: the indices of
//     records stay the same with the option and without it.
//
// The other fields are empty. Raw, MarshalJSON and Get give the EventBridge
// event as read, not a record: an Event of EventType "AwsServiceEvent" with
// Delivery.EventBridge set is one of these, and cloudtrail.Decode knows no
// typed form for it.
//
// Only events of AWS services count: their source starts with "aws.".
// Events of other sources (custom applications, partners) still give a
// *NotRecordsError, and so do S3 object notifications (KindS3Notification),
// which point at log files to read. WithEventSources and WithEventNames
// select service events by source and detail-type; WithWritesOnly skips
// them, since they are no calls.
func WithServiceEvents() Option {
	return func(o *options) { o.serviceEvents = true }
}
