package jobs

import (
	"strconv"
	"strings"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

// trackedOps lists the operations the Tracker decodes, by event source.
var trackedOps = map[string]map[string]bool{
	mediaconvert.EventSource: set("CreateJob", "GetJob", "CancelJob", "ListJobs", "SearchJobs", "GetJobsQueryResults"),
	transcribe.EventSource: set(
		"StartTranscriptionJob", "GetTranscriptionJob", "DeleteTranscriptionJob", "ListTranscriptionJobs",
		"StartMedicalTranscriptionJob", "GetMedicalTranscriptionJob", "DeleteMedicalTranscriptionJob", "ListMedicalTranscriptionJobs",
		"StartCallAnalyticsJob", "GetCallAnalyticsJob", "DeleteCallAnalyticsJob", "ListCallAnalyticsJobs",
		"StartMedicalScribeJob", "GetMedicalScribeJob", "DeleteMedicalScribeJob", "ListMedicalScribeJobs",
		"CreateLanguageModel", "DescribeLanguageModel", "DeleteLanguageModel", "ListLanguageModels",
		"CreateVocabulary", "UpdateVocabulary", "GetVocabulary", "DeleteVocabulary", "ListVocabularies",
		"CreateMedicalVocabulary", "UpdateMedicalVocabulary", "GetMedicalVocabulary", "DeleteMedicalVocabulary", "ListMedicalVocabularies",
		"CreateVocabularyFilter", "UpdateVocabularyFilter", "GetVocabularyFilter", "DeleteVocabularyFilter", "ListVocabularyFilters"),
	elastictranscoder.EventSource: set("CreateJob", "ReadJob", "CancelJob", "ListJobsByPipeline", "ListJobsByStatus",
		"CreatePipeline", "UpdatePipeline", "UpdatePipelineStatus", "UpdatePipelineNotifications", "ReadPipeline", "DeletePipeline", "ListPipelines"),
	mediatailor.EventSource: set("PutPlaybackConfiguration", "GetPlaybackConfiguration", "DeletePlaybackConfiguration", "ListPlaybackConfigurations",
		"CreateChannel", "UpdateChannel", "StartChannel", "StopChannel", "DescribeChannel", "DeleteChannel", "ListChannels"),
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// tracked reports whether the Tracker follows the operation.
func tracked(source, name string) bool {
	return trackedOps[source][name]
}

// settled reports whether a status is one that a read does not take
// back (see the package documentation).
func settled(kind Kind, status string) bool {
	if status == StatusDeleted {
		return true
	}
	switch kind {
	case VocabularyFilter, PlaybackConfiguration:
		return status == StatusActive
	case Vocabulary, MedicalVocabulary:
		return oneOf(status, "READY", "FAILED")
	case ElasticTranscoderPipeline:
		return oneOf(status, "Active", "Paused")
	case MediaTailorChannel:
		return oneOf(status, "RUNNING", "STOPPED")
	}
	return terminal(kind, status)
}

// terminal reports whether a status ends a job (or is StatusDeleted).
func terminal(kind Kind, status string) bool {
	if status == StatusDeleted {
		return true
	}
	switch kind {
	case MediaConvertJob, ElasticTranscoderJob:
		return oneOf(status, "COMPLETE", "ERROR", "CANCELED")
	case TranscriptionJob, MedicalTranscriptionJob, CallAnalyticsJob, MedicalScribeJob, LanguageModel:
		return oneOf(status, "COMPLETED", "FAILED")
	}
	return false
}

// oneOf reports whether s is one of the values, without regard to case
// (Elastic Transcoder spells its statuses "Complete", "Error").
func oneOf(s string, values ...string) bool {
	for _, v := range values {
		if strings.EqualFold(s, v) {
			return true
		}
	}
	return false
}

// call makes the notes of the typed event v, decoded from e.
func (t *Tracker) call(e *cloudtrail.Event, v any) {
	ok := !e.Failed()
	switch e.EventSource {
	case mediaconvert.EventSource:
		t.mediaconvert(v, ok)
	case transcribe.EventSource:
		t.transcribe(v, ok)
	case elastictranscoder.EventSource:
		t.elastictranscoder(v, ok)
	case mediatailor.EventSource:
		t.mediatailor(v, ok)
	}
}

// statusIf returns status for a call that succeeded, else "".
func statusIf(ok bool, status string) string {
	if !ok {
		return ""
	}
	return status
}

// --- MediaConvert ---

func (t *Tracker) mediaconvert(v any, ok bool) {
	switch ev := v.(type) {
	case *mediaconvert.CreateJobEvent:
		sums := mediaconvert.JobSummaries(ev)
		if len(sums) == 0 || sums[0].ID == "" {
			// A failed CreateJob made no job: nothing to follow.
			t.unattributed()
			return
		}
		s := sums[0]
		t.emit(note{kind: MediaConvertJob, id: s.ID, arn: s.ARN, status: statusIf(ok, string(s.Status)),
			write: true, create: true, outputs: destinations(s.Outputs), detail: mcCreateDetail(s)})
	case *mediaconvert.GetJobEvent:
		if job := ev.Response.GetJob(); job != nil {
			n := mcJobNote(job, "")
			n.id = first(n.id, ev.Request.GetId())
			t.emit(n)
			return
		}
		t.emit(note{kind: MediaConvertJob, id: ev.Request.GetId()})
	case *mediaconvert.CancelJobEvent:
		t.emit(note{kind: MediaConvertJob, id: ev.Request.GetId(), status: statusIf(ok, string(mediaconvert.JobStatusCanceled)), write: true})
	case *mediaconvert.ListJobsEvent:
		for i := range ev.Response.GetJobs() {
			t.emit(mcJobNote(&ev.Response.Jobs[i], "listed"))
		}
	case *mediaconvert.SearchJobsEvent:
		for i := range ev.Response.GetJobs() {
			t.emit(mcJobNote(&ev.Response.Jobs[i], "found by search"))
		}
	case *mediaconvert.GetJobsQueryResultsEvent:
		for i := range ev.Response.GetJobs() {
			t.emit(mcJobNote(&ev.Response.Jobs[i], "in query results"))
		}
	}
}

// mcJobNote is what a job of a response tells.
func mcJobNote(job *mediaconvert.Job, how string) note {
	n := note{kind: MediaConvertJob, id: job.GetId(), arn: job.GetArn(), status: string(job.GetStatus()), msg: job.GetErrorMessage()}
	if c := job.GetErrorCode(); c != 0 {
		n.code = strconv.Itoa(int(c))
	}
	var parts []string
	if how != "" {
		parts = append(parts, how)
	}
	if p := job.GetJobPercentComplete(); p > 0 && n.status == string(mediaconvert.JobStatusProgressing) {
		parts = append(parts, strconv.Itoa(int(p))+"% complete")
	}
	if n.code != "" || n.msg != "" {
		parts = append(parts, errorText(n.code, n.msg))
	}
	n.detail = strings.Join(parts, "; ")
	return n
}

// errorText writes a job's error as "error 1040: message".
func errorText(code, msg string) string {
	switch {
	case code != "" && msg != "":
		return "error " + code + ": " + msg
	case code != "":
		return "error " + code
	}
	return "error: " + msg
}

// mcCreateDetail tells the queue and template of a job created.
func mcCreateDetail(s mediaconvert.JobSummary) string {
	var parts []string
	if s.Queue != "" {
		parts = append(parts, "queue "+lastPart(s.Queue))
	}
	if s.JobTemplate != "" {
		parts = append(parts, "template "+lastPart(s.JobTemplate))
	}
	if n := len(s.Outputs); n > 0 {
		parts = append(parts, plural(n, "output group"))
	}
	return strings.Join(parts, ", ")
}

// destinations returns the destinations of output groups, without
// repeats.
func destinations(groups []mediaconvert.OutputGroupSummary) []string {
	var out []string
	for _, g := range groups {
		if g.Destination != "" && !contains(out, g.Destination) {
			out = append(out, g.Destination)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lastPart returns what follows the last slash of an ARN, or s.
func lastPart(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 && i+1 < len(s) {
		return s[i+1:]
	}
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// --- Amazon Transcribe ---

// transcribeKinds maps the job families of package transcribe to kinds.
var transcribeKinds = map[transcribe.JobKind]Kind{
	transcribe.KindTranscription:        TranscriptionJob,
	transcribe.KindMedicalTranscription: MedicalTranscriptionJob,
	transcribe.KindCallAnalytics:        CallAnalyticsJob,
	transcribe.KindMedicalScribe:        MedicalScribeJob,
}

func (t *Tracker) transcribe(v any, ok bool) {
	if sums := transcribe.JobSummaries(v); len(sums) > 0 {
		t.transcribeJobs(v, sums, ok)
		return
	}
	switch ev := v.(type) {
	// Custom language models.
	case *transcribe.CreateLanguageModelEvent:
		r := ev.Response
		t.emit(note{kind: LanguageModel, id: first(r.GetModelName(), ev.Request.GetModelName()),
			status: statusIf(ok, string(r.GetModelStatus())), write: true, create: true})
	case *transcribe.DescribeLanguageModelEvent:
		if m := ev.Response.GetLanguageModel(); m != nil {
			t.emit(languageModelNote(m, ""))
			return
		}
		t.emit(note{kind: LanguageModel, id: ev.Request.GetModelName()})
	case *transcribe.ListLanguageModelsEvent:
		for i := range ev.Response.GetModels() {
			t.emit(languageModelNote(&ev.Response.Models[i], "listed"))
		}
	case *transcribe.DeleteLanguageModelEvent:
		t.emit(deleted(LanguageModel, ev.Request.GetModelName(), ok))

	// Custom vocabularies.
	case *transcribe.CreateVocabularyEvent:
		r := ev.Response
		t.emit(vocabularyNote(Vocabulary, first(r.GetVocabularyName(), ev.Request.GetVocabularyName()),
			statusIf(ok, string(r.GetVocabularyState())), r.GetFailureReason(), true, true))
	case *transcribe.UpdateVocabularyEvent:
		r := ev.Response
		t.emit(vocabularyNote(Vocabulary, first(r.GetVocabularyName(), ev.Request.GetVocabularyName()),
			statusIf(ok, string(r.GetVocabularyState())), "", true, false))
	case *transcribe.GetVocabularyEvent:
		r := ev.Response
		t.emit(vocabularyNote(Vocabulary, first(r.GetVocabularyName(), ev.Request.GetVocabularyName()),
			statusIf(ok, string(r.GetVocabularyState())), r.GetFailureReason(), false, false))
	case *transcribe.ListVocabulariesEvent:
		for _, info := range ev.Response.GetVocabularies() {
			n := vocabularyNote(Vocabulary, info.GetVocabularyName(), string(info.GetVocabularyState()), "", false, false)
			n.detail = "listed"
			t.emit(n)
		}
	case *transcribe.DeleteVocabularyEvent:
		t.emit(deleted(Vocabulary, ev.Request.GetVocabularyName(), ok))

	// Custom medical vocabularies.
	case *transcribe.CreateMedicalVocabularyEvent:
		r := ev.Response
		t.emit(vocabularyNote(MedicalVocabulary, first(r.GetVocabularyName(), ev.Request.GetVocabularyName()),
			statusIf(ok, string(r.GetVocabularyState())), r.GetFailureReason(), true, true))
	case *transcribe.UpdateMedicalVocabularyEvent:
		r := ev.Response
		t.emit(vocabularyNote(MedicalVocabulary, first(r.GetVocabularyName(), ev.Request.GetVocabularyName()),
			statusIf(ok, string(r.GetVocabularyState())), "", true, false))
	case *transcribe.GetMedicalVocabularyEvent:
		r := ev.Response
		t.emit(vocabularyNote(MedicalVocabulary, first(r.GetVocabularyName(), ev.Request.GetVocabularyName()),
			statusIf(ok, string(r.GetVocabularyState())), r.GetFailureReason(), false, false))
	case *transcribe.ListMedicalVocabulariesEvent:
		for _, info := range ev.Response.GetVocabularies() {
			n := vocabularyNote(MedicalVocabulary, info.GetVocabularyName(), string(info.GetVocabularyState()), "", false, false)
			n.detail = "listed"
			t.emit(n)
		}
	case *transcribe.DeleteMedicalVocabularyEvent:
		t.emit(deleted(MedicalVocabulary, ev.Request.GetVocabularyName(), ok))

	// Vocabulary filters, which have no status.
	case *transcribe.CreateVocabularyFilterEvent:
		t.emit(note{kind: VocabularyFilter, id: first(ev.Response.GetVocabularyFilterName(), ev.Request.GetVocabularyFilterName()),
			status: statusIf(ok, StatusActive), write: true, create: true})
	case *transcribe.UpdateVocabularyFilterEvent:
		t.emit(note{kind: VocabularyFilter, id: first(ev.Response.GetVocabularyFilterName(), ev.Request.GetVocabularyFilterName()),
			status: statusIf(ok, StatusActive), write: true})
	case *transcribe.GetVocabularyFilterEvent:
		t.emit(note{kind: VocabularyFilter, id: first(ev.Response.GetVocabularyFilterName(), ev.Request.GetVocabularyFilterName()),
			status: statusIf(ok, StatusActive)})
	case *transcribe.ListVocabularyFiltersEvent:
		for _, f := range ev.Response.GetVocabularyFilters() {
			t.emit(note{kind: VocabularyFilter, id: f.GetVocabularyFilterName(), status: StatusActive, detail: "listed"})
		}
	case *transcribe.DeleteVocabularyFilterEvent:
		t.emit(deleted(VocabularyFilter, ev.Request.GetVocabularyFilterName(), ok))
	}
}

// transcribeJobs makes the notes of the jobs an Amazon Transcribe job
// event shows.
func (t *Tracker) transcribeJobs(v any, sums []transcribe.JobSummary, ok bool) {
	var write, create bool
	how := ""
	switch v.(type) {
	case *transcribe.StartTranscriptionJobEvent, *transcribe.StartMedicalTranscriptionJobEvent,
		*transcribe.StartCallAnalyticsJobEvent, *transcribe.StartMedicalScribeJobEvent:
		write, create = true, true
	case *transcribe.DeleteTranscriptionJobEvent, *transcribe.DeleteMedicalTranscriptionJobEvent,
		*transcribe.DeleteCallAnalyticsJobEvent, *transcribe.DeleteMedicalScribeJobEvent:
		s := sums[0]
		t.emit(deleted(transcribeKinds[s.Kind], s.Name, ok))
		return
	case *transcribe.ListTranscriptionJobsEvent, *transcribe.ListMedicalTranscriptionJobsEvent,
		*transcribe.ListCallAnalyticsJobsEvent, *transcribe.ListMedicalScribeJobsEvent:
		how = "listed"
	}
	for _, s := range sums {
		n := note{kind: transcribeKinds[s.Kind], id: s.Name, name: s.Name, status: statusIf(ok, string(s.Status)),
			write: write, create: create, msg: s.FailureReason}
		if s.TranscriptURI != "" {
			n.outputs = []string{s.TranscriptURI}
		}
		n.detail = how
		if s.FailureReason != "" {
			n.detail = joinDetail(how, s.FailureReason)
		}
		t.emit(n)
	}
}

func joinDetail(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "; " + b
}

// languageModelNote is what a language model of a response tells.
func languageModelNote(m *transcribe.LanguageModel, how string) note {
	return note{kind: LanguageModel, id: m.GetModelName(), name: m.GetModelName(), status: string(m.GetModelStatus()),
		msg: m.GetFailureReason(), detail: joinDetail(how, m.GetFailureReason())}
}

// vocabularyNote is what a vocabulary call tells.
func vocabularyNote(kind Kind, name, state, failure string, write, create bool) note {
	return note{kind: kind, id: name, name: name, status: state, msg: failure, detail: failure, write: write, create: create}
}

// deleted is the note of a Delete call.
func deleted(kind Kind, id string, ok bool) note {
	return note{kind: kind, id: id, name: id, status: statusIf(ok, StatusDeleted), write: true}
}

// first returns a unless it is empty, and b otherwise.
func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// --- Elastic Transcoder ---

func (t *Tracker) elastictranscoder(v any, ok bool) {
	if sums := elastictranscoder.JobSummaries(v); len(sums) > 0 {
		var write, create bool
		how := ""
		switch v.(type) {
		case *elastictranscoder.CreateJobEvent:
			write, create = true, true
			if sums[0].ID == "" {
				// A failed CreateJob made no job.
				t.unattributed()
				return
			}
		case *elastictranscoder.CancelJobEvent:
			write = true
		case *elastictranscoder.ListJobsByPipelineEvent, *elastictranscoder.ListJobsByStatusEvent:
			how = "listed"
		}
		for _, s := range sums {
			n := note{kind: ElasticTranscoderJob, id: s.ID, arn: s.ARN, status: statusIf(ok, s.Status),
				write: write, create: create, detail: how}
			for _, o := range s.Outputs {
				if o.Key != "" {
					n.outputs = append(n.outputs, s.OutputKeyPrefix+o.Key)
				}
			}
			if s.PipelineID != "" {
				n.detail = joinDetail(n.detail, "pipeline "+s.PipelineID)
			}
			t.emit(n)
		}
		return
	}
	sums := elastictranscoder.PipelineSummaries(v)
	var write, create bool
	how := ""
	switch v.(type) {
	case *elastictranscoder.CreatePipelineEvent:
		write, create = true, true
		if len(sums) == 0 || sums[0].ID == "" {
			// No pipeline id: failed, or the record leaves the response
			// out. Nothing to follow.
			t.unattributed()
			return
		}
	case *elastictranscoder.UpdatePipelineEvent, *elastictranscoder.UpdatePipelineNotificationsEvent,
		*elastictranscoder.UpdatePipelineStatusEvent:
		write = true
	case *elastictranscoder.DeletePipelineEvent:
		if len(sums) > 0 {
			t.emit(deleted(ElasticTranscoderPipeline, sums[0].ID, ok))
		}
		return
	case *elastictranscoder.ListPipelinesEvent:
		how = "listed"
	}
	for _, s := range sums {
		t.emit(note{kind: ElasticTranscoderPipeline, id: s.ID, name: s.Name, arn: s.ARN, status: statusIf(ok, s.Status),
			write: write, create: create, detail: how})
	}
}

// --- MediaTailor ---

func (t *Tracker) mediatailor(v any, ok bool) {
	switch ev := v.(type) {
	case *mediatailor.PutPlaybackConfigurationEvent, *mediatailor.GetPlaybackConfigurationEvent,
		*mediatailor.ListPlaybackConfigurationsEvent:
		_, put := v.(*mediatailor.PutPlaybackConfigurationEvent)
		_, list := v.(*mediatailor.ListPlaybackConfigurationsEvent)
		for _, s := range mediatailor.PlaybackSummaries(v) {
			n := note{kind: PlaybackConfiguration, id: s.Name, name: s.Name, arn: s.ARN, status: statusIf(ok, StatusActive),
				write: put, create: put}
			for _, u := range []string{s.HLSManifestEndpoint, s.DASHManifestEndpoint} {
				if u != "" {
					n.outputs = append(n.outputs, u)
				}
			}
			if list {
				n.detail = "listed"
			}
			t.emit(n)
		}
	case *mediatailor.DeletePlaybackConfigurationEvent:
		t.emit(deleted(PlaybackConfiguration, ev.Request.GetName(), ok))

	case *mediatailor.CreateChannelEvent:
		r := ev.Response
		// A channel is created stopped.
		state := first(string(r.GetChannelState()), string(mediatailor.ChannelStateStopped))
		t.emit(channelNote(first(r.GetChannelName(), ev.Request.GetChannelName()), r.GetArn(), statusIf(ok, state), true, true, r.GetOutputs(), ""))
	case *mediatailor.UpdateChannelEvent:
		r := ev.Response
		t.emit(channelNote(first(r.GetChannelName(), ev.Request.GetChannelName()), r.GetArn(), statusIf(ok, string(r.GetChannelState())), true, false, r.GetOutputs(), ""))
	case *mediatailor.StartChannelEvent:
		t.emit(channelNote(ev.Request.GetChannelName(), "", statusIf(ok, string(mediatailor.ChannelStateRunning)), true, false, nil, ""))
	case *mediatailor.StopChannelEvent:
		t.emit(channelNote(ev.Request.GetChannelName(), "", statusIf(ok, string(mediatailor.ChannelStateStopped)), true, false, nil, ""))
	case *mediatailor.DescribeChannelEvent:
		r := ev.Response
		t.emit(channelNote(first(r.GetChannelName(), ev.Request.GetChannelName()), r.GetArn(), statusIf(ok, string(r.GetChannelState())), false, false, r.GetOutputs(), ""))
	case *mediatailor.ListChannelsEvent:
		for i := range ev.Response.GetItems() {
			c := &ev.Response.Items[i]
			t.emit(channelNote(c.GetChannelName(), c.GetArn(), c.GetChannelState(), false, false, c.GetOutputs(), "listed"))
		}
	case *mediatailor.DeleteChannelEvent:
		t.emit(deleted(MediaTailorChannel, ev.Request.GetChannelName(), ok))
	}
}

// channelNote is what a channel call tells.
func channelNote(name, arn, state string, write, create bool, outputs []mediatailor.ResponseOutputItem, how string) note {
	n := note{kind: MediaTailorChannel, id: name, name: name, arn: arn, status: state, write: write, create: create, detail: how}
	for i := range outputs {
		if u := outputs[i].GetPlaybackUrl(); u != "" {
			n.outputs = append(n.outputs, u)
		}
	}
	return n
}

// millis returns the time of epoch milliseconds, or the zero time for 0.
func millis(ms int64) time.Time {
	if ms <= 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}
