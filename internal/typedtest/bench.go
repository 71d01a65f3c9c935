package typedtest

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// BenchmarkDecode measures, in one run, the typed decoding of events
// (cloudtrail.Decode, from the parsed envelope to the typed event) and, as
// the baseline, encoding/json unmarshalling their requestParameters and
// responseElements into the same request and response types. Both report
// bytes of requestParameters and responseElements per second, allocations,
// and the time per event.
func BenchmarkDecode(b *testing.B, events []*cloudtrail.Event) {
	b.Helper()
	type types struct{ req, resp reflect.Type }
	baseline := make([]types, len(events))
	var size int64
	for i, e := range events {
		v, err := cloudtrail.Decode(e)
		if err != nil {
			b.Fatalf("%s %s: %v", e.EventSource, e.EventName, err)
		}
		ev := reflect.ValueOf(v).Elem()
		baseline[i] = types{ev.FieldByName("Request").Type().Elem(), ev.FieldByName("Response").Type().Elem()}
		size += int64(len(e.RequestParameters) + len(e.ResponseElements))
	}
	perEvent := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(events)), "ns/event")
	}
	b.Run("typed", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, e := range events {
				if _, err := cloudtrail.Decode(e); err != nil {
					b.Fatal(err)
				}
			}
		}
		perEvent(b)
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for i, e := range events {
				if e.RequestParameters != nil {
					_ = json.Unmarshal(e.RequestParameters, reflect.New(baseline[i].req).Interface())
				}
				if e.ResponseElements != nil {
					_ = json.Unmarshal(e.ResponseElements, reflect.New(baseline[i].resp).Interface())
				}
			}
		}
		perEvent(b)
	})
	b.Run("encoding-json-map", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, e := range events {
				if e.RequestParameters != nil {
					var m map[string]any
					_ = json.Unmarshal(e.RequestParameters, &m)
				}
				if e.ResponseElements != nil {
					var m map[string]any
					_ = json.Unmarshal(e.ResponseElements, &m)
				}
			}
		}
		perEvent(b)
	})
}
