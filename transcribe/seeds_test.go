package transcribe

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// seed is one fixture record of the service.
type seed struct {
	name  string // such as "records/mediaconvert/CreateJob-2017.json" or "trails/x.json#2"
	event *cloudtrail.Event
}

// loadSeeds returns every fixture record of the service: the files under
// testdata/records/<service>/ and the records of testdata/trails/*.json
// whose event source is the service's.
func loadSeeds(t *testing.T, service, eventSource string) []seed {
	t.Helper()
	var seeds []seed
	files, err := filepath.Glob(filepath.Join("..", "testdata", "records", service, "*.json"))
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		e, err := cloudtrail.Parse(data)
		require.NoError(t, err, f)
		seeds = append(seeds, seed{name: "records/" + service + "/" + filepath.Base(f), event: e})
	}
	trails, err := filepath.Glob(filepath.Join("..", "testdata", "trails", "*.json"))
	require.NoError(t, err)
	for _, f := range trails {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var trail struct{ Records []json.RawMessage }
		require.NoError(t, json.Unmarshal(data, &trail), f)
		for i, raw := range trail.Records {
			e, err := cloudtrail.Parse(raw)
			require.NoError(t, err, "%s record %d", f, i)
			if e.EventSource != eventSource {
				continue
			}
			seeds = append(seeds, seed{name: "trails/" + filepath.Base(f) + "#" + strconv.Itoa(i), event: e})
		}
	}
	return seeds
}

// checkTyped asserts that v is the typed event of e's operation in this
// package (a *cloudtrail.Typed[<Op>Request, <Op>Response]), decoded without
// field errors, with a request and a response exactly when the record has
// them.
func checkTyped(t *testing.T, e *cloudtrail.Event, v any) {
	t.Helper()
	typ := reflect.TypeOf(v)
	require.NotNil(t, typ)
	require.Equal(t, reflect.Pointer, typ.Kind(), "%T", v)
	st := typ.Elem()
	req, ok := st.FieldByName("Request")
	require.True(t, ok, "%T has no Request", v)
	resp, ok := st.FieldByName("Response")
	require.True(t, ok, "%T has no Response", v)
	pkg := reflect.TypeFor[JobSummary]().PkgPath()
	require.Equal(t, pkg, req.Type.Elem().PkgPath(), "%T", v)
	require.Equal(t, e.EventName+"Request", req.Type.Elem().Name(), "%T", v)

	te, ok := v.(cloudtrail.TypedEvent)
	require.True(t, ok, "%T is no cloudtrail.TypedEvent", v)
	require.Same(t, e, te.Envelope())
	requireOnlyRedactions(t, te.FieldErrors())

	val := reflect.ValueOf(v).Elem()
	require.Equal(t, len(e.RequestParameters) > 0, !val.FieldByIndex(req.Index).IsNil(), "request")
	if resp.Type.Elem().NumField() > 0 {
		require.Equal(t, len(e.ResponseElements) > 0, !val.FieldByIndex(resp.Index).IsNil(), "response")
	}
}

// redactions are the values CloudTrail writes in place of sensitive ones,
// whatever type the model gives the member.
var redactions = map[string]bool{`"***"`: true, `"HIDDEN_DUE_TO_SECURITY_REASONS"`: true}

// requireOnlyRedactions asserts that every field error is a value that
// CloudTrail redacted, and, when paths are given, that each is at one of
// those paths. Every other value of the record converts to its field.
func requireOnlyRedactions(t *testing.T, errs cloudtrail.FieldErrors, paths ...string) {
	t.Helper()
	for _, fe := range errs {
		require.True(t, redactions[fe.Raw], "field error of a value CloudTrail did not redact: %v", fe)
		if len(paths) > 0 {
			require.Contains(t, paths, fe.Path, "redacted value at an unexpected path: %v", fe)
		}
	}
}

func TestSeedsDecode(t *testing.T) {
	seeds := loadSeeds(t, "transcribe", EventSource)
	require.NotEmpty(t, seeds)
	for _, s := range seeds {
		t.Run(s.name, func(t *testing.T) {
			require.Equal(t, EventSource, s.event.EventSource)
			v, err := cloudtrail.Decode(s.event)
			require.NoError(t, err)
			checkTyped(t, s.event, v)
		})
	}
}

func TestSeedValues(t *testing.T) {
	seeds := loadSeeds(t, "transcribe", EventSource)
	byName := make(map[string]*cloudtrail.Event)
	for _, s := range seeds {
		byName[s.name] = s.event
	}
	const (
		name     = "support-call-20231102-0001"
		mediaURI = "s3://media-input.example.com/calls/support-call-20231102-0001.flac"
		actor    = "role/TranscribeWorkerRole (session transcribe-worker)"
	)
	created := time.Date(2023, 11, 2, 0, 59, 45, 712e6, time.UTC)

	start := func(t *testing.T, v any) {
		ev, ok := v.(*StartTranscriptionJobEvent)
		require.True(t, ok, "%T", v)
		require.Equal(t, actor, ev.Actor().String())
		require.Equal(t, time.Date(2023, 11, 2, 0, 59, 45, 0, time.UTC), ev.EventTime)
		req := ev.Request
		require.Equal(t, name, req.GetTranscriptionJobName())
		require.Equal(t, LanguageCodeEnUs, req.GetLanguageCode())
		require.Equal(t, MediaFormatFlac, req.GetMediaFormat())
		require.Equal(t, mediaURI, req.GetMedia().GetMediaFileUri())
		job := ev.Response.GetTranscriptionJob()
		require.Equal(t, TranscriptionJobStatusInProgress, job.GetTranscriptionJobStatus())
		require.Equal(t, "IN_PROGRESS", string(job.GetTranscriptionJobStatus()))
		require.Equal(t, created, job.GetCreationTime().Time)
		require.Equal(t, `"2023-11-02T00:59:45.712Z"`, job.GetCreationTime().Raw)
		require.Nil(t, job.GetTranscript())
		want := []JobSummary{{
			Kind:         KindTranscription,
			Name:         name,
			Status:       TranscriptionJobStatusInProgress,
			LanguageCode: "en-US",
			MediaURI:     mediaURI,
			MediaFormat:  "flac",
			CreatedAt:    created,
		}}
		if diff := cmp.Diff(want, Jobs(ev)); diff != "" {
			t.Errorf("Jobs (-want +got):\n%s", diff)
		}
	}
	get := func(t *testing.T, v any) {
		ev, ok := v.(*GetTranscriptionJobEvent)
		require.True(t, ok, "%T", v)
		require.Equal(t, actor, ev.Actor().String())
		require.Equal(t, name, ev.Request.GetTranscriptionJobName())
		job := ev.Response.GetTranscriptionJob()
		require.Equal(t, TranscriptionJobStatusCompleted, job.GetTranscriptionJobStatus())
		require.Equal(t, "COMPLETED", string(job.GetTranscriptionJobStatus()))
		require.False(t, job.GetSettings().GetChannelIdentification())
		require.False(t, job.GetSettings().GetShowAlternatives())
		require.Equal(t, created, job.GetCreationTime().Time)
		want := []JobSummary{{
			Kind:          KindTranscription,
			Name:          name,
			Status:        TranscriptionJobStatusCompleted,
			LanguageCode:  "en-US",
			MediaURI:      mediaURI,
			MediaFormat:   "flac",
			TranscriptURI: "https://s3.us-east-1.amazonaws.com/media-output.example.com/transcripts/support-call-20231102-0001.json",
			CreatedAt:     created,
		}}
		if diff := cmp.Diff(want, Jobs(ev)); diff != "" {
			t.Errorf("Jobs (-want +got):\n%s", diff)
		}
	}
	tests := []struct {
		seed  string
		check func(t *testing.T, v any)
	}{
		{"records/transcribe/StartTranscriptionJob.json", start},
		{"records/transcribe/GetTranscriptionJob.json", get},
		{"trails/transcribe-log.json#0", start},
		{"trails/transcribe-log.json#1", get},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			e, ok := byName[tt.seed]
			require.True(t, ok, "fixture %s is missing", tt.seed)
			v, err := cloudtrail.Decode(e)
			require.NoError(t, err)
			tt.check(t, v)
		})
	}
}
