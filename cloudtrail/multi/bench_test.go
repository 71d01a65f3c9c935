package multi_test

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
)

// BenchmarkMultiS3Layout reads an S3 layout of many small gzip log files
// (2 accounts × 2 regions × 96 files of 100 records, about 380 files)
// one file after another with cloudtrail.NewReader and its default
// options ("sequential"), and with a multi.Reader that reads as many files
// at once as there are cores ("multi"), each on 1 and on 2 cores: the
// sub-benchmark sets GOMAXPROCS itself, so one run gives every figure side
// by side (-cpu is not needed). The "gogc=400" forms run with the
// collector's GOGC at 400 instead of 100, as a batch program may set it.
// SetBytes counts the decompressed bytes of the layout, as the benchmarks
// of package cloudtrail do, so that MB/s compare with theirs.
//
//	go test -run '^$' -bench MultiS3Layout -benchmem ./cloudtrail/multi/
//
// The figure of the scaling is multi/cores=2 against multi/cores=1; that
// of the gain over one file after another, multi/cores=2 against
// sequential/cores=2.
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

	sequential := func(b *testing.B) {
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
	concurrent := func(b *testing.B) {
		r := multi.Open(context.Background(), []string{dir})
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
	for _, bench := range []struct {
		name string
		read func(b *testing.B)
		gogc int
	}{
		{"sequential", sequential, 100},
		{"multi", concurrent, 100},
		{"multi/gogc=400", concurrent, 400},
	} {
		for _, cores := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/cores=%d", bench.name, cores), func(b *testing.B) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cores))
				defer debug.SetGCPercent(debug.SetGCPercent(bench.gogc))
				b.SetBytes(plain)
				b.ReportAllocs()
				for b.Loop() {
					bench.read(b)
				}
			})
		}
	}
}
