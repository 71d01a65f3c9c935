package mediaconvert

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

func TestSeedsDecode(t *testing.T) {
	typedtest.CheckSeedsDecode(t, "mediaconvert", EventSource, reflect.TypeFor[JobSummary]().PkgPath())
}

func TestSeedValues(t *testing.T) {
	const (
		defaultQueue = "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default"
		watcher      = "role/MediaJobWatcherRole (session media-job-watcher)"
		deployer     = "role/MediaPipelineDeployRole (session github-actions-8841259360)"
	)
	job2024 := JobSummary{
		ID:        "1712252725875-defhgi",
		ARN:       "arn:aws:mediaconvert:us-west-2:111122223333:jobs/1712252725875-defhgi",
		Status:    JobStatusSubmitted,
		Queue:     defaultQueue,
		Role:      "arn:aws:iam::111122223333:role/service-role/MediaConvert_Default_Role",
		CreatedAt: time.Unix(1712252726, 0).UTC(),
		Outputs: []OutputGroupSummary{{
			Name:        "File Group",
			CustomName:  "web-mp4",
			Type:        OutputGroupTypeFileGroupSettings,
			Destination: "s3://media-output.example.com/vod/",
			Outputs: []OutputSummary{{
				NameModifier:    "_1080p",
				Container:       ContainerTypeMp4,
				VideoCodec:      VideoCodecH264,
				Width:           1920,
				Height:          1080,
				RateControlMode: "QVBR",
				Bitrate:         5000000,
				AudioCodecs:     []AudioCodec{AudioCodecAac},
			}},
		}},
	}
	ladder := []OutputGroupSummary{{
		Name: "Apple HLS", CustomName: "hls-ladder", Type: OutputGroupTypeHlsGroupSettings,
		Destination: "s3://media-output.example.com/hls/",
		Outputs: []OutputSummary{
			{NameModifier: "_1080p", Container: ContainerTypeM3u8, VideoCodec: VideoCodecH264, Width: 1920, Height: 1080,
				RateControlMode: "QVBR", Bitrate: 6000000, AudioCodecs: []AudioCodec{AudioCodecAac}},
			{NameModifier: "_720p", Container: ContainerTypeM3u8, VideoCodec: VideoCodecH264, Width: 1280, Height: 720,
				RateControlMode: "QVBR", Bitrate: 3000000, AudioCodecs: []AudioCodec{AudioCodecAac}},
			{NameModifier: "_360p", Container: ContainerTypeM3u8, VideoCodec: VideoCodecH264, Width: 640, Height: 360,
				RateControlMode: "QVBR", Bitrate: 800000, AudioCodecs: []AudioCodec{AudioCodecAac}},
		},
	}}
	ladderTemplate := JobTemplateSummary{
		Name: "hls-abr-ladder", ARN: "arn:aws:mediaconvert:us-west-2:111122223333:jobTemplates/hls-abr-ladder",
		Category: "vod", Description: "Three-rung HLS ladder", Queue: defaultQueue, Type: TypeCustom,
		CreatedAt: time.Unix(1721655679, 0).UTC(), LastUpdated: time.Unix(1721655679, 0).UTC(), Outputs: ladder,
	}

	checks := map[string]func(t *testing.T, v any){
		"records/mediaconvert/CreateJob-2017.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateJobEvent)
			require.True(t, ok, "%T", v)
			// Nothing fails to convert but the DASH encryption settings,
			// which CloudTrail redacted as "***" where the model has a
			// structure; the value is kept as written.
			typedtest.RequireOnlyRedactions(t, ev.Errors,
				"requestParameters.settings.outputGroups[0].outputGroupSettings.dashIsoGroupSettings.encryption",
				"responseElements.job.settings.outputGroups[0].outputGroupSettings.dashIsoGroupSettings.encryption")
			for _, dash := range []*DashIsoGroupSettings{
				ev.Request.GetSettings().GetOutputGroups()[0].GetOutputGroupSettings().GetDashIsoGroupSettings(),
				ev.Response.GetJob().GetSettings().GetOutputGroups()[0].GetOutputGroupSettings().GetDashIsoGroupSettings(),
			} {
				require.Nil(t, dash.GetEncryption())
				raw, ok := dash.UnknownMembers.Get("encryption")
				require.True(t, ok)
				require.JSONEq(t, `"***"`, string(raw))
			}
			require.Equal(t, "2017-11-15T02:57:32Z", ev.EventTime.Format(time.RFC3339))
			require.Equal(t, "user/test user", ev.Actor().String())

			req := ev.Request
			require.Equal(t, "arn:aws:iam::123456789000:role/ecsInstanceRole", req.GetRole())
			require.Equal(t, "arn:aws:mediaconvert:us-west-2:123456789000:queues/Default", req.GetQueue())
			require.Equal(t, map[string]string{"Name": "Prod"}, req.UserMetadata)
			checkSettings2017(t, req.GetSettings(), "s3://testuser-testuser/clip01.mp4", 90)

			job := ev.Response.GetJob()
			require.NotNil(t, job)
			require.Equal(t, "1510714652428-jyvx95", job.GetId())
			require.Equal(t, "arn:aws:mediaconvert:us-west-2:123456789000:jobs/1510714652428-jyvx95", job.GetArn())
			require.Equal(t, JobStatusSubmitted, job.GetStatus())
			require.Equal(t, "SUBMITTED", string(job.GetStatus()))
			// createdAt is written in epoch milliseconds in this record.
			created := job.GetCreatedAt()
			require.NotNil(t, created)
			require.Equal(t, time.Date(2017, 11, 15, 2, 57, 32, 436e6, time.UTC), created.Time)
			require.Equal(t, "2017-11-15T02:57:32Z", created.Truncate(time.Second).Format(time.RFC3339))
			require.Equal(t, "1510714652436", created.Raw)
			// submitTime is a string of epoch milliseconds.
			submit := job.GetTiming().GetSubmitTime()
			require.NotNil(t, submit)
			require.Equal(t, time.Date(2017, 11, 15, 2, 57, 32, 428e6, time.UTC), submit.Time)
			checkSettings2017(t, job.GetSettings(), "s3://mediaconvert-testuser/clip01.mp4", 90.0)

			want := []JobSummary{{
				ID:        "1510714652428-jyvx95",
				ARN:       "arn:aws:mediaconvert:us-west-2:123456789000:jobs/1510714652428-jyvx95",
				Status:    JobStatusSubmitted,
				Queue:     "arn:aws:mediaconvert:us-west-2:123456789000:queues/Default",
				Role:      "arn:aws:iam::123456789000:role/ecsInstanceRole",
				CreatedAt: time.Date(2017, 11, 15, 2, 57, 32, 436e6, time.UTC),
				Outputs: []OutputGroupSummary{{
					Name:        "DASH ISO",
					CustomName:  "test",
					Type:        OutputGroupTypeDashIsoGroupSettings,
					Destination: "s3://mediaconvert-testuser/clip01.mp4",
					Outputs: []OutputSummary{{
						NameModifier:    "aaa",
						Container:       ContainerTypeMpd,
						VideoCodec:      VideoCodecH264,
						RateControlMode: "CBR",
						Bitrate:         5000000,
						AudioCodecs:     []AudioCodec{AudioCodecAac},
					}},
				}},
			}}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/mediaconvert/CreateJob-2024.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "role/admin (session example-admin)", ev.Actor().String())
			req := ev.Request
			require.Equal(t, "1712252705233-zyxwvut", req.GetClientRequestToken())
			require.Equal(t, StatusUpdateIntervalSeconds60, req.GetStatusUpdateInterval())
			require.EqualValues(t, 0, req.GetPriority())
			require.EqualValues(t, 1, req.GetSettings().GetFollowSource())

			job := ev.Response.GetJob()
			require.Equal(t, "1712252725875-defhgi", job.GetId())
			require.Equal(t, "1712252705233-abcDEF", job.GetClientRequestToken())
			require.Equal(t, AccelerationStatusNotApplicable, job.GetAccelerationStatus())
			require.Equal(t, time.Unix(1712252726, 0).UTC(), job.GetCreatedAt().Time)
			require.Equal(t, time.Unix(1712252726, 0).UTC(), job.GetTiming().GetSubmitTime().Time)

			groups := job.GetSettings().GetOutputGroups()
			require.Len(t, groups, 1)
			out := groups[0].GetOutputs()[0]
			require.Equal(t, ContainerTypeMp4, out.GetContainerSettings().GetContainer())
			require.Equal(t, Mp4MoovPlacementProgressiveDownload, out.GetContainerSettings().GetMp4Settings().GetMoovPlacement())
			vd := out.GetVideoDescription()
			require.EqualValues(t, 1920, vd.GetWidth())
			require.EqualValues(t, 1080, vd.GetHeight())
			h := vd.GetCodecSettings().GetH264Settings()
			require.Equal(t, H264RateControlModeQvbr, h.GetRateControlMode())
			require.EqualValues(t, 5000000, h.GetMaxBitrate())
			require.EqualValues(t, 0, h.GetBitrate())
			require.EqualValues(t, 3, h.GetNumberReferenceFrames())
			require.Equal(t, H264DynamicSubGopStatic, h.GetDynamicSubGop())
			ad := out.GetAudioDescriptions()[0]
			require.Equal(t, "Audio Selector 1", ad.GetAudioSourceName())
			require.EqualValues(t, 96000, ad.GetCodecSettings().GetAacSettings().GetBitrate())
			require.EqualValues(t, 48000, ad.GetCodecSettings().GetAacSettings().GetSampleRate())
			input := job.GetSettings().GetInputs()[0]
			require.Equal(t, "s3://media-input.example.com/mezzanine/sample-1080p.mov", input.GetFileInput())
			require.Equal(t, InputRotateDegree0, input.GetVideoSelector().GetRotate())

			want := []JobSummary{job2024}
			if diff := cmp.Diff(want, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/mediaconvert/CreateQueue.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateQueueEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "QueueName", ev.Request.GetName())
			require.Equal(t, "Example queue description.", ev.Request.GetDescription())
			q := ev.Response.GetQueue()
			require.Equal(t, "arn:aws:mediaconvert:eu-west-1:111122223333:queues/QueueName", q.GetArn())
			require.Equal(t, QueueStatusActive, q.GetStatus())
			require.Equal(t, TypeCustom, q.GetType())
			require.EqualValues(t, 0, q.GetSubmittedJobsCount())
			require.Equal(t, time.Unix(1531241353, 0).UTC(), q.GetCreatedAt().Time)
			require.Nil(t, JobSummaries(ev))
		},
		"records/mediaconvert/DeleteQueue.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeleteQueueEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "QueueName", ev.Request.GetName())
			require.Nil(t, ev.Response)
			require.Equal(t, "user/testuser", ev.Actor().String())
		},
		"records/mediaconvert/TagResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*TagResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "arn:aws:mediaconvert:eu-west-1:111122223333:queues/ExampleQueue", ev.Request.GetArn())
			require.Equal(t, map[string]string{"CostCenter": "Example-Tag"}, ev.Request.Tags)
		},
		"records/mediaconvert/GetJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, watcher, ev.Actor().String())
			require.Equal(t, "1712252725875-defhgi", ev.Request.GetId())
			job := ev.Response.GetJob()
			require.Equal(t, JobStatusComplete, job.GetStatus())
			details := job.GetOutputGroupDetails()
			require.Len(t, details, 1)
			od := details[0].GetOutputDetails()[0]
			require.EqualValues(t, 61440, od.GetDurationInMs())
			require.EqualValues(t, 1920, od.GetVideoDetails().GetWidthInPx())
			require.EqualValues(t, 1080, od.GetVideoDetails().GetHeightInPx())
			require.Empty(t, job.GetQueueTransitions())
			require.Empty(t, job.GetWarnings())

			want := job2024
			want.Status = JobStatusComplete
			want.StartedAt = time.Unix(1712252727, 0).UTC()
			want.FinishedAt = time.Unix(1712252789, 0).UTC()
			if diff := cmp.Diff([]JobSummary{want}, withoutEvent(JobSummaries(ev))); diff != "" {
				t.Errorf("Jobs (-want +got):\n%s", diff)
			}
		},
		"records/mediaconvert/CancelJob.json": func(t *testing.T, v any) {
			ev, ok := v.(*CancelJobEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, watcher, ev.Actor().String())
			require.Equal(t, "1712254170455-q8rmbs", ev.Request.GetId())
			require.Nil(t, ev.Response)
			require.Equal(t, []JobSummary{{ID: "1712254170455-q8rmbs", Status: JobStatusCanceled}}, withoutEvent(JobSummaries(ev)))
		},
		"records/mediaconvert/ListJobs.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListJobsEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "user/alice", ev.Actor().String())
			req := ev.Request
			require.EqualValues(t, 20, req.GetMaxResults())
			require.Equal(t, OrderDescending, req.GetOrder())
			require.Equal(t, "Default", req.GetQueue())
			require.Equal(t, JobStatusError, req.GetStatus())
			require.Nil(t, ev.Response)
			require.Nil(t, JobSummaries(ev))
		},
		"records/mediaconvert/CreateJobTemplate.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateJobTemplateEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, deployer, ev.Actor().String())
			require.Equal(t, map[string]string{"managed-by": "terraform"}, ev.Request.Tags)
			hls := ev.Request.GetSettings().GetOutputGroups()[0].GetOutputGroupSettings().GetHlsGroupSettings()
			require.EqualValues(t, 6, hls.GetSegmentLength())
			require.Equal(t, HlsSegmentControlSegmentedFiles, hls.GetSegmentControl())
			require.Equal(t, HlsDirectoryStructureSingleDirectory, hls.GetDirectoryStructure())
			require.Equal(t, AccelerationModeDisabled, ev.Response.GetJobTemplate().GetAccelerationSettings().GetMode())
			if diff := cmp.Diff([]JobTemplateSummary{ladderTemplate}, withoutEvent(JobTemplateSummaries(ev))); diff != "" {
				t.Errorf("JobTemplates (-want +got):\n%s", diff)
			}
			require.Nil(t, JobSummaries(ev))
		},
		"records/mediaconvert/UpdateJobTemplate.json": func(t *testing.T, v any) {
			ev, ok := v.(*UpdateJobTemplateEvent)
			require.True(t, ok, "%T", v)
			hops := ev.Request.GetHopDestinations()
			require.Len(t, hops, 1)
			require.Equal(t, "arn:aws:mediaconvert:us-west-2:111122223333:queues/LiveToVod", hops[0].GetQueue())
			require.EqualValues(t, 15, hops[0].GetWaitMinutes())
			require.EqualValues(t, 5, hops[0].GetPriority())
			require.EqualValues(t, 10, ev.Response.GetJobTemplate().GetPriority())
			want := ladderTemplate
			want.Description = "Three-rung HLS ladder, priority 10"
			want.LastUpdated = time.Unix(1721725371, 0).UTC()
			if diff := cmp.Diff([]JobTemplateSummary{want}, withoutEvent(JobTemplateSummaries(ev))); diff != "" {
				t.Errorf("JobTemplates (-want +got):\n%s", diff)
			}
		},
		"records/mediaconvert/CreatePreset.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreatePresetEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "identitycenter/jdoe@example.com (role AWSReservedSSO_MediaEngineers_0123456789abcdef)", ev.Actor().String())
			h := ev.Request.GetSettings().GetVideoDescription().GetCodecSettings().GetH264Settings()
			require.InDelta(t, 2.0, h.GetGopSize(), 0)
			require.Equal(t, H264GopSizeUnitsSeconds, h.GetGopSizeUnits())
			require.EqualValues(t, 7, h.GetQvbrSettings().GetQvbrQualityLevel())
			require.Equal(t, H264CodecProfileHigh, h.GetCodecProfile())
			p := ev.Response.GetPreset()
			require.Equal(t, "arn:aws:mediaconvert:eu-west-1:123456789012:presets/web-720p-qvbr", p.GetArn())
			require.Equal(t, TypeCustom, p.GetType())
			require.Equal(t, time.Unix(1715588246, 0).UTC(), p.GetCreatedAt().Time)
			require.EqualValues(t, 128000, p.GetSettings().GetAudioDescriptions()[0].GetCodecSettings().GetAacSettings().GetBitrate())
		},
		"records/mediaconvert/DeletePreset.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeletePresetEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "root", ev.Actor().String())
			require.Equal(t, "web-720p-qvbr", ev.Request.GetName())
			require.Nil(t, ev.Response)
		},
		"records/mediaconvert/DescribeEndpoints.json": func(t *testing.T, v any) {
			ev, ok := v.(*DescribeEndpointsEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "user/build-bot", ev.Actor().String())
			require.EqualValues(t, 20, ev.Request.GetMaxResults())
			require.Equal(t, DescribeEndpointsModeDefault, ev.Request.GetMode())
			endpoints := ev.Response.GetEndpoints()
			require.Len(t, endpoints, 1)
			require.Equal(t, "https://abcd1234.mediaconvert.us-west-2.amazonaws.com", endpoints[0].GetUrl())
		},
		"records/mediaconvert/GetQueue-NotFound.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetQueueEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "NotFoundException", ev.ErrorCode)
			require.Equal(t, "The specified queue could not be found: LiveToVOD", ev.ErrorMessage)
			require.Equal(t, "LiveToVOD", ev.Request.GetName())
			require.Nil(t, ev.Response)
		},
		"records/mediaconvert/ListQueues.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListQueuesEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, QueueListByName, ev.Request.GetListBy())
			queues := ev.Response.GetQueues()
			require.Len(t, queues, 2)
			require.Equal(t, "Default", queues[0].GetName())
			require.Equal(t, TypeSystem, queues[0].GetType())
			require.EqualValues(t, 1, queues[0].GetProgressingJobsCount())
			require.Equal(t, "LiveToVod", queues[1].GetName())
			require.Equal(t, QueueStatusPaused, queues[1].GetStatus())
			require.Equal(t, PricingPlanOnDemand, queues[1].GetPricingPlan())
			require.EqualValues(t, 5, queues[1].GetConcurrentJobs())
			require.EqualValues(t, 25, ev.Response.GetTotalConcurrentJobs())
			require.EqualValues(t, 75, ev.Response.GetUnallocatedConcurrentJobs())
		},
		"records/mediaconvert/ListTagsForResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListTagsForResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "service resource-explorer-2.amazonaws.com", ev.Actor().String())
			rt := ev.Response.GetResourceTags()
			require.Equal(t, "arn:aws:mediaconvert:us-west-2:111122223333:queues/LiveToVod", rt.GetArn())
			require.Equal(t, map[string]string{"CostCenter": "Example-Tag", "env": "prod"}, rt.GetTags())
		},
		"records/mediaconvert/UntagResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*UntagResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "arn:aws:mediaconvert:us-west-2:111122223333:queues/LiveToVod", ev.Request.GetArn())
			require.Equal(t, []string{"CostCenter"}, ev.Request.GetTagKeys())
		},
		"records/mediaconvert/UpdateQueue.json": func(t *testing.T, v any) {
			ev, ok := v.(*UpdateQueueEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, QueueStatusPaused, ev.Request.GetStatus())
			q := ev.Response.GetQueue()
			require.Equal(t, "LiveToVod", q.GetName())
			require.Equal(t, time.Unix(1699891200, 0).UTC(), q.GetCreatedAt().Time)
			require.Equal(t, time.Unix(1711382400, 0).UTC(), q.GetLastUpdated().Time)
			require.Len(t, ev.Resources, 1)
		},
		"records/mediaconvert/StartJobsQuery.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartJobsQueryEvent)
			require.True(t, ok, "%T", v)
			want := &StartJobsQueryRequest{
				FilterList: []JobsQueryFilter{
					{Key: JobsQueryFilterKeyStatus, Values: []string{"ERROR", "CANCELED"}},
					{Key: JobsQueryFilterKeyQueue, Values: []string{"arn:aws:mediaconvert:us-west-2:111122223333:queues/Default"}},
				},
				MaxResults: ptr[int32](20),
				Order:      OrderDescending,
			}
			if diff := cmp.Diff(want, ev.Request); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			require.Equal(t, "1771234567890-abcd12", ev.Response.GetId())
		},
		"records/mediaconvert/GetJobsQueryResults.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetJobsQueryResultsEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "1771234567890-abcd12", ev.Request.GetId())
			require.Equal(t, JobsQueryStatusComplete, ev.Response.Status)
			jobs := ev.Response.GetJobs()
			require.Len(t, jobs, 1)
			require.Equal(t, "1712252725875-defhgi", jobs[0].GetId())
			require.Equal(t, JobStatusComplete, jobs[0].GetStatus())
		},
		"records/mediaconvert/CreateResourceShare.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateResourceShareEvent)
			require.True(t, ok, "%T", v)
			want := &CreateResourceShareRequest{JobId: ptr("1771234000123-x7y8z9"), SupportCaseId: ptr("171234567800123")}
			if diff := cmp.Diff(want, ev.Request); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			require.Equal(t, &CreateResourceShareResponse{}, ev.Response)
		},
	}
	typedtest.CheckSeedValues(t, "mediaconvert", EventSource, checks)
}

// checkSettings2017 asserts the job settings of the 2017 CreateJob example,
// in its request or its response.
func checkSettings2017(t *testing.T, s *JobSettings, destination string, gopSize float64) {
	t.Helper()
	require.NotNil(t, s)
	require.EqualValues(t, 0, s.GetAdAvailOffset())
	groups := s.GetOutputGroups()
	require.Len(t, groups, 1)
	g := groups[0]
	require.Equal(t, "DASH ISO", g.GetName())
	require.Equal(t, "test", g.GetCustomName())
	gs := g.GetOutputGroupSettings()
	require.Equal(t, OutputGroupTypeDashIsoGroupSettings, gs.GetType())
	dash := gs.GetDashIsoGroupSettings()
	require.EqualValues(t, 30, dash.GetSegmentLength())
	require.EqualValues(t, 2, dash.GetFragmentLength())
	require.Equal(t, destination, dash.GetDestination())
	require.Equal(t, DashIsoSegmentControlSingleFile, dash.GetSegmentControl())
	require.Equal(t, DashIsoHbbtvComplianceNone, dash.GetHbbtvCompliance())

	outputs := g.GetOutputs()
	require.Len(t, outputs, 1)
	out := outputs[0]
	require.Equal(t, "aaa", out.GetNameModifier())
	require.Equal(t, ContainerTypeMpd, out.GetContainerSettings().GetContainer())
	vd := out.GetVideoDescription()
	require.EqualValues(t, 50, vd.GetSharpness())
	require.Equal(t, ColorMetadataInsert, vd.GetColorMetadata())
	cs := vd.GetCodecSettings()
	require.Equal(t, VideoCodecH264, cs.GetCodec())
	require.Equal(t, "H_264", string(cs.GetCodec()))
	h := cs.GetH264Settings()
	require.EqualValues(t, 5000000, h.GetBitrate())
	require.InDelta(t, gopSize, float64(h.GetGopSize()), 0)
	require.Equal(t, H264GopSizeUnitsFrames, h.GetGopSizeUnits())
	require.Equal(t, H264RateControlModeCbr, h.GetRateControlMode())
	require.Equal(t, H264CodecProfileMain, h.GetCodecProfile())
	require.EqualValues(t, 2, h.GetNumberBFramesBetweenReferenceFrames())
	require.EqualValues(t, 1, h.GetNumberReferenceFrames())

	ads := out.GetAudioDescriptions()
	require.Len(t, ads, 1)
	acs := ads[0].GetCodecSettings()
	require.Equal(t, AudioCodecAac, acs.GetCodec())
	aac := acs.GetAacSettings()
	require.EqualValues(t, 96000, aac.GetBitrate())
	require.EqualValues(t, 48000, aac.GetSampleRate())
	require.Equal(t, AacCodingModeCodingMode20, aac.GetCodingMode())
	require.Equal(t, AacCodecProfileLc, aac.GetCodecProfile())

	inputs := s.GetInputs()
	require.Len(t, inputs, 1)
	in := inputs[0]
	require.Equal(t, "s3://mediaconvert-testuser/clip01.mp4", in.GetFileInput())
	require.Equal(t, InputTimecodeSourceEmbedded, in.GetTimecodeSource())
	selectors := in.GetAudioSelectors()
	require.Len(t, selectors, 1)
	sel, ok := selectors["Audio Selector 1"]
	require.True(t, ok, "audio selector named %q", "Audio Selector 1")
	require.Equal(t, AudioDefaultSelectionDefault, sel.GetDefaultSelection())
	require.EqualValues(t, 1, sel.GetProgramSelection())
	require.EqualValues(t, 0, sel.GetOffset())
	require.True(t, strings.HasPrefix(in.GetFileInput(), "s3://"))
}

func ptr[T any](v T) *T { return &v }
