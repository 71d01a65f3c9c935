package typedtest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// RecordTemplate is what the records a test makes from their parts have
// in common: everything but the event name, the request parameters, the
// response elements and the error.
type RecordTemplate struct {
	EventVersion string
	UserIdentity string // a JSON object
	EventTime    string // as the record writes it
	EventSource  string
	AWSRegion    string
}

// Decode makes a record of the template from its parts, parses and decodes
// it, and returns the typed event, which must have no field errors. Empty
// parts are left out of the record; an error code comes with the error
// message "refused".
func (r RecordTemplate) Decode(t *testing.T, eventName, request, response, errorCode string) any {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"eventVersion":"` + r.EventVersion + `","userIdentity":` + r.UserIdentity + `,`)
	b.WriteString(`"eventTime":"` + r.EventTime + `","eventSource":"` + r.EventSource + `","eventName":"` + eventName + `","awsRegion":"` + r.AWSRegion + `"`)
	if request != "" {
		b.WriteString(`,"requestParameters":` + request)
	}
	if response != "" {
		b.WriteString(`,"responseElements":` + response)
	}
	if errorCode != "" {
		b.WriteString(`,"errorCode":"` + errorCode + `","errorMessage":"refused"`)
	}
	b.WriteString(`,"eventID":"e1","eventType":"AwsApiCall"}`)
	e, err := cloudtrail.Parse([]byte(b.String()))
	require.NoError(t, err)
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	fe, ok := v.(cloudtrail.TypedEvent)
	require.True(t, ok, "%T", v)
	require.Empty(t, fe.FieldErrors())
	return v
}

// DecodeEvent decodes an event of eventSource that has only a name, and
// the request parameters and response elements that are not empty, and
// returns the typed event.
func DecodeEvent(t *testing.T, eventSource, eventName, request, response string) any {
	t.Helper()
	e := &cloudtrail.Event{EventSource: eventSource, EventName: eventName}
	if request != "" {
		e.RequestParameters = json.RawMessage(request)
	}
	if response != "" {
		e.ResponseElements = json.RawMessage(response)
	}
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	return v
}
