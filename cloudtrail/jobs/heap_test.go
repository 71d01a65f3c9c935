package jobs_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/jobs"
)

var (
	benchBytes    = flag.Int64("jobs.bytes", 64<<20, "size in bytes of the trail each iteration of BenchmarkTrackerTrail reads")
	benchFraction = flag.Float64("jobs.media", 0.3, "share of media events in the trails of BenchmarkTrackerTrail")
)

// heapRun is what reading a trail into a Tracker measured.
type heapRun struct {
	histories int    // histories at the end
	peak      uint64 // the largest live heap seen after a collection, in bytes
	peakJobs  int    // histories when it was seen
	base      uint64 // live heap before reading
	events    int
}

// liveHeap collects garbage and returns the live heap.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// countingReader counts the bytes read through it and calls sample every
// step bytes.
type countingReader struct {
	r      io.Reader
	n      int64
	next   int64
	step   int64
	sample func()
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n >= c.next && c.sample != nil {
		c.next += c.step
		c.sample()
	}
	return n, err
}

// readTrail reads the trail in into tr and measures the live heap every
// step bytes of input; pause and resume bracket the measurements (for a
// benchmark's timer).
func readTrail(tb testing.TB, in io.Reader, tr *jobs.Tracker, step int64, pause, resume func()) heapRun {
	tb.Helper()
	run := heapRun{base: liveHeap()}
	sample := func() {
		pause()
		if h := liveHeap(); h > run.peak {
			run.peak, run.peakJobs = h, tr.Len()
		}
		resume()
	}
	r := cloudtrail.NewReader(&countingReader{r: in, step: step, next: step, sample: sample})
	for e, err := range r.All() {
		if err != nil {
			tb.Fatal(err)
		}
		if err := tr.Add(e); err != nil {
			tb.Fatal(err)
		}
		run.events++
	}
	sample()
	run.histories = tr.Len()
	return run
}

// perJob is the live heap over the base per history, in bytes.
func (r heapRun) perJob() float64 {
	if r.peakJobs == 0 {
		return 0
	}
	return float64(r.peak-min(r.base, r.peak)) / float64(r.peakJobs)
}

// BenchmarkTrackerTrail reads a generated trail of -jobs.bytes bytes
// (64 MiB unless set) with a share of -jobs.media media events (0.3 unless
// set) through a Reader into a Tracker. The trail is made with
// NewTrailReader before the timer starts, so that the speed is that of
// reading and tracking. Besides the speed and the allocations, it reports
// the live heap after a collection, less the heap before reading (which
// holds the trail): its peak (live-MB) and that peak per history
// (live-B/job), what the Tracker keeps for each job with the Reader's
// buffers spread over them.
func BenchmarkTrackerTrail(b *testing.B) {
	data, err := io.ReadAll(cloudtrailtest.NewTrailReader(cloudtrailtest.TrailConfig{Bytes: *benchBytes, MediaFraction: *benchFraction, Seed: 7}))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var last heapRun
	for b.Loop() {
		tr := jobs.NewTracker()
		last = readTrail(b, bytes.NewReader(data), tr, 8<<20, b.StopTimer, b.StartTimer)
		runtime.KeepAlive(tr)
	}
	b.ReportMetric(float64(last.peak-min(last.base, last.peak))/(1<<20), "live-MB")
	b.ReportMetric(last.perJob(), "live-B/job")
	b.ReportMetric(float64(last.histories), "jobs")
}

// TestLongTrailHeap reads a 1 GiB trail, generated as it is read, into a
// Tracker and checks that the live heap stays within what the histories
// need, when MEDIATRAIL_LONG=1.
//
// The bound is the heap before reading, plus 16 MiB for the Reader (it
// holds at most about three times the record size limit of 4 MiB with its
// buffers, far less for the records of a generated trail), plus 2 KiB per
// history, plus the Settings the submissions keep with a quarter more for
// the rounding of allocations. The 2 KiB are a history's structure (about
// 900 bytes), its map entry and the strings copied out of the records (an
// id, an ARN, event ids; actors, operations and addresses are interned):
// about 1.5 KiB measured, for the one or two observations a history of
// the generated trail has. The Settings are what the Tracker is asked to
// keep: the requestParameters of each submission. A Tracker that kept
// whole records (2 to 20 KB each, per observation) or events, or strings
// that share a record's bytes, is far over it.
func TestLongTrailHeap(t *testing.T) {
	if os.Getenv("MEDIATRAIL_LONG") != "1" {
		t.Skip("reads a 1 GiB trail; set MEDIATRAIL_LONG=1 to run")
	}
	cfg := cloudtrailtest.TrailConfig{Bytes: 1 << 30, Seed: 11}
	tr := jobs.NewTracker()
	run := readTrail(t, cloudtrailtest.NewTrailReader(cfg), tr, 64<<20, func() {}, func() {})
	var settings uint64
	for _, h := range tr.Histories() {
		if h.Submitted != nil {
			settings += uint64(len(h.Submitted.Settings))
		}
	}
	bound := run.base + 16<<20 + uint64(run.histories)*2<<10 + settings*5/4
	t.Logf("%d events, %d histories, %.1f MiB of settings; live heap: %.1f MiB before, peak %.1f MiB with %d histories (%.0f B per history); bound %.1f MiB",
		run.events, run.histories, float64(settings)/(1<<20), float64(run.base)/(1<<20), float64(run.peak)/(1<<20), run.peakJobs, run.perJob(), float64(bound)/(1<<20))
	if run.peak > bound {
		t.Errorf("live heap %d bytes is over the bound of %d", run.peak, bound)
	}
	runtime.KeepAlive(tr)
}
