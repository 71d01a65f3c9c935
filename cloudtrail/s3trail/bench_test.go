package s3trail_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
	"github.com/mediatrail/mediatrail/cloudtrail/s3trail"
	"github.com/mediatrail/mediatrail/internal/s3test"
)

// BenchmarkOpen reads a trail of 96 small gzip log files (a day of one
// account and region, one file every 15 minutes, 100 records each) from
// the S3-compatible server of the tests, with 1 object at a time (the
// baseline: one after another) and with the default of s3trail
// (DefaultConcurrency). SetBytes counts the bytes stored.
//
//	go test -run '^$' -bench Open -benchmem ./cloudtrail/s3trail/
func BenchmarkOpen(b *testing.B) {
	srv := s3test.Start(b)
	dir := b.TempDir()
	keys, err := cloudtrailtest.WriteS3Layout(dir, cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 21, Records: 100},
		Start:       day,
		FilesPerDay: 96,
	})
	if err != nil {
		b.Fatal(err)
	}
	bucket := srv.Bucket(b)
	srv.PutDir(b, bucket, dir, keys)
	var size int64
	for o, err := range s3trail.List(context.Background(), srv.Client, s3trail.Query{Bucket: bucket}) {
		if err != nil {
			b.Fatal(err)
		}
		size += o.Size
	}
	for _, n := range []int{1, s3trail.DefaultConcurrency()} {
		b.Run(fmt.Sprintf("objects=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				r := s3trail.Open(context.Background(), srv.Client, s3trail.Query{Bucket: bucket}, multi.WithConcurrency(n))
				events := 0
				for _, err := range r.All() {
					if err != nil {
						b.Fatal(err)
					}
					events++
				}
				if events != len(keys)*100 {
					b.Fatalf("%d events, want %d", events, len(keys)*100)
				}
			}
		})
	}
}
