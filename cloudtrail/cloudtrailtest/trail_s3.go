package cloudtrailtest

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// S3LayoutConfig describes the log files a trail delivers to an S3 bucket,
// under keys of CloudTrail's layout:
//
//	[Prefix/]AWSLogs/[Organization/]Account/CloudTrail/Region/YYYY/MM/DD/
//	    Account_CloudTrail_Region_YYYYMMDDTHHmmZ_UniqueString.json.gz
//
// Each day is cut into FilesPerDay equal periods, and each account and
// region has one file a period. The time in a file's name is the minute it
// was delivered, the last minute of its period, and its records fall before
// that minute, in its period: a file of the default layout named
// ..._20240501T0059Z_... holds records from 00:00:00 to 00:58:59. The
// directory date is that of the name, so every file of a day is in its
// directory.
type S3LayoutConfig struct {
	// Trail describes the records of each file: how many (Records or
	// Bytes) and their share of media events. Every file is gzipped; the
	// layout sets each file's Account, Region, Start and End, and derives
	// its seed from Trail.Seed and the file's name, so that a file's
	// records do not depend on the other files of the layout.
	Trail TrailConfig
	// Accounts are the accounts that deliver files; none means
	// "111122223333".
	Accounts []string
	// Regions are the regions of each account; none means "us-east-1".
	// Events of global services (IAM) are only in the files of us-east-1.
	Regions []string
	// Start is the first day; only its date, in UTC, counts. The zero
	// value means Trail.Start, or 2024-05-01 when that is zero too.
	Start time.Time
	// Days is the number of days; zero means 1.
	Days int
	// FilesPerDay is the number of files a day, for each account and
	// region: zero means 24, one an hour, and it can be at most 288, one
	// every five minutes, about as often as CloudTrail delivers them.
	FilesPerDay int
	// Organization, when set (such as "o-exampleorgid"), makes the layout
	// of an organization trail, which has the organization's ID between
	// AWSLogs and the account.
	Organization string
	// Prefix is the S3 key prefix of the trail, if any, before AWSLogs.
	Prefix string
}

// trailS3File is one file of an S3 layout.
type trailS3File struct {
	key string
	cfg TrailConfig
}

// trailS3MaxFilesPerDay is the largest S3LayoutConfig.FilesPerDay.
const trailS3MaxFilesPerDay = 288

// files returns the files of the layout, in the order of their keys.
func (c S3LayoutConfig) files() []trailS3File {
	accounts := trailS3Names("account", c.Accounts, trailDefaultAccount)
	regions := trailS3Names("region", c.Regions, trailGlobalRegion)
	if c.Days < 0 || c.FilesPerDay < 0 || c.FilesPerDay > trailS3MaxFilesPerDay {
		panic(fmt.Sprintf("cloudtrailtest: S3 layout of %d days of %d files a day (at most %d a day)", c.Days, c.FilesPerDay, trailS3MaxFilesPerDay))
	}
	for _, s := range []string{c.Organization, c.Prefix} {
		if strings.Contains(s, "//") {
			panic(fmt.Sprintf("cloudtrailtest: S3 layout with an empty path element in %q", s))
		}
	}
	days := max(c.Days, 1)
	perDay := c.FilesPerDay
	if perDay == 0 {
		perDay = 24
	}
	start := c.Start
	if start.IsZero() {
		start = c.Trail.Start
	}
	if start.IsZero() {
		start = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	}
	start = start.UTC()
	first := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)

	var root []string
	if p := strings.Trim(c.Prefix, "/"); p != "" {
		root = append(root, p)
	}
	root = append(root, "AWSLogs")
	if o := strings.Trim(c.Organization, "/"); o != "" {
		root = append(root, o)
	}

	var files []trailS3File
	for _, account := range accounts {
		for _, region := range regions {
			for d := range days {
				day := first.AddDate(0, 0, d)
				for i := range perDay {
					from := day.Add(time.Duration(i*86400/perDay) * time.Second)
					to := day.Add(time.Duration((i+1)*86400/perDay) * time.Second)
					delivered := to.Truncate(time.Minute).Add(-time.Minute)
					files = append(files, c.file(root, account, region, from, delivered))
				}
			}
		}
	}
	slices.SortFunc(files, func(a, b trailS3File) int { return strings.Compare(a.key, b.key) })
	return files
}

// file returns the file of an account and region whose records fall in
// [from, delivered).
func (c S3LayoutConfig) file(root []string, account, region string, from, delivered time.Time) trailS3File {
	stem := account + "_CloudTrail_" + region + "_" + delivered.Format("20060102T1504Z")
	h := fnv.New64a()
	h.Write([]byte(stem))
	rng := rand.New(rand.NewPCG(c.Trail.Seed, h.Sum64()))
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	unique := make([]byte, 16)
	for i := range unique {
		unique[i] = chars[rng.IntN(len(chars))]
	}
	cfg := c.Trail
	cfg.Seed = rng.Uint64()
	cfg.Gzip = true
	cfg.Account = account
	cfg.Region = region
	cfg.Start = from
	cfg.End = delivered
	dir := path.Join(slices.Concat(root, []string{account, "CloudTrail", region, delivered.Format("2006/01/02")})...)
	return trailS3File{key: dir + "/" + stem + "_" + string(unique) + ".json.gz", cfg: cfg}
}

// trailS3Names checks the accounts or regions of a layout, or returns def
// when there are none.
func trailS3Names(what string, names []string, def string) []string {
	if len(names) == 0 {
		return []string{def}
	}
	for i, n := range names {
		if n == "" || strings.ContainsAny(n, "/_") {
			panic(fmt.Sprintf("cloudtrailtest: S3 layout with the %s %q", what, n))
		}
		if slices.Contains(names[:i], n) {
			panic(fmt.Sprintf("cloudtrailtest: S3 layout with the %s %q twice", what, n))
		}
	}
	return names
}

// S3LayoutKeys returns the keys of the files WriteS3Layout writes for cfg,
// slash-separated, in lexical order (the order S3 lists them in), without
// making the files.
func S3LayoutKeys(cfg S3LayoutConfig) []string {
	files := cfg.files()
	keys := make([]string, len(files))
	for i, f := range files {
		keys[i] = f.key
	}
	return keys
}

// WriteS3Layout writes the log files cfg describes under dir, each at its
// key, making the directories it needs, and returns the keys as
// S3LayoutKeys does. Equal configurations give equal names and bytes. On
// an error it returns the keys of the files written before it.
func WriteS3Layout(dir string, cfg S3LayoutConfig) ([]string, error) {
	var keys []string
	for _, f := range cfg.files() {
		name := filepath.Join(dir, filepath.FromSlash(f.key))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return keys, err
		}
		if err := trailWriteFile(name, f.cfg); err != nil {
			return keys, err
		}
		keys = append(keys, f.key)
	}
	return keys, nil
}

// trailWriteFile writes the trail cfg describes to the file name.
func trailWriteFile(name string, cfg TrailConfig) error {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := WriteTrail(out, cfg); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
