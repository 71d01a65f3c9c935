package cloudtrail

import "time"

// parseTimeFast reads the forms of times that records carry most, without
// allocating: RFC 3339 with a Z or a numeric offset, epoch seconds or
// milliseconds written as plain digits, and Java-style dates such as
// "Nov 2, 2023, 12:59:45 AM". It reports false for anything else (and for
// the rare corners of these forms), which ParseTime then reads the general
// way; where it reports true, its time is the one the general way gives.
func parseTimeFast(s string) (time.Time, bool) {
	if len(s) == 0 {
		return time.Time{}, false
	}
	switch c := s[0]; {
	case isDigit(c):
		if len(s) >= 20 && s[4] == '-' {
			return parseRFC3339(s)
		}
		return parseEpochDigits(s)
	case 'A' <= c && c <= 'Z':
		return parseJavaDate(s)
	}
	return time.Time{}, false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// num reads the decimal number s[i:j]; ok is false for anything but digits.
func num(s string, i, j int) (n int, ok bool) {
	if j > len(s) || i >= j {
		return 0, false
	}
	for ; i < j; i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// date makes the time of a calendar date and clock time in UTC, minus an
// offset in seconds, after checking the ranges that time.Parse checks and
// that the result lies between minTime and maxTime, as parseTime does.
func date(year, month, day, hour, minute, sec, nsec, offset int) (time.Time, bool) {
	if month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	if day > daysIn(time.Month(month), year) {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	t = t.Add(-time.Duration(offset) * time.Second)
	if !inRange(t) {
		return time.Time{}, false // an offset moved it out of the years 0 to 9999
	}
	return t, true
}

// daysIn returns the number of days of a month.
func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseRFC3339 reads 2006-01-02T15:04:05[.999999999](Z|±07:00).
func parseRFC3339(s string) (time.Time, bool) {
	if s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := num(s, 0, 4)
	month, ok2 := num(s, 5, 7)
	day, ok3 := num(s, 8, 10)
	hour, ok4 := num(s, 11, 13)
	minute, ok5 := num(s, 14, 16)
	sec, ok6 := num(s, 17, 19)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 {
		return time.Time{}, false
	}
	i, nsec := 19, 0
	if s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i+1 || j-i-1 > 9 {
			return time.Time{}, false
		}
		frac, _ := num(s, i+1, j)
		for k := j - i - 1; k < 9; k++ {
			frac *= 10
		}
		i, nsec = j, frac
	}
	offset := 0
	switch rest := s[i:]; {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, okh := num(rest, 1, 3)
		m, okm := num(rest, 4, 6)
		if !okh || !okm || h > 23 || m > 59 {
			return time.Time{}, false
		}
		offset = h*3600 + m*60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	return date(year, month, day, hour, minute, sec, nsec, offset)
}

// parseEpochDigits reads epoch seconds or milliseconds written as plain
// digits, as parseEpoch does, up to maxEpochMilli.
func parseEpochDigits(s string) (time.Time, bool) {
	i := 0
	for i < len(s)-1 && s[i] == '0' {
		i++ // leading zeros do not count towards the milliseconds rule
	}
	digits := s[i:]
	if len(digits) > maxEpochDigits {
		return time.Time{}, false
	}
	// In int64, not int (num), which has 32 bits on some platforms: 15
	// digits fit without overflow.
	var n int64
	for j := 0; j < len(digits); j++ {
		if !isDigit(digits[j]) {
			return time.Time{}, false
		}
		n = n*10 + int64(digits[j]-'0')
	}
	if len(digits) >= epochMillisDigits {
		if n > maxEpochMilli {
			return time.Time{}, false
		}
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true // below 1e11 seconds, the year 5138
}

// months are the month names of Java-style dates, in order.
const months = "JanFebMarAprMayJunJulAugSepOctNovDec"

// parseJavaDate reads "Jan 2, 2006[,] 3:04:05[ ]PM" and "Jan 2, 2006
// 15:04:05", the forms of javaLayouts with single spaces.
func parseJavaDate(s string) (time.Time, bool) {
	if len(s) < 19 || s[3] != ' ' {
		return time.Time{}, false
	}
	month := 0
	for m := 0; m < 12; m++ {
		if s[:3] == months[3*m:3*m+3] {
			month = m + 1
		}
	}
	if month == 0 {
		return time.Time{}, false
	}
	// the day, one or two digits, and ", "
	i := 4
	j := i
	for j < len(s) && j < i+2 && isDigit(s[j]) {
		j++
	}
	day, ok := num(s, i, j)
	if !ok || j+2 > len(s) || s[j] != ',' || s[j+1] != ' ' {
		return time.Time{}, false
	}
	year, ok := num(s, j+2, j+6)
	if !ok {
		return time.Time{}, false
	}
	i = j + 6
	if i < len(s) && s[i] == ',' {
		i++
	}
	if i >= len(s) || s[i] != ' ' {
		return time.Time{}, false
	}
	i++
	// the clock: h:mm:ss or hh:mm:ss
	j = i
	for j < len(s) && j < i+2 && isDigit(s[j]) {
		j++
	}
	hour, ok := num(s, i, j)
	if !ok || j+6 > len(s) || s[j] != ':' || s[j+3] != ':' {
		return time.Time{}, false
	}
	minute, ok1 := num(s, j+1, j+3)
	sec, ok2 := num(s, j+4, j+6)
	if !ok1 || !ok2 {
		return time.Time{}, false
	}
	rest := s[j+6:]
	switch {
	case rest == "":
		if j-i != 2 || s[i-2] == ',' {
			return time.Time{}, false // the 24-hour form: two digits, no comma before
		}
	default:
		rest = trimJavaSpace(rest)
		if len(rest) != 2 || rest[1] != 'M' && rest[1] != 'm' || hour < 1 || hour > 12 {
			return time.Time{}, false
		}
		switch rest[0] {
		case 'A', 'a':
			if hour == 12 {
				hour = 0
			}
		case 'P', 'p':
			if hour != 12 {
				hour += 12
			}
		default:
			return time.Time{}, false
		}
	}
	return date(year, month, day, hour, minute, sec, 0, 0)
}

// trimJavaSpace drops the one space, narrow no-break space or no-break
// space that may come before AM or PM.
func trimJavaSpace(s string) string {
	switch {
	case len(s) > 0 && s[0] == ' ':
		return s[1:]
	case len(s) > 3 && s[:3] == "\u202f":
		return s[3:]
	case len(s) > 2 && s[:2] == "\u00a0":
		return s[2:]
	}
	return s
}
