package mediaconvert

import (
	"strconv"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// JobSummary is what a record tells about one MediaConvert job: who it is,
// where it runs, how far it got, and what it produces.
//
// It encodes to JSON with camelCase names, leaving out what is empty or
// zero.
type JobSummary struct {
	ID          string    `json:"id,omitzero"`          // the job id, such as "1510714652428-jyvx95"
	ARN         string    `json:"arn,omitzero"`         // the job ARN
	Status      JobStatus `json:"status,omitzero"`      // SUBMITTED, PROGRESSING, COMPLETE, CANCELED or ERROR; empty when not shown
	Queue       string    `json:"queue,omitzero"`       // the queue ARN or name
	Role        string    `json:"role,omitzero"`        // the IAM role the job runs as
	JobTemplate string    `json:"jobTemplate,omitzero"` // the job template the job was made from, if any

	CreatedAt  time.Time `json:"createdAt,omitzero"`  // when the job was created; zero when not shown
	StartedAt  time.Time `json:"startedAt,omitzero"`  // when the job started to transcode; zero when not shown
	FinishedAt time.Time `json:"finishedAt,omitzero"` // when the job finished; zero when not shown

	// ErrorMessage is the job's error message, for a job in status ERROR.
	ErrorMessage string `json:"errorMessage,omitzero"`

	// Outputs summarizes the output groups of the job's settings, in order.
	Outputs []OutputGroupSummary `json:"outputs,omitzero"`

	// Event is the event that showed the job (for a list, the list call),
	// as JobSummaries fills it; it is zero for (*Job).Summary, which has
	// no event.
	Event cloudtrail.EventRef `json:"event,omitzero"`
}

// OutputGroupSummary summarizes one output group of job or job template
// settings.
type OutputGroupSummary struct {
	Name       string `json:"name,omitzero"`       // the group's name, such as "File Group"
	CustomName string `json:"customName,omitzero"` // the group's custom name, such as "web-mp4"

	// Type is the group type as the settings give it, such as
	// OutputGroupTypeHlsGroupSettings. When the settings have no type, it is
	// inferred from the group settings that are present.
	Type OutputGroupType `json:"type,omitzero"`

	// Destination is the S3 location the group writes to, such as
	// "s3://bucket/prefix/"; empty when the settings give none (a job
	// template, say, leaves it to the job).
	Destination string `json:"destination,omitzero"`

	Outputs []OutputSummary `json:"outputs,omitzero"` // the group's outputs, in order
}

// Kind returns a short name of the group type: "file", "HLS", "DASH",
// "CMAF" or "MS Smooth"; the type as written for a type it does not know,
// and "" for none.
func (g OutputGroupSummary) Kind() string {
	return GroupKind(g.Type)
}

// GroupKind returns a short name of an output group type: "file", "HLS",
// "DASH", "CMAF" or "MS Smooth"; the type as written for a type it does not
// know, and "" for none.
func GroupKind(t OutputGroupType) string {
	switch t {
	case OutputGroupTypeFileGroupSettings:
		return "file"
	case OutputGroupTypeHlsGroupSettings:
		return "HLS"
	case OutputGroupTypeDashIsoGroupSettings:
		return "DASH"
	case OutputGroupTypeCmafGroupSettings:
		return "CMAF"
	case OutputGroupTypeMsSmoothGroupSettings:
		return "MS Smooth"
	}
	return string(t)
}

// OutputSummary summarizes one output of an output group.
type OutputSummary struct {
	NameModifier string        `json:"nameModifier,omitzero"` // appended to the output's file names, such as "_1080p"
	Preset       string        `json:"preset,omitzero"`       // the output preset, if the output uses one
	Container    ContainerType `json:"container,omitzero"`    // such as ContainerTypeMp4; empty when not set
	VideoCodec   VideoCodec    `json:"videoCodec,omitzero"`   // such as VideoCodecH264; empty for an output without video

	// Width and Height are the video resolution in pixels; 0 when the
	// settings leave it to follow the input.
	Width  int `json:"width,omitzero"`
	Height int `json:"height,omitzero"`

	// RateControlMode is the video rate control mode, such as "CBR", "VBR"
	// or "QVBR"; empty when the codec has none or it is not set.
	RateControlMode string `json:"rateControlMode,omitzero"`

	// Bitrate is the video bitrate in bits per second: the target bitrate
	// for CBR and VBR, and the maximum bitrate for QVBR (where the codec
	// settings give no single bitrate). It is 0 when the settings give
	// none.
	Bitrate int64 `json:"bitrate,omitzero"`

	AudioCodecs []AudioCodec `json:"audioCodecs,omitzero"` // the codec of each audio track, in order
}

// Resolution returns the video resolution as "1920x1080", or "" when the
// settings give no width or no height.
func (o OutputSummary) Resolution() string {
	if o.Width <= 0 || o.Height <= 0 {
		return ""
	}
	return strconv.Itoa(o.Width) + "x" + strconv.Itoa(o.Height)
}

// Summary returns what j tells about the job. It is safe to call on a nil
// *Job, which gives the zero JobSummary.
func (j *Job) Summary() JobSummary {
	if j == nil {
		return JobSummary{}
	}
	timing := j.GetTiming()
	return JobSummary{
		ID:           j.GetId(),
		ARN:          j.GetArn(),
		Status:       j.GetStatus(),
		Queue:        j.GetQueue(),
		Role:         j.GetRole(),
		JobTemplate:  j.GetJobTemplate(),
		CreatedAt:    j.GetCreatedAt().Instant(),
		StartedAt:    timing.GetStartTime().Instant(),
		FinishedAt:   timing.GetFinishTime().Instant(),
		ErrorMessage: j.GetErrorMessage(),
		Outputs:      j.GetSettings().OutputGroupSummaries(),
	}
}

// OutputGroupSummaries summarizes the output groups of s, in order. It
// returns nil for nil settings.
func (s *JobSettings) OutputGroupSummaries() []OutputGroupSummary {
	if s == nil {
		return nil
	}
	return summarizeGroups(s.GetOutputGroups())
}

// OutputGroupSummaries summarizes the output groups of s, in order. It
// returns nil for nil settings.
func (s *JobTemplateSettings) OutputGroupSummaries() []OutputGroupSummary {
	if s == nil {
		return nil
	}
	return summarizeGroups(s.GetOutputGroups())
}

// JobTemplateSummary is what a record tells about one job template. It
// encodes to JSON with camelCase names, leaving out what is empty or zero.
type JobTemplateSummary struct {
	Name        string    `json:"name,omitzero"`        // the template name
	ARN         string    `json:"arn,omitzero"`         // the template ARN
	Category    string    `json:"category,omitzero"`    // the template category
	Description string    `json:"description,omitzero"` // the template description
	Queue       string    `json:"queue,omitzero"`       // the default queue of jobs made from the template
	Type        Type      `json:"type,omitzero"`        // SYSTEM or CUSTOM; empty when not shown
	CreatedAt   time.Time `json:"createdAt,omitzero"`   // when the template was created; zero when not shown
	LastUpdated time.Time `json:"lastUpdated,omitzero"` // when the template last changed; zero when not shown

	// Outputs summarizes the output groups of the template's settings.
	Outputs []OutputGroupSummary `json:"outputs,omitzero"`

	// Event is the event that showed the template (for a list, the list
	// call), as JobTemplateSummaries fills it; it is zero for
	// (*JobTemplate).Summary, which has no event.
	Event cloudtrail.EventRef `json:"event,omitzero"`
}

// Summary returns what t tells about the job template. It is safe to call
// on a nil *JobTemplate, which gives the zero JobTemplateSummary.
func (t *JobTemplate) Summary() JobTemplateSummary {
	if t == nil {
		return JobTemplateSummary{}
	}
	return JobTemplateSummary{
		Name:        t.GetName(),
		ARN:         t.GetArn(),
		Category:    t.GetCategory(),
		Description: t.GetDescription(),
		Queue:       t.GetQueue(),
		Type:        t.GetType(),
		CreatedAt:   t.GetCreatedAt().Instant(),
		LastUpdated: t.GetLastUpdated().Instant(),
		Outputs:     t.GetSettings().OutputGroupSummaries(),
	}
}

// JobSummaries returns the jobs that a typed MediaConvert event, as returned by
// cloudtrail.Decode, shows:
//
//   - CreateJob: the job created, from the response, with the request's
//     settings, queue, role and template where the response leaves them
//     out; for a call that failed, the job as requested, with no id;
//   - GetJob: the job read back, or only its id when the record has no
//     response;
//   - CancelJob: the job's id, with status CANCELED when the call
//     succeeded;
//   - ListJobs and SearchJobs: the jobs listed.
//
// Each summary's Event is the event v was decoded from. For any other
// value, nil included, it returns nil.
func JobSummaries(v any) []JobSummary {
	out := jobSummaries(v)
	if len(out) > 0 {
		ref := eventRef(v)
		for i := range out {
			out[i].Event = ref
		}
	}
	return out
}

// jobSummaries returns the jobs of JobSummaries, without their Event.
func jobSummaries(v any) []JobSummary {
	switch ev := v.(type) {
	case *CreateJobEvent:
		if ev == nil {
			return nil
		}
		return createdJobs(ev)
	case *GetJobEvent:
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
				s.Status = JobStatusCanceled
			}
			return []JobSummary{s}
		}
	case *ListJobsEvent:
		if ev == nil {
			return nil
		}
		return summarizeJobs(ev.Response.GetJobs())
	case *SearchJobsEvent:
		if ev == nil {
			return nil
		}
		return summarizeJobs(ev.Response.GetJobs())
	}
	return nil
}

// JobTemplateSummaries returns the job templates that a typed MediaConvert event,
// as returned by cloudtrail.Decode, shows: the template created, read back
// or updated (for CreateJobTemplate and UpdateJobTemplate, the request's
// settings where the response leaves them out), the name of the template
// deleted, and the templates listed. Each summary's Event is the event v
// was decoded from. For any other value it returns nil.
func JobTemplateSummaries(v any) []JobTemplateSummary {
	out := jobTemplateSummaries(v)
	if len(out) > 0 {
		ref := eventRef(v)
		for i := range out {
			out[i].Event = ref
		}
	}
	return out
}

// eventRef returns the EventRef of the typed event v.
func eventRef(v any) cloudtrail.EventRef {
	if te, ok := v.(cloudtrail.TypedEvent); ok {
		return te.Envelope().Ref()
	}
	return cloudtrail.EventRef{}
}

// jobTemplateSummaries returns the templates of JobTemplateSummaries,
// without their Event.
func jobTemplateSummaries(v any) []JobTemplateSummary {
	switch ev := v.(type) {
	case *CreateJobTemplateEvent:
		if ev == nil {
			return nil
		}
		req := ev.Request
		return templateWithRequest(ev.Response.GetJobTemplate(), req.GetName(), req.GetCategory(),
			req.GetDescription(), req.GetQueue(), req.GetSettings())
	case *UpdateJobTemplateEvent:
		if ev == nil {
			return nil
		}
		req := ev.Request
		return templateWithRequest(ev.Response.GetJobTemplate(), req.GetName(), req.GetCategory(),
			req.GetDescription(), req.GetQueue(), req.GetSettings())
	case *GetJobTemplateEvent:
		if ev == nil {
			return nil
		}
		if t := ev.Response.GetJobTemplate(); t != nil {
			return []JobTemplateSummary{t.Summary()}
		}
		if name := ev.Request.GetName(); name != "" {
			return []JobTemplateSummary{{Name: name}}
		}
	case *DeleteJobTemplateEvent:
		if ev == nil {
			return nil
		}
		if name := ev.Request.GetName(); name != "" {
			return []JobTemplateSummary{{Name: name}}
		}
	case *ListJobTemplatesEvent:
		if ev == nil {
			return nil
		}
		list := ev.Response.GetJobTemplates()
		if len(list) == 0 {
			return nil
		}
		out := make([]JobTemplateSummary, 0, len(list))
		for i := range list {
			out = append(out, list[i].Summary())
		}
		return out
	}
	return nil
}

// templateWithRequest summarizes the template of a create or update
// response, filling what the response leaves out from the request.
func templateWithRequest(t *JobTemplate, name, category, description, queue string, settings *JobTemplateSettings) []JobTemplateSummary {
	s := t.Summary()
	s.Name = first(s.Name, name)
	s.Category = first(s.Category, category)
	s.Description = first(s.Description, description)
	s.Queue = first(s.Queue, queue)
	if len(s.Outputs) == 0 {
		s.Outputs = settings.OutputGroupSummaries()
	}
	if s.Name == "" && s.ARN == "" && len(s.Outputs) == 0 {
		return nil
	}
	return []JobTemplateSummary{s}
}

// createdJobs combines the request and the response of a CreateJob event.
func createdJobs(ev *CreateJobEvent) []JobSummary {
	req := ev.Request
	s := ev.Response.GetJob().Summary()
	s.Queue = first(s.Queue, req.GetQueue())
	s.Role = first(s.Role, req.GetRole())
	s.JobTemplate = first(s.JobTemplate, req.GetJobTemplate())
	if len(s.Outputs) == 0 {
		s.Outputs = req.GetSettings().OutputGroupSummaries()
	}
	if s.ID == "" && s.ARN == "" && req == nil {
		return nil
	}
	return []JobSummary{s}
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

// summarizeGroups summarizes output groups.
func summarizeGroups(groups []OutputGroup) []OutputGroupSummary {
	if len(groups) == 0 {
		return nil
	}
	out := make([]OutputGroupSummary, 0, len(groups))
	for i := range groups {
		g := &groups[i]
		gs := g.GetOutputGroupSettings()
		typ, dest := groupTypeAndDestination(gs)
		sum := OutputGroupSummary{
			Name:        g.GetName(),
			CustomName:  g.GetCustomName(),
			Type:        typ,
			Destination: dest,
		}
		outputs := g.GetOutputs()
		if len(outputs) > 0 {
			sum.Outputs = make([]OutputSummary, 0, len(outputs))
			for j := range outputs {
				sum.Outputs = append(sum.Outputs, summarizeOutput(&outputs[j]))
			}
		}
		out = append(out, sum)
	}
	return out
}

// groupTypeAndDestination returns the type of output group settings and
// the destination of the group settings of that type. A missing type is
// inferred from the group settings present.
func groupTypeAndDestination(gs *OutputGroupSettings) (OutputGroupType, string) {
	if gs == nil {
		return "", ""
	}
	typ := gs.GetType()
	switch {
	case typ == OutputGroupTypeFileGroupSettings || typ == "" && gs.GetFileGroupSettings() != nil:
		return OutputGroupTypeFileGroupSettings, gs.GetFileGroupSettings().GetDestination()
	case typ == OutputGroupTypeHlsGroupSettings || typ == "" && gs.GetHlsGroupSettings() != nil:
		return OutputGroupTypeHlsGroupSettings, gs.GetHlsGroupSettings().GetDestination()
	case typ == OutputGroupTypeDashIsoGroupSettings || typ == "" && gs.GetDashIsoGroupSettings() != nil:
		return OutputGroupTypeDashIsoGroupSettings, gs.GetDashIsoGroupSettings().GetDestination()
	case typ == OutputGroupTypeCmafGroupSettings || typ == "" && gs.GetCmafGroupSettings() != nil:
		return OutputGroupTypeCmafGroupSettings, gs.GetCmafGroupSettings().GetDestination()
	case typ == OutputGroupTypeMsSmoothGroupSettings || typ == "" && gs.GetMsSmoothGroupSettings() != nil:
		return OutputGroupTypeMsSmoothGroupSettings, gs.GetMsSmoothGroupSettings().GetDestination()
	}
	return typ, ""
}

// summarizeOutput summarizes one output.
func summarizeOutput(o *Output) OutputSummary {
	s := OutputSummary{
		NameModifier: o.GetNameModifier(),
		Preset:       o.GetPreset(),
		Container:    o.GetContainerSettings().GetContainer(),
	}
	if vd := o.GetVideoDescription(); vd != nil {
		s.Width = int(vd.GetWidth())
		s.Height = int(vd.GetHeight())
		s.VideoCodec, s.RateControlMode, s.Bitrate = videoRate(vd.GetCodecSettings())
	}
	ads := o.GetAudioDescriptions()
	for i := range ads {
		if c := ads[i].GetCodecSettings().GetCodec(); c != "" {
			s.AudioCodecs = append(s.AudioCodecs, c)
		}
	}
	return s
}

// videoRate returns the codec of video codec settings, their rate control
// mode, and the bitrate they produce: the target bitrate, or the maximum
// bitrate for QVBR. A codec that is not set is inferred from the codec
// settings present.
func videoRate(cs *VideoCodecSettings) (VideoCodec, string, int64) {
	if cs == nil {
		return "", "", 0
	}
	codec := cs.GetCodec()
	switch {
	case codec == VideoCodecH264 || codec == "" && cs.GetH264Settings() != nil:
		h := cs.GetH264Settings()
		mode := string(h.GetRateControlMode())
		return VideoCodecH264, mode, pickBitrate(mode, int64(h.GetBitrate()), int64(h.GetMaxBitrate()))
	case codec == VideoCodecH265 || codec == "" && cs.GetH265Settings() != nil:
		h := cs.GetH265Settings()
		mode := string(h.GetRateControlMode())
		return VideoCodecH265, mode, pickBitrate(mode, int64(h.GetBitrate()), int64(h.GetMaxBitrate()))
	case codec == VideoCodecAv1 || codec == "" && cs.GetAv1Settings() != nil:
		a := cs.GetAv1Settings()
		return VideoCodecAv1, string(a.GetRateControlMode()), int64(a.GetMaxBitrate())
	case codec == VideoCodecMpeg2 || codec == "" && cs.GetMpeg2Settings() != nil:
		m := cs.GetMpeg2Settings()
		mode := string(m.GetRateControlMode())
		return VideoCodecMpeg2, mode, pickBitrate(mode, int64(m.GetBitrate()), int64(m.GetMaxBitrate()))
	case codec == VideoCodecVp8 || codec == "" && cs.GetVp8Settings() != nil:
		v := cs.GetVp8Settings()
		mode := string(v.GetRateControlMode())
		return VideoCodecVp8, mode, pickBitrate(mode, int64(v.GetBitrate()), int64(v.GetMaxBitrate()))
	case codec == VideoCodecVp9 || codec == "" && cs.GetVp9Settings() != nil:
		v := cs.GetVp9Settings()
		mode := string(v.GetRateControlMode())
		return VideoCodecVp9, mode, pickBitrate(mode, int64(v.GetBitrate()), int64(v.GetMaxBitrate()))
	}
	return codec, "", 0
}

// pickBitrate returns the maximum bitrate for QVBR and the target bitrate
// otherwise, each falling back on the other when not set.
func pickBitrate(mode string, bitrate, maxBitrate int64) int64 {
	if mode == "QVBR" {
		return first(maxBitrate, bitrate)
	}
	return first(bitrate, maxBitrate)
}

// first returns a unless it is the zero value, and b otherwise.
func first[T comparable](a, b T) T {
	var zero T
	if a != zero {
		return a
	}
	return b
}
