package trailgen_test

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/trailgen"
)

func TestDeterministic(t *testing.T) {
	cfg := trailgen.Config{Seed: 7, Records: 500}
	a, b := trailgen.Trail(cfg), trailgen.Trail(cfg)
	if !bytes.Equal(a, b) {
		t.Fatal("equal configurations give different trails")
	}
	var w bytes.Buffer
	if err := trailgen.Write(&w, cfg); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, w.Bytes()) {
		t.Fatal("Write and Trail differ")
	}
	streamed, err := io.ReadAll(trailgen.NewReader(cfg))
	if err != nil || !bytes.Equal(a, streamed) {
		t.Fatalf("NewReader differs from Trail (%v)", err)
	}
	cfg.Seed = 8
	if bytes.Equal(a, trailgen.Trail(cfg)) {
		t.Fatal("different seeds give the same trail")
	}
}

// records decodes a trail with encoding/json.
func records(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var file struct{ Records []map[string]any }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("the trail is no valid JSON log file: %v", err)
	}
	return file.Records
}

func TestValidRecords(t *testing.T) {
	data := trailgen.Trail(trailgen.Config{Seed: 1, Records: 1500, MediaFraction: 0.2})
	recs := records(t, data)
	if len(recs) != 1500 {
		t.Fatalf("got %d records, want 1500", len(recs))
	}
	var prev time.Time
	identities := map[string]int{}
	sources := map[string]int{}
	r := cloudtrail.NewReader(bytes.NewReader(data))
	for i, rec := range recs {
		for _, k := range []string{"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestID", "eventID", "eventType", "recipientAccountId", "eventCategory"} {
			if _, ok := rec[k]; !ok {
				t.Fatalf("record %d has no %s", i, k)
			}
		}
		e, err := r.Next()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if len(e.EnvelopeErrors) > 0 {
			t.Errorf("record %d: envelope errors %v", i, e.EnvelopeErrors)
		}
		if e.EventTime.Before(prev) {
			t.Errorf("record %d goes back in time", i)
		}
		prev = e.EventTime
		if e.Actor().String() == "unknown" {
			t.Errorf("record %d: no actor", i)
		}
		identities[e.UserIdentity.Type]++
		sources[e.EventSource]++
	}
	for _, typ := range []string{"IAMUser", "AssumedRole", "AWSService", "IdentityCenterUser"} {
		if identities[typ] == 0 {
			t.Errorf("no %s identities", typ)
		}
	}
	for _, src := range append(slices.Clone(trailgen.MediaSources), "s3.amazonaws.com", "ec2.amazonaws.com", "iam.amazonaws.com", "sts.amazonaws.com", "lambda.amazonaws.com", "kms.amazonaws.com", "monitoring.amazonaws.com", "dynamodb.amazonaws.com") {
		if sources[src] == 0 {
			t.Errorf("no records of %s", src)
		}
	}
}

// pairs returns "source name" for each record of a trail.
func pairs(t *testing.T, data []byte) []string {
	t.Helper()
	if !gjson.ValidBytes(data) {
		t.Fatal("the trail is no valid JSON")
	}
	var out []string
	gjson.GetBytes(data, "Records").ForEach(func(_, rec gjson.Result) bool {
		out = append(out, rec.Get("eventSource").Str+" "+rec.Get("eventName").Str)
		return true
	})
	return out
}

func isMedia(pair string) bool {
	for _, s := range trailgen.MediaSources {
		if strings.HasPrefix(pair, s+" ") {
			return true
		}
	}
	return false
}

func TestMediaEvents(t *testing.T) {
	recs := pairs(t, trailgen.Trail(trailgen.Config{Seed: 2, Records: 8000}))
	names := map[string]bool{}
	n := 0
	for _, p := range recs {
		if isMedia(p) {
			n++
			names[p] = true
		}
	}
	if ratio := float64(n) / float64(len(recs)); math.Abs(ratio-trailgen.DefaultMediaFraction) > 0.01 {
		t.Errorf("media ratio %.3f, want about %.2f", ratio, trailgen.DefaultMediaFraction)
	}
	for _, want := range []string{
		"mediaconvert.amazonaws.com CreateJob", "mediaconvert.amazonaws.com GetJob", "mediaconvert.amazonaws.com ListJobs",
		"transcribe.amazonaws.com StartTranscriptionJob", "transcribe.amazonaws.com GetTranscriptionJob",
		"elastictranscoder.amazonaws.com CreateJob", "elastictranscoder.amazonaws.com ReadJob",
		"mediatailor.amazonaws.com GetPlaybackConfiguration", "mediatailor.amazonaws.com PutPlaybackConfiguration",
	} {
		if !names[want] {
			t.Errorf("no %s events", want)
		}
	}
	for frac, want := range map[float64]float64{-1: 0, 1: 1, 0.5: 0.5} {
		recs := pairs(t, trailgen.Trail(trailgen.Config{Seed: 3, Records: 1000, MediaFraction: frac}))
		n := 0
		for _, p := range recs {
			if isMedia(p) {
				n++
			}
		}
		if got := float64(n) / float64(len(recs)); math.Abs(got-want) > 0.05 {
			t.Errorf("MediaFraction %v: ratio %.3f", frac, got)
		}
	}
}

func TestSizes(t *testing.T) {
	data := trailgen.Trail(trailgen.Config{Seed: 4, Bytes: 2 << 20})
	if d := len(data) - 2<<20; d < 0 || d > 64<<10 {
		t.Errorf("asked for 2 MiB, got %d bytes", len(data))
	}
	var file struct{ Records []json.RawMessage }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	avg := len(data) / len(file.Records)
	if avg < 1000 || avg > 3000 {
		t.Errorf("average record size %d bytes, want 1-3 KB", avg)
	}
	largest := 0
	for _, rec := range file.Records {
		largest = max(largest, len(rec))
	}
	if largest < 8000 {
		t.Errorf("largest record %d bytes; want some large ones", largest)
	}
	if n := len(records(t, trailgen.Trail(trailgen.Config{Seed: 5}))); n != trailgen.DefaultRecords {
		t.Errorf("empty Config: %d records, want %d", n, trailgen.DefaultRecords)
	}
}

func TestGzip(t *testing.T) {
	cfg := trailgen.Config{Seed: 6, Records: 300}
	plain := trailgen.Trail(cfg)
	cfg.Gzip = true
	for name, z := range map[string][]byte{"Trail": trailgen.Trail(cfg), "NewReader": mustReadAll(t, trailgen.NewReader(cfg))} {
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, plain) {
			t.Errorf("%s: the gzipped trail differs from the plain one (%v)", name, err)
		}
	}
}

func mustReadAll(t *testing.T, r io.Reader) []byte {
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestStart(t *testing.T) {
	start := time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)
	g := trailgen.New(trailgen.Config{Seed: 9, Records: 1, Start: start})
	e, err := cloudtrail.Parse(g.Record())
	if err != nil {
		t.Fatal(err)
	}
	if d := e.EventTime.Sub(start); d < 0 || d > 2*time.Second {
		t.Errorf("first record at %v, want near %v", e.EventTime, start)
	}
}
