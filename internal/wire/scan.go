// Package wire is the small JSON runtime behind the generated typed
// decoders and encoders of the service packages.
//
// A Decoder walks one JSON document without reflection. Generated code asks
// it for the value a field expects (BeginStruct, Int32, Enum, Time, ...).
// Values that do not fit are never fatal: the Decoder records a
// *cloudtrail.FieldError with the JSON path of the value, keeps the value as
// written in the structure's cloudtrail.RawMembers (or marks the enclosing
// list or map to be kept whole) and goes on. Only malformed JSON and nesting
// deeper than MaxDepth stop a decode.
//
// Skipped values cost no allocation, and strings are unescaped only when
// they contain escapes; strings without escapes share the memory of the
// input (OpenShared) or of one copy of it (Open).
package wire

import (
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is how deeply arrays and objects may nest in a document.
const MaxDepth = 10000

// ErrDepth is the error for input nested deeper than MaxDepth.
var ErrDepth = errors.New("wire: JSON nested too deeply")

// SyntaxError reports malformed JSON.
type SyntaxError struct {
	Offset int    // byte offset in the document
	Msg    string // what was wrong
}

// Error implements error.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("wire: invalid JSON at offset %d: %s", e.Offset, e.Msg)
}

// strPlain marks the bytes that may appear in a JSON string without
// ending it or starting an escape.
var strPlain = func() (t [256]bool) {
	for i := 0x20; i < 256; i++ {
		t[i] = true
	}
	t['"'] = false
	t['\\'] = false
	return t
}()

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// skipSpace returns the offset of the first non-space byte at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// scanString scans the string that starts with the quote at s[i]. It returns
// the offset after the closing quote and whether the string has escapes;
// end < 0 reports malformed input, with msg saying why.
func scanString(s string, i int) (end int, escaped bool, msg string) {
	i++
	for {
		// Eight bytes at a time while none is a quote, a backslash or a
		// control character.
		for i+8 <= len(s) {
			v := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			if special(v) {
				break
			}
			i += 8
		}
		for i < len(s) && strPlain[s[i]] {
			i++
		}
		if i >= len(s) {
			return -1, false, "unterminated string"
		}
		switch c := s[i]; {
		case c == '"':
			return i + 1, escaped, ""
		case c == '\\':
			escaped = true
			if i+1 >= len(s) {
				return -1, false, "unterminated string"
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s) {
					return -1, false, "unterminated string"
				}
				for _, h := range []byte(s[i+2 : i+6]) {
					if unhex(h) < 0 {
						return -1, false, "invalid \\u escape"
					}
				}
				i += 6
			default:
				return -1, false, "invalid escape"
			}
		default:
			return -1, false, "control character in string"
		}
	}
}

// special reports whether one of the eight bytes of v is a quote, a
// backslash or below 0x20.
func special(v uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := v ^ (ones * '"')
	b := v ^ (ones * '\\')
	return ((q-ones)&^q|(b-ones)&^b|(v-ones*0x20)&^v)&highs != 0
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

func hex4(s string) rune {
	return unhex(s[0])<<12 | unhex(s[1])<<8 | unhex(s[2])<<4 | unhex(s[3])
}

// unescape decodes the body of a scanned string (without its quotes) that
// has escapes. Unpaired surrogates become U+FFFD, as with encoding/json.
func unescape(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
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
			r := hex4(s[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if r2 := utf16.DecodeRune(r, hex4(s[i+2:i+6])); r2 != utf8.RuneError {
						r = r2
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
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

// scanNumber scans the JSON number that starts at s[i]. It returns the offset
// after it (or -1 when malformed) and whether it is an integer (no fraction
// and no exponent).
func scanNumber(s string, i int) (end int, integer bool) {
	integer = true
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i >= len(s):
		return -1, false
	case s[i] == '0':
		i++
	case '1' <= s[i] && s[i] <= '9':
		for i++; i < len(s) && isDigit(s[i]); i++ {
		}
	default:
		return -1, false
	}
	if i < len(s) && s[i] == '.' {
		integer = false
		i++
		if i >= len(s) || !isDigit(s[i]) {
			return -1, false
		}
		for i++; i < len(s) && isDigit(s[i]); i++ {
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		integer = false
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || !isDigit(s[i]) {
			return -1, false
		}
		for i++; i < len(s) && isDigit(s[i]); i++ {
		}
	}
	return i, integer
}

// scanLiteral checks that s[i:] starts with lit.
func scanLiteral(s string, i int, lit string) int {
	if len(s)-i >= len(lit) && s[i:i+len(lit)] == lit {
		return i + len(lit)
	}
	return -1
}

// Valid reports whether data is one well-formed JSON value, optionally
// surrounded by spaces, nested no deeper than MaxDepth.
func Valid(data []byte) bool {
	d := Decoder{s: string(data)}
	d.pos = skipSpace(d.s, 0)
	d.skip()
	if d.err != nil {
		return false
	}
	return skipSpace(d.s, d.pos) == len(d.s)
}
