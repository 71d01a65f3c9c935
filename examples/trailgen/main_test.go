package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// runTrailgen runs the command and returns its exit status and output.
func runTrailgen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// events reads the records of a log file, gzipped or not.
func events(t *testing.T, data []byte) []*cloudtrail.Event {
	t.Helper()
	var out []*cloudtrail.Event
	for e, err := range cloudtrail.NewReader(bytes.NewReader(data)).All() {
		require.NoError(t, err)
		out = append(out, e)
	}
	return out
}

func TestLogFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "trail.json.gz")
	code, out, errs := runTrailgen(t, "-records", "300", "-media", "0.2", "-gzip", "-seed", "5", "-o", name)
	require.Equal(t, 0, code, errs)
	require.Empty(t, out)
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	require.Equal(t, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 5, Records: 300, MediaFraction: 0.2, Gzip: true}), data)
	require.Len(t, events(t, data), 300)

	// To standard output, with an account, a region and a start.
	code, out, errs = runTrailgen(t, "-records", "20", "-account", "444455556666", "-region", "eu-west-1", "-start", "2024-07-01T10:00:00Z")
	require.Equal(t, 0, code, errs)
	evs := events(t, []byte(out))
	require.Len(t, evs, 20)
	for _, e := range evs {
		require.Equal(t, "444455556666", e.RecipientAccountID)
		require.Equal(t, "eu-west-1", e.AWSRegion)
		require.WithinDuration(t, time.Date(2024, 7, 1, 10, 0, 0, 0, time.UTC), e.EventTime, time.Minute)
	}
}

func TestS3Layout(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runTrailgen(t, "-s3", dir, "-records", "10", "-accounts", "111122223333,444455556666",
		"-regions", "us-east-1,eu-west-1", "-days", "2", "-files", "3", "-start", "2024-06-01", "-org", "o-exampleorgid")
	require.Equal(t, 0, code, errs)
	keys := strings.Fields(out)
	require.Len(t, keys, 2*2*2*3)
	want := cloudtrailtest.S3LayoutKeys(cloudtrailtest.S3LayoutConfig{
		Trail:        cloudtrailtest.TrailConfig{Seed: 1, Records: 10},
		Accounts:     []string{"111122223333", "444455556666"},
		Regions:      []string{"us-east-1", "eu-west-1"},
		Start:        time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		Days:         2,
		FilesPerDay:  3,
		Organization: "o-exampleorgid",
	})
	require.Equal(t, want, keys)
	for _, k := range keys {
		require.True(t, strings.HasPrefix(k, "AWSLogs/o-exampleorgid/"), k)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(k)))
		require.NoError(t, err)
		require.Len(t, events(t, data), 10, k)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-records", "10", "-bytes", "100"},
		{"-records", "-1"},
		{"-start", "yesterday"},
		{"extra"},
		{"-s3", t.TempDir(), "-files", "289"},
		{"-s3", t.TempDir(), "-days", "0"},
		{"-s3", t.TempDir(), "-regions", "us_east_1"},
		{"-s3", t.TempDir(), "-accounts", "111122223333,111122223333"},
		{"-s3", t.TempDir(), "-account", "111122223333"},
		{"-nosuchflag"},
	} {
		code, _, errs := runTrailgen(t, args...)
		require.Equal(t, 2, code, "%q: %s", args, errs)
		require.Contains(t, errs, "usage: trailgen", "%q", args)
	}
	code, _, _ := runTrailgen(t, "-h")
	require.Equal(t, 0, code)

	// An output that cannot be written.
	code, _, errs := runTrailgen(t, "-o", filepath.Join(t.TempDir(), "no", "such", "dir", "trail.json"))
	require.Equal(t, 1, code)
	require.Contains(t, errs, "trailgen: ")
}
