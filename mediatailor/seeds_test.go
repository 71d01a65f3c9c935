package mediatailor

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

func TestSeedsDecode(t *testing.T) {
	typedtest.CheckSeedsDecode(t, "mediatailor", EventSource, reflect.TypeFor[PlaybackSummary]().PkgPath())
}

func TestSeedValues(t *testing.T) {
	const (
		host      = "https://bdaaeb4bd9114c088964e4063f849065.mediatailor.us-east-1.amazonaws.com"
		prodHost  = "https://0123456789abcdef0123456789abcdef.mediatailor.us-west-2.amazonaws.com"
		prodKey   = "0123456789abcdef0123456789abcdef01234567"
		channel   = "arn:aws:mediatailor:us-west-2:111122223333:channel/news-247"
		assembly  = "https://abcdef0123456789.channel-assembly.mediatailor.us-west-2.amazonaws.com/v1/channel/news-247/"
		terraform = "role/TerraformDeployRole (session terraform-20240603T101455)"
		priya     = "user/priya"
	)
	// channelOutputs asserts the two outputs every news-247 channel record
	// shows.
	channelOutputs := func(t *testing.T, outputs []ResponseOutputItem) {
		t.Helper()
		require.Len(t, outputs, 2)
		require.Equal(t, "hls", outputs[0].GetSourceGroup())
		require.Equal(t, assembly+"index.m3u8", outputs[0].GetPlaybackUrl())
		require.EqualValues(t, 60, outputs[0].GetHlsPlaylistSettings().GetManifestWindowSeconds())
		require.Equal(t, []AdMarkupType{AdMarkupTypeDaterange}, outputs[0].GetHlsPlaylistSettings().GetAdMarkupType())
		require.Equal(t, "dash", outputs[1].GetSourceGroup())
		require.Equal(t, assembly+"index.mpd", outputs[1].GetPlaybackUrl())
		require.EqualValues(t, 30, outputs[1].GetDashPlaylistSettings().GetMinBufferTimeSeconds())
		require.EqualValues(t, 12, outputs[1].GetDashPlaylistSettings().GetSuggestedPresentationDelaySeconds())
	}

	checks := map[string]func(t *testing.T, v any){
		"records/mediatailor/PutPlaybackConfiguration.json": func(t *testing.T, v any) {
			ev, ok := v.(*PutPlaybackConfigurationEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "user/testuser", ev.Actor().String())
			require.Equal(t, time.Date(2018, 12, 28, 22, 53, 46, 0, time.UTC), ev.EventTime)
			req := ev.Request
			require.Equal(t, "examplename", req.GetName())
			require.Equal(t, "http://examplevideo.com", req.GetVideoContentSourceUrl())
			require.Equal(t, "http://exampleads.com", req.GetAdDecisionServerUrl())
			resp := ev.Response
			require.Equal(t, "EMT_DEFAULT", resp.GetDashConfiguration().GetMpdLocation())
			require.NotNil(t, resp.GetCdnConfiguration())
			require.Empty(t, resp.GetCdnConfiguration().GetAdSegmentUrlPrefix())

			want := []PlaybackSummary{{
				Name:                          "examplename",
				VideoContentSource:            "http://examplevideo.com",
				AdDecisionServer:              "http://exampleads.com",
				HLSManifestEndpoint:           host + "/v1/master/AKIAIOSFODNN7EXAMPLE/examplename/",
				DASHManifestEndpoint:          host + "/v1/dash/AKIAIOSFODNN7EXAMPLE/examplename/",
				SessionInitializationEndpoint: host + "/v1/session/AKIAIOSFODNN7EXAMPLE/examplename/",
				PlaybackEndpoint:              host,
			}}
			if diff := cmp.Diff(want, withoutEvent(PlaybackSummaries(ev))); diff != "" {
				t.Errorf("PlaybackConfigurations (-want +got):\n%s", diff)
			}
		},
		"records/mediatailor/GetPlaybackConfiguration.json": func(t *testing.T, v any) {
			ev, ok := v.(*GetPlaybackConfigurationEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, time.Date(2018, 12, 28, 22, 52, 37, 0, time.UTC), ev.EventTime)
			require.Equal(t, "examplename", ev.Request.GetName())
			require.Nil(t, ev.Response)
			require.True(t, *ev.ReadOnly)
			require.Equal(t, []PlaybackSummary{{Name: "examplename"}}, withoutEvent(PlaybackSummaries(ev)))
		},
		"records/mediatailor/ListPlaybackConfigurations.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListPlaybackConfigurationsEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, priya, ev.Actor().String())
			require.EqualValues(t, 10, ev.Request.GetMaxResults())
			items := ev.Response.GetItems()
			require.Len(t, items, 1)
			item := items[0]
			require.Equal(t, ModeOff, item.GetAvailSuppression().GetMode())
			require.Equal(t, "https://ads-cdn.example.com", item.GetCdnConfiguration().GetAdSegmentUrlPrefix())
			require.Equal(t, OriginManifestTypeMultiPeriod, item.GetDashConfiguration().GetOriginManifestType())
			require.Equal(t, InsertionModeStitchedOnly, item.GetInsertionMode())
			require.EqualValues(t, 10, item.GetLogConfiguration().GetPercentEnabled())
			require.False(t, item.GetManifestProcessingRules().GetAdMarkerPassthrough().GetEnabled())
			require.Equal(t, "https://cdn.example.com/slate/slate-10s.mp4", item.GetSlateAdUrl())
			require.Equal(t, map[string]string{"env": "prod"}, item.GetTags())

			want := []PlaybackSummary{{
				Name:                          "live-ssai-prod",
				ARN:                           "arn:aws:mediatailor:us-west-2:111122223333:playbackConfiguration/live-ssai-prod",
				VideoContentSource:            "https://origin.example.com/live/channel1",
				AdDecisionServer:              "https://ads.example.com/vast?duration=[session.avail_duration_secs]",
				HLSManifestEndpoint:           prodHost + "/v1/master/" + prodKey + "/live-ssai-prod/",
				DASHManifestEndpoint:          prodHost + "/v1/dash/" + prodKey + "/live-ssai-prod/",
				SessionInitializationEndpoint: prodHost + "/v1/session/" + prodKey + "/live-ssai-prod/",
				PlaybackEndpoint:              prodHost,
			}}
			if diff := cmp.Diff(want, withoutEvent(PlaybackSummaries(ev))); diff != "" {
				t.Errorf("PlaybackConfigurations (-want +got):\n%s", diff)
			}
		},
		"records/mediatailor/DeletePlaybackConfiguration.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeletePlaybackConfigurationEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "user/testuser", ev.Actor().String())
			require.Equal(t, "examplename", ev.Request.GetName())
			require.Nil(t, ev.Response)
			require.Equal(t, []PlaybackSummary{{Name: "examplename"}}, withoutEvent(PlaybackSummaries(ev)))
		},
		"records/mediatailor/ConfigureLogsForPlaybackConfiguration.json": func(t *testing.T, v any) {
			ev, ok := v.(*ConfigureLogsForPlaybackConfigurationEvent)
			require.True(t, ok, "%T", v)
			require.EqualValues(t, 50, ev.Request.GetPercentEnabled())
			require.Equal(t, "live-ssai-prod", ev.Request.GetPlaybackConfigurationName())
			require.Equal(t, []LoggingStrategy{LoggingStrategyVendedLogs}, ev.Response.GetEnabledLoggingStrategies())
			require.Nil(t, PlaybackSummaries(ev))
		},
		"records/mediatailor/CreateSourceLocation.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateSourceLocationEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, terraform, ev.Actor().String())
			ac := ev.Request.GetAccessConfiguration()
			require.Equal(t, AccessTypeSecretsManagerAccessToken, ac.GetAccessType())
			require.Equal(t, "X-Origin-Token", ac.GetSecretsManagerAccessTokenConfiguration().GetHeaderName())
			require.Equal(t, "***", ac.GetSecretsManagerAccessTokenConfiguration().GetSecretStringKey(), "a redacted string stays as written")
			require.Equal(t, "https://origin.example.com", ev.Response.GetHttpConfiguration().GetBaseUrl())
			require.Equal(t, "https://cdn.example.com", ev.Response.GetDefaultSegmentDeliveryConfiguration().GetBaseUrl())
			require.Equal(t, time.Unix(1717409731, 0).UTC(), ev.Response.GetCreationTime().Time)
			require.Equal(t, map[string]string{"env": "prod"}, ev.Response.GetTags())
		},
		"records/mediatailor/CreateVodSource.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateVodSourceEvent)
			require.True(t, ok, "%T", v)
			pkgs := ev.Response.GetHttpPackageConfigurations()
			require.Len(t, pkgs, 2)
			require.Equal(t, "/slate/index.m3u8", pkgs[0].GetPath())
			require.Equal(t, TypeHls, pkgs[0].GetType())
			require.Equal(t, TypeDash, pkgs[1].GetType())
			require.NotNil(t, ev.Response.GetTags())
			require.Empty(t, ev.Response.GetTags())
		},
		"records/mediatailor/CreateChannel.json": func(t *testing.T, v any) {
			ev, ok := v.(*CreateChannelEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, terraform, ev.Actor().String())
			require.Equal(t, PlaybackModeLinear, ev.Request.GetPlaybackMode())
			require.Equal(t, TierStandard, ev.Request.GetTier())
			require.Equal(t, channel, ev.Response.GetArn())
			require.Equal(t, ChannelStateStopped, ev.Response.GetChannelState())
			require.Equal(t, "slate-10s", ev.Response.GetFillerSlate().GetVodSourceName())
			require.EqualValues(t, 3600, ev.Response.GetTimeShiftConfiguration().GetMaxTimeDelaySeconds())
			require.Equal(t, time.Unix(1717409762, 0).UTC(), ev.Response.GetCreationTime().Time)
			channelOutputs(t, ev.Response.GetOutputs())
			require.Len(t, ev.Resources, 1)
		},
		"records/mediatailor/UpdateChannel.json": func(t *testing.T, v any) {
			ev, ok := v.(*UpdateChannelEvent)
			require.True(t, ok, "%T", v)
			require.EqualValues(t, 7200, ev.Request.GetTimeShiftConfiguration().GetMaxTimeDelaySeconds())
			require.Equal(t, time.Unix(1717410804, 0).UTC(), ev.Response.GetLastModifiedTime().Time)
			channelOutputs(t, ev.Response.GetOutputs())
		},
		"records/mediatailor/DescribeChannel.json": func(t *testing.T, v any) {
			ev, ok := v.(*DescribeChannelEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, priya, ev.Actor().String())
			require.Equal(t, ChannelStateRunning, ev.Response.GetChannelState())
			require.Equal(t, []LogType{LogTypeAsRun}, ev.Response.GetLogConfiguration().GetLogTypes())
			require.Equal(t, time.UnixMilli(1717409762128).UTC(), ev.Response.GetCreationTime().Time)
			require.Equal(t, time.UnixMilli(1717412004551).UTC(), ev.Response.GetLastModifiedTime().Time)
			channelOutputs(t, ev.Response.GetOutputs())
		},
		"records/mediatailor/ListChannels.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListChannelsEvent)
			require.True(t, ok, "%T", v)
			require.EqualValues(t, 50, ev.Request.GetMaxResults())
			require.Nil(t, ev.Response)
		},
		"records/mediatailor/StartChannel.json": func(t *testing.T, v any) {
			ev, ok := v.(*StartChannelEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, time.Date(2024, 6, 3, 10, 53, 24, 0, time.UTC), ev.EventTime)
			require.Equal(t, "news-247", ev.Request.GetChannelName())
		},
		"records/mediatailor/StopChannel.json": func(t *testing.T, v any) {
			ev, ok := v.(*StopChannelEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, time.Date(2024, 6, 4, 23, 0, 5, 0, time.UTC), ev.EventTime)
			require.Equal(t, "news-247", ev.Request.GetChannelName())
		},
		"records/mediatailor/DeleteChannel.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeleteChannelEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, terraform, ev.Actor().String())
			require.Equal(t, "news-247", ev.Request.GetChannelName())
		},
		"records/mediatailor/DeleteSourceLocation-BadRequest.json": func(t *testing.T, v any) {
			ev, ok := v.(*DeleteSourceLocationEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "BadRequestException", ev.ErrorCode)
			require.Equal(t, "Source location example-origin has 1 VOD source(s). Delete them first.", ev.ErrorMessage)
			require.Equal(t, "example-origin", ev.Request.GetSourceLocationName())
		},
		"records/mediatailor/TagResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*TagResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, channel, ev.Request.GetResourceArn())
			require.Equal(t, map[string]string{"owner": "news-desk", "env": "prod"}, ev.Request.GetTags())
		},
		"records/mediatailor/UntagResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*UntagResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, channel, ev.Request.GetResourceArn())
			require.Equal(t, []string{"owner"}, ev.Request.GetTagKeys())
		},
		"records/mediatailor/ListTagsForResource.json": func(t *testing.T, v any) {
			ev, ok := v.(*ListTagsForResourceEvent)
			require.True(t, ok, "%T", v)
			require.Equal(t, "service resource-explorer-2.amazonaws.com", ev.Actor().String())
			require.Equal(t, "arn:aws:mediatailor:us-west-2:111122223333:playbackConfiguration/examplename", ev.Request.GetResourceArn())
			require.Equal(t, map[string]string{"env": "staging"}, ev.Response.GetTags())
		},
	}
	typedtest.CheckSeedValues(t, "mediatailor", EventSource, checks)
}
