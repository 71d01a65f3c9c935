package mediatailor

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// decodeRecord makes a record of the service from its parts, decodes it
// and returns the typed event. Empty parts are left out of the record.
var decodeRecord = typedtest.RecordTemplate{
	EventVersion: "1.08", EventTime: "2024-05-06T07:08:09Z", EventSource: EventSource, AWSRegion: "us-west-2",
	UserIdentity: `{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","userName":"alice"}`,
}.Decode

func TestPlaybackConfigurations(t *testing.T) {
	const prefix = "https://abc.mediatailor.us-west-2.amazonaws.com"
	configJSON := `{"Name": "live", "PlaybackConfigurationArn": "arn:aws:mediatailor:us-west-2:111122223333:playbackConfiguration/live",
	  "VideoContentSourceUrl": "https://origin.example.com/live", "AdDecisionServerUrl": "https://ads.example.com/vast",
	  "HlsConfiguration": {"ManifestEndpointPrefix": "` + prefix + `/v1/master/k/live/"},
	  "DashConfiguration": {"ManifestEndpointPrefix": "` + prefix + `/v1/dash/k/live/", "MpdLocation": "DISABLED"},
	  "SessionInitializationEndpointPrefix": "` + prefix + `/v1/session/k/live/", "PlaybackEndpointPrefix": "` + prefix + `",
	  "Tags": {"team": "video"}}`
	full := PlaybackSummary{
		Name:                          "live",
		ARN:                           "arn:aws:mediatailor:us-west-2:111122223333:playbackConfiguration/live",
		VideoContentSource:            "https://origin.example.com/live",
		AdDecisionServer:              "https://ads.example.com/vast",
		HLSManifestEndpoint:           prefix + "/v1/master/k/live/",
		DASHManifestEndpoint:          prefix + "/v1/dash/k/live/",
		SessionInitializationEndpoint: prefix + "/v1/session/k/live/",
		PlaybackEndpoint:              prefix,
	}
	tests := []struct {
		name                        string
		event, req, resp, errorCode string
		want                        []PlaybackSummary
	}{
		{
			name: "PutPlaybackConfiguration", event: "PutPlaybackConfiguration",
			req:  `{"Name": "live", "VideoContentSourceUrl": "https://origin.example.com/live", "AdDecisionServerUrl": "https://ads.example.com/vast"}`,
			resp: configJSON,
			want: []PlaybackSummary{full},
		},
		{
			name: "PutPlaybackConfiguration refused", event: "PutPlaybackConfiguration",
			req:       `{"Name": "live", "VideoContentSourceUrl": "https://origin.example.com/live", "AdDecisionServerUrl": "https://ads.example.com/vast"}`,
			errorCode: "BadRequestException",
			want:      []PlaybackSummary{{Name: "live", VideoContentSource: "https://origin.example.com/live", AdDecisionServer: "https://ads.example.com/vast"}},
		},
		{
			name: "GetPlaybackConfiguration", event: "GetPlaybackConfiguration",
			req: `{"Name": "live"}`, resp: configJSON,
			want: []PlaybackSummary{full},
		},
		{
			name: "GetPlaybackConfiguration without response", event: "GetPlaybackConfiguration",
			req:  `{"Name": "live"}`,
			want: []PlaybackSummary{{Name: "live"}},
		},
		{
			name: "ListPlaybackConfigurations", event: "ListPlaybackConfigurations",
			req:  `{"MaxResults": 10}`,
			resp: `{"Items": [` + configJSON + `, {"Name": "vod", "VideoContentSourceUrl": "https://origin.example.com/vod"}]}`,
			want: []PlaybackSummary{full, {Name: "vod", VideoContentSource: "https://origin.example.com/vod"}},
		},
		{
			name: "ListPlaybackConfigurations without response", event: "ListPlaybackConfigurations",
		},
		{
			name: "DeletePlaybackConfiguration", event: "DeletePlaybackConfiguration",
			req: `{"Name": "live"}`, resp: `{}`,
			want: []PlaybackSummary{{Name: "live"}},
		},
		{
			name: "CreateChannel shows no playback configuration", event: "CreateChannel",
			req: `{"ChannelName": "ch", "PlaybackMode": "LOOP", "Outputs": []}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := decodeRecord(t, tt.event, tt.req, tt.resp, tt.errorCode)
			if diff := cmp.Diff(tt.want, withoutEvent(PlaybackSummaries(v))); diff != "" {
				t.Errorf("PlaybackConfigurations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilSafety(t *testing.T) {
	require.Equal(t, PlaybackSummary{}, (*PlaybackConfiguration)(nil).Summary())
	require.Equal(t, PlaybackSummary{}, (*GetPlaybackConfigurationResponse)(nil).Summary())
	require.Equal(t, PlaybackSummary{}, (*PutPlaybackConfigurationResponse)(nil).Summary())
	for _, v := range []any{
		nil, "x",
		(*PutPlaybackConfigurationEvent)(nil), (*GetPlaybackConfigurationEvent)(nil),
		(*ListPlaybackConfigurationsEvent)(nil), (*DeletePlaybackConfigurationEvent)(nil),
		&PutPlaybackConfigurationEvent{}, &GetPlaybackConfigurationEvent{},
		&ListPlaybackConfigurationsEvent{}, &DeletePlaybackConfigurationEvent{},
	} {
		require.Nil(t, PlaybackSummaries(v), "%T", v)
	}
}
