package wire

import (
	"encoding/base64"
	"errors"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// ErrNotFinite is the error for a NaN or infinite float, which JSON cannot
// represent.
var ErrNotFinite = errors.New("wire: NaN or infinite number")

// An Encoder writes compact JSON for generated MarshalJSON methods. Members
// and elements are separated automatically: Key and Elem write the comma.
type Encoder struct {
	buf []byte
	err error
}

var encPool = sync.Pool{New: func() any { return &Encoder{buf: make([]byte, 0, 1024)} }}

// NewEncoder returns an empty Encoder from a pool.
func NewEncoder() *Encoder {
	e := encPool.Get().(*Encoder)
	e.buf, e.err = e.buf[:0], nil
	return e
}

// Finish returns a copy of what was written, or the first error, and
// returns e to the pool.
func (e *Encoder) Finish() ([]byte, error) {
	out, err := slices.Clone(e.buf), e.err
	if err != nil {
		out = nil
	}
	if cap(e.buf) <= 1<<20 {
		encPool.Put(e)
	}
	return out, err
}

// Bytes returns what was written so far; the slice is e's own.
func (e *Encoder) Bytes() []byte { return e.buf }

// comma separates a member or element from the one before it.
func (e *Encoder) comma() {
	if n := len(e.buf); n > 0 {
		if c := e.buf[n-1]; c != '{' && c != '[' {
			e.buf = append(e.buf, ',')
		}
	}
}

// BeginObject writes {.
func (e *Encoder) BeginObject() { e.buf = append(e.buf, '{') }

// EndObject writes }.
func (e *Encoder) EndObject() { e.buf = append(e.buf, '}') }

// BeginList writes [.
func (e *Encoder) BeginList() { e.buf = append(e.buf, '[') }

// EndList writes ].
func (e *Encoder) EndList() { e.buf = append(e.buf, ']') }

// Key starts a member whose key, quoted and followed by a colon, is
// quotedKey (generated as a constant such as `"settings":`).
func (e *Encoder) Key(quotedKey string) {
	e.comma()
	e.buf = append(e.buf, quotedKey...)
}

// KeyString starts a member with the key k, quoting it.
func (e *Encoder) KeyString(k string) {
	e.comma()
	e.buf = appendString(e.buf, k)
	e.buf = append(e.buf, ':')
}

// Elem starts an array element.
func (e *Encoder) Elem() { e.comma() }

// Null writes null.
func (e *Encoder) Null() { e.buf = append(e.buf, "null"...) }

// String writes a string.
func (e *Encoder) String(s string) { e.buf = appendString(e.buf, s) }

// Int writes an integer.
func (e *Encoder) Int(v int64) { e.buf = strconv.AppendInt(e.buf, v, 10) }

// Bool writes a boolean.
func (e *Encoder) Bool(v bool) { e.buf = strconv.AppendBool(e.buf, v) }

// Float64 writes a double as encoding/json does.
func (e *Encoder) Float64(v float64) { e.float(v, 64) }

// Float32 writes a float as encoding/json does.
func (e *Encoder) Float32(v float32) { e.float(float64(v), 32) }

func (e *Encoder) float(f float64, bits int) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if e.err == nil {
			e.err = ErrNotFinite
		}
		e.buf = append(e.buf, '0')
		return
	}
	fmt := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			fmt = 'e'
		}
	}
	b := strconv.AppendFloat(e.buf, f, fmt, -1, bits)
	if fmt == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	e.buf = b
}

// Time writes a timestamp as it was read, or as RFC 3339 when made in code.
func (e *Encoder) Time(t cloudtrail.Time) {
	if t.Raw != "" {
		e.buf = append(e.buf, t.Raw...)
		return
	}
	b, _ := t.MarshalJSON()
	e.buf = append(e.buf, b...)
}

// Blob writes bytes as a base64 string.
func (e *Encoder) Blob(b []byte) {
	e.buf = append(e.buf, '"')
	e.buf = base64.StdEncoding.AppendEncode(e.buf, b)
	e.buf = append(e.buf, '"')
}

// Raw writes JSON as given; empty raw writes null.
func (e *Encoder) Raw(raw []byte) {
	if len(raw) == 0 {
		e.Null()
		return
	}
	e.buf = append(e.buf, raw...)
}

// Raws matches the kept members of a structure with its modelled members
// while the structure is written.
type Raws struct {
	m   cloudtrail.RawMembers
	idx []int // the modelled member each kept member belongs to, or -1
}

// MatchRaws prepares the kept members m for writing; member maps a key to
// the index of its modelled member, or -1.
func MatchRaws(m cloudtrail.RawMembers, member func(string) int) Raws {
	if len(m) == 0 {
		return Raws{}
	}
	idx := make([]int, len(m))
	for i, r := range m {
		idx[i] = member(r.Name)
	}
	return Raws{m: m, idx: idx}
}

// Put writes the kept values of modelled member i, if any. Generated code
// calls it for members whose typed field is not set: a set field is written
// instead of what was kept.
func (r *Raws) Put(e *Encoder, i int) {
	if r.idx != nil {
		r.put(e, i)
	}
}

func (r *Raws) put(e *Encoder, i int) {
	for j, k := range r.idx {
		if k == i {
			e.KeyString(r.m[j].Name)
			e.Raw(r.m[j].Value)
		}
	}
}

// Rest writes the kept members that belong to no modelled member.
func (r *Raws) Rest(e *Encoder) {
	for j, k := range r.idx {
		if k < 0 {
			e.KeyString(r.m[j].Name)
			e.Raw(r.m[j].Value)
		}
	}
}

// SortedKeys returns the keys of m in increasing order, so that maps encode
// deterministically.
func SortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
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

// appendString appends s quoted. Invalid UTF-8 becomes U+FFFD (written as
// the character itself, so that encoding what was decoded is stable), and
// U+2028 and U+2029 are escaped as with encoding/json; HTML characters are
// not escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if safeASCII[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\ufffd"...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
