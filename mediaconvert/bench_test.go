package mediaconvert

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// The benchmarks compare the generated decoders with encoding/json
// unmarshalling the same requestParameters and responseElements into the
// same types, in one run:
//
//	go test ./mediaconvert -run '^$' -bench . -benchmem

// BenchmarkCreateJob2017 decodes the CreateJob record of the 2017
// documentation, with the full job settings in request and response.
func BenchmarkCreateJob2017(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "docs", "mediaconvert-2017-createjob.json"))
	if os.IsNotExist(err) {
		b.Skip("no testdata/docs/mediaconvert-2017-createjob.json")
	}
	if err != nil {
		b.Fatal(err)
	}
	e, err := cloudtrail.Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	typedtest.BenchmarkDecode(b, []*cloudtrail.Event{e})

	// From the record's bytes: envelope and typed event.
	b.Run("parse+typed", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			e, err := cloudtrail.Parse(data)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := decodeCreateJob(e); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse+encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			e, err := cloudtrail.Parse(data)
			if err != nil {
				b.Fatal(err)
			}
			var req CreateJobRequest
			var resp CreateJobResponse
			_ = json.Unmarshal(e.RequestParameters, &req)
			_ = json.Unmarshal(e.ResponseElements, &resp)
		}
	})
}

// BenchmarkRecords decodes every MediaConvert record of the test data;
// ns/event is the average.
func BenchmarkRecords(b *testing.B) {
	typedtest.BenchmarkDecode(b, typedtest.Events(b, EventSource))
}
