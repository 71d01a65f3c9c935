package cloudtrail_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// TestParseSyntaxErrorPlace checks that a syntax error says what is wrong
// and where, as a *SyntaxError that matches ErrSyntax.
func TestParseSyntaxErrorPlace(t *testing.T) {
	for _, tc := range []struct {
		in     string
		offset int64
		msg    string
	}{
		{`{"eventName":"A" "eventSource":"b"}`, 17, "expected , or } after object member"},
		{`{"eventName":"A",}`, 17, "expected a member name in quotes"},
		{`{"eventName":tru}`, 13, "invalid literal"},
		{`{"eventName":"A"`, 16, "the text ends inside an object"},
		{"\ufeff" + `{"eventName":"A",}`, 20, "expected a member name in quotes"}, // counted in the input, BOM included
		{`{"eventName":"A"} x`, 18, "data after the JSON value"},
	} {
		_, err := cloudtrail.Parse([]byte(tc.in))
		var se *cloudtrail.SyntaxError
		require.ErrorAs(t, err, &se, tc.in)
		require.ErrorIs(t, err, cloudtrail.ErrSyntax)
		require.Equal(t, tc.offset, se.Offset, tc.in)
		require.Equal(t, tc.msg, se.Msg, tc.in)
		require.Equal(t, "the record", se.In)
		require.True(t, strings.HasPrefix(err.Error(), "cloudtrail: record: invalid JSON: "+tc.msg), err.Error())
	}
}

// TestDuplicateMembers checks that when a member comes twice, the first
// counts for every accessor, and the second is reported and kept.
func TestDuplicateMembers(t *testing.T) {
	rec := `{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob",` +
		`"eventTime":"2024-01-02T03:04:05Z","eventName":"DeleteJob","eventSource":"s3.amazonaws.com",` +
		`"userIdentity":{"type":"IAMUser","type":"Root"},"x":1,"x":2}`
	e, err := cloudtrail.Parse([]byte(rec))
	require.NoError(t, err)
	require.Equal(t, "CreateJob", e.EventName)
	require.Equal(t, e.EventName, e.Get("eventName").String())
	require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
	require.Equal(t, e.EventSource, e.Get("eventSource").String())
	require.Equal(t, "IAMUser", e.UserIdentity.Type)
	require.Equal(t, e.UserIdentity.Type, e.Get("userIdentity.type").String())
	require.Equal(t, `1`, string(e.Unknown["x"]))
	var paths []string
	for _, fe := range e.EnvelopeErrors {
		require.ErrorIs(t, fe, cloudtrail.ErrDuplicateMember)
		require.ErrorIs(t, fe, cloudtrail.ErrConvert)
		paths = append(paths, fe.Path+"="+fe.Raw)
	}
	require.Equal(t, []string{`eventName="DeleteJob"`, `eventSource="s3.amazonaws.com"`, `userIdentity.type="Root"`, `x=2`}, paths)
	require.Equal(t, `"DeleteJob"`, string(e.Unknown["eventName"]), "the later member is kept")

	// The Reader takes the same record the same way, on its fast path and
	// with a filter.
	for _, opts := range [][]cloudtrail.Option{nil, {cloudtrail.WithEventNames("CreateJob")}, {cloudtrail.WithEventSources("mediaconvert.amazonaws.com")}} {
		r := cloudtrail.NewReader(strings.NewReader(`{"Records":[`+rec+`]}`), opts...)
		got, err := r.Next()
		require.NoError(t, err)
		require.Equal(t, "CreateJob", got.EventName)
		require.Len(t, got.EnvelopeErrors, 4)
	}
	for _, opts := range [][]cloudtrail.Option{{cloudtrail.WithEventNames("DeleteJob")}, {cloudtrail.WithEventSources("s3.amazonaws.com")}} {
		r := cloudtrail.NewReader(strings.NewReader(`{"Records":[`+rec+`]}`), opts...)
		_, err := r.Next()
		require.Equal(t, "EOF", err.Error(), "the filter went by the later member")
	}
}

// TestParseDeepNesting checks that no depth of nesting exhausts the stack
// or fails a record.
func TestParseDeepNesting(t *testing.T) {
	for _, n := range []int{10_000, 1_000_000} {
		deep := strings.Repeat(`{"a":[`, n) + "1" + strings.Repeat(`]}`, n)
		rec := `{"eventVersion":"1.08","eventName":"CreateJob","requestParameters":` + deep + `,"awsRegion":"us-east-1"}`
		e, err := cloudtrail.Parse([]byte(rec))
		require.NoError(t, err, n)
		require.Equal(t, "us-east-1", e.AWSRegion)
		require.Equal(t, deep, string(e.RequestParameters))
		r := cloudtrail.NewReader(strings.NewReader(`{"Records":[`+rec+`,{"eventVersion":"1.08","eventName":"After"}]}`), cloudtrail.WithMaxRecordSize(16<<20))
		first, err := r.Next()
		require.NoError(t, err)
		require.Equal(t, "us-east-1", first.AWSRegion)
		second, err := r.Next()
		require.NoError(t, err)
		require.Equal(t, "After", second.EventName)
		// Cut one bracket short: a syntax error, not a crash.
		_, err = cloudtrail.Parse([]byte(rec[:len(rec)-len(`,"awsRegion":"us-east-1"}`)-1] + `}`))
		require.True(t, errors.Is(err, cloudtrail.ErrSyntax), "%v", err)
	}
}
