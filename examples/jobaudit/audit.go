package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/transcribe"
)

// The services, as the output names them.
const (
	serviceMediaConvert      = "MediaConvert"
	serviceElasticTranscoder = "Elastic Transcoder"
	serviceTranscribe        = "Transcribe"
)

// Job is one job as the logs show it, the element of the -json output.
type Job struct {
	Service string `json:"service"`        // MediaConvert, Elastic Transcoder or Transcribe
	Kind    string `json:"kind,omitempty"` // the Transcribe job family, such as "transcription"
	ID      string `json:"id"`             // the job id (the job name for Transcribe); empty for a rejected submission
	ARN     string `json:"arn,omitempty"`
	Region  string `json:"region,omitempty"`

	SubmittedBy string    `json:"submittedBy,omitempty"` // the actor of the submission, when the logs show it
	SubmittedAt time.Time `json:"submittedAt,omitzero"`  // the time of the submission event

	// Outputs are the outputs the job was set to produce (transcoding jobs).
	Outputs []Output `json:"outputs,omitempty"`
	// PipelineID is the Elastic Transcoder pipeline of the job.
	PipelineID string `json:"pipelineId,omitempty"`
	// Input is the input file of the job (Elastic Transcoder).
	Input string `json:"input,omitempty"`
	// Language and MediaURI describe a Transcribe job.
	Language string `json:"language,omitempty"`
	MediaURI string `json:"mediaUri,omitempty"`

	Status string `json:"status,omitempty"` // the last status the logs show
	Fate   string `json:"fate"`             // what became of the job, in words
	Events []Step `json:"events"`           // every event that shows the job, oldest first
}

// Output is one output of a transcoding job.
type Output struct {
	GroupType   string   `json:"groupType,omitempty"` // file, HLS, DASH, CMAF or MS Smooth (MediaConvert)
	Destination string   `json:"destination,omitempty"`
	Key         string   `json:"key,omitempty"`    // the output key (Elastic Transcoder)
	Preset      string   `json:"preset,omitempty"` // the preset id or name
	Container   string   `json:"container,omitempty"`
	VideoCodec  string   `json:"videoCodec,omitempty"`
	Resolution  string   `json:"resolution,omitempty"` // such as 1920x1080
	Bitrate     int64    `json:"bitrate,omitempty"`    // video bits per second (the maximum for QVBR)
	RateControl string   `json:"rateControl,omitempty"`
	AudioCodecs []string `json:"audioCodecs,omitempty"`
}

// Step is one event that shows a job.
type Step struct {
	Time   time.Time `json:"time"`
	Event  string    `json:"event"` // the event name, such as "GetJob"
	Actor  string    `json:"actor"`
	Action string    `json:"action"`           // submitted, read, listed, cancelled or deleted
	Status string    `json:"status,omitempty"` // the job status the event shows
	Error  string    `json:"error,omitempty"`  // the error code of a call that failed
}

// sighting is what one event shows of one job, whatever the service.
type sighting struct {
	service, kind, id, arn string
	status                 string
	outputs                []Output
	pipelineID, input      string
	language, mediaURI     string
}

// jobKey identifies a job across events.
type jobKey struct{ service, kind, id string }

// eventKey identifies a record, so that a record read twice (from log
// files that overlap, or a file given twice) counts once.
type eventKey struct {
	id, source, name string
	time             time.Time
}

// audit collects the jobs of the events it is given.
type audit struct {
	byKey map[jobKey]*Job
	list  []*Job
	seen  map[eventKey]bool
}

// add records what e shows of jobs, if anything.
func (a *audit) add(e *cloudtrail.Event) {
	if e.EventID != "" {
		k := eventKey{e.EventID, e.EventSource, e.EventName, e.EventTime}
		if a.seen[k] {
			return
		}
		if a.seen == nil {
			a.seen = make(map[eventKey]bool)
		}
		a.seen[k] = true
	}
	v, err := cloudtrail.Decode(e)
	if err != nil {
		return // an operation without a typed form shows no job
	}
	for _, s := range sightings(v) {
		a.see(e, s)
	}
}

// sightings converts the job summaries of a typed event into sightings.
func sightings(v any) []sighting {
	var out []sighting
	for _, j := range mediaconvert.JobSummaries(v) {
		s := sighting{service: serviceMediaConvert, id: j.ID, arn: j.ARN, status: string(j.Status)}
		for _, g := range j.Outputs {
			for _, o := range g.Outputs {
				output := Output{
					GroupType:   g.Kind(),
					Destination: g.Destination,
					Preset:      o.Preset,
					Container:   string(o.Container),
					VideoCodec:  string(o.VideoCodec),
					Resolution:  o.Resolution(),
					Bitrate:     o.Bitrate,
					RateControl: o.RateControlMode,
				}
				for _, c := range o.AudioCodecs {
					output.AudioCodecs = append(output.AudioCodecs, string(c))
				}
				s.outputs = append(s.outputs, output)
			}
		}
		out = append(out, s)
	}
	for _, j := range elastictranscoder.JobSummaries(v) {
		s := sighting{service: serviceElasticTranscoder, id: j.ID, arn: j.ARN, status: j.Status,
			pipelineID: j.PipelineID, input: j.InputKey}
		for _, o := range j.Outputs {
			output := Output{Key: o.Key, Preset: o.PresetID}
			if o.Width > 0 && o.Height > 0 {
				output.Resolution = strconv.Itoa(o.Width) + "x" + strconv.Itoa(o.Height)
			}
			s.outputs = append(s.outputs, output)
		}
		out = append(out, s)
	}
	for _, j := range transcribe.JobSummaries(v) {
		out = append(out, sighting{service: serviceTranscribe, kind: string(j.Kind), id: j.Name,
			status: string(j.Status), language: j.LanguageCode, mediaURI: j.MediaURI})
	}
	return out
}

// action names what an operation does to a job.
func action(eventName string) string {
	switch {
	case strings.HasPrefix(eventName, "Create"), strings.HasPrefix(eventName, "Start"):
		return "submitted"
	case strings.HasPrefix(eventName, "Cancel"):
		return "cancelled"
	case strings.HasPrefix(eventName, "Delete"):
		return "deleted"
	case strings.HasPrefix(eventName, "List"), strings.HasPrefix(eventName, "Search"):
		return "listed"
	}
	return "read"
}

// see records one sighting of a job in event e.
func (a *audit) see(e *cloudtrail.Event, s sighting) {
	key := jobKey{s.service, s.kind, s.id}
	if s.id == "" {
		// A submission that was refused has no id; it is a job of its own,
		// under a key no id can take.
		key.id = "\x00refused " + strconv.Itoa(len(a.list))
	}
	j := a.byKey[key]
	if j == nil {
		if a.byKey == nil {
			a.byKey = make(map[jobKey]*Job)
		}
		j = &Job{Service: s.service, Kind: s.kind, ID: s.id}
		a.byKey[key] = j
		a.list = append(a.list, j)
	}
	step := Step{
		Time:   e.EventTime,
		Event:  e.EventName,
		Actor:  e.Actor().String(),
		Action: action(e.EventName),
		Status: s.status,
		Error:  e.ErrorCode,
	}
	j.Events = append(j.Events, step)

	// What a submission asked for comes first; other events fill the gaps.
	submission := step.Action == "submitted"
	if submission && j.SubmittedBy == "" {
		j.SubmittedBy, j.SubmittedAt = step.Actor, step.Time
	}
	fill := func(dst *string, src string) {
		if src != "" && (*dst == "" || submission) {
			*dst = src
		}
	}
	fill(&j.ARN, s.arn)
	fill(&j.Region, e.AWSRegion)
	fill(&j.PipelineID, s.pipelineID)
	fill(&j.Input, s.input)
	fill(&j.Language, s.language)
	fill(&j.MediaURI, s.mediaURI)
	if len(s.outputs) > 0 && (len(j.Outputs) == 0 || submission) {
		j.Outputs = s.outputs
	}
}

// jobs returns the jobs seen, each with its events in time order and its
// last status and fate worked out, ordered by their first event.
func (a *audit) jobs() []Job {
	out := make([]Job, 0, len(a.list))
	for _, j := range a.list {
		slices.SortStableFunc(j.Events, func(x, y Step) int { return x.Time.Compare(y.Time) })
		for _, st := range j.Events {
			if st.Status != "" && st.Error == "" {
				j.Status = st.Status
			}
		}
		j.Fate = fate(j.Events)
		out = append(out, *j)
	}
	slices.SortStableFunc(out, func(x, y Job) int {
		return cmp.Or(
			x.Events[0].Time.Compare(y.Events[0].Time),
			strings.Compare(x.Service, y.Service),
			strings.Compare(x.ID, y.ID),
		)
	})
	return out
}

// fate tells what became of a job: the events after its submission (all of
// them when the logs do not show the submission), in words.
func fate(steps []Step) string {
	var parts []string
	for _, st := range steps {
		when := st.Time.UTC().Format(time.RFC3339)
		switch {
		case st.Action == "submitted" && st.Error != "":
			parts = append(parts, "rejected ("+st.Error+")")
		case st.Action == "submitted":
			continue
		case st.Error != "":
			parts = append(parts, st.Action+" failed ("+st.Error+") "+when+" by "+st.Actor)
		case st.Action == "cancelled" || st.Action == "deleted":
			parts = append(parts, st.Action+" "+when+" by "+st.Actor)
		case st.Status != "":
			verb := "read back"
			if st.Action == "listed" {
				verb = "listed"
			}
			parts = append(parts, st.Status+" when "+verb+" "+when)
		default:
			parts = append(parts, "read back "+when+" by "+st.Actor+" (no status in the record)")
		}
	}
	if len(parts) == 0 {
		return "no later event"
	}
	return strings.Join(parts, "; ")
}

// settings describes what a job was set to do, in one line.
func settings(j Job) string {
	var parts []string
	switch j.Service {
	case serviceTranscribe:
		for _, p := range []string{j.Language, j.MediaURI} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		return strings.Join(parts, " ")
	case serviceElasticTranscoder:
		if j.PipelineID != "" {
			parts = append(parts, "pipeline "+j.PipelineID)
		}
		if j.Input != "" {
			parts = append(parts, "input "+j.Input)
		}
	}
	for _, o := range j.Outputs {
		parts = append(parts, describeOutput(o))
	}
	return strings.Join(parts, "; ")
}

// describeOutput describes one output, such as
// "file MP4 H_264 1920x1080 5 Mbit/s QVBR AAC -> s3://bucket/".
func describeOutput(o Output) string {
	var words []string
	add := func(w string) {
		if w != "" {
			words = append(words, w)
		}
	}
	add(o.GroupType)
	add(o.Container)
	add(o.VideoCodec)
	add(o.Resolution)
	if o.Bitrate > 0 {
		add(formatBitrate(o.Bitrate))
	}
	add(o.RateControl)
	add(strings.Join(o.AudioCodecs, "+"))
	add(o.Key)
	if o.Preset != "" {
		add("preset " + o.Preset)
	}
	if o.Destination != "" {
		add("-> " + o.Destination)
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

// writeTable writes the jobs as an aligned table.
func writeTable(w io.Writer, jobs []Job) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SERVICE\tJOB\tSUBMITTED\tBY\tSTATUS\tSETTINGS\tFATE")
	for _, j := range jobs {
		submitted := "-"
		if !j.SubmittedAt.IsZero() {
			submitted = j.SubmittedAt.UTC().Format(time.RFC3339)
		}
		cells := []string{serviceName(j), dash(j.ID), submitted, dash(j.SubmittedBy), dash(j.Status), dash(settings(j)), j.Fate}
		for i, c := range cells {
			cells[i] = printable(c)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// printable returns s with its control characters (line ends, tabs,
// terminal escapes, which records may carry in any string) written as Go
// escapes, so that each job stays on one line of the table and its text
// cannot drive the terminal.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteRune('\uFFFD')
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeJSON writes the jobs as an indented JSON array.
func writeJSON(w io.Writer, jobs []Job) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jobs)
}

// serviceName names the service of a job for the table, telling the
// Transcribe job families apart by their product names.
func serviceName(j Job) string {
	switch transcribe.JobKind(j.Kind) {
	case transcribe.KindMedicalTranscription:
		return "Transcribe Medical"
	case transcribe.KindCallAnalytics:
		return "Transcribe Call Analytics"
	case transcribe.KindMedicalScribe:
		return "Transcribe Medical Scribe"
	}
	return dash(j.Service)
}

// dash returns s, or "-" for an empty s.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
