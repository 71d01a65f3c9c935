package elastictranscoder

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
	seeds := loadSeeds(t, "elastictranscoder", EventSource)
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
	seeds := loadSeeds(t, "elastictranscoder", EventSource)
	byName := make(map[string]*cloudtrail.Event)
	for _, s := range seeds {
		byName[s.name] = s.event
	}
	at := func(hms string) time.Time {
		tm, err := time.Parse(time.RFC3339, "2014-09-29T"+hms+"Z")
		require.NoError(t, err)
		return tm
	}
	const actor = "user/smithj"

	createJob := func(t *testing.T, v any) {
		ev, ok := v.(*CreateJobEvent)
		require.True(t, ok, "%T", v)
		require.Equal(t, at("19:29:02"), ev.EventTime)
		require.Equal(t, actor, ev.Actor().String())
		req := ev.Request
		require.Equal(t, "1234-pipeline-example", req.GetPipelineId())
		require.Equal(t, "source/audio/cheesytoast.wav", req.GetInput().GetKey())
		require.Equal(t, "auto", req.GetInput().GetFrameRate())
		require.Equal(t, "auto", req.GetInput().GetContainer())
		require.Equal(t, "1234-preset-example", req.GetOutput().GetPresetId())
		require.Equal(t, "output/testing-toast.mp4", req.GetOutput().GetKey())
		require.Equal(t, "", req.GetOutput().GetThumbnailPattern())
		require.NotNil(t, req.GetOutput().ThumbnailPattern, "an empty thumbnailPattern is kept as set")

		job := ev.Response.GetJob()
		require.Equal(t, "1234-job-example", job.GetId())
		require.Equal(t, "arn:aws:elastictranscoder:us-east-2:111122223333:job/1234-job-example", job.GetArn())
		require.Equal(t, StatusSubmitted, job.GetStatus())
		require.Empty(t, job.GetPlaylists())
		require.Len(t, job.GetOutputs(), 1)
		require.Equal(t, "1", job.GetOutputs()[0].GetId())
		require.Equal(t, StatusSubmitted, job.GetOutputs()[0].GetStatus())
		require.Empty(t, job.GetOutputs()[0].GetWatermarks())
		require.Equal(t, "auto", job.GetOutput().GetRotate())

		want := []JobSummary{{
			ID:         "1234-job-example",
			ARN:        "arn:aws:elastictranscoder:us-east-2:111122223333:job/1234-job-example",
			PipelineID: "1234-pipeline-example",
			Status:     StatusSubmitted,
			InputKey:   "source/audio/cheesytoast.wav",
			Outputs: []OutputSummary{{
				ID:       "1",
				Key:      "output/testing-toast.mp4",
				PresetID: "1234-preset-example",
				Status:   StatusSubmitted,
			}},
		}}
		got := Jobs(ev)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Jobs (-want +got):\n%s", diff)
		}
		require.Equal(t, []string{"1234-preset-example"}, got[0].PresetIDs())
	}
	listJobsByStatus := func(t *testing.T, v any) {
		ev, ok := v.(*ListJobsByStatusEvent)
		require.True(t, ok, "%T", v)
		require.Equal(t, at("19:29:18"), ev.EventTime)
		require.Equal(t, StatusSubmitted, ev.Request.GetStatus())
		require.Equal(t, "false", ev.Request.GetAscending())
		require.Nil(t, ev.Response)
		require.Nil(t, Jobs(ev), "CloudTrail leaves the jobs listed out")
	}
	readJob := func(t *testing.T, v any) {
		ev, ok := v.(*ReadJobEvent)
		require.True(t, ok, "%T", v)
		require.Equal(t, at("19:28:50"), ev.EventTime)
		require.Equal(t, "1412018849233-f2czlr", ev.Request.GetId())
		require.Nil(t, ev.Response)
		require.Equal(t, []JobSummary{{ID: "1412018849233-f2czlr"}}, Jobs(ev))
	}
	deletePreset := func(t *testing.T, v any) {
		ev, ok := v.(*DeletePresetEvent)
		require.True(t, ok, "%T", v)
		require.Equal(t, at("19:29:18"), ev.EventTime)
		require.Equal(t, "1234-preset-example", ev.Request.GetId())
		require.Equal(t, []PresetSummary{{ID: "1234-preset-example"}}, Presets(ev))
		require.Nil(t, Jobs(ev))
	}
	deletePipeline := func(t *testing.T, v any) {
		ev, ok := v.(*DeletePipelineEvent)
		require.True(t, ok, "%T", v)
		require.Equal(t, at("19:29:01"), ev.EventTime)
		require.Equal(t, "1412018848038-nkomx0", ev.Request.GetId())
		require.Equal(t, []PipelineSummary{{ID: "1412018848038-nkomx0"}}, Pipelines(ev))
	}
	tests := []struct {
		seed  string
		check func(t *testing.T, v any)
	}{
		{"records/elastictranscoder/CreateJob.json", createJob},
		{"records/elastictranscoder/ListJobsByStatus.json", listJobsByStatus},
		{"records/elastictranscoder/ReadJob.json", readJob},
		{"records/elastictranscoder/DeletePreset.json", deletePreset},
		{"records/elastictranscoder/DeletePipeline.json", deletePipeline},
		{"trails/elastictranscoder-log.json#0", createJob},
		{"trails/elastictranscoder-log.json#1", listJobsByStatus},
		{"trails/elastictranscoder-log.json#2", readJob},
		{"trails/elastictranscoder-log.json#3", deletePreset},
		{"trails/elastictranscoder-log.json#4", deletePipeline},
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
