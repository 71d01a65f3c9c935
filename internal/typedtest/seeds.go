package typedtest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// Seed is one fixture record of a service.
type Seed struct {
	Name  string // such as "records/mediaconvert/CreateJob-2017.json" or "trails/x.json#2"
	Event *cloudtrail.Event
}

// Seeds returns every fixture record of a service, in the order of
// Records: the files directly under testdata/records/<service>/ and the
// records of testdata/trails/*.json whose event source is eventSource.
// Every record it looks at must parse.
func Seeds(tb testing.TB, service, eventSource string) []Seed {
	tb.Helper()
	dir := "records/" + service + "/"
	var seeds []Seed
	for _, rec := range Records(tb) {
		name, _ := strings.CutPrefix(rec.Name, "testdata/")
		file, inDir := strings.CutPrefix(name, dir)
		inDir = inDir && !strings.Contains(file, "/")
		inTrail := strings.HasPrefix(name, "trails/")
		if !inDir && !inTrail {
			continue
		}
		e, err := cloudtrail.Parse(rec.Data)
		require.NoError(tb, err, rec.Name)
		if inTrail && cloudtrail.CanonicalEventSource(e.EventSource) != eventSource {
			continue
		}
		seeds = append(seeds, Seed{Name: name, Event: e})
	}
	return seeds
}

// CheckSeedsDecode checks that a service has seeds (see Seeds), and that
// each is a record of eventSource (or of one of more, the further event
// sources of the package) that decodes to its typed event of the package
// pkgPath (see CheckTyped).
func CheckSeedsDecode(t *testing.T, service, eventSource, pkgPath string, more ...string) {
	t.Helper()
	seeds := Seeds(t, service, eventSource)
	require.NotEmpty(t, seeds)
	for _, s := range seeds {
		t.Run(s.Name, func(t *testing.T) {
			require.Contains(t, append([]string{eventSource}, more...), s.Event.EventSource)
			v, err := cloudtrail.Decode(s.Event)
			require.NoError(t, err)
			CheckTyped(t, pkgPath, s.Event, v)
		})
	}
}

// CheckTyped asserts that v is the typed event of e's operation in the
// package pkgPath (a *cloudtrail.Typed[<Op>Request, <Op>Response]),
// decoded without field errors but redactions, with a request and a
// response exactly when the record has them.
func CheckTyped(t *testing.T, pkgPath string, e *cloudtrail.Event, v any) {
	t.Helper()
	typ := reflect.TypeOf(v)
	require.NotNil(t, typ)
	require.Equal(t, reflect.Pointer, typ.Kind(), "%T", v)
	st := typ.Elem()
	req, ok := st.FieldByName("Request")
	require.True(t, ok, "%T has no Request", v)
	resp, ok := st.FieldByName("Response")
	require.True(t, ok, "%T has no Response", v)
	require.Equal(t, pkgPath, req.Type.Elem().PkgPath(), "%T", v)
	// The WebSocket forms of the streaming calls decode to the calls' types.
	require.Contains(t, []string{e.EventName + "Request", strings.TrimSuffix(e.EventName, "WebSocket") + "Request"}, req.Type.Elem().Name(), "%T", v)

	te, ok := v.(cloudtrail.TypedEvent)
	require.True(t, ok, "%T is no cloudtrail.TypedEvent", v)
	require.Same(t, e, te.Envelope())
	RequireOnlyRedactions(t, te.FieldErrors())

	val := reflect.ValueOf(v).Elem()
	require.Equal(t, len(e.RequestParameters) > 0, !val.FieldByIndex(req.Index).IsNil(), "request")
	if resp.Type.Elem().NumField() > 0 {
		require.Equal(t, len(e.ResponseElements) > 0, !val.FieldByIndex(resp.Index).IsNil(), "response")
	}
}

// redactions are the values CloudTrail writes in place of sensitive ones,
// whatever type the model gives the member.
var redactions = map[string]bool{`"***"`: true, `"HIDDEN_DUE_TO_SECURITY_REASONS"`: true}

// RequireOnlyRedactions asserts that every field error is a value that
// CloudTrail redacted, and, when paths are given, that each is at one of
// those paths. Every other value of the record converts to its field.
func RequireOnlyRedactions(t *testing.T, errs cloudtrail.FieldErrors, paths ...string) {
	t.Helper()
	for _, fe := range errs {
		require.True(t, redactions[fe.Raw], "field error of a value CloudTrail did not redact: %v", fe)
		if len(paths) > 0 {
			require.Contains(t, paths, fe.Path, "redacted value at an unexpected path: %v", fe)
		}
	}
}

// recordKey identifies a record across fixture files.
type recordKey struct {
	name, id string
	time     time.Time
}

// CheckSeedValues runs the value checks of a service's seeds (see Seeds),
// each on the typed event of its seed: a seed's own check (by its name),
// or for a record of a trail that is also a record file (the same event
// name, id and time) the check of that file. Every seed must have values
// asserted, and every check must find its fixture.
func CheckSeedValues(t *testing.T, service, eventSource string, checks map[string]func(*testing.T, any)) {
	t.Helper()
	seeds := Seeds(t, service, eventSource)
	files := make(map[recordKey]string)
	for _, s := range seeds {
		if strings.HasPrefix(s.Name, "records/") {
			files[recordKey{s.Event.EventName, s.Event.EventID, s.Event.EventTime}] = s.Name
		}
	}
	used := make(map[string]bool)
	for _, s := range seeds {
		name := s.Name
		if _, ok := checks[name]; !ok {
			if f, ok := files[recordKey{s.Event.EventName, s.Event.EventID, s.Event.EventTime}]; ok {
				name = f
			}
		}
		check, ok := checks[name]
		used[name] = true
		t.Run(s.Name, func(t *testing.T) {
			require.True(t, ok, "no values asserted for fixture %s", s.Name)
			v, err := cloudtrail.Decode(s.Event)
			require.NoError(t, err)
			check(t, v)
		})
	}
	for name := range checks {
		if !used[name] {
			t.Errorf("fixture %s is missing", name)
		}
	}
}
