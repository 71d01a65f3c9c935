package typedtest

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// BenchmarkAllRecords decodes every record of the service packages in the
// test data, typed and with encoding/json, as the files write them
// (indented) and as CloudTrail delivers them (compact):
//
//	go test ./internal/typedtest -run '^$' -bench . -benchmem
//
// ns/event is the average over the records.
func BenchmarkAllRecords(b *testing.B) {
	b.Run("indented", func(b *testing.B) {
		BenchmarkDecode(b, Events(b, eventSources()...))
	})
	b.Run("compact", func(b *testing.B) {
		BenchmarkDecode(b, compactEvents(b, Events(b, eventSources()...)))
	})
}

// compactEvents parses the records again after compacting them, as
// CloudTrail writes them to its log files.
func compactEvents(b *testing.B, events []*cloudtrail.Event) []*cloudtrail.Event {
	out := make([]*cloudtrail.Event, len(events))
	for i, e := range events {
		var buf bytes.Buffer
		if err := json.Compact(&buf, e.Raw()); err != nil {
			b.Fatal(err)
		}
		c, err := cloudtrail.Parse(buf.Bytes())
		if err != nil {
			b.Fatal(err)
		}
		out[i] = c
	}
	return out
}
