package elastictranscoder

import (
	"cmp"
	"slices"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// The job statuses that Elastic Transcoder reports, as it spells them.
const (
	StatusSubmitted   = "Submitted"
	StatusProgressing = "Progressing"
	StatusComplete    = "Complete"
	StatusCanceled    = "Canceled"
	StatusError       = "Error"
)

// JobSummary is what a record tells about one Elastic Transcoder job.
//
// Elastic Transcoder is archival (see EndOfSupport): AWS ended its support
// on 13 November 2025, so these summaries come from historic logs only.
//
// It encodes to JSON with camelCase names, leaving out what is empty or
// zero.
type JobSummary struct {
	ID         string `json:"id,omitzero"`         // the job id, such as "1412018849233-f2czlr"
	ARN        string `json:"arn,omitzero"`        // the job ARN
	PipelineID string `json:"pipelineId,omitzero"` // the pipeline that ran the job

	// Status is Submitted, Progressing, Complete, Canceled or Error (see
	// the Status constants); empty when the record does not show it.
	Status string `json:"status,omitzero"`

	InputKey        string `json:"inputKey,omitzero"`        // the S3 key of the (first) input file
	OutputKeyPrefix string `json:"outputKeyPrefix,omitzero"` // the prefix of the output keys, if any

	SubmittedAt time.Time `json:"submittedAt,omitzero"` // when the job was submitted; zero when not shown
	StartedAt   time.Time `json:"startedAt,omitzero"`   // when the job started; zero when not shown
	FinishedAt  time.Time `json:"finishedAt,omitzero"`  // when the job finished; zero when not shown

	Outputs []OutputSummary `json:"outputs,omitzero"` // the job's outputs, in order

	// Event is the event that showed the job (for a list, the list call),
	// as JobSummaries fills it; it is zero for (*Job).Summary, which has
	// no event.
	Event cloudtrail.EventRef `json:"event,omitzero"`
}

// OutputSummary summarizes one output of an Elastic Transcoder job.
type OutputSummary struct {
	ID       string `json:"id,omitzero"`       // the output's id in the job, such as "1"
	Key      string `json:"key,omitzero"`      // the S3 key of the output file
	PresetID string `json:"presetId,omitzero"` // the preset the output was made with
	Status   string `json:"status,omitzero"`   // the output's own status; empty when not shown

	// Width and Height are the output's resolution in pixels; 0 when not
	// shown.
	Width  int `json:"width,omitzero"`
	Height int `json:"height,omitzero"`
}

// PresetIDs returns the ids of the presets the job's outputs use, in order
// and without repeats.
func (s JobSummary) PresetIDs() []string {
	var ids []string
	for _, o := range s.Outputs {
		if o.PresetID == "" || slices.Contains(ids, o.PresetID) {
			continue
		}
		ids = append(ids, o.PresetID)
	}
	return ids
}

// Summary returns what j tells about the job. It is safe to call on a nil
// *Job, which gives the zero JobSummary.
func (j *Job) Summary() JobSummary {
	if j == nil {
		return JobSummary{}
	}
	timing := j.GetTiming()
	s := JobSummary{
		ID:              j.GetId(),
		ARN:             j.GetArn(),
		PipelineID:      j.GetPipelineId(),
		Status:          j.GetStatus(),
		InputKey:        j.GetInput().GetKey(),
		OutputKeyPrefix: j.GetOutputKeyPrefix(),
		SubmittedAt:     millis(timing.GetSubmitTimeMillis()),
		StartedAt:       millis(timing.GetStartTimeMillis()),
		FinishedAt:      millis(timing.GetFinishTimeMillis()),
	}
	if s.InputKey == "" {
		if inputs := j.GetInputs(); len(inputs) > 0 {
			s.InputKey = inputs[0].GetKey()
		}
	}
	outputs := j.GetOutputs()
	for i := range outputs {
		o := &outputs[i]
		s.Outputs = append(s.Outputs, OutputSummary{
			ID:       o.GetId(),
			Key:      o.GetKey(),
			PresetID: o.GetPresetId(),
			Status:   o.GetStatus(),
			Width:    int(o.GetWidth()),
			Height:   int(o.GetHeight()),
		})
	}
	// A job of one output may give it only in Output.
	if len(s.Outputs) == 0 {
		if o := j.GetOutput(); o != nil {
			s.Outputs = append(s.Outputs, OutputSummary{
				ID:       o.GetId(),
				Key:      o.GetKey(),
				PresetID: o.GetPresetId(),
				Status:   o.GetStatus(),
				Width:    int(o.GetWidth()),
				Height:   int(o.GetHeight()),
			})
		}
	}
	return s
}

// JobSummaries returns the jobs that a typed Elastic Transcoder event, as returned
// by cloudtrail.Decode, shows:
//
//   - CreateJob: the job created, from the response, with the request's
//     pipeline, input and outputs where the response leaves them out; for a
//     call that failed, the job as requested, with no id;
//   - ReadJob: the job read back, or only its id when the record has no
//     response, as CloudTrail usually writes it;
//   - CancelJob: the job's id, with status Canceled when the call
//     succeeded;
//   - ListJobsByPipeline and ListJobsByStatus: the jobs listed, which
//     CloudTrail usually leaves out of the record.
//
// Each summary's Event is the event v was decoded from. For any other
// value, nil included, it returns nil.
func JobSummaries(v any) []JobSummary {
	return withEvent(jobSummaries(v), v, func(s *JobSummary, ref cloudtrail.EventRef) { s.Event = ref })
}

// withEvent sets the Event of each summary of list, with set, to the
// EventRef of the typed event v, and returns list.
func withEvent[S any](list []S, v any, set func(*S, cloudtrail.EventRef)) []S {
	if len(list) == 0 {
		return list
	}
	var ref cloudtrail.EventRef
	if te, ok := v.(cloudtrail.TypedEvent); ok {
		ref = te.Envelope().Ref()
	}
	for i := range list {
		set(&list[i], ref)
	}
	return list
}

// jobSummaries returns the jobs of JobSummaries, without their Event.
func jobSummaries(v any) []JobSummary {
	switch ev := v.(type) {
	case *CreateJobEvent:
		if ev == nil {
			return nil
		}
		if job := ev.Response.GetJob(); job != nil {
			// The response is the authority; what it leaves out (a sparse
			// or partly redacted response) comes from the request.
			s := job.Summary()
			if req := ev.Request; req != nil {
				r := requestedJob(req)
				s.PipelineID = cmp.Or(s.PipelineID, r.PipelineID)
				s.InputKey = cmp.Or(s.InputKey, r.InputKey)
				s.OutputKeyPrefix = cmp.Or(s.OutputKeyPrefix, r.OutputKeyPrefix)
				if len(s.Outputs) == 0 {
					s.Outputs = r.Outputs
				}
			}
			return []JobSummary{s}
		}
		if req := ev.Request; req != nil {
			return []JobSummary{requestedJob(req)}
		}
	case *ReadJobEvent:
		if ev == nil {
			return nil
		}
		if job := ev.Response.GetJob(); job != nil {
			return []JobSummary{job.Summary()}
		}
		if id := ev.Request.GetId(); id != "" {
			return []JobSummary{{ID: id}}
		}
	case *CancelJobEvent:
		if ev == nil {
			return nil
		}
		if id := ev.Request.GetId(); id != "" {
			s := JobSummary{ID: id}
			if !ev.Failed() {
				s.Status = StatusCanceled
			}
			return []JobSummary{s}
		}
	case *ListJobsByPipelineEvent:
		if ev == nil {
			return nil
		}
		return summarizeJobs(ev.Response.GetJobs())
	case *ListJobsByStatusEvent:
		if ev == nil {
			return nil
		}
		return summarizeJobs(ev.Response.GetJobs())
	}
	return nil
}

// requestedJob summarizes the job a CreateJob request asked for.
func requestedJob(req *CreateJobRequest) JobSummary {
	s := JobSummary{
		PipelineID:      req.GetPipelineId(),
		InputKey:        req.GetInput().GetKey(),
		OutputKeyPrefix: req.GetOutputKeyPrefix(),
	}
	if s.InputKey == "" {
		if inputs := req.GetInputs(); len(inputs) > 0 {
			s.InputKey = inputs[0].GetKey()
		}
	}
	outputs := req.GetOutputs()
	for i := range outputs {
		s.Outputs = append(s.Outputs, OutputSummary{Key: outputs[i].GetKey(), PresetID: outputs[i].GetPresetId()})
	}
	if len(s.Outputs) == 0 {
		if o := req.GetOutput(); o != nil {
			s.Outputs = append(s.Outputs, OutputSummary{Key: o.GetKey(), PresetID: o.GetPresetId()})
		}
	}
	return s
}

// summarizeJobs summarizes a list of jobs.
func summarizeJobs(jobs []Job) []JobSummary {
	if len(jobs) == 0 {
		return nil
	}
	out := make([]JobSummary, 0, len(jobs))
	for i := range jobs {
		out = append(out, jobs[i].Summary())
	}
	return out
}

// PipelineSummary is what a record tells about one Elastic Transcoder
// pipeline, the queue that jobs ran in. Like every Elastic Transcoder
// summary, it comes from historic logs (see EndOfSupport). It encodes to
// JSON with camelCase names, leaving out what is empty or zero.
type PipelineSummary struct {
	ID           string `json:"id,omitzero"`           // the pipeline id, such as "1412018848038-nkomx0"
	ARN          string `json:"arn,omitzero"`          // the pipeline ARN
	Name         string `json:"name,omitzero"`         // the pipeline name
	Status       string `json:"status,omitzero"`       // Active or Paused; empty when not shown
	InputBucket  string `json:"inputBucket,omitzero"`  // the S3 bucket of the input files
	OutputBucket string `json:"outputBucket,omitzero"` // the S3 bucket of the output files, when set for the whole pipeline
	Role         string `json:"role,omitzero"`         // the IAM role the pipeline ran as

	// Event is the event that showed the pipeline (for a list, the list
	// call), as PipelineSummaries fills it; it is zero for
	// (*Pipeline).Summary, which has no event.
	Event cloudtrail.EventRef `json:"event,omitzero"`
}

// Summary returns what p tells about the pipeline. It is safe to call on a
// nil *Pipeline, which gives the zero PipelineSummary.
func (p *Pipeline) Summary() PipelineSummary {
	if p == nil {
		return PipelineSummary{}
	}
	s := PipelineSummary{
		ID:           p.GetId(),
		ARN:          p.GetArn(),
		Name:         p.GetName(),
		Status:       p.GetStatus(),
		InputBucket:  p.GetInputBucket(),
		OutputBucket: p.GetOutputBucket(),
		Role:         p.GetRole(),
	}
	if s.OutputBucket == "" {
		s.OutputBucket = p.GetContentConfig().GetBucket()
	}
	return s
}

// PipelineSummaries returns the pipelines that a typed Elastic Transcoder event,
// as returned by cloudtrail.Decode, shows: the pipeline created (from the
// request when the response leaves it out), read back, updated, paused or
// activated, the id of the pipeline deleted, and the pipelines listed. For
// any other value, nil included, it returns nil. Each summary's Event is the
// event v was decoded from.
func PipelineSummaries(v any) []PipelineSummary {
	return withEvent(pipelineSummaries(v), v, func(s *PipelineSummary, ref cloudtrail.EventRef) { s.Event = ref })
}

// pipelineSummaries returns the pipelines of PipelineSummaries, without
// their Event.
func pipelineSummaries(v any) []PipelineSummary {
	switch ev := v.(type) {
	case *CreatePipelineEvent:
		if ev == nil {
			return nil
		}
		if p := ev.Response.GetPipeline(); p != nil {
			return []PipelineSummary{p.Summary()}
		}
		if req := ev.Request; req != nil {
			return []PipelineSummary{{
				Name:         req.GetName(),
				InputBucket:  req.GetInputBucket(),
				OutputBucket: first(req.GetOutputBucket(), req.GetContentConfig().GetBucket()),
				Role:         req.GetRole(),
			}}
		}
	case *ReadPipelineEvent:
		if ev == nil {
			return nil
		}
		return pipelineOrID(ev.Response.GetPipeline(), ev.Request.GetId(), "")
	case *UpdatePipelineEvent:
		if ev == nil {
			return nil
		}
		return pipelineOrID(ev.Response.GetPipeline(), ev.Request.GetId(), "")
	case *UpdatePipelineStatusEvent:
		if ev == nil {
			return nil
		}
		status := ""
		if !ev.Failed() {
			status = ev.Request.GetStatus()
		}
		return pipelineOrID(ev.Response.GetPipeline(), ev.Request.GetId(), status)
	case *UpdatePipelineNotificationsEvent:
		if ev == nil {
			return nil
		}
		return pipelineOrID(ev.Response.GetPipeline(), ev.Request.GetId(), "")
	case *DeletePipelineEvent:
		if ev == nil {
			return nil
		}
		return pipelineOrID(nil, ev.Request.GetId(), "")
	case *ListPipelinesEvent:
		if ev == nil {
			return nil
		}
		list := ev.Response.GetPipelines()
		if len(list) == 0 {
			return nil
		}
		out := make([]PipelineSummary, 0, len(list))
		for i := range list {
			out = append(out, list[i].Summary())
		}
		return out
	}
	return nil
}

// pipelineOrID summarizes p, or gives a summary of only the id (and the
// status the call set) when the record has no pipeline.
func pipelineOrID(p *Pipeline, id, status string) []PipelineSummary {
	if p != nil {
		return []PipelineSummary{p.Summary()}
	}
	if id == "" {
		return nil
	}
	return []PipelineSummary{{ID: id, Status: status}}
}

// PresetSummary is what a record tells about one Elastic Transcoder
// preset, the output settings that jobs referred to. Like every Elastic
// Transcoder summary, it comes from historic logs (see EndOfSupport). It
// encodes to JSON with camelCase names, leaving out what is empty or zero.
type PresetSummary struct {
	ID          string `json:"id,omitzero"`          // the preset id, such as "1351620000001-000010"
	ARN         string `json:"arn,omitzero"`         // the preset ARN
	Name        string `json:"name,omitzero"`        // the preset name
	Description string `json:"description,omitzero"` // the preset description
	Type        string `json:"type,omitzero"`        // System or Custom; empty when not shown
	Container   string `json:"container,omitzero"`   // the container, such as "mp4", "ts" or "webm"

	VideoCodec   string `json:"videoCodec,omitzero"`   // the video codec, such as "H.264", "vp8" or "mpeg2"
	VideoBitRate string `json:"videoBitRate,omitzero"` // the video bit rate in kbit/s, or "auto"
	Resolution   string `json:"resolution,omitzero"`   // the video resolution: "1280x720" or "auto", or MaxWidth x MaxHeight

	AudioCodec   string `json:"audioCodec,omitzero"`   // the audio codec, such as "AAC", "mp3" or "flac"
	AudioBitRate string `json:"audioBitRate,omitzero"` // the audio bit rate in kbit/s

	// Event is the event that showed the preset (for a list, the list
	// call), as PresetSummaries fills it; it is zero for
	// (*Preset).Summary, which has no event.
	Event cloudtrail.EventRef `json:"event,omitzero"`
}

// Summary returns what p tells about the preset. It is safe to call on a
// nil *Preset, which gives the zero PresetSummary.
func (p *Preset) Summary() PresetSummary {
	if p == nil {
		return PresetSummary{}
	}
	return presetSummary(p.GetId(), p.GetArn(), p.GetName(), p.GetDescription(), p.GetType(),
		p.GetContainer(), p.GetVideo(), p.GetAudio())
}

// presetSummary assembles a preset summary.
func presetSummary(id, arn, name, description, typ, container string, video *VideoParameters, audio *AudioParameters) PresetSummary {
	s := PresetSummary{
		ID:           id,
		ARN:          arn,
		Name:         name,
		Description:  description,
		Type:         typ,
		Container:    container,
		VideoCodec:   video.GetCodec(),
		VideoBitRate: video.GetBitRate(),
		Resolution:   video.GetResolution(),
		AudioCodec:   audio.GetCodec(),
		AudioBitRate: audio.GetBitRate(),
	}
	if s.Resolution == "" {
		w, h := video.GetMaxWidth(), video.GetMaxHeight()
		if w != "" || h != "" {
			s.Resolution = first(w, "auto") + "x" + first(h, "auto")
		}
	}
	return s
}

// PresetSummaries returns the presets that a typed Elastic Transcoder event, as
// returned by cloudtrail.Decode, shows: the preset created (from the
// request when the response leaves it out), read back, the id of the preset
// deleted, and the presets listed. For any other value, nil included, it
// returns nil. Each summary's Event is the event v was decoded from.
func PresetSummaries(v any) []PresetSummary {
	return withEvent(presetSummaries(v), v, func(s *PresetSummary, ref cloudtrail.EventRef) { s.Event = ref })
}

// presetSummaries returns the presets of PresetSummaries, without their
// Event.
func presetSummaries(v any) []PresetSummary {
	switch ev := v.(type) {
	case *CreatePresetEvent:
		if ev == nil {
			return nil
		}
		if p := ev.Response.GetPreset(); p != nil {
			return []PresetSummary{p.Summary()}
		}
		if req := ev.Request; req != nil {
			return []PresetSummary{presetSummary("", "", req.GetName(), req.GetDescription(), "",
				req.GetContainer(), req.GetVideo(), req.GetAudio())}
		}
	case *ReadPresetEvent:
		if ev == nil {
			return nil
		}
		if p := ev.Response.GetPreset(); p != nil {
			return []PresetSummary{p.Summary()}
		}
		if id := ev.Request.GetId(); id != "" {
			return []PresetSummary{{ID: id}}
		}
	case *DeletePresetEvent:
		if ev == nil {
			return nil
		}
		if id := ev.Request.GetId(); id != "" {
			return []PresetSummary{{ID: id}}
		}
	case *ListPresetsEvent:
		if ev == nil {
			return nil
		}
		list := ev.Response.GetPresets()
		if len(list) == 0 {
			return nil
		}
		out := make([]PresetSummary, 0, len(list))
		for i := range list {
			out = append(out, list[i].Summary())
		}
		return out
	}
	return nil
}

// millis returns the instant of a time in epoch milliseconds, or the zero
// time for 0.
func millis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// first returns a unless it is empty, and b otherwise.
func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
