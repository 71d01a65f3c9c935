package cloudtrail_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

func utc(year int, month time.Month, day, hour, min, sec, nsec int) time.Time {
	return time.Date(year, month, day, hour, min, sec, nsec, time.UTC)
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		name string
		text string
		want time.Time
	}{
		// RFC 3339.
		{"rfc3339", "2024-04-04T17:45:26Z", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"rfc3339 millis", "2023-11-02T00:59:45.712Z", utc(2023, 11, 2, 0, 59, 45, 712000000)},
		{"rfc3339 nanos", "2024-04-04T17:45:26.123456789Z", utc(2024, 4, 4, 17, 45, 26, 123456789)},
		{"rfc3339 positive offset", "2024-04-04T19:45:26+02:00", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"rfc3339 negative offset with fraction", "2024-04-04T12:45:26.5-05:00", utc(2024, 4, 4, 17, 45, 26, 500000000)},
		{"rfc3339 half-hour offset", "2024-04-04T23:15:26+05:30", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"rfc3339 offset across midnight", "2024-04-04T23:00:00-02:00", utc(2024, 4, 5, 1, 0, 0, 0)},
		{"rfc3339 +00:00", "2014-09-29T19:29:02+00:00", utc(2014, 9, 29, 19, 29, 2, 0)},
		{"surrounding space", "  2024-04-04T17:45:26Z\n", utc(2024, 4, 4, 17, 45, 26, 0)},

		// Other ISO 8601 forms.
		{"iso basic", "20131102T010628Z", utc(2013, 11, 2, 1, 6, 28, 0)},
		{"iso basic with offset", "20131102T030628+0200", utc(2013, 11, 2, 1, 6, 28, 0)},
		{"iso without zone", "2024-04-04T17:45:26", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"iso space separated", "2024-04-04 17:45:26", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"iso offset without colon", "2024-04-04T19:45:26+0200", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"date only", "2024-04-04", utc(2024, 4, 4, 0, 0, 0, 0)},

		// Epoch seconds and milliseconds.
		{"epoch seconds", "1712252726", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"epoch seconds .0", "1571956406.0", utc(2019, 10, 24, 22, 33, 26, 0)},
		{"epoch seconds with millis", "1708290331.512", utc(2024, 2, 18, 21, 5, 31, 512000000)},
		{"epoch seconds with micros", "1717417371.118250", utc(2024, 6, 3, 12, 22, 51, 118250000)},
		{"epoch seconds exponent", "1.717409762128E9", utc(2024, 6, 3, 10, 16, 2, 128000000)},
		{"epoch seconds lower-case exponent", "1.712252726e9", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"epoch seconds exponent with sign", "1.712252726E+9", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"epoch millis", "1510714652428", utc(2017, 11, 15, 2, 57, 32, 428000000)},
		{"epoch millis with fraction", "1510714652428.5", utc(2017, 11, 15, 2, 57, 32, 428500000)},
		{"epoch millis exponent", "1.510714652428E12", utc(2017, 11, 15, 2, 57, 32, 428000000)},
		{"epoch millis in 1973", "100000000000", utc(1973, 3, 3, 9, 46, 40, 0)},
		{"largest epoch seconds", "99999999999", time.Unix(99999999999, 0).UTC()},
		{"epoch zero", "0", time.Unix(0, 0).UTC()},
		{"epoch minus zero", "-0", time.Unix(0, 0).UTC()},
		{"epoch leading plus", "+1712252726", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"epoch fraction rounds to nanoseconds", "1712252726.0000000005", utc(2024, 4, 4, 17, 45, 26, 1)},
		{"epoch fraction rounds up a second", "1712252725.9999999999", utc(2024, 4, 4, 17, 45, 26, 0)},

		// Java-style dates.
		{"java 8", "Jul 18, 2014 4:07:39 PM", utc(2014, 7, 18, 16, 7, 39, 0)},
		{"java 8 morning", "Jul 18, 2019 9:58:02 AM", utc(2019, 7, 18, 9, 58, 2, 0)},
		{"java noon", "Oct 24, 2019 12:41:02 PM", utc(2019, 10, 24, 12, 41, 2, 0)},
		{"java midnight", "Nov 2, 2023, 12:59:45 AM", utc(2023, 11, 2, 0, 59, 45, 0)},
		{"java no space before PM", "Nov 15, 2017 9:26:29PM", utc(2017, 11, 15, 21, 26, 29, 0)},
		{"java narrow no-break space", "Nov 2, 2023, 12:59:45\u202fAM", utc(2023, 11, 2, 0, 59, 45, 0)},
		{"java narrow no-break space PM", "Feb 19, 2024, 9:12:41\u202fPM", utc(2024, 2, 19, 21, 12, 41, 0)},
		{"java no-break space", "Jul 18, 2014 4:07:39\u00a0PM", utc(2014, 7, 18, 16, 7, 39, 0)},
		{"java lower-case pm", "Jul 18, 2014 4:07:39 pm", utc(2014, 7, 18, 16, 7, 39, 0)},
		{"java double space", "Jul 18, 2014  4:07:39 PM", utc(2014, 7, 18, 16, 7, 39, 0)},
		{"java 24-hour", "Jul 18, 2014 16:07:39", utc(2014, 7, 18, 16, 7, 39, 0)},
		{"java Date.toString UTC", "Thu Oct 24 22:33:26 UTC 2019", utc(2019, 10, 24, 22, 33, 26, 0)},
		{"java Date.toString GMT", "Thu Oct 24 22:33:26 GMT 2019", utc(2019, 10, 24, 22, 33, 26, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cloudtrail.ParseTime(tt.text)
			require.NoError(t, err)
			require.True(t, got.Equal(tt.want), "ParseTime(%q) = %s, want %s", tt.text, got.Format(time.RFC3339Nano), tt.want.Format(time.RFC3339Nano))
			require.Equal(t, time.UTC, got.Location(), "ParseTime(%q) must be in UTC", tt.text)
		})
	}
}

func TestParseTimeRejects(t *testing.T) {
	tests := []string{
		"",
		"   ",
		"timestamp",
		"Timestamp",
		"region",
		"null",
		"true",
		"{}",
		"[]",
		"en-US | es-US",
		"NaN",
		"Infinity",
		"-",
		".",
		"+",
		"1e",
		"e9",
		"1.2.3",
		"0x1F",
		"1_000",
		"1e400",
		"1e999999999",
		"99999999999999999999999",
		// Epoch values before 1970 (see TestParseTimeRange).
		"-86400",
		"-1.5",
		"2024-13-45T00:00:00Z",
		"2024-04-04T25:00:00Z",
		"2024-04-04T17:45:26ZZ",
		"12:00",
		"Jul 32, 2014 4:07:39 PM",
		"Jul 18, 2014 13:07:39 PM",
		"Foo 18, 2014 4:07:39 PM",
		"yesterday",
		// A zone abbreviation other than UTC or GMT has no known offset; the
		// result would depend on the machine's time zone.
		"Thu Oct 24 15:33:26 PDT 2019",
		"Thu Oct 24 15:33:26 CET 2019",
		"Thu Oct 24 15:33:26 GMT+5 2019",
		// Oct 24, 2019 was a Thursday: Java writes no other day, so one of
		// the two is wrong.
		"Mon Oct 24 22:33:26 UTC 2019",
	}
	for _, text := range tests {
		t.Run(text, func(t *testing.T) {
			got, err := cloudtrail.ParseTime(text)
			require.Error(t, err, "ParseTime(%q) = %s", text, got)
			require.True(t, errors.Is(err, cloudtrail.ErrNotATime), "error %v does not wrap ErrNotATime", err)
			var te *cloudtrail.TimeError
			require.True(t, errors.As(err, &te))
			require.Equal(t, text, te.Text)
			require.Contains(t, err.Error(), "is not a time")
			require.True(t, got.IsZero())
		})
	}
}

// TestParseTimeRange checks the bounds of ParseTime: every time lies
// between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z, and
// epoch values are neither negative nor later than that. Every time it
// accepts must encode with time.Time.MarshalJSON.
func TestParseTimeRange(t *testing.T) {
	last := utc(9999, 12, 31, 23, 59, 59, 999999999)
	tests := []struct {
		name string
		text string
		ok   bool
		want time.Time // when ok
	}{
		// The bug report: as milliseconds, the year 391220960.
		{"bug report", "12345678901234567890", false, time.Time{}},
		{"bug report with fraction", "12345678901234567890.5", false, time.Time{}},
		{"bug report with exponent", "1.234567890123456789E19", false, time.Time{}},
		{"21 digits", "123456789012345678901", false, time.Time{}},
		{"19 digits", "1234567890123456789", false, time.Time{}},
		{"18 digits", "123456789012345678", false, time.Time{}},
		{"16 digits", "1000000000000000", false, time.Time{}},
		{"15 nines", "999999999999999", false, time.Time{}},
		{"int64 overflow", "9223372036854775808", false, time.Time{}},
		{"leading zeros do not count", "0000000000000000000000001712252726", true, utc(2024, 4, 4, 17, 45, 26, 0)},

		// Epoch zero and below.
		{"epoch 0", "0", true, time.Unix(0, 0).UTC()},
		{"epoch -0.0", "-0.0", true, time.Unix(0, 0).UTC()},
		{"epoch -1", "-1", false, time.Time{}},
		{"epoch -0.5", "-0.5", false, time.Time{}},
		{"epoch below zero rounding to zero", "-0.0000000001", false, time.Time{}},
		{"epoch -1e-30", "-1e-30", false, time.Time{}},
		{"epoch millis -1", "-1000000000000", false, time.Time{}},

		// 12 or more integer digits are milliseconds, so the last second
		// of 9999 in seconds is read as milliseconds, in 1978.
		{"253402300799 is millis", "253402300799", true, utc(1978, 1, 11, 21, 31, 40, 799000000)},
		{"253402300800 is millis", "253402300800", true, utc(1978, 1, 11, 21, 31, 40, 800000000)},
		{"largest epoch seconds", "99999999999", true, time.Unix(99999999999, 0).UTC()},
		{"largest epoch seconds with fraction", "99999999999.999999999", true, time.Unix(99999999999, 999999999).UTC()},

		// The last millisecond and nanosecond of 9999.
		{"millis last", "253402300799999", true, utc(9999, 12, 31, 23, 59, 59, 999000000)},
		{"millis last nanosecond", "253402300799999.999999", true, last},
		{"millis rounding down to the last nanosecond", "253402300799999.9999994", true, last},
		{"millis rounding up past the last nanosecond", "253402300799999.9999995", false, time.Time{}},
		{"millis first after", "253402300800000", false, time.Time{}},
		{"millis first after with fraction", "253402300800000.0", false, time.Time{}},

		// Exponents.
		{"1e20", "1e20", false, time.Time{}},
		{"1E+20", "1E+20", false, time.Time{}},
		{"1e15", "1e15", false, time.Time{}},
		{"1e14 millis", "1e14", true, time.Unix(1e11, 0).UTC()},
		{"1e11 millis", "1e11", true, utc(1973, 3, 3, 9, 46, 40, 0)},
		{"2.5e11 millis", "2.5e11", true, utc(1977, 12, 3, 12, 26, 40, 0)},
		{"last millisecond with exponent", "2.53402300799999e14", true, utc(9999, 12, 31, 23, 59, 59, 999000000)},
		{"first millisecond after with exponent", "2.534023008e14", false, time.Time{}},
		{"tiny exponent", "1e-30", true, time.Unix(0, 0).UTC()},

		// RFC 3339 and the other text forms.
		{"rfc3339 last nanosecond", "9999-12-31T23:59:59.999999999Z", true, last},
		{"rfc3339 last second", "9999-12-31T23:59:59Z", true, utc(9999, 12, 31, 23, 59, 59, 0)},
		{"rfc3339 positive offset stays in 9999", "9999-12-31T23:59:59.999999999+01:00", true, utc(9999, 12, 31, 22, 59, 59, 999999999)},
		{"rfc3339 offset into 10000", "9999-12-31T23:59:59-01:00", false, time.Time{}},
		{"rfc3339 offset with fraction into 10000", "9999-12-31T23:30:00.5-00:30", false, time.Time{}},
		{"rfc3339 year 10000", "10000-01-01T00:00:00Z", false, time.Time{}},
		{"rfc3339 first instant", "0000-01-01T00:00:00Z", true, utc(0, 1, 1, 0, 0, 0, 0)},
		{"rfc3339 negative offset stays in 0", "0000-01-01T00:00:00-01:00", true, utc(0, 1, 1, 1, 0, 0, 0)},
		{"rfc3339 offset into year -1", "0000-01-01T00:00:00+01:00", false, time.Time{}},
		{"rfc3339 offset to the first instant", "0000-01-01T01:00:00+01:00", true, utc(0, 1, 1, 0, 0, 0, 0)},
		{"rfc3339 negative year", "-0001-12-31T23:59:59Z", false, time.Time{}},
		{"iso space separated offset into 10000", "9999-12-31 23:59:59-01:00", false, time.Time{}},
		{"iso offset without colon into 10000", "9999-12-31T23:59:59-0100", false, time.Time{}},
		{"iso basic last second", "99991231T235959Z", true, utc(9999, 12, 31, 23, 59, 59, 0)},
		{"iso basic offset into 10000", "99991231T235959-0100", false, time.Time{}},
		{"iso basic offset into year -1", "00000101T000000+0100", false, time.Time{}},
		{"iso date 10000", "10000-01-01", false, time.Time{}},
		{"java last second", "Dec 31, 9999 11:59:59 PM", true, utc(9999, 12, 31, 23, 59, 59, 0)},
		{"java first second", "Jan 1, 0000 12:00:00 AM", true, utc(0, 1, 1, 0, 0, 0, 0)},
		{"java year 10000", "Jan 1, 10000 12:00:00 AM", false, time.Time{}},
		{"java Date.toString last second", "Fri Dec 31 23:59:59 UTC 9999", true, utc(9999, 12, 31, 23, 59, 59, 0)},
		{"java Date.toString year 10000", "Sat Jan 1 00:00:00 UTC 10000", false, time.Time{}},
		// GMT is read as offset 0 whatever the machine's zone (with the
		// MST layout element, Europe/London turned a July GMT into BST).
		{"java Date.toString GMT in summer", "Wed Jul 24 22:33:26 GMT 2019", true, utc(2019, 7, 24, 22, 33, 26, 0)},
		{"java Date.toString wrong weekday", "Thu Jul 24 22:33:26 GMT 2019", false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cloudtrail.ParseTime(tt.text)
			if !tt.ok {
				require.Error(t, err, "ParseTime(%q) = %s", tt.text, got.Format(time.RFC3339Nano))
				require.True(t, errors.Is(err, cloudtrail.ErrNotATime), "error %v does not wrap ErrNotATime", err)
				var te *cloudtrail.TimeError
				require.True(t, errors.As(err, &te))
				require.Equal(t, tt.text, te.Text)
				require.True(t, got.IsZero())
				return
			}
			require.NoError(t, err)
			require.True(t, got.Equal(tt.want), "ParseTime(%q) = %s, want %s", tt.text, got.Format(time.RFC3339Nano), tt.want.Format(time.RFC3339Nano))
			require.Equal(t, time.UTC, got.Location())

			// What ParseTime accepts, time.Time can write and read back.
			out, err := json.Marshal(got)
			require.NoError(t, err)
			var back time.Time
			require.NoError(t, json.Unmarshal(out, &back))
			require.True(t, back.Equal(got))
		})
	}
}

// TestParseTimeJSONRange checks the bounds on JSON values: numbers and
// numeric strings alike.
func TestParseTimeJSONRange(t *testing.T) {
	tests := []struct {
		data string
		ok   bool
		want time.Time // when ok
	}{
		{`12345678901234567890`, false, time.Time{}},
		{`"12345678901234567890"`, false, time.Time{}},
		{`1.2345678901234567890e19`, false, time.Time{}},
		{`1e20`, false, time.Time{}},
		{`"1e20"`, false, time.Time{}},
		{`-1`, false, time.Time{}},
		{`"-1"`, false, time.Time{}},
		{`0`, true, time.Unix(0, 0).UTC()},
		{`"0"`, true, time.Unix(0, 0).UTC()},
		{`253402300799999`, true, utc(9999, 12, 31, 23, 59, 59, 999000000)},
		{`"253402300799999"`, true, utc(9999, 12, 31, 23, 59, 59, 999000000)},
		{`253402300800000`, false, time.Time{}},
		{`"253402300800000"`, false, time.Time{}},
		{`2.5e11`, true, utc(1977, 12, 3, 12, 26, 40, 0)},
		{`"9999-12-31T23:59:59.999999999Z"`, true, utc(9999, 12, 31, 23, 59, 59, 999999999)},
		{`"9999-12-31T23:59:59-01:00"`, false, time.Time{}},
		{`"10000-01-01T00:00:00Z"`, false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.data, func(t *testing.T) {
			got, err := cloudtrail.ParseTimeJSON([]byte(tt.data))
			if !tt.ok {
				require.Error(t, err, "ParseTimeJSON(%s) = %s", tt.data, got.Time.Format(time.RFC3339Nano))
				require.True(t, errors.Is(err, cloudtrail.ErrNotATime), "error %v does not wrap ErrNotATime", err)
				require.True(t, got.IsZero())
				require.Empty(t, got.Raw)

				// Inside a structure, the error comes out of json.Unmarshal.
				var v struct {
					T cloudtrail.Time `json:"t"`
				}
				err = json.Unmarshal([]byte(`{"t":`+tt.data+`}`), &v)
				require.True(t, errors.Is(err, cloudtrail.ErrNotATime), "error %v does not wrap ErrNotATime", err)
				require.True(t, v.T.IsZero())
				return
			}
			require.NoError(t, err)
			require.True(t, got.Time.Equal(tt.want), "got %s, want %s", got.Time.Format(time.RFC3339Nano), tt.want.Format(time.RFC3339Nano))
			_, err = json.Marshal(got.Time)
			require.NoError(t, err)
		})
	}
}

// TestParseEventTimeOutOfRange reads records whose eventTime is out of
// range: the Event lists the error with its path, leaves EventTime unset
// and keeps the value in Unknown, as for any eventTime that is no time.
func TestParseEventTimeOutOfRange(t *testing.T) {
	for _, value := range []string{
		`12345678901234567890`,
		`"12345678901234567890"`,
		`1e20`,
		`-1`,
		`253402300800000`,
		`"9999-12-31T23:59:59-01:00"`,
		`"10000-01-01T00:00:00Z"`,
	} {
		t.Run(value, func(t *testing.T) {
			e, err := cloudtrail.Parse([]byte(`{"eventVersion":"1.08","eventTime":` + value + `,"eventName":"CreateJob"}`))
			require.NoError(t, err)
			require.Equal(t, "CreateJob", e.EventName)
			require.True(t, e.EventTime.IsZero(), "EventTime = %s", e.EventTime.Format(time.RFC3339Nano))

			require.Len(t, e.EnvelopeErrors, 1)
			fe := e.EnvelopeErrors[0]
			require.Equal(t, "eventTime", fe.Path)
			require.Equal(t, value, fe.Raw)
			require.Equal(t, "time", fe.Want)
			require.True(t, errors.Is(fe, cloudtrail.ErrNotATime), "error %v does not wrap ErrNotATime", fe)
			var te *cloudtrail.TimeError
			require.True(t, errors.As(fe, &te))

			require.Equal(t, json.RawMessage(value), e.Unknown["eventTime"])
			_, err = json.Marshal(e.EventTime)
			require.NoError(t, err)
		})
	}
}

func TestParseTimeJSON(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    time.Time
		wantRaw string
	}{
		{"string", `"2024-04-04T17:45:26Z"`, utc(2024, 4, 4, 17, 45, 26, 0), `"2024-04-04T17:45:26Z"`},
		{"number seconds", `1712252726`, utc(2024, 4, 4, 17, 45, 26, 0), `1712252726`},
		{"number with fraction", `1571956406.0`, utc(2019, 10, 24, 22, 33, 26, 0), `1571956406.0`},
		{"number exponent", `1.717409762128E9`, utc(2024, 6, 3, 10, 16, 2, 128000000), `1.717409762128E9`},
		{"number millis", `1510714652436`, utc(2017, 11, 15, 2, 57, 32, 436000000), `1510714652436`},
		{"numeric string millis", `"1510714652428"`, utc(2017, 11, 15, 2, 57, 32, 428000000), `"1510714652428"`},
		{"numeric string seconds", `"1712252726"`, utc(2024, 4, 4, 17, 45, 26, 0), `"1712252726"`},
		{"java", `"Jul 18, 2014 4:07:39 PM"`, utc(2014, 7, 18, 16, 7, 39, 0), `"Jul 18, 2014 4:07:39 PM"`},
		{"java escaped narrow no-break space", `"Nov 2, 2023, 12:59:45\u202fAM"`, utc(2023, 11, 2, 0, 59, 45, 0), `"Nov 2, 2023, 12:59:45\u202fAM"`},
		{"java literal narrow no-break space", "\"Nov 2, 2023, 12:59:45\u202fAM\"", utc(2023, 11, 2, 0, 59, 45, 0), "\"Nov 2, 2023, 12:59:45\u202fAM\""},
		{"iso basic", `"20131102T010628Z"`, utc(2013, 11, 2, 1, 6, 28, 0), `"20131102T010628Z"`},
		{"surrounding space trimmed from Raw", " \"2024-04-04T17:45:26Z\"\n", utc(2024, 4, 4, 17, 45, 26, 0), `"2024-04-04T17:45:26Z"`},
		{"escaped character", `"2024\u002d04-04T17:45:26Z"`, utc(2024, 4, 4, 17, 45, 26, 0), `"2024\u002d04-04T17:45:26Z"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cloudtrail.ParseTimeJSON([]byte(tt.data))
			require.NoError(t, err)
			require.True(t, got.Time.Equal(tt.want), "got %s, want %s", got.Time.Format(time.RFC3339Nano), tt.want.Format(time.RFC3339Nano))
			require.Equal(t, tt.wantRaw, got.Raw)

			// Encoding gives back the value as written.
			out, err := json.Marshal(got)
			require.NoError(t, err)
			require.Equal(t, tt.wantRaw, string(out))
		})
	}
}

func TestParseTimeJSONRejects(t *testing.T) {
	for _, data := range []string{
		`"timestamp"`,
		`""`,
		`"2024-04-04T17:45:26Z`, // unterminated
		`"\q"`,                  // bad escape
		`{"t":1}`,
		`[1712252726]`,
		`true`,
		`null`,
		``,
	} {
		t.Run(data, func(t *testing.T) {
			_, err := cloudtrail.ParseTimeJSON([]byte(data))
			require.Error(t, err)
			require.True(t, errors.Is(err, cloudtrail.ErrNotATime), "error %v does not wrap ErrNotATime", err)
		})
	}
}

// TestTimeJSONRoundTrip decodes values of every form inside a structure and
// encodes the structure again: the bytes must come back unchanged.
func TestTimeJSONRoundTrip(t *testing.T) {
	type job struct {
		CreatedAt  cloudtrail.Time  `json:"createdAt"`
		SubmitTime cloudtrail.Time  `json:"submitTime"`
		Creation   cloudtrail.Time  `json:"creationTime"`
		Modified   cloudtrail.Time  `json:"lastModifiedTime"`
		Finish     *cloudtrail.Time `json:"finishTime"`
	}
	in := `{"createdAt":1510714652436,"submitTime":"1510714652428","creationTime":"Nov 2, 2023, 12:59:45\u202fAM","lastModifiedTime":1.717409762128E9,"finishTime":"2024-04-04T19:46:29+02:00"}`
	var j job
	require.NoError(t, json.Unmarshal([]byte(in), &j))
	require.True(t, j.CreatedAt.Equal(utc(2017, 11, 15, 2, 57, 32, 436000000)))
	require.True(t, j.SubmitTime.Equal(utc(2017, 11, 15, 2, 57, 32, 428000000)))
	require.True(t, j.Creation.Equal(utc(2023, 11, 2, 0, 59, 45, 0)))
	require.True(t, j.Modified.Equal(utc(2024, 6, 3, 10, 16, 2, 128000000)))
	require.NotNil(t, j.Finish)
	require.True(t, j.Finish.Equal(utc(2024, 4, 4, 17, 46, 29, 0)))
	require.Equal(t, time.UTC, j.Finish.Location())

	out, err := json.Marshal(j)
	require.NoError(t, err)
	require.Equal(t, in, string(out))
}

func TestTimeUnmarshalJSONErrors(t *testing.T) {
	var v struct {
		T cloudtrail.Time `json:"t"`
	}
	err := json.Unmarshal([]byte(`{"t":"timestamp"}`), &v)
	require.Error(t, err)
	require.True(t, errors.Is(err, cloudtrail.ErrNotATime), "error %v does not wrap ErrNotATime", err)
	require.True(t, v.T.IsZero())
	require.Empty(t, v.T.Raw)
}

// TestTimeUnmarshalJSONNull follows the encoding/json convention: null leaves
// the value as it was.
func TestTimeUnmarshalJSONNull(t *testing.T) {
	var v struct {
		T cloudtrail.Time  `json:"t"`
		P *cloudtrail.Time `json:"p"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"t":null,"p":null}`), &v))
	require.True(t, v.T.IsZero())
	require.Nil(t, v.P)

	tm := cloudtrail.Time{Time: utc(2024, 4, 4, 17, 45, 26, 0), Raw: `1712252726`}
	require.NoError(t, tm.UnmarshalJSON([]byte("null")))
	require.Equal(t, `1712252726`, tm.Raw, "null must leave the Time unchanged")
}

func TestTimeMarshalJSONMadeInCode(t *testing.T) {
	tests := []struct {
		name string
		in   cloudtrail.Time
		want string
	}{
		{"utc", cloudtrail.Time{Time: utc(2024, 4, 4, 17, 45, 26, 0)}, `"2024-04-04T17:45:26Z"`},
		{"fraction", cloudtrail.Time{Time: utc(2024, 4, 4, 17, 45, 26, 512000000)}, `"2024-04-04T17:45:26.512Z"`},
		{"other zone", cloudtrail.Time{Time: time.Date(2024, 4, 4, 19, 45, 26, 0, time.FixedZone("CEST", 2*3600))}, `"2024-04-04T17:45:26Z"`},
		{"raw wins", cloudtrail.Time{Time: utc(2024, 4, 4, 17, 45, 26, 0), Raw: `1712252726`}, `1712252726`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := json.Marshal(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.want, string(out))

			// What it writes reads back as the same instant.
			back, err := cloudtrail.ParseTimeJSON(out)
			require.NoError(t, err)
			require.True(t, back.Equal(tt.in.Time), "round trip: got %s", back.Time)
		})
	}
}

// TestParseTimeFixtureValues reads the time values of the fixtures, in
// every form they have, with the instants the records mean.
func TestParseTimeFixtureValues(t *testing.T) {
	tests := []struct {
		file string
		path string
		want time.Time
	}{
		{"records/mediaconvert/CreateJob-2017.json", "responseElements.job.createdAt", utc(2017, 11, 15, 2, 57, 32, 436000000)},
		{"records/mediaconvert/CreateJob-2017.json", "responseElements.job.timing.submitTime", utc(2017, 11, 15, 2, 57, 32, 428000000)},
		{"records/mediaconvert/CreateJob-2024.json", "responseElements.job.createdAt", utc(2024, 4, 4, 17, 45, 26, 0)},
		{"records/mediaconvert/CreateQueue.json", "responseElements.queue.createdAt", utc(2018, 7, 10, 16, 49, 13, 0)},
		{"records/transcribe/GetTranscriptionJob.json", "responseElements.transcriptionJob.creationTime", utc(2023, 11, 2, 0, 59, 45, 712000000)},
		{"records/transcribe/GetTranscriptionJob-JavaTime.json", "responseElements.transcriptionJob.completionTime", utc(2024, 2, 19, 9, 13, 19, 0)},
		{"records/transcribe/ListTranscriptionJobs.json", "responseElements.transcriptionJobSummaries.0.creationTime", utc(2019, 7, 18, 16, 7, 39, 0)},
		{"records/transcribe/CreateVocabulary.json", "responseElements.lastModifiedTime", utc(2019, 10, 24, 22, 33, 26, 0)},
		{"records/transcribe/GetVocabulary.json", "responseElements.lastModifiedTime", utc(2019, 10, 24, 22, 41, 2, 0)},
		{"records/transcribe/UpdateVocabulary.json", "responseElements.lastModifiedTime", utc(2020, 3, 5, 21, 26, 29, 0)},
		{"records/transcribe/ListVocabularies.json", "responseElements.vocabularies.0.lastModifiedTime", utc(2024, 2, 18, 21, 5, 31, 512000000)},
		{"records/transcribe/StartCallAnalyticsJob.json", "responseElements.callAnalyticsJob.startTime", utc(2024, 6, 3, 12, 22, 51, 118000000)},
		{"records/mediatailor/DescribeChannel.json", "responseElements.CreationTime", utc(2024, 6, 3, 10, 16, 2, 128000000)},
		{"records/mediatailor/CreateChannel.json", "responseElements.CreationTime", utc(2024, 6, 3, 10, 16, 2, 0)},
		{"records/elastictranscoder/ListJobsByPipeline.json", "responseElements.jobs.0.timing.submitTimeMillis", utc(2020, 6, 17, 7, 26, 41, 453000000)},
		{"trails/media-sample.json", "Records.6.responseElements.credentials.expiration", utc(2024, 4, 4, 18, 45, 27, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.file+":"+tt.path, func(t *testing.T) {
			v := readTestdataJSONPath(t, tt.file, tt.path)
			got, err := cloudtrail.ParseTimeJSON([]byte(v))
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, got.Time); diff != "" {
				t.Errorf("%s %s (-want +got):\n%s", tt.file, tt.path, diff)
			}
			require.Equal(t, v, got.Raw)
		})
	}
}

// FuzzParseTime checks that ParseTime never panics, returns UTC times that
// json.Marshal can write, and reports failures as ErrNotATime.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"2024-04-04T17:45:26Z", "2024-04-04T19:45:26.5+02:00", "20131102T010628Z", "1712252726",
		"1571956406.0", "1.717409762128E9", "1510714652428", "Jul 18, 2014 4:07:39 PM",
		"Nov 2, 2023, 12:59:45\u202fAM", "Nov 15, 2017 9:26:29PM", "Thu Oct 24 22:33:26 UTC 2019",
		"timestamp", "1e999999999", "-", "",
		"12345678901234567890", "253402300799999.999999", "253402300800000", "2.5e11", "1e20", "-1",
		"9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59-01:00", "0000-01-01T00:00:00+01:00",
		"99991231T235959-0100", "Fri Dec 31 23:59:59 UTC 9999", "Dec 31, 9999 11:59:59 PM",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := cloudtrail.ParseTime(s)
		if err != nil {
			if !errors.Is(err, cloudtrail.ErrNotATime) {
				t.Fatalf("ParseTime(%q): error %v does not wrap ErrNotATime", s, err)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("ParseTime(%q) = %v, not in UTC", s, got)
		}
		// Every time ParseTime accepts lies in the years 0 to 9999, which
		// time.Time can write.
		if _, err := json.Marshal(got); err != nil {
			t.Fatalf("ParseTime(%q) = %v, which does not encode: %v", s, got, err)
		}
	})
}

func TestTimeInstant(t *testing.T) {
	var missing *cloudtrail.Time
	require.True(t, missing.Instant().IsZero(), "a nil Time has the zero instant")
	tm, err := cloudtrail.ParseTimeJSON([]byte(`1510714652436`))
	require.NoError(t, err)
	require.Equal(t, time.Date(2017, 11, 15, 2, 57, 32, 436e6, time.UTC), (&tm).Instant())
}
