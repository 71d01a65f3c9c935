package cloudtrail_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

func TestFieldErrorJSON(t *testing.T) {
	errs := cloudtrail.FieldErrors{
		{Path: "requestParameters.priority", Raw: `"high"`, Want: "integer", Err: cloudtrail.ErrNotNumber},
		{Path: "requestParameters.settings", Raw: `"***"`, Want: "structure"},
		{Path: "requestParameters.name", Raw: `"b"`, Err: cloudtrail.ErrDuplicateMember},
		{Path: "responseElements.job.createdAt", Raw: `"soon"`, Want: "timestamp", Err: errors.New("no <time> & no date")},
	}
	b, err := json.Marshal(errs)
	require.NoError(t, err)
	require.JSONEq(t, `[
	  {"path": "requestParameters.priority", "raw": "\"high\"", "want": "integer", "error": "not a number"},
	  {"path": "requestParameters.settings", "raw": "\"***\"", "want": "structure", "error": "value does not convert"},
	  {"path": "requestParameters.name", "raw": "\"b\"", "error": "member comes more than once; the first counts"},
	  {"path": "responseElements.job.createdAt", "raw": "\"soon\"", "want": "timestamp", "error": "no <time> & no date"}
	]`, string(b))

	// A FieldError alone, and inside a value that holds one.
	b, err = errs[0].MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"path":"requestParameters.priority","raw":"\"high\"","want":"integer","error":"not a number"}`, string(b))
	b, err = json.Marshal(struct{ Err *cloudtrail.FieldError }{errs[1]})
	require.NoError(t, err)
	require.Equal(t, `{"Err":{"path":"requestParameters.settings","raw":"\"***\"","want":"structure","error":"value does not convert"}}`, string(b))
	b, err = json.Marshal(struct{ Err *cloudtrail.FieldError }{})
	require.NoError(t, err)
	require.Equal(t, `{"Err":null}`, string(b))
}

func TestEventRef(t *testing.T) {
	e, err := cloudtrail.Parse([]byte(logRecord))
	require.NoError(t, err)
	ref := e.Ref()
	require.Equal(t, cloudtrail.EventRef{
		EventSource: "mediaconvert.amazonaws.com",
		EventName:   "GetQueue",
		EventTime:   time.Date(2024, 4, 4, 17, 45, 26, 0, time.UTC),
		EventID:     "0e6b1f47-0000-4a43-b8d4-000000000002",
		Actor:       e.Actor(),
	}, ref)
	require.False(t, ref.IsZero())
	b, err := json.Marshal(ref)
	require.NoError(t, err)
	require.JSONEq(t, `{
	  "eventSource": "mediaconvert.amazonaws.com",
	  "eventName": "GetQueue",
	  "eventTime": "2024-04-04T17:45:26Z",
	  "eventID": "0e6b1f47-0000-4a43-b8d4-000000000002",
	  "actor": {"kind": "Role", "name": "MediaOps", "arn": "arn:aws:iam::111122223333:role/MediaOps",
	            "accountId": "111122223333", "session": "alice"}
	}`, string(b))
	require.NotContains(t, string(b), "ASIAEXAMPLEKEYID1234")

	// Nothing set encodes to nothing.
	require.True(t, (*cloudtrail.Event)(nil).Ref().IsZero())
	b, err = json.Marshal(struct {
		Event cloudtrail.EventRef `json:"event,omitzero"`
	}{})
	require.NoError(t, err)
	require.Equal(t, `{}`, string(b))
	b, err = json.Marshal(cloudtrail.EventRef{EventName: "GetJob"})
	require.NoError(t, err)
	require.Equal(t, `{"eventName":"GetJob"}`, string(b))
}

// queueRequest and queueResponse stand for the generated types, which
// encode with their own MarshalJSON.
type queueRequest struct {
	Name string `json:"name"`
}

type queueResponse struct{}

func (*queueResponse) MarshalJSON() ([]byte, error) {
	return []byte(`{"queue": {"name": "Night"}}`), nil
}

func TestTypedJSON(t *testing.T) {
	e, err := cloudtrail.Parse([]byte(logRecord))
	require.NoError(t, err)
	typed := &cloudtrail.Typed[queueRequest, queueResponse]{
		Event:   e,
		Request: &queueRequest{Name: "Night & Day"},
		Errors:  cloudtrail.FieldErrors{{Path: "requestParameters.secret", Raw: `"s3cr3t"`, Err: cloudtrail.ErrDuplicateMember}},
	}

	// json.Marshal gives the record.
	b, err := json.Marshal(typed)
	require.NoError(t, err)
	require.JSONEq(t, logRecord, string(b))

	// TypedJSON gives the typed view.
	b, err = typed.TypedJSON()
	require.NoError(t, err)
	ref, err := json.Marshal(e.Ref())
	require.NoError(t, err)
	require.Equal(t, `{"event":`+string(ref)+`,"request":{"name":"Night & Day"},`+
		`"errors":[{"path":"requestParameters.secret","raw":"\"s3cr3t\"","error":"member comes more than once; the first counts"}]}`, string(b))

	typed.Response, typed.Errors = &queueResponse{}, nil
	b, err = typed.TypedJSON()
	require.NoError(t, err)
	require.Equal(t, `{"event":`+string(ref)+`,"request":{"name":"Night & Day"},"response":{"queue":{"name":"Night"}}}`, string(b))

	b, err = (&cloudtrail.Typed[queueRequest, queueResponse]{}).TypedJSON()
	require.NoError(t, err)
	require.Equal(t, `{}`, string(b))
	b, err = (*cloudtrail.Typed[queueRequest, queueResponse])(nil).TypedJSON()
	require.NoError(t, err)
	require.Equal(t, `null`, string(b))
}
