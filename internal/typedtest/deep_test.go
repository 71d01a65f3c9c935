package typedtest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/mediaconvert"
)

// TestDecodeDeepValues checks that values nested 10,000 deep, where the
// model has a list of structures and where it has no member, cost only
// themselves: a FieldError at the value, the value kept as written, the
// rest of the record decoded.
func TestDecodeDeepValues(t *testing.T) {
	const n = 10_000
	deepArray := strings.Repeat("[", n) + strings.Repeat("]", n)
	deepObject := strings.Repeat(`{"x":`, n) + "1" + strings.Repeat("}", n)
	req := `{"role":"arn:aws:iam::111122223333:role/r","settings":{"outputGroups":` + deepArray +
		`,"timecodeConfig":{"source":"ZEROBASED","extra":` + deepObject + `}},"queue":"q"}`
	v := DecodeEvent(t, "mediaconvert.amazonaws.com", "CreateJob", req, "")
	ev := v.(*mediaconvert.CreateJobEvent)
	require.Equal(t, "q", ev.Request.GetQueue())
	require.Equal(t, mediaconvert.TimecodeSourceZerobased, ev.Request.GetSettings().GetTimecodeConfig().GetSource())
	require.Nil(t, ev.Request.GetSettings().GetOutputGroups())
	raw, ok := ev.Request.GetSettings().UnknownMembers.Get("outputGroups")
	require.True(t, ok)
	require.Equal(t, deepArray, string(raw))
	raw, ok = ev.Request.GetSettings().GetTimecodeConfig().UnknownMembers.Get("extra")
	require.True(t, ok)
	require.Equal(t, deepObject, string(raw))
	require.Len(t, ev.Errors, 1)
	require.Equal(t, "requestParameters.settings.outputGroups[0]", ev.Errors[0].Path)
	require.ErrorIs(t, ev.Errors[0], cloudtrail.ErrConvert)

	// And the deep values encode back as they were written (encoding/json,
	// which Normalize uses, stops at 10,000 levels).
	out, err := ev.Request.MarshalJSON()
	require.NoError(t, err)
	for _, part := range []string{`"outputGroups":` + deepArray, `"extra":` + deepObject, `"queue":"q"`} {
		require.True(t, strings.Contains(string(out), part), "the encoding lacks %.40s...", part)
	}
}
