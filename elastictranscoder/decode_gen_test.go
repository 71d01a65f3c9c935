package elastictranscoder

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/typedtest"
)

func TestCreateJobLowerCaseKeys(t *testing.T) {
	// As CloudTrail logs it: lowerCamelCase keys where the model (restJson1
	// without JSON names) has PascalCase members.
	const req = `{"input":{"interlaced":"auto","resolution":"auto","frameRate":"auto","aspectRatio":"auto","container":"auto","key":"source/audio/cheesytoast.wav"},` +
		`"output":{"presetId":"1234-preset-example","key":"output/testing-toast.mp4","thumbnailPattern":"","rotate":"auto"},"pipelineId":"1234-pipeline-example"}`
	const resp = `{"job":{"output":{"rotate":"auto","presetId":"1234-preset-example","watermarks":[],"id":"1","status":"Submitted"},` +
		`"status":"Submitted","playlists":[],"id":"1234-job-example","outputs":[{"id":"1","key":"output/testing-toast.mp4"}],"pipelineId":"1234-pipeline-example"}}`
	v, err := cloudtrail.Decode(&cloudtrail.Event{
		EventSource: EventSource, EventName: "CreateJob",
		RequestParameters: json.RawMessage(req), ResponseElements: json.RawMessage(resp),
	})
	require.NoError(t, err)
	ev := v.(*CreateJobEvent)
	require.Empty(t, ev.Errors)
	require.Equal(t, "1234-pipeline-example", ev.Request.GetPipelineId())
	require.Equal(t, "source/audio/cheesytoast.wav", ev.Request.GetInput().GetKey())
	require.Equal(t, "auto", ev.Request.GetInput().GetFrameRate())
	require.Equal(t, "1234-preset-example", ev.Request.GetOutput().GetPresetId())
	require.NotNil(t, ev.Request.GetOutput().ThumbnailPattern, "an empty string is set")
	require.Empty(t, ev.Request.GetOutput().GetThumbnailPattern())

	job := ev.Response.GetJob()
	require.Equal(t, "Submitted", job.GetStatus())
	require.Equal(t, []JobWatermark{}, job.GetOutput().GetWatermarks(), "an empty list is kept")
	require.Equal(t, []Playlist{}, job.GetPlaylists())
	require.Len(t, job.GetOutputs(), 1)
	require.Equal(t, "output/testing-toast.mp4", job.GetOutputs()[0].GetKey())

	out, err := ev.Request.MarshalJSON()
	require.NoError(t, err)
	require.Contains(t, string(out), `"pipelineId":"1234-pipeline-example"`, "the member names are written as CloudTrail writes them")
	for _, pair := range [][2]string{{req, string(out)}} {
		diff, err := typedtest.JSONDiff([]byte(pair[0]), []byte(pair[1]))
		require.NoError(t, err)
		require.Empty(t, diff)
	}
	out, err = ev.Response.MarshalJSON()
	require.NoError(t, err)
	diff, err := typedtest.JSONDiff([]byte(resp), out)
	require.NoError(t, err)
	require.Empty(t, diff)
}

func TestListJobsByStatus(t *testing.T) {
	var req ListJobsByStatusRequest
	require.NoError(t, req.UnmarshalCloudTrail([]byte(`{"status":"Submitted","ascending":"false"}`)))
	require.Equal(t, "Submitted", req.GetStatus())
	require.Equal(t, "false", req.GetAscending(), "Ascending is a string in the model")

}
