package typedtest

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/services"
)

// eventSources are the event sources of every service package.
func eventSources() []string {
	var out []string
	for _, s := range services.All {
		out = append(out, s.EventSources...)
	}
	return out
}

// TestRoundTrip decodes every record of the service packages into its typed
// event and encodes its Request and Response again: the result must be the
// record's requestParameters and responseElements, compared as JSON values
// after Normalize (keys without regard to case, numbers and strings as
// written). Unconvertible values, unmodelled members and values written in
// another form than the encoder's come back from UnknownMembers.
func TestRoundTrip(t *testing.T) {
	counts := map[string]int{}
	for _, rec := range Records(t) {
		e, err := cloudtrail.Parse(rec.Data)
		require.NoError(t, err, rec.Name)
		source := cloudtrail.CanonicalEventSource(e.EventSource)
		if !slices.Contains(eventSources(), source) {
			continue
		}
		t.Run(rec.Name, func(t *testing.T) {
			v, err := cloudtrail.Decode(e)
			require.NoError(t, err)
			ev := reflect.ValueOf(v).Elem()
			for _, part := range []struct {
				member string
				field  string
				raw    json.RawMessage
			}{
				{"requestParameters", "Request", e.RequestParameters},
				{"responseElements", "Response", e.ResponseElements},
			} {
				got, err := ev.FieldByName(part.field).Interface().(json.Marshaler).MarshalJSON()
				require.NoError(t, err, part.member)
				require.True(t, json.Valid(got), "%s encodes to invalid JSON: %s", part.member, got)
				diff, err := JSONDiff(part.raw, got)
				require.NoError(t, err, part.member)
				require.Empty(t, diff, "%s differs after the round trip (-record +encoded)", part.member)
			}
			for _, fe := range v.(cloudtrail.TypedEvent).FieldErrors() {
				t.Logf("field error: %v", fe)
			}
		})
		counts[source]++
	}
	t.Logf("records per event source: %v", counts)
	if len(counts) == 0 {
		t.Skip("no records of the service packages under testdata")
	}
}

func TestNormalize(t *testing.T) {
	for _, tt := range []struct {
		a, b  string
		equal bool
	}{
		{`{"Tags":{"a":"b"}}`, `{"tags":{"a":"b"}}`, true},
		{`{"gopSize":90}`, `{"gopSize":90.0}`, false},
		{`{"gopSize":90}`, `{"gopSize":9e1}`, false},
		{`{"bitrate":"5000000"}`, `{"bitrate":5000000}`, false},
		{`{"ascending":"false"}`, `{"ascending":false}`, false},
		{`{"gopSize":90.0}`, `{"gopSize":90.0}`, true},
		{`{"gopSize":90}`, `{"gopSize":90.5}`, false},
		{`{"a":"x"}`, `{"a":"y"}`, false},
		{`{"a":[1,2]}`, `{"a":[2,1]}`, false},
		{`{"a":null}`, `{}`, false},
		{``, `null`, true},
		{`{"a":1}`, `{"a":1,"b":2}`, false},
	} {
		diff, err := JSONDiff([]byte(tt.a), []byte(tt.b))
		require.NoError(t, err)
		require.Equal(t, tt.equal, diff == "", "%s vs %s: %s", tt.a, tt.b, diff)
	}
	_, err := Normalize([]byte(`{"a":1,"A":2}`))
	require.Error(t, err)
}
