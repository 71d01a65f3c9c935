package mediaconvert

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// createJobRequest is the request of the 2017 documentation example of
// CreateJob, trimmed, with its redacted encryption settings.
const createJobRequest = `{
  "settings": {
    "outputGroups": [{
      "customName": "test",
      "name": "DASH ISO",
      "outputs": [{
        "containerSettings": {"container": "MPD"},
        "videoDescription": {
          "sharpness": 50,
          "codecSettings": {
            "codec": "H_264",
            "h264Settings": {"gopSize": 90, "bitrate": 5000000, "rateControlMode": "CBR", "codecProfile": "MAIN"}
          }
        },
        "audioDescriptions": [{
          "codecSettings": {"codec": "AAC", "aacSettings": {"bitrate": 96000, "sampleRate": 48000, "codingMode": "CODING_MODE_2_0"}}
        }]
      }],
      "outputGroupSettings": {
        "type": "DASH_ISO_GROUP_SETTINGS",
        "dashIsoGroupSettings": {
          "segmentLength": 30,
          "destination": "s3://testuser-testuser/clip01.mp4",
          "encryption": "***",
          "fragmentLength": 2
        }
      }
    }],
    "adAvailOffset": 0,
    "inputs": [{
      "audioSelectors": {"Audio Selector 1": {"offset": 0, "defaultSelection": "DEFAULT", "programSelection": 1}},
      "fileInput": "s3://mediaconvert-testuser/clip01.mp4"
    }]
  },
  "role": "arn:aws:iam::123456789000:role/ecsInstanceRole",
  "userMetadata": {"Name": "Prod"},
  "queue": "arn:aws:mediaconvert:us-west-2:123456789000:queues/Default"
}`

// decodeEvent decodes an event of the service that has only a name, a request
// and a response (see typedtest.DecodeEvent).
func decodeEvent(t *testing.T, name, request, response string) any {
	t.Helper()
	return typedtest.DecodeEvent(t, EventSource, name, request, response)
}

func TestRedactedStructure(t *testing.T) {
	ev := decodeEvent(t, "CreateJob", createJobRequest, "").(*CreateJobEvent)
	require.Len(t, ev.Errors, 1)
	fe := ev.Errors[0]
	require.Equal(t, "requestParameters.settings.outputGroups[0].outputGroupSettings.dashIsoGroupSettings.encryption", fe.Path)
	require.Equal(t, `"***"`, fe.Raw)
	require.Equal(t, "structure", fe.Want)
	require.ErrorIs(t, fe, cloudtrail.ErrConvert)
	require.ErrorIs(t, ev.FieldErrors(), cloudtrail.ErrConvert)

	// The field is unset, its value kept, and the rest decoded.
	group := ev.Request.GetSettings().GetOutputGroups()[0]
	dash := group.GetOutputGroupSettings().GetDashIsoGroupSettings()
	require.Nil(t, dash.GetEncryption())
	require.Equal(t, cloudtrail.RawMembers{{Name: "encryption", Value: json.RawMessage(`"***"`)}}, dash.UnknownMembers)
	require.Equal(t, "s3://testuser-testuser/clip01.mp4", dash.GetDestination())
	require.EqualValues(t, 30, dash.GetSegmentLength())
	require.EqualValues(t, 2, dash.GetFragmentLength())
	require.Equal(t, OutputGroupTypeDashIsoGroupSettings, group.GetOutputGroupSettings().GetType())
	require.Equal(t, "DASH ISO", group.GetName())
	h264 := group.GetOutputs()[0].GetVideoDescription().GetCodecSettings().GetH264Settings()
	require.EqualValues(t, 5000000, h264.GetBitrate())
	require.Equal(t, H264RateControlModeCbr, h264.GetRateControlMode())
	require.Equal(t, H264CodecProfileMain, h264.GetCodecProfile())
	aac := group.GetOutputs()[0].GetAudioDescriptions()[0].GetCodecSettings().GetAacSettings()
	require.EqualValues(t, 48000, aac.GetSampleRate())
	require.Equal(t, AacCodingModeCodingMode20, aac.GetCodingMode())
	sel := ev.Request.GetSettings().GetInputs()[0].GetAudioSelectors()["Audio Selector 1"]
	require.Equal(t, AudioDefaultSelectionDefault, sel.GetDefaultSelection())
	require.EqualValues(t, 1, sel.GetProgramSelection())
	require.Equal(t, map[string]string{"Name": "Prod"}, ev.Request.GetUserMetadata())
	require.Equal(t, "arn:aws:mediaconvert:us-west-2:123456789000:queues/Default", ev.Request.GetQueue())

	// The redacted value is written back in place.
	out, err := dash.MarshalJSON()
	require.NoError(t, err)
	require.JSONEq(t, `{"destination":"s3://testuser-testuser/clip01.mp4","encryption":"***","fragmentLength":2,"segmentLength":30}`, string(out))
	all, err := ev.Request.MarshalJSON()
	require.NoError(t, err)
	diff, err := typedtest.JSONDiff([]byte(createJobRequest), all)
	require.NoError(t, err)
	require.Empty(t, diff)

	// A field set after decoding is written instead of the kept value.
	dash.Encryption = &DashIsoEncryptionSettings{PlaybackDeviceCompatibility: DashIsoPlaybackDeviceCompatibilityCencV1}
	out, err = dash.MarshalJSON()
	require.NoError(t, err)
	require.JSONEq(t, `{"destination":"s3://testuser-testuser/clip01.mp4","encryption":{"playbackDeviceCompatibility":"CENC_V1"},"fragmentLength":2,"segmentLength":30}`, string(out))
}

func TestTagsKeyCase(t *testing.T) {
	for _, key := range []string{"tags", "Tags", "TAGS"} {
		ev := decodeEvent(t, "CreateQueue", `{"name":"q","`+key+`":{"team":"media","env":"prod"}}`, "").(*CreateQueueEvent)
		require.Empty(t, ev.Errors, key)
		require.Equal(t, map[string]string{"team": "media", "env": "prod"}, ev.Request.GetTags(), key)
		require.Equal(t, "q", ev.Request.GetName(), key)
		require.Empty(t, ev.Request.UnknownMembers, key)
		out, err := ev.Request.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, `{"name":"q","tags":{"env":"prod","team":"media"}}`, string(out), "the model's JSON name is written")
	}
	ev := decodeEvent(t, "TagResource", `{"arn":"arn:aws:mediaconvert:eu-west-1:111122223333:queues/Q","Tags":{"k":"v"}}`, "").(*TagResourceEvent)
	require.Equal(t, map[string]string{"k": "v"}, ev.Request.GetTags())
	require.Equal(t, "arn:aws:mediaconvert:eu-west-1:111122223333:queues/Q", ev.Request.GetArn())
}

func TestCreatedAtForms(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		want time.Time
	}{
		{`1712252726`, time.Unix(1712252726, 0)},
		{`1510714652436`, time.UnixMilli(1510714652436)},
		{`"1510714652428"`, time.UnixMilli(1510714652428)},
		{`"1712252726"`, time.Unix(1712252726, 0)},
		{`1712252726.25`, time.Unix(1712252726, 25e7)},
		{`"2024-04-04T17:45:26Z"`, time.Unix(1712252726, 0)},
		{`"Nov 15, 2017 2:57:32 AM"`, time.Unix(1510714652, 0)},
	} {
		ev := decodeEvent(t, "GetJob", `{"id":"1"}`, `{"job":{"id":"1","createdAt":`+tt.raw+`,"timing":{"submitTime":`+tt.raw+`}}}`).(*GetJobEvent)
		require.Empty(t, ev.Errors, tt.raw)
		job := ev.Response.GetJob()
		require.True(t, tt.want.Equal(job.GetCreatedAt().Time), "%s: %v", tt.raw, job.GetCreatedAt().Time)
		require.Equal(t, tt.raw, job.GetCreatedAt().Raw)
		require.True(t, tt.want.Equal(job.GetTiming().GetSubmitTime().Time), tt.raw)
		out, err := job.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, `{"createdAt":`+tt.raw+`,"id":"1","timing":{"submitTime":`+tt.raw+`}}`, string(out))
	}

	ev := decodeEvent(t, "GetJob", "", `{"job":{"createdAt":"timestamp"}}`).(*GetJobEvent)
	require.Len(t, ev.Errors, 1)
	require.Equal(t, "responseElements.job.createdAt", ev.Errors[0].Path)
	require.Equal(t, "timestamp", ev.Errors[0].Want)
	require.ErrorIs(t, ev.Errors[0], cloudtrail.ErrNotATime)
	require.Nil(t, ev.Response.GetJob().GetCreatedAt())
}

func TestIntegerForms(t *testing.T) {
	for _, raw := range []string{`90`, `90.0`, `"90"`, `9e1`, `90.000`} {
		var s H264Settings
		require.NoError(t, s.UnmarshalCloudTrail([]byte(`{"gopSize":`+raw+`,"slices":`+raw+`}`)), raw)
		require.Equal(t, 90.0, s.GetGopSize(), raw)
		require.EqualValues(t, 90, s.GetSlices(), raw)
	}

	var s H264Settings
	err := s.UnmarshalCloudTrail([]byte(`{"slices":90.5,"gopSize":5,"bitrate":"HIDDEN_DUE_TO_SECURITY_REASONS","codecProfile":"MAIN"}`))
	var fe cloudtrail.FieldErrors
	require.ErrorAs(t, err, &fe)
	require.Len(t, fe, 2)
	require.Equal(t, "slices", fe[0].Path)
	require.Equal(t, "integer", fe[0].Want)
	require.Equal(t, "bitrate", fe[1].Path)
	require.Equal(t, `"HIDDEN_DUE_TO_SECURITY_REASONS"`, fe[1].Raw)
	require.Equal(t, 5.0, s.GetGopSize(), "a double written as an integer")
	require.Equal(t, H264CodecProfileMain, s.GetCodecProfile())
	require.Zero(t, s.GetSlices())
	out, err := s.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"bitrate":"HIDDEN_DUE_TO_SECURITY_REASONS","codecProfile":"MAIN","gopSize":5,"slices":90.5}`, string(out))

	// A string member keeps the placeholder as a string.
	ev := decodeEvent(t, "GetQueue", `{"name":"HIDDEN_DUE_TO_SECURITY_REASONS"}`, "").(*GetQueueEvent)
	require.Empty(t, ev.Errors)
	require.Equal(t, "HIDDEN_DUE_TO_SECURITY_REASONS", ev.Request.GetName())
}

func TestNilSafeGetters(t *testing.T) {
	var ev *CreateJobEvent
	require.Nil(t, ev.FieldErrors())
	var req *CreateJobRequest
	require.Nil(t, req.GetSettings().GetOutputGroups())
	require.Empty(t, req.GetRole())
	require.Zero(t, req.GetPriority())
	require.Empty(t, req.GetSettings().GetTimecodeConfig().GetTimestampOffset())
	var job *Job
	require.Nil(t, job.GetCreatedAt())
	require.Empty(t, job.GetStatus())
	out, err := req.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, "null", string(out))

	e := decodeEvent(t, "CreateJob", `{}`, "").(*CreateJobEvent)
	require.NotNil(t, e.Request)
	require.Nil(t, e.Response)
	require.Nil(t, e.Response.GetJob().GetSettings().GetInputs())
}

func TestUnknownMembersAndNulls(t *testing.T) {
	const in = `{"name":"q","newMember":{"x":[1,2]},"description":null,"pricingPlan":"","status":"ACTIVE"}`
	var q CreateQueueRequest
	require.NoError(t, q.UnmarshalCloudTrail([]byte(in)))
	require.Equal(t, QueueStatusActive, q.GetStatus())
	require.Empty(t, q.GetPricingPlan())
	want := cloudtrail.RawMembers{
		{Name: "newMember", Value: json.RawMessage(`{"x":[1,2]}`)},
		{Name: "description", Value: json.RawMessage(`null`)},
		{Name: "pricingPlan", Value: json.RawMessage(`""`)},
	}
	require.Empty(t, cmp.Diff(want, q.UnknownMembers))
	v, ok := q.UnknownMembers.Get("NEWMEMBER")
	require.True(t, ok)
	require.Equal(t, `{"x":[1,2]}`, string(v))
	out, err := q.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"description":null,"name":"q","pricingPlan":"","status":"ACTIVE","newMember":{"x":[1,2]}}`, string(out))
}

func TestEncodingJSONBaseline(t *testing.T) {
	// The types take encoding/json too, with their struct tags; it is the
	// baseline of the benchmarks.
	var req CreateJobRequest
	err := json.Unmarshal([]byte(createJobRequest), &req)
	require.Error(t, err, `encoding/json cannot put "***" into a structure`)
	require.Equal(t, "arn:aws:iam::123456789000:role/ecsInstanceRole", req.GetRole())
	require.EqualValues(t, 90, req.GetSettings().GetOutputGroups()[0].GetOutputs()[0].GetVideoDescription().GetCodecSettings().GetH264Settings().GetGopSize())
}

// TestEnumConstantNames checks how enum values become constant names; the
// values themselves are checked against the model by
// TestGeneratedAgainstModels.
func TestEnumConstantNames(t *testing.T) {
	require.Contains(t, AacCodecProfile("").Values(), AacCodecProfileHev1)
	require.Equal(t, AacCodecProfile("HEV1"), AacCodecProfileHev1)
	require.Equal(t, TransferCharacteristics("ITU_2020_10bit"), TransferCharacteristicsItu202010bit)
	require.Equal(t, MatrixCoefficients("ITU_2100ICtCp"), MatrixCoefficientsItu2100ictcp)
}
