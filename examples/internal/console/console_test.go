package console

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain José":            "plain José",
		"a\tb\nc":               `a\tb\nc`,
		"\x1b[31mred\u2028":     `\x1b[31mred\u2028`,
		"bad \xff byte, \u0085": `bad ` + "\uFFFD" + ` byte, \u0085`,
	} {
		require.Equal(t, want, Printable(in), "%q", in)
	}
}

func TestStartProgress(t *testing.T) {
	var mu sync.Mutex
	var out bytes.Buffer
	calls := make(chan struct{}, 100)
	stop := StartProgress(&out, &mu, time.Millisecond, func(elapsed time.Duration) string {
		calls <- struct{}{}
		return "progress"
	})
	<-calls
	<-calls
	stop()
	mu.Lock()
	defer mu.Unlock()
	require.True(t, strings.HasPrefix(out.String(), "progress\nprogress\n"), "%q", out.String())
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	trail := filepath.Join(dir, "a.json.gz")
	require.NoError(t, os.WriteFile(trail, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 1, Records: 50, Gzip: true}), 0o644))
	damaged := filepath.Join(dir, "b.jsonl")
	require.NoError(t, os.WriteFile(damaged, []byte(`{"eventVersion":"1.08","eventName":"A"}`+"\n"+`{"eventVersion":oops}`+"\n"+`{"eventVersion":"1.08","eventName":"B"}`+"\n"), 0o644))
	digest := filepath.Join(dir, "c.json")
	require.NoError(t, os.WriteFile(digest, cloudtrailtest.DigestFile("bucket", time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), "a.json.gz"), 0o644))
	gz := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 3, Records: 200, Gzip: true})
	cut := filepath.Join(dir, "d.json.gz")
	require.NoError(t, os.WriteFile(cut, gz[:len(gz)/2], 0o644))
	missing := filepath.Join(dir, "missing.json")
	stdin := `{"eventVersion":"1.08","eventName":"C"}` + "\n" + `{"eventVersion":`

	in := OpenInputs([]string{dir, missing, "-"}, strings.NewReader(stdin), 2, "standard input")
	defer in.Close()
	var warnings []string
	events := make(map[string][]string) // event names by input
	for e := range in.Events(func(msg string) { warnings = append(warnings, msg) }) {
		events[in.Name()] = append(events[in.Name()], e.EventName)
	}
	require.Len(t, events[trail], 50)
	require.Equal(t, []string{"A", "B"}, events[damaged])
	require.Equal(t, []string{"C"}, events["standard input"])
	require.Len(t, events, 4)

	require.Len(t, warnings, 5, "%q", warnings)
	require.Contains(t, warnings, "stat "+missing+": no such file or directory")
	var prefixes []string
	for _, w := range warnings {
		name, _, _ := strings.Cut(w, ": ")
		prefixes = append(prefixes, name)
	}
	require.ElementsMatch(t, []string{"stat " + missing, damaged, digest, cut, "standard input"}, prefixes)
	for _, w := range warnings {
		if strings.HasPrefix(w, digest+": ") {
			require.True(t, strings.HasPrefix(w, digest+": skipped: "), w)
		}
	}
	require.Equal(t, 1, in.NotRecords)
	require.Equal(t, 2, in.BadRecords, "the damaged record of b.jsonl and the cut one of standard input")
	require.Equal(t, 2, in.Failed, "the missing file and the cut gzip file")
	require.ErrorContains(t, in.Err(), "truncated")

	// Standard input has no size: only the bytes read are told.
	line := in.ProgressLine(2*time.Second, "7 events")
	require.Regexp(t, `^6 of 6 inputs, 0\.\d MB read in 2s \(0 MB/s\), 7 events; latest from `, line)
}

func TestInputsProgress(t *testing.T) {
	dir := t.TempDir()
	var size int64
	for _, name := range []string{"a.json", "b.json"} {
		data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 2, Bytes: 300 << 10})
		size += int64(len(data))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	in := OpenInputs([]string{dir}, nil, 2, "-")
	defer in.Close()
	require.NotContains(t, in.ProgressLine(time.Second, "0 events"), "latest from", "no event yet")
	n := 0
	for range in.Events(func(msg string) { t.Error(msg) }) {
		n++
	}
	require.NoError(t, in.Err())
	mb := float64(size) / 1e6
	want := fmt.Sprintf("2 of 2 inputs, %.1f of %.1f MB read in 2s (%.0f MB/s), %d events; latest from %s", mb, mb, mb/2, n, in.Name())
	require.Equal(t, want, in.ProgressLine(2*time.Second, fmt.Sprintf("%d events", n)))
	require.Contains(t, []string{filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")}, in.Name())
}

func TestSplitList(t *testing.T) {
	for in, want := range map[string][]string{
		"":                        nil,
		" , ,":                    nil,
		"a":                       {"a"},
		" aws.mediaconvert ,b,,c": {"aws.mediaconvert", "b", "c"},
	} {
		require.Equal(t, want, SplitList(in), "%q", in)
	}
}
