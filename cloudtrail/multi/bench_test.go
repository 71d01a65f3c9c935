package multi_test

import (
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
)

// BenchmarkMultiS3Layout reads an S3 layout of many small gzip log files
// (2 accounts × 2 regions × 96 files of 100 records, about 380 files)
// one file after another with cloudtrail.NewReader and its default
// options ("sequential"), and with a multi.Reader that reads 1 or 2 files
// at once. SetBytes counts the decompressed bytes of the layout, as the
// benchmarks of package cloudtrail do, so that MB/s compare with theirs.
//
//	go test -run '^$' -bench MultiS3Layout -benchmem ./cloudtrail/multi/
func BenchmarkMultiS3Layout(b *testing.B) {
	dir := b.TempDir()
	keys, err := cloudtrailtest.WriteS3Layout(dir, cloudtrailtest.S3LayoutConfig{
		Trail:       cloudtrailtest.TrailConfig{Seed: 11, Records: 100},
		Accounts:    []string{"111122223333", "444455556666"},
		Regions:     []string{"us-east-1", "eu-west-1"},
		FilesPerDay: 96,
	})
	if err != nil {
		b.Fatal(err)
	}
	var plain int64
	for _, k := range keys {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(k)))
		if err != nil {
			b.Fatal(err)
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, z)
		if err != nil {
			b.Fatal(err)
		}
		plain += n
		f.Close()
	}
	want := len(keys) * 100

	b.Run("sequential", func(b *testing.B) {
		b.SetBytes(plain)
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				f, err := os.Open(p)
				if err != nil {
					return err
				}
				defer f.Close()
				for _, err := range cloudtrail.NewReader(f).All() {
					if err != nil {
						return err
					}
					n++
				}
				return nil
			})
			if err != nil || n != want {
				b.Fatalf("%d events, %v", n, err)
			}
		}
	})
	for _, c := range []int{1, 2} {
		b.Run("multi-"+string(rune('0'+c)), func(b *testing.B) {
			b.SetBytes(plain)
			b.ReportAllocs()
			for b.Loop() {
				r := multi.Open(context.Background(), []string{dir}, multi.WithConcurrency(c))
				n := 0
				for _, err := range r.All() {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != want {
					b.Fatalf("%d events", n)
				}
			}
		})
	}
}
