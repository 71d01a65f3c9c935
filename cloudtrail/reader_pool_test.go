package cloudtrail_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// poolInputs returns inputs of many kinds, which differ with seed: log
// files plain and gzipped, small and larger than the first buffer, every
// container of cloudtrailtest, a gzip file cut short and one with a
// record larger than the buffers Readers share.
func poolInputs(seed uint64) map[string][]byte {
	in := map[string][]byte{}
	for i, n := range []int{1, 30, 300} {
		cfg := cloudtrailtest.TrailConfig{Seed: seed*10 + uint64(i), Records: n}
		in[fmt.Sprintf("trail-%d", n)] = cloudtrailtest.Trail(cfg)
		cfg.Gzip = true
		z := cloudtrailtest.Trail(cfg)
		in[fmt.Sprintf("trail-%d.gz", n)] = z
		in[fmt.Sprintf("trail-%d-cut.gz", n)] = z[:len(z)*2/3]
	}
	ops := cloudtrailtest.FixtureOperations()
	fixture := func(i uint64, opts ...cloudtrailtest.Option) *cloudtrail.Event {
		op := ops[int(i)%len(ops)]
		return cloudtrailtest.Fixture(op.EventSource, op.EventName, append(opts, cloudtrailtest.WithSeed(i))...)
	}
	events := []*cloudtrail.Event{fixture(seed), fixture(seed + 7)}
	for _, c := range cloudtrailtest.Containers() {
		in[c.String()] = cloudtrailtest.Encode(c, events...)
	}
	// A record of 2 MB: the text buffer grows beyond what goes back to a
	// pool.
	big := fixture(seed+3, cloudtrailtest.WithEdit(func(e *cloudtrail.Event) {
		e.UserAgent = strings.Repeat(fmt.Sprintf("agent-%d ", seed), 2<<20/10)
	}))
	in["big.gz"] = cloudtrailtest.Encode(cloudtrailtest.GzipLogFile, big, events[0])
	return in
}

// kept is an Event and what it was right after it was read.
type kept struct {
	e       *cloudtrail.Event
	raw     []byte
	json    []byte
	name    string
	id      string
	source  string
	arn     string
	details string
}

func keep(t *testing.T, e *cloudtrail.Event) kept {
	t.Helper()
	j, err := e.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	k := kept{
		e:       e,
		raw:     bytes.Clone(e.Raw()),
		json:    bytes.Clone(j),
		name:    strings.Clone(e.EventName),
		id:      strings.Clone(e.EventID),
		source:  strings.Clone(e.EventSource),
		details: string(e.ServiceEventDetails),
	}
	if e.UserIdentity != nil {
		k.arn = strings.Clone(e.UserIdentity.ARN)
	}
	return k
}

func (k kept) check(t *testing.T, where string) {
	t.Helper()
	e := k.e
	j, _ := e.MarshalJSON()
	arn := ""
	if e.UserIdentity != nil {
		arn = e.UserIdentity.ARN
	}
	if !bytes.Equal(e.Raw(), k.raw) || !bytes.Equal(j, k.json) || e.EventName != k.name || e.EventID != k.id ||
		e.EventSource != k.source || arn != k.arn || string(e.ServiceEventDetails) != k.details {
		t.Fatalf("%s: an Event changed after other inputs were read:\nnow  %.200s\nwas  %.200s", where, e.Raw(), k.raw)
	}
}

// readKeeping reads in with a new Reader and returns its events.
func readKeeping(t *testing.T, in []byte, opts ...cloudtrail.Option) []kept {
	t.Helper()
	r := cloudtrail.NewReader(bytes.NewReader(in), opts...)
	var out []kept
	for {
		e, err := r.Next()
		if err == io.EOF {
			break
		}
		if err == nil {
			out = append(out, keep(t, e))
		}
	}
	// After the end, the Reader has given its buffers back: it must not
	// touch them again.
	for range 3 {
		if e, err := r.Next(); e != nil || err != io.EOF {
			t.Fatalf("Next after the end: %v, %v", e, err)
		}
	}
	r.Close()
	nextUntilEOF(t, r)
	return out
}

// nextUntilEOF calls Next after Close, which gives no event and comes to
// io.EOF (after ErrClosed, when Close ended reading).
func nextUntilEOF(t *testing.T, r *cloudtrail.Reader) {
	t.Helper()
	for range 3 {
		e, err := r.Next()
		if e != nil {
			t.Error("Next gives an event after Close")
			return
		}
		if err == io.EOF {
			return
		}
	}
	t.Error("Next does not come to io.EOF after Close")
}

// TestReaderEventsOwnTheirBytes reads many inputs and keeps their events,
// then reads others with new Readers, which reuse the buffers the first
// gave back, and checks that the first events did not change: no Event
// points into a buffer a Reader shares.
func TestReaderEventsOwnTheirBytes(t *testing.T) {
	optionSets := map[string][]cloudtrail.Option{
		"default":   nil,
		"serial":    {cloudtrail.WithReadAhead(false), cloudtrail.WithParallel(false)},
		"filter":    {cloudtrail.WithEventSources("mediaconvert.amazonaws.com", "s3.amazonaws.com")},
		"lenient":   {cloudtrail.Lenient(), cloudtrail.WithReadAhead(false)},
		"service":   {cloudtrail.WithServiceEvents()},
		"smallmax":  {cloudtrail.WithMaxRecordSize(16 << 10)},
		"writes":    {cloudtrail.WithWritesOnly(), cloudtrail.WithReadAhead(false)},
		"readahead": {cloudtrail.WithReadAhead(true), cloudtrail.WithParallel(true)},
	}
	var first []kept
	for _, opts := range optionSets {
		for _, b := range poolInputs(1) {
			first = append(first, readKeeping(t, b, opts...)...)
		}
	}
	if len(first) < 1000 {
		t.Fatalf("only %d events kept", len(first))
	}
	// Other inputs, through new Readers, several at once.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for seed := uint64(2); seed < 3; seed++ {
				for _, opts := range optionSets {
					for _, b := range poolInputs(seed + uint64(g)*10) {
						r := cloudtrail.NewReader(bytes.NewReader(b), opts...)
						for _, err := range r.All() {
							_ = err
						}
						r.Close()
					}
				}
			}
		})
	}
	wg.Wait()
	for i, k := range first {
		k.check(t, fmt.Sprintf("event %d", i))
	}
}

// TestReaderReleaseConcurrent reads many inputs on several goroutines at
// once, stopping some early with Close at any point (the read-ahead
// goroutine may be at work then), and calls Next again after the end and
// after Close. Under the race detector it checks that a Reader does not
// use buffers once it has given them back, and that a read-ahead
// goroutine gives its own back only when it has ended.
func TestReaderReleaseConcurrent(t *testing.T) {
	inputs := poolInputs(5)
	var names []string
	for n := range inputs {
		names = append(names, n)
	}
	rounds := 30
	if testing.Short() {
		rounds = 10
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 9))
			for range rounds {
				for _, n := range names {
					var src io.Reader = bytes.NewReader(inputs[n])
					switch rng.IntN(4) {
					case 0:
						src = iotest.HalfReader(src)
					case 1:
						src = iotest.DataErrReader(src)
					}
					var opts []cloudtrail.Option
					if rng.IntN(2) == 0 {
						opts = append(opts, cloudtrail.WithReadAhead(false))
					}
					r := cloudtrail.NewReader(src, opts...)
					stopAt := -1
					if rng.IntN(2) == 0 {
						stopAt = rng.IntN(40)
					}
					for i := 0; ; i++ {
						if i == stopAt {
							r.Close()
						}
						e, err := r.Next()
						if err == io.EOF {
							break
						}
						if stopAt >= 0 && i >= stopAt && e != nil {
							t.Errorf("%s: Next gives an event after Close", n)
							return
						}
						if i > 1000 {
							t.Errorf("%s: Next does not end", n)
							return
						}
					}
					r.Close()
					nextUntilEOF(t, r)
				}
			}
		})
	}
	wg.Wait()
}

// TestReaderReusesBuffers checks that Readers of small inputs read one
// after another reuse their buffers: each allocates about what its events
// take, not the 300 KB or so of its buffers.
func TestReaderReusesBuffers(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector drops some of what goes back to a pool")
	}
	in := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 3, Records: 10, Gzip: true})
	for _, opts := range [][]cloudtrail.Option{
		{cloudtrail.WithReadAhead(false)},
		nil, // with the read-ahead goroutine
	} {
		read := func() {
			n := 0
			for _, err := range cloudtrail.NewReader(bytes.NewReader(in), opts...).All() {
				if err != nil {
					t.Fatal(err)
				}
				n++
			}
			if n != 10 {
				t.Fatalf("%d events", n)
			}
		}
		read()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		const reads = 50
		for range reads {
			read()
		}
		runtime.ReadMemStats(&m1)
		per := (m1.TotalAlloc - m0.TotalAlloc) / reads
		t.Logf("%d bytes allocated per input", per)
		if per > 100<<10 {
			t.Errorf("%d bytes allocated per input of 10 records: the buffers are not reused", per)
		}
	}
}
