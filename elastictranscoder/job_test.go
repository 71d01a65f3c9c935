package elastictranscoder

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
	EventVersion: "1.02", EventTime: "2015-03-04T05:06:07Z", EventSource: EventSource, AWSRegion: "us-east-1",
	UserIdentity: `{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/smithj","accountId":"111122223333"}`,
}.Decode

func TestEndOfSupport(t *testing.T) {
	day, err := time.Parse(time.DateOnly, EndOfSupport)
	require.NoError(t, err)
	require.Equal(t, time.Date(2025, 11, 13, 0, 0, 0, 0, time.UTC), day)
}

func TestJobs(t *testing.T) {
	jobJSON := `{"id": "1425445567000-abcdef", "arn": "arn:aws:elastictranscoder:us-east-1:111122223333:job/1425445567000-abcdef",
	  "pipelineId": "1425440000000-pipe01", "status": "Complete", "outputKeyPrefix": "hls/",
	  "inputs": [{"key": "in/movie.mov"}],
	  "outputs": [
	    {"id": "1", "key": "movie-720p", "presetId": "1351620000001-200010", "status": "Complete", "width": 1280, "height": 720},
	    {"id": "2", "key": "movie-480p", "presetId": "1351620000001-200020", "status": "Complete", "width": 854, "height": 480},
	    {"id": "3", "key": "movie-720p-copy", "presetId": "1351620000001-200010", "status": "Error"}],
	  "timing": {"submitTimeMillis": 1425445567000, "startTimeMillis": 1425445568000, "finishTimeMillis": 1425445600123}}`
	full := JobSummary{
		ID:              "1425445567000-abcdef",
		ARN:             "arn:aws:elastictranscoder:us-east-1:111122223333:job/1425445567000-abcdef",
		PipelineID:      "1425440000000-pipe01",
		Status:          StatusComplete,
		InputKey:        "in/movie.mov",
		OutputKeyPrefix: "hls/",
		SubmittedAt:     time.UnixMilli(1425445567000).UTC(),
		StartedAt:       time.UnixMilli(1425445568000).UTC(),
		FinishedAt:      time.UnixMilli(1425445600123).UTC(),
		Outputs: []OutputSummary{
			{ID: "1", Key: "movie-720p", PresetID: "1351620000001-200010", Status: StatusComplete, Width: 1280, Height: 720},
			{ID: "2", Key: "movie-480p", PresetID: "1351620000001-200020", Status: StatusComplete, Width: 854, Height: 480},
			{ID: "3", Key: "movie-720p-copy", PresetID: "1351620000001-200010", Status: StatusError},
		},
	}
	tests := []struct {
		name                        string
		event, req, resp, errorCode string
		want                        []JobSummary
	}{
		{
			name: "ReadJob", event: "ReadJob",
			req: `{"id": "1425445567000-abcdef"}`, resp: `{"job": ` + jobJSON + `}`,
			want: []JobSummary{full},
		},
		{
			name: "ReadJob without response", event: "ReadJob",
			req:  `{"id": "1425445567000-abcdef"}`,
			want: []JobSummary{{ID: "1425445567000-abcdef"}},
		},
		{
			name: "CancelJob", event: "CancelJob",
			req: `{"id": "1425445567000-abcdef"}`, resp: `{}`,
			want: []JobSummary{{ID: "1425445567000-abcdef", Status: StatusCanceled}},
		},
		{
			name: "CancelJob refused", event: "CancelJob",
			req: `{"id": "1425445567000-abcdef"}`, errorCode: "ResourceInUseException",
			want: []JobSummary{{ID: "1425445567000-abcdef"}},
		},
		{
			name: "CreateJob refused", event: "CreateJob",
			req: `{"pipelineId": "1425440000000-pipe01", "inputs": [{"key": "in/movie.mov"}], "outputKeyPrefix": "hls/",
			  "outputs": [{"key": "movie-720p", "presetId": "1351620000001-200010"}]}`,
			errorCode: "ValidationException",
			want: []JobSummary{{PipelineID: "1425440000000-pipe01", InputKey: "in/movie.mov", OutputKeyPrefix: "hls/",
				Outputs: []OutputSummary{{Key: "movie-720p", PresetID: "1351620000001-200010"}}}},
		},
		{
			name: "ListJobsByPipeline", event: "ListJobsByPipeline",
			req:  `{"pipelineId": "1425440000000-pipe01", "ascending": "true"}`,
			resp: `{"jobs": [` + jobJSON + `, {"id": "1425445599000-zzzzzz", "status": "Progressing"}]}`,
			want: []JobSummary{full, {ID: "1425445599000-zzzzzz", Status: StatusProgressing}},
		},
		{
			name: "ListJobsByStatus", event: "ListJobsByStatus",
			req:  `{"status": "Error"}`,
			resp: `{"jobs": [{"id": "1425445599000-zzzzzz", "status": "Error", "output": {"id": "1", "key": "x.mp4", "presetId": "p", "status": "Error"}}]}`,
			want: []JobSummary{{ID: "1425445599000-zzzzzz", Status: StatusError,
				Outputs: []OutputSummary{{ID: "1", Key: "x.mp4", PresetID: "p", Status: StatusError}}}},
		},
		{
			name: "ReadPipeline shows no job", event: "ReadPipeline",
			req: `{"id": "1425440000000-pipe01"}`,
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
	require.Equal(t, []string{"1351620000001-200010", "1351620000001-200020"}, full.PresetIDs())
	require.Nil(t, JobSummary{}.PresetIDs())
}

func TestPipelines(t *testing.T) {
	pipelineJSON := `{"id": "1425440000000-pipe01", "arn": "arn:aws:elastictranscoder:us-east-1:111122223333:pipeline/1425440000000-pipe01",
	  "name": "web", "status": "Active", "inputBucket": "media-in", "role": "arn:aws:iam::111122223333:role/Elastic_Transcoder_Default_Role",
	  "contentConfig": {"bucket": "media-out", "storageClass": "Standard"}, "thumbnailConfig": {"bucket": "media-thumbs"}}`
	full := PipelineSummary{
		ID: "1425440000000-pipe01", ARN: "arn:aws:elastictranscoder:us-east-1:111122223333:pipeline/1425440000000-pipe01",
		Name: "web", Status: "Active", InputBucket: "media-in", OutputBucket: "media-out",
		Role: "arn:aws:iam::111122223333:role/Elastic_Transcoder_Default_Role",
	}
	tests := []struct {
		name                        string
		event, req, resp, errorCode string
		want                        []PipelineSummary
	}{
		{
			name: "CreatePipeline", event: "CreatePipeline",
			req:  `{"name": "web", "inputBucket": "media-in", "outputBucket": "media-out", "role": "arn:aws:iam::111122223333:role/Elastic_Transcoder_Default_Role"}`,
			resp: `{"pipeline": ` + pipelineJSON + `, "warnings": []}`,
			want: []PipelineSummary{full},
		},
		{
			name: "CreatePipeline refused", event: "CreatePipeline",
			req:       `{"name": "web", "inputBucket": "media-in", "contentConfig": {"bucket": "media-out"}, "role": "r"}`,
			errorCode: "AccessDeniedException",
			want:      []PipelineSummary{{Name: "web", InputBucket: "media-in", OutputBucket: "media-out", Role: "r"}},
		},
		{
			name: "ReadPipeline", event: "ReadPipeline",
			req: `{"id": "1425440000000-pipe01"}`, resp: `{"pipeline": ` + pipelineJSON + `}`,
			want: []PipelineSummary{full},
		},
		{
			name: "ReadPipeline without response", event: "ReadPipeline",
			req:  `{"id": "1425440000000-pipe01"}`,
			want: []PipelineSummary{{ID: "1425440000000-pipe01"}},
		},
		{
			name: "UpdatePipeline", event: "UpdatePipeline",
			req: `{"id": "1425440000000-pipe01", "name": "web"}`, resp: `{"pipeline": ` + pipelineJSON + `}`,
			want: []PipelineSummary{full},
		},
		{
			name: "UpdatePipelineStatus without response", event: "UpdatePipelineStatus",
			req:  `{"id": "1425440000000-pipe01", "status": "Paused"}`,
			want: []PipelineSummary{{ID: "1425440000000-pipe01", Status: "Paused"}},
		},
		{
			name: "UpdatePipelineStatus refused", event: "UpdatePipelineStatus",
			req: `{"id": "1425440000000-pipe01", "status": "Paused"}`, errorCode: "ResourceNotFoundException",
			want: []PipelineSummary{{ID: "1425440000000-pipe01"}},
		},
		{
			name: "UpdatePipelineNotifications", event: "UpdatePipelineNotifications",
			req:  `{"id": "1425440000000-pipe01", "notifications": {"completed": "arn:aws:sns:us-east-1:111122223333:done"}}`,
			want: []PipelineSummary{{ID: "1425440000000-pipe01"}},
		},
		{
			name: "DeletePipeline", event: "DeletePipeline",
			req:  `{"id": "1425440000000-pipe01"}`,
			want: []PipelineSummary{{ID: "1425440000000-pipe01"}},
		},
		{
			name: "ListPipelines", event: "ListPipelines",
			resp: `{"pipelines": [` + pipelineJSON + `]}`,
			want: []PipelineSummary{full},
		},
		{
			name: "ReadJob shows no pipeline", event: "ReadJob",
			req: `{"id": "1425445567000-abcdef"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := decodeRecord(t, tt.event, tt.req, tt.resp, tt.errorCode)
			if diff := cmp.Diff(tt.want, withoutEvent(PipelineSummaries(v))); diff != "" {
				t.Errorf("Pipelines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPresets(t *testing.T) {
	presetJSON := `{"id": "1425440000000-prst01", "arn": "arn:aws:elastictranscoder:us-east-1:111122223333:preset/1425440000000-prst01",
	  "name": "web-720p", "description": "H.264 720p", "container": "mp4", "type": "Custom",
	  "video": {"codec": "H.264", "bitRate": "2200", "resolution": "1280x720", "frameRate": "30"},
	  "audio": {"codec": "AAC", "bitRate": "160", "sampleRate": "44100", "channels": "2"}}`
	full := PresetSummary{
		ID: "1425440000000-prst01", ARN: "arn:aws:elastictranscoder:us-east-1:111122223333:preset/1425440000000-prst01",
		Name: "web-720p", Description: "H.264 720p", Type: "Custom", Container: "mp4",
		VideoCodec: "H.264", VideoBitRate: "2200", Resolution: "1280x720", AudioCodec: "AAC", AudioBitRate: "160",
	}
	tests := []struct {
		name, event, req, resp string
		want                   []PresetSummary
	}{
		{
			name: "CreatePreset", event: "CreatePreset",
			req:  `{"name": "web-720p", "container": "mp4"}`,
			resp: `{"preset": ` + presetJSON + `}`,
			want: []PresetSummary{full},
		},
		{
			name: "CreatePreset without response, sized by maximum", event: "CreatePreset",
			req: `{"name": "webm-fit", "container": "webm", "video": {"codec": "vp8", "bitRate": "auto", "maxWidth": "1920"},
			  "audio": {"codec": "vorbis", "bitRate": "128"}}`,
			want: []PresetSummary{{Name: "webm-fit", Container: "webm", VideoCodec: "vp8", VideoBitRate: "auto",
				Resolution: "1920xauto", AudioCodec: "vorbis", AudioBitRate: "128"}},
		},
		{
			name: "ReadPreset", event: "ReadPreset",
			req: `{"id": "1425440000000-prst01"}`, resp: `{"preset": ` + presetJSON + `}`,
			want: []PresetSummary{full},
		},
		{
			name: "ReadPreset without response", event: "ReadPreset",
			req:  `{"id": "1425440000000-prst01"}`,
			want: []PresetSummary{{ID: "1425440000000-prst01"}},
		},
		{
			name: "DeletePreset", event: "DeletePreset",
			req:  `{"id": "1425440000000-prst01"}`,
			want: []PresetSummary{{ID: "1425440000000-prst01"}},
		},
		{
			name: "ListPresets", event: "ListPresets",
			resp: `{"presets": [` + presetJSON + `, {"id": "1351620000001-000010", "name": "System preset generic 720p", "type": "System", "container": "mp4"}]}`,
			want: []PresetSummary{full, {ID: "1351620000001-000010", Name: "System preset generic 720p", Type: "System", Container: "mp4"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := decodeRecord(t, tt.event, tt.req, tt.resp, "")
			if diff := cmp.Diff(tt.want, withoutEvent(PresetSummaries(v))); diff != "" {
				t.Errorf("Presets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilSafety(t *testing.T) {
	require.Equal(t, JobSummary{}, (*Job)(nil).Summary())
	require.Equal(t, PipelineSummary{}, (*Pipeline)(nil).Summary())
	require.Equal(t, PresetSummary{}, (*Preset)(nil).Summary())
	for _, v := range []any{
		nil, 3, (*CreateJobEvent)(nil), (*ReadJobEvent)(nil), (*CancelJobEvent)(nil),
		(*ListJobsByPipelineEvent)(nil), (*ListJobsByStatusEvent)(nil),
		&CreateJobEvent{}, &ReadJobEvent{}, &CancelJobEvent{}, &ListJobsByPipelineEvent{}, &ListJobsByStatusEvent{},
	} {
		require.Nil(t, JobSummaries(v), "%T", v)
	}
	for _, v := range []any{
		nil, (*CreatePipelineEvent)(nil), (*ReadPipelineEvent)(nil), (*UpdatePipelineEvent)(nil),
		(*UpdatePipelineStatusEvent)(nil), (*UpdatePipelineNotificationsEvent)(nil), (*DeletePipelineEvent)(nil),
		(*ListPipelinesEvent)(nil),
		&CreatePipelineEvent{}, &ReadPipelineEvent{}, &UpdatePipelineEvent{}, &UpdatePipelineStatusEvent{},
		&UpdatePipelineNotificationsEvent{}, &DeletePipelineEvent{}, &ListPipelinesEvent{},
	} {
		require.Nil(t, PipelineSummaries(v), "%T", v)
	}
	for _, v := range []any{
		nil, (*CreatePresetEvent)(nil), (*ReadPresetEvent)(nil), (*DeletePresetEvent)(nil), (*ListPresetsEvent)(nil),
		&CreatePresetEvent{}, &ReadPresetEvent{}, &DeletePresetEvent{}, &ListPresetsEvent{},
	} {
		require.Nil(t, PresetSummaries(v), "%T", v)
	}
}
