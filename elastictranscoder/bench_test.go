package elastictranscoder

import (
	"testing"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// BenchmarkRecords decodes every record of the service in the test data,
// with the generated decoders and, as the baseline, with encoding/json into
// the same types; ns/event is the average:
//
//	go test ./elastictranscoder -run '^$' -bench . -benchmem
func BenchmarkRecords(b *testing.B) {
	typedtest.BenchmarkDecode(b, typedtest.Events(b, EventSource))
}
