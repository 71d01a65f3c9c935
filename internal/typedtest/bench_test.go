package typedtest

import "testing"

// BenchmarkAllRecords decodes every record of the four services in the
// test data, typed and with encoding/json:
//
//	go test ./internal/typedtest -run '^$' -bench . -benchmem
//
// ns/event is the average over the records.
func BenchmarkAllRecords(b *testing.B) {
	BenchmarkDecode(b, Events(b, services...))
}
