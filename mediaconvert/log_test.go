package mediaconvert

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// createJob2024 decodes testdata/records/mediaconvert/CreateJob-2024.json.
func createJob2024(t *testing.T) *CreateJobEvent {
	t.Helper()
	data, err := os.ReadFile("../testdata/records/mediaconvert/CreateJob-2024.json")
	require.NoError(t, err)
	e, err := cloudtrail.Parse(data)
	require.NoError(t, err)
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	ev, ok := v.(*CreateJobEvent)
	require.True(t, ok, "%T", v)
	return ev
}

// TestLogCreateJob logs a typed CreateJob event with slog: a short group,
// not the 9 KB record with its access key id (5.4 KB as one JSON line
// before the event was a slog.LogValuer).
func TestLogCreateJob(t *testing.T) {
	ev := createJob2024(t)
	var _ slog.LogValuer = ev

	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("job submitted", "event", ev)
	line := buf.String()
	t.Logf("%d bytes: %s", len(line), line)
	require.Less(t, len(line), 512)
	require.NotContains(t, line, "accessKeyId")
	require.NotContains(t, line, "AKIAIOSFODNN7EXAMPLE")
	require.NotContains(t, line, "settings")

	var got struct{ Event map[string]any }
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	require.Equal(t, map[string]any{
		"time":      "2024-04-04T17:45:26Z",
		"source":    "mediaconvert.amazonaws.com",
		"operation": "CreateJob",
		"actor":     "role/admin (session example-admin)",
		"sourceIP":  "203.0.113.100",
		"requestID": ev.RequestID,
		"eventID":   "0987dcba-09fe-87dc-65ba-ab0987654321",
	}, got.Event)
}

// TestCreateJobJSON encodes a typed CreateJob event: json.Marshal gives
// the record, TypedJSON the typed view, and the summary its fields in
// camelCase with the event it came from.
func TestCreateJobJSON(t *testing.T) {
	ev := createJob2024(t)

	record, err := json.Marshal(ev)
	require.NoError(t, err)
	require.JSONEq(t, string(ev.Raw()), string(record))

	b, err := ev.TypedJSON()
	require.NoError(t, err)
	var view struct {
		Event    cloudtrail.EventRef
		Request  json.RawMessage
		Response json.RawMessage
		Errors   json.RawMessage
	}
	require.NoError(t, json.Unmarshal(b, &view))
	require.Equal(t, ev.Ref(), view.Event)
	req, err := ev.Request.MarshalJSON()
	require.NoError(t, err)
	require.JSONEq(t, string(req), string(view.Request))
	resp, err := ev.Response.MarshalJSON()
	require.NoError(t, err)
	require.JSONEq(t, string(resp), string(view.Response))
	require.Nil(t, view.Errors, "a clean decode writes no errors")
	require.True(t, strings.HasPrefix(string(b), `{"event":{"eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob",`), "%.200s", b)
	require.NotContains(t, string(b), "AKIAIOSFODNN7EXAMPLE")
	// The typed view is the request and response as the record has them.
	require.JSONEq(t, string(ev.RequestParameters), string(view.Request))
	require.JSONEq(t, string(ev.ResponseElements), string(view.Response))

	sums, err := json.Marshal(JobSummaries(ev))
	require.NoError(t, err)
	require.JSONEq(t, `[{
	  "id": "1712252725875-defhgi",
	  "arn": "arn:aws:mediaconvert:us-west-2:111122223333:jobs/1712252725875-defhgi",
	  "status": "SUBMITTED",
	  "queue": "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default",
	  "role": "arn:aws:iam::111122223333:role/service-role/MediaConvert_Default_Role",
	  "createdAt": "2024-04-04T17:45:26Z",
	  "outputs": [{
	    "name": "File Group", "customName": "web-mp4", "type": "FILE_GROUP_SETTINGS",
	    "destination": "s3://media-output.example.com/vod/",
	    "outputs": [{"nameModifier": "_1080p", "container": "MP4", "videoCodec": "H_264", "width": 1920, "height": 1080,
	                 "rateControlMode": "QVBR", "bitrate": 5000000, "audioCodecs": ["AAC"]}]
	  }],
	  "event": {
	    "eventSource": "mediaconvert.amazonaws.com", "eventName": "CreateJob", "eventTime": "2024-04-04T17:45:26Z",
	    "eventID": "0987dcba-09fe-87dc-65ba-ab0987654321",
	    "actor": {"kind": "Role", "name": "admin", "arn": "arn:aws:iam::111122223333:role/admin",
	              "accountId": "111122223333", "session": "example-admin"}
	  }
	}]`, string(sums))

	// A summary without an event leaves it out.
	b, err = json.Marshal(ev.Response.GetJob().Summary())
	require.NoError(t, err)
	require.NotContains(t, string(b), `"event"`)
	require.NotContains(t, string(b), `0001-01-01`)
}
