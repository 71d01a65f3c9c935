package s3trail_test

import (
	"context"
	"errors"
	"io"
	"path"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
	"github.com/mediatrail/mediatrail/cloudtrail/s3trail"
	"github.com/mediatrail/mediatrail/internal/s3test"
	_ "github.com/mediatrail/mediatrail/mediaconvert"
)

func TestMain(m *testing.M) { s3test.Main(m) }

var day = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)

// layout is a trail bucket: the keys of a layout and the events of each,
// read from a copy on disk.
type layout struct {
	bucket string
	keys   []string
	events map[string][]string // key → "eventID eventTime" of its records
}

// putLayout writes the layouts cfgs describe to one new bucket of srv.
func putLayout(t *testing.T, srv *s3test.Server, cfgs ...cloudtrailtest.S3LayoutConfig) layout {
	t.Helper()
	l := layout{bucket: srv.Bucket(t), events: map[string][]string{}}
	for _, cfg := range cfgs {
		dir := t.TempDir()
		keys, err := cloudtrailtest.WriteS3Layout(dir, cfg)
		require.NoError(t, err)
		srv.PutDir(t, l.bucket, dir, keys)
		l.keys = append(l.keys, keys...)
		r := multi.Open(context.Background(), []string{dir})
		for e, err := range r.All() {
			require.NoError(t, err)
			rel := strings.TrimPrefix(path.Clean(strings.ReplaceAll(r.Input(), "\\", "/")), path.Clean(dir)+"/")
			l.events[rel] = append(l.events[rel], eventKey(e))
		}
		require.NoError(t, r.Err())
	}
	sort.Strings(l.keys)
	return l
}

func eventKey(e *cloudtrail.Event) string {
	return e.EventID + " " + e.EventTime.Format(time.RFC3339)
}

// want returns the events of the keys of l that keep says, in a sorted
// list, with the time filter [since, until).
func (l layout) want(keep func(key string) bool, since, until time.Time) []string {
	var out []string
	for _, k := range l.keys {
		if !keep(k) {
			continue
		}
		for _, ev := range l.events[k] {
			ts, _ := time.Parse(time.RFC3339, ev[strings.IndexByte(ev, ' ')+1:])
			if (since.IsZero() || !ts.Before(since)) && (until.IsZero() || ts.Before(until)) {
				out = append(out, ev)
			}
		}
	}
	sort.Strings(out)
	return out
}

// readAll reads a stream to its end and returns its events, sorted, and
// the inputs they came from.
func readAll(t *testing.T, r *multi.Reader) (events []string, inputs map[string]int) {
	t.Helper()
	inputs = map[string]int{}
	for e, err := range r.All() {
		require.NoError(t, err)
		events = append(events, eventKey(e))
		inputs[r.Input()]++
	}
	require.NoError(t, r.Err())
	sort.Strings(events)
	return events, inputs
}

func TestOpen(t *testing.T) {
	srv := s3test.Start(t)
	base := cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 3, Records: 20},
		Accounts:    []string{"111122223333", "444455556666"},
		Regions:     []string{"us-east-1", "eu-west-1"},
		Start:       day,
		Days:        2,
		FilesPerDay: 6,
	}
	org := base
	org.Organization = "o-exampleorgid"
	org.Accounts = []string{"777788889999"}
	org.Trail.Seed = 4
	prefixed := base
	prefixed.Prefix = "trails/main"
	prefixed.Accounts = []string{"222233334444"}
	prefixed.Trail.Seed = 5
	l := putLayout(t, srv, base, org)
	lp := putLayout(t, srv, prefixed)

	all := func(string) bool { return true }
	within := func(parts ...string) func(string) bool {
		return func(k string) bool {
			for _, p := range parts {
				if !strings.Contains(k, p) {
					return false
				}
			}
			return true
		}
	}
	since := day.Add(20 * time.Hour)
	until := day.Add(30 * time.Hour)
	tests := []struct {
		name string
		l    layout
		q    s3trail.Query
		keep func(string) bool
	}{
		{"whole bucket, organizations found", l, s3trail.Query{}, all},
		{"one account", l, s3trail.Query{Accounts: []string{"444455556666"}}, within("AWSLogs/444455556666/")},
		{"one region of two accounts", l, s3trail.Query{Accounts: []string{"111122223333", "444455556666"}, Regions: []string{"eu-west-1"}}, within("/CloudTrail/eu-west-1/", "AWSLogs/4", "AWSLogs/1")},
		{"organization", l, s3trail.Query{Organization: "o-exampleorgid"}, within("o-exampleorgid/")},
		{"organization account", l, s3trail.Query{Organization: "o-exampleorgid", Accounts: []string{"777788889999"}, Regions: []string{"us-east-1"}}, within("o-exampleorgid/777788889999/CloudTrail/us-east-1/")},
		{"organization account without Organization", l, s3trail.Query{Accounts: []string{"777788889999", "111122223333"}},
			func(k string) bool {
				return strings.Contains(k, "/777788889999/") || strings.Contains(k, "/111122223333/")
			}},
		{"account that is not there", l, s3trail.Query{Accounts: []string{"999999999999"}}, func(string) bool { return false }},
		{"prefix", lp, s3trail.Query{Prefix: "trails/main"}, all},
		{"prefix with slash", lp, s3trail.Query{Prefix: "trails/main/", Regions: []string{"us-east-1"}}, within("/us-east-1/")},
		// Files of four hours, delivered at their end: a lag of four
		// hours lists all that hold records of the range.
		{"time range", l, s3trail.Query{Since: since, Until: until, Lag: 4 * time.Hour}, all},
		{"since", l, s3trail.Query{Since: since, Accounts: []string{"111122223333"}}, within("AWSLogs/111122223333/")},
		{"until", l, s3trail.Query{Until: since, Lag: 4 * time.Hour, Regions: []string{"us-east-1"}}, within("/us-east-1/")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Bucket = tt.l.bucket
			// The filter of one account is a "within" of either account:
			// narrow it by hand for the test that names two.
			keep := tt.keep
			if tt.name == "one region of two accounts" {
				keep = func(k string) bool {
					return strings.Contains(k, "/CloudTrail/eu-west-1/") && !strings.Contains(k, "o-exampleorgid")
				}
			}
			got, inputs := readAll(t, s3trail.Open(context.Background(), srv.Client, q))
			want := tt.l.want(keep, q.Since, q.Until)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
			for in := range inputs {
				require.True(t, strings.HasPrefix(in, "s3://"+tt.l.bucket+"/"), "input %q", in)
				require.True(t, keep(strings.TrimPrefix(in, "s3://"+tt.l.bucket+"/")), "input %q read", in)
			}
		})
	}
}

func TestListRange(t *testing.T) {
	srv := s3test.Start(t)
	l := putLayout(t, srv, cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 8, Records: 2},
		Accounts:    []string{"111122223333"},
		Regions:     []string{"us-east-1"},
		Start:       day,
		Days:        3,
		FilesPerDay: 24,
	})
	since := day.Add(26 * time.Hour) // day 2, 02:00
	until := day.Add(40 * time.Hour) // day 2, 16:00
	var got []string
	for o, err := range s3trail.List(context.Background(), srv.Client, s3trail.Query{Bucket: l.bucket, Since: since, Until: until, Lag: 90 * time.Minute}) {
		require.NoError(t, err)
		require.Equal(t, "111122223333", o.Account)
		require.Equal(t, "us-east-1", o.Region)
		require.Equal(t, l.bucket, o.Bucket)
		require.Positive(t, o.Size)
		require.NotEmpty(t, o.ETag)
		got = append(got, o.Delivered.Format("2006-01-02T15:04"))
	}
	// Hourly files delivered at hh:59: from 01:59 (the first at or after
	// since less the two minutes' margin) to 17:29 (until + lag).
	var want []string
	for h := 1; h <= 16; h++ {
		want = append(want, day.Add(24*time.Hour+time.Duration(h)*time.Hour+59*time.Minute).Format("2006-01-02T15:04"))
	}
	require.Equal(t, want, got)
}

func TestQueryErrors(t *testing.T) {
	tests := []struct {
		name string
		q    s3trail.Query
	}{
		{"no bucket", s3trail.Query{}},
		{"empty range", s3trail.Query{Bucket: "b", Since: day, Until: day}},
		{"bad account", s3trail.Query{Bucket: "b", Accounts: []string{"12345"}}},
		{"bad organization", s3trail.Query{Bucket: "b", Organization: "org"}},
		{"bad region", s3trail.Query{Bucket: "b", Regions: []string{"us/east"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, err := range s3trail.List(context.Background(), nil, tt.q) {
				require.ErrorIs(t, err, s3trail.ErrQuery)
				n++
			}
			require.Equal(t, 1, n)
			r := s3trail.Open(context.Background(), nil, tt.q)
			_, err := r.Next()
			var ie *multi.InputError
			require.ErrorAs(t, err, &ie)
			require.ErrorIs(t, err, s3trail.ErrQuery)
			require.True(t, ie.Ended)
			_, err = r.Next()
			require.Equal(t, io.EOF, err)
		})
	}
}

func TestS3Errors(t *testing.T) {
	srv := s3test.Start(t)
	bucket := srv.Bucket(t)
	srv.Put(t, bucket, "AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/good.json",
		cloudtrailtest.Encode(cloudtrailtest.LogFile, cloudtrailtest.Fixture("mediaconvert.amazonaws.com", "CreateJob")))

	t.Run("missing bucket", func(t *testing.T) {
		r := s3trail.Open(context.Background(), srv.Client, s3trail.Query{Bucket: "no-such-bucket-mediatrail"})
		_, err := r.Next()
		var ie *multi.InputError
		require.ErrorAs(t, err, &ie)
		var se *s3trail.Error
		require.ErrorAs(t, err, &se)
		require.Equal(t, "list", se.Op)
		require.Equal(t, "s3://no-such-bucket-mediatrail/AWSLogs/", se.URL)
		require.Equal(t, se.URL, ie.Name)
		var nb *types.NoSuchBucket
		require.ErrorAs(t, err, &nb)
		require.ErrorIs(t, err, s3trail.ErrNotFound)
		_, err = r.Next()
		require.Equal(t, io.EOF, err)
		require.Error(t, r.Err())
	})
	t.Run("missing bucket, accounts and regions", func(t *testing.T) {
		q := s3trail.Query{Bucket: "no-such-bucket-mediatrail", Accounts: []string{"111122223333", "444455556666"}, Regions: []string{"us-east-1", "eu-west-1"}}
		var errs []error
		for _, err := range s3trail.List(context.Background(), srv.Client, q) {
			errs = append(errs, err)
		}
		require.Len(t, errs, 1) // not one per account and region
		require.ErrorIs(t, errs[0], s3trail.ErrNotFound)
	})
	t.Run("missing key among good ones", func(t *testing.T) {
		objects := []s3trail.Object{
			{Bucket: bucket, Key: "AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/good.json"},
			{Bucket: bucket, Key: "AWSLogs/missing.json.gz"},
		}
		r := s3trail.OpenObjects(context.Background(), srv.Client, objects, multi.WithConcurrency(1))
		var names []string
		var missing error
		for e, err := range r.All() {
			if err != nil {
				missing = err
				continue
			}
			names = append(names, e.EventName)
		}
		require.Equal(t, []string{"CreateJob"}, names)
		var nk *types.NoSuchKey
		require.ErrorAs(t, missing, &nk)
		require.ErrorIs(t, missing, s3trail.ErrNotFound)
		var ie *multi.InputError
		require.ErrorAs(t, missing, &ie)
		require.Equal(t, "s3://"+bucket+"/AWSLogs/missing.json.gz", ie.Name)
		require.True(t, ie.Ended)
		require.ErrorAs(t, r.Err(), &nk)
	})
}

// flakyClient is a Client whose object bodies break after a number of
// bytes the first times they are read.
type flakyClient struct {
	s3trail.Client
	breakAfter int64
	breaks     atomic.Int32 // bodies still to break
	ranges     atomic.Int32 // ranged GetObject calls
}

var errReset = errors.New("connection reset by peer")

func (c *flakyClient) GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error) {
	if in.Range != nil {
		c.ranges.Add(1)
		if aws.ToString(in.IfMatch) == "" {
			return nil, errors.New("ranged read without If-Match")
		}
	}
	out, err := c.Client.GetObject(ctx, in, opts...)
	if err == nil && c.breaks.Add(-1) >= 0 {
		out.Body = &breaking{ReadCloser: out.Body, left: c.breakAfter}
	}
	return out, err
}

type breaking struct {
	io.ReadCloser
	left int64
}

func (b *breaking) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errReset
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}

func TestResume(t *testing.T) {
	srv := s3test.Start(t)
	l := putLayout(t, srv, cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 9, Records: 300},
		Start:       day,
		FilesPerDay: 1,
	})
	require.Len(t, l.keys, 1)
	all := func(string) bool { return true }

	t.Run("resumed", func(t *testing.T) {
		c := &flakyClient{Client: srv.Client, breakAfter: 1000}
		c.breaks.Store(3) // the first read and two resumptions break
		got, _ := readAll(t, s3trail.Open(context.Background(), c, s3trail.Query{Bucket: l.bucket}))
		require.Equal(t, l.want(all, time.Time{}, time.Time{}), got)
		require.Equal(t, int32(3), c.ranges.Load())
	})
	t.Run("given up", func(t *testing.T) {
		c := &flakyClient{Client: srv.Client, breakAfter: 1000}
		c.breaks.Store(100)
		r := s3trail.Open(context.Background(), c, s3trail.Query{Bucket: l.bucket})
		n := 0
		var last error
		for _, err := range r.All() {
			if err != nil {
				last = err
				continue
			}
			n++
		}
		require.ErrorIs(t, last, errReset)
		require.NotErrorIs(t, last, s3trail.ErrNotFound)
		var se *s3trail.Error
		require.ErrorAs(t, last, &se)
		require.Equal(t, "get", se.Op)
		require.Less(t, n, 300)
		require.ErrorIs(t, r.Err(), errReset)
	})
}

func TestProgress(t *testing.T) {
	srv := s3test.Start(t)
	l := putLayout(t, srv, cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 10, Records: 30},
		Regions:     []string{"us-east-1", "us-west-2"},
		Start:       day,
		FilesPerDay: 5,
	})
	var size int64
	for o, err := range s3trail.List(context.Background(), srv.Client, s3trail.Query{Bucket: l.bucket}) {
		require.NoError(t, err)
		size += o.Size
	}
	r := s3trail.Open(context.Background(), srv.Client, s3trail.Query{Bucket: l.bucket})
	_, inputs := readAll(t, r)
	p := r.Progress()
	want := multi.Progress{Inputs: 10, InputsDone: 10, Bytes: size, BytesRead: size, Listed: true}
	require.Equal(t, want, p)
	require.Len(t, inputs, 10)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range inputs {
			if !yield(k) {
				return
			}
		}
	})
	for i, k := range l.keys {
		require.Equal(t, "s3://"+l.bucket+"/"+k, names[i])
	}
}

func TestCancel(t *testing.T) {
	srv := s3test.Start(t)
	l := putLayout(t, srv, cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 12, Records: 50},
		Start:       day,
		FilesPerDay: 24,
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := s3trail.Open(ctx, srv.Client, s3trail.Query{Bucket: l.bucket}, multi.WithConcurrency(2))
	n := 0
	var last error
	for e, err := range r.All() {
		if err != nil {
			last = err
			break
		}
		require.NotNil(t, e)
		if n++; n == 10 {
			cancel()
		}
	}
	require.ErrorIs(t, last, context.Canceled)
	require.Less(t, n, 24*50)
	require.ErrorIs(t, r.Err(), context.Canceled)
}

func TestInsightsAndDigests(t *testing.T) {
	srv := s3test.Start(t)
	bucket := srv.Bucket(t)
	const (
		calls    = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/111122223333_CloudTrail_us-east-1_20260401T1205Z_a.json.gz"
		insights = "AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/04/01/111122223333_CloudTrail-Insight_us-east-1_20260401T1205Z_b.json.gz"
		digest   = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/04/01/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20260401T120000Z.json.gz"
	)
	at := time.Date(2026, 4, 1, 12, 1, 0, 0, time.UTC)
	srv.Put(t, bucket, calls, cloudtrailtest.Encode(cloudtrailtest.GzipLogFile,
		cloudtrailtest.Fixture("mediaconvert.amazonaws.com", "CreateJob", cloudtrailtest.WithTime(at))))
	srv.Put(t, bucket, insights, cloudtrailtest.Encode(cloudtrailtest.GzipLogFile,
		cloudtrailtest.Fixture("mediaconvert.amazonaws.com", "GetJob", cloudtrailtest.WithTime(at))))
	srv.Put(t, bucket, digest, cloudtrailtest.DigestFile(bucket, at, calls))

	for _, tt := range []struct {
		insights bool
		key      string
		event    string
	}{{false, calls, "CreateJob"}, {true, insights, "GetJob"}} {
		q := s3trail.Query{Bucket: bucket, Insights: tt.insights, Since: at.Add(-time.Minute), Until: at.Add(time.Minute)}
		var keys []string
		for o, err := range s3trail.List(context.Background(), srv.Client, q) {
			require.NoError(t, err)
			require.Equal(t, at.Add(4*time.Minute), o.Delivered)
			keys = append(keys, o.Key)
		}
		require.Equal(t, []string{tt.key}, keys)
		r := s3trail.Open(context.Background(), srv.Client, q)
		var names []string
		for e, err := range r.All() {
			require.NoError(t, err)
			names = append(names, e.EventName)
		}
		require.Equal(t, []string{tt.event}, names)
	}
}
