package multi_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"iter"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/multi"
)

// jobRecord is a record of a call of MediaConvert's CreateJob.
const jobRecord = `{"eventVersion":"1.11","eventTime":"2026-04-01T12:00:00Z","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","awsRegion":"us-east-1","eventID":"6f1b0a4e-0c5e-4a53-9b8e-0a8f1f0c2d11","recipientAccountId":"111122223333"}`

func TestOpenInputs(t *testing.T) {
	logFile := []byte(`{"Records":[` + jobRecord + `,` + jobRecord + `]}`)
	errList := errors.New("listing failed")
	errOpen := errors.New("open failed")
	open := func(data []byte) func(context.Context) (io.ReadCloser, error) {
		return func(context.Context) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	}
	list := func(steps ...func(yield func(multi.Input, error) bool) bool) iter.Seq2[multi.Input, error] {
		return func(yield func(multi.Input, error) bool) {
			for _, s := range steps {
				if !s(yield) {
					return
				}
			}
		}
	}
	input := func(name string, data []byte) func(yield func(multi.Input, error) bool) bool {
		return func(yield func(multi.Input, error) bool) bool {
			return yield(multi.Input{Name: name, Size: int64(len(data)), Open: open(data)}, nil)
		}
	}
	fail := func(name string, err error) func(yield func(multi.Input, error) bool) bool {
		return func(yield func(multi.Input, error) bool) bool { return yield(multi.Input{Name: name}, err) }
	}
	type result struct {
		Input string
		Event string // event name, or the error's text
		Ended bool
	}
	tests := []struct {
		name  string
		list  iter.Seq2[multi.Input, error]
		want  []result
		ended int // errors in Err
	}{
		{"inputs", list(input("a", logFile), input("b", logFile)),
			[]result{{"a", "CreateJob", false}, {"a", "CreateJob", false}, {"b", "CreateJob", false}, {"b", "CreateJob", false}}, 0},
		{"listing error between inputs", list(input("a", logFile), fail("s3://bucket/prefix/", errList), input("b", logFile)),
			[]result{{"a", "CreateJob", false}, {"a", "CreateJob", false}, {"s3://bucket/prefix/", "s3://bucket/prefix/: listing failed", true}, {"b", "CreateJob", false}, {"b", "CreateJob", false}}, 1},
		{"input error passed on", list(fail("ignored", &multi.InputError{Name: "x", Err: errList, Ended: true})),
			[]result{{"x", "x: listing failed", true}}, 1},
		{"open fails", list(func(yield func(multi.Input, error) bool) bool {
			return yield(multi.Input{Name: "c", Open: func(context.Context) (io.ReadCloser, error) { return nil, errOpen }}, nil)
		}), []result{{"c", "c: open failed", true}}, 1},
		{"no open", list(func(yield func(multi.Input, error) bool) bool { return yield(multi.Input{Name: "d"}, nil) }),
			[]result{{"d", "d: input has no Open function", true}}, 1},
		{"damaged input", list(input("e", logFile[:len(logFile)/2])),
			nil, 1},
		{"nothing", list(), nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := multi.OpenInputs(context.Background(), tt.list, multi.WithConcurrency(1))
			var got []result
			for e, err := range r.All() {
				if err != nil {
					var ie *multi.InputError
					require.ErrorAs(t, err, &ie)
					require.Equal(t, r.Input(), ie.Name)
					got = append(got, result{r.Input(), err.Error(), ie.Ended})
					continue
				}
				got = append(got, result{r.Input(), e.EventName, false})
			}
			if tt.name == "damaged input" {
				// The cut file: no event, and the error that ended it.
				require.NotEmpty(t, got)
				last := got[len(got)-1]
				require.True(t, last.Ended)
				require.Equal(t, "e", last.Input)
				require.ErrorIs(t, r.Err(), cloudtrail.ErrTruncated)
			} else {
				// The order of each input is kept; inputs interleave.
				byInput := func(a, b result) int { return strings.Compare(a.Input, b.Input) }
				slices.SortStableFunc(got, byInput)
				want := slices.Clone(tt.want)
				slices.SortStableFunc(want, byInput)
				require.Equal(t, want, got)
			}
			if tt.ended == 0 {
				require.NoError(t, r.Err())
			} else {
				require.Len(t, r.Err().(interface{ Unwrap() []error }).Unwrap(), tt.ended)
			}
			p := r.Progress()
			require.True(t, p.Listed)
			require.Equal(t, p.Inputs, p.InputsDone)
		})
	}
}

// TestOpenInputsStops checks that a listing ends when the stream is
// closed: yield returns false, and Open is not called for what is left.
func TestOpenInputsStops(t *testing.T) {
	logFile := []byte(`{"Records":[` + jobRecord + `]}`)
	listed := make(chan int, 1)
	infinite := func(yield func(multi.Input, error) bool) {
		n := 0
		defer func() { listed <- n }()
		for {
			n++
			in := multi.Input{Name: "x", Open: func(ctx context.Context) (io.ReadCloser, error) {
				return io.NopCloser(bytes.NewReader(logFile)), nil
			}}
			if !yield(in, nil) {
				return
			}
		}
	}
	r := multi.OpenInputs(context.Background(), infinite, multi.WithConcurrency(2))
	for i := 0; i < 100; i++ {
		_, err := r.Next()
		require.NoError(t, err)
	}
	require.NoError(t, r.Close())
	n := <-listed
	require.GreaterOrEqual(t, n, 100)
	_, err := r.Next()
	require.Equal(t, io.EOF, err)
}

func TestDecode(t *testing.T) {
	logFile := []byte(`{"Records":[` + jobRecord + `,` + jobRecord + `]}`)
	inputs := func(n int) iter.Seq2[multi.Input, error] {
		return func(yield func(multi.Input, error) bool) {
			for i := range n {
				in := multi.Input{Name: string(rune('a' + i)), Open: func(context.Context) (io.ReadCloser, error) {
					return io.NopCloser(bytes.NewReader(logFile)), nil
				}}
				if !yield(in, nil) {
					return
				}
			}
		}
	}
	type typed struct{ Name, Input string }
	reg := new(cloudtrail.Registry)
	var calls atomic.Int64
	reg.Register("mediaconvert.amazonaws.com", "CreateJob", func(e *cloudtrail.Event) (any, error) {
		calls.Add(1)
		return typed{Name: e.EventName, Input: e.EventID}, nil
	})

	r := multi.OpenInputs(context.Background(), inputs(4), multi.WithDecode(reg))
	v, err := r.Decode()
	require.Nil(t, v)
	require.NoError(t, err)
	n := 0
	for e, err := range r.All() {
		require.NoError(t, err)
		v, err := r.Decode()
		require.NoError(t, err)
		require.Equal(t, typed{Name: "CreateJob", Input: e.EventID}, v)
		n++
	}
	require.Equal(t, 8, n)
	require.Equal(t, int64(8), calls.Load()) // decoded once each, by the readers
	v, err = r.Decode()
	require.Nil(t, v)
	require.NoError(t, err)

	// Without WithDecode, Decode uses the DefaultRegistry, where this test
	// binary registers nothing.
	r = multi.OpenInputs(context.Background(), inputs(1))
	for _, err := range r.All() {
		require.NoError(t, err)
		v, err := r.Decode()
		require.Nil(t, v)
		require.ErrorIs(t, err, cloudtrail.ErrNotRegistered)
	}
}

func TestInputErrorMessage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	r := multi.Open(context.Background(), []string{missing})
	_, err := r.Next()
	require.EqualError(t, err, "stat "+missing+": no such file or directory") // the path once
	require.ErrorIs(t, err, fs.ErrNotExist)
	for _, tt := range []struct{ name, err, want string }{
		{"s3://b/k", "access denied", "s3://b/k: access denied"},
		{"s3://b/k", "s3trail: get s3://b/k: access denied", "s3trail: get s3://b/k: access denied"},
		{"a", "data: truncated", "a: data: truncated"},
	} {
		require.EqualError(t, &multi.InputError{Name: tt.name, Err: errors.New(tt.err)}, tt.want)
	}
}

// TestCancelIdleStdin checks that the end of the context ends the stream
// at once while standard input has nothing to read.
func TestCancelIdleStdin(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	r := multi.Open(ctx, []string{multi.Stdin}, multi.WithStdin(pr))
	start := time.Now()
	_, err := r.Next()
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Less(t, time.Since(start), 2*time.Second)
	_, err = r.Next()
	require.Equal(t, io.EOF, err)
	pw.Close() // the Read returns; Close waits for its goroutine
	require.NoError(t, r.Close())
}

func TestIsLogFile(t *testing.T) {
	for name, want := range map[string]bool{
		"a.json": true, "a.JSON.GZ": true, "a.jsonl": true, "a.gz": true,
		"a.json.gz.sig": false, "a.txt": false, "json": false, "": false,
	} {
		require.Equal(t, want, multi.IsLogFile(name), name)
	}
}
