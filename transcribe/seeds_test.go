package transcribe

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

func TestSeedsDecode(t *testing.T) {
	typedtest.CheckSeedsDecode(t, "transcribe", EventSource, reflect.TypeFor[JobSummary]().PkgPath(), StreamingEventSource)
}

func TestSeedValues(t *testing.T) {
	const (
		name     = "support-call-20231102-0001"
		mediaURI = "s3://media-input.example.com/calls/support-call-20231102-0001.flac"
		worker   = "role/TranscribeWorkerRole (session transcribe-worker)"
		maria    = "user/maria"
		jobARN   = "arn:aws:transcribe:us-east-1:111122223333:transcription-job/support-call-20240219-0006"
	)
	created := time.Date(2023, 11, 2, 0, 59, 45, 712e6, time.UTC)
	utc := func(layout, value string) time.Time {
		tm, err := time.Parse(layout, value)
		require.NoError(t, err)
		return tm
	}

	checks := map[string]func(t *testing.T, v any){
		"records/transcribe/StartTranscriptionJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartTranscriptionJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, worker, ev.Actor().String())
			require.Equal(t, time.Date(2023, 11, 2, 0, 59, 45, 0, time.UTC), ev.EventTime)
			req := ev.Request
			require.Equal(t, name, req.GetTranscriptionJobName())
			require.Equal(t, LanguageCodeEnUs, req.GetLanguageCode())
			require.Equal(t, MediaFormatFlac, req.GetMediaFormat())
			require.Equal(t, mediaURI, req.GetMedia().GetMediaFileUri())
			job := ev.Response.GetTranscriptionJob()
			require.Equal(t, TranscriptionJobStatusInProgress, job.GetTranscriptionJobStatus())
			require.Equal(t, "IN_PROGRESS", string(job.GetTranscriptionJobStatus()))
			require.Equal(t, created, job.GetCreationTime().Time)
			require.Equal(t, `"2023-11-02T00:59:45.712Z"`, job.GetCreationTime().Raw)
			require.Nil(t, job.GetTranscript())
			want := []JobSummary{{
				Kind:         KindTranscription,
				Name:         name,
				Status:       TranscriptionJobStatusInProgress,
				LanguageCode: "en-US",
				MediaURI:     mediaURI,
				MediaFormat:  "flac",
				CreatedAt:    created,
			}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/GetTranscriptionJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetTranscriptionJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, worker, ev.Actor().String())
			require.Equal(t, name, ev.Request.GetTranscriptionJobName())
			job := ev.Response.GetTranscriptionJob()
			require.Equal(t, TranscriptionJobStatusCompleted, job.GetTranscriptionJobStatus())
			require.Equal(t, "COMPLETED", string(job.GetTranscriptionJobStatus()))
			require.NotNil(t, job.GetSettings().ChannelIdentification)
			require.False(t, job.GetSettings().GetChannelIdentification())
			require.False(t, job.GetSettings().GetShowAlternatives())
			require.Equal(t, created, job.GetCreationTime().Time)
			want := []JobSummary{{
				Kind:          KindTranscription,
				Name:          name,
				Status:        TranscriptionJobStatusCompleted,
				LanguageCode:  "en-US",
				MediaURI:      mediaURI,
				MediaFormat:   "flac",
				TranscriptURI: "https://s3.us-east-1.amazonaws.com/media-output.example.com/transcripts/support-call-20231102-0001.json",
				CreatedAt:     created,
			}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/StartTranscriptionJob-Conflict.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartTranscriptionJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "ConflictException", ev.ErrorCode)
			require.Equal(t, "The requested job name already exists. Use a different job name.", ev.ErrorMessage)
			require.Nil(t, ev.Response)
			require.Equal(t, "media-output.example.com", ev.Request.GetOutputBucketName())
			require.Equal(t, "transcripts/", ev.Request.GetOutputKey())
			want := []JobSummary{{Kind: KindTranscription, Name: "support-call-20240219-0007", LanguageCode: "en-US",
				MediaURI: "s3://media-input.example.com/calls/support-call-20240219-0007.wav", MediaFormat: "wav"}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/GetTranscriptionJob-JavaTime.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetTranscriptionJobEvent)
			require.True(t, ok, "%T", v)
			job := ev.Response.GetTranscriptionJob()
			require.EqualValues(t, 8000, job.GetMediaSampleRateHertz())
			require.True(t, job.GetSettings().GetShowSpeakerLabels())
			require.EqualValues(t, 2, job.GetSettings().GetMaxSpeakerLabels())
			require.Equal(t, "support-terms", job.GetSettings().GetVocabularyName())
			require.Equal(t, "\"Feb 19, 2024, 9:12:41\u202fAM\"", job.GetCreationTime().Raw)
			want := []JobSummary{{
				Kind:          KindTranscription,
				Name:          "support-call-20240219-0006",
				Status:        TranscriptionJobStatusCompleted,
				LanguageCode:  "en-US",
				MediaURI:      "s3://media-input.example.com/calls/support-call-20240219-0006.wav",
				MediaFormat:   "wav",
				TranscriptURI: "https://s3.us-east-1.amazonaws.com/media-output.example.com/transcripts/support-call-20240219-0006.json",
				CreatedAt:     time.Date(2024, 2, 19, 9, 12, 41, 0, time.UTC),
				StartedAt:     time.Date(2024, 2, 19, 9, 12, 41, 0, time.UTC),
				CompletedAt:   time.Date(2024, 2, 19, 9, 13, 19, 0, time.UTC),
			}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/ListTranscriptionJobs.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListTranscriptionJobsEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, maria, ev.Actor().String())
			require.Equal(t, TranscriptionJobStatusCompleted, ev.Request.GetStatus())
			require.Equal(t, "support-call", ev.Request.GetJobNameContains())
			require.EqualValues(t, 5, ev.Request.GetMaxResults())
			require.Equal(t, "eyJ0b2tlbiI6ICJFWEFNUExFIn0=", ev.Response.GetNextToken())
			sums := ev.Response.GetTranscriptionJobSummaries()
			require.Len(t, sums, 2)
			require.Equal(t, OutputLocationTypeCustomerBucket, sums[0].GetOutputLocationType())
			require.Equal(t, OutputLocationTypeServiceBucket, sums[1].GetOutputLocationType())
			const java8 = "Jan 2, 2006 3:04:05 PM"
			want := []JobSummary{
				{Kind: KindTranscription, Name: "support-call-20190718-0002", Status: TranscriptionJobStatusCompleted, LanguageCode: "en-US",
					CreatedAt: utc(java8, "Jul 18, 2019 4:07:39 PM"), StartedAt: utc(java8, "Jul 18, 2019 4:07:39 PM"),
					CompletedAt: utc(java8, "Jul 18, 2019 4:08:51 PM")},
				{Kind: KindTranscription, Name: "support-call-20190718-0001", Status: TranscriptionJobStatusCompleted, LanguageCode: "en-US",
					CreatedAt: utc(java8, "Jul 18, 2019 3:58:02 PM"), StartedAt: utc(java8, "Jul 18, 2019 3:58:03 PM"),
					CompletedAt: utc(java8, "Jul 18, 2019 3:59:30 PM")},
			}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/DeleteTranscriptionJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeleteTranscriptionJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, worker, ev.Actor().String())
			require.Nil(t, ev.Response)
			require.Equal(t, []JobSummary{{Kind: KindTranscription, Name: "support-call-20240219-0006"}}, withoutEvent(JobSummaries(ev)))
		},
		"records/transcribe/StartMedicalTranscriptionJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartMedicalTranscriptionJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "identitycenter/ana.silva@example.com (role AWSReservedSSO_ClinicalData_fedcba9876543210)", ev.Actor().String())
			req := ev.Request
			require.Equal(t, "***", req.GetOutputEncryptionKMSKeyId(), "a redacted string stays as written")
			require.Equal(t, SpecialtyPrimarycare, req.GetSpecialty())
			require.Equal(t, TypeDictation, req.GetType())
			require.Equal(t, MedicalContentIdentificationTypePhi, req.GetContentIdentificationType())
			at := time.Date(2024, 9, 10, 8, 15, 47, 0, time.UTC)
			want := []JobSummary{{Kind: KindMedicalTranscription, Name: "visit-2024-09-10-dr-lee-0815",
				Status: TranscriptionJobStatusInProgress, LanguageCode: "en-US",
				MediaURI:    "s3://clinic-audio.example.com/dictations/visit-2024-09-10-dr-lee-0815.m4a",
				MediaFormat: "m4a", CreatedAt: at, StartedAt: at}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/StartCallAnalyticsJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartCallAnalyticsJobEvent)
			require.True(t, ok, "%T", v)
			req := ev.Request
			require.Equal(t, "s3://media-output.example.com/call-analytics/", req.GetOutputLocation())
			chans := req.GetChannelDefinitions()
			require.Len(t, chans, 2)
			require.EqualValues(t, 0, chans[0].GetChannelId())
			require.Equal(t, ParticipantRoleAgent, chans[0].GetParticipantRole())
			require.EqualValues(t, 1, chans[1].GetChannelId())
			require.Equal(t, ParticipantRoleCustomer, chans[1].GetParticipantRole())
			job := ev.Response.GetCallAnalyticsJob()
			require.Equal(t, CallAnalyticsJobStatusInProgress, job.GetCallAnalyticsJobStatus())
			require.Equal(t, "1717417371.095", job.GetCreationTime().Raw)
			// Epoch seconds with a fraction of milliseconds.
			want := []JobSummary{{Kind: KindCallAnalytics, Name: "contact-7f3e9b12-analytics", Status: TranscriptionJobStatusInProgress,
				MediaURI:  "s3://media-input.example.com/connect/recordings/2024/06/03/7f3e9b12.wav",
				CreatedAt: time.UnixMilli(1717417371095).UTC(), StartedAt: time.UnixMilli(1717417371118).UTC()}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/CreateVocabulary.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateVocabularyEvent)
			require.True(t, ok, "%T", v)
			typedtest.RequireOnlyRedactions(t, ev.Errors, "requestParameters.phrases")
			require.Nil(t, ev.Request.GetPhrases())
			raw, ok := ev.Request.UnknownMembers.Get("phrases")
			require.True(t, ok)
			require.JSONEq(t, `"HIDDEN_DUE_TO_SECURITY_REASONS"`, string(raw))
			require.Equal(t, "support-terms", ev.Request.GetVocabularyName())
			require.Equal(t, VocabularyStatePending, ev.Response.GetVocabularyState())
			require.Equal(t, time.Unix(1571956406, 0).UTC(), ev.Response.GetLastModifiedTime().Time)
			require.Nil(t, JobSummaries(ev))
		},
		"records/transcribe/GetVocabulary.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetVocabularyEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, VocabularyStateReady, ev.Response.GetVocabularyState())
			require.Equal(t, time.Date(2019, 10, 24, 22, 41, 2, 0, time.UTC), ev.Response.GetLastModifiedTime().Time)
			require.Equal(t, "https://s3.us-east-1.amazonaws.com/aws-transcribe-dictionary-model-us-east-1-prod/111122223333/support-terms/input.txt",
				ev.Response.GetDownloadUri())
		},
		"records/transcribe/ListVocabularies.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListVocabulariesEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, worker, ev.Actor().String())
			require.Equal(t, VocabularyStateReady, ev.Request.GetStateEquals())
			vocabs := ev.Response.GetVocabularies()
			require.Len(t, vocabs, 2)
			require.Equal(t, "support-terms", vocabs[0].GetVocabularyName())
			require.Equal(t, time.UnixMilli(1708290331512).UTC(), vocabs[0].GetLastModifiedTime().Time)
			require.Equal(t, "product-names-es", vocabs[1].GetVocabularyName())
			require.Equal(t, LanguageCodeEsUs, vocabs[1].GetLanguageCode())
			require.Equal(t, time.Unix(1707148800, 0).UTC(), vocabs[1].GetLastModifiedTime().Time)
		},
		"records/transcribe/UpdateVocabulary.json": func(t *testing.T, v any) {
			ev, ok := v.(*UpdateVocabularyEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "s3://media-input.example.com/vocabularies/support-terms-v2.txt", ev.Request.GetVocabularyFileUri())
			require.Equal(t, time.Date(2020, 3, 5, 21, 26, 29, 0, time.UTC), ev.Response.GetLastModifiedTime().Time)
			require.Equal(t, VocabularyStatePending, ev.Response.GetVocabularyState())
		},
		"records/transcribe/DeleteVocabulary.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeleteVocabularyEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, maria, ev.Actor().String())
			require.Equal(t, "product-names-es", ev.Request.GetVocabularyName())
			require.Nil(t, JobSummaries(ev))
		},
		"records/transcribe/CreateVocabularyFilter.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateVocabularyFilterEvent)
			require.True(t, ok, "%T", v)
			tags := ev.Request.GetTags()
			require.Len(t, tags, 1)
			require.Equal(t, "team", tags[0].GetKey())
			require.Equal(t, "trust-and-safety", tags[0].GetValue())
			require.Equal(t, "s3://media-input.example.com/filters/profanity-en.txt", ev.Request.GetVocabularyFilterFileUri())
			require.Equal(t, time.UnixMilli(1719596418274).UTC(), ev.Response.GetLastModifiedTime().Time)
		},
		"records/transcribe/TagResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*TagResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, jobARN, ev.Request.GetResourceArn())
			tags := ev.Request.GetTags()
			require.Len(t, tags, 2)
			require.Equal(t, "retention", tags[1].GetKey())
			require.Equal(t, "90d", tags[1].GetValue())
		},
		"records/transcribe/UntagResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*UntagResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, jobARN, ev.Request.GetResourceArn())
			require.Equal(t, []string{"retention"}, ev.Request.GetTagKeys())
		},
		"records/transcribe/ListTagsForResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListTagsForResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, jobARN, ev.Response.GetResourceArn())
			tags := ev.Response.GetTags()
			require.Len(t, tags, 1)
			require.Equal(t, "project", tags[0].GetKey())
			require.Equal(t, "support-analytics", tags[0].GetValue())
		},
		"records/transcribe/StartStreamTranscription.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartStreamTranscriptionEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, EventSource, ev.EventSource)
			want := &StartStreamTranscriptionRequest{
				LanguageCode: StreamingLanguageCodeEnUs, MediaSampleRateHertz: ptr[int32](16000), MediaEncoding: MediaEncodingPcm,
				VocabularyName: ptr("support-terms"), EnablePartialResultsStabilization: ptr(true),
				PartialResultsStability: PartialResultsStabilityHigh, ShowSpeakerLabel: ptr(false),
			}
			if diff := cmp.Diff(want, ev.Request); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			wantResp := &StartStreamTranscriptionResponse{
				RequestId: ptr("0a3c7a2e-91d4-4b0a-8f3e-5b2c9d1e7f60"), LanguageCode: StreamingLanguageCodeEnUs,
				MediaSampleRateHertz: ptr[int32](16000), MediaEncoding: MediaEncodingPcm, VocabularyName: ptr("support-terms"),
				SessionId: ptr("4b1c2d3e-5f60-4718-9a2b-3c4d5e6f7a81"), EnablePartialResultsStabilization: ptr(true),
				PartialResultsStability: PartialResultsStabilityHigh, ShowSpeakerLabel: ptr(false),
			}
			if diff := cmp.Diff(wantResp, ev.Response); diff != "" {
				t.Errorf("response (-want +got):\n%s", diff)
			}
		},
		"records/transcribe/StartStreamTranscriptionWebSocket.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartStreamTranscriptionEvent)
			require.True(t, ok, "the WebSocket form decodes to the call's typed event, not %T", v)
			require.Equal(t, "StartStreamTranscriptionWebSocket", ev.EventName)
			want := &StartStreamTranscriptionRequest{
				LanguageCode: StreamingLanguageCodeEsUs, MediaSampleRateHertz: ptr[int32](8000), MediaEncoding: MediaEncodingOggOpus,
				SessionId: ptr("9d8c7b6a-5f4e-4d3c-8b2a-190817263544"), ContentIdentificationType: ContentIdentificationTypePii,
				PiiEntityTypes: ptr("BANK_ACCOUNT_NUMBER,CREDIT_DEBIT_NUMBER"),
			}
			if diff := cmp.Diff(want, ev.Request); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			require.Equal(t, "b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e", ev.Response.GetRequestId())
			require.Empty(t, ev.Response.UnknownMembers)
		},
		"records/transcribe/StartCallAnalyticsStreamTranscription.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartCallAnalyticsStreamTranscriptionEvent)
			require.True(t, ok, "%T", v)
			want := &StartCallAnalyticsStreamTranscriptionRequest{
				LanguageCode: CallAnalyticsLanguageCodeEnUs, MediaSampleRateHertz: ptr[int32](8000), MediaEncoding: MediaEncodingPcm,
				ContentRedactionType: ContentRedactionTypePii, SessionId: ptr("c0ffee00-1234-4abc-9def-001122334455"),
			}
			if diff := cmp.Diff(want, ev.Request); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			require.Equal(t, "2f3e4d5c-6b7a-4897-a6b5-c4d3e2f1a0b9", ev.Response.GetRequestId())
			require.Empty(t, ev.Response.UnknownMembers)
		},
		"records/transcribe/StartMedicalScribeStream.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartMedicalScribeStreamEvent)
			require.True(t, ok, "%T", v)
			want := &StartMedicalScribeStreamRequest{
				SessionId: ptr("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"), LanguageCode: MedicalScribeLanguageCodeEnUs,
				MediaSampleRateHertz: ptr[int32](16000), MediaEncoding: MedicalScribeMediaEncodingPcm,
			}
			if diff := cmp.Diff(want, ev.Request); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			require.Equal(t, "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e", ev.Response.GetRequestId())
			require.Empty(t, ev.Response.UnknownMembers)
		},
		"records/transcribe/GetMedicalScribeStream.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetMedicalScribeStreamEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, StreamingEventSource, ev.EventSource, "the streaming model's own event source decodes too")
			require.Equal(t, "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", ev.Request.GetSessionId())
			d := ev.Response.GetMedicalScribeStreamDetails()
			require.Empty(t, d.UnknownMembers)
			require.Equal(t, time.UnixMilli(1772633462123).UTC(), d.GetStreamCreatedAt().Time)
			require.Equal(t, time.UnixMilli(1772634062500).UTC(), d.GetStreamEndedAt().Time)
			require.Equal(t, MedicalScribeStreamStatusCompleted, d.StreamStatus)
			require.Equal(t, MedicalScribeNoteTemplateHistoryAndPhysical, d.GetPostStreamAnalyticsSettings().GetClinicalNoteGenerationSettings().NoteTemplate)
			res := d.GetPostStreamAnalyticsResult().GetClinicalNoteGenerationResult()
			require.Equal(t, "s3://scribe-notes.example.com/5e6f7a8b/summary.json", res.GetClinicalNoteOutputLocation())
			require.Equal(t, ClinicalNoteGenerationStatusCompleted, res.Status)
		},
	}
	typedtest.CheckSeedValues(t, "transcribe", EventSource, checks)
}

func ptr[T any](v T) *T { return &v }
