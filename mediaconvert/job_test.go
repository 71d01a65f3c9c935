package mediaconvert

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
	EventVersion: "1.09", EventTime: "2024-05-06T07:08:09Z", EventSource: EventSource, AWSRegion: "us-west-2",
	UserIdentity: `{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"}`,
}.Decode

// settingsJSON holds output groups of every type, for the tests below.
const settingsJSON = `{
  "outputGroups": [
    {"name": "Apple HLS", "outputGroupSettings": {"type": "HLS_GROUP_SETTINGS",
      "hlsGroupSettings": {"destination": "s3://out/hls/", "segmentLength": 6}},
     "outputs": [
       {"nameModifier": "_720p", "containerSettings": {"container": "M3U8"},
        "videoDescription": {"width": 1280, "height": 720, "codecSettings": {"codec": "H_265",
          "h265Settings": {"rateControlMode": "QVBR", "maxBitrate": 3000000, "qvbrSettings": {"qvbrQualityLevel": 7}}}},
        "audioDescriptions": [{"codecSettings": {"codec": "AAC", "aacSettings": {"bitrate": 64000}}},
                              {"codecSettings": {"codec": "EAC3"}}]},
       {"nameModifier": "_audio", "containerSettings": {"container": "M3U8"},
        "audioDescriptions": [{"codecSettings": {"codec": "AAC"}}]}
     ]},
    {"name": "CMAF", "outputGroupSettings": {"type": "CMAF_GROUP_SETTINGS",
      "cmafGroupSettings": {"destination": "s3://out/cmaf/"}},
     "outputs": [{"containerSettings": {"container": "CMFC"},
        "videoDescription": {"codecSettings": {"codec": "AV1", "av1Settings": {"rateControlMode": "QVBR", "maxBitrate": 2000000}}}}]},
    {"name": "Smooth", "outputGroupSettings": {"type": "MS_SMOOTH_GROUP_SETTINGS",
      "msSmoothGroupSettings": {"destination": "s3://out/mss/"}},
     "outputs": [{"containerSettings": {"container": "ISMV"},
        "videoDescription": {"codecSettings": {"codec": "H_264", "h264Settings": {"rateControlMode": "VBR", "bitrate": 4500000, "maxBitrate": 6000000}}}}]},
    {"name": "Untyped file", "outputGroupSettings": {"fileGroupSettings": {"destination": "s3://out/file/"}},
     "outputs": [{"preset": "System-Generic_Hd_Mp4_Av_H264_1920x1080_30fps", "containerSettings": {"container": "MP4"},
        "videoDescription": {"codecSettings": {"mpeg2Settings": {"bitrate": 8000000}}}},
       {"containerSettings": {"container": "WEBM"},
        "videoDescription": {"codecSettings": {"codec": "VP9", "vp9Settings": {"maxBitrate": 1500000}}},
        "audioDescriptions": [{"codecSettings": {"codec": "OPUS"}}]},
       {"containerSettings": {"container": "MOV"},
        "videoDescription": {"width": 3840, "codecSettings": {"codec": "PRORES", "proresSettings": {}}}}]}
  ]
}`

// settingsSummary is the summary of settingsJSON.
var settingsSummary = []OutputGroupSummary{
	{Name: "Apple HLS", Type: OutputGroupTypeHlsGroupSettings, Destination: "s3://out/hls/", Outputs: []OutputSummary{
		{NameModifier: "_720p", Container: ContainerTypeM3u8, VideoCodec: VideoCodecH265, Width: 1280, Height: 720,
			RateControlMode: "QVBR", Bitrate: 3000000, AudioCodecs: []AudioCodec{AudioCodecAac, AudioCodecEac3}},
		{NameModifier: "_audio", Container: ContainerTypeM3u8, AudioCodecs: []AudioCodec{AudioCodecAac}},
	}},
	{Name: "CMAF", Type: OutputGroupTypeCmafGroupSettings, Destination: "s3://out/cmaf/", Outputs: []OutputSummary{
		{Container: ContainerTypeCmfc, VideoCodec: VideoCodecAv1, RateControlMode: "QVBR", Bitrate: 2000000},
	}},
	{Name: "Smooth", Type: OutputGroupTypeMsSmoothGroupSettings, Destination: "s3://out/mss/", Outputs: []OutputSummary{
		{Container: ContainerTypeIsmv, VideoCodec: VideoCodecH264, RateControlMode: "VBR", Bitrate: 4500000},
	}},
	{Name: "Untyped file", Type: OutputGroupTypeFileGroupSettings, Destination: "s3://out/file/", Outputs: []OutputSummary{
		{Preset: "System-Generic_Hd_Mp4_Av_H264_1920x1080_30fps", Container: ContainerTypeMp4, VideoCodec: VideoCodecMpeg2, Bitrate: 8000000},
		{Container: ContainerTypeWebm, VideoCodec: VideoCodecVp9, Bitrate: 1500000, AudioCodecs: []AudioCodec{AudioCodecOpus}},
		{Container: ContainerTypeMov, VideoCodec: VideoCodecProres, Width: 3840},
	}},
}

func TestJobs(t *testing.T) {
	jobJSON := `{"id": "1714979289000-abc123", "arn": "arn:aws:mediaconvert:us-west-2:111122223333:jobs/1714979289000-abc123",
	  "status": "COMPLETE", "queue": "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default",
	  "role": "arn:aws:iam::111122223333:role/MediaConvertRole", "jobTemplate": "hls-ladder",
	  "createdAt": 1714979289, "timing": {"submitTime": 1714979289, "startTime": 1714979290, "finishTime": 1714979350},
	  "settings": ` + settingsJSON + `}`
	full := JobSummary{
		ID:          "1714979289000-abc123",
		ARN:         "arn:aws:mediaconvert:us-west-2:111122223333:jobs/1714979289000-abc123",
		Status:      JobStatusComplete,
		Queue:       "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default",
		Role:        "arn:aws:iam::111122223333:role/MediaConvertRole",
		JobTemplate: "hls-ladder",
		CreatedAt:   time.Unix(1714979289, 0).UTC(),
		StartedAt:   time.Unix(1714979290, 0).UTC(),
		FinishedAt:  time.Unix(1714979350, 0).UTC(),
		Outputs:     settingsSummary,
	}
	tests := []struct {
		name                        string
		event, req, resp, errorCode string
		want                        []JobSummary
	}{
		{
			name: "GetJob", event: "GetJob",
			req: `{"id": "1714979289000-abc123"}`, resp: `{"job": ` + jobJSON + `}`,
			want: []JobSummary{full},
		},
		{
			name: "GetJob without response", event: "GetJob",
			req:  `{"id": "1714979289000-abc123"}`,
			want: []JobSummary{{ID: "1714979289000-abc123"}},
		},
		{
			name: "GetJob in error", event: "GetJob",
			req: `{"id": "1714979289000-abc123"}`, errorCode: "NotFoundException",
			want: []JobSummary{{ID: "1714979289000-abc123"}},
		},
		{
			name: "CancelJob", event: "CancelJob",
			req: `{"id": "1714979289000-abc123"}`, resp: `{}`,
			want: []JobSummary{{ID: "1714979289000-abc123", Status: JobStatusCanceled}},
		},
		{
			name: "CancelJob refused", event: "CancelJob",
			req: `{"id": "1714979289000-abc123"}`, errorCode: "ConflictException",
			want: []JobSummary{{ID: "1714979289000-abc123"}},
		},
		{
			name: "ListJobs", event: "ListJobs",
			req:  `{"queue": "Default", "status": "COMPLETE"}`,
			resp: `{"jobs": [` + jobJSON + `, {"id": "1714979300000-def456", "status": "ERROR", "errorCode": 1040, "errorMessage": "Unable to open input file"}]}`,
			want: []JobSummary{full, {ID: "1714979300000-def456", Status: JobStatusError, ErrorMessage: "Unable to open input file"}},
		},
		{
			name: "ListJobs without response", event: "ListJobs",
			req: `{"queue": "Default"}`,
		},
		{
			name: "SearchJobs", event: "SearchJobs",
			req:  `{"inputFile": "s3://in/clip.mov"}`,
			resp: `{"jobs": [{"id": "1714979300000-def456", "status": "PROGRESSING"}]}`,
			want: []JobSummary{{ID: "1714979300000-def456", Status: JobStatusProgressing}},
		},
		{
			name: "CreateJob with settings only in the request", event: "CreateJob",
			req:  `{"role": "arn:aws:iam::111122223333:role/MediaConvertRole", "queue": "Default", "jobTemplate": "hls-ladder", "settings": ` + settingsJSON + `}`,
			resp: `{"job": {"id": "1714979289000-abc123", "status": "SUBMITTED", "createdAt": 1714979289}}`,
			want: []JobSummary{{
				ID: "1714979289000-abc123", Status: JobStatusSubmitted, Queue: "Default",
				Role: "arn:aws:iam::111122223333:role/MediaConvertRole", JobTemplate: "hls-ladder",
				CreatedAt: time.Unix(1714979289, 0).UTC(), Outputs: settingsSummary,
			}},
		},
		{
			name: "CreateJob refused", event: "CreateJob",
			req:       `{"role": "arn:aws:iam::111122223333:role/MediaConvertRole", "settings": ` + settingsJSON + `}`,
			errorCode: "BadRequestException",
			want:      []JobSummary{{Role: "arn:aws:iam::111122223333:role/MediaConvertRole", Outputs: settingsSummary}},
		},
		{
			name: "CreateQueue shows no job", event: "CreateQueue",
			req: `{"name": "Q"}`, resp: `{"queue": {"name": "Q"}}`,
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

func TestJobTemplates(t *testing.T) {
	templateJSON := `{"name": "hls-ladder", "arn": "arn:aws:mediaconvert:us-west-2:111122223333:jobTemplates/hls-ladder",
	  "category": "vod", "description": "HLS ladder", "queue": "Default", "type": "CUSTOM",
	  "createdAt": 1714979289, "lastUpdated": 1714979300, "settings": ` + settingsJSON + `}`
	full := JobTemplateSummary{
		Name: "hls-ladder", ARN: "arn:aws:mediaconvert:us-west-2:111122223333:jobTemplates/hls-ladder",
		Category: "vod", Description: "HLS ladder", Queue: "Default", Type: TypeCustom,
		CreatedAt: time.Unix(1714979289, 0).UTC(), LastUpdated: time.Unix(1714979300, 0).UTC(),
		Outputs: settingsSummary,
	}
	tests := []struct {
		name, event, req, resp string
		want                   []JobTemplateSummary
	}{
		{
			name: "CreateJobTemplate", event: "CreateJobTemplate",
			req:  `{"name": "hls-ladder", "category": "vod", "settings": ` + settingsJSON + `}`,
			resp: `{"jobTemplate": ` + templateJSON + `}`,
			want: []JobTemplateSummary{full},
		},
		{
			name: "CreateJobTemplate without response", event: "CreateJobTemplate",
			req:  `{"name": "hls-ladder", "category": "vod", "description": "HLS ladder", "queue": "Default", "settings": ` + settingsJSON + `}`,
			want: []JobTemplateSummary{{Name: "hls-ladder", Category: "vod", Description: "HLS ladder", Queue: "Default", Outputs: settingsSummary}},
		},
		{
			name: "UpdateJobTemplate", event: "UpdateJobTemplate",
			req:  `{"name": "hls-ladder", "description": "new"}`,
			resp: `{"jobTemplate": ` + templateJSON + `}`,
			want: []JobTemplateSummary{full},
		},
		{
			name: "GetJobTemplate", event: "GetJobTemplate",
			req: `{"name": "hls-ladder"}`, resp: `{"jobTemplate": ` + templateJSON + `}`,
			want: []JobTemplateSummary{full},
		},
		{
			name: "GetJobTemplate without response", event: "GetJobTemplate",
			req:  `{"name": "hls-ladder"}`,
			want: []JobTemplateSummary{{Name: "hls-ladder"}},
		},
		{
			name: "DeleteJobTemplate", event: "DeleteJobTemplate",
			req:  `{"name": "hls-ladder"}`,
			want: []JobTemplateSummary{{Name: "hls-ladder"}},
		},
		{
			name: "ListJobTemplates", event: "ListJobTemplates",
			resp: `{"jobTemplates": [` + templateJSON + `, {"name": "System-Ott_Hls", "type": "SYSTEM"}]}`,
			want: []JobTemplateSummary{full, {Name: "System-Ott_Hls", Type: TypeSystem}},
		},
		{
			name: "GetJob shows no template", event: "GetJob",
			req: `{"id": "1714979289000-abc123"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := decodeRecord(t, tt.event, tt.req, tt.resp, "")
			if diff := cmp.Diff(tt.want, withoutEvent(JobTemplateSummaries(v))); diff != "" {
				t.Errorf("JobTemplates (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilSafety(t *testing.T) {
	require.Equal(t, JobSummary{}, (*Job)(nil).Summary())
	require.Equal(t, JobTemplateSummary{}, (*JobTemplate)(nil).Summary())
	require.Nil(t, (*JobSettings)(nil).OutputGroupSummaries())
	require.Nil(t, (*JobTemplateSettings)(nil).OutputGroupSummaries())
	require.Nil(t, (&JobSettings{}).OutputGroupSummaries())
	for _, v := range []any{
		nil, 42, "CreateJob",
		(*CreateJobEvent)(nil), (*GetJobEvent)(nil), (*CancelJobEvent)(nil), (*ListJobsEvent)(nil), (*SearchJobsEvent)(nil),
		&CreateJobEvent{}, &GetJobEvent{}, &CancelJobEvent{}, &ListJobsEvent{}, &SearchJobsEvent{},
	} {
		require.Nil(t, JobSummaries(v), "%T", v)
	}
	for _, v := range []any{
		nil, (*CreateJobTemplateEvent)(nil), (*UpdateJobTemplateEvent)(nil), (*GetJobTemplateEvent)(nil),
		(*DeleteJobTemplateEvent)(nil), (*ListJobTemplatesEvent)(nil),
		&CreateJobTemplateEvent{}, &UpdateJobTemplateEvent{}, &GetJobTemplateEvent{},
		&DeleteJobTemplateEvent{}, &ListJobTemplatesEvent{},
	} {
		require.Nil(t, JobTemplateSummaries(v), "%T", v)
	}
	// A group with no settings and an output with no descriptions give
	// empty summaries, not a panic.
	v := decodeRecord(t, "GetJob", `{"id": "x"}`, `{"job": {"id": "x", "settings": {"outputGroups": [{"name": "bare", "outputs": [{}]}]}}}`, "")
	want := []JobSummary{{ID: "x", Outputs: []OutputGroupSummary{{Name: "bare", Outputs: []OutputSummary{{}}}}}}
	if diff := cmp.Diff(want, withoutEvent(JobSummaries(v))); diff != "" {
		t.Errorf("Jobs (-want +got):\n%s", diff)
	}
}

func TestGroupKind(t *testing.T) {
	tests := []struct {
		typ  OutputGroupType
		want string
	}{
		{OutputGroupTypeFileGroupSettings, "file"},
		{OutputGroupTypeHlsGroupSettings, "HLS"},
		{OutputGroupTypeDashIsoGroupSettings, "DASH"},
		{OutputGroupTypeCmafGroupSettings, "CMAF"},
		{OutputGroupTypeMsSmoothGroupSettings, "MS Smooth"},
		{"SOMETHING_NEW", "SOMETHING_NEW"},
		{"", ""},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, GroupKind(tt.typ), "%q", tt.typ)
		require.Equal(t, tt.want, OutputGroupSummary{Type: tt.typ}.Kind(), "%q", tt.typ)
	}
}

func TestResolution(t *testing.T) {
	require.Equal(t, "1920x1080", OutputSummary{Width: 1920, Height: 1080}.Resolution())
	require.Equal(t, "", OutputSummary{Width: 1920}.Resolution())
	require.Equal(t, "", OutputSummary{Height: 1080}.Resolution())
	require.Equal(t, "", OutputSummary{}.Resolution())
}

func TestPickBitrate(t *testing.T) {
	tests := []struct {
		mode              string
		bitrate, max, out int64
	}{
		{"CBR", 5000000, 0, 5000000},
		{"VBR", 4500000, 6000000, 4500000},
		{"VBR", 0, 6000000, 6000000},
		{"QVBR", 0, 5000000, 5000000},
		{"QVBR", 4000000, 5000000, 5000000},
		{"QVBR", 4000000, 0, 4000000},
		{"", 0, 0, 0},
	}
	for _, tt := range tests {
		require.Equal(t, tt.out, pickBitrate(tt.mode, tt.bitrate, tt.max), "%+v", tt)
	}
}
