package transcribe

import (
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// JobKind tells which of the Amazon Transcribe batch job families a job
// belongs to.
type JobKind string

// The job families that JobSummary covers.
const (
	KindTranscription        JobKind = "transcription"         // StartTranscriptionJob and its kin
	KindMedicalTranscription JobKind = "medical-transcription" // StartMedicalTranscriptionJob and its kin
	KindCallAnalytics        JobKind = "call-analytics"        // StartCallAnalyticsJob and its kin
	KindMedicalScribe        JobKind = "medical-scribe"        // StartMedicalScribeJob and its kin
)

// JobSummary is what a record tells about one Amazon Transcribe batch job,
// whatever its family. Jobs are known by their name, which is unique in an
// account and Region within a family. It encodes to JSON with camelCase
// names, leaving out what is empty or zero.
type JobSummary struct {
	Kind JobKind `json:"kind,omitzero"` // the job's family
	Name string  `json:"name,omitzero"` // the job name, such as "support-call-20231102-0001"

	// Status is QUEUED, IN_PROGRESS, FAILED or COMPLETED; empty when the
	// record does not show it. The statuses of call analytics and medical
	// scribe jobs have the same values and are given in this type.
	Status TranscriptionJobStatus `json:"status,omitzero"`

	// LanguageCode is the language of the media, such as "en-US"; for a
	// job that identified the language, the first language identified.
	LanguageCode string `json:"languageCode,omitzero"`

	MediaURI      string `json:"mediaUri,omitzero"`      // the S3 URI of the media, such as "s3://bucket/call.flac"
	MediaFormat   string `json:"mediaFormat,omitzero"`   // the media format, such as "flac"; empty when not shown
	TranscriptURI string `json:"transcriptUri,omitzero"` // where the transcript was written; empty until the job completes

	CreatedAt   time.Time `json:"createdAt,omitzero"`   // when the job was created; zero when not shown
	StartedAt   time.Time `json:"startedAt,omitzero"`   // when the job started; zero when not shown
	CompletedAt time.Time `json:"completedAt,omitzero"` // when the job completed or failed; zero when not shown

	FailureReason string `json:"failureReason,omitzero"` // why the job failed, for a FAILED job

	// Event is the event that showed the job (for a list, the list call),
	// as JobSummaries fills it; it is zero for the Summary methods, which
	// have no event.
	Event cloudtrail.EventRef `json:"event,omitzero"`
}

// Summary returns what j tells about the job. It is safe to call on a nil
// *TranscriptionJob, which gives a summary of kind KindTranscription and
// nothing else.
func (j *TranscriptionJob) Summary() JobSummary {
	s := JobSummary{Kind: KindTranscription}
	if j == nil {
		return s
	}
	s.Name = j.GetTranscriptionJobName()
	s.Status = j.GetTranscriptionJobStatus()
	s.LanguageCode = string(j.GetLanguageCode())
	if s.LanguageCode == "" {
		if codes := j.GetLanguageCodes(); len(codes) > 0 {
			s.LanguageCode = string(codes[0].GetLanguageCode())
		}
	}
	s.MediaURI = j.GetMedia().GetMediaFileUri()
	s.MediaFormat = string(j.GetMediaFormat())
	s.TranscriptURI = j.GetTranscript().GetTranscriptFileUri()
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// Summary returns what the list entry j tells about the job. It is safe to
// call on a nil *TranscriptionJobSummary.
func (j *TranscriptionJobSummary) Summary() JobSummary {
	s := JobSummary{Kind: KindTranscription}
	if j == nil {
		return s
	}
	s.Name = j.GetTranscriptionJobName()
	s.Status = j.GetTranscriptionJobStatus()
	s.LanguageCode = string(j.GetLanguageCode())
	if s.LanguageCode == "" {
		if codes := j.GetLanguageCodes(); len(codes) > 0 {
			s.LanguageCode = string(codes[0].GetLanguageCode())
		}
	}
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// Summary returns what j tells about the job. It is safe to call on a nil
// *MedicalTranscriptionJob.
func (j *MedicalTranscriptionJob) Summary() JobSummary {
	s := JobSummary{Kind: KindMedicalTranscription}
	if j == nil {
		return s
	}
	s.Name = j.GetMedicalTranscriptionJobName()
	s.Status = j.GetTranscriptionJobStatus()
	s.LanguageCode = string(j.GetLanguageCode())
	s.MediaURI = j.GetMedia().GetMediaFileUri()
	s.MediaFormat = string(j.GetMediaFormat())
	s.TranscriptURI = j.GetTranscript().GetTranscriptFileUri()
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// Summary returns what the list entry j tells about the job. It is safe to
// call on a nil *MedicalTranscriptionJobSummary.
func (j *MedicalTranscriptionJobSummary) Summary() JobSummary {
	s := JobSummary{Kind: KindMedicalTranscription}
	if j == nil {
		return s
	}
	s.Name = j.GetMedicalTranscriptionJobName()
	s.Status = j.GetTranscriptionJobStatus()
	s.LanguageCode = string(j.GetLanguageCode())
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// Summary returns what j tells about the job. It is safe to call on a nil
// *CallAnalyticsJob.
func (j *CallAnalyticsJob) Summary() JobSummary {
	s := JobSummary{Kind: KindCallAnalytics}
	if j == nil {
		return s
	}
	s.Name = j.GetCallAnalyticsJobName()
	s.Status = TranscriptionJobStatus(j.GetCallAnalyticsJobStatus())
	s.LanguageCode = string(j.GetLanguageCode())
	s.MediaURI = j.GetMedia().GetMediaFileUri()
	s.MediaFormat = string(j.GetMediaFormat())
	s.TranscriptURI = j.GetTranscript().GetTranscriptFileUri()
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// Summary returns what the list entry j tells about the job. It is safe to
// call on a nil *CallAnalyticsJobSummary.
func (j *CallAnalyticsJobSummary) Summary() JobSummary {
	s := JobSummary{Kind: KindCallAnalytics}
	if j == nil {
		return s
	}
	s.Name = j.GetCallAnalyticsJobName()
	s.Status = TranscriptionJobStatus(j.GetCallAnalyticsJobStatus())
	s.LanguageCode = string(j.GetLanguageCode())
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// Summary returns what j tells about the job. It is safe to call on a nil
// *MedicalScribeJob.
func (j *MedicalScribeJob) Summary() JobSummary {
	s := JobSummary{Kind: KindMedicalScribe}
	if j == nil {
		return s
	}
	s.Name = j.GetMedicalScribeJobName()
	s.Status = TranscriptionJobStatus(j.GetMedicalScribeJobStatus())
	s.LanguageCode = string(j.GetLanguageCode())
	s.MediaURI = j.GetMedia().GetMediaFileUri()
	s.TranscriptURI = j.GetMedicalScribeOutput().GetTranscriptFileUri()
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// Summary returns what the list entry j tells about the job. It is safe to
// call on a nil *MedicalScribeJobSummary.
func (j *MedicalScribeJobSummary) Summary() JobSummary {
	s := JobSummary{Kind: KindMedicalScribe}
	if j == nil {
		return s
	}
	s.Name = j.GetMedicalScribeJobName()
	s.Status = TranscriptionJobStatus(j.GetMedicalScribeJobStatus())
	s.LanguageCode = string(j.GetLanguageCode())
	s.CreatedAt = j.GetCreationTime().Instant()
	s.StartedAt = j.GetStartTime().Instant()
	s.CompletedAt = j.GetCompletionTime().Instant()
	s.FailureReason = j.GetFailureReason()
	return s
}

// JobSummaries returns the jobs that a typed Amazon Transcribe event, as returned by
// cloudtrail.Decode, shows, for the transcription, medical transcription,
// call analytics and medical scribe families:
//
//   - Start...Job: the job started, from the response, with the request's
//     language, media and format where the response leaves them out; for a
//     call that failed, the job as requested, with no status;
//   - Get...Job: the job read back, or only its name when the record has no
//     response;
//   - List...Jobs: the jobs listed;
//   - Delete...Job: the name of the job deleted.
//
// Each summary's Event is the event v was decoded from. For any other
// value, nil included, it returns nil.
func JobSummaries(v any) []JobSummary {
	out := jobSummaries(v)
	if len(out) > 0 {
		var ref cloudtrail.EventRef
		if te, ok := v.(cloudtrail.TypedEvent); ok {
			ref = te.Envelope().Ref()
		}
		for i := range out {
			out[i].Event = ref
		}
	}
	return out
}

// jobSummaries returns the jobs of JobSummaries, without their Event.
func jobSummaries(v any) []JobSummary {
	switch ev := v.(type) {
	case *StartTranscriptionJobEvent:
		if ev == nil {
			return nil
		}
		req := ev.Request
		s := ev.Response.GetTranscriptionJob().Summary()
		return started(s, req.GetTranscriptionJobName(), string(req.GetLanguageCode()),
			req.GetMedia().GetMediaFileUri(), string(req.GetMediaFormat()))
	case *GetTranscriptionJobEvent:
		if ev == nil {
			return nil
		}
		if j := ev.Response.GetTranscriptionJob(); j != nil {
			return []JobSummary{j.Summary()}
		}
		return named(KindTranscription, ev.Request.GetTranscriptionJobName())
	case *ListTranscriptionJobsEvent:
		if ev == nil {
			return nil
		}
		return summarize(ev.Response.GetTranscriptionJobSummaries())
	case *DeleteTranscriptionJobEvent:
		if ev == nil {
			return nil
		}
		return named(KindTranscription, ev.Request.GetTranscriptionJobName())

	case *StartMedicalTranscriptionJobEvent:
		if ev == nil {
			return nil
		}
		req := ev.Request
		s := ev.Response.GetMedicalTranscriptionJob().Summary()
		return started(s, req.GetMedicalTranscriptionJobName(), string(req.GetLanguageCode()),
			req.GetMedia().GetMediaFileUri(), string(req.GetMediaFormat()))
	case *GetMedicalTranscriptionJobEvent:
		if ev == nil {
			return nil
		}
		if j := ev.Response.GetMedicalTranscriptionJob(); j != nil {
			return []JobSummary{j.Summary()}
		}
		return named(KindMedicalTranscription, ev.Request.GetMedicalTranscriptionJobName())
	case *ListMedicalTranscriptionJobsEvent:
		if ev == nil {
			return nil
		}
		return summarize(ev.Response.GetMedicalTranscriptionJobSummaries())
	case *DeleteMedicalTranscriptionJobEvent:
		if ev == nil {
			return nil
		}
		return named(KindMedicalTranscription, ev.Request.GetMedicalTranscriptionJobName())

	case *StartCallAnalyticsJobEvent:
		if ev == nil {
			return nil
		}
		req := ev.Request
		s := ev.Response.GetCallAnalyticsJob().Summary()
		return started(s, req.GetCallAnalyticsJobName(), "", req.GetMedia().GetMediaFileUri(), "")
	case *GetCallAnalyticsJobEvent:
		if ev == nil {
			return nil
		}
		if j := ev.Response.GetCallAnalyticsJob(); j != nil {
			return []JobSummary{j.Summary()}
		}
		return named(KindCallAnalytics, ev.Request.GetCallAnalyticsJobName())
	case *ListCallAnalyticsJobsEvent:
		if ev == nil {
			return nil
		}
		return summarize(ev.Response.GetCallAnalyticsJobSummaries())
	case *DeleteCallAnalyticsJobEvent:
		if ev == nil {
			return nil
		}
		return named(KindCallAnalytics, ev.Request.GetCallAnalyticsJobName())

	case *StartMedicalScribeJobEvent:
		if ev == nil {
			return nil
		}
		req := ev.Request
		s := ev.Response.GetMedicalScribeJob().Summary()
		return started(s, req.GetMedicalScribeJobName(), "", req.GetMedia().GetMediaFileUri(), "")
	case *GetMedicalScribeJobEvent:
		if ev == nil {
			return nil
		}
		if j := ev.Response.GetMedicalScribeJob(); j != nil {
			return []JobSummary{j.Summary()}
		}
		return named(KindMedicalScribe, ev.Request.GetMedicalScribeJobName())
	case *ListMedicalScribeJobsEvent:
		if ev == nil {
			return nil
		}
		return summarize(ev.Response.GetMedicalScribeJobSummaries())
	case *DeleteMedicalScribeJobEvent:
		if ev == nil {
			return nil
		}
		return named(KindMedicalScribe, ev.Request.GetMedicalScribeJobName())
	}
	return nil
}

// started completes the summary of a started job from its request, and
// returns it unless the record shows no job at all.
func started(s JobSummary, name, language, mediaURI, format string) []JobSummary {
	if s.Name == "" {
		s.Name = name
	}
	if s.LanguageCode == "" {
		s.LanguageCode = language
	}
	if s.MediaURI == "" {
		s.MediaURI = mediaURI
	}
	if s.MediaFormat == "" {
		s.MediaFormat = format
	}
	if s.Name == "" {
		return nil
	}
	return []JobSummary{s}
}

// named returns a summary that holds only a job's name, or nil for no name.
func named(kind JobKind, name string) []JobSummary {
	if name == "" {
		return nil
	}
	return []JobSummary{{Kind: kind, Name: name}}
}

// summarize summarizes the entries of a job list.
func summarize[T any, P interface {
	*T
	Summary() JobSummary
}](list []T) []JobSummary {
	if len(list) == 0 {
		return nil
	}
	out := make([]JobSummary, 0, len(list))
	for i := range list {
		out = append(out, P(&list[i]).Summary())
	}
	return out
}
