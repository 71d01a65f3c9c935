package transcribe

import (
	"reflect"
	"testing"

	"github.com/mediatrail/mediatrail/internal/typedtest"
)

// withoutEvent returns summaries without their Event, which
// TestSummariesCarryEvent checks, so that the other tests compare the rest.
func withoutEvent[S any](list []S) []S { return typedtest.WithoutEvent(list) }

func TestSummariesCarryEvent(t *testing.T) {
	typedtest.CheckSummariesCarryEvent(t, EventSource, JobSummaries)
}

func TestSummaryJSONTags(t *testing.T) {
	typedtest.CheckSummaryJSON(t, reflect.TypeFor[JobSummary]())
}
