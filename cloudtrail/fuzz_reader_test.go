package cloudtrail

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
	"github.com/tidwall/gjson"
)

// fuzzSeeds returns the files under testdata that seed the fuzz targets.
func fuzzSeeds(f *testing.F) [][]byte {
	var seeds [][]byte
	root := filepath.Join("..", "testdata")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() > 256<<10 {
			return nil
		}
		if data, err := os.ReadFile(path); err == nil {
			seeds = append(seeds, data)
		}
		return nil
	})
	return seeds
}

func gzipBytes(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// FuzzReader reads any input, plain or gzipped, strict or lenient, and
// checks that the Reader neither panics nor loops, that every event it
// gives is valid JSON with a Delivery and a growing index, and that a
// source filter and WithWritesOnly give subsets of what reading everything
// gives, of the events they select.
func FuzzReader(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, false)
		f.Add(s, true)
		if len(s) < 16<<10 {
			f.Add(gzipBytes(s), false)
		}
	}
	f.Add([]byte(`{"Records":[{"eventSource":"mediaconvert.amazonaws.com"},`), false)
	f.Add([]byte(`[{...}, {“eventName”: “A”,},]`), true)
	f.Fuzz(func(t *testing.T, data []byte, lenient bool) {
		opts := []Option{WithMaxRecordSize(1 << 20), WithMaxDecompressedSize(8 << 20)}
		if lenient {
			opts = append(opts, Lenient())
		}
		all := fuzzRead(t, data, opts)
		filtered := fuzzRead(t, data, append(opts, WithEventSources("aws.mediaconvert", "s3.amazonaws.com")))
		byIndex := make(map[int]*Event, len(all))
		for _, e := range all {
			byIndex[e.Delivery.Index] = e
		}
		for _, e := range filtered {
			src := CanonicalEventSource(e.EventSource)
			if src == "" {
				// An Insights event: the source is that of its insight,
				// whose key matches without regard to case.
				e.Get("insightDetails").ForEach(func(k, v gjson.Result) bool {
					if strings.EqualFold(k.String(), "eventSource") {
						src = CanonicalEventSource(v.String())
						return false
					}
					return true
				})
			}
			if src != "mediaconvert.amazonaws.com" && src != "s3.amazonaws.com" {
				t.Fatalf("the filter let %q through", e.EventSource)
			}
			if o, ok := byIndex[e.Delivery.Index]; !ok || !bytes.Equal(o.Raw(), e.Raw()) {
				t.Fatalf("filtered event %d is not among the unfiltered events", e.Delivery.Index)
			}
		}
		for _, e := range fuzzRead(t, data, append(opts, WithWritesOnly())) {
			if change, known := IsWrite(e); !change || !known {
				t.Fatalf("WithWritesOnly let event %d through, IsWrite = %v, %v", e.Delivery.Index, change, known)
			}
			if o, ok := byIndex[e.Delivery.Index]; !ok || !bytes.Equal(o.Raw(), e.Raw()) {
				t.Fatalf("changed event %d is not among the unfiltered events", e.Delivery.Index)
			}
		}
	})
}

// fuzzRead reads data to its end and returns the events.
func fuzzRead(t *testing.T, data []byte, opts []Option) []*Event {
	r := NewReader(bytes.NewReader(data), opts...)
	var evs []*Event
	last := -1
	n := 0
	for e, err := range r.All() {
		if n++; n > 1<<20 {
			t.Fatal("the Reader does not stop")
		}
		if err != nil {
			if e != nil {
				t.Fatal("an event with an error")
			}
			continue
		}
		if e == nil || e.Delivery == nil {
			t.Fatal("a nil event, or one without Delivery")
		}
		if !gjson.ValidBytes(e.Raw()) {
			t.Fatalf("event %d is no valid JSON: %q", e.Delivery.Index, e.Raw())
		}
		if e.Delivery.Index <= last {
			t.Fatalf("index %d after %d", e.Delivery.Index, last)
		}
		// The Reader decodes as Parse does, whichever way it split the
		// record.
		p, err := Parse(e.Raw())
		if err != nil {
			t.Fatalf("event %d: Parse of its Raw fails: %v", e.Delivery.Index, err)
		}
		got := *e
		got.Delivery = nil
		if !reflect.DeepEqual(&got, p) {
			t.Fatalf("event %d decodes otherwise than Parse:\n%+v\n%+v", e.Delivery.Index, &got, p)
		}
		last = e.Delivery.Index
		evs = append(evs, e)
	}
	// After the end (or the error that ended reading, returned once), Next
	// keeps saying io.EOF.
	for range 3 {
		if e, err := r.Next(); e != nil || err != io.EOF {
			t.Fatalf("Next after the end = %v, %v", e, err)
		}
	}
	ended := r.Err()
	r.Format()
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err != io.EOF && !(ended == nil && err == ErrClosed) {
		t.Fatalf("Next after Close: %v", err)
	}
	return evs
}

// FuzzWalkObject checks the validating walk of records against gjson: the
// same verdict on every input, and the same members (names, texts and
// string values) for every object and array.
func FuzzWalkObject(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":1}`, `"x\u00e9"`, `-0.5e+3`, `01`, `{"a":[1,2,{"b":null}]}`, `[1,]`, `{"a" 1}`,
		"\"\x01\"", ` true `, `nul`, `{"a":"\q"}`, `{"a\"b":"x\u00e9","c":[1,{"d":"]"}],"e":-0.5e+3}`} {
		f.Add([]byte(s))
	}
	for _, s := range fuzzSeeds(f) {
		if len(s) < 8<<10 {
			f.Add(s)
		}
	}
	show := func(b []byte, v jv) string {
		text, _ := envelopeText(b, v)
		return string(b[v.s:v.e]) + "|" + text
	}
	want := func(v gjson.Result) string {
		text := v.Str
		switch v.Type {
		case gjson.Number, gjson.True, gjson.False:
			text = v.Raw
		}
		return v.Raw + "|" + text
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		valid := gjson.ValidBytes(b)
		var w memberWalk
		kind, err := walkRecord(b, &w)
		if (err == nil) != valid {
			t.Fatalf("walkRecord(%q) = %v, gjson says valid %v", b, err, valid)
		}
		if err != nil {
			if err.Offset < 0 || err.Offset > len(b) {
				t.Fatalf("walkRecord(%q): offset %d out of the text", b, err.Offset)
			}
			return
		}
		var walked []string
		for _, m := range w.members {
			walked = append(walked, memberName(b, int(m.ks), int(m.ke), m.kesc)+"="+show(b, jv{int(m.vs), int(m.ve), m.vesc}))
		}
		root := gjson.ParseBytes(b)
		whole := jsonscan.SkipSpace(b, 0)
		var expected, iterated []string
		switch {
		case kind == "object":
			root.ForEach(func(k, v gjson.Result) bool {
				expected = append(expected, k.Str+"="+want(v))
				return true
			})
			for i := whole; ; {
				k, v, ok := nextMember(b, i)
				if !ok {
					break
				}
				iterated = append(iterated, k+"="+show(b, v))
				i = v.e
			}
		case root.IsArray():
			root.ForEach(func(_, v gjson.Result) bool {
				expected = append(expected, want(v))
				return true
			})
			for i := whole; ; {
				v, ok := nextElement(b, i)
				if !ok {
					break
				}
				iterated = append(iterated, show(b, v))
				i = v.e
			}
			walked = expected
		default:
			walked, iterated = expected, expected
		}
		if !equalStrings(walked, expected) || !equalStrings(iterated, expected) {
			t.Fatalf("%q:\nwalked   %q\niterated %q\ngjson    %q", b, walked, iterated, expected)
		}
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
