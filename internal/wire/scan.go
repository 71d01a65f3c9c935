// Package wire is the JSON runtime behind the typed service packages: a
// table-driven codec in the manner of google.golang.org/protobuf's
// internal/impl. The generated packages hold types, documentation and one
// Service table each; the codec builds, once per Go type and from
// reflection, a table of its fields (offsets, kinds, a hash table of their
// keys) and decodes and encodes every type with the same few loops over
// raw pointers.
//
// Decoding follows what CloudTrail writes: keys match without regard to
// case, numbers and booleans given as strings convert, timestamps take
// every form cloudtrail.ParseTime reads. Values that do not fit are never
// fatal: the decoder records a *cloudtrail.FieldError with the value's JSON
// path, keeps the value as written in the structure's cloudtrail.RawMembers
// (a list, map or union with an element that does not fit is kept whole)
// and goes on. Only malformed JSON stops a decode.
//
// Skipped values cost no allocation, and strings are unescaped only when
// they contain escapes; strings without escapes share the memory of the
// input.
package wire

import (
	"fmt"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

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
			if m := specialMask(load64(s, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
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
func special(v uint64) bool { return specialMask(v) != 0 }

const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080
	fold8  = 0x2020202020202020 // setting bit 5 lower-cases ASCII letters
	spaces = 0x2020202020202020 // eight spaces
)

// specialMask returns v's bytes that are a quote, a backslash or below 0x20
// as their high bits. Bits above the lowest can be wrong (a borrow), so
// only the lowest one, the first such byte, is to be used.
func specialMask(v uint64) uint64 {
	q := v ^ (ones * '"')
	b := v ^ (ones * '\\')
	return ((q-ones)&^q | (b-ones)&^b | (v-ones*0x20)&^v) & highs
}

// mix adds x to the hash h.
func mix(h, x uint64) uint64 {
	h = (h ^ x) * 0x9E3779B97F4A7C15
	return h ^ h>>31
}

// keyTail is the last word a key hash mixes in: the key's last bytes
// (fewer than eight, folded) and its length.
func keyTail(tail uint64, n int) uint64 { return tail | uint64(n)<<56 }

// keyHash hashes a key as if lower-cased: eight bytes at a time with bit 5
// set in each (which maps both cases of a letter, and a few other pairs of
// bytes, to one; the comparison after a lookup tells them apart), then the
// rest and the length. scanKey computes the same hash while it scans.
func keyHash(k string) uint64 {
	var h uint64
	i := 0
	for ; i+8 <= len(k); i += 8 {
		h = mix(h, load64(k, i)|fold8)
	}
	var tail uint64
	for j := len(k) - 1; j >= i; j-- {
		tail = tail<<8 | uint64(k[j]|0x20)
	}
	return mix(h, keyTail(tail, len(k)))
}

// scanKey scans the object key whose opening quote is at s[i] and hashes it
// as keyHash does, in one pass. It reports false for keys with escapes, for
// malformed ones and near the end of s, which the caller reads the slow way.
func scanKey(s string, i int) (end int, h uint64, ok bool) {
	j := i + 1
	for j+8 <= len(s) {
		v := load64(s, j)
		if m := specialMask(v); m != 0 {
			k := bits.TrailingZeros64(m) >> 3
			if s[j+k] != '"' {
				return 0, 0, false
			}
			var tail uint64
			if k > 0 {
				tail = (v | fold8) & (1<<(8*k) - 1)
			}
			return j + k + 1, mix(h, keyTail(tail, j+k-i-1)), true
		}
		h = mix(h, v|fold8)
		j += 8
	}
	return 0, 0, false
}

// load64 reads eight bytes of s at i, little-endian.
func load64(s string, i int) uint64 {
	b := s[i : i+8] // one bounds check, and the compiler makes the rest one load
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
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
// surrounded by spaces.
func Valid(data []byte) bool {
	d := decoder{s: string(data)}
	d.pos = skipSpace(d.s, 0)
	d.skip()
	if d.err != nil {
		return false
	}
	return skipSpace(d.s, d.pos) == len(d.s)
}
