package cloudtrail_test

import (
	"bytes"
	stdgzip "compress/gzip"
	"encoding/json"
	"io"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// The benchmarks compare the Reader with the obvious alternative, which is
// their baseline: encoding/json of the whole log file into
// struct{ Records []map[string]any }, then a loop over the records. Both
// sides of a pair count the uncompressed bytes of the trail in SetBytes, so
// that their MB/s compare directly.
//
//	go test -run '^$' -bench . -benchmem ./cloudtrail/

// benchTrailSize is the size of the trail the benchmarks read.
const benchTrailSize = 16 << 20

var mediaSources = []string{
	"mediaconvert.amazonaws.com",
	"elastictranscoder.amazonaws.com",
	"transcribe.amazonaws.com",
	"mediatailor.amazonaws.com",
}

var benchTrail = sync.OnceValues(func() ([]byte, []byte) {
	plain := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 42, Bytes: benchTrailSize})
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(plain)
	zw.Close()
	return plain, z.Bytes()
})

// baseline decodes a log file the obvious way and counts the records whose
// eventSource is in sources (all records when sources is nil).
func baseline(b *testing.B, data []byte, sources map[string]bool) int {
	var file struct {
		Records []map[string]any
	}
	if err := json.Unmarshal(data, &file); err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, rec := range file.Records {
		src, _ := rec["eventSource"].(string)
		if sources == nil || sources[src] {
			n++
		}
	}
	return n
}

// readAll reads every event of r and returns their count.
func readAll(b *testing.B, r *cloudtrail.Reader) int {
	n := 0
	for e, err := range r.All() {
		if err != nil {
			b.Fatal(err)
		}
		if e.EventSource == "" {
			b.Fatal("event without source")
		}
		n++
	}
	return n
}

func sourceSet() map[string]bool {
	m := make(map[string]bool)
	for _, s := range mediaSources {
		m[s] = true
	}
	return m
}

// BenchmarkFilterMedia selects the media events of a plain trail (target a:
// at least 15 times the baseline).
func BenchmarkFilterMedia(b *testing.B) {
	plain, _ := benchTrail()
	want := -1
	b.Run("baseline", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			want = baseline(b, plain, sourceSet())
		}
	})
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			n := readAll(b, cloudtrail.NewReader(bytes.NewReader(plain), cloudtrail.WithEventSources(mediaSources...)))
			if want >= 0 && n != want {
				b.Fatalf("reader found %d media events, baseline %d", n, want)
			}
		}
	})
	b.Run("reader-1cpu", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			readAll(b, cloudtrail.NewReader(bytes.NewReader(plain), cloudtrail.WithEventSources(mediaSources...), cloudtrail.WithParallel(false)))
		}
	})
}

// BenchmarkDecodeAll decodes the envelope of every record of a plain trail
// (target b: at least 4 times the baseline).
func BenchmarkDecodeAll(b *testing.B) {
	plain, _ := benchTrail()
	want := -1
	b.Run("baseline", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			want = baseline(b, plain, nil)
		}
	})
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			n := readAll(b, cloudtrail.NewReader(bytes.NewReader(plain)))
			if want >= 0 && n != want {
				b.Fatalf("reader found %d events, baseline %d", n, want)
			}
		}
	})
	b.Run("reader-1cpu", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			readAll(b, cloudtrail.NewReader(bytes.NewReader(plain), cloudtrail.WithParallel(false)))
		}
	})
}

// BenchmarkFilterMediaGzip selects the media events of a gzipped trail
// (target c: at least 6 times the baseline). SetBytes counts uncompressed
// bytes. The baseline inflates with compress/gzip, as the obvious code
// would; baseline-klauspost inflates with the faster package the Reader
// uses, to show how much of the gain is JSON handling alone.
func BenchmarkFilterMediaGzip(b *testing.B) {
	plain, z := benchTrail()
	want := -1
	b.Run("baseline", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			zr, err := stdgzip.NewReader(bytes.NewReader(z))
			if err != nil {
				b.Fatal(err)
			}
			data, err := io.ReadAll(zr)
			if err != nil {
				b.Fatal(err)
			}
			want = baseline(b, data, sourceSet())
		}
	})
	b.Run("baseline-klauspost", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			zr, err := gzip.NewReader(bytes.NewReader(z))
			if err != nil {
				b.Fatal(err)
			}
			data, err := io.ReadAll(zr)
			if err != nil {
				b.Fatal(err)
			}
			baseline(b, data, sourceSet())
		}
	})
	b.Run("reader", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			n := readAll(b, cloudtrail.NewReader(bytes.NewReader(z), cloudtrail.WithEventSources(mediaSources...)))
			if want >= 0 && n != want {
				b.Fatalf("reader found %d media events, baseline %d", n, want)
			}
		}
	})
	b.Run("reader-sequential", func(b *testing.B) {
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			readAll(b, cloudtrail.NewReader(bytes.NewReader(z), cloudtrail.WithEventSources(mediaSources...), cloudtrail.WithReadAhead(false)))
		}
	})
}

// heapSampler records the peak of the heap while it runs.
type heapSampler struct {
	stop chan struct{}
	done chan struct{}
	base uint64 // the heap when sampling started, after a collection
	peak uint64
}

// sampleHeap collects garbage, then samples the heap every so often until
// Stop.
func sampleHeap(every time.Duration) *heapSampler {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s := &heapSampler{stop: make(chan struct{}), done: make(chan struct{}), base: ms.HeapAlloc}
	go func() {
		defer close(s.done)
		var ms runtime.MemStats
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > s.peak {
				s.peak = ms.HeapAlloc
			}
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// Stop ends sampling and returns the peak heap in bytes.
func (s *heapSampler) Stop() uint64 {
	close(s.stop)
	<-s.done
	return s.peak
}

// Growth returns how much the heap grew over what it held when sampling
// started.
func (s *heapSampler) Growth() uint64 {
	return max(s.peak, s.base) - s.base
}

// BenchmarkStream256MB streams a 256 MB trail, generated as it is read,
// through the Reader and reports how much the heap grows over what the
// benchmark process held before (target d: bounded by the largest record
// plus buffers, far below the input size). The collector runs with GOGC=10
// meanwhile, so that the measure is what the Reader holds rather than
// garbage the collector has not come to yet.
func BenchmarkStream256MB(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	for _, gz := range []bool{false, true} {
		name := "plain"
		if gz {
			name = "gzip"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(256 << 20)
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				s := sampleHeap(2 * time.Millisecond)
				src := cloudtrailtest.NewTrailReader(cloudtrailtest.TrailConfig{Seed: 7, Bytes: 256 << 20, Gzip: gz})
				readAll(b, cloudtrail.NewReader(src, cloudtrail.WithEventSources(mediaSources...)))
				s.Stop()
				peak = max(peak, s.Growth())
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			if peak > 64<<20 {
				b.Errorf("peak heap growth %d MB, want < 64 MB", peak>>20)
			}
		})
	}
}
