package cloudtrail_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// result is what a Reader gave for one call of Next.
type result struct {
	event *cloudtrail.Event
	err   error
}

// readResults reads r to its end, or to a fatal error, which is the last
// result.
func readResults(t testing.TB, r *cloudtrail.Reader) []result {
	t.Helper()
	var out []result
	for e, err := range r.All() {
		out = append(out, result{e, err})
		if len(out) > 1e6 {
			t.Fatal("Reader does not stop")
		}
	}
	return out
}

// events returns the events of results, failing on any error.
func events(t testing.TB, rs []result) []*cloudtrail.Event {
	t.Helper()
	var out []*cloudtrail.Event
	for _, r := range rs {
		if r.err != nil {
			t.Fatalf("unexpected error: %v", r.err)
		}
		out = append(out, r.event)
	}
	return out
}

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// trailRecords returns a generated trail and its records, as encoding/json
// reads them.
func trailRecords(t testing.TB, cfg cloudtrailtest.TrailConfig) ([]byte, []json.RawMessage) {
	t.Helper()
	data := cloudtrailtest.Trail(cfg)
	var file struct{ Records []json.RawMessage }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("generated trail: %v", err)
	}
	return data, file.Records
}

func TestReaderLogFile(t *testing.T) {
	data, recs := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 1, Records: 300})
	r := cloudtrail.NewReader(bytes.NewReader(data))
	evs := events(t, readResults(t, r))
	if len(evs) != len(recs) {
		t.Fatalf("got %d events, want %d", len(evs), len(recs))
	}
	if r.Format() != cloudtrail.FormatLogFile || r.Compressed() {
		t.Errorf("Format() = %v, Compressed() = %v; want log file, false", r.Format(), r.Compressed())
	}
	for i, e := range evs {
		d := e.Delivery
		if d == nil || d.Index != i || d.Format != cloudtrail.FormatLogFile {
			t.Fatalf("event %d: Delivery %+v", i, d)
		}
		raw := e.Raw()
		if !bytes.Equal(raw, recs[i]) {
			t.Fatalf("event %d: Raw differs from the record", i)
		}
		if got := data[d.Offset : d.Offset+int64(len(raw))]; !bytes.Equal(got, raw) {
			t.Fatalf("event %d: Offset %d does not point at the record", i, d.Offset)
		}
		var m struct{ EventSource, EventName string }
		json.Unmarshal(recs[i], &m)
		if e.EventSource != m.EventSource || e.EventName != m.EventName {
			t.Fatalf("event %d: %s %s, want %s %s", i, e.EventSource, e.EventName, m.EventSource, m.EventName)
		}
	}
	// The end is sticky.
	for range 3 {
		if e, err := r.Next(); e != nil || err != io.EOF {
			t.Fatalf("after the end: Next() = %v, %v; want nil, io.EOF", e, err)
		}
	}
}

// TestReaderEventsOwnBytes checks that events keep their bytes while the
// Reader reuses its buffer.
func TestReaderEventsOwnBytes(t *testing.T) {
	data, recs := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 2, Bytes: 1 << 20})
	evs := events(t, readResults(t, cloudtrail.NewReader(bytes.NewReader(data))))
	if len(evs) != len(recs) {
		t.Fatalf("got %d events, want %d", len(evs), len(recs))
	}
	for i, e := range evs {
		if !bytes.Equal(e.Raw(), recs[i]) {
			t.Fatalf("event %d changed after later reads", i)
		}
	}
}

// TestReaderSmallReads reads through readers that return little at a time.
func TestReaderSmallReads(t *testing.T) {
	data, recs := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 3, Records: 60, MediaFraction: 0.5})
	for name, wrap := range map[string]func(io.Reader) io.Reader{
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
		"data+err": iotest.DataErrReader,
	} {
		for _, z := range []bool{false, true} {
			in := data
			if z {
				in = gz(t, data)
			}
			t.Run(fmt.Sprintf("%s gzip=%v", name, z), func(t *testing.T) {
				evs := events(t, readResults(t, cloudtrail.NewReader(wrap(bytes.NewReader(in)), cloudtrail.WithMaxRecordSize(1<<20))))
				if len(evs) != len(recs) {
					t.Fatalf("got %d events, want %d", len(evs), len(recs))
				}
				for i, e := range evs {
					if !bytes.Equal(e.Raw(), recs[i]) {
						t.Fatalf("event %d differs", i)
					}
				}
			})
		}
	}
}

func TestReaderGzip(t *testing.T) {
	data, recs := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 4, Records: 200})
	z := gz(t, data)
	t.Run("single member", func(t *testing.T) {
		r := cloudtrail.NewReader(bytes.NewReader(z))
		if evs := events(t, readResults(t, r)); len(evs) != len(recs) {
			t.Fatalf("got %d events, want %d", len(evs), len(recs))
		}
		if !r.Compressed() || r.Format() != cloudtrail.FormatLogFile {
			t.Errorf("Compressed() = %v, Format() = %v", r.Compressed(), r.Format())
		}
	})
	t.Run("multi member", func(t *testing.T) {
		// Two log files in two gzip members, as cat a.json.gz b.json.gz gives.
		data2, recs2 := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 5, Records: 50})
		multi := append(append([]byte(nil), z...), gz(t, data2)...)
		r := cloudtrail.NewReader(bytes.NewReader(multi))
		evs := events(t, readResults(t, r))
		if len(evs) != len(recs)+len(recs2) {
			t.Fatalf("got %d events, want %d", len(evs), len(recs)+len(recs2))
		}
		if !bytes.Equal(evs[len(recs)].Raw(), recs2[0]) {
			t.Error("the second member's first record is wrong")
		}
		if evs[len(recs)].Delivery.Index != len(recs) {
			t.Errorf("index continues across members: got %d", evs[len(recs)].Delivery.Index)
		}
		if r.Format() != cloudtrail.FormatLogFile {
			t.Errorf("Format() = %v, want log file", r.Format())
		}
	})
	t.Run("gzip in gzip", func(t *testing.T) {
		if evs := events(t, readResults(t, cloudtrail.NewReader(bytes.NewReader(gz(t, z))))); len(evs) != len(recs) {
			t.Fatalf("got %d events, want %d", len(evs), len(recs))
		}
	})
	t.Run("sequential", func(t *testing.T) {
		r := cloudtrail.NewReader(bytes.NewReader(z), cloudtrail.WithReadAhead(false))
		if evs := events(t, readResults(t, r)); len(evs) != len(recs) {
			t.Fatalf("got %d events, want %d", len(evs), len(recs))
		}
	})
}

// TestReaderTruncatedGzip cuts a gzip trail short: every record before the
// cut comes out, then an error that says the input is truncated.
func TestReaderTruncatedGzip(t *testing.T) {
	data, recs := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 6, Records: 400})
	z := gz(t, data)
	for _, cut := range []int{1, 2, 10, 20, len(z) / 4, len(z) / 2, len(z) - 9, len(z) - 1} {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			r := cloudtrail.NewReader(bytes.NewReader(z[:cut]))
			rs := readResults(t, r)
			if len(rs) == 0 {
				t.Fatal("no error")
			}
			last := rs[len(rs)-1].err
			if !errors.Is(last, cloudtrail.ErrTruncated) {
				t.Fatalf("last error %v, want ErrTruncated", last)
			}
			var ce *cloudtrail.ContainerError
			if !errors.As(last, &ce) {
				t.Fatalf("last error %T, want *ContainerError", last)
			}
			for i, res := range rs[:len(rs)-1] {
				if res.err != nil || !bytes.Equal(res.event.Raw(), recs[i]) {
					t.Fatalf("result %d: %v", i, res.err)
				}
			}
			if cut > len(z)/2 && len(rs) < len(recs)/3 {
				t.Errorf("only %d records before a cut at %d of %d bytes", len(rs)-1, cut, len(z))
			}
			// The error ends reading: then io.EOF, and Err tells why.
			if _, err := r.Next(); err != io.EOF || r.Err() != last {
				t.Errorf("Next after a fatal error = %v, Err() = %v, want io.EOF and %v", err, r.Err(), last)
			}
		})
	}
}

func TestReaderCorruptGzip(t *testing.T) {
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 7, Records: 100})
	z := gz(t, data)
	z[len(z)-6] ^= 0xff // the CRC
	rs := readResults(t, cloudtrail.NewReader(bytes.NewReader(z)))
	last := rs[len(rs)-1].err
	if !errors.Is(last, cloudtrail.ErrCorrupt) || errors.Is(last, cloudtrail.ErrTruncated) {
		t.Fatalf("last error %v, want ErrCorrupt", last)
	}
	if len(rs) != 101 {
		t.Errorf("got %d results, want the 100 records and the error", len(rs))
	}
}

func TestReaderBrokenContainers(t *testing.T) {
	rec := `{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob","eventTime":"2024-01-02T03:04:05Z"}`
	tests := []struct {
		name    string
		in      string
		events  int
		wantErr error
		offset  int64
		starts  int64 // the start of what is cut short, named in the message; -1: none
	}{
		{"unclosed Records array", `{"Records":[` + rec + `,` + rec, 2, cloudtrail.ErrTruncated, int64(12 + 2*len(rec) + 1), 11},
		{"unclosed record", `{"Records":[` + rec + `,{"eventVersion":"1.08","eventName":"Get`, 1, cloudtrail.ErrTruncated, -1, int64(12 + len(rec) + 1)},
		{"unclosed log file object", `{"Records":[` + rec + `]`, 1, cloudtrail.ErrTruncated, -1, 0},
		{"unclosed array", ` [` + rec + `,` + rec + `,`, 2, cloudtrail.ErrTruncated, -1, 1},
		{"unclosed single record", rec[:len(rec)-1], 0, cloudtrail.ErrTruncated, -1, 0},
		{"unclosed string in an array", `[` + rec + `,"abc`, 1, cloudtrail.ErrTruncated, -1, int64(1 + len(rec) + 1)},
		{"no JSON", "<html><body>Access Denied</body></html>", 0, cloudtrail.ErrSyntax, 0, -1},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", 0, cloudtrail.ErrSyntax, 0, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cloudtrail.NewReader(strings.NewReader(tc.in))
			rs := readResults(t, r)
			if len(rs) != tc.events+1 {
				t.Fatalf("got %d results, want %d events and an error: %v", len(rs), tc.events, rs)
			}
			events(t, rs[:tc.events])
			err := rs[tc.events].err
			var ce *cloudtrail.ContainerError
			if !errors.Is(err, tc.wantErr) || !errors.As(err, &ce) {
				t.Fatalf("error %v, want a *ContainerError wrapping %v", err, tc.wantErr)
			}
			if tc.offset >= 0 && ce.Offset != tc.offset {
				t.Errorf("error offset %d, want %d (%v)", ce.Offset, tc.offset, err)
			}
			if tc.starts >= 0 {
				require.Contains(t, err.Error(), fmt.Sprintf("that starts at offset %d", tc.starts))
			}
			require.Equal(t, r.Format(), ce.Format, "the error's format")
			// The error ends reading: Next says io.EOF from then on, and
			// Err says why reading ended.
			for range 3 {
				if e, err2 := r.Next(); e != nil || err2 != io.EOF {
					t.Errorf("Next after the fatal error = %v, %v", e, err2)
				}
			}
			if r.Err() != err {
				t.Errorf("Err() = %v, want %v", r.Err(), err)
			}
		})
	}
}

// TestReaderRecordErrors checks that bad records are reported with their
// index and offset, and that reading goes on.
func TestReaderRecordErrors(t *testing.T) {
	good := func(name string) string {
		return `{"eventVersion":"1.08","eventSource":"transcribe.amazonaws.com","eventName":"` + name + `"}`
	}
	bad := `{"eventVersion":"1.08","eventSource":"transcribe.amazonaws.com","eventName":tru}`
	parts := []string{good("A"), bad, good("B"), `"just a string"`, `42`, `[1,2]`, `{"foo":"bar"}`, good("C")}
	in := `{"Records":[` + strings.Join(parts, ",") + `]}`
	rs := readResults(t, cloudtrail.NewReader(strings.NewReader(in)))
	if len(rs) != len(parts) {
		t.Fatalf("got %d results, want %d", len(rs), len(parts))
	}
	off := int64(len(`{"Records":[`))
	for i, p := range parts {
		res := rs[i]
		var idx int
		var at int64
		if res.err == nil {
			idx, at = res.event.Delivery.Index, res.event.Delivery.Offset
		} else {
			var re *cloudtrail.RecordError
			if !errors.As(res.err, &re) {
				t.Fatalf("part %d: error %T %v, want *RecordError", i, res.err, res.err)
			}
			idx, at = re.Index, re.Offset
			if !strings.Contains(re.Error(), fmt.Sprintf("record %d at offset %d", i, off)) {
				t.Errorf("part %d: message %q does not name the index and offset", i, re.Error())
			}
		}
		if idx != i || at != off {
			t.Errorf("part %d: index %d offset %d, want %d %d", i, idx, at, i, off)
		}
		off += int64(len(p)) + 1
	}
	if !errors.Is(rs[1].err, cloudtrail.ErrSyntax) {
		t.Errorf("malformed record: %v, want ErrSyntax", rs[1].err)
	}
	for _, i := range []int{3, 4, 5, 6} {
		if !errors.Is(rs[i].err, cloudtrail.ErrNotRecord) {
			t.Errorf("part %d: %v, want ErrNotRecord", i, rs[i].err)
		}
	}
	if rs[7].err != nil || rs[7].event.EventName != "C" {
		t.Errorf("the record after the errors: %v", rs[7])
	}
}

func TestReaderLimits(t *testing.T) {
	small := `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"GetObject"}`
	big := `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"PutObject","requestParameters":{"blob":"` + strings.Repeat("x\\\"", 40000) + `"}}`
	in := `{"Records":[` + small + `,` + big + `,` + small + `]}`
	t.Run("record", func(t *testing.T) {
		for _, chunked := range []bool{false, true} {
			var src io.Reader = strings.NewReader(in)
			if chunked {
				src = iotest.HalfReader(src)
			}
			rs := readResults(t, cloudtrail.NewReader(src, cloudtrail.WithMaxRecordSize(50000)))
			if len(rs) != 3 {
				t.Fatalf("got %d results, want 3: %v", len(rs), rs)
			}
			var re *cloudtrail.RecordError
			var tl *cloudtrail.TooLargeError
			if !errors.As(rs[1].err, &re) || !errors.As(rs[1].err, &tl) || !errors.Is(rs[1].err, cloudtrail.ErrTooLarge) {
				t.Fatalf("big record: %v, want a RecordError wrapping a TooLargeError", rs[1].err)
			}
			if re.Index != 1 || tl.Offset != int64(len(`{"Records":[`)+len(small)+1) || tl.Limit != 50000 {
				t.Errorf("big record: index %d, offset %d, limit %d", re.Index, tl.Offset, tl.Limit)
			}
			if rs[2].err != nil || rs[2].event.Delivery.Index != 2 {
				t.Errorf("record after the big one: %+v", rs[2])
			}
		}
	})
	t.Run("one record", func(t *testing.T) {
		// A record on its own over the limit: the format is known from
		// the members read, and the message names the offset once.
		r := cloudtrail.NewReader(strings.NewReader(big), cloudtrail.WithMaxRecordSize(50000))
		rs := readResults(t, r)
		require.Len(t, rs, 1)
		require.ErrorIs(t, rs[0].err, cloudtrail.ErrTooLarge)
		require.Equal(t, "cloudtrail: record 0 at offset 0: the record is larger than the limit of 50000 bytes", rs[0].err.Error())
		require.Equal(t, cloudtrail.FormatRecord, r.Format())
		require.NoError(t, r.Err())
	})
	t.Run("decompressed", func(t *testing.T) {
		data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 8, Bytes: 1 << 20})
		rs := readResults(t, cloudtrail.NewReader(bytes.NewReader(gz(t, data)), cloudtrail.WithMaxDecompressedSize(256<<10)))
		last := rs[len(rs)-1].err
		var tl *cloudtrail.TooLargeError
		if !errors.As(last, &tl) || tl.Limit != 256<<10 || !errors.Is(last, cloudtrail.ErrTooLarge) {
			t.Fatalf("last error %v, want a TooLargeError", last)
		}
		if len(rs) < 10 {
			t.Errorf("only %d records before the limit", len(rs)-1)
		}
	})
	t.Run("bomb", func(t *testing.T) {
		// A gzip of 16 MB of blanks inside an array never holds more than
		// the buffer, and stops at the limit.
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		zw.Write([]byte(`{"Records":[`))
		blank := bytes.Repeat([]byte(" "), 1<<20)
		for range 16 {
			zw.Write(blank)
		}
		zw.Close()
		rs := readResults(t, cloudtrail.NewReader(&b, cloudtrail.WithMaxDecompressedSize(2<<20)))
		if len(rs) != 1 || !errors.Is(rs[0].err, cloudtrail.ErrTooLarge) {
			t.Fatalf("got %v, want one ErrTooLarge", rs)
		}
	})
	t.Run("bomb under the default limits", func(t *testing.T) {
		// 16 MiB of blanks deflate to about 16 KB; 256 copies of that
		// member would inflate to 4 GiB. The ratio stops reading after
		// 64 MiB.
		var member bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
		blank := bytes.Repeat([]byte(" "), 1<<20)
		for range 16 {
			zw.Write(blank)
		}
		zw.Close()
		z := append(gz(t, []byte(`{"Records":[`+small+`,`)), bytes.Repeat(member.Bytes(), 256)...)
		rs := readResults(t, cloudtrail.NewReader(bytes.NewReader(z)))
		require.Len(t, rs, 2)
		require.Equal(t, "GetObject", rs[0].event.EventName)
		require.ErrorIs(t, rs[1].err, cloudtrail.ErrTooLarge)
		var ce *cloudtrail.ContainerError
		require.ErrorAs(t, rs[1].err, &ce)
		require.Less(t, ce.Offset, int64(80<<20), "the bomb was read too far: %v", ce)
	})
	t.Run("default record limit", func(t *testing.T) {
		// A 30 MB record is no CloudTrail record; the records around it
		// come.
		huge := `{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"PutObject","requestParameters":{"blob":"` + strings.Repeat("x", 30<<20) + `"}}`
		rs := readResults(t, cloudtrail.NewReader(strings.NewReader(`{"Records":[`+small+`,`+huge+`,`+small+`]}`)))
		require.Len(t, rs, 3)
		require.ErrorIs(t, rs[1].err, cloudtrail.ErrTooLarge)
		var tl *cloudtrail.TooLargeError
		require.ErrorAs(t, rs[1].err, &tl)
		require.Equal(t, int64(cloudtrail.DefaultMaxRecordSize), tl.Limit)
		require.NoError(t, rs[2].err)
		require.Equal(t, 2, rs[2].event.Delivery.Index)
	})
	t.Run("lookup events larger than the limit", func(t *testing.T) {
		// The AWS CLI gathers every page of lookup-events into one
		// object: its events are read one by one.
		var events []string
		for i := range 40 {
			rec := fmt.Sprintf(`{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"E%d","eventID":"id-%d"}`, i, i)
			quoted, err := json.Marshal(rec)
			require.NoError(t, err)
			events = append(events, fmt.Sprintf(`{"EventId":"id-%d","EventName":"E%d","CloudTrailEvent":%s,"Padding":"%s"}`, i, i, quoted, strings.Repeat("p", 2000)))
		}
		in := `{"Events":[` + strings.Join(events, ",") + `],"NextToken":"tok"}` + "\n" + `{"eventVersion":"1.08","eventName":"After"}`
		for _, limit := range []int{0, 10000} {
			r := cloudtrail.NewReader(strings.NewReader(in), cloudtrail.WithMaxRecordSize(limit))
			rs := readResults(t, r)
			require.Len(t, rs, 41, "limit %d", limit)
			for i := range 40 {
				require.NoError(t, rs[i].err)
				e := rs[i].event
				require.Equal(t, fmt.Sprintf("E%d", i), e.EventName)
				require.Equal(t, cloudtrail.FormatLookupEvents, e.Delivery.Format)
				require.Equal(t, fmt.Sprintf("id-%d", i), e.Delivery.LookupEvents.EventID)
				if limit == 0 {
					require.Equal(t, "tok", e.Delivery.LookupEvents.NextToken)
				} else {
					require.Empty(t, e.Delivery.LookupEvents.NextToken)
				}
			}
			require.Equal(t, "After", rs[40].event.EventName)
		}
	})
}

func TestReaderContext(t *testing.T) {
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 9, Bytes: 4 << 20})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := cloudtrail.NewReader(bytes.NewReader(data), cloudtrail.WithContext(ctx))
	n := 0
	var last error
	for _, err := range r.All() {
		if err != nil {
			last = err
			break
		}
		if n++; n == 10 {
			cancel()
		}
	}
	if !errors.Is(last, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", last)
	}
	if n > 2000 {
		t.Errorf("read %d records after the cancel", n)
	}
}

func TestReaderLinesAndConcatenation(t *testing.T) {
	a := `{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"A"}`
	b := `{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"B"}`
	for name, in := range map[string]string{
		"lines":           a + "\n" + b + "\n",
		"crlf":            a + "\r\n" + b + "\r\n",
		"concatenated":    a + b,
		"spaced":          "\n\n  " + a + "  \n\t" + b,
		"bom":             "\xef\xbb\xbf" + a + "\n" + b,
		"array":           "[" + a + ",\n" + b + "]",
		"log file lines":  `{"Records":[` + a + "]}\n" + `{"Records":[` + b + "]}\n",
		"arrays in lines": "[" + a + "]\n[" + b + "]\n",
		"encoded strings": mustJSON(t, a) + "\n" + mustJSON(t, b),
	} {
		t.Run(name, func(t *testing.T) {
			evs := events(t, readResults(t, cloudtrail.NewReader(strings.NewReader(in))))
			if len(evs) != 2 || evs[0].EventName != "A" || evs[1].EventName != "B" {
				t.Fatalf("got %d events", len(evs))
			}
		})
	}
	// A junk line spoils that line only.
	in := a + "\nnot json at all\n" + b + "\n"
	rs := readResults(t, cloudtrail.NewReader(strings.NewReader(in)))
	if len(rs) != 3 || rs[1].err == nil || rs[2].err != nil || rs[2].event.EventName != "B" {
		t.Fatalf("junk line: %v", rs)
	}
	if !errors.Is(rs[1].err, cloudtrail.ErrSyntax) {
		t.Errorf("junk line: %v, want ErrSyntax", rs[1].err)
	}
}

func mustJSON(t testing.TB, s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReaderEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", "\xef\xbb\xbf", "[]", `{"Records":[]}`, "[]\n[]"} {
		r := cloudtrail.NewReader(strings.NewReader(in))
		if e, err := r.Next(); e != nil || err != io.EOF {
			t.Errorf("%q: Next() = %v, %v; want io.EOF", in, e, err)
		}
	}
	if r := cloudtrail.NewReader(strings.NewReader("")); r.Format() != cloudtrail.FormatUnknown {
		t.Errorf("empty input: Format() = %v", r.Format())
	}
}

func TestReaderReadError(t *testing.T) {
	boom := errors.New("boom")
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 10, Records: 20})
	src := io.MultiReader(bytes.NewReader(data[:len(data)/2]), iotest.ErrReader(boom))
	rs := readResults(t, cloudtrail.NewReader(src))
	if last := rs[len(rs)-1].err; !errors.Is(last, boom) {
		t.Fatalf("last error %v, want the read error", last)
	}
	if len(rs) < 5 {
		t.Errorf("only %d records before the read error", len(rs)-1)
	}
	if rs := readResults(t, cloudtrail.NewReader(nil)); len(rs) != 1 || rs[0].err == nil {
		t.Errorf("nil reader: %v", rs)
	}
}

func TestReaderClose(t *testing.T) {
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 11, Records: 2000})
	r := cloudtrail.NewReader(bytes.NewReader(gz(t, data)))
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); !errors.Is(err, cloudtrail.ErrClosed) {
		t.Errorf("Next after Close: %v, want ErrClosed", err)
	}
}

// TestReaderAllBreak checks that a range loop may stop early.
func TestReaderAllBreak(t *testing.T) {
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 12, Records: 50})
	r := cloudtrail.NewReader(bytes.NewReader(data))
	n := 0
	for range r.All() {
		if n++; n == 5 {
			break
		}
	}
	e, err := r.Next()
	if err != nil || e.Delivery.Index != 5 {
		t.Fatalf("Next after breaking out of All: %v, %v", e, err)
	}
}

// TestReaderNoPanic feeds junk, and mangled valid input, to the Reader.
func TestReaderNoPanic(t *testing.T) {
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 13, Records: 30, MediaFraction: 0.3})
	inputs := []string{
		"{", "}", "[", "]", "[{", `{"Records":`, `{"Records":[`, `{"Records":{`, `{"Records":[[[[`, `{"Records":["`,
		`{"Records":[{"a":"\`, `{"Records":null}`, `{"Records":5}`, `{"Records":"x"}`, "\x1f\x8b", "\x1f\x8b\x08",
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", `"`, `"\`, `"\u12`, "nul", "-", "1e", "tru", `{"a":1}x`,
		`{"detail-type":"AWS API Call via CloudTrail","detail":5}`, `{"awslogs":{"data":"!!!"}}`, `{"awslogs":{"data":"H4sI"}}`,
		`{"messageType":"DATA_MESSAGE","logEvents":5}`, `{"messageType":"DATA_MESSAGE","logEvents":[{"message":"{"}]}`,
		`{"Events":[{"CloudTrailEvent":"{]"}]}`, `{"CloudTrailEvent":5}`, `{"Type":"Notification","Message":5}`,
		`{"Records":[{"eventSource":"aws:sqs","body":"{\"Type\":\"Notification\",\"Message\":\"[[[\"}","messageId":"1"}]}`,
		strings.Repeat("[", 100000), strings.Repeat(`{"a":`, 50000), strings.Repeat(`"\\`, 1000), "CloudTrail validation",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100 {
		b := []byte(string(data))
		for range 1 + rng.IntN(8) {
			const junk = "{}[]\",:\\ ax0\x00"
			b[rng.IntN(len(b))] = junk[rng.IntN(len(junk))]
		}
		inputs = append(inputs, string(b[:rng.IntN(len(b))]))
	}
	for _, in := range inputs {
		for _, opts := range [][]cloudtrail.Option{nil, {cloudtrail.Lenient()}, {cloudtrail.WithEventSources("aws.mediaconvert")}} {
			r := cloudtrail.NewReader(strings.NewReader(in), opts...)
			readResults(t, r)
			r.Format()
			if _, err := r.Next(); err == nil {
				t.Fatalf("%.40q: Next after the end returned no error", in)
			}
		}
	}
}

// TestStreamHeapBounded streams a large generated trail, gzipped and not,
// through the Reader and checks that the heap stays bounded by the largest
// record and the buffers, not the input. It reads 256 MB of plain trail and
// 32 MB of gzipped trail (whose generation is slower; BenchmarkStream256MB
// reads 256 MB of both), or 4 MB of each with -short or the race detector.
func TestStreamHeapBounded(t *testing.T) {
	for _, z := range []bool{false, true} {
		size := int64(256 << 20)
		if z {
			size = 32 << 20
		}
		if testing.Short() || raceEnabled {
			size = 4 << 20
		}
		t.Run(fmt.Sprintf("gzip=%v", z), func(t *testing.T) {
			src := cloudtrailtest.NewTrailReader(cloudtrailtest.TrailConfig{Seed: 14, Bytes: size, Gzip: z})
			s := sampleHeap(time.Millisecond)
			r := cloudtrail.NewReader(src, cloudtrail.WithEventSources(mediaSources...))
			n := 0
			for _, err := range r.All() {
				if err != nil {
					t.Fatal(err)
				}
				n++
			}
			peak := s.Stop()
			t.Logf("%d MB in, %d media events, peak heap %.1f MB (%.1f MB over the start)", size>>20, n, float64(peak)/(1<<20), float64(s.Growth())/(1<<20))
			if n == 0 {
				t.Error("no media events")
			}
			if peak > 64<<20 {
				t.Errorf("peak heap %d MB, want under 64 MB", peak>>20)
			}
		})
	}
}

func TestReaderFilter(t *testing.T) {
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 15, Records: 1200, MediaFraction: 0.25})
	zipped := gz(t, data)
	all := events(t, readResults(t, cloudtrail.NewReader(bytes.NewReader(data))))
	pick := func(keep func(e *cloudtrail.Event) bool) []int {
		var idx []int
		for _, e := range all {
			if keep(e) {
				idx = append(idx, e.Delivery.Index)
			}
		}
		return idx
	}
	indices := func(opts ...cloudtrail.Option) []int {
		var idx []int
		for _, e := range events(t, readResults(t, cloudtrail.NewReader(bytes.NewReader(data), opts...))) {
			idx = append(idx, e.Delivery.Index)
		}
		return idx
	}
	media := map[string]bool{}
	for _, s := range mediaSources {
		media[s] = true
	}
	tests := []struct {
		name string
		opts []cloudtrail.Option
		want []int
	}{
		{"media sources", []cloudtrail.Option{cloudtrail.WithEventSources(mediaSources...)},
			pick(func(e *cloudtrail.Event) bool { return media[e.EventSource] })},
		{"EventBridge form and case", []cloudtrail.Option{cloudtrail.WithEventSources("aws.mediaconvert", " MediaTailor.amazonaws.com ")},
			pick(func(e *cloudtrail.Event) bool {
				return e.EventSource == "mediaconvert.amazonaws.com" || e.EventSource == "mediatailor.amazonaws.com"
			})},
		{"names", []cloudtrail.Option{cloudtrail.WithEventNames("CreateJob", "GetObject")},
			pick(func(e *cloudtrail.Event) bool { return e.EventName == "CreateJob" || e.EventName == "GetObject" })},
		{"sources and names", []cloudtrail.Option{cloudtrail.WithEventSources("aws.mediaconvert"), cloudtrail.WithEventNames("CreateJob")},
			pick(func(e *cloudtrail.Event) bool {
				return e.EventSource == "mediaconvert.amazonaws.com" && e.EventName == "CreateJob"
			})},
		{"calls add up", []cloudtrail.Option{cloudtrail.WithEventSources("aws.mediaconvert"), cloudtrail.WithEventSources("aws.transcribe")},
			pick(func(e *cloudtrail.Event) bool {
				return e.EventSource == "mediaconvert.amazonaws.com" || e.EventSource == "transcribe.amazonaws.com"
			})},
		{"no match", []cloudtrail.Option{cloudtrail.WithEventSources("nothing.amazonaws.com")}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.want) == 0 && tc.name != "no match" {
				t.Fatal("the trail has no records for this case")
			}
			zs := []bool{false}
			if tc.name == "media sources" {
				zs = append(zs, true) // the same through gzip
			}
			for _, z := range zs {
				opts := tc.opts
				got := indices(opts...)
				if z {
					var idx []int
					for _, e := range events(t, readResults(t, cloudtrail.NewReader(bytes.NewReader(zipped), opts...))) {
						idx = append(idx, e.Delivery.Index)
					}
					got = idx
				}
				if fmt.Sprint(got) != fmt.Sprint(tc.want) {
					t.Fatalf("gzip=%v: got %d records, want %d", z, len(got), len(tc.want))
				}
			}
		})
	}
}

// TestReaderFilterOddRecords checks the filter on records whose source is
// written in unusual ways, and that records it skips are not validated.
func TestReaderFilterOddRecords(t *testing.T) {
	recs := []string{
		`{"eventVersion":"1.08","eventSource":"media\u0063onvert.amazonaws.com","eventName":"A"}`,
		`{"eventVersion":"1.08","eventSource":"MediaConvert.amazonaws.com","eventName":"B"}`,
		`{"eventVersion":"1.08","event\u0053ource":"mediaconvert.amazonaws.com","eventName":"C"}`,
		`{"eventVersion":"1.08","eventSource":"s3.amazonaws.com","eventName":"D","broken":tru}`,
		`{"eventVersion":"1.08","eventSource":"mediaconvert.amazonaws.com","eventName":"E","broken":tru}`,
		`{"eventVersion":"1.08","eventName":"F"}`,
		`{"eventVersion":"1.08","eventSource":{"nested":"mediaconvert.amazonaws.com"},"eventName":"G"}`,
		`{"eventVersion":"1.08","requestParameters":{"eventSource":"mediaconvert.amazonaws.com"},"eventSource":"ec2.amazonaws.com","eventName":"H"}`,
	}
	in := `{"Records":[` + strings.Join(recs, ",") + `]}`
	for _, lines := range []bool{false, true} {
		if lines {
			in = strings.Join(recs, "\n")
		}
		rs := readResults(t, cloudtrail.NewReader(strings.NewReader(in), cloudtrail.WithEventSources("aws.mediaconvert")))
		var got []string
		for _, r := range rs {
			if r.err != nil {
				var re *cloudtrail.RecordError
				if !errors.As(r.err, &re) || !errors.Is(r.err, cloudtrail.ErrSyntax) {
					t.Fatalf("unexpected error %v", r.err)
				}
				got = append(got, fmt.Sprintf("error %d", re.Index))
				continue
			}
			got = append(got, r.event.EventName)
		}
		if want := "[A B C error 4]"; fmt.Sprint(got) != want {
			t.Errorf("lines=%v: got %v, want %s", lines, got, want)
		}
	}
}

// TestReaderFilterContainers applies the filter to records in containers.
func TestReaderFilterContainers(t *testing.T) {
	for file, want := range map[string]int{
		"eventbridge-firehose.jsonl":  2, // GetJob and StartTranscriptionJob; the job state change is still reported
		"cloudwatch-logs-lambda.json": 1,
		"lookup-events.json":          2,
		"records-lines.jsonl":         2,
	} {
		_, rs := readFile(t, file, cloudtrail.WithEventSources("aws.mediaconvert", "aws.transcribe", "aws.mediatailor"))
		n := 0
		for _, r := range rs {
			if r.err == nil {
				n++
			}
		}
		if n != want {
			t.Errorf("%s: %d events, want %d", file, n, want)
		}
	}
}

// TestReaderParallel checks that splitting on a second CPU changes
// nothing: the same events, indices, offsets and errors, in the same
// order, on clean and on damaged input, with and without a filter.
func TestReaderParallel(t *testing.T) {
	size := int64(3 << 20)
	if raceEnabled {
		size = 1 << 20
	}
	data, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 16, Bytes: size, MediaFraction: 0.2})
	inputs := map[string][]byte{"clean": data}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 3 {
		b := bytes.Clone(data)
		for range 1 + i*3 {
			const junk = "{}[]\",:\\ x0"
			b[len(b)/3+rng.IntN(len(b)*2/3)] = junk[rng.IntN(len(junk))]
		}
		inputs[fmt.Sprint("damaged ", i)] = b
	}
	// A record start inside a string, to mislead the helper's guess.
	inputs["misleading"] = bytes.Replace(data, []byte(`"userAgent":"`), []byte(`"userAgent":"},{\"eventVersion\":`), 40)
	inputs["pretty"] = bytes.ReplaceAll(data, []byte(`},{"eventVersion"`), []byte("},\n  {\"eventVersion\""))
	for name, in := range inputs {
		for _, filtered := range []bool{false, true} {
			var opts []cloudtrail.Option
			if filtered {
				opts = append(opts, cloudtrail.WithEventSources(mediaSources...))
			}
			want := readResults(t, cloudtrail.NewReader(bytes.NewReader(in), append(opts, cloudtrail.WithParallel(false))...))
			var src io.Reader = bytes.NewReader(in)
			if name == "clean" {
				src = iotest.HalfReader(src) // short reads: helpers on partial buffers
			}
			got := readResults(t, cloudtrail.NewReader(src, append(opts, cloudtrail.WithParallel(true))...))
			for _, g := range [][]result{got} {
				if len(g) != len(want) {
					t.Fatalf("%s filtered=%v: %d results in parallel, %d without", name, filtered, len(g), len(want))
				}
				for i := range want {
					w, g := want[i], g[i]
					if fmt.Sprint(w.err) != fmt.Sprint(g.err) {
						t.Fatalf("%s filtered=%v: result %d: error %v, want %v", name, filtered, i, g.err, w.err)
					}
					if w.event == nil {
						continue
					}
					if !bytes.Equal(w.event.Raw(), g.event.Raw()) || !reflect.DeepEqual(w.event, g.event) {
						t.Fatalf("%s filtered=%v: result %d differs", name, filtered, i)
					}
				}
			}
		}
	}
}
