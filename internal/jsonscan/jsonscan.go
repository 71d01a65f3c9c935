// Package jsonscan is the JSON scanning core of the module: the one place
// that knows the syntax of JSON (RFC 8259). The reader of package
// cloudtrail, the typed codec of internal/wire and the generators of test
// data all scan with it, so that a fix to how JSON is read is made once.
//
// It works on text as a string or a []byte, at a position, and returns
// positions: it allocates only to unescape strings that have escapes, and
// validates values without recursion, so that no depth of nesting exhausts
// the stack. Strings are scanned eight bytes at a time.
package jsonscan

import (
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Text is the JSON text scanned: a string or a byte slice.
type Text interface{ ~string | ~[]byte }

// Error reports where and why text is no valid JSON.
type Error struct {
	Offset int    // the offset of the first byte that is wrong, or of the end of the text
	Msg    string // what is wrong, such as "expected , or } after object member"
}

// Error implements error.
func (e *Error) Error() string { return e.Msg }

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// Load64 reads the eight bytes of b at i, little-endian.
func Load64[T Text](b T, i int) uint64 {
	w := b[i : i+8] // one bounds check; the compiler makes the rest one load
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// SpecialMask returns the bytes of v that are a quote, a backslash or
// below 0x20 as their high bits. Bits above the lowest can be wrong (a
// borrow), so only the lowest one, the first such byte, is to be used.
func SpecialMask(v uint64) uint64 {
	q := v ^ (ones * '"')
	b := v ^ (ones * '\\')
	return ((q-ones)&^q | (b-ones)&^b | (v-ones*0x20)&^v) & highs
}

// IsSpace reports whether c is JSON white space.
func IsSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// IsDigit reports whether c is an ASCII digit.
func IsDigit(c byte) bool { return '0' <= c && c <= '9' }

// SkipSpace returns the position of the first byte at or after i that is
// no JSON white space, or len(b).
func SkipSpace[T Text](b T, i int) int {
	if i < len(b) && b[i] > ' ' {
		return i // compact JSON has no white space: the common case
	}
	for i < len(b) && IsSpace(b[i]) {
		i++
	}
	return i
}

// String scans and validates the string whose opening quote is at b[i]. It
// returns the position after the closing quote and whether the string has
// escapes; on malformed text, the position of the fault and its reason.
func String[T Text](b T, i int) (end int, escaped bool, err *Error) {
	i++
	for {
		for i+8 <= len(b) {
			if m := SpecialMask(Load64(b, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		for i < len(b) && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\' {
			i++
		}
		if i >= len(b) {
			return i, escaped, &Error{i, "the text ends inside a string"}
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped, nil
		case c < 0x20:
			return i, escaped, &Error{i, "control character in a string"}
		}
		escaped = true
		if i+1 >= len(b) {
			return i + 1, escaped, &Error{i + 1, "the text ends inside a string"}
		}
		switch b[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if i+6 > len(b) {
				return len(b), escaped, &Error{len(b), "the text ends inside a string"}
			}
			for j := i + 2; j < i+6; j++ {
				if unhex(b[j]) < 0 {
					return j, escaped, &Error{j, `invalid \u escape`}
				}
			}
			i += 6
		default:
			return i + 1, escaped, &Error{i + 1, "invalid escape"}
		}
	}
}

// StringEnd returns the position after the closing quote of the string,
// already validated, whose opening quote is at b[i], and whether it has
// escapes. It looks only for quotes and backslashes.
func StringEnd[T Text](b T, i int) (end int, escaped bool) {
	end, escaped, closed := stringRest(b, i+1)
	if !closed {
		return len(b), escaped
	}
	return end, escaped
}

// StringRest scans string text from b[i], inside a string, to its closing
// quote, looking only for quotes and backslashes; it does not validate. It
// returns the position after the closing quote and true; when b ends
// first, the position to go on from once more text follows (before a
// backslash whose escaped byte is still to come) and false.
func StringRest[T Text](b T, i int) (end int, closed bool) {
	// Strings seldom hold backslashes: find the next quote in one pass and
	// tell an escaped one by the backslashes before it.
	start := i
	for {
		q := IndexQuote(b, i)
		if q < 0 {
			// Go on before a backslash whose escaped byte is still to come.
			return len(b) - backslashesBefore(b, len(b), start)%2, false
		}
		if q == start || b[q-1] != '\\' || backslashesBefore(b, q, start)%2 == 0 {
			return q + 1, true
		}
		i = q + 1
	}
}

// backslashesBefore counts the backslashes right before b[i], down to
// b[start].
func backslashesBefore[T Text](b T, i, start int) int {
	n := 0
	for k := i - 1; k >= start && b[k] == '\\'; k-- {
		n++
	}
	return n
}

// IndexQuote returns the position of the first quote at or after b[i], or
// -1: word by word for short distances, then with the library's IndexByte.
// It is the loop of StringRest, for scanners that skip strings inline.
func IndexQuote[T Text](b T, i int) int {
	for n := 0; n < 4 && i+8 <= len(b); n++ {
		v := Load64(b, i) ^ (ones * '"')
		if m := (v - ones) &^ v & highs; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	if q := indexByte(b[i:], '"'); q >= 0 {
		return i + q
	}
	return -1
}

func stringRest[T Text](b T, i int) (end int, escaped, closed bool) {
	for {
		i = skipPlain(b, i)
		if i >= len(b) {
			return len(b), escaped, false
		}
		if b[i] == '"' {
			return i + 1, escaped, true
		}
		escaped = true
		if i+1 >= len(b) {
			return i, escaped, false
		}
		i += 2 // the backslash and what it escapes; \u's digits are plain
	}
}

// skipPlain returns the position of the first quote or backslash at or
// after i, or len(b). Most strings are short: it tests their first 32
// bytes eight at a time, and searches longer ones with IndexByte, which is
// faster on long text.
func skipPlain[T Text](b T, i int) int {
	for n := 0; i+8 <= len(b); n++ {
		if n == 4 {
			end := len(b)
			if q := indexByte(b[i:], '"'); q >= 0 {
				end = i + q
			}
			if e := indexByte(b[i:end], '\\'); e >= 0 {
				return i + e
			}
			return end
		}
		v := Load64(b, i)
		q := v ^ (ones * '"')
		e := v ^ (ones * '\\')
		if m := ((q-ones)&^q | (e-ones)&^e) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(b) && b[i] != '"' && b[i] != '\\' {
		i++
	}
	return i
}

// indexByte returns the index of the first c in b, or -1.
func indexByte[T Text](b T, c byte) int {
	// A string and a slice both start with a pointer and a length: read
	// either as a string, without a copy or a type switch.
	return strings.IndexByte(*(*string)(unsafe.Pointer(&b)), c)
}

func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

func hex4[T Text](s T) rune {
	return unhex(s[0])<<12 | unhex(s[1])<<8 | unhex(s[2])<<4 | unhex(s[3])
}

// Unescape decodes the text of a valid string, without its quotes, that
// has escapes. Unpaired surrogates become U+FFFD, as with encoding/json.
func Unescape[T Text](s T) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			i++
			continue
		}
		switch s[i+1] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			if i+6 > len(s) {
				b = append(b, string(s[i:])...)
				return string(b)
			}
			r := hex4(s[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2 = utf16.DecodeRune(r, hex4(s[i+2:i+6]))
				}
				if r2 != utf8.RuneError {
					i += 6
				}
				r = r2
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // '"', '\\', '/'
			b = append(b, s[i+1])
		}
		i += 2
	}
	return string(b)
}

// Number scans the JSON number at b[i]. It returns the position after it,
// whether it is an integer (no fraction, no exponent), and false when it is
// malformed (end is then the position of the fault).
func Number[T Text](b T, i int) (end int, integer bool, ok bool) {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return i, false, false
	case b[i] == '0':
		i++
	case '1' <= b[i] && b[i] <= '9':
		for i++; i < len(b) && IsDigit(b[i]); i++ {
		}
	default:
		return i, false, false
	}
	integer = true
	if i < len(b) && b[i] == '.' {
		integer = false
		i++
		if i >= len(b) || !IsDigit(b[i]) {
			return i, false, false
		}
		for i++; i < len(b) && IsDigit(b[i]); i++ {
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		integer = false
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || !IsDigit(b[i]) {
			return i, false, false
		}
		for i++; i < len(b) && IsDigit(b[i]); i++ {
		}
	}
	return i, integer, true
}

// Literal reports whether b holds lit (true, false or null) at i.
func Literal[T Text](b T, i int, lit string) bool {
	return len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit
}

// Value validates the JSON value that starts at b[i], after white space,
// and returns the position after it; on malformed text, the fault. It
// keeps its own stack of open containers, a bit each, so any depth is
// validated without recursion and, to 64 levels, without allocating.
func Value[T Text](b T, i int) (end int, err *Error) {
	var stack uint64 // 1 for an object, 0 for an array, innermost lowest
	var more []uint64
	depth := 0
value:
	i = SkipSpace(b, i)
	if i >= len(b) {
		return i, &Error{i, "the text ends where a value should start"}
	}
	switch c := b[i]; c {
	case '{', '[':
		i = SkipSpace(b, i+1)
		if i < len(b) && (c == '{' && b[i] == '}' || c == '[' && b[i] == ']') {
			i++
			goto after
		}
		if depth > 0 && depth%64 == 0 {
			more = append(more, stack)
			stack = 0
		}
		stack <<= 1
		depth++
		if c == '[' {
			goto value
		}
		stack |= 1
		goto key
	case '"':
		if i, _, err = String(b, i); err != nil {
			return i, err
		}
	case 't', 'f', 'n':
		lit := "null"
		if c == 't' {
			lit = "true"
		} else if c == 'f' {
			lit = "false"
		}
		if !Literal(b, i, lit) {
			return i, &Error{i, "invalid literal"}
		}
		i += len(lit)
	default:
		if !IsDigit(c) && c != '-' {
			return i, &Error{i, "invalid character where a value should start"}
		}
		var ok bool
		if i, _, ok = Number(b, i); !ok {
			return i, &Error{i, "invalid number"}
		}
	}
after:
	if depth == 0 {
		return i, nil
	}
	i = SkipSpace(b, i)
	if i >= len(b) {
		if stack&1 == 1 {
			return i, &Error{i, "the text ends inside an object"}
		}
		return i, &Error{i, "the text ends inside an array"}
	}
	switch c := b[i]; {
	case c == ',':
		i++
		if stack&1 == 1 {
			goto key
		}
		goto value
	case c == '}' && stack&1 == 1, c == ']' && stack&1 == 0:
		i++
		depth--
		stack >>= 1
		if depth > 0 && depth%64 == 0 {
			stack = more[len(more)-1]
			more = more[:len(more)-1]
		}
		goto after
	}
	if stack&1 == 1 {
		return i, &Error{i, "expected , or } after object member"}
	}
	return i, &Error{i, "expected , or ] after array element"}
key:
	i = SkipSpace(b, i)
	if i >= len(b) {
		return i, &Error{i, "the text ends inside an object"}
	}
	if b[i] != '"' {
		return i, &Error{i, "expected a member name in quotes"}
	}
	if i, _, err = String(b, i); err != nil {
		return i, err
	}
	i = SkipSpace(b, i)
	if i >= len(b) || b[i] != ':' {
		return i, &Error{i, "expected : after a member name"}
	}
	i++
	goto value
}

// Valid reports whether b is one valid JSON value with nothing but white
// space around it.
func Valid[T Text](b T) bool {
	_, err := Check(b)
	return err == nil
}

// Check validates that b is one JSON value with nothing but white space
// around it, and returns where the value starts; on malformed text, the
// fault.
func Check[T Text](b T) (start int, err *Error) {
	start = SkipSpace(b, 0)
	end, err := Value(b, start)
	if err != nil {
		return start, err
	}
	if end = SkipSpace(b, end); end != len(b) {
		return start, &Error{end, "data after the JSON value"}
	}
	return start, nil
}

// Skip returns the position after the value, already validated, that
// starts at b[i]: it counts brackets and jumps over strings.
func Skip[T Text](b T, i int) int {
	switch b[i] {
	case '"':
		end, _ := StringEnd(b, i)
		return end
	case '{', '[':
		depth := 0
		for i < len(b) {
			c := b[i]
			switch c {
			case '"':
				i, _ = StringEnd(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// safeASCII marks the ASCII bytes that need no escape in a JSON string.
var safeASCII = func() (t [utf8.RuneSelf]bool) {
	for i := 0x20; i < utf8.RuneSelf; i++ {
		t[i] = true
	}
	t['"'] = false
	t['\\'] = false
	return t
}()

const hexDigits = "0123456789abcdef"

// AppendString appends s to dst as a JSON string. Invalid UTF-8 becomes
// U+FFFD (written as the character itself, so that writing what was read
// is stable), and U+2028 and U+2029 are escaped as with encoding/json; HTML
// characters are not escaped.
func AppendString(dst []byte, s string) []byte {
	return append(appendEscaped(append(dst, '"'), s, false), '"')
}

// AppendStringVerbatim is AppendString that writes invalid UTF-8 as it is,
// for text that is to be written back as it was read.
func AppendStringVerbatim(dst []byte, s string) []byte {
	return append(appendEscaped(append(dst, '"'), s, true), '"')
}

// AppendEscaped appends s as the text of a JSON string, as AppendString
// does, without the quotes: for a string written in parts.
func AppendEscaped(dst []byte, s string) []byte { return appendEscaped(dst, s, false) }

func appendEscaped(dst []byte, s string, verbatim bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if safeASCII[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1 && !verbatim:
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\ufffd"...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(dst, s[start:]...)
}

// AppendPathName appends the member name to the JSON path dst, in the
// notation of error paths: "name" at the start, ".name" after, and
// `["name"]`, the name as a JSON string, when it is empty or holds a byte
// that would make the path ambiguous ('.', '[', ']', '"', '\\' or a
// control byte).
func AppendPathName(dst []byte, name string) []byte {
	plain := name != ""
	for i := 0; i < len(name) && plain; i++ {
		switch c := name[i]; {
		case c == '.', c == '[', c == ']', c == '"', c == '\\', c < 0x20:
			plain = false
		}
	}
	if !plain {
		dst = append(dst, '[')
		dst = AppendString(dst, name)
		return append(dst, ']')
	}
	if len(dst) > 0 {
		dst = append(dst, '.')
	}
	return append(dst, name...)
}

// IsRedaction reports whether the JSON value v, white space trimmed, is a
// string that CloudTrail writes in place of a value it does not show:
// "HIDDEN_DUE_TO_SECURITY_REASONS", or three or more asterisks ("***").
func IsRedaction[T Text](v T) bool {
	if len(v) < 5 || v[0] != '"' || v[len(v)-1] != '"' {
		return false
	}
	s := string(v[1 : len(v)-1])
	if strings.IndexByte(s, '\\') >= 0 {
		s = Unescape(s)
	}
	if s == "HIDDEN_DUE_TO_SECURITY_REASONS" {
		return true
	}
	return len(s) >= 3 && strings.Trim(s, "*") == ""
}
