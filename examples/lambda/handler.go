package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
	"github.com/mediatrail/mediatrail/cloudtrail/s3trail"
)

// Config is what the function keeps and how it reads.
type Config struct {
	EventSources []string // the event sources kept; nil keeps every source
	EventNames   []string // the event names kept; nil keeps every name
	WritesOnly   bool     // keep only the calls that change a resource
	Namespace    string   // the namespace of the metrics
	FunctionName string   // the value of the metrics' FunctionName dimension
	Concurrency  int      // how many log files are read at once; < 1: s3trail.DefaultConcurrency()
}

// Handler is the function: Handle takes every trigger of the package
// documentation.
type Handler struct {
	// S3 reads the log files that notifications name: an *s3.Client made
	// once at cold start.
	S3 s3trail.Client
	// Logger writes the events, the problems and the metrics; it must write
	// JSON (slog.NewJSONHandler) for the metrics to be read.
	Logger *slog.Logger
	Config Config
}

// The triggers, as the lines and the metrics name them.
const (
	triggerS3          = "s3"
	triggerSQS         = "sqs"
	triggerSNS         = "sns"
	triggerKinesis     = "kinesis"
	triggerEventBridge = "eventbridge"
	triggerCWLogs      = "cloudwatchlogs"
	triggerOther       = "other"
)

// Handle processes one invocation. For SQS it returns an
// events.SQSEventResponse and for Kinesis an events.KinesisEventResponse
// naming the messages to retry; for the other triggers nil, or an error
// when a log file could not be read and the invocation is to be retried.
func (h *Handler) Handle(ctx context.Context, payload json.RawMessage) (any, error) {
	inv := h.begin(ctx, payload)
	defer inv.flush(ctx)

	// Stop reading a little before the deadline, to answer with what
	// failed rather than time out.
	readCtx := ctx
	if deadline, ok := ctx.Deadline(); ok {
		margin := min(5*time.Second, time.Until(deadline)/10)
		var cancel context.CancelFunc
		readCtx, cancel = context.WithDeadline(ctx, deadline.Add(-margin))
		defer cancel()
	}

	switch inv.trigger {
	case triggerSQS:
		var ev events.SQSEvent
		if err := json.Unmarshal(payload, &ev); err != nil {
			return nil, fmt.Errorf("SQS event: %w", err)
		}
		ids, bodies := make([]string, len(ev.Records)), make([][]byte, len(ev.Records))
		for i, m := range ev.Records {
			ids[i], bodies[i] = m.MessageId, []byte(m.Body)
		}
		resp := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}
		for _, id := range inv.batch(readCtx, "messageId", ids, bodies) {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: id})
		}
		return resp, nil

	case triggerKinesis:
		var ev events.KinesisEvent
		if err := json.Unmarshal(payload, &ev); err != nil {
			return nil, fmt.Errorf("Kinesis event: %w", err)
		}
		ids, bodies := make([]string, len(ev.Records)), make([][]byte, len(ev.Records))
		for i, r := range ev.Records {
			ids[i], bodies[i] = r.Kinesis.SequenceNumber, r.Kinesis.Data
		}
		resp := events.KinesisEventResponse{BatchItemFailures: []events.KinesisBatchItemFailure{}}
		for _, id := range inv.batch(readCtx, "sequenceNumber", ids, bodies) {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.KinesisBatchItemFailure{ItemIdentifier: id})
		}
		return resp, nil
	}

	// A direct invocation: the payload is one message.
	m := &message{attrs: []slog.Attr{slog.String("trigger", inv.trigger)}}
	inv.decode(readCtx, m, payload)
	inv.readObjects(readCtx)
	inv.count([]*message{m})
	if m.failed {
		if inv.m.objectsFailed == 0 {
			return nil, errors.New("reading stopped at the deadline: the invocation is to be retried")
		}
		return nil, fmt.Errorf("%d of %d log files not read: the invocation is to be retried", inv.m.objectsFailed, len(inv.objects))
	}
	return nil, nil
}

// batch processes the messages of a batch, each body on its own, the log
// files they name together, and returns the ids of the messages to retry.
// idKey names the id on the lines of their events.
func (inv *invocation) batch(ctx context.Context, idKey string, ids []string, bodies [][]byte) (failed []string) {
	msgs := make([]*message, len(ids))
	for i := range ids {
		msgs[i] = &message{attrs: []slog.Attr{slog.String("trigger", inv.trigger), slog.String(idKey, ids[i])}}
		inv.decode(ctx, msgs[i], bodies[i])
	}
	inv.readObjects(ctx)
	inv.count(msgs)
	for i, m := range msgs {
		if m.failed {
			failed = append(failed, ids[i])
		}
	}
	return failed
}

// invocation is the state of one call of Handle.
type invocation struct {
	h       *Handler
	log     *slog.Logger
	trigger string
	opts    []cloudtrail.Option
	objects []*object          // the log files to read, in the order named
	byName  map[string]*object // the same, by s3://bucket/key
	m       metrics
}

// message is one message of a batch, or the payload of a direct
// invocation.
type message struct {
	attrs  []slog.Attr // what names it on the lines of its events
	failed bool        // to be retried
}

// object is a log file that messages name.
type object struct {
	bucket, key string
	name        string     // s3://bucket/key
	from        []*message // the messages that name it
	state       objectState
}

type objectState int

const (
	objectRead    objectState = iota // read to its end, or to damage that ends it
	objectMissing                    // not found: not retried
	objectFailed                     // not read: retried
)

// begin starts an invocation: it tells the trigger from the payload.
func (h *Handler) begin(ctx context.Context, payload []byte) *invocation {
	log := h.Logger
	if log == nil {
		log = slog.Default()
	}
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		log = log.With("requestId", lc.AwsRequestID)
	}
	inv := &invocation{h: h, log: log, trigger: trigger(payload), byName: map[string]*object{}}
	inv.m.ops = map[string]int{}
	if len(h.Config.EventSources) > 0 {
		inv.opts = append(inv.opts, cloudtrail.WithEventSources(h.Config.EventSources...))
	}
	if len(h.Config.EventNames) > 0 {
		inv.opts = append(inv.opts, cloudtrail.WithEventNames(h.Config.EventNames...))
	}
	if h.Config.WritesOnly {
		inv.opts = append(inv.opts, cloudtrail.WithWritesOnly())
	}
	return inv
}

// trigger tells what invoked the function from the payload's outer
// members. The containers inside are the Reader's to recognize.
func trigger(payload []byte) string {
	var p struct {
		Records []struct {
			EventSource string `json:"eventSource"` // also EventSource, as SNS writes it
		} `json:"Records"`
		AWSLogs    json.RawMessage `json:"awslogs"`
		DetailType string          `json:"detail-type"`
	}
	if json.Unmarshal(payload, &p) != nil {
		return triggerOther
	}
	switch {
	case len(p.Records) > 0:
		switch p.Records[0].EventSource {
		case "aws:sqs":
			return triggerSQS
		case "aws:kinesis":
			return triggerKinesis
		case "aws:s3":
			return triggerS3
		case "aws:sns":
			return triggerSNS
		}
	case p.AWSLogs != nil:
		return triggerCWLogs
	case p.DetailType != "":
		return triggerEventBridge
	}
	return triggerOther
}

// decode reads the records of a message's body, writes those kept, and
// notes the log files that notifications in it name.
func (inv *invocation) decode(ctx context.Context, m *message, body []byte) {
	r := cloudtrail.NewReader(bytes.NewReader(body), append(inv.opts[:len(inv.opts):len(inv.opts)], cloudtrail.WithContext(ctx))...)
	defer r.Close()
	for e, err := range r.All() {
		if err == nil {
			inv.emit(ctx, e, m.attrs)
			continue
		}
		var nre *cloudtrail.NotRecordsError
		errors.As(err, &nre)
		switch {
		case errors.Is(err, cloudtrail.ErrNotification):
			for _, key := range nre.Keys {
				if _, ok := s3trail.ParseKey(key); !ok && strings.Contains(key, "/CloudTrail-Digest/") {
					// A digest file holds no records: not worth a read.
					inv.m.skipped++
					inv.log.LogAttrs(ctx, slog.LevelInfo, "digest file skipped", append(m.attrs, slog.String("object", s3trail.Object{Bucket: nre.Bucket, Key: key}.Name()))...)
					continue
				}
				inv.name(m, nre.Bucket, key)
			}
		case errors.Is(err, cloudtrail.ErrTestEvent):
			inv.log.LogAttrs(ctx, slog.LevelInfo, "S3 test event acknowledged", append(m.attrs, slog.String("bucket", nre.Bucket))...)
		case nre != nil:
			inv.m.skipped++
			inv.log.LogAttrs(ctx, slog.LevelWarn, "skipped: no records", append(m.attrs, slog.String("kind", string(nre.Kind)), slog.String("detail", nre.Detail))...)
		case isContextEnd(err):
			m.failed = true
			inv.log.LogAttrs(ctx, slog.LevelError, "stopped before the deadline: to be retried", m.attrs...)
		default:
			inv.m.damaged++
			inv.log.LogAttrs(ctx, slog.LevelWarn, "damaged input skipped", append(m.attrs, slog.String("error", err.Error()))...)
		}
	}
}

// name notes that message m names the log file bucket/key.
func (inv *invocation) name(m *message, bucket, key string) {
	name := s3trail.Object{Bucket: bucket, Key: key}.Name()
	o := inv.byName[name]
	if o == nil {
		o = &object{bucket: bucket, key: key, name: name}
		inv.byName[name] = o
		inv.objects = append(inv.objects, o)
	}
	o.from = append(o.from, m)
}

// readObjects reads the log files that the messages named, in one stream,
// and marks the messages of those that could not be read as failed.
func (inv *invocation) readObjects(ctx context.Context) {
	ended := false // the context ended reading
	if len(inv.objects) > 0 {
		objects := make([]s3trail.Object, len(inv.objects))
		for i, o := range inv.objects {
			objects[i] = s3trail.Object{Bucket: o.bucket, Key: o.key}
		}
		r := s3trail.OpenObjects(ctx, inv.h.S3, objects,
			multi.WithConcurrency(inv.h.Config.Concurrency),
			multi.WithReaderOptions(inv.opts...))
		for e, err := range r.All() {
			if err == nil {
				inv.emit(ctx, e, inv.object(r.Input()).attrs())
				continue
			}
			var ie *multi.InputError
			if !errors.As(err, &ie) {
				ended = true // the context's end, which names no input
				continue
			}
			inv.inputError(ctx, inv.object(ie.Name), ie)
		}
		inv.m.bytesRead += r.Progress().BytesRead
		r.Close()
	}
	for _, o := range inv.objects {
		if ended && o.state == objectRead {
			// Whether it was read to its end is not known: read it again.
			o.state = objectFailed
			inv.log.LogAttrs(ctx, slog.LevelError, "stopped before the deadline: to be retried", o.attrs()...)
		}
		switch o.state {
		case objectRead:
			inv.m.objectsRead++
		case objectMissing:
			inv.m.objectsMissing++
		case objectFailed:
			inv.m.objectsFailed++
			for _, m := range o.from {
				m.failed = true
			}
		}
	}
}

// object returns the log file of an input's name. Inputs are named as
// s3trail.Object.Name names them, so it is always one that was named;
// for safety, another name gives a stand-in that counts nowhere.
func (inv *invocation) object(name string) *object {
	if o := inv.byName[name]; o != nil {
		return o
	}
	return &object{name: name, from: []*message{{}}}
}

// inputError handles an error of the log file o.
func (inv *invocation) inputError(ctx context.Context, o *object, ie *multi.InputError) {
	attrs := append(o.attrs(), slog.String("error", ie.Err.Error()))
	var nre *cloudtrail.NotRecordsError
	switch {
	case errors.As(ie, &nre):
		inv.m.skipped++
		inv.log.LogAttrs(ctx, slog.LevelWarn, "skipped: no records", append(attrs, slog.String("kind", string(nre.Kind)))...)
	case !ie.Ended:
		inv.m.damaged++
		inv.log.LogAttrs(ctx, slog.LevelWarn, "damaged record skipped", attrs...)
	case errors.Is(ie, s3trail.ErrNotFound):
		o.state = objectMissing
		inv.log.LogAttrs(ctx, slog.LevelWarn, "log file missing: not retried", attrs...)
	case errors.Is(ie, cloudtrail.ErrTruncated), errors.Is(ie, cloudtrail.ErrCorrupt), errors.Is(ie, cloudtrail.ErrTooLarge):
		// The stored bytes are damaged: reading them again changes nothing.
		inv.m.damaged++
		inv.log.LogAttrs(ctx, slog.LevelWarn, "log file damaged: the records before the damage are written", attrs...)
	default:
		// An S3 error, throttling, the network, the context's end.
		o.state = objectFailed
		inv.log.LogAttrs(ctx, slog.LevelError, "log file not read: to be retried", attrs...)
	}
}

// attrs names the object and the first message that named it.
func (o *object) attrs() []slog.Attr {
	return append(o.from[0].attrs[:len(o.from[0].attrs):len(o.from[0].attrs)], slog.String("object", o.name))
}

// isContextEnd reports whether err is the end of a context.
func isContextEnd(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// count counts the messages and those that failed.
func (inv *invocation) count(msgs []*message) {
	inv.m.messages = len(msgs)
	for _, m := range msgs {
		if m.failed {
			inv.m.messagesFailed++
		}
	}
}
