package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// logRecord is a failed call by an assumed role, with an access key id.
const logRecord = `{
  "eventVersion": "1.09",
  "userIdentity": {
    "type": "AssumedRole",
    "principalId": "AROAEXAMPLEID:alice",
    "arn": "arn:aws:sts::111122223333:assumed-role/MediaOps/alice",
    "accountId": "111122223333",
    "accessKeyId": "ASIAEXAMPLEKEYID1234",
    "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::111122223333:role/MediaOps",
      "accountId": "111122223333", "userName": "MediaOps"}}
  },
  "eventTime": "2024-04-04T17:45:26Z",
  "eventSource": "mediaconvert.amazonaws.com",
  "eventName": "GetQueue",
  "awsRegion": "us-west-2",
  "sourceIPAddress": "203.0.113.100",
  "userAgent": "aws-cli/2.15.0",
  "errorCode": "NotFoundException",
  "errorMessage": "Queue not found: <Night>",
  "requestParameters": {"name": "Night", "secret": "s3cr3t"},
  "responseElements": null,
  "requestID": "5f9ea1e8-0000-4e6a-9c5e-000000000001",
  "eventID": "0e6b1f47-0000-4a43-b8d4-000000000002",
  "readOnly": true,
  "eventType": "AwsApiCall",
  "recipientAccountId": "111122223333"
}`

// logJSON logs v under the key "event" with a JSON handler and returns the
// line and the value logged under "event", decoded.
func logJSON(t *testing.T, v any) (string, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("call", "event", v)
	var line map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &line), buf.String())
	group, _ := line["event"].(map[string]any)
	return buf.String(), group
}

func TestEventLogValue(t *testing.T) {
	e, err := cloudtrail.Parse([]byte(logRecord))
	require.NoError(t, err)
	var _ slog.LogValuer = e

	line, got := logJSON(t, e)
	require.Equal(t, map[string]any{
		"time":      "2024-04-04T17:45:26Z",
		"source":    "mediaconvert.amazonaws.com",
		"operation": "GetQueue",
		"actor":     "role/MediaOps (session alice)",
		"sourceIP":  "203.0.113.100",
		"error":     map[string]any{"code": "NotFoundException", "message": "Queue not found: <Night>"},
		"requestID": "5f9ea1e8-0000-4e6a-9c5e-000000000001",
		"eventID":   "0e6b1f47-0000-4a43-b8d4-000000000002",
	}, got)
	for _, secret := range []string{"accessKeyId", "ASIAEXAMPLEKEYID1234", "s3cr3t", "AROAEXAMPLEID", "userAgent"} {
		require.NotContains(t, line, secret)
	}

	// The attributes come in a fixed order.
	keys := []string{`"time"`, `"source"`, `"operation"`, `"actor"`, `"sourceIP"`, `"error"`, `"requestID"`, `"eventID"`}
	group := line[strings.Index(line, `"event":`):]
	last := -1
	for _, k := range keys {
		i := strings.Index(group, k)
		require.Greater(t, i, last, "%s out of order in %s", k, group)
		last = i
	}

	// The text handler writes the same attributes, dotted.
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("call", "event", e)
	require.Contains(t, buf.String(), `event.operation=GetQueue event.actor="role/MediaOps (session alice)"`)
	require.Contains(t, buf.String(), `event.error.code=NotFoundException`)
	require.NotContains(t, buf.String(), "ASIAEXAMPLEKEYID1234")
}

func TestEventLogValueSparse(t *testing.T) {
	// A successful call without identity, IP or ids logs what it has.
	e, err := cloudtrail.Parse([]byte(`{"eventSource":"transcribe.amazonaws.com","eventName":"ListVocabularies","eventTime":"2024-01-02T03:04:05.5Z"}`))
	require.NoError(t, err)
	_, got := logJSON(t, e)
	require.Equal(t, map[string]any{
		"time":      "2024-01-02T03:04:05.5Z",
		"source":    "transcribe.amazonaws.com",
		"operation": "ListVocabularies",
	}, got)

	// A nil event logs an empty group, which handlers leave out.
	line, got := logJSON(t, (*cloudtrail.Event)(nil))
	require.Nil(t, got)
	require.NotContains(t, line, `"event"`)
}

func TestTypedLogValue(t *testing.T) {
	e, err := cloudtrail.Parse([]byte(logRecord))
	require.NoError(t, err)
	_, want := logJSON(t, e)

	// The typed event logs as its Event, not as its record.
	typed := &cloudtrail.Typed[struct{ Name string }, struct{}]{Event: e, Request: &struct{ Name string }{"Night"}}
	var _ slog.LogValuer = typed
	line, got := logJSON(t, typed)
	require.Equal(t, want, got)
	require.NotContains(t, line, "ASIAEXAMPLEKEYID1234")

	// With the number of values that did not convert.
	typed.Errors = cloudtrail.FieldErrors{
		{Path: "requestParameters.priority", Raw: `"high"`, Want: "integer", Err: cloudtrail.ErrNotNumber},
		{Path: "requestParameters.tags", Raw: `"***"`, Want: "map", Err: cloudtrail.ErrConvert},
	}
	_, got = logJSON(t, typed)
	want["fieldErrors"] = float64(2)
	require.Equal(t, want, got)

	// A typed event without its Event, and a nil one.
	_, got = logJSON(t, &cloudtrail.Typed[struct{}, struct{}]{})
	require.Nil(t, got)
	_, got = logJSON(t, (*cloudtrail.Typed[struct{}, struct{}])(nil))
	require.Nil(t, got)
}

func TestActorLogValue(t *testing.T) {
	e, err := cloudtrail.Parse([]byte(logRecord))
	require.NoError(t, err)
	var _ slog.LogValuer = cloudtrail.Actor{}
	_, got := logJSON(t, e.Actor())
	require.Equal(t, map[string]any{"kind": "Role", "name": "MediaOps", "account": "111122223333"}, got)

	_, got = logJSON(t, cloudtrail.Actor{Kind: cloudtrail.ActorAWSService, Name: "s3.amazonaws.com"})
	require.Equal(t, map[string]any{"kind": "AWSService", "name": "s3.amazonaws.com"}, got)
}
