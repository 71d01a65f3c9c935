package cloudtrail

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ErrNotATime is the error, wrapped in a *TimeError, for text that is no
// point in time in any form that CloudTrail or an AWS service writes.
var ErrNotATime = errors.New("not a time")

// TimeError reports text that could not be read as a time.
type TimeError struct {
	Text string // the text as given
}

// Error implements error.
func (e *TimeError) Error() string {
	return fmt.Sprintf("cloudtrail: %q is not a time", e.Text)
}

// Unwrap returns ErrNotATime, so errors.Is(err, ErrNotATime) holds.
func (e *TimeError) Unwrap() error { return ErrNotATime }

// Time is a point in time together with the JSON value it was read from.
// Values that AWS services write in responseElements come in many forms
// (epoch seconds, epoch milliseconds, numeric strings, RFC 3339, Java-style
// dates); Time keeps the instant in Time and the value as written in Raw, so
// that re-encoding gives back the record as it was.
type Time struct {
	time.Time // the instant, in UTC

	// Raw is the JSON value as written in the record, quotes included when it
	// was a string. It is empty for a Time made in code; such a Time encodes
	// as an RFC 3339 string.
	Raw string
}

// MarshalJSON encodes t as it was read, or as an RFC 3339 string when it was
// made in code.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.Raw != "" {
		return []byte(t.Raw), nil
	}
	return []byte(strconv.Quote(t.Time.UTC().Format(time.RFC3339Nano))), nil
}

// UnmarshalJSON decodes any form that ParseTimeJSON accepts.
func (t *Time) UnmarshalJSON(data []byte) error {
	v, err := ParseTimeJSON(data)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseTimeJSON reads a JSON value, number or string, as a time, keeping the
// value in Raw. It accepts everything ParseTime accepts.
func ParseTimeJSON(data []byte) (Time, error) {
	raw := strings.TrimSpace(string(data))
	text := raw
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
		s, err := strconv.Unquote(text)
		if err != nil {
			return Time{}, &TimeError{Text: raw}
		}
		text = s
	}
	tm, err := ParseTime(text)
	if err != nil {
		return Time{}, err
	}
	return Time{Time: tm, Raw: raw}, nil
}

// javaLayouts are the date forms that Java's DateFormat writes and that AWS
// services copy into responseElements, after normalizeJava has folded their
// spacing.
var javaLayouts = []string{
	"Jan 2, 2006 3:04:05 PM",
	"Jan 2, 2006, 3:04:05 PM",
	"Jan 2, 2006 3:04:05PM",
	"Jan 2, 2006, 3:04:05PM",
	"Jan 2, 2006 15:04:05",
	"Mon Jan 2 15:04:05 MST 2006",
}

// isoLayouts are the ISO 8601 forms other than RFC 3339 that AWS writes.
var isoLayouts = []string{
	"20060102T150405Z",
	"20060102T150405Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02",
}

// ParseTime reads text as a time in any form that CloudTrail records carry:
//
//   - RFC 3339, with or without fractional seconds and with any offset;
//   - ISO 8601 basic, such as 20131102T010628Z;
//   - epoch seconds or epoch milliseconds, with or without a fraction, such as
//     1571956406, 1571956406.0 or 1510714652428 (values of 1e11 and over are
//     taken as milliseconds, which places seconds up to the year 5138);
//   - Java-style dates as AWS writes them, such as "Jul 18, 2014 4:07:39 PM",
//     "Nov 2, 2023, 12:59:45 AM" and "Nov 15, 2017 9:26:29PM", also with a
//     narrow no-break space before AM or PM; these carry no zone and are
//     taken as UTC.
//
// The result is in UTC. Text that is none of these, such as the placeholder
// "timestamp", gives a *TimeError wrapping ErrNotATime, never a wrong time.
func ParseTime(text string) (time.Time, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return time.Time{}, &TimeError{Text: text}
	}
	if t, ok := parseEpoch(s); ok {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if s[0] >= '0' && s[0] <= '9' {
		for _, layout := range isoLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, &TimeError{Text: text}
	}
	n := normalizeJava(s)
	for _, layout := range javaLayouts {
		if t, err := time.Parse(layout, n); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, &TimeError{Text: text}
}

// epochMillisThreshold separates epoch seconds from epoch milliseconds: 1e11
// seconds is the year 5138, 1e11 milliseconds is March 1973.
const epochMillisThreshold = 1e11

// parseEpoch reads s as epoch seconds or milliseconds.
func parseEpoch(s string) (time.Time, bool) {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == '-' && i == 0 || c == '+' && i == 0:
		case c == 'e' || c == 'E':
		default:
			return time.Time{}, false
		}
	}
	if digits == 0 {
		return time.Time{}, false
	}
	if !strings.ContainsAny(s, ".eE") {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		if n >= epochMillisThreshold || n <= -epochMillisThreshold {
			return time.UnixMilli(n).UTC(), true
		}
		return time.Unix(n, 0).UTC(), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e17 {
		return time.Time{}, false
	}
	if math.Abs(f) >= epochMillisThreshold {
		f /= 1000
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e9))).UTC(), true
}

// normalizeJava folds the spacing of Java-style dates: narrow and ordinary
// no-break spaces become spaces, runs of spaces become one, and am/pm is
// upper-cased.
func normalizeJava(s string) string {
	s = strings.NewReplacer("\u202f", " ", "\u00a0", " ", "\t", " ").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	if n := len(s); n >= 2 {
		suffix := strings.ToUpper(s[n-2:])
		if suffix == "AM" || suffix == "PM" {
			s = s[:n-2] + suffix
		}
	}
	return s
}
