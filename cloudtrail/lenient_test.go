package cloudtrail

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"
)

// The tests of this file call lenientBytes, so they are in the package.

// readEvents reads in to its end and returns the events and the errors.
func readEvents(in string, opts ...Option) ([]*Event, []error) {
	var evs []*Event
	var errs []error
	for e, err := range NewReader(strings.NewReader(in), opts...).All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		evs = append(evs, e)
	}
	return evs, errs
}

// lenientEvents reads in with Lenient, failing on any error.
func lenientEvents(t *testing.T, in string) []*Event {
	t.Helper()
	evs, errs := readEvents(in, Lenient())
	if len(errs) > 0 {
		t.Fatalf("unexpected error: %v", errs[0])
	}
	return evs
}

// TestLenientRewrite checks what Lenient accepts, record by record.
func TestLenientRewrite(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the record, as compact JSON
	}{
		{"trailing comma in object", `{"eventName":"A","eventSource":"x",}`, `{"eventName":"A","eventSource":"x"}`},
		{"trailing comma in array", `{"eventName":"A","resources":[1,2,],}`, `{"eventName":"A","resources":[1,2]}`},
		{"elided object", `{"eventName":"A","requestParameters":{...}}`, `{"eventName":"A","requestParameters":{}}`},
		{"elided array", `{"eventName":"A","resources":[...]}`, `{"eventName":"A","resources":[]}`},
		{"elided members", `{"eventName":"A", ..., "eventSource":"x", ...}`, `{"eventName":"A","eventSource":"x"}`},
		{"elided elements", `{"eventName":"A","resources":[1, ..., 2, …]}`, `{"eventName":"A","resources":[1,2]}`},
		{"elided value", `{"eventName":"A","requestParameters": ...}`, `{"eventName":"A","requestParameters":null}`},
		{"unicode ellipsis", `{"eventName":"A","requestParameters":{…}}`, `{"eventName":"A","requestParameters":{}}`},
		{"typographic quotes", `{“eventName”: “A”, ‘eventSource’: ‘x’}`, `{"eventName":"A","eventSource":"x"}`},
		{"apostrophe in typographic string", `{“eventName”: “Don’t”}`, `{"eventName":"Don’t"}`},
		{"single quotes", `{'eventName': 'say "hi"'}`, `{"eventName":"say \"hi\""}`},
		{"comments", "{\"eventName\": \"A\", // the name\n /* block\n comment */ \"eventSource\": \"x\"}", `{"eventName":"A","eventSource":"x"}`},
		{"slashes in strings", `{"eventName":"A","userAgent":"http://example.com/*x*/ // y"}`, `{"eventName":"A","userAgent":"http://example.com/*x*/ // y"}`},
		{"ellipsis in strings", `{"eventName":"A","userAgent":"wait... {...}"}`, `{"eventName":"A","userAgent":"wait... {...}"}`},
		{"raw newline in string", "{\"eventName\":\"A\",\"errorMessage\":\"line 1\nline 2\"}", `{"eventName":"A","errorMessage":"line 1\nline 2"}`},
		{"no-break spaces", "{\"eventName\":\u00a0\"A\"}", `{"eventName":"A"}`},
		{"numbers", `{"eventName":"A","n":-1.5e3,}`, `{"eventName":"A","n":-1.5e3}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := NewReader(strings.NewReader(tc.in)).Next(); err == nil && tc.name != "slashes in strings" && tc.name != "ellipsis in strings" && tc.name != "apostrophe in typographic string" {
				t.Errorf("strict reading accepts %q", tc.in)
			}
			evs := lenientEvents(t, tc.in)
			if len(evs) != 1 {
				t.Fatalf("got %d events", len(evs))
			}
			var got, want any
			if err := json.Unmarshal(evs[0].Raw(), &got); err != nil {
				t.Fatalf("Raw is no JSON: %v: %s", err, evs[0].Raw())
			}
			json.Unmarshal([]byte(tc.want), &want)
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			if string(g) != string(w) {
				t.Errorf("got %s, want %s", g, w)
			}
		})
	}
}

// TestLenientElidedRecords checks that elided records are dropped.
func TestLenientElidedRecords(t *testing.T) {
	in := `{"Records": [ {...}, {"eventVersion":"1.08","eventName":"A"}, ..., ] }`
	evs := lenientEvents(t, in)
	if len(evs) != 1 || evs[0].EventName != "A" {
		t.Fatalf("got %d events", len(evs))
	}
}

// TestLenientCommaList checks records listed with commas but no brackets.
func TestLenientCommaList(t *testing.T) {
	in := "{\"eventVersion\":\"1.08\",\"eventName\":\"A\"},\n{\"eventVersion\":\"1.08\",\"eventName\":\"B\"},\n"
	evs := lenientEvents(t, in)
	if len(evs) != 2 || evs[1].EventName != "B" {
		t.Fatalf("got %d events", len(evs))
	}
}

// TestDocs reads the examples of the AWS documentation: those that are
// valid JSON read either way; those that are not (.txt) fail clearly when
// strict and read with Lenient.
func TestDocs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "docs", "*"))
	if err != nil || len(files) == 0 {
		t.Skip("no documentation examples")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			evs := lenientEvents(t, string(data))
			if len(evs) == 0 {
				t.Fatal("no events with Lenient")
			}
			for _, e := range evs {
				if e.EventName == "" || !json.Valid(e.Raw()) {
					t.Errorf("event %d: no eventName, or Raw is no JSON", e.Delivery.Index)
				}
			}
			strict, errs := readEvents(string(data))
			if strings.HasSuffix(f, ".txt") {
				if len(errs) == 0 {
					t.Fatal("strict reading accepts invalid JSON")
				}
				for _, err := range errs {
					if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "Lenient") {
						t.Errorf("strict error %q does not say it is a syntax error that Lenient reads", err)
					}
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("strict reading: %v", errs)
			}
			if len(strict) != len(evs) {
				t.Errorf("strict gives %d events, Lenient %d", len(strict), len(evs))
			}
		})
	}
}

// TestLenientMissingComma checks that Lenient adds the comma missing
// between a value and the next member or element, and only there.
func TestLenientMissingComma(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"after a string", "{\"a\": \"x\"\n \"b\": 1}", "{\"a\": \"x\",\n \"b\": 1}"},
		{"after a number", "{\"a\": -1.5e3\n \"b\": 1}", "{\"a\": -1.5e3,\n \"b\": 1}"},
		{"after literals", "{\"a\": true\n \"b\": false\n \"c\": null\n \"d\": 1}", "{\"a\": true,\n \"b\": false,\n \"c\": null,\n \"d\": 1}"},
		{"after an object", "{\"a\": {\"x\": 1}\n \"b\": 1}", "{\"a\": {\"x\": 1},\n \"b\": 1}"},
		{"after an array", "{\"a\": [1]\n \"b\": 1}", "{\"a\": [1],\n \"b\": 1}"},
		{"after an elided object", "{\"a\": {...}\n \"b\": 1}", "{\"a\": {},\n \"b\": 1}"},
		{"names in other quotes", "{'a': 1\n “b”: 2}", "{\"a\": 1,\n \"b\": 2}"},
		{"between strings", "[\"a\"\n \"b\"]", "[\"a\",\n \"b\"]"},
		{"between numbers", "[1 2 -3 4.5]", "[1, 2, -3, 4.5]"},
		{"between literals", "[true false null true]", "[true, false, null, true]"},
		{"between objects", "[{\"a\": 1}\n {\"a\": 2}]", "[{\"a\": 1},\n {\"a\": 2}]"},
		{"between arrays", "[[1]\n [2]]", "[[1],\n [2]]"},
		{"before every kind of value", "[0\n \"a\"\n {}\n []\n true\n false\n null\n -1]", "[0,\n \"a\",\n {},\n [],\n true,\n false,\n null,\n -1]"},
		{"nested, several places", "{\n  \"sessionContext\": {\n    \"sourceIdentity\": \"x\"\n    \"credentials\": {\n      \"a\": [1\n 2]\n    }\n  }\n  \"b\": [{\"c\": 3}\n {\"c\": 4}]\n}",
			"{\n  \"sessionContext\": {\n    \"sourceIdentity\": \"x\",\n    \"credentials\": {\n      \"a\": [1,\n 2]\n    }\n  },\n  \"b\": [{\"c\": 3},\n {\"c\": 4}]\n}"},
		{"CRLF", "{\r\n  \"a\": 1\r\n  \"b\": [1\r\n    2]\r\n  \"c\": 3\r\n}", "{\r\n  \"a\": 1,\r\n  \"b\": [1,\r\n    2],\r\n  \"c\": 3\r\n}"},
		{"records in an array", "{\"Records\": [\n{\"eventName\": \"A\"}\n{\"eventName\": \"B\"}\n]}", "{\"Records\": [\n{\"eventName\": \"A\"},\n{\"eventName\": \"B\"}\n]}"},
		{"comment between", "{\"a\": 1 // note\n \"b\": 2}", "{\"a\": 1, \n \"b\": 2}"},
		{"elided member between", "{\"a\": 1\n ...\n \"b\": 2}", "{\"a\": 1,\n \n \"b\": 2}"},
		{"trailing comma too", "[1\n 2,\n]", "[1,\n 2\n]"},
		// Left alone: no white space, a missing colon, no value, and
		// records one after another, which the Reader reads as they are.
		{"no white space", "{\"a\": 1\"b\": 2}", "{\"a\": 1\"b\": 2}"},
		{"missing colon", "{\"a\" \"b\": 1}", "{\"a\" \"b\": 1}"},
		{"no value", "[1 x]", "[1 x]"},
		{"records one after another", "{\"a\": 1}\n{\"b\": 2}\n", "{\"a\": 1}\n{\"b\": 2}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, string(lenientBytes([]byte(tc.in))))
		})
	}
}

// TestLenientMarkdownEscapes checks that Lenient drops the backslash of a
// Markdown escape in a string.
func TestLenientMarkdownEscapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"dots", `"https://console\.aws\.amazon\.com/"`, `"https://console.aws.amazon.com/"`},
		{"underscore", `"my\_bucket"`, `"my_bucket"`},
		{"asterisk", `"a\*b"`, `"a*b"`},
		{"punctuation", `"\- \# \( \) \[ \] \{ \} \! \+ \| \< \> \~ \` + "`" + `"`, `"- # ( ) [ ] { } ! + | < > ~ ` + "`" + `"`},
		{"in a name", `{"my\_key": "a\_b"}`, `{"my_key": "a_b"}`},
		{"in single quotes", `['it\'s a\_b']`, `["it's a_b"]`},
		{"beside JSON escapes", `"a\_b\\.c\"d\/e\u0041\n\.\\"`, `"a_b\\.c\"d\/e\u0041\n.\\"`},
		{"outside strings", `[1, \_]`, `[1, \_]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, string(lenientBytes([]byte(tc.in))))
		})
	}
}

// TestLenientEscapeAtChunkBoundary checks escapes that straddle the chunks
// the lenientReader writes.
func TestLenientEscapeAtChunkBoundary(t *testing.T) {
	for n := 32<<10 - 12; n < 32<<10+4; n++ {
		in := `{"a":"` + strings.Repeat("x", n) + `\_\'\\\."}`
		want := `{"a":"` + strings.Repeat("x", n) + `_'\\."}`
		require.Equal(t, want, string(lenientBytes([]byte(in))), "%d bytes before the escapes", n)
	}
}

// TestLenientValidUnchanged checks that Lenient leaves valid JSON as it is,
// byte for byte.
func TestLenientValidUnchanged(t *testing.T) {
	tests := []string{
		`{"a": "x\" \"y", "b": "\" \"", "c": "\"x\"\n  \"b\": 1"}`,
		`["\\.", "\\_", "\\\\", "\"", "\/", "\u0041", "\b\f\n\r\t"]`,
		"{\n  \"a\": 1,\n  \"b\": [1 , 2,\t3],\r\n  \"c\": {\"d\": null} ,\n  \"e\": \"x\"\n}",
		`[[1, [2, {"a": [true, false, null]}]], {}, [], "", -0.5e+3]`,
		`{"a" : 1 , "b" : "c" }`,
	}
	for _, in := range tests {
		require.True(t, json.Valid([]byte(in)), in)
		require.Equal(t, in, string(lenientBytes([]byte(in))))
	}
	checked := 0
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".json" {
			return err
		}
		data, err := os.ReadFile(path)
		if err == nil && json.Valid(data) {
			require.Equal(t, string(data), string(lenientBytes(data)), path)
			checked++
		}
		return err
	})
	require.NoError(t, err)
	t.Logf("%d JSON files of testdata unchanged", checked)
}

// TestLenientTyposRecord reads a record with a missing comma and Markdown
// escapes: Lenient reads it, strict reading does not.
func TestLenientTyposRecord(t *testing.T) {
	in := `{"Records": [{
    "eventVersion": "1.08",
    "userIdentity": {
        "type": "AssumedRole",
        "accessKeyId": "ASIA\_EXAMPLE",
        "sessionContext": {
            "sourceIdentity": "x"
            "attributes": {"mfaAuthenticated": "false"}
        }
    }
    "eventTime": "2024-01-02T03:04:05Z",
    "eventSource": "mediaconvert.amazonaws.com",
    "eventName": "CreateJob"
    "userAgent": "console\.amazonaws\.com",
    "requestParameters": {"outputGroups": ["a" "b"]}
}]}`
	evs := lenientEvents(t, in)
	require.Len(t, evs, 1)
	e := evs[0]
	require.Equal(t, "CreateJob", e.EventName)
	require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
	require.Equal(t, "console.amazonaws.com", e.UserAgent)
	require.Equal(t, "ASIA_EXAMPLE", e.UserIdentity.AccessKeyID)
	require.Equal(t, "x", e.Get("userIdentity.sessionContext.sourceIdentity").String())
	require.Equal(t, "false", e.Get("userIdentity.sessionContext.attributes.mfaAuthenticated").String())
	require.Equal(t, "b", e.RequestParameter("outputGroups.1").String())

	strict, errs := readEvents(in)
	require.Empty(t, strict)
	require.NotEmpty(t, errs)
	require.ErrorIs(t, errs[0], ErrSyntax)
	for _, in := range []string{
		"{\"eventName\": \"A\"\n\"eventSource\": \"x\"}",
		`{"eventName": "A", "userAgent": "a\.b"}`,
	} {
		_, errs := readEvents(in)
		require.NotEmpty(t, errs, in)
	}
}

// FuzzLenient rewrites any input as Lenient does and checks that it never
// panics, that valid JSON comes out byte for byte as it went in, that the
// rewrite is the same however the input is split into reads, and that
// rewriting the output again changes nothing more when the output is JSON.
func FuzzLenient(f *testing.F) {
	for _, s := range []string{
		`{"a":1,}`, `[{...}, {“eventName”: “A”,},]`, "{\"a\": \"x\"\n\"b\": {}}", `{"u":"https://console\.aws\.amazon\.com/"}`,
		`{'a': 'b\'c'}`, `// note` + "\n" + `{"a":[1 2]}`, `{"a":"\q\_"}`, `[[[[[`, `"\`,
	} {
		f.Add([]byte(s))
	}
	for _, s := range fuzzSeeds(f) {
		if len(s) < 8<<10 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out := lenientBytes(in)
		if json.Valid(in) && string(out) != string(in) {
			t.Fatalf("valid JSON rewritten:\n%q\n%q", in, out)
		}
		chunked, err := io.ReadAll(newLenientReader(iotest.OneByteReader(bytes.NewReader(in))))
		require.NoError(t, err)
		if string(chunked) != string(out) {
			t.Fatalf("rewrite depends on the reads:\n%q\n%q", out, chunked)
		}
		if json.Valid(out) {
			if again := lenientBytes(out); string(again) != string(out) {
				t.Fatalf("rewrite of the rewrite differs:\n%q\n%q", out, again)
			}
		}
	})
}
