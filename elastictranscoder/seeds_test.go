package elastictranscoder

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

func TestSeedsDecode(t *testing.T) {
	typedtest.CheckSeedsDecode(t, "elastictranscoder", EventSource, reflect.TypeFor[JobSummary]().PkgPath())
}

func TestSeedValues(t *testing.T) {
	at := func(hms string) time.Time {
		tm, err := time.Parse(time.RFC3339, "2014-09-29T"+hms+"Z")
		require.NoError(t, err)
		return tm
	}
	const (
		actor      = "user/smithj"
		jenkins    = "user/ops-jenkins"
		pipelineID = "1592307711842-6mfrjw"
		pipeARN    = "arn:aws:elastictranscoder:us-east-1:111122223333:pipeline/1592307711842-6mfrjw"
		role       = "arn:aws:iam::111122223333:role/Elastic_Transcoder_Default_Role"
	)
	podcastPipeline := func(status string) PipelineSummary {
		return PipelineSummary{ID: pipelineID, ARN: pipeARN, Name: "podcast-transcodes", Status: status,
			InputBucket: "media-input.example.com", OutputBucket: "media-output.example.com", Role: role}
	}

	checks := map[string]func(t *testing.T, v any){
		"records/elastictranscoder/CreateJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, at("19:29:02"), ev.EventTime)
			require.Equal(t, actor, ev.Actor().String())
			req := ev.Request
			require.Equal(t, "1234-pipeline-example", req.GetPipelineId())
			require.Equal(t, "source/audio/cheesytoast.wav", req.GetInput().GetKey())
			require.Equal(t, "auto", req.GetInput().GetFrameRate())
			require.Equal(t, "auto", req.GetInput().GetContainer())
			require.Equal(t, "1234-preset-example", req.GetOutput().GetPresetId())
			require.Equal(t, "output/testing-toast.mp4", req.GetOutput().GetKey())
			require.Equal(t, "", req.GetOutput().GetThumbnailPattern())
			require.NotNil(t, req.GetOutput().ThumbnailPattern, "an empty thumbnailPattern is kept as set")

			job := ev.Response.GetJob()
			require.Equal(t, "1234-job-example", job.GetId())
			require.Equal(t, "arn:aws:elastictranscoder:us-east-2:111122223333:job/1234-job-example", job.GetArn())
			require.Equal(t, StatusSubmitted, job.GetStatus())
			require.Empty(t, job.GetPlaylists())
			require.Len(t, job.GetOutputs(), 1)
			require.Equal(t, "1", job.GetOutputs()[0].GetId())
			require.Equal(t, StatusSubmitted, job.GetOutputs()[0].GetStatus())
			require.Empty(t, job.GetOutputs()[0].GetWatermarks())
			require.Equal(t, "auto", job.GetOutput().GetRotate())

			want := []JobSummary{{
				ID:         "1234-job-example",
				ARN:        "arn:aws:elastictranscoder:us-east-2:111122223333:job/1234-job-example",
				PipelineID: "1234-pipeline-example",
				Status:     StatusSubmitted,
				InputKey:   "source/audio/cheesytoast.wav",
				Outputs: []OutputSummary{{
					ID:       "1",
					Key:      "output/testing-toast.mp4",
					PresetID: "1234-preset-example",
					Status:   StatusSubmitted,
				}},
			}}
			got := withoutEvent(JobSummaries(ev))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
			require.Equal(t, []string{"1234-preset-example"}, got[0].PresetIDs())
		},
		"records/elastictranscoder/ListJobsByStatus.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListJobsByStatusEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, at("19:29:18"), ev.EventTime)
			require.Equal(t, StatusSubmitted, ev.Request.GetStatus())
			require.Equal(t, "false", ev.Request.GetAscending())
			require.Nil(t, ev.Response)
			require.Nil(t, JobSummaries(ev), "CloudTrail leaves the jobs listed out")
		},
		"records/elastictranscoder/ReadJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*ReadJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, at("19:28:50"), ev.EventTime)
			require.Equal(t, "1412018849233-f2czlr", ev.Request.GetId())
			require.Nil(t, ev.Response)
			require.Equal(t, []JobSummary{{ID: "1412018849233-f2czlr"}}, withoutEvent(JobSummaries(ev)))
		},
		"records/elastictranscoder/DeletePreset.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeletePresetEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, at("19:29:18"), ev.EventTime)
			require.Equal(t, "1234-preset-example", ev.Request.GetId())
			require.Equal(t, []PresetSummary{{ID: "1234-preset-example"}}, withoutEvent(PresetSummaries(ev)))
			require.Nil(t, JobSummaries(ev))
		},
		"records/elastictranscoder/DeletePipeline.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeletePipelineEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, at("19:29:01"), ev.EventTime)
			require.Equal(t, "1412018848038-nkomx0", ev.Request.GetId())
			require.Equal(t, []PipelineSummary{{ID: "1412018848038-nkomx0"}}, withoutEvent(PipelineSummaries(ev)))
		},
		"records/elastictranscoder/CancelJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*CancelJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, jenkins, ev.Actor().String())
			require.Equal(t, "1592379097611-v7yq2c", ev.Request.GetId())
			require.Nil(t, ev.Response)
			require.Equal(t, []JobSummary{{ID: "1592379097611-v7yq2c", Status: StatusCanceled}}, withoutEvent(JobSummaries(ev)))
		},
		"records/elastictranscoder/ListJobsByPipeline.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListJobsByPipelineEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, pipelineID, ev.Request.GetPipelineId())
			require.Equal(t, "false", ev.Request.GetAscending())
			require.Empty(t, ev.Response.GetNextPageToken())
			jobs := ev.Response.GetJobs()
			require.Len(t, jobs, 1)
			props := jobs[0].GetInput().GetDetectedProperties()
			require.EqualValues(t, 1920, props.GetWidth())
			require.EqualValues(t, 1080, props.GetHeight())
			require.EqualValues(t, 734003200, props.GetFileSize())
			require.EqualValues(t, 2712480, props.GetDurationMillis())
			require.Equal(t, "29.97", props.GetFrameRate())
			out := jobs[0].GetOutput()
			require.EqualValues(t, 2713, out.GetDuration())
			require.EqualValues(t, 421019362, out.GetFileSize())
			require.Equal(t, "thumbs/ep042-{count}", out.GetThumbnailPattern())
			require.Equal(t, map[string]string{"episode": "42"}, jobs[0].UserMetadata)

			want := []JobSummary{{
				ID:              "1592378801420-2kq4zj",
				ARN:             "arn:aws:elastictranscoder:us-east-1:111122223333:job/1592378801420-2kq4zj",
				PipelineID:      pipelineID,
				Status:          StatusComplete,
				InputKey:        "episodes/ep042.mov",
				OutputKeyPrefix: "podcast/",
				SubmittedAt:     time.UnixMilli(1592378801453).UTC(),
				StartedAt:       time.UnixMilli(1592378803109).UTC(),
				FinishedAt:      time.UnixMilli(1592379140877).UTC(),
				Outputs: []OutputSummary{{ID: "1", Key: "ep042-720p.mp4", PresetID: "1592308987154-k3ptqm",
					Status: StatusComplete, Width: 1280, Height: 720}},
			}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/elastictranscoder/ReadJob-AccessDenied.json": func(t *testing.T, v any) {
			ev, ok := v.(*ReadJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "role/ReadOnlyAuditor (session bob)", ev.Actor().String())
			require.Equal(t, "AccessDenied", ev.ErrorCode)
			require.True(t, ev.Failed())
			require.Contains(t, ev.ErrorMessage, "is not authorized to perform: elastictranscoder:ReadJob")
			require.Nil(t, ev.Response)
			require.Equal(t, []JobSummary{{ID: "1412018849233-f2czlr"}}, withoutEvent(JobSummaries(ev)))
		},
		"records/elastictranscoder/CreatePipeline.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreatePipelineEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, jenkins, ev.Actor().String())
			req := ev.Request
			require.Equal(t, "podcast-transcodes", req.GetName())
			require.Equal(t, "", req.GetNotifications().GetProgressing())
			require.Equal(t, "arn:aws:sns:us-east-1:111122223333:transcode-complete", req.GetNotifications().GetCompleted())
			require.Equal(t, "ReducedRedundancy", req.GetThumbnailConfig().GetStorageClass())
			p := ev.Response.GetPipeline()
			require.Equal(t, "media-thumbs.example.com", p.GetThumbnailConfig().GetBucket())
			require.Empty(t, p.GetContentConfig().GetPermissions())
			require.Empty(t, ev.Response.GetWarnings())
			require.Equal(t, []PipelineSummary{podcastPipeline("Active")}, withoutEvent(PipelineSummaries(ev)))
		},
		"records/elastictranscoder/ReadPipeline.json": func(t *testing.T, v any) {
			ev, ok := v.(*ReadPipelineEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, pipelineID, ev.Request.GetId())
			require.Equal(t, "arn:aws:sns:us-east-1:111122223333:transcode-error", ev.Response.GetPipeline().GetNotifications().GetError())
			require.Equal(t, []PipelineSummary{podcastPipeline("Active")}, withoutEvent(PipelineSummaries(ev)))
		},
		"records/elastictranscoder/ListPipelines.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListPipelinesEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, actor, ev.Actor().String())
			require.Equal(t, "true", ev.Request.GetAscending())
			require.Nil(t, ev.Response)
			require.Nil(t, PipelineSummaries(ev))
		},
		"records/elastictranscoder/UpdatePipeline.json": func(t *testing.T, v any) {
			ev, ok := v.(*UpdatePipelineEvent)
			require.True(t, ok, "%T", v)
			perms := ev.Request.GetContentConfig().GetPermissions()
			require.Len(t, perms, 1)
			require.Equal(t, "Email", perms[0].GetGranteeType())
			require.Equal(t, "media-partner@example.com", perms[0].GetGrantee())
			require.Equal(t, []string{"Read"}, perms[0].GetAccess())
			require.Equal(t, []PipelineSummary{podcastPipeline("Active")}, withoutEvent(PipelineSummaries(ev)))
		},
		"records/elastictranscoder/UpdatePipelineStatus.json": func(t *testing.T, v any) {
			ev, ok := v.(*UpdatePipelineStatusEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "Paused", ev.Request.GetStatus())
			require.Equal(t, []PipelineSummary{podcastPipeline("Paused")}, withoutEvent(PipelineSummaries(ev)))
		},
		"records/elastictranscoder/UpdatePipelineNotifications.json": func(t *testing.T, v any) {
			ev, ok := v.(*UpdatePipelineNotificationsEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "arn:aws:sns:us-east-1:111122223333:transcode-warning", ev.Request.GetNotifications().GetWarning())
			require.Equal(t, "arn:aws:sns:us-east-1:111122223333:transcode-progress",
				ev.Response.GetPipeline().GetNotifications().GetProgressing())
			require.Equal(t, []PipelineSummary{podcastPipeline("Active")}, withoutEvent(PipelineSummaries(ev)))
		},
		"records/elastictranscoder/CreatePreset.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreatePresetEvent)
			require.True(t, ok, "%T", v)
			video := ev.Request.GetVideo()
			require.Equal(t, map[string]string{"Profile": "main", "Level": "3.1", "MaxReferenceFrames": "3",
				"InterlacedMode": "Progressive", "ColorSpaceConversionMode": "None"}, video.GetCodecOptions())
			require.Equal(t, "90", video.GetKeyframesMaxDist())
			require.Equal(t, "false", video.GetFixedGOP())
			require.Equal(t, "AAC-LC", ev.Request.GetAudio().GetCodecOptions().GetProfile())
			require.Equal(t, "png", ev.Request.GetThumbnails().GetFormat())
			require.Equal(t, "", ev.Response.GetWarning())
			want := []PresetSummary{{ID: "1592308987154-k3ptqm", ARN: "arn:aws:elastictranscoder:us-east-1:111122223333:preset/1592308987154-k3ptqm",
				Name: "podcast-720p", Description: "Video podcast, 720p H.264/AAC", Type: "Custom", Container: "mp4",
				VideoCodec: "H.264", VideoBitRate: "2200", Resolution: "1280x720", AudioCodec: "AAC", AudioBitRate: "128"}}
			if diff := cmp.Diff(want, withoutEvent(PresetSummaries(ev))); diff != "" {
				t.Errorf("Presets (-want +got):\n%s", diff)
			}
		},
		"records/elastictranscoder/ReadPreset.json": func(t *testing.T, v any) {
			ev, ok := v.(*ReadPresetEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "1351620000001-000010", ev.Request.GetId())
			require.Equal(t, "30", ev.Response.GetPreset().GetVideo().GetFrameRate())
			want := []PresetSummary{{ID: "1351620000001-000010", ARN: "arn:aws:elastictranscoder:us-east-1:111122223333:preset/1351620000001-000010",
				Name: "System preset: Generic 720p", Description: "System preset generic 720p", Type: "System", Container: "mp4",
				VideoCodec: "H.264", VideoBitRate: "2400", Resolution: "1280x720", AudioCodec: "AAC", AudioBitRate: "160"}}
			if diff := cmp.Diff(want, withoutEvent(PresetSummaries(ev))); diff != "" {
				t.Errorf("Presets (-want +got):\n%s", diff)
			}
		},
		"records/elastictranscoder/ListPresets.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListPresetsEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "1351620000001-100070", ev.Request.GetPageToken())
			require.Nil(t, ev.Response)
			require.Nil(t, PresetSummaries(ev))
		},
		"records/elastictranscoder/TestRole.json": func(t *testing.T, v any) {
			ev, ok := v.(*TestRoleEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, role, ev.Request.GetRole())
			require.Equal(t, []string{"arn:aws:sns:us-east-1:111122223333:transcode-complete",
				"arn:aws:sns:us-east-1:111122223333:transcode-error"}, ev.Request.GetTopics())
			require.Equal(t, "true", ev.Response.GetSuccess())
			require.Empty(t, ev.Response.GetMessages())
			require.Nil(t, JobSummaries(ev))
			require.Nil(t, PipelineSummaries(ev))
		},
	}
	typedtest.CheckSeedValues(t, "elastictranscoder", EventSource, checks)
}
