package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// FuzzParse checks that Parse never panics, whatever its input, that it
// accepts exactly the JSON objects, and that what it returns holds together. It is seeded with every file of testdata
// (the documentation examples as published, the records, the log files) and
// with every record of the log files.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"docs", "records", "trails"} {
		for _, file := range testdataFiles(f, dir, "") {
			data := readTestdata(f, file)
			f.Add(data)
			if dir == "trails" {
				for _, rec := range splitTrail(f, data) {
					f.Add([]byte(rec))
				}
			}
		}
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"eventTime":"timestamp"}`, `{"readOnly":"maybe"}`,
		`{"userIdentity":{"sessionContext":{"attributes":{"creationDate":1e999999999}}}}`,
		`{"resources":[1,{"ARN":2}]}`, `{"EVENTNAME":"x","eventname":"y"}`,
		`{"userIdentity":"AssumedRole","resources":{},"tlsDetails":[],"addendum":"x"}`,
	} {
		f.Add([]byte(s))
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		e, err := cloudtrail.Parse(data)
		if !bytes.Equal(in, data) {
			t.Fatal("Parse changed its input")
		}
		// Parse accepts exactly what encoding/json reads as an object.
		valid := json.Valid(data)
		trimmed := bytes.TrimLeft(data, " \t\r\n")
		isObject := valid && len(trimmed) > 0 && trimmed[0] == '{'
		if (err == nil) != isObject {
			t.Fatalf("Parse: %v; encoding/json: valid %v, object %v", err, valid, isObject)
		}
		if err != nil {
			if e != nil {
				t.Fatalf("Parse returned an event with the error %v", err)
			}
			if !errors.Is(err, cloudtrail.ErrSyntax) && !errors.Is(err, cloudtrail.ErrNotRecord) {
				t.Fatalf("error %v wraps neither ErrSyntax nor ErrNotRecord", err)
			}
			return
		}
		if !bytes.Equal(e.Raw(), data) {
			t.Fatal("Raw differs from the input")
		}
		if !e.EventTime.IsZero() && e.EventTime.Location() != time.UTC {
			t.Fatalf("eventTime %v is not in UTC", e.EventTime)
		}
		for _, m := range []json.RawMessage{e.RequestParameters, e.ResponseElements, e.AdditionalEventData} {
			if m != nil && !json.Valid(m) {
				t.Fatalf("raw member %q is not valid JSON", m)
			}
		}
		for _, fe := range e.EnvelopeErrors {
			if fe == nil || fe.Path == "" || fe.Error() == "" {
				t.Fatalf("bad envelope error %#v", fe)
			}
		}
		// None of the accessors may panic either.
		_ = e.Actor().String()
		_ = e.Failed()
		_ = e.Get("userIdentity.arn")
		_ = e.RequestParameter("settings")
		_ = e.ResponseElement("job.id")
		if _, err := e.MarshalJSON(); err != nil {
			t.Fatal(err)
		}
	})
}
