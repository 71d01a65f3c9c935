package main

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

// emit writes one event as a line, with the attributes from that say
// where it came from, and counts it.
func (inv *invocation) emit(ctx context.Context, e *cloudtrail.Event, from []slog.Attr) {
	// The typed form logs as the event does, with the number of values
	// that did not convert; an operation without one logs as the event.
	var logged slog.LogValuer = e
	v, err := cloudtrail.Decode(e)
	if lv, ok := v.(slog.LogValuer); ok && err == nil {
		logged = lv
	}
	attrs := make([]slog.Attr, 0, 8+len(from))
	attrs = append(attrs, slog.Any("event", logged))
	if account := account(e); account != "" {
		attrs = append(attrs, slog.String("account", account))
	}
	if e.AWSRegion != "" {
		attrs = append(attrs, slog.String("region", e.AWSRegion))
	}
	if arn := e.Actor().ARN; arn != "" {
		attrs = append(attrs, slog.String("actorArn", arn))
	}
	if write, known := cloudtrail.IsWrite(e); known {
		attrs = append(attrs, slog.Bool("write", write))
	}
	if res := resource(e, v); len(res) > 0 {
		attrs = append(attrs, slog.Attr{Key: "resource", Value: slog.GroupValue(res...)})
	}
	attrs = append(attrs, from...)
	inv.log.LogAttrs(ctx, slog.LevelInfo, "event", attrs...)

	op := service(e.EventSource) + "." + e.EventName
	inv.m.events++
	inv.m.ops[op]++
	if e.Failed() {
		inv.m.failedCalls++
		inv.m.ops[op+".Failed"]++
	}
}

// account returns the account the event was recorded in.
func account(e *cloudtrail.Event) string {
	switch {
	case e.RecipientAccountID != "":
		return e.RecipientAccountID
	case e.Delivery != nil && e.Delivery.EventBridge != nil:
		return e.Delivery.EventBridge.Account
	case e.UserIdentity != nil:
		return e.UserIdentity.AccountID
	}
	return ""
}

// service returns the short name of an event source: "mediaconvert" for
// mediaconvert.amazonaws.com.
func service(source string) string {
	return strings.TrimSuffix(cloudtrail.CanonicalEventSource(source), ".amazonaws.com")
}

// resource describes the resource the call acts on: its type and the
// operation's kind, from the facts of the operation, and its id or name
// when the call names one resource.
func resource(e *cloudtrail.Event, v any) []slog.Attr {
	info, ok := cloudtrail.Info(e.EventSource, e.EventName)
	if !ok {
		return nil
	}
	var attrs []slog.Attr
	if info.Resource != "" {
		attrs = append(attrs, slog.String("type", info.Resource))
	}
	attrs = append(attrs, slog.String("kind", string(info.Kind)))
	if info.Kind != cloudtrail.OpList {
		if id := resourceID(e, v, info.Resource); id != "" {
			attrs = append(attrs, slog.String("id", id))
		}
	}
	return attrs
}

// resourceID returns the id or name of the one resource the call names:
// from the summaries of the service packages, which know where each
// operation keeps it (the job id MediaConvert returns, the name of a
// Transcribe job), else from the member of the request that names it
// (such as "name", "arn", or "channelName" for a resource of type Channel),
// else from the record's resources.
func resourceID(e *cloudtrail.Event, v any, typ string) string {
	one := func(ids ...string) string {
		if len(ids) == 1 {
			return ids[0]
		}
		return ""
	}
	var id string
	switch e.EventSource {
	case mediaconvert.EventSource:
		id = one(collect(mediaconvert.JobSummaries(v), func(s mediaconvert.JobSummary) string { return s.ID })...)
	case transcribe.EventSource:
		id = one(collect(transcribe.JobSummaries(v), func(s transcribe.JobSummary) string { return s.Name })...)
	case elastictranscoder.EventSource:
		id = one(collect(elastictranscoder.JobSummaries(v), func(s elastictranscoder.JobSummary) string { return s.ID })...)
		if id == "" {
			id = one(collect(elastictranscoder.PipelineSummaries(v), func(s elastictranscoder.PipelineSummary) string { return s.ID })...)
		}
		if id == "" {
			id = one(collect(elastictranscoder.PresetSummaries(v), func(s elastictranscoder.PresetSummary) string { return s.ID })...)
		}
	case mediatailor.EventSource:
		id = one(collect(mediatailor.PlaybackSummaries(v), func(s mediatailor.PlaybackSummary) string { return s.Name })...)
	}
	if id != "" {
		return id
	}
	// The request's member that names the resource, in this order.
	want := []string{typ + "Name", typ + "Id", typ + "Arn", "name", "id", "arn", "resourceArn"}
	found := map[int]string{}
	if len(e.RequestParameters) > 0 {
		gjson.ParseBytes(e.RequestParameters).ForEach(func(k, val gjson.Result) bool {
			if val.Type != gjson.String || val.Str == "" {
				return true
			}
			for i, w := range want {
				if _, seen := found[i]; !seen && strings.EqualFold(k.Str, w) {
					found[i] = val.Str
				}
			}
			return true
		})
	}
	for i := range want {
		if id, ok := found[i]; ok {
			return id
		}
	}
	if len(e.Resources) == 1 {
		return e.Resources[0].ARN
	}
	return ""
}

// collect returns the non-empty ids of summaries.
func collect[S any](sums []S, id func(S) string) []string {
	var out []string
	for _, s := range sums {
		if v := id(s); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// metrics are the counts of one invocation.
type metrics struct {
	events, failedCalls, damaged, skipped      int
	objectsRead, objectsMissing, objectsFailed int
	messages, messagesFailed                   int
	bytesRead                                  int64
	ops                                        map[string]int // by "service.EventName", and "service.EventName.Failed"
}

// maxMetrics is the most metrics one directive of the embedded metric
// format may define.
const maxMetrics = 100

// The embedded metric format: the _aws member of a log line.
type emfMeta struct {
	Timestamp         int64          `json:"Timestamp"`
	CloudWatchMetrics []emfDirective `json:"CloudWatchMetrics"`
}

type emfDirective struct {
	Namespace  string      `json:"Namespace"`
	Dimensions [][]string  `json:"Dimensions"`
	Metrics    []emfMetric `json:"Metrics"`
}

type emfMetric struct {
	Name string `json:"Name"`
	Unit string `json:"Unit"`
}

// flush writes the invocation's metrics as one line in the embedded
// metric format.
func (inv *invocation) flush(ctx context.Context) {
	cfg := inv.h.Config
	fn := cfg.FunctionName
	if fn == "" {
		fn = "mediatrail"
	}
	ns := cfg.Namespace
	if ns == "" {
		ns = "MediaTrail"
	}
	m := &inv.m
	totals := []struct {
		name, unit string
		value      int64
	}{
		{"Events", "Count", int64(m.events)},
		{"FailedCalls", "Count", int64(m.failedCalls)},
		{"Damaged", "Count", int64(m.damaged)},
		{"Skipped", "Count", int64(m.skipped)},
		{"ObjectsRead", "Count", int64(m.objectsRead)},
		{"ObjectsMissing", "Count", int64(m.objectsMissing)},
		{"ObjectsFailed", "Count", int64(m.objectsFailed)},
		{"BytesRead", "Bytes", m.bytesRead},
		{"Messages", "Count", int64(m.messages)},
		{"MessagesFailed", "Count", int64(m.messagesFailed)},
	}
	meta := emfMeta{Timestamp: time.Now().UnixMilli()}
	attrs := []slog.Attr{slog.String("FunctionName", fn), slog.String("Trigger", inv.trigger)}
	d := emfDirective{Namespace: ns, Dimensions: [][]string{{"FunctionName"}, {"FunctionName", "Trigger"}}}
	for _, t := range totals {
		d.Metrics = append(d.Metrics, emfMetric{t.name, t.unit})
		attrs = append(attrs, slog.Int64(t.name, t.value))
	}
	meta.CloudWatchMetrics = append(meta.CloudWatchMetrics, d)
	for chunk := range slices.Chunk(slices.Sorted(maps.Keys(m.ops)), maxMetrics) {
		d := emfDirective{Namespace: ns, Dimensions: [][]string{{"FunctionName"}}}
		for _, op := range chunk {
			d.Metrics = append(d.Metrics, emfMetric{op, "Count"})
			attrs = append(attrs, slog.Int(op, m.ops[op]))
		}
		meta.CloudWatchMetrics = append(meta.CloudWatchMetrics, d)
	}
	attrs = append(attrs, slog.Any("_aws", meta))
	inv.log.LogAttrs(ctx, slog.LevelInfo, "metrics", attrs...)
}
