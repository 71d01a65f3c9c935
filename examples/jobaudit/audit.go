package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/jobs"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/examples/internal/console"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

// sources are the event sources read: those of the services whose jobs
// package jobs follows. The services' own events match them too
// ("aws.mediaconvert" is mediaconvert.amazonaws.com).
var sources = []string{
	mediaconvert.EventSource, elastictranscoder.EventSource,
	transcribe.EventSource, mediatailor.EventSource,
}

// audit reads inputs into a jobs.Tracker, and keeps what the histories do
// not: the key settings of each submission and the changes the service
// made to them.
type audit struct {
	cfg     config
	tracker *jobs.Tracker
	// subs are the calls that may be submissions (successful Create,
	// Start and Put calls), by event; a history's Submitted names the one
	// it is.
	subs map[subKey]*submission

	in     *console.Inputs
	stderr io.Writer
	mu     sync.Mutex // guards stderr, shared with the progress reports

	undecodable int // events of a tracked operation that did not decode

	events    atomic.Int64 // events read, for the progress reports
	histories atomic.Int64 // histories so far, for the progress reports
}

// subKey identifies a call: event ids are not unique across operations
// in every trail (documentation examples share them).
type subKey struct {
	eventID, operation string
	time               time.Time
}

// submission is what jobaudit keeps of a call that may be a submission.
type submission struct {
	// settings are the key settings of each job or resource the call
	// shows, by its id (or name).
	settings []jobSettings
	// compared reports that the call's response echoes its request, so
	// that changes were looked for; changes are the first of them (all
	// with -json or -changes all), of total.
	compared bool
	changes  []change
	total    int
}

// jobSettings are the key settings of one job or resource.
type jobSettings struct {
	id       string
	settings []setting
}

// setting is one key setting of a job, such as the queue or the first
// output destination.
type setting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// change is one change the service made to the requested settings, its
// values as written (copied out of the event).
type change struct {
	Path      string          `json:"path"`
	Kind      string          `json:"kind"` // filled, changed, dropped or redacted
	Requested json.RawMessage `json:"requested,omitempty"`
	Returned  json.RawMessage `json:"returned,omitempty"`
}

func newAudit(cfg config, in *console.Inputs, stderr io.Writer) *audit {
	// The requestParameters of the submissions are not kept: the key
	// settings and the changes are taken out of the events as they come.
	return &audit{
		cfg:     cfg,
		tracker: jobs.NewTracker(jobs.WithoutSettings()),
		subs:    make(map[subKey]*submission),
		in:      in,
		stderr:  stderr,
	}
}

func (a *audit) warn(format string, args ...any) {
	a.mu.Lock()
	defer a.mu.Unlock()
	fmt.Fprintf(a.stderr, "jobaudit: "+format+"\n", args...)
}

// readerOptions are the options of the Reader of each input.
func readerOptions(cfg config) []cloudtrail.Option {
	opts := []cloudtrail.Option{cloudtrail.WithServiceEvents(), cloudtrail.WithEventSources(sources...)}
	if cfg.lenient {
		opts = append(opts, cloudtrail.Lenient())
	}
	return opts
}

// read reads the inputs to their end.
func (a *audit) read() {
	for e := range a.in.Events(func(msg string) { a.warn("%s", msg) }) {
		a.events.Add(1)
		if err := a.tracker.Add(e); err != nil {
			a.undecodable++
			a.warn("%s: %v", a.in.Name(), err)
			continue
		}
		a.histories.Store(int64(a.tracker.Len()))
		a.keepSubmission(e)
	}
}

// keepSubmission keeps the key settings and the service's changes of e
// when it may be the submission of a job or resource: a successful call
// that creates one (CreateJob, Start...Job, Create..., Put...).
func (a *audit) keepSubmission(e *cloudtrail.Event) {
	if e.EventType == "AwsServiceEvent" || e.Failed() {
		return
	}
	if !strings.HasPrefix(e.EventName, "Create") && !strings.HasPrefix(e.EventName, "Start") && !strings.HasPrefix(e.EventName, "Put") {
		return
	}
	k := subKey{e.EventID, e.EventName, e.EventTime}
	if _, ok := a.subs[k]; ok {
		return // the same record again
	}
	s := &submission{}
	if v, err := cloudtrail.Decode(e); err == nil {
		s.settings = keySettings(e, v)
	}
	if changes, ok := e.ServiceChanges(); ok {
		s.compared, s.total = true, len(changes)
		keep := len(changes)
		if !a.cfg.json && a.cfg.changes >= 0 {
			keep = min(keep, a.cfg.changes)
		}
		for _, c := range changes[:keep] {
			s.changes = append(s.changes, change{
				Path:      strings.Clone(c.Path),
				Kind:      string(c.Kind),
				Requested: compact(c.Requested),
				Returned:  compact(c.Returned),
			})
		}
	}
	if len(s.settings) > 0 || s.compared {
		k.eventID, k.operation = strings.Clone(k.eventID), strings.Clone(k.operation)
		a.subs[k] = s
	}
}

// compact returns a compacted copy of the JSON value v, which may be
// indented as the record was; nil for none.
func compact(v json.RawMessage) json.RawMessage {
	if len(v) == 0 {
		return nil
	}
	var b bytes.Buffer
	if json.Compact(&b, v) != nil {
		// No valid JSON (Changes compares such values whole): its text,
		// as a JSON string.
		s, _ := json.Marshal(string(v))
		return s
	}
	return b.Bytes()
}

// submissionOf returns what was kept of the submission of h, and the key
// settings of h in it; nil when h has no submission or nothing was kept.
func (a *audit) submissionOf(h *jobs.History) (*submission, []setting) {
	if h.Submitted == nil {
		return nil, nil
	}
	s := a.subs[subKey{h.Submitted.EventID, h.Submitted.Operation, h.Submitted.Time}]
	if s == nil {
		return nil, nil
	}
	for _, js := range s.settings {
		if js.id != "" && (js.id == h.ID || js.id == h.Name) {
			return s, js.settings
		}
	}
	if len(s.settings) == 1 {
		return s, s.settings[0].settings
	}
	return s, nil
}

// keySettings returns the key settings of the jobs and resources that the
// typed event v of e shows, as the services' summaries give them.
func keySettings(e *cloudtrail.Event, v any) []jobSettings {
	var out []jobSettings
	add := func(id string, settings []setting) {
		var kept []setting
		for _, s := range settings {
			if s.Value != "" {
				kept = append(kept, setting{strings.Clone(s.Name), strings.Clone(s.Value)})
			}
		}
		if len(kept) > 0 {
			out = append(out, jobSettings{id: strings.Clone(id), settings: kept})
		}
	}
	for _, j := range mediaconvert.JobSummaries(v) {
		settings := []setting{
			{"queue", j.Queue},
			{"template", j.JobTemplate},
			{"role", j.Role},
			{"input", e.RequestParameter("settings.inputs.0.fileInput").String()},
		}
		for _, g := range j.Outputs {
			settings = append(settings, setting{"output", describeGroup(g)})
		}
		add(j.ID, settings)
	}
	for _, j := range transcribe.JobSummaries(v) {
		add(j.Name, []setting{
			{"language", j.LanguageCode},
			{"media", j.MediaURI},
			{"format", j.MediaFormat},
			{"output", e.RequestParameter("outputBucketName").String()},
		})
	}
	for _, j := range elastictranscoder.JobSummaries(v) {
		settings := []setting{
			{"pipeline", j.PipelineID},
			{"input", j.InputKey},
			{"prefix", j.OutputKeyPrefix},
		}
		for _, o := range j.Outputs {
			settings = append(settings, setting{"output", describeETOutput(o)})
		}
		add(j.ID, settings)
	}
	for _, p := range elastictranscoder.PipelineSummaries(v) {
		add(p.ID, []setting{
			{"name", p.Name},
			{"input", p.InputBucket},
			{"output", p.OutputBucket},
			{"role", p.Role},
		})
	}
	for _, p := range mediatailor.PlaybackSummaries(v) {
		add(p.Name, []setting{
			{"content", p.VideoContentSource},
			{"ads", p.AdDecisionServer},
		})
	}
	return out
}

// describeGroup describes a MediaConvert output group, such as
// "file -> s3://bucket/out/: MP4 H_264 1920x1080 5 Mbit/s QVBR AAC".
func describeGroup(g mediaconvert.OutputGroupSummary) string {
	var b strings.Builder
	b.WriteString(cmpOr(g.Kind(), "group"))
	if g.CustomName != "" {
		b.WriteString(" " + strconv.Quote(g.CustomName))
	}
	if g.Destination != "" {
		b.WriteString(" -> " + g.Destination)
	}
	for i, o := range g.Outputs {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(describeOutput(o))
	}
	return b.String()
}

// describeOutput describes one MediaConvert output, such as
// "MP4 H_264 1920x1080 5 Mbit/s QVBR AAC".
func describeOutput(o mediaconvert.OutputSummary) string {
	var words []string
	add := func(w string) {
		if w != "" {
			words = append(words, w)
		}
	}
	add(string(o.Container))
	add(string(o.VideoCodec))
	add(o.Resolution())
	if o.Bitrate > 0 {
		add(formatBitrate(o.Bitrate))
	}
	add(o.RateControlMode)
	var audio []string
	for _, c := range o.AudioCodecs {
		audio = append(audio, string(c))
	}
	add(strings.Join(audio, "+"))
	if o.Preset != "" {
		add("preset " + o.Preset)
	}
	if len(words) == 0 {
		return "as the input"
	}
	return strings.Join(words, " ")
}

// describeETOutput describes one Elastic Transcoder output, such as
// "ep042-720p.mp4 1280x720 preset 1592308987154-k3ptqm".
func describeETOutput(o elastictranscoder.OutputSummary) string {
	words := []string{cmpOr(o.Key, "-")}
	if o.Width > 0 && o.Height > 0 {
		words = append(words, strconv.Itoa(o.Width)+"x"+strconv.Itoa(o.Height))
	}
	if o.PresetID != "" {
		words = append(words, "preset "+o.PresetID)
	}
	return strings.Join(words, " ")
}

// formatBitrate writes bits per second in the largest unit that keeps it
// short: "5 Mbit/s", "96 kbit/s", "1500 bit/s".
func formatBitrate(bps int64) string {
	switch {
	case bps >= 1_000_000:
		return strconv.FormatFloat(float64(bps)/1e6, 'f', -1, 64) + " Mbit/s"
	case bps >= 1_000:
		return strconv.FormatFloat(float64(bps)/1e3, 'f', -1, 64) + " kbit/s"
	}
	return strconv.FormatInt(bps, 10) + " bit/s"
}

// cmpOr returns s, or or when s is empty.
func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

// summary writes one line that counts what was read, fitted to width
// (0: not fitted).
func (a *audit) summary(w io.Writer, width int) {
	st := a.tracker.Stats()
	line := fmt.Sprintf("%s from %s in %s", count(a.tracker.Len(), "history", "histories"),
		count(st.Events, "event", "events"), count(a.in.Progress().Inputs, "input", "inputs"))
	var notes []string
	if st.Unattributed > 0 {
		notes = append(notes, fmt.Sprintf("%d calls named no job (a failed CreateJob makes none)", st.Unattributed))
	}
	if n := a.in.BadRecords + a.in.Failed; n > 0 {
		notes = append(notes, fmt.Sprintf("%d input errors", n))
	}
	if a.undecodable > 0 {
		notes = append(notes, fmt.Sprintf("%d events that did not decode", a.undecodable))
	}
	if len(notes) > 0 {
		line += "; " + strings.Join(notes, "; ")
	}
	if width > 0 {
		line = cut(line, width)
	}
	fmt.Fprintln(w, line)
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// startProgress reports progress on standard error until the returned
// function is called.
func (a *audit) startProgress() (stop func()) {
	return console.StartProgress(a.stderr, &a.mu, progressEvery, func(elapsed time.Duration) string {
		return "jobaudit: " + a.in.ProgressLine(elapsed, fmt.Sprintf("%d events, %d histories", a.events.Load(), a.histories.Load()))
	})
}
