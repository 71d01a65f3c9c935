package cloudtrailtest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/gzip"
	"github.com/stretchr/testify/require"
	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

// trailMediaSources are the event sources of the media services the trails
// have events of.
var trailMediaSources = []string{mediaconvert.EventSource, transcribe.EventSource, elastictranscoder.EventSource, mediatailor.EventSource}

func TestTrailDeterministic(t *testing.T) {
	cfg := cloudtrailtest.TrailConfig{Seed: 7, Records: 500}
	a, b := cloudtrailtest.Trail(cfg), cloudtrailtest.Trail(cfg)
	require.True(t, bytes.Equal(a, b), "equal configurations give different trails")
	var w bytes.Buffer
	require.NoError(t, cloudtrailtest.WriteTrail(&w, cfg))
	require.True(t, bytes.Equal(a, w.Bytes()), "WriteTrail and Trail differ")
	streamed := trailReadAll(t, cloudtrailtest.NewTrailReader(cfg))
	require.True(t, bytes.Equal(a, streamed), "NewTrailReader differs from Trail")
	cfg.Seed = 8
	require.False(t, bytes.Equal(a, cloudtrailtest.Trail(cfg)), "different seeds give the same trail")
}

// trailRecords decodes a trail with encoding/json.
func trailRecords(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var file struct{ Records []map[string]any }
	require.NoError(t, json.Unmarshal(data, &file), "the trail is no valid JSON log file")
	return file.Records
}

func TestTrailValidRecords(t *testing.T) {
	data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 1, Records: 1500, MediaFraction: 0.2})
	recs := trailRecords(t, data)
	require.Len(t, recs, 1500)
	var prev time.Time
	identities := map[string]int{}
	sources := map[string]int{}
	r := cloudtrail.NewReader(bytes.NewReader(data))
	for i, rec := range recs {
		// Plain checks: testify's, in this loop, would take most of the
		// test's time.
		for _, k := range []string{"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestID", "eventID", "eventType", "recipientAccountId", "eventCategory"} {
			if _, ok := rec[k]; !ok {
				t.Fatalf("record %d has no %s", i, k)
			}
		}
		e, err := r.Next()
		require.NoError(t, err, "record %d", i)
		if len(e.EnvelopeErrors) > 0 {
			t.Fatalf("record %d: envelope errors %v", i, e.EnvelopeErrors)
		}
		if e.EventTime.Before(prev) {
			t.Fatalf("record %d goes back in time", i)
		}
		prev = e.EventTime
		if e.Actor().String() == "unknown" {
			t.Fatalf("record %d: no actor", i)
		}
		if e.RecipientAccountID != "111122223333" {
			t.Fatalf("record %d: recipientAccountId %q", i, e.RecipientAccountID)
		}
		identities[e.UserIdentity.Type]++
		sources[e.EventSource]++
	}
	for _, typ := range []string{"IAMUser", "AssumedRole", "AWSService", "IdentityCenterUser"} {
		require.NotZero(t, identities[typ], "no %s identities", typ)
	}
	for _, src := range append(trailMediaSources, "s3.amazonaws.com", "ec2.amazonaws.com", "iam.amazonaws.com", "sts.amazonaws.com", "lambda.amazonaws.com", "kms.amazonaws.com", "monitoring.amazonaws.com", "dynamodb.amazonaws.com") {
		require.NotZero(t, sources[src], "no records of %s", src)
	}
}

// trailPairs returns "source name" for each record of a trail.
func trailPairs(t *testing.T, data []byte) []string {
	t.Helper()
	require.True(t, gjson.ValidBytes(data), "the trail is no valid JSON")
	var out []string
	gjson.GetBytes(data, "Records").ForEach(func(_, rec gjson.Result) bool {
		out = append(out, rec.Get("eventSource").Str+" "+rec.Get("eventName").Str)
		return true
	})
	return out
}

func trailIsMedia(pair string) bool {
	for _, s := range trailMediaSources {
		if strings.HasPrefix(pair, s+" ") {
			return true
		}
	}
	return false
}

func TestTrailMediaEvents(t *testing.T) {
	recs := trailPairs(t, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 2, Records: 8000}))
	names := map[string]bool{}
	n := 0
	for _, p := range recs {
		if trailIsMedia(p) {
			n++
			names[p] = true
		}
	}
	require.InDelta(t, cloudtrailtest.DefaultMediaFraction, float64(n)/float64(len(recs)), 0.01, "media ratio")
	want := map[string]bool{}
	for _, p := range []string{
		"mediaconvert.amazonaws.com CreateJob", "mediaconvert.amazonaws.com GetJob", "mediaconvert.amazonaws.com ListJobs",
		"transcribe.amazonaws.com StartTranscriptionJob", "transcribe.amazonaws.com GetTranscriptionJob",
		"elastictranscoder.amazonaws.com CreateJob", "elastictranscoder.amazonaws.com ReadJob",
		"mediatailor.amazonaws.com GetPlaybackConfiguration", "mediatailor.amazonaws.com PutPlaybackConfiguration",
	} {
		want[p] = true
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("media events (-want +got):\n%s", diff)
	}
	for frac, want := range map[float64]float64{-1: 0, 1: 1, 0.5: 0.5} {
		recs := trailPairs(t, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 3, Records: 1000, MediaFraction: frac}))
		n := 0
		for _, p := range recs {
			if trailIsMedia(p) {
				n++
			}
		}
		require.InDelta(t, want, float64(n)/float64(len(recs)), 0.05, "MediaFraction %v", frac)
	}
}

func TestTrailSizes(t *testing.T) {
	data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 4, Bytes: 2 << 20})
	d := len(data) - 2<<20
	require.True(t, d >= 0 && d <= 64<<10, "asked for 2 MiB, got %d bytes", len(data))
	var file struct{ Records []json.RawMessage }
	require.NoError(t, json.Unmarshal(data, &file))
	avg := len(data) / len(file.Records)
	require.True(t, avg >= 1000 && avg <= 3000, "average record size %d bytes, want 1-3 KB", avg)
	largest := 0
	for _, rec := range file.Records {
		largest = max(largest, len(rec))
	}
	require.GreaterOrEqual(t, largest, 8000, "want some large records")
	require.Len(t, trailRecords(t, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 5})), cloudtrailtest.DefaultTrailRecords, "empty TrailConfig")
}

func TestTrailGzip(t *testing.T) {
	cfg := cloudtrailtest.TrailConfig{Seed: 6, Records: 300}
	plain := cloudtrailtest.Trail(cfg)
	cfg.Gzip = true
	for name, z := range map[string][]byte{
		"Trail":          cloudtrailtest.Trail(cfg),
		"NewTrailReader": trailReadAll(t, cloudtrailtest.NewTrailReader(cfg)),
	} {
		zr, err := gzip.NewReader(bytes.NewReader(z))
		require.NoError(t, err, name)
		got := trailReadAll(t, zr)
		require.True(t, bytes.Equal(got, plain), "%s: the gzipped trail differs from the plain one", name)
	}
}

func trailReadAll(t *testing.T, r io.Reader) []byte {
	t.Helper()
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	return b
}

// trailEvents reads every record of a trail with a cloudtrail.Reader.
func trailEvents(t *testing.T, data []byte) []*cloudtrail.Event {
	t.Helper()
	var events []*cloudtrail.Event
	for e, err := range cloudtrail.NewReader(bytes.NewReader(data)).All() {
		require.NoError(t, err)
		events = append(events, e)
	}
	return events
}

func TestTrailStart(t *testing.T) {
	start := time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)
	events := trailEvents(t, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 9, Records: 1, Start: start}))
	require.Len(t, events, 1)
	d := events[0].EventTime.Sub(start)
	require.True(t, d >= 0 && d <= 2*time.Second, "first record at %v, want near %v", events[0].EventTime, start)
}

func TestTrailAccountRegionEnd(t *testing.T) {
	start := time.Date(2024, 6, 3, 10, 0, 0, 0, time.UTC)
	end := start.Add(time.Hour)
	for _, cfg := range []cloudtrailtest.TrailConfig{
		{Seed: 10, Records: 2000, MediaFraction: 0.3},
		{Seed: 11, Bytes: 1 << 20, MediaFraction: 0.3},
		{Seed: 12, Records: 5},
	} {
		cfg.Start, cfg.End = start, end
		cfg.Account, cfg.Region = "444455556666", "eu-central-1"
		data := cloudtrailtest.Trail(cfg)
		require.NotContains(t, string(data), `"111122223333"`, "the default account in %+v", cfg)
		require.NotContains(t, string(data), "arn:aws:iam::111122223333:", "the default account in %+v", cfg)
		events := trailEvents(t, data)
		var prev time.Time
		for i, e := range events {
			got := [...]string{e.RecipientAccountID, e.AWSRegion, e.UserIdentity.AccountID}
			if got != [...]string{"444455556666", "eu-central-1", "444455556666"} && got != [...]string{"444455556666", "eu-central-1", ""} {
				t.Fatalf("record %d: account, region and caller's account %q", i, got)
			}
			if e.EventSource == "iam.amazonaws.com" {
				t.Fatalf("record %d: a global service outside us-east-1", i)
			}
			if e.EventTime.Before(start) || !e.EventTime.Before(end) {
				t.Fatalf("record %d at %v, outside [%v, %v)", i, e.EventTime, start, end)
			}
			if e.EventTime.Before(prev) {
				t.Fatalf("record %d goes back in time", i)
			}
			prev = e.EventTime
		}
		if cfg.Records > 0 {
			require.Len(t, events, cfg.Records)
		}
		// The records are spread over the period, not bunched at its start.
		if len(events) >= 100 {
			require.Greater(t, events[len(events)-1].EventTime.Sub(events[0].EventTime), 30*time.Minute)
		}
	}

	// In us-east-1, the global services are there.
	sources := map[string]bool{}
	for _, e := range trailEvents(t, cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 13, Records: 1000, Region: "us-east-1"})) {
		require.Equal(t, "us-east-1", e.AWSRegion)
		sources[e.EventSource] = true
	}
	require.True(t, sources["iam.amazonaws.com"], "no IAM events in us-east-1")
}

func TestTrailEndBeforeStart(t *testing.T) {
	start := time.Date(2024, 6, 3, 10, 0, 0, 0, time.UTC)
	cfg := cloudtrailtest.TrailConfig{Seed: 14, Records: 50, Start: start}
	want := cloudtrailtest.Trail(cfg)
	cfg.End = start.Add(-time.Hour)
	require.True(t, bytes.Equal(want, cloudtrailtest.Trail(cfg)), "an End before Start is not ignored")
}
