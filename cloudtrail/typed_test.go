package cloudtrail_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

func TestFieldErrorError(t *testing.T) {
	custom := errors.New("value out of range")
	long := `"` + strings.Repeat("x", 80) + `"`
	tests := []struct {
		name string
		fe   *cloudtrail.FieldError
		want string
	}{
		{
			name: "no cause",
			fe:   &cloudtrail.FieldError{Path: "responseElements.job.createdAt", Raw: `"soon"`, Want: "timestamp"},
			want: `cloudtrail: responseElements.job.createdAt: cannot convert "soon" to timestamp`,
		},
		{
			name: "ErrConvert",
			fe:   &cloudtrail.FieldError{Path: "requestParameters.priority", Raw: `"high"`, Want: "integer", Err: cloudtrail.ErrConvert},
			want: `cloudtrail: requestParameters.priority: cannot convert "high" to integer`,
		},
		{
			name: "wrapped ErrConvert",
			fe:   &cloudtrail.FieldError{Path: "p", Raw: `1`, Want: "string", Err: fmt.Errorf("number: %w", cloudtrail.ErrConvert)},
			want: `cloudtrail: p: cannot convert 1 to string`,
		},
		{
			name: "other cause",
			fe:   &cloudtrail.FieldError{Path: "requestParameters.priority", Raw: `99`, Want: "integer", Err: custom},
			want: `cloudtrail: requestParameters.priority: cannot convert 99 to integer: value out of range`,
		},
		{
			name: "long value cut",
			fe:   &cloudtrail.FieldError{Path: "requestParameters.phrases", Raw: long, Want: "list"},
			want: `cloudtrail: requestParameters.phrases: cannot convert ` + long[:61] + `... to list`,
		},
		{
			name: "value of 64 bytes kept",
			fe:   &cloudtrail.FieldError{Path: "p", Raw: long[:64], Want: "list"},
			want: `cloudtrail: p: cannot convert ` + long[:64] + ` to list`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.fe.Error())
		})
	}
}

func TestFieldErrorUnwrap(t *testing.T) {
	custom := errors.New("value out of range")

	fe := &cloudtrail.FieldError{Path: "p", Raw: `"x"`, Want: "integer"}
	require.Equal(t, []error{cloudtrail.ErrConvert}, fe.Unwrap())
	require.True(t, errors.Is(fe, cloudtrail.ErrConvert))

	// Every FieldError matches ErrConvert, and its cause.
	fe = &cloudtrail.FieldError{Path: "p", Raw: `99`, Want: "integer", Err: custom}
	require.Equal(t, []error{custom, cloudtrail.ErrConvert}, fe.Unwrap())
	require.True(t, errors.Is(fe, custom))
	require.True(t, errors.Is(fe, cloudtrail.ErrConvert))
	fe = &cloudtrail.FieldError{Path: "p", Raw: `"x"`, Want: "integer", Err: cloudtrail.ErrNotNumber}
	require.True(t, errors.Is(fe, cloudtrail.ErrNotNumber))
	require.True(t, errors.Is(fe, cloudtrail.ErrConvert))

	_, terr := cloudtrail.ParseTime("timestamp")
	fe = &cloudtrail.FieldError{Path: "eventTime", Raw: `"timestamp"`, Want: "time", Err: terr}
	require.True(t, errors.Is(fe, cloudtrail.ErrNotATime))
	var te *cloudtrail.TimeError
	require.True(t, errors.As(fe, &te))
	require.Equal(t, "timestamp", te.Text)
	require.Equal(t, `cloudtrail: eventTime: cannot convert "timestamp" to time: cloudtrail: "timestamp" is not a time`, fe.Error())

	// Wrapped in another error, it is still found.
	var got *cloudtrail.FieldError
	require.True(t, errors.As(fmt.Errorf("decoding: %w", fe), &got))
	require.Same(t, fe, got)
}

func TestFieldErrors(t *testing.T) {
	custom := errors.New("value out of range")
	a := &cloudtrail.FieldError{Path: "requestParameters.priority", Raw: `"high"`, Want: "integer"}
	b := &cloudtrail.FieldError{Path: "requestParameters.queue", Raw: `7`, Want: "string", Err: custom}
	c := &cloudtrail.FieldError{Path: "responseElements.job.createdAt", Raw: `"soon"`, Want: "timestamp"}

	tests := []struct {
		name string
		fe   cloudtrail.FieldErrors
		want string
	}{
		{"none", nil, "cloudtrail: no field errors"},
		{"empty", cloudtrail.FieldErrors{}, "cloudtrail: no field errors"},
		{"one", cloudtrail.FieldErrors{a}, a.Error()},
		{"two", cloudtrail.FieldErrors{a, b}, a.Error() + " (and 1 more field errors)"},
		{"three", cloudtrail.FieldErrors{b, a, c}, b.Error() + " (and 2 more field errors)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.fe.Error())
			require.Len(t, tt.fe.Unwrap(), len(tt.fe))
		})
	}

	errs := cloudtrail.FieldErrors{b, c}
	var err error = errs
	require.True(t, errors.Is(err, cloudtrail.ErrConvert), "c wraps ErrConvert")
	require.True(t, errors.Is(err, custom), "b wraps custom")
	require.True(t, errors.Is(cloudtrail.FieldErrors{b}, cloudtrail.ErrConvert), "every FieldError matches ErrConvert")
	require.False(t, errors.Is(cloudtrail.FieldErrors{}, cloudtrail.ErrConvert))

	var first *cloudtrail.FieldError
	require.True(t, errors.As(err, &first))
	require.Same(t, b, first, "errors.As finds the first")

	var back cloudtrail.FieldErrors
	require.True(t, errors.As(fmt.Errorf("record 2: %w", err), &back))
	require.Equal(t, errs, back)
}

type jobRequest struct{ Queue string }
type jobResponse struct{ ID string }

// The typed wrapper implements TypedEvent.
var _ cloudtrail.TypedEvent = (*cloudtrail.Typed[jobRequest, jobResponse])(nil)

func TestTyped(t *testing.T) {
	e, err := cloudtrail.Parse(readTestdata(t, "records/mediaconvert/GetJob.json"))
	require.NoError(t, err)
	fe := cloudtrail.FieldErrors{{Path: "responseElements.job.timing.submitTime", Raw: `"soon"`, Want: "timestamp"}}
	typed := &cloudtrail.Typed[jobRequest, jobResponse]{
		Event:    e,
		Request:  &jobRequest{Queue: "Default"},
		Response: &jobResponse{ID: e.ResponseElement("job.id").Str},
		Errors:   fe,
	}

	var v any = typed
	te, ok := v.(cloudtrail.TypedEvent)
	require.True(t, ok)
	require.Same(t, e, te.Envelope())
	require.Equal(t, fe, te.FieldErrors())
	require.True(t, errors.Is(te.FieldErrors(), cloudtrail.ErrConvert))

	withErrs, ok := v.(interface{ FieldErrors() cloudtrail.FieldErrors })
	require.True(t, ok)
	require.Len(t, withErrs.FieldErrors(), 1)

	// The envelope's fields and methods are promoted.
	require.Equal(t, "GetJob", typed.EventName)
	require.Equal(t, "1712252725875-defhgi", typed.Response.ID)
	require.Equal(t, "role/MediaJobWatcherRole (session media-job-watcher)", typed.Actor().String())

	// A clean decode has no errors.
	clean := &cloudtrail.Typed[jobRequest, jobResponse]{Event: e}
	require.Empty(t, clean.FieldErrors())
	require.Nil(t, clean.Request)
	require.Nil(t, clean.Response)

	// Both methods are safe on a nil pointer.
	var none *cloudtrail.Typed[jobRequest, jobResponse]
	require.Nil(t, none.FieldErrors())
	require.Nil(t, none.Envelope())
}

func TestJoinPath(t *testing.T) {
	tests := []struct{ path, elem, want string }{
		{"", "requestParameters", "requestParameters"},
		{"requestParameters", "settings", "requestParameters.settings"},
		{"requestParameters.settings", "outputGroups", "requestParameters.settings.outputGroups"},
		{"requestParameters.settings.outputGroups", "[0]", "requestParameters.settings.outputGroups[0]"},
		{"requestParameters.settings.outputGroups[0]", "outputGroupSettings", "requestParameters.settings.outputGroups[0].outputGroupSettings"},
		{"resources", "[12]", "resources[12]"},
		{"", "[0]", "[0]"},
		// Names that would make the path ambiguous are quoted.
		{"", "", `[""]`},
		{"requestParameters", "", `requestParameters[""]`},
		{"requestParameters", "a.b", `requestParameters["a.b"]`},
		{"requestParameters", "[x]", `requestParameters["[x]"]`},
		{"requestParameters", `say "hi"`, `requestParameters["say \"hi\""]`},
		{"requestParameters", "tab\t", `requestParameters["tab\t"]`},
		{"requestParameters", "x-amz-date", "requestParameters.x-amz-date"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, cloudtrail.JoinPath(tt.path, tt.elem), "JoinPath(%q, %q)", tt.path, tt.elem)
	}
}

func TestRawMembers(t *testing.T) {
	m := cloudtrail.RawMembers{
		{Name: "Tags", Value: json.RawMessage(`{"CostCenter":"Example-Tag"}`)},
		{Name: "encryption", Value: json.RawMessage(`"***"`)},
		{Name: "tags", Value: json.RawMessage(`{}`)},
	}
	v, ok := m.Get("tags")
	require.True(t, ok)
	require.Equal(t, `{"CostCenter":"Example-Tag"}`, string(v), "the first match, whatever its case")
	v, ok = m.Get("ENCRYPTION")
	require.True(t, ok)
	require.Equal(t, `"***"`, string(v))
	_, ok = m.Get("encryptio")
	require.False(t, ok)
	_, ok = cloudtrail.RawMembers(nil).Get("tags")
	require.False(t, ok)
}

func TestRawMembersGetFoldsASCIIOnly(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Tags", "tags", true},
		{"requestParameters", "RequestParameters", true},
		{"sharedEventID", "sharedEventId", true},
		{"", "", true},
		{"tags", "tag", false},
		{"tags", "tagz", false},
		{"[", "{", false}, // '[' and '{' differ by 0x20 but are no letters
		{"@", "`", false},
		{"é", "É", false}, // non-ASCII bytes must match exactly
		{"é", "é", true},
		{"K", "\u212a", false}, // the Kelvin sign folds to k in Unicode, not in ASCII
	}
	for _, tt := range tests {
		members := cloudtrail.RawMembers{{Name: tt.a, Value: json.RawMessage(`1`)}}
		_, found := members.Get(tt.b)
		require.Equal(t, tt.want, found, "RawMembers{%q}.Get(%q)", tt.a, tt.b)
	}
}

func TestPtr(t *testing.T) {
	s := cloudtrail.Ptr("x")
	require.Equal(t, "x", *s)
	require.NotSame(t, s, cloudtrail.Ptr("x"))
	require.Equal(t, int32(5), *cloudtrail.Ptr[int32](5))
}
