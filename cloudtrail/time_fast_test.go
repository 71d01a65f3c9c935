package cloudtrail

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fastTimes are inputs of every form parseTimeFast reads, and of the
// corners it leaves to the general parser.
var fastTimes = []string{
	"2017-11-15T02:57:32Z", "2023-11-02T00:59:45.712Z", "2024-02-29T23:59:59.999999999Z",
	"2024-04-04T17:45:26+02:00", "2024-04-04T17:45:26-07:30", "2024-04-04T17:45:26.5-00:00",
	"2023-02-29T00:00:00Z", "2024-04-04T24:00:00Z", "2024-04-04T17:60:00Z", "2024-04-04T17:45:60Z",
	"2024-04-04T17:45:26.1234567891Z", "2024-04-04t17:45:26Z", "2024-04-04T17:45:26z", "2024-04-04T17:45:26+24:00",
	"2024-13-04T17:45:26Z", "2024-04-04T17:45:26.Z", "2024-04-04T17:45:26", "0000-01-01T00:00:00Z",
	"1510714652", "1510714652436", "0001510714652", "0", "000000000000", "123456789012345678", "1234567890123456789",
	"Nov 2, 2023, 12:59:45 AM", "Nov 2, 2023 12:59:45 PM", "Jul 18, 2014 4:07:39 PM", "Nov 15, 2017 9:26:29PM",
	"Nov 15, 2017, 9:26:29PM", "Feb 19, 2024, 9:12:41\u202fAM", "Feb 19, 2024, 9:12:41\u00a0AM", "Jan 2, 2006 15:04:05",
	"Jan 2, 2006, 15:04:05", "Jan 2, 2006 3:04:05", "Feb 30, 2024 1:00:00 AM", "Jan 2, 2006 0:04:05 AM",
	"Jan 2, 2006 13:04:05 PM", "Jan 2, 2006 3:04:05 pm", "Jan 2, 2006 3:04:05 XM", "Foo 2, 2006 3:04:05 PM",
	"Jan 2 2006 3:04:05 PM", "Thu Oct 24 22:33:26 UTC 2019", "timestamp", "Jan  2, 2006 3:04:05 PM",
	// The bounds: the years 0 to 9999, epoch milliseconds up to the last
	// one of 9999.
	"12345678901234567890", "123456789012345678901", "9223372036854775808", "999999999999999",
	"253402300799999", "253402300800000", "1000000000000000", "99999999999", "253402300799",
	"00000000000000000000253402300799999", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59-01:00",
	"9999-12-31T23:59:59.999999999+01:00", "0000-01-01T00:00:00+01:00", "0000-01-01T00:00:00-01:00",
	"Dec 31, 9999 11:59:59 PM", "Jan 1, 0000 12:00:00 AM",
}

// TestParseTimeFastAgrees checks that the fast forms give the time the
// general parser gives, and leave to it what it refuses.
func TestParseTimeFastAgrees(t *testing.T) {
	fast := 0
	for _, s := range fastTimes {
		got, ok := parseTimeFast(s)
		want, err := parseTime(s, strings.TrimSpace(s))
		if ok {
			fast++
			require.NoError(t, err, "%q: the fast path reads what the general one refuses", s)
			require.True(t, want.Equal(got), "%q: fast %v, general %v", s, got, want)
			require.Equal(t, time.UTC, got.Location(), s)
		}
	}
	require.Greater(t, fast, 20, "the fast path reads the common forms")
}

// TestParseTimeFastAllocs checks that the fast path allocates nothing, for
// the times it reads and for those it leaves to the general parser.
func TestParseTimeFastAllocs(t *testing.T) {
	for _, s := range fastTimes {
		allocs := testing.AllocsPerRun(100, func() { parseTimeFast(s) })
		require.Zero(t, allocs, "%q", s)
	}
}

// FuzzParseTimeFast checks the same on any input.
func FuzzParseTimeFast(f *testing.F) {
	for _, s := range fastTimes {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseTimeFast(s)
		if !ok {
			return
		}
		want, err := parseTime(s, strings.TrimSpace(s))
		if err != nil || !want.Equal(got) {
			t.Fatalf("%q: fast %v, general %v, %v", s, got, want, err)
		}
	})
}
