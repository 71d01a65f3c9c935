package cloudtrailtest_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/gzip"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// trailS3Key matches the keys of CloudTrail's S3 layout, as in
// 111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz.
var trailS3Key = regexp.MustCompile(`^(?:(.+)/)?AWSLogs/(?:(o-[a-z0-9]+)/)?(\d{12})/CloudTrail/([a-z0-9-]+)/(\d{4})/(\d{2})/(\d{2})/(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$`)

// trailS3Parts are the parts of a key of the S3 layout.
type trailS3Parts struct {
	prefix, org, account, region string
	delivered                    time.Time
}

func trailParseS3Key(t *testing.T, key string) trailS3Parts {
	t.Helper()
	m := trailS3Key.FindStringSubmatch(key)
	require.NotNil(t, m, "key %q is not of CloudTrail's layout", key)
	require.Equal(t, m[3], m[8], "key %q: two accounts", key)
	require.Equal(t, m[4], m[9], "key %q: two regions", key)
	delivered, err := time.Parse("20060102T1504Z", m[10])
	require.NoError(t, err, key)
	require.Equal(t, m[5]+"/"+m[6]+"/"+m[7], delivered.Format("2006/01/02"), "key %q: the directory is not the file's date", key)
	return trailS3Parts{prefix: m[1], org: m[2], account: m[3], region: m[4], delivered: delivered}
}

func TestS3LayoutKeys(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cfg   cloudtrailtest.S3LayoutConfig
		files int
	}{
		{"default", cloudtrailtest.S3LayoutConfig{}, 24},
		{"accounts and regions", cloudtrailtest.S3LayoutConfig{
			Accounts: []string{"111122223333", "444455556666"},
			Regions:  []string{"us-east-1", "eu-west-1", "ap-southeast-2"},
			Start:    time.Date(2024, 12, 30, 17, 0, 0, 0, time.UTC),
			Days:     3, FilesPerDay: 7,
		}, 2 * 3 * 3 * 7},
		{"organization", cloudtrailtest.S3LayoutConfig{Organization: "o-exampleorgid", Prefix: "/audit/trails/", FilesPerDay: 1}, 1},
		{"most files", cloudtrailtest.S3LayoutConfig{FilesPerDay: 288}, 288},
		{"odd files", cloudtrailtest.S3LayoutConfig{FilesPerDay: 287}, 287},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keys := cloudtrailtest.S3LayoutKeys(tc.cfg)
			require.Len(t, keys, tc.files)
			require.True(t, slices.IsSorted(keys), "keys not in order")
			require.Len(t, slices.Compact(slices.Clone(keys)), len(keys), "keys twice")
			days := map[string]bool{}
			perStream := map[string][]time.Time{}
			for _, k := range keys {
				p := trailParseS3Key(t, k)
				require.Equal(t, tc.cfg.Organization, p.org, k)
				if tc.cfg.Prefix != "" {
					require.Equal(t, "audit/trails", p.prefix, k)
				} else {
					require.Empty(t, p.prefix, k)
				}
				days[p.delivered.Format(time.DateOnly)] = true
				perStream[p.account+" "+p.region] = append(perStream[p.account+" "+p.region], p.delivered)
			}
			require.Len(t, days, max(tc.cfg.Days, 1))
			want := len(tc.cfg.Accounts) * len(tc.cfg.Regions)
			require.Len(t, perStream, max(want, 1))
			for stream, times := range perStream {
				for i := 1; i < len(times); i++ {
					require.True(t, times[i].After(times[i-1]), "%s: two files at %v", stream, times[i])
				}
			}
			require.Equal(t, keys, cloudtrailtest.S3LayoutKeys(tc.cfg), "S3LayoutKeys is not deterministic")
		})
	}

	// The documented form, for the default layout.
	keys := cloudtrailtest.S3LayoutKeys(cloudtrailtest.S3LayoutConfig{})
	require.Regexp(t, `^AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/111122223333_CloudTrail_us-east-1_20240501T0059Z_[A-Za-z0-9]{16}\.json\.gz$`, keys[0])
	require.Regexp(t, `_20240501T2359Z_`, keys[len(keys)-1])
}

func TestWriteS3Layout(t *testing.T) {
	cfg := cloudtrailtest.S3LayoutConfig{
		Trail:        cloudtrailtest.TrailConfig{Seed: 3, Records: 40, MediaFraction: 0.3},
		Accounts:     []string{"111122223333", "444455556666"},
		Regions:      []string{"us-east-1", "eu-west-1"},
		Start:        time.Date(2024, 2, 28, 12, 30, 0, 0, time.FixedZone("CET", 3600)),
		Days:         2,
		FilesPerDay:  3,
		Organization: "o-exampleorgid",
	}
	dir := t.TempDir()
	keys, err := cloudtrailtest.WriteS3Layout(dir, cfg)
	require.NoError(t, err)
	require.Len(t, keys, 2*2*2*3)
	require.Equal(t, cloudtrailtest.S3LayoutKeys(cfg), keys)

	var written []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			written = append(written, filepath.ToSlash(rel))
		}
		return err
	}))
	if diff := cmp.Diff(keys, written); diff != "" {
		t.Errorf("files written (-keys +files):\n%s", diff)
	}

	period := 8 * time.Hour
	iam := 0
	for _, k := range keys {
		p := trailParseS3Key(t, k)
		require.Contains(t, []string{"2024-02-28", "2024-02-29"}, p.delivered.Format(time.DateOnly), k)
		from := p.delivered.Add(time.Minute).Add(-period)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(k)))
		require.NoError(t, err)
		zr, err := gzip.NewReader(bytes.NewReader(data))
		require.NoError(t, err, "%s is not gzipped", k)
		events := trailEvents(t, trailReadAll(t, zr))
		require.Len(t, events, 40, k)
		for i, e := range events {
			require.Equal(t, p.account, e.RecipientAccountID, "%s: record %d", k, i)
			require.Equal(t, p.region, e.AWSRegion, "%s: record %d", k, i)
			if e.EventTime.Before(from) || !e.EventTime.Before(p.delivered) {
				t.Errorf("%s: record %d at %v, outside [%v, %v)", k, i, e.EventTime, from, p.delivered)
			}
			if e.EventSource == "iam.amazonaws.com" {
				iam++
				require.Equal(t, "us-east-1", p.region, "%s: record %d of a global service", k, i)
			}
		}
		require.Greater(t, events[len(events)-1].EventTime.Sub(events[0].EventTime), period/2, "%s: the records are not spread over the period", k)
	}
	require.NotZero(t, iam, "no IAM events in us-east-1")

	// Determinism: the same configuration writes the same files.
	again := t.TempDir()
	keys2, err := cloudtrailtest.WriteS3Layout(again, cfg)
	require.NoError(t, err)
	require.Equal(t, keys, keys2)
	for _, k := range keys {
		a, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(k)))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(again, filepath.FromSlash(k)))
		require.NoError(t, err)
		require.True(t, bytes.Equal(a, b), "%s differs between two writes", k)
	}

	// A file's name and records do not depend on the other files, nor on
	// the prefix and organization.
	one := cfg
	one.Accounts, one.Regions = []string{"444455556666"}, []string{"eu-west-1"}
	one.Days, one.Organization, one.Prefix = 1, "", "logs"
	oneDir := t.TempDir()
	oneKeys, err := cloudtrailtest.WriteS3Layout(oneDir, one)
	require.NoError(t, err)
	require.Len(t, oneKeys, 3)
	for _, k := range oneKeys {
		rel := k[len("logs/AWSLogs/"):]
		full := "AWSLogs/o-exampleorgid/" + rel
		require.Contains(t, keys, full)
		a, err := os.ReadFile(filepath.Join(oneDir, filepath.FromSlash(k)))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(full)))
		require.NoError(t, err)
		require.True(t, bytes.Equal(a, b), "%s differs from %s", k, full)
	}

	// Another seed, other names and records.
	other := cfg
	other.Trail.Seed++
	otherKeys := cloudtrailtest.S3LayoutKeys(other)
	require.Len(t, otherKeys, len(keys))
	for i := range keys {
		require.NotEqual(t, keys[i], otherKeys[i])
	}
}

func TestWriteS3LayoutError(t *testing.T) {
	dir := t.TempDir()
	// A file where the layout needs a directory.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "AWSLogs"), nil, 0o644))
	keys, err := cloudtrailtest.WriteS3Layout(dir, cloudtrailtest.S3LayoutConfig{FilesPerDay: 2})
	require.Error(t, err)
	require.Empty(t, keys)
}

func TestS3LayoutMistakes(t *testing.T) {
	for name, cfg := range map[string]cloudtrailtest.S3LayoutConfig{
		"too many files":     {FilesPerDay: 289},
		"negative days":      {Days: -1},
		"empty account":      {Accounts: []string{""}},
		"account twice":      {Accounts: []string{"111122223333", "111122223333"}},
		"region with a path": {Regions: []string{"us-east-1/x"}},
		"region with _":      {Regions: []string{"us_east_1"}},
		"empty prefix part":  {Prefix: "a//b"},
	} {
		require.Panics(t, func() { cloudtrailtest.S3LayoutKeys(cfg) }, name)
	}
}
