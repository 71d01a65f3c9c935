package mediaconvert

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// FuzzDecodeCreateJob feeds arbitrary bytes to the generated decoders as
// the requestParameters and responseElements of a CreateJob record. No
// input may panic; what decodes must encode to valid JSON, and decoding
// that encoding again must give the same encoding.
func FuzzDecodeCreateJob(f *testing.F) {
	f.Add([]byte(createJobRequest))
	f.Add([]byte(`{"settings":{"outputGroups":[1,{"outputs":[{"videoDescription":{"codecSettings":{"h264Settings":{"gopSize":"90.0"}}}}]}]},"Tags":{"a":null}}`))
	f.Add([]byte(`{"job":{"createdAt":"1510714652428","settings":{"inputs":[{"audioSelectors":{"x":"***"}}]},"timing":{"submitTime":1e3}}}`))
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "records", "mediaconvert", "CreateJob*.json"))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		if e, err := cloudtrail.Parse(data); err == nil {
			f.Add([]byte(e.RequestParameters))
			f.Add([]byte(e.ResponseElements))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e := &cloudtrail.Event{EventSource: EventSource, EventName: "CreateJob", RequestParameters: data, ResponseElements: data}
		ev, err := decodeCreateJob(e)
		if err != nil {
			return
		}
		for _, v := range []json.Marshaler{ev.Request, ev.Response} {
			out, err := v.MarshalJSON()
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			if !json.Valid(out) {
				t.Fatalf("encoding of %q is not JSON: %q", data, out)
			}
		}
		out, _ := ev.Request.MarshalJSON()
		again, err := decodeCreateJob(&cloudtrail.Event{EventSource: EventSource, EventName: "CreateJob", RequestParameters: out})
		if err != nil {
			t.Fatalf("decoding the encoding %q: %v", out, err)
		}
		out2, _ := again.Request.MarshalJSON()
		if !bytes.Equal(out, out2) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, out2)
		}
	})
}

// decodeCreateJob decodes a CreateJob event through the registry.
func decodeCreateJob(e *cloudtrail.Event) (*CreateJobEvent, error) {
	v, err := cloudtrail.Decode(e)
	if err != nil {
		return nil, err
	}
	return v.(*CreateJobEvent), nil
}
