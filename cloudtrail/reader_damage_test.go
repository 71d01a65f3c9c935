package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// The damage tests break a stream of records in every way seen in the
// wild, at every position, and check that the Reader delivers every good
// record around the damage, reports the damage once where it is, and
// never delivers a damaged record as a good one.

// layout is how a stream lays out its records.
type layout struct {
	name           string
	prefix, suffix string
	sep            string // between records
	indent         bool   // records are indented
	array          bool   // the records are elements of an array
	lines          bool   // one record per line
}

var layouts = []layout{
	{name: "log file", prefix: `{"Records":[`, sep: ",", suffix: "]}", array: true},
	{name: "indented log file", prefix: "{\n  \"Records\": [\n    ", sep: ",\n    ", suffix: "\n  ]\n}\n", indent: true, array: true},
	{name: "JSON Lines", sep: "\n", suffix: "\n", lines: true},
	{name: "concatenated", sep: ""},
	{name: "concatenated indented", sep: "\n", suffix: "\n", indent: true},
}

// damageRecords returns generated records, compact or indented, with the
// event ID of each.
func damageRecords(t *testing.T, n int, indent bool) (recs []string, ids []string) {
	t.Helper()
	_, raws := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 11, Records: n})
	for _, raw := range raws {
		var b bytes.Buffer
		var err error
		if indent {
			err = json.Indent(&b, raw, "    ", "  ")
		} else {
			err = json.Compact(&b, raw)
		}
		require.NoError(t, err)
		recs = append(recs, b.String())
		var id struct{ EventID string }
		require.NoError(t, json.Unmarshal(raw, &id))
		require.NotEmpty(t, id.EventID)
		ids = append(ids, id.EventID)
	}
	return recs, ids
}

// stream joins records as l lays them out; before[k], when set, replaces
// the separator before record k (the prefix for k = 0). It returns the
// text and the offset of each record.
func (l layout) stream(recs []string, before map[int]string) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(recs))
	for k, rec := range recs {
		sep := l.sep
		if k == 0 {
			sep = l.prefix
		}
		if s, ok := before[k]; ok {
			sep = s
		}
		b.WriteString(sep)
		starts[k] = b.Len()
		b.WriteString(rec)
	}
	b.WriteString(l.suffix)
	return b.String(), starts
}

// damageCase is one way of breaking record k of a stream.
type damageCase struct {
	name string
	// apply returns the damaged stream, whether record k is lost, and
	// the offset the first error must name.
	apply func(l layout, recs []string, k int) (text string, lost bool, at int)
	// only limits the case to some layouts; nil means all.
	only func(l layout, k, n int) bool
}

// firstMemberEnd returns the position after the value of a record's
// first member.
func firstMemberEnd(rec string) int {
	i := strings.Index(rec, `"1.`) // the eventVersion string
	return i + strings.IndexByte(rec[i+1:], '"') + 2
}

// editRecord makes the apply function of a case that edits record k: the
// record is lost, and the error names its start.
func editRecord(edit func(rec string) string) func(l layout, recs []string, k int) (string, bool, int) {
	return func(l layout, recs []string, k int) (string, bool, int) {
		cut := append([]string(nil), recs...)
		cut[k] = edit(cut[k])
		text, starts := l.stream(cut, nil)
		return text, true, starts[k]
	}
}

var damageCases = []damageCase{
	{name: "record cut in half", apply: editRecord(func(rec string) string { return rec[:len(rec)/2] })},
	{name: "stray closing brace after the first member", apply: editRecord(func(rec string) string {
		i := firstMemberEnd(rec)
		return rec[:i] + "}" + rec[i:]
	})},
	{name: "colon replaced", apply: editRecord(func(rec string) string {
		i := strings.Index(rec, `"eventTime"`) + len(`"eventTime"`)
		return rec[:i] + strings.Replace(rec[i:], ":", ";", 1)
	})},
	{name: "garbage between members", apply: editRecord(func(rec string) string {
		i := firstMemberEnd(rec)
		return rec[:i] + " @@ " + rec[i:]
	})},
	{name: "closing quote lost", apply: editRecord(func(rec string) string {
		i := strings.Index(rec, `"eventName"`) + len(`"eventName"`)
		i += strings.IndexByte(rec[i:], '"') + 1
		j := i + strings.IndexByte(rec[i:], '"')
		return rec[:j] + rec[j+1:]
	})},
	{name: "line break inside", apply: editRecord(func(rec string) string {
		i := strings.Index(rec, `"eventSource"`)
		return rec[:i] + "\n" + rec[i:]
	}), only: func(l layout, k, n int) bool { return l.lines && k > 0 }}, // at k = 0 the input is no JSON Lines
	{name: "missing comma", only: func(l layout, k, n int) bool { return l.array && k > 0 }, apply: func(l layout, recs []string, k int) (string, bool, int) {
		text, starts := l.stream(recs, map[int]string{k: strings.Replace(l.sep, ",", "", 1)})
		return text, false, starts[k]
	}},
	{name: "two commas", only: func(l layout, k, n int) bool { return l.array && k > 0 }, apply: func(l layout, recs []string, k int) (string, bool, int) {
		sep := strings.Replace(l.sep, ",", ",,", 1)
		text, starts := l.stream(recs, map[int]string{k: sep})
		return text, false, starts[k] - len(sep) + 1
	}},
	{name: "trailing comma", only: func(l layout, k, n int) bool { return l.array && k == n-1 }, apply: func(l layout, recs []string, k int) (string, bool, int) {
		text, _ := l.stream(recs, nil)
		at := len(text) - len(l.suffix)
		return text[:at] + "," + text[at:], false, at
	}},
}

// strayBytes are inserted before a record.
var strayBytes = []struct{ name, text string }{
	{"byte order mark", "\ufeff"},
	{"closing bracket", "]"},
	{"opening bracket", "["},
	{"quote", `"`},
	{"letter", "x"},
	{"closing brace", "}"},
	{"NUL", "\x00"},
}

func init() {
	for _, sb := range strayBytes {
		damageCases = append(damageCases, damageCase{
			name: "stray " + sb.name,
			only: func(l layout, k, n int) bool {
				// An opening bracket at the top level opens an array:
				// that is no stray byte there.
				return !(sb.text == "[" && !l.array)
			},
			apply: func(l layout, recs []string, k int) (string, bool, int) {
				sep := l.sep
				if k == 0 {
					sep = l.prefix
				}
				text, starts := l.stream(recs, map[int]string{k: sep + sb.text})
				return text, false, starts[k] - len(sb.text)
			},
		})
	}
}

func TestReaderDamage(t *testing.T) {
	const n = 5
	for _, l := range layouts {
		recs, ids := damageRecords(t, n, l.indent)
		for _, dc := range damageCases {
			for k := range n {
				if dc.only != nil && !dc.only(l, k, n) {
					continue
				}
				t.Run(fmt.Sprintf("%s/%s/%d", l.name, dc.name, k), func(t *testing.T) {
					text, lost, at := dc.apply(l, recs, k)
					var want []string
					for i, id := range ids {
						if !(lost && i == k) {
							want = append(want, id)
						}
					}
					checkDamage(t, text, ids, want, at, l, dc.name, k == n-1)
				})
			}
		}
	}
}

// checkDamage reads text and checks that it gives exactly the records
// want (of the records ids of the intact input, with their indexes), and errors of which the first is at offset at.
func checkDamage(t *testing.T, text string, ids, want []string, at int, l layout, damage string, last bool) {
	t.Helper()
	for _, opts := range [][]cloudtrail.Option{nil, {cloudtrail.WithEventNames("no such event")}} {
		if opts != nil {
			// With a filter that takes nothing, no record comes, and
			// the errors are the same.
			want = nil
		}
		r := cloudtrail.NewReader(strings.NewReader(text), opts...)
		var got []string
		var errs []error
		for e, err := range r.All() {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			got = append(got, e.EventID)
			// Damage takes a record index only when it takes a record:
			// the records around it keep their indexes.
			require.Equal(t, slices.Index(ids, e.EventID), e.Delivery.Index, "index of %s", e.EventID)
			require.Empty(t, e.EnvelopeErrors, "a record with damage was delivered: %s", e.Raw())
			require.NotEmpty(t, e.EventName)
			_, err := cloudtrail.Parse(e.Raw())
			require.NoError(t, err)
		}
		require.Equal(t, want, got, "input:\n%s\nerrors: %v", text, errs)
		if opts != nil {
			// Records a filter skips are not validated: damage inside them
			// need not be reported. Only a cut at the end ends reading.
			require.True(t, r.Err() == nil || last, "fatal error %v", r.Err())
			continue
		}
		if strings.HasPrefix(damage, "stray byte order mark") && !l.array {
			// Where values start, a byte order mark is no damage.
			require.Empty(t, errs)
			require.NoError(t, r.Err())
			continue
		}
		require.NotEmpty(t, errs, "no error for the damage")
		for i, err := range errs {
			var re *cloudtrail.RecordError
			var ce *cloudtrail.ContainerError
			if i == len(errs)-1 && r.Err() != nil {
				// Only a record cut at the end of the input may end
				// reading.
				require.True(t, last, "a fatal error for damage before the end: %v", errs)
				require.ErrorIs(t, err, cloudtrail.ErrTruncated)
				require.Equal(t, r.Err(), err)
				continue
			}
			require.True(t, errors.As(err, &re) || errors.As(err, &ce), "error %T %v", err, err)
			require.ErrorIs(t, err, cloudtrail.ErrSyntax)
		}
		var offset int64
		var re *cloudtrail.RecordError
		var ce *cloudtrail.ContainerError
		switch {
		case errors.As(errs[0], &re):
			offset = re.Offset
		case errors.As(errs[0], &ce):
			offset = ce.Offset
			if errors.Is(errs[0], cloudtrail.ErrTruncated) {
				require.Contains(t, ce.Error(), fmt.Sprintf("starts at offset %d", at))
				offset = int64(at)
			}
		}
		require.Equal(t, int64(at), offset, "first error %v; errors %v", errs[0], errs)
		// The loop of the README ends: after the end, Next says io.EOF.
		e, err := r.Next()
		require.Nil(t, e)
		require.Equal(t, io.EOF, err)
	}
}

// eventIDs reads r to its end and returns the event IDs of its records and
// its errors.
func eventIDs(r *cloudtrail.Reader) (map[string]bool, []error) {
	got := map[string]bool{}
	var errs []error
	for e, err := range r.All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got[e.EventID] = true
	}
	return got, errs
}

// gzipMembers compresses each of parts as a gzip member of its own and
// joins them, as cat of gzip files does.
func gzipMembers(t *testing.T, parts []string) ([]byte, []int) {
	t.Helper()
	var out []byte
	var starts []int
	for _, p := range parts {
		starts = append(starts, len(out))
		out = append(out, gz(t, []byte(p))...)
	}
	return out, starts
}

// TestReaderGzipMemberDamage breaks one member of a multi-member gzip
// input in each way, at each position, and checks that the records of the
// other members all come, with one error for the damage.
func TestReaderGzipMemberDamage(t *testing.T) {
	const n = 4
	recs, ids := damageRecords(t, n*2, false)
	var files []string
	for i := range n {
		files = append(files, `{"Records":[`+recs[2*i]+","+recs[2*i+1]+"]}")
	}
	type damage struct {
		name string
		// apply damages member m of z, which starts at starts[m] and ends
		// at end.
		apply func(z []byte, start, end int) []byte
		lost  bool // the member's records are lost (else some may come)
	}
	damages := []damage{
		{"cut in half", func(z []byte, start, end int) []byte {
			return append(append([]byte(nil), z[:start+(end-start)/2]...), z[end:]...)
		}, false},
		{"cut before its trailer", func(z []byte, start, end int) []byte {
			return append(append([]byte(nil), z[:end-8]...), z[end:]...)
		}, false},
		{"compressed byte flipped", func(z []byte, start, end int) []byte {
			out := append([]byte(nil), z...)
			out[start+(end-start)/2] ^= 0x55
			return out
		}, false},
		{"checksum wrong", func(z []byte, start, end int) []byte {
			out := append([]byte(nil), z...)
			out[end-6] ^= 0xff
			return out
		}, false},
		{"header damaged", func(z []byte, start, end int) []byte {
			out := append([]byte(nil), z...)
			out[start+2] = 7 // no deflate
			return out
		}, true},
		{"header cut", func(z []byte, start, end int) []byte {
			return append(append([]byte(nil), z[:start+5]...), z[end:]...)
		}, true},
	}
	whole, starts := gzipMembers(t, files)
	for _, d := range damages {
		for m := range n {
			t.Run(fmt.Sprintf("%s/%d", d.name, m), func(t *testing.T) {
				end := len(whole)
				if m+1 < n {
					end = starts[m+1]
				}
				z := d.apply(whole, starts[m], end)
				r := cloudtrail.NewReader(bytes.NewReader(z))
				got, errs := eventIDs(r)
				// What the reader returns comes in the order of the input,
				// and what the decompressor made of the damaged data costs
				// no more than the one record cut by the damage.
				var offsets []int64
				records := 0
				for e, err := range cloudtrail.NewReader(bytes.NewReader(z)).All() {
					var re *cloudtrail.RecordError
					var ce *cloudtrail.ContainerError
					switch {
					case e != nil:
						offsets = append(offsets, e.Delivery.Offset)
					case errors.As(err, &re):
						offsets = append(offsets, re.Offset)
						records++
					case errors.As(err, &ce):
						offsets = append(offsets, ce.Offset)
					}
				}
				require.True(t, slices.IsSorted(offsets), "out of order: %v; errors %v", offsets, errs)
				require.LessOrEqual(t, records, 1, "errors %v", errs)
				for i, id := range ids {
					if i/2 != m {
						require.True(t, got[id], "record %d of member %d is lost; errors %v", i, i/2, errs)
					} else if d.lost {
						require.False(t, got[id], "record %d of the damaged member came", i)
					}
				}
				// The damage is told as such; garbage inflated before the
				// decompressor noticed it may give errors of its own.
				found := false
				for _, err := range errs {
					var ce *cloudtrail.ContainerError
					if errors.As(err, &ce) && (errors.Is(ce, cloudtrail.ErrCorrupt) || errors.Is(ce, cloudtrail.ErrTruncated)) {
						found = true
					}
				}
				require.True(t, found, "no error for the damage: %v", errs)
				if m < n-1 {
					require.NoError(t, r.Err(), "damage before the last member ends reading")
				}
			})
		}
	}
}

func TestReaderGzipPaddingAndTrailing(t *testing.T) {
	recs, ids := damageRecords(t, 2, false)
	file := `{"Records":[` + recs[0] + "," + recs[1] + "]}"
	z := gz(t, []byte(file))
	for _, tc := range []struct {
		name  string
		in    []byte
		isErr error
	}{
		{"zero padding", append(append([]byte(nil), z...), make([]byte, 10000)...), nil},
		{"one zero", append(append([]byte(nil), z...), 0), nil},
		{"trailing garbage", append(append([]byte(nil), z...), "garbage"...), cloudtrail.ErrCorrupt},
		{"zeros, then garbage", append(append(append([]byte(nil), z...), make([]byte, 100)...), "x"...), cloudtrail.ErrCorrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := readResults(t, cloudtrail.NewReader(bytes.NewReader(tc.in)))
			if tc.isErr == nil {
				require.Len(t, rs, 2)
			} else {
				require.Len(t, rs, 3)
				require.ErrorIs(t, rs[2].err, tc.isErr)
			}
			for i, id := range ids {
				require.NoError(t, rs[i].err)
				require.Equal(t, id, rs[i].event.EventID)
			}
		})
	}
}

func TestReaderGzipHeaderErrors(t *testing.T) {
	z := gz(t, []byte(`{"Records":[]}`))
	bad := append([]byte(nil), z...)
	bad[3] = 0xe0 // reserved flags
	for _, tc := range []struct {
		name string
		in   []byte
		is   error
		not  error
	}{
		{"corrupt header", bad, cloudtrail.ErrCorrupt, cloudtrail.ErrTruncated},
		{"header cut", z[:5], cloudtrail.ErrTruncated, cloudtrail.ErrCorrupt},
		{"magic only", z[:1], cloudtrail.ErrTruncated, cloudtrail.ErrCorrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cloudtrail.NewReader(bytes.NewReader(tc.in))
			_, err := r.Next()
			var ce *cloudtrail.ContainerError
			require.ErrorAs(t, err, &ce)
			require.ErrorIs(t, err, tc.is)
			require.NotErrorIs(t, err, tc.not)
			require.True(t, r.Compressed() || tc.name == "magic only")
			_, err = r.Next()
			require.Equal(t, io.EOF, err)
		})
	}
}

// failingReader gives data, then an error of its own.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// TestReaderIOErrorSameForGzip checks that an error of the io.Reader reaches
// the user in the same way, plain or gzip: wrapped as it is, not as damage
// of the container.
func TestReaderIOErrorSameForGzip(t *testing.T) {
	recs, _ := damageRecords(t, 3, false)
	file := []byte(`{"Records":[` + strings.Join(recs, ",") + "]}")
	ioErr := errors.New("connection reset")
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"plain", file[:len(file)/2]},
		{"gzip", gz(t, file)[:len(gz(t, file))/2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cloudtrail.NewReader(&failingReader{data: tc.data, err: ioErr})
			rs := readResults(t, r)
			last := rs[len(rs)-1].err
			require.ErrorIs(t, last, ioErr)
			var ce *cloudtrail.ContainerError
			require.False(t, errors.As(last, &ce), "an I/O error reported as a broken container: %v", last)
			require.NotErrorIs(t, last, cloudtrail.ErrTruncated)
			require.Equal(t, last, r.Err())
			require.Contains(t, last.Error(), "cloudtrail: reading input at offset")
		})
	}
}

// TestReaderGzipLargeMemberCut cuts a member larger than the window of
// compressed bytes the Reader keeps, and checks that the member after it
// still reads whole.
func TestReaderGzipLargeMemberCut(t *testing.T) {
	first, _ := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 21, Records: 3000})
	second, ids := trailRecords(t, cloudtrailtest.TrailConfig{Seed: 22, Records: 50})
	a, b := gz(t, first), gz(t, second)
	require.Greater(t, len(a), 300<<10, "the first member is to be larger than the window")
	for _, cut := range []int{len(a) / 3, len(a) - 100<<10, len(a) - 20} {
		z := append(append([]byte(nil), a[:cut]...), b...)
		r := cloudtrail.NewReader(bytes.NewReader(z))
		got, errs := eventIDs(r)
		for _, raw := range ids {
			var id struct{ EventID string }
			require.NoError(t, json.Unmarshal(raw, &id))
			require.True(t, got[id.EventID], "cut at %d: record %s of the second member is lost; errors %v", cut, id.EventID, errs)
		}
		require.NotEmpty(t, errs)
		require.NoError(t, r.Err())
	}
}
