// Package s3trail reads a CloudTrail trail straight from its S3 bucket.
// It lists the log files of the chosen accounts, regions and times in
// CloudTrail's key layout, the organization layout too, and streams each
// object, many at once, into one stream of events: a multi.Reader, with
// everything package multi gives (the filters and limits of
// cloudtrail.Reader, errors that name their object, progress).
//
//	cfg, err := config.LoadDefaultConfig(ctx)
//	...
//	r := s3trail.Open(ctx, s3.NewFromConfig(cfg), s3trail.Query{
//		Bucket:  "my-trail-bucket",
//		Regions: []string{"us-east-1"},
//		Since:   time.Now().Add(-24 * time.Hour),
//	}, multi.WithReaderOptions(cloudtrail.WithEventSources(mediaconvert.EventSource)))
//	defer r.Close()
//	for e, err := range r.All() {
//		if err != nil {
//			log.Print(err) // an *multi.InputError naming the object, as s3://bucket/key
//			continue
//		}
//		fmt.Println(e.EventTime, e.EventName)
//	}
//
// The package links the S3 client of the AWS SDK for Go v2; programs that
// only parse records import package cloudtrail alone and do not link it.
//
// # The layout
//
// CloudTrail writes the log files of a trail under
//
//	[prefix/]AWSLogs/account/CloudTrail/region/yyyy/mm/dd/account_CloudTrail_region_yyyymmddThhmmZ_unique.json.gz
//
// and those of an organization trail under AWSLogs/o-organization/account/
// instead of AWSLogs/account/. The date in the path and the time in the
// name are when CloudTrail delivered the file, in UTC. Beside CloudTrail/
// are CloudTrail-Insight/, the Insights events of a trail that logs them,
// read with Query.Insights, and CloudTrail-Digest/, the digest files,
// which are never read.
//
// # Times
//
// A log file holds the records of the calls of the minutes before its
// delivery, mostly the last five to fifteen, and rarely ones an hour old
// or older. Open lists the files delivered from two minutes before
// Query.Since (names give the time to the minute) up to Query.Until plus
// Query.Lag, and delivers the records whose eventTime is in [Since, Until)
// (cloudtrail.WithTimeRange): the records of a time range, not the files.
package s3trail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
)

// Client is the part of the S3 API that the package calls; *s3.Client
// implements it, and a test double may.
type Client interface {
	ListObjectsV2(ctx context.Context, in *s3.ListObjectsV2Input, optFns ...func(*s3.Options)) (*s3.ListObjectsV2Output, error)
	GetObject(ctx context.Context, in *s3.GetObjectInput, optFns ...func(*s3.Options)) (*s3.GetObjectOutput, error)
}

// DefaultLag is the Lag of a Query that sets none: how long after the end
// of a time range the log files that may hold its records are listed.
const DefaultLag = time.Hour

// Query chooses the log files of a trail to read.
type Query struct {
	// Bucket is the trail's bucket. It is required.
	Bucket string
	// Prefix is the trail's S3 key prefix, if it has one, with or without
	// a trailing "/".
	Prefix string
	// Organization is the ID of the organization of an organization trail,
	// such as "o-exampleorgid", whose log files are under
	// AWSLogs/o-exampleorgid/account/: only that organization's files
	// are read. With Organization empty, the accounts are looked for
	// under AWSLogs/ and under every organization found in the bucket.
	Organization string
	// Accounts are the accounts to read; none means every account found
	// in the bucket.
	Accounts []string
	// Regions are the regions to read; none means every region found
	// under each account.
	Regions []string
	// Since and Until bound the eventTime of the records read, as
	// [Since, Until); a zero time leaves that side unbounded.
	Since, Until time.Time
	// Lag is how long after Until log files are listed for the records of
	// the range; 0 means DefaultLag, a negative Lag none.
	Lag time.Duration
	// Insights reads the Insights log files (CloudTrail-Insight/) instead
	// of those of the calls (CloudTrail/).
	Insights bool
}

// dir returns the directory of the log files q reads under an account:
// "CloudTrail" or "CloudTrail-Insight".
func (q Query) dir() string {
	if q.Insights {
		return "CloudTrail-Insight"
	}
	return "CloudTrail"
}

// Object is a log file of a trail.
type Object struct {
	Bucket string
	Key    string
	Size   int64  // in bytes, as stored (gzip)
	ETag   string // as S3 lists it, with its quotes

	// What the key tells, when it follows CloudTrail's layout (else empty).
	Organization string    // the organization ID of an organization trail
	Account      string    // the account whose activity the file holds
	Region       string    // the region of that activity
	Delivered    time.Time // when CloudTrail delivered the file, to the minute, in UTC
}

// Name returns the name of the object as inputs and errors give it:
// s3://bucket/key.
func (o Object) Name() string { return "s3://" + o.Bucket + "/" + o.Key }

// ErrQuery is the error that an invalid Query gives.
var ErrQuery = errors.New("s3trail: invalid query")

// Error is an error of a call to S3: a listing or a read of an object
// that failed. errors.As sees through it to the SDK's error, such as a
// *smithy.OperationError or a *types.NoSuchKey.
type Error struct {
	Op  string // "list" or "get"
	URL string // s3://bucket/key, or s3://bucket/prefix of a listing
	Err error
}

// Error returns "s3trail: op url: the SDK's error".
func (e *Error) Error() string { return "s3trail: " + e.Op + " " + e.URL + ": " + e.Err.Error() }

// Unwrap returns the SDK's error.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether the error is ErrNotFound: S3 answered that the bucket
// or the object does not exist (NoSuchBucket, NoSuchKey, or a 404).
func (e *Error) Is(target error) bool {
	if target != ErrNotFound {
		return false
	}
	var ae smithy.APIError
	if !errors.As(e.Err, &ae) {
		return false
	}
	switch ae.ErrorCode() {
	case "NoSuchKey", "NoSuchBucket", "NotFound":
		return true
	}
	return false
}

// ErrNotFound is the error that an *Error matches (errors.Is) when S3
// answered that the bucket or the object does not exist: unlike a failed
// call (throttling, the network), reading again will not help.
var ErrNotFound = errors.New("s3trail: no such bucket or object")

// DefaultConcurrency returns how many objects Open and OpenObjects read at
// once unless multi.WithConcurrency says otherwise: four per processor,
// since reading from S3 waits on the network as much as it decodes.
func DefaultConcurrency() int { return 4 * runtime.GOMAXPROCS(0) }

// Open reads the records of the log files that q chooses, many objects at
// once, into one stream. The options are those of multi.OpenInputs; the
// Reader of each object is given cloudtrail.WithTimeRange(q.Since,
// q.Until) before the options' reader options. The inputs are named by
// Object.Name; an error of the listing is an *multi.InputError named by
// the prefix listed, wrapping an *Error.
func Open(ctx context.Context, c Client, q Query, opts ...multi.Option) *multi.Reader {
	inputs := func(yield func(multi.Input, error) bool) {
		for o, err := range List(ctx, c, q) {
			var in multi.Input
			if err != nil {
				var se *Error
				if errors.As(err, &se) {
					in.Name = se.URL
				} else {
					in.Name = "s3://" + q.Bucket + "/" + q.Prefix
					if q.Bucket == "" {
						in.Name = "s3trail.Query"
					}
				}
			} else {
				in = NewInput(c, o)
			}
			if !yield(in, err) {
				return
			}
		}
	}
	all := append([]multi.Option{
		multi.WithConcurrency(DefaultConcurrency()),
		multi.WithReaderOptions(cloudtrail.WithTimeRange(q.Since, q.Until)),
	}, opts...)
	return multi.OpenInputs(ctx, inputs, all...)
}

// OpenObjects reads the objects given, of one bucket or several, as Open
// reads the log files it lists: for the objects that S3 event
// notifications name. Bucket and Key are needed; Size counts in
// Progress, and an ETag pins the version read (If-Match).
func OpenObjects(ctx context.Context, c Client, objects []Object, opts ...multi.Option) *multi.Reader {
	inputs := func(yield func(multi.Input, error) bool) {
		for _, o := range objects {
			if !yield(NewInput(c, o), nil) {
				return
			}
		}
	}
	all := append([]multi.Option{multi.WithConcurrency(DefaultConcurrency())}, opts...)
	return multi.OpenInputs(ctx, inputs, all...)
}

// List lists the log files that q chooses: account by account, region by
// region (each in the order given, or in lexical order when found), and
// in the order of their keys, which is the order of their delivery. It
// lists only the day directories of the files that may hold records of
// the range (see Times in the package documentation: from two minutes
// before Since, which may be the day before, to Until plus Lag), and
// starts each listing there (StartAfter). An error of a listing is an
// *Error, and listing goes on with the next account or region, but for a
// bucket that does not exist (ErrNotFound), which ends it; an invalid
// Query is an error that wraps ErrQuery.
func List(ctx context.Context, c Client, q Query) iter.Seq2[Object, error] {
	return func(yield func(Object, error) bool) {
		if err := q.check(); err != nil {
			yield(Object{}, err)
			return
		}
		l := lister{ctx: ctx, c: c, q: q, yield: yield}
		l.run()
	}
}

// check reports what makes q invalid.
func (q Query) check() error {
	switch {
	case q.Bucket == "":
		return fmt.Errorf("%w: no Bucket", ErrQuery)
	case !q.Since.IsZero() && !q.Until.IsZero() && !q.Since.Before(q.Until):
		return fmt.Errorf("%w: Since (%s) is not before Until (%s)", ErrQuery, q.Since.Format(time.RFC3339), q.Until.Format(time.RFC3339))
	case q.Organization != "" && !isOrganization(q.Organization):
		return fmt.Errorf("%w: Organization %q is no organization ID (o-...)", ErrQuery, q.Organization)
	}
	for _, a := range q.Accounts {
		if !isAccount(a) {
			return fmt.Errorf("%w: account %q is not 12 digits", ErrQuery, a)
		}
	}
	for _, r := range q.Regions {
		if r == "" || strings.Contains(r, "/") {
			return fmt.Errorf("%w: region %q", ErrQuery, r)
		}
	}
	return nil
}

// lister lists the log files of a Query.
type lister struct {
	ctx     context.Context
	c       Client
	q       Query
	yield   func(Object, error) bool
	stopped bool
}

// send yields an object or an error; it reports false when listing ends.
// A bucket that does not exist ends it: every listing would say so.
func (l *lister) send(o Object, err error) bool {
	if l.stopped {
		return false
	}
	if !l.yield(o, err) || l.ctx.Err() != nil || isNoBucket(err) {
		l.stopped = true
	}
	return !l.stopped
}

// isNoBucket reports whether err says that the bucket does not exist.
func isNoBucket(err error) bool {
	var ae smithy.APIError
	return err != nil && errors.As(err, &ae) && ae.ErrorCode() == "NoSuchBucket"
}

func (l *lister) run() {
	root := strings.TrimSuffix(l.q.Prefix, "/")
	if root != "" {
		root += "/"
	}
	root += "AWSLogs/"
	switch {
	case l.q.Organization != "":
		l.accounts(root+l.q.Organization+"/", l.q.Organization)
	case len(l.q.Accounts) > 0:
		// The accounts of the trail of one account, and of every
		// organization's trail.
		var orgs []string
		for dir := range l.dirs(root) {
			if isOrganization(dir) {
				orgs = append(orgs, dir)
			}
		}
		if l.stopped {
			return
		}
		l.accounts(root, "")
		for _, org := range orgs {
			if l.stopped {
				return
			}
			l.accounts(root+org+"/", org)
		}
	default:
		// Every account, and every account of every organization.
		for dir := range l.dirs(root) {
			switch {
			case isAccount(dir):
				l.account(root+dir+"/", "", dir)
			case isOrganization(dir):
				l.accounts(root+dir+"/", dir)
			}
			if l.stopped {
				return
			}
		}
	}
}

// accounts lists the accounts under base, which is AWSLogs/ or
// AWSLogs/o-id/.
func (l *lister) accounts(base, org string) {
	if len(l.q.Accounts) > 0 {
		for _, a := range l.q.Accounts {
			l.account(base+a+"/", org, a)
			if l.stopped {
				return
			}
		}
		return
	}
	for dir := range l.dirs(base) {
		if isAccount(dir) {
			l.account(base+dir+"/", org, dir)
		}
		if l.stopped {
			return
		}
	}
}

// account lists the regions of one account, whose directory is base.
func (l *lister) account(base, org, account string) {
	base += l.q.dir() + "/"
	if len(l.q.Regions) > 0 {
		for _, r := range l.q.Regions {
			l.region(base+r+"/", org, account, r)
			if l.stopped {
				return
			}
		}
		return
	}
	for dir := range l.dirs(base) {
		l.region(base+dir+"/", org, account, dir)
		if l.stopped {
			return
		}
	}
}

// region lists the log files under base, the directory of one region of
// one account, from the day of Since to the day of Until+Lag.
func (l *lister) region(base, org, account, region string) {
	in := &s3.ListObjectsV2Input{Bucket: aws.String(l.q.Bucket), Prefix: aws.String(base)}
	from, to := l.q.fileRange()
	if !from.IsZero() {
		// Keys sort by day, then by delivery time within the day: start
		// at the first file that may be in the range.
		after := base + from.Format("2006/01/02/") + account + "_" + l.q.dir() + "_" + region + "_" + from.Format("20060102T1504Z")
		in.StartAfter = aws.String(after)
	}
	lastDay := ""
	if !to.IsZero() {
		lastDay = to.Format("2006/01/02")
	}
	for page := range l.pages(in) {
		for _, o := range page.Contents {
			key := aws.ToString(o.Key)
			rest := key[min(len(base), len(key)):]
			if lastDay != "" && len(rest) >= len(lastDay) && rest[:len(lastDay)] > lastDay {
				return // past the range: the keys after are later still
			}
			obj := Object{Bucket: l.q.Bucket, Key: key, Size: aws.ToInt64(o.Size), ETag: aws.ToString(o.ETag)}
			var ok bool
			obj.Organization, obj.Account, obj.Region, obj.Delivered, ok = parseKey(key)
			if ok && !l.q.delivered(obj.Delivered, from, to) {
				continue
			}
			if !ok && !multi.IsLogFile(key) {
				continue
			}
			if !l.send(obj, nil) {
				return
			}
		}
	}
}

// deliveryMargin is how far before Since a log file's delivery time may be
// and the file still be read: its name gives the time to the minute.
const deliveryMargin = 2 * time.Minute

// fileRange returns the range of delivery times of the log files that may
// hold records of the range [Since, Until); a zero time is unbounded.
func (q Query) fileRange() (from, to time.Time) {
	if !q.Since.IsZero() {
		from = q.Since.UTC().Add(-deliveryMargin)
	}
	if !q.Until.IsZero() {
		lag := q.Lag
		switch {
		case lag == 0:
			lag = DefaultLag
		case lag < 0:
			lag = 0
		}
		to = q.Until.UTC().Add(lag)
	}
	return from, to
}

// delivered reports whether a log file delivered at t is in [from, to].
func (q Query) delivered(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from.Truncate(time.Minute))) && (to.IsZero() || !t.After(to))
}

// pages yields the pages of a listing; an error of the listing is sent as
// an *Error, and ends it.
func (l *lister) pages(in *s3.ListObjectsV2Input) iter.Seq[*s3.ListObjectsV2Output] {
	return func(yield func(*s3.ListObjectsV2Output) bool) {
		p := s3.NewListObjectsV2Paginator(l.c, in)
		for p.HasMorePages() {
			page, err := p.NextPage(l.ctx)
			if err != nil {
				if l.ctx.Err() == nil {
					l.send(Object{}, &Error{Op: "list", URL: "s3://" + l.q.Bucket + "/" + aws.ToString(in.Prefix), Err: err})
				}
				return
			}
			if !yield(page) {
				return
			}
		}
	}
}

// dirs yields the names of the directories under prefix, without their
// "/", in lexical order.
func (l *lister) dirs(prefix string) iter.Seq[string] {
	return func(yield func(string) bool) {
		in := &s3.ListObjectsV2Input{
			Bucket:    aws.String(l.q.Bucket),
			Prefix:    aws.String(prefix),
			Delimiter: aws.String("/"),
		}
		for page := range l.pages(in) {
			for _, cp := range page.CommonPrefixes {
				dir := strings.TrimSuffix(strings.TrimPrefix(aws.ToString(cp.Prefix), prefix), "/")
				if dir == "" || !yield(dir) {
					return
				}
			}
		}
	}
}

// ParseKey returns the Object that a key names (Key, and what the key
// tells: Organization, Account, Region, Delivered), and whether the key
// is that of a log file in CloudTrail's layout,
//
//	[prefix/]AWSLogs/[o-organization/]account/CloudTrail/region/yyyy/mm/dd/account_CloudTrail_region_yyyymmddThhmmZ_unique.json.gz
//
// or of an Insights log file (CloudTrail-Insight for CloudTrail). A digest
// file, or any other key, is not: a program that S3 notifies of new
// objects may skip those keys before reading them. What the key tells is
// filled as far as it goes.
func ParseKey(key string) (Object, bool) {
	o := Object{Key: key}
	var ok bool
	o.Organization, o.Account, o.Region, o.Delivered, ok = parseKey(key)
	return o, ok
}

// parseKey reads what a key in CloudTrail's layout tells, for ParseKey.
func parseKey(key string) (org, account, region string, delivered time.Time, ok bool) {
	i := strings.LastIndex(key, "AWSLogs/")
	if i < 0 {
		return "", "", "", time.Time{}, false
	}
	parts := strings.Split(key[i+len("AWSLogs/"):], "/")
	if len(parts) > 0 && isOrganization(parts[0]) {
		org, parts = parts[0], parts[1:]
	}
	if len(parts) != 7 || !isAccount(parts[0]) || (parts[1] != "CloudTrail" && parts[1] != "CloudTrail-Insight") {
		return "", "", "", time.Time{}, false
	}
	account, region = parts[0], parts[2]
	name := parts[6]
	head := account + "_" + parts[1] + "_" + region + "_"
	if !strings.HasPrefix(name, head) || len(name) < len(head)+len("20060102T1504Z") {
		return org, account, region, time.Time{}, false
	}
	t, err := time.Parse("20060102T1504Z", name[len(head):len(head)+len("20060102T1504Z")])
	if err != nil {
		return org, account, region, time.Time{}, false
	}
	return org, account, region, t, true
}

// isAccount reports whether s is an account ID: 12 digits.
func isAccount(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isOrganization reports whether s is an organization ID: "o-" and 10 to
// 32 lower-case letters and digits.
func isOrganization(s string) bool {
	if len(s) < 12 || len(s) > 34 || !strings.HasPrefix(s, "o-") {
		return false
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// maxResumes is how many times a read of an object that fails is resumed
// where it stopped.
const maxResumes = 3

// NewInput returns the input that reads o (Bucket, Key and, for Progress,
// Size) with GetObject, streaming. A read that fails part way (a reset
// connection) is resumed where it stopped, with a ranged GetObject of the
// same version of the object (If-Match its ETag), up to three times.
func NewInput(c Client, o Object) multi.Input {
	return multi.Input{
		Name: o.Name(),
		Size: o.Size,
		Open: func(ctx context.Context) (io.ReadCloser, error) {
			b := &body{ctx: ctx, c: c, o: o}
			if err := b.get(); err != nil {
				return nil, err
			}
			return b, nil
		},
	}
}

// body reads an object, resuming a read that fails.
type body struct {
	ctx     context.Context
	c       Client
	o       Object
	rc      io.ReadCloser
	off     int64
	resumes int
}

// get starts reading the object at b.off.
func (b *body) get() error {
	in := &s3.GetObjectInput{Bucket: aws.String(b.o.Bucket), Key: aws.String(b.o.Key)}
	if b.off > 0 {
		in.Range = aws.String(fmt.Sprintf("bytes=%d-", b.off))
	}
	if b.o.ETag != "" {
		in.IfMatch = aws.String(b.o.ETag)
	}
	out, err := b.c.GetObject(b.ctx, in)
	if err != nil {
		return &Error{Op: "get", URL: b.o.Name(), Err: err}
	}
	if b.o.ETag == "" {
		b.o.ETag = aws.ToString(out.ETag)
	}
	b.rc = out.Body
	return nil
}

func (b *body) Read(p []byte) (int, error) {
	for {
		if b.rc == nil {
			if err := b.get(); err != nil {
				return 0, err
			}
		}
		n, err := b.rc.Read(p)
		b.off += int64(n)
		if err == nil || err == io.EOF {
			return n, err
		}
		if b.ctx.Err() != nil || b.resumes >= maxResumes {
			return n, &Error{Op: "get", URL: b.o.Name(), Err: fmt.Errorf("read at byte %d: %w", b.off, err)}
		}
		b.resumes++
		b.rc.Close()
		b.rc = nil
		if n > 0 {
			return n, nil
		}
	}
}

func (b *body) Close() error {
	if b.rc == nil {
		return nil
	}
	err := b.rc.Close()
	b.rc = nil
	return err
}
