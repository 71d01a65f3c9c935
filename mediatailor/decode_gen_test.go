package mediatailor

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

func TestPutPlaybackConfiguration(t *testing.T) {
	const req = `{"VideoContentSourceUrl":"http://examplevideo.com","Name":"examplename","AdDecisionServerUrl":"http://exampleads.com",` +
		`"Tags":{"team":"ads"},"PersonalizationThresholdSeconds":"8","InsertionMode":"STITCHED_ONLY"}`
	const resp = `{"SessionInitializationEndpointPrefix":"https://example.com/v1/session/","DashConfiguration":{"ManifestEndpointPrefix":"https://example.com/v1/dash/","MpdLocation":"EMT_DEFAULT"},` +
		`"CdnConfiguration":{},"HlsConfiguration":{"ManifestEndpointPrefix":"https://example.com/v1/master/"},"Name":"examplename","tags":{"team":"ads"}}`
	v, err := cloudtrail.Decode(&cloudtrail.Event{
		EventSource: EventSource, EventName: "PutPlaybackConfiguration",
		RequestParameters: json.RawMessage(req), ResponseElements: json.RawMessage(resp),
	})
	require.NoError(t, err)
	ev := v.(*PutPlaybackConfigurationEvent)
	require.Empty(t, ev.Errors)
	require.Equal(t, "examplename", ev.Request.GetName())
	require.Equal(t, "http://exampleads.com", ev.Request.GetAdDecisionServerUrl())
	require.Equal(t, map[string]string{"team": "ads"}, ev.Request.GetTags())
	require.EqualValues(t, 8, ev.Request.GetPersonalizationThresholdSeconds())
	require.Equal(t, InsertionModeStitchedOnly, ev.Request.GetInsertionMode())
	require.Equal(t, "EMT_DEFAULT", ev.Response.GetDashConfiguration().GetMpdLocation())
	require.NotNil(t, ev.Response.GetCdnConfiguration(), "an empty object is a structure with nothing set")
	require.Empty(t, ev.Response.GetCdnConfiguration().GetAdSegmentUrlPrefix())
	require.Equal(t, map[string]string{"team": "ads"}, ev.Response.GetTags())

	out, err := ev.Request.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"AdDecisionServerUrl":"http://exampleads.com","InsertionMode":"STITCHED_ONLY","Name":"examplename",`+
		`"PersonalizationThresholdSeconds":"8","tags":{"team":"ads"},"VideoContentSourceUrl":"http://examplevideo.com"}`, string(out), "values as written")
}
