package cloudtrail

import (
	"bytes"
	"errors"
	"fmt"
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

// Instant returns the instant of t, or the zero time when t is nil, so that
// the optional timestamps of the typed packages read without nil checks:
//
//	created := job.GetCreatedAt().Instant()
func (t *Time) Instant() time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.Time
}

// MarshalJSON encodes t as it was read, or as an RFC 3339 string when it was
// made in code.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.Raw != "" {
		return []byte(t.Raw), nil
	}
	return []byte(strconv.Quote(t.Time.UTC().Format(time.RFC3339Nano))), nil
}

// UnmarshalJSON decodes any form that ParseTimeJSON accepts. Like the
// types of encoding/json, it leaves t unchanged for null.
func (t *Time) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil // the encoding/json convention: null leaves t as it is
	}
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
}

// javaDateStrings are the forms of Java's Date.toString, such as
// "Thu Oct 24 22:33:26 UTC 2019", in the two zones whose abbreviation tells
// their offset. The zone is literal text in these layouts: with the layout
// element MST, time.Parse would look a GMT up in the machine's time zone
// (in Europe/London it names a zone of offset 0 in winter only).
var javaDateStrings = []string{
	"Mon Jan 2 15:04:05 UTC 2006",
	"Mon Jan 2 15:04:05 GMT 2006",
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
//   - ISO 8601 basic, such as 20131102T010628Z, and the other ISO 8601
//     forms of isoLayouts, such as 2024-04-04 17:45:26 or 2024-04-04; those
//     without a zone are taken as UTC;
//   - epoch seconds or epoch milliseconds, with or without a fraction or an
//     exponent, such as 1571956406, 1571956406.0, 1.717409762128E9 or
//     1510714652428 (values of 1e11 and over, that is with 12 or more
//     integer digits, are taken as milliseconds, which places seconds up to
//     the year 5138); the digits are read exactly, not through a float64,
//     and a fraction finer than a nanosecond is rounded;
//   - Java-style dates as AWS writes them, such as "Jul 18, 2014 4:07:39 PM",
//     "Nov 2, 2023, 12:59:45 AM" and "Nov 15, 2017 9:26:29PM", also with a
//     narrow no-break space before AM or PM; these carry no zone and are
//     taken as UTC;
//   - Java's Date.toString form, such as "Thu Oct 24 22:33:26 UTC 2019", in
//     the zones UTC and GMT only: other abbreviations (PDT, CET) name no
//     fixed offset and are refused, and so is a day of the week that is not
//     the date's.
//
// Every time it returns lies between 0000-01-01T00:00:00Z and
// 9999-12-31T23:59:59.999999999Z, the years that RFC 3339 and
// time.Time.MarshalJSON can write, whatever the form: an offset that moves
// a time out of these years, as in 9999-12-31T23:59:59-01:00, makes it an
// error. Epoch values, numbers or numeric strings, must not be negative
// (-1 and -0.5 are refused; -0 is zero) and must give, after rounding to the
// nanosecond, an instant no later than 9999-12-31T23:59:59.999999999Z: up
// to 253402300799999.999999 milliseconds (seconds never get that far, as
// values from 1e11 on are milliseconds). So 12345678901234567890, which as
// milliseconds would be the year 391220960, is refused, as are 1e20 and any
// value of more than 15 integer digits (leading zeros aside).
//
// The result is in UTC. Text that is none of these, such as the placeholder
// "timestamp", or a time out of these ranges, gives a *TimeError wrapping
// ErrNotATime, never a wrong time.
func ParseTime(text string) (time.Time, error) {
	s := strings.TrimSpace(text)
	if t, ok := parseTimeFast(s); ok {
		return t, nil
	}
	return parseTime(text, s)
}

// parseTime is ParseTime the general way, for s, text trimmed.
func parseTime(text, s string) (time.Time, error) {
	t, ok := parseAnyForm(s)
	if !ok || !inRange(t) {
		return time.Time{}, &TimeError{Text: text}
	}
	return t.UTC(), nil
}

// minTime and maxTime are the first and the last instant that ParseTime
// accepts: the years 0 to 9999, which RFC 3339 and time.Time.MarshalJSON
// can write.
var (
	minTime = time.Date(0, time.January, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(9999, time.December, 31, 23, 59, 59, 999999999, time.UTC)
)

// inRange reports whether t lies between minTime and maxTime, both
// included.
func inRange(t time.Time) bool {
	return !t.Before(minTime) && !t.After(maxTime)
}

// parseAnyForm reads s, trimmed and not yet checked against minTime and
// maxTime, in the first form of ParseTime that it fits.
func parseAnyForm(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if t, ok := parseEpoch(s); ok {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	if s[0] >= '0' && s[0] <= '9' {
		for _, layout := range isoLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
		return time.Time{}, false
	}
	n := normalizeJava(s)
	for _, layout := range javaLayouts {
		if t, err := time.Parse(layout, n); err == nil {
			return t, true
		}
	}
	return parseJavaDateString(n)
}

// parseJavaDateString reads n, normalized by normalizeJava, in the form of
// Java's Date.toString in the zones UTC and GMT. It refuses a day of the
// week that is not the date's, which time.Parse does not check: Java never
// writes one, so one of the two would be wrong.
func parseJavaDateString(n string) (time.Time, bool) {
	for _, layout := range javaDateStrings {
		t, err := time.Parse(layout, n)
		if err != nil {
			continue
		}
		// time.Parse read n[:3] as a day name, in any case.
		if !strings.EqualFold(n[:3], t.Weekday().String()[:3]) {
			return time.Time{}, false
		}
		return t, true
	}
	return time.Time{}, false
}

// epochMillisDigits is the number of integer digits from which an epoch
// value is taken as milliseconds: 1e11 seconds is the year 5138, 1e11
// milliseconds is March 1973.
const epochMillisDigits = 12

// maxEpochDigits is the most integer digits an epoch value can have: the
// last millisecond of the year 9999, 253402300799999, has 15. Longer values
// are refused before any arithmetic, so that nothing overflows.
const maxEpochDigits = 15

// maxEpochSecond is the last whole second that an epoch value may reach,
// 9999-12-31T23:59:59Z.
const maxEpochSecond = 253402300799

// maxEpochMilli is the last whole millisecond that an epoch value may
// reach, 9999-12-31T23:59:59.999Z.
const maxEpochMilli = maxEpochSecond*1000 + 999

// maxEpochExponent bounds the exponent of an epoch value, so that text such
// as 1e999999999 is refused before it costs anything.
const maxEpochExponent = 30

// parseEpoch reads s as epoch seconds or milliseconds: an optional sign,
// digits with an optional fraction, and an optional exponent. The value is
// read as a decimal, not through a float64, so that 1708290331.512 is 512
// milliseconds exactly and 1.717409762128E9 is 128 milliseconds exactly; a
// fraction finer than a nanosecond is rounded. Values below zero and values
// beyond maxEpochSecond (after rounding) are refused.
func parseEpoch(s string) (time.Time, bool) {
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	mantissa, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > maxEpochExponent || e < -maxEpochExponent {
			return time.Time{}, false
		}
		mantissa, exp = s[:i], e
	}
	intPart, frac, _ := strings.Cut(mantissa, ".")
	if intPart == "" && frac == "" || !isDigits(intPart) || !isDigits(frac) {
		return time.Time{}, false
	}
	if neg && strings.Trim(intPart+frac, "0") != "" {
		return time.Time{}, false // before 1970: no service writes these
	}

	// Move the decimal point by the exponent: the value is digits with the
	// point after the first point digits.
	digits := intPart + frac
	point := len(intPart) + exp
	if point < 0 {
		digits = strings.Repeat("0", -point) + digits
		point = 0
	}
	if point > len(digits) {
		digits += strings.Repeat("0", point-len(digits))
	}
	whole := strings.TrimLeft(digits[:point], "0")
	frac = digits[point:]
	if len(whole) > maxEpochDigits {
		return time.Time{}, false // beyond the year 9999 even as milliseconds
	}
	if len(whole) >= epochMillisDigits {
		// Milliseconds: move the point three places left.
		frac = whole[len(whole)-3:] + frac
		whole = whole[:len(whole)-3]
	}
	// whole has at most 12 digits now: no overflow below.
	var sec int64
	if whole != "" {
		n, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		sec = n
	}
	nsec := int64(0)
	for i := 0; i < 9; i++ {
		nsec *= 10
		if i < len(frac) {
			nsec += int64(frac[i] - '0')
		}
	}
	if len(frac) > 9 && frac[9] >= '5' {
		nsec++
		if nsec == 1e9 {
			sec, nsec = sec+1, 0
		}
	}
	if sec > maxEpochSecond {
		return time.Time{}, false // after 9999-12-31T23:59:59.999999999Z
	}
	return time.Unix(sec, nsec).UTC(), true
}

// isDigits reports whether s holds only ASCII digits; it does for "".
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// javaSpaces maps the spaces of Java-style dates to ordinary ones.
var javaSpaces = strings.NewReplacer("\u202f", " ", "\u00a0", " ", "\t", " ")

// normalizeJava folds the spacing of Java-style dates: narrow and ordinary
// no-break spaces become spaces, runs of spaces become one, and am/pm is
// upper-cased.
func normalizeJava(s string) string {
	s = javaSpaces.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	if n := len(s); n >= 2 {
		suffix := strings.ToUpper(s[n-2:])
		if suffix == "AM" || suffix == "PM" {
			s = s[:n-2] + suffix
		}
	}
	return s
}
