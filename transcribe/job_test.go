package transcribe

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// decodeRecord makes a record of the service from its parts, decodes it
// and returns the typed event. Empty parts are left out of the record.
var decodeRecord = typedtest.RecordTemplate{
	EventVersion: "1.09", EventTime: "2024-05-06T07:08:09Z", EventSource: EventSource, AWSRegion: "us-east-1",
	UserIdentity: `{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"}`,
}.Decode

func TestJobs(t *testing.T) {
	created := time.Date(2024, 5, 6, 7, 8, 9, 500e6, time.UTC)
	started := time.Date(2024, 5, 6, 7, 8, 10, 0, time.UTC)
	completed := time.Date(2024, 5, 6, 7, 9, 0, 0, time.UTC)
	times := `"creationTime": "2024-05-06T07:08:09.5Z", "startTime": "2024-05-06T07:08:10Z", "completionTime": "2024-05-06T07:09:00Z"`
	tests := []struct {
		name                        string
		event, req, resp, errorCode string
		want                        []JobSummary
	}{
		{
			name: "StartTranscriptionJob with request details only", event: "StartTranscriptionJob",
			req:  `{"transcriptionJobName": "j1", "languageCode": "es-US", "mediaFormat": "mp3", "media": {"mediaFileUri": "s3://in/a.mp3"}}`,
			resp: `{"transcriptionJob": {"transcriptionJobName": "j1", "transcriptionJobStatus": "QUEUED"}}`,
			want: []JobSummary{{Kind: KindTranscription, Name: "j1", Status: TranscriptionJobStatusQueued,
				LanguageCode: "es-US", MediaURI: "s3://in/a.mp3", MediaFormat: "mp3"}},
		},
		{
			name: "StartTranscriptionJob refused", event: "StartTranscriptionJob",
			req:       `{"transcriptionJobName": "j1", "languageCode": "en-GB", "media": {"mediaFileUri": "s3://in/a.wav"}}`,
			errorCode: "ConflictException",
			want:      []JobSummary{{Kind: KindTranscription, Name: "j1", LanguageCode: "en-GB", MediaURI: "s3://in/a.wav"}},
		},
		{
			name: "GetTranscriptionJob failed job with identified language", event: "GetTranscriptionJob",
			req: `{"transcriptionJobName": "j2"}`,
			resp: `{"transcriptionJob": {"transcriptionJobName": "j2", "transcriptionJobStatus": "FAILED", ` + times + `,
			  "identifyLanguage": true, "languageCodes": [{"languageCode": "fr-FR", "durationInSeconds": 12.5}],
			  "failureReason": "Unsupported media format", "media": {"mediaFileUri": "s3://in/b.ogg"}, "mediaFormat": "ogg"}}`,
			want: []JobSummary{{Kind: KindTranscription, Name: "j2", Status: TranscriptionJobStatusFailed, LanguageCode: "fr-FR",
				MediaURI: "s3://in/b.ogg", MediaFormat: "ogg", CreatedAt: created, StartedAt: started, CompletedAt: completed,
				FailureReason: "Unsupported media format"}},
		},
		{
			name: "GetTranscriptionJob without response", event: "GetTranscriptionJob",
			req:  `{"transcriptionJobName": "j2"}`,
			want: []JobSummary{{Kind: KindTranscription, Name: "j2"}},
		},
		{
			name: "ListTranscriptionJobs", event: "ListTranscriptionJobs",
			req: `{"status": "COMPLETED"}`,
			resp: `{"status": "COMPLETED", "transcriptionJobSummaries": [
			  {"transcriptionJobName": "j1", "transcriptionJobStatus": "COMPLETED", "languageCode": "en-US", ` + times + `},
			  {"transcriptionJobName": "j3", "transcriptionJobStatus": "COMPLETED", "languageCodes": [{"languageCode": "de-DE"}]}]}`,
			want: []JobSummary{
				{Kind: KindTranscription, Name: "j1", Status: TranscriptionJobStatusCompleted, LanguageCode: "en-US",
					CreatedAt: created, StartedAt: started, CompletedAt: completed},
				{Kind: KindTranscription, Name: "j3", Status: TranscriptionJobStatusCompleted, LanguageCode: "de-DE"},
			},
		},
		{
			name: "DeleteTranscriptionJob", event: "DeleteTranscriptionJob",
			req:  `{"transcriptionJobName": "j1"}`,
			want: []JobSummary{{Kind: KindTranscription, Name: "j1"}},
		},
		{
			name: "StartMedicalTranscriptionJob", event: "StartMedicalTranscriptionJob",
			req: `{"medicalTranscriptionJobName": "m1", "languageCode": "en-US", "media": {"mediaFileUri": "s3://in/visit.wav"},
			  "specialty": "PRIMARYCARE", "type": "CONVERSATION", "outputBucketName": "out"}`,
			resp: `{"medicalTranscriptionJob": {"medicalTranscriptionJobName": "m1", "transcriptionJobStatus": "IN_PROGRESS",
			  "languageCode": "en-US", "mediaFormat": "wav", "media": {"mediaFileUri": "s3://in/visit.wav"}, "creationTime": "2024-05-06T07:08:09.5Z"}}`,
			want: []JobSummary{{Kind: KindMedicalTranscription, Name: "m1", Status: TranscriptionJobStatusInProgress,
				LanguageCode: "en-US", MediaURI: "s3://in/visit.wav", MediaFormat: "wav", CreatedAt: created}},
		},
		{
			name: "GetMedicalTranscriptionJob", event: "GetMedicalTranscriptionJob",
			req: `{"medicalTranscriptionJobName": "m1"}`,
			resp: `{"medicalTranscriptionJob": {"medicalTranscriptionJobName": "m1", "transcriptionJobStatus": "COMPLETED", ` + times + `,
			  "transcript": {"transcriptFileUri": "s3://out/m1.json"}}}`,
			want: []JobSummary{{Kind: KindMedicalTranscription, Name: "m1", Status: TranscriptionJobStatusCompleted,
				TranscriptURI: "s3://out/m1.json", CreatedAt: created, StartedAt: started, CompletedAt: completed}},
		},
		{
			name: "ListMedicalTranscriptionJobs", event: "ListMedicalTranscriptionJobs",
			resp: `{"medicalTranscriptionJobSummaries": [{"medicalTranscriptionJobName": "m1", "transcriptionJobStatus": "COMPLETED"}]}`,
			want: []JobSummary{{Kind: KindMedicalTranscription, Name: "m1", Status: TranscriptionJobStatusCompleted}},
		},
		{
			name: "DeleteMedicalTranscriptionJob", event: "DeleteMedicalTranscriptionJob",
			req:  `{"medicalTranscriptionJobName": "m1"}`,
			want: []JobSummary{{Kind: KindMedicalTranscription, Name: "m1"}},
		},
		{
			name: "StartCallAnalyticsJob", event: "StartCallAnalyticsJob",
			req: `{"callAnalyticsJobName": "c1", "media": {"mediaFileUri": "s3://in/call.wav"},
			  "dataAccessRoleArn": "arn:aws:iam::111122223333:role/TranscribeAccess"}`,
			resp: `{"callAnalyticsJob": {"callAnalyticsJobName": "c1", "callAnalyticsJobStatus": "IN_PROGRESS"}}`,
			want: []JobSummary{{Kind: KindCallAnalytics, Name: "c1", Status: TranscriptionJobStatusInProgress, MediaURI: "s3://in/call.wav"}},
		},
		{
			name: "GetCallAnalyticsJob", event: "GetCallAnalyticsJob",
			req: `{"callAnalyticsJobName": "c1"}`,
			resp: `{"callAnalyticsJob": {"callAnalyticsJobName": "c1", "callAnalyticsJobStatus": "COMPLETED", "languageCode": "en-US",
			  "media": {"mediaFileUri": "s3://in/call.wav"}, "mediaFormat": "wav", "transcript": {"transcriptFileUri": "s3://out/c1.json"}, ` + times + `}}`,
			want: []JobSummary{{Kind: KindCallAnalytics, Name: "c1", Status: TranscriptionJobStatusCompleted, LanguageCode: "en-US",
				MediaURI: "s3://in/call.wav", MediaFormat: "wav", TranscriptURI: "s3://out/c1.json",
				CreatedAt: created, StartedAt: started, CompletedAt: completed}},
		},
		{
			name: "ListCallAnalyticsJobs", event: "ListCallAnalyticsJobs",
			resp: `{"callAnalyticsJobSummaries": [{"callAnalyticsJobName": "c1", "callAnalyticsJobStatus": "FAILED", "failureReason": "bad audio"}]}`,
			want: []JobSummary{{Kind: KindCallAnalytics, Name: "c1", Status: TranscriptionJobStatusFailed, FailureReason: "bad audio"}},
		},
		{
			name: "DeleteCallAnalyticsJob", event: "DeleteCallAnalyticsJob",
			req:  `{"callAnalyticsJobName": "c1"}`,
			want: []JobSummary{{Kind: KindCallAnalytics, Name: "c1"}},
		},
		{
			name: "StartMedicalScribeJob", event: "StartMedicalScribeJob",
			req: `{"medicalScribeJobName": "s1", "media": {"mediaFileUri": "s3://in/consult.flac"}, "outputBucketName": "out",
			  "dataAccessRoleArn": "arn:aws:iam::111122223333:role/ScribeAccess", "settings": {"showSpeakerLabels": true, "maxSpeakerLabels": 2}}`,
			resp: `{"medicalScribeJob": {"medicalScribeJobName": "s1", "medicalScribeJobStatus": "QUEUED", "languageCode": "en-US"}}`,
			want: []JobSummary{{Kind: KindMedicalScribe, Name: "s1", Status: TranscriptionJobStatusQueued, LanguageCode: "en-US",
				MediaURI: "s3://in/consult.flac"}},
		},
		{
			name: "GetMedicalScribeJob", event: "GetMedicalScribeJob",
			req: `{"medicalScribeJobName": "s1"}`,
			resp: `{"medicalScribeJob": {"medicalScribeJobName": "s1", "medicalScribeJobStatus": "COMPLETED",
			  "medicalScribeOutput": {"transcriptFileUri": "s3://out/s1/transcript.json", "clinicalDocumentUri": "s3://out/s1/summary.json"}, ` + times + `}}`,
			want: []JobSummary{{Kind: KindMedicalScribe, Name: "s1", Status: TranscriptionJobStatusCompleted,
				TranscriptURI: "s3://out/s1/transcript.json", CreatedAt: created, StartedAt: started, CompletedAt: completed}},
		},
		{
			name: "ListMedicalScribeJobs", event: "ListMedicalScribeJobs",
			resp: `{"medicalScribeJobSummaries": [{"medicalScribeJobName": "s1", "medicalScribeJobStatus": "IN_PROGRESS"}]}`,
			want: []JobSummary{{Kind: KindMedicalScribe, Name: "s1", Status: TranscriptionJobStatusInProgress}},
		},
		{
			name: "DeleteMedicalScribeJob", event: "DeleteMedicalScribeJob",
			req:  `{"medicalScribeJobName": "s1"}`,
			want: []JobSummary{{Kind: KindMedicalScribe, Name: "s1"}},
		},
		{
			name: "ListTranscriptionJobs without response", event: "ListTranscriptionJobs",
			req: `{"status": "FAILED"}`,
		},
		{
			name: "CreateVocabulary shows no job", event: "CreateVocabulary",
			req: `{"vocabularyName": "v", "languageCode": "en-US", "phrases": ["mediatrail"]}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := decodeRecord(t, tt.event, tt.req, tt.resp, tt.errorCode)
			if diff := cmp.Diff(tt.want, withoutEvent(JobSummaries(v))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilSafety(t *testing.T) {
	require.Equal(t, JobSummary{Kind: KindTranscription}, (*TranscriptionJob)(nil).Summary())
	require.Equal(t, JobSummary{Kind: KindTranscription}, (*TranscriptionJobSummary)(nil).Summary())
	require.Equal(t, JobSummary{Kind: KindMedicalTranscription}, (*MedicalTranscriptionJob)(nil).Summary())
	require.Equal(t, JobSummary{Kind: KindMedicalTranscription}, (*MedicalTranscriptionJobSummary)(nil).Summary())
	require.Equal(t, JobSummary{Kind: KindCallAnalytics}, (*CallAnalyticsJob)(nil).Summary())
	require.Equal(t, JobSummary{Kind: KindCallAnalytics}, (*CallAnalyticsJobSummary)(nil).Summary())
	require.Equal(t, JobSummary{Kind: KindMedicalScribe}, (*MedicalScribeJob)(nil).Summary())
	require.Equal(t, JobSummary{Kind: KindMedicalScribe}, (*MedicalScribeJobSummary)(nil).Summary())
	for _, v := range []any{
		nil, 1, "StartTranscriptionJob",
		(*StartTranscriptionJobEvent)(nil), (*GetTranscriptionJobEvent)(nil),
		(*ListTranscriptionJobsEvent)(nil), (*DeleteTranscriptionJobEvent)(nil),
		(*StartMedicalTranscriptionJobEvent)(nil), (*GetMedicalTranscriptionJobEvent)(nil),
		(*ListMedicalTranscriptionJobsEvent)(nil), (*DeleteMedicalTranscriptionJobEvent)(nil),
		(*StartCallAnalyticsJobEvent)(nil), (*GetCallAnalyticsJobEvent)(nil),
		(*ListCallAnalyticsJobsEvent)(nil), (*DeleteCallAnalyticsJobEvent)(nil),
		(*StartMedicalScribeJobEvent)(nil), (*GetMedicalScribeJobEvent)(nil),
		(*ListMedicalScribeJobsEvent)(nil), (*DeleteMedicalScribeJobEvent)(nil),
		&StartTranscriptionJobEvent{}, &GetTranscriptionJobEvent{},
		&ListTranscriptionJobsEvent{}, &DeleteTranscriptionJobEvent{},
		&StartMedicalTranscriptionJobEvent{}, &GetMedicalTranscriptionJobEvent{},
		&ListMedicalTranscriptionJobsEvent{}, &DeleteMedicalTranscriptionJobEvent{},
		&StartCallAnalyticsJobEvent{}, &GetCallAnalyticsJobEvent{},
		&ListCallAnalyticsJobsEvent{}, &DeleteCallAnalyticsJobEvent{},
		&StartMedicalScribeJobEvent{}, &GetMedicalScribeJobEvent{},
		&ListMedicalScribeJobsEvent{}, &DeleteMedicalScribeJobEvent{},
	} {
		require.Nil(t, JobSummaries(v), "%T", v)
	}
}
