package cloudtrailtest

import (
	"encoding/json"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// Options returns the go-cmp options that compare what the library decodes
// as a test means it, so that
//
//	if diff := cmp.Diff(want, got, cloudtrailtest.Options()...); diff != "" {
//		t.Errorf("events (-want +got):\n%s", diff)
//	}
//
// is the one line a test needs, for events, typed events, their requests
// and responses, and slices of them:
//
//   - events compare field by field, so that a diff names the field, and
//     without Delivery (where the record was read from) or the record's
//     bytes;
//   - raw JSON (json.RawMessage: requestParameters, kept members, Unknown)
//     compares by value: white space, the order of members and the form
//     of numbers aside;
//   - cloudtrail.Time compares by instant, not by the text it was read
//     from, so that a time made in code equals one read from a record.
//
// Without these options cmp.Diff works too (Event.Equal compares whole
// records as JSON values), but a diff then shows whole events.
func Options() []cmp.Option {
	return []cmp.Option{
		cmp.Transformer("fields", func(e *cloudtrail.Event) eventFields {
			if e == nil {
				return eventFields{}
			}
			// A copy without where the record was read from; the record's
			// bytes are ignored below, so that only the fields count.
			fields := *e
			fields.Delivery = nil
			return eventFields{Event: fields, set: true}
		}),
		cmpopts.IgnoreUnexported(cloudtrail.Event{}),
		cmp.AllowUnexported(eventFields{}),
		cmp.Comparer(func(a, b json.RawMessage) bool { return jsonscan.Equal(a, b) }),
		cmp.Comparer(func(a, b cloudtrail.Time) bool { return a.Time.Equal(b.Time) }),
	}
}

// eventFields is what Options compares of an *Event: its fields, and
// whether it is nil.
type eventFields struct {
	cloudtrail.Event
	set bool
}
