package multi_test

import (
	"bytes"
	"context"
	"errors"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
)

// layout writes an S3 layout of 2 accounts × 2 regions × 1 day × 24 files
// × records records under a new directory, once per test binary and size,
// and returns the directory and the paths of its files.
var layouts sync.Map // records → *layoutDir

type layoutDir struct {
	once  sync.Once
	dir   string
	paths []string
	err   error
}

func layout(t testing.TB, records int) (string, []string) {
	t.Helper()
	v, _ := layouts.LoadOrStore(records, new(layoutDir))
	l := v.(*layoutDir)
	l.once.Do(func() {
		l.dir, l.err = os.MkdirTemp("", "multi-layout")
		if l.err != nil {
			return
		}
		var keys []string
		keys, l.err = cloudtrailtest.WriteS3Layout(l.dir, cloudtrailtest.S3LayoutConfig{
			Trail:    cloudtrailtest.TrailConfig{Seed: 7, Records: records},
			Accounts: []string{"111122223333", "444455556666"},
			Regions:  []string{"us-east-1", "eu-west-1"},
		})
		for _, k := range keys {
			l.paths = append(l.paths, filepath.Join(l.dir, filepath.FromSlash(k)))
		}
	})
	if l.err != nil {
		t.Fatal(l.err)
	}
	return l.dir, l.paths
}

func TestMain(m *testing.M) {
	code := m.Run()
	layouts.Range(func(_, v any) bool {
		if d := v.(*layoutDir).dir; d != "" {
			os.RemoveAll(d)
		}
		return true
	})
	os.Exit(code)
}

// record is what a test compares of an event: its input and a hash of its
// bytes.
type record struct {
	input string
	hash  uint64
}

func hashOf(e *cloudtrail.Event) uint64 {
	h := fnv.New64a()
	h.Write(e.Raw())
	return h.Sum64()
}

// readOne reads one file with a cloudtrail.Reader, as the hashes of its
// events in order and its errors.
func readOne(t *testing.T, path string) ([]uint64, []error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hs []uint64
	var errs []error
	for e, err := range cloudtrail.NewReader(f).All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		hs = append(hs, hashOf(e))
	}
	return hs, errs
}

// readMulti reads r to its end: the hashes of the events of each input in
// the order they came, and the errors.
func readMulti(t *testing.T, r *multi.Reader) (map[string][]uint64, []error) {
	t.Helper()
	got := make(map[string][]uint64)
	var errs []error
	for e, err := range r.All() {
		if err != nil {
			var ie *multi.InputError
			if !errors.As(err, &ie) || ie.Name != r.Input() {
				t.Fatalf("error %v of input %q is no *InputError that names it", err, r.Input())
			}
			errs = append(errs, err)
			continue
		}
		got[r.Input()] = append(got[r.Input()], hashOf(e))
	}
	return got, errs
}

// checkGoroutines fails the test when goroutines that it started are still
// running shortly after it.
func checkGoroutines(t *testing.T) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(2 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<16)
				t.Errorf("%d goroutines before, %d after:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
}

func TestS3LayoutEqualsOneByOne(t *testing.T) {
	dir, paths := layout(t, 200)
	if len(paths) != 96 {
		t.Fatalf("%d files, want 96", len(paths))
	}
	want := make(map[string][]uint64)
	total := 0
	for _, p := range paths {
		hs, errs := readOne(t, p)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		want[p] = hs
		total += len(hs)
	}
	if total != 96*200 {
		t.Fatalf("%d records, want %d", total, 96*200)
	}
	for _, n := range []int{1, 2, 4, 0} {
		checkGoroutines(t)
		r := multi.Open(context.Background(), []string{dir}, multi.WithConcurrency(n))
		got, errs := readMulti(t, r)
		if len(errs) > 0 || r.Err() != nil {
			t.Fatalf("concurrency %d: errors %v, Err %v", n, errs, r.Err())
		}
		// Equal per input and in order, so equal as multisets.
		if len(got) != len(want) {
			t.Fatalf("concurrency %d: %d inputs, want %d", n, len(got), len(want))
		}
		for p, hs := range want {
			if !slices.Equal(got[p], hs) {
				t.Fatalf("concurrency %d: %s: %d events differ from the %d read alone", n, p, len(got[p]), len(hs))
			}
		}
		pr := r.Progress()
		var size int64
		for _, p := range paths {
			fi, _ := os.Stat(p)
			size += fi.Size()
		}
		if pr != (multi.Progress{Inputs: 96, InputsDone: 96, Bytes: size, BytesRead: size, Listed: true}) {
			t.Errorf("concurrency %d: progress %+v, want 96 inputs of %d bytes", n, pr, size)
		}
	}
}

// copyLayout copies the files of a layout to a new directory.
func copyLayout(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	if err := os.CopyFS(to, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return to
}

func TestErrorsNameTheirInput(t *testing.T) {
	src, _ := layout(t, 20)
	dir := copyLayout(t, src)
	var paths []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return err
	})
	// One file is cut short, one is garbage after its gzip header; a digest
	// file and a text file are not read.
	cut, bad := paths[5], paths[40]
	data, _ := os.ReadFile(cut)
	os.WriteFile(cut, data[:len(data)/2], 0o644)
	data, _ = os.ReadFile(bad)
	os.WriteFile(bad, append(data[:20:20], bytes.Repeat([]byte{0xa5}, 500)...), 0o644)
	digest := filepath.Join(dir, "AWSLogs", "111122223333", "CloudTrail-Digest", "us-east-1", "d.json")
	os.MkdirAll(filepath.Dir(digest), 0o755)
	os.WriteFile(digest, cloudtrailtest.DigestFile("bucket", time.Now()), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not JSON"), 0o644)
	missing := filepath.Join(dir, "missing.json")

	checkGoroutines(t)
	r := multi.Open(context.Background(), []string{missing, dir}, multi.WithConcurrency(2))
	got, errs := readMulti(t, r)

	failed := map[string]error{}
	for _, err := range errs {
		ie := err.(*multi.InputError)
		if failed[ie.Name] == nil {
			failed[ie.Name] = err
		}
		if !ie.Ended && ie.Name != bad {
			t.Errorf("error that reading goes on after: %v", err)
		}
	}
	if err := failed[missing]; !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	var ce *cloudtrail.ContainerError
	if err := failed[cut]; !errors.Is(err, cloudtrail.ErrTruncated) || !errors.As(err, &ce) {
		t.Errorf("file cut short: %v", err)
	}
	if failed[bad] == nil {
		t.Errorf("corrupt file: no error")
	}
	if len(failed) != 3 {
		t.Errorf("errors of %d inputs, want 3: %v", len(failed), errs)
	}
	for _, p := range paths {
		if p == cut || p == bad {
			continue
		}
		want, _ := readOne(t, p)
		if !slices.Equal(got[p], want) {
			t.Errorf("%s: %d events differ from the %d read alone", p, len(got[p]), len(want))
		}
	}
	if _, ok := got[digest]; ok {
		t.Errorf("digest file read")
	}
	if n := len(got[cut]); n == 0 || n >= 20 {
		t.Errorf("file cut short: %d events, want some of 20", n)
	}
	if err := r.Err(); !errors.Is(err, fs.ErrNotExist) || !errors.Is(err, cloudtrail.ErrTruncated) {
		t.Errorf("Err: %v", err)
	}
}

func TestStdin(t *testing.T) {
	checkGoroutines(t)
	trail := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: 3, Records: 50})
	file := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(file, trail, 0o644)
	stdin := append(bytes.Clone(trail), "\n{broken"...)
	r := multi.Open(context.Background(), []string{multi.Stdin, file}, multi.WithStdin(bytes.NewReader(stdin)))
	got, errs := readMulti(t, r)
	if len(got[multi.StdinName]) != 50 || len(got[file]) != 50 {
		t.Fatalf("%d events from stdin, %d from the file; want 50 each", len(got[multi.StdinName]), len(got[file]))
	}
	if !slices.Equal(got[multi.StdinName], got[file]) {
		t.Errorf("stdin and the file differ")
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), multi.StdinName+": ") {
		t.Errorf("errors %v, want one of %s", errs, multi.StdinName)
	}
}

func TestFS(t *testing.T) {
	checkGoroutines(t)
	fsys := fstest.MapFS{}
	want := map[string][]uint64{}
	for i, name := range []string{"logs/a/1.json.gz", "logs/a/2.json", "logs/b/3.jsonl", "logs/CloudTrail-Digest/4.json.gz", "logs/b/skip.txt", "other/5.json"} {
		data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Seed: uint64(i), Records: 30, Gzip: strings.HasSuffix(name, ".gz")})
		if strings.HasSuffix(name, ".txt") {
			fsys[name] = &fstest.MapFile{Data: []byte("not JSON")}
			continue
		}
		fsys[name] = &fstest.MapFile{Data: data}
		var hs []uint64
		for e, err := range cloudtrail.NewReader(bytes.NewReader(data)).All() {
			if err != nil {
				t.Fatal(err)
			}
			hs = append(hs, hashOf(e))
		}
		want[name] = hs
	}
	for _, tc := range []struct {
		names []string
		want  []string
	}{
		{[]string{"logs"}, []string{"logs/a/1.json.gz", "logs/a/2.json", "logs/b/3.jsonl"}},
		{nil, []string{"logs/a/1.json.gz", "logs/a/2.json", "logs/b/3.jsonl", "other/5.json"}},
		// The names a pattern matches are read whatever they are.
		{[]string{"logs/[ab]/*.json*", "logs/b/skip.txt"}, []string{"logs/a/1.json.gz", "logs/a/2.json", "logs/b/3.jsonl", "logs/b/skip.txt"}},
		{[]string{"logs/CloudTrail-Digest/*"}, []string{"logs/CloudTrail-Digest/4.json.gz"}},
	} {
		r := multi.OpenFS(context.Background(), fsys, tc.names)
		got, errs := readMulti(t, r)
		var names []string
		for name := range got {
			names = append(names, name)
		}
		slices.Sort(names)
		if name := "logs/b/skip.txt"; slices.Contains(tc.want, name) {
			// A file named is read whatever its name: this one is no JSON.
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), name) {
				t.Errorf("%q: errors %v, want one of %s", tc.names, errs, name)
			}
			if !slices.Contains(names, name) {
				names = append(names, name)
				slices.Sort(names)
			}
		} else if len(errs) > 0 {
			t.Errorf("%q: %v", tc.names, errs)
		}
		if !slices.Equal(names, tc.want) {
			t.Errorf("%q: read %q, want %q", tc.names, names, tc.want)
		}
		for name, hs := range got {
			if !slices.Equal(hs, want[name]) {
				t.Errorf("%q: %s differs", tc.names, name)
			}
		}
	}
	r := multi.OpenFS(context.Background(), fsys, []string{"nothing/*"})
	if _, errs := readMulti(t, r); len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) {
		t.Errorf("a pattern that matches nothing: %v", errs)
	}
}

func TestReaderOptions(t *testing.T) {
	dir, paths := layout(t, 200)
	want := 0
	for _, p := range paths {
		f, _ := os.Open(p)
		for _, err := range cloudtrail.NewReader(f, cloudtrail.WithEventSources("s3.amazonaws.com")).All() {
			if err == nil {
				want++
			}
		}
		f.Close()
	}
	r := multi.Open(context.Background(), []string{dir}, multi.WithReaderOptions(cloudtrail.WithEventSources("s3.amazonaws.com")))
	n := 0
	for e, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		if e.EventSource != "s3.amazonaws.com" {
			t.Fatalf("event of %s", e.EventSource)
		}
		n++
	}
	if n != want || n == 0 {
		t.Errorf("%d events, want %d", n, want)
	}
}

func TestCancel(t *testing.T) {
	dir, _ := layout(t, 200)
	checkGoroutines(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := multi.Open(ctx, []string{dir}, multi.WithConcurrency(2))
	for range 100 {
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	start := time.Now()
	var err error
	n := 0
	for err == nil {
		_, err = r.Next()
		n++
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Next: %v, want context.Canceled", err)
	}
	if n > 64 {
		t.Errorf("%d events after the cancellation", n-1)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next after the end: %v, want io.EOF", err)
	}
	if !errors.Is(r.Err(), context.Canceled) {
		t.Errorf("Err: %v", r.Err())
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("stopped in %v", d)
	}
	if p := r.Progress(); p.InputsDone == 96 {
		t.Errorf("every input read after the cancellation: %+v", p)
	}
}

func TestBreakCloses(t *testing.T) {
	dir, _ := layout(t, 200)
	checkGoroutines(t)
	r := multi.Open(context.Background(), []string{dir})
	for _, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		break
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next after a break: %v, want io.EOF", err)
	}
	if r.Err() != nil {
		t.Errorf("Err: %v", r.Err())
	}
}

func TestCloseUnread(t *testing.T) {
	dir, _ := layout(t, 200)
	checkGoroutines(t)
	r := multi.Open(context.Background(), []string{dir, dir})
	time.Sleep(10 * time.Millisecond) // the queue fills
	r.Close()
	r.Close()
}

// TestEventsOwnTheirBytes keeps every event of a stream, reads other
// inputs (whose Readers reuse the buffers the first gave back, and the
// stream its batches), and checks that the events kept did not change.
func TestEventsOwnTheirBytes(t *testing.T) {
	first, _ := layout(t, 20)
	other, _ := layout(t, 200)
	type kept struct {
		e         *cloudtrail.Event
		raw, json []byte
		name, id  string
	}
	var all []kept
	r := multi.Open(context.Background(), []string{first}, multi.WithConcurrency(2),
		multi.WithReaderOptions(cloudtrail.WithReadAhead(true)))
	for e, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		j, err := e.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, kept{e, bytes.Clone(e.Raw()), bytes.Clone(j), strings.Clone(e.EventName), strings.Clone(e.EventID)})
	}
	if len(all) == 0 {
		t.Fatal("no events")
	}
	for range 2 {
		r := multi.Open(context.Background(), []string{other}, multi.WithConcurrency(2))
		for _, err := range r.All() {
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, k := range all {
		j, _ := k.e.MarshalJSON()
		if !bytes.Equal(k.e.Raw(), k.raw) || !bytes.Equal(j, k.json) || k.e.EventName != k.name || k.e.EventID != k.id {
			t.Fatalf("event %d changed after other inputs were read:\nnow %.200s\nwas %.200s", i, k.e.Raw(), k.raw)
		}
	}
}
