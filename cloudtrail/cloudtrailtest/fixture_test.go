package cloudtrailtest_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// TestFixturesEveryOperation checks that every registered operation has a
// fixture that decodes to its typed event with no error and that encodes
// back to the same request and response.
func TestFixturesEveryOperation(t *testing.T) {
	fixtures := map[cloudtrail.Operation]bool{}
	for _, op := range cloudtrailtest.FixtureOperations() {
		fixtures[op] = true
	}
	for _, op := range cloudtrail.DefaultRegistry.Operations() {
		require.True(t, fixtures[op], "no fixture for %v", op)
		e := cloudtrailtest.Fixture(op.EventSource, op.EventName)
		require.Equal(t, op.EventSource, e.EventSource)
		require.Equal(t, op.EventName, e.EventName)
		require.Empty(t, e.EnvelopeErrors)
		v, err := cloudtrail.Decode(e)
		require.NoError(t, err, "%v", op)
		require.Empty(t, v.(interface{ FieldErrors() cloudtrail.FieldErrors }).FieldErrors(), "%v", op)
		// The same record every time.
		require.Equal(t, string(e.Raw()), string(cloudtrailtest.Fixture(op.EventSource, op.EventName).Raw()))
	}
}

// TestRoundTripEveryContainer writes the fixture of every operation and
// every example in every container, reads them back and checks that the
// events, and their typed values, are equal to the originals.
func TestRoundTripEveryContainer(t *testing.T) {
	var events []*cloudtrail.Event
	for _, op := range cloudtrail.DefaultRegistry.Operations() {
		events = append(events, cloudtrailtest.Fixture(op.EventSource, op.EventName))
	}
	for _, name := range cloudtrailtest.ExampleNames() {
		events = append(events, cloudtrailtest.Example(name)...)
	}
	want := typedAll(t, events)
	wantJSON := typedJSON(t, want)
	for _, c := range cloudtrailtest.Containers() {
		t.Run(c.String(), func(t *testing.T) {
			r := cloudtrail.NewReader(bytes.NewReader(cloudtrailtest.Encode(c, events...)))
			var got []*cloudtrail.Event
			for e, err := range r.All() {
				require.NoError(t, err)
				got = append(got, e)
			}
			require.NoError(t, r.Err())
			require.Equal(t, c.Format(), r.Format())
			require.Len(t, got, len(events))
			typed := typedAll(t, got)
			if c == cloudtrailtest.LogFile {
				// The field-by-field comparison of the kit, once.
				if diff := cmp.Diff(events, got, cloudtrailtest.Options()...); diff != "" {
					t.Fatalf("events (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(want, typed, cloudtrailtest.Options()...); diff != "" {
					t.Fatalf("typed events (-want +got):\n%s", diff)
				}
				return
			}
			// The same records as JSON values (Event.Equal), and where they
			// were read from told apart from them.
			for i := range events {
				require.True(t, events[i].Equal(got[i]), "event %d:\n%s\n%s", i, events[i].Raw(), got[i].Raw())
			}
			// The typed values encode every field: equal encodings are
			// equal values, and cheaper to compare than with reflection.
			require.Equal(t, wantJSON, typedJSON(t, typed))
		})
	}
}

// typedAll decodes the events that have a typed form.
func typedAll(t *testing.T, events []*cloudtrail.Event) []any {
	t.Helper()
	var out []any
	for _, e := range events {
		v, err := cloudtrail.Decode(e)
		if err != nil {
			require.ErrorIs(t, err, cloudtrail.ErrNotRegistered)
			continue
		}
		out = append(out, v)
	}
	return out
}

func TestExampleNames(t *testing.T) {
	names := cloudtrailtest.ExampleNames()
	require.Contains(t, names, "mediaconvert/CreateJob-2024")
	for _, name := range names {
		require.NotEmpty(t, cloudtrailtest.Example(name), name)
	}
	e := cloudtrailtest.Example("mediaconvert/CreateJob-2024")
	require.Len(t, e, 1)
	require.Equal(t, "1712252725875-defhgi", e[0].ResponseElement("job.id").String())
	require.Panics(t, func() { cloudtrailtest.Example("no/such-example") })
	require.Panics(t, func() { cloudtrailtest.Fixture("mediaconvert.amazonaws.com", "NoSuchCall") })
}

// typedJSON encodes the requests and responses of typed events, with
// their field errors.
func typedJSON(t *testing.T, typed []any) []string {
	t.Helper()
	out := make([]string, len(typed))
	for i, v := range typed {
		ev := reflect.ValueOf(v).Elem()
		var parts []string
		for _, member := range []string{"Request", "Response"} {
			data, err := json.Marshal(ev.FieldByName(member).Interface())
			require.NoError(t, err)
			parts = append(parts, string(data))
		}
		for _, fe := range v.(interface{ FieldErrors() cloudtrail.FieldErrors }).FieldErrors() {
			parts = append(parts, fe.Error())
		}
		out[i] = strings.Join(parts, " ")
	}
	return out
}
