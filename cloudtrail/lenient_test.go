package cloudtrail_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

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
			if _, err := cloudtrail.NewReader(strings.NewReader(tc.in)).Next(); err == nil && tc.name != "slashes in strings" && tc.name != "ellipsis in strings" && tc.name != "apostrophe in typographic string" {
				t.Errorf("strict reading accepts %q", tc.in)
			}
			rs := readResults(t, cloudtrail.NewReader(strings.NewReader(tc.in), cloudtrail.Lenient()))
			evs := events(t, rs)
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
	evs := events(t, readResults(t, cloudtrail.NewReader(strings.NewReader(in), cloudtrail.Lenient())))
	if len(evs) != 1 || evs[0].EventName != "A" {
		t.Fatalf("got %d events", len(evs))
	}
}

// TestLenientCommaList checks records listed with commas but no brackets.
func TestLenientCommaList(t *testing.T) {
	in := "{\"eventVersion\":\"1.08\",\"eventName\":\"A\"},\n{\"eventVersion\":\"1.08\",\"eventName\":\"B\"},\n"
	evs := events(t, readResults(t, cloudtrail.NewReader(strings.NewReader(in), cloudtrail.Lenient())))
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
			lenient := readResults(t, cloudtrail.NewReader(strings.NewReader(string(data)), cloudtrail.Lenient()))
			evs := events(t, lenient)
			if len(evs) == 0 {
				t.Fatal("no events with Lenient")
			}
			for _, e := range evs {
				if e.EventName == "" || !json.Valid(e.Raw()) {
					t.Errorf("event %d: no eventName, or Raw is no JSON", e.Delivery.Index)
				}
			}
			strict := readResults(t, cloudtrail.NewReader(strings.NewReader(string(data))))
			var errs []error
			for _, r := range strict {
				if r.err != nil {
					errs = append(errs, r.err)
				}
			}
			if strings.HasSuffix(f, ".txt") {
				if len(errs) == 0 {
					t.Fatal("strict reading accepts invalid JSON")
				}
				for _, err := range errs {
					if !errors.Is(err, cloudtrail.ErrSyntax) || !strings.Contains(err.Error(), "Lenient") {
						t.Errorf("strict error %q does not say it is a syntax error that Lenient reads", err)
					}
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("strict reading: %v", errs)
			}
			if len(strict) != len(lenient) {
				t.Errorf("strict gives %d events, Lenient %d", len(strict), len(lenient))
			}
		})
	}
}
