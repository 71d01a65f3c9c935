package cloudtrail_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

func TestWithTimeRange(t *testing.T) {
	base := time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
	var events []*cloudtrail.Event
	for i := range 6 { // 12:00, 12:10, ... 12:50
		at := base.Add(time.Duration(i) * 10 * time.Minute)
		events = append(events, cloudtrailtest.Fixture("mediaconvert.amazonaws.com", "CreateJob",
			cloudtrailtest.WithTime(at),
			cloudtrailtest.WithEdit(func(e *cloudtrail.Event) { e.EventID = "t-" + at.Format("1504") })))
	}
	read := func(t *testing.T, in []byte, opts ...cloudtrail.Option) (ids []string, errs int) {
		t.Helper()
		for e, err := range cloudtrail.NewReader(bytes.NewReader(in), opts...).All() {
			if err != nil {
				errs++
				continue
			}
			ids = append(ids, e.EventID)
		}
		return ids, errs
	}
	tests := []struct {
		name         string
		since, until time.Time
		want         []string
	}{
		{"both", base.Add(10 * time.Minute), base.Add(30 * time.Minute), []string{"t-1210", "t-1220"}},
		{"since is in, until is out", base.Add(20 * time.Minute), base.Add(40 * time.Minute), []string{"t-1220", "t-1230"}},
		{"since only", base.Add(35 * time.Minute), time.Time{}, []string{"t-1240", "t-1250"}},
		{"until only", time.Time{}, base.Add(time.Second), []string{"t-1200"}},
		{"neither", time.Time{}, time.Time{}, []string{"t-1200", "t-1210", "t-1220", "t-1230", "t-1240", "t-1250"}},
		{"other zone", base.Add(50 * time.Minute).In(time.FixedZone("X", 3600)), time.Time{}, []string{"t-1250"}},
		{"empty", base.Add(time.Hour), base.Add(2 * time.Hour), nil},
	}
	for _, c := range cloudtrailtest.Containers() {
		in := cloudtrailtest.Encode(c, events...)
		for _, tt := range tests {
			t.Run(c.String()+"/"+tt.name, func(t *testing.T) {
				got, errs := read(t, in, cloudtrail.WithTimeRange(tt.since, tt.until))
				require.Equal(t, tt.want, got)
				require.Zero(t, errs)
			})
		}
	}

	// Records without a readable eventTime are kept, and errors are
	// delivered whatever the range.
	lines := strings.Join([]string{
		`{"eventVersion":"1.11","eventID":"early","eventTime":"2026-04-01T11:00:00Z","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob"}`,
		`{"eventVersion":"1.11","eventID":"none","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob"}`,
		`{"eventVersion":"1.11","eventID":"damaged","eventTime":"2026-04-01T12:00:00Z",`,
		`{"eventVersion":"1.11","eventID":"in","eventTime":"2026-04-01T12:30:00Z","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob"}`,
		`{"eventVersion":"1.11","eventID":"late","eventTime":1775048400,"eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob"}`,
	}, "\n")
	got, errs := read(t, []byte(lines), cloudtrail.WithTimeRange(base, base.Add(time.Hour)))
	require.Equal(t, []string{"none", "in"}, got)
	require.Equal(t, 1, errs)
}
