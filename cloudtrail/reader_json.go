package cloudtrail

import (
	"encoding/binary"
	"math/bits"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// A validating JSON walker. It accepts exactly what gjson.Valid accepts
// (RFC 8259 JSON, without checking UTF-8), but it runs without recursion,
// so no nesting depth can exhaust the stack, and it tests strings eight
// bytes at a time. walkObject also hands out the members of the top-level
// object as gjson values while it validates, so that decoding a record
// takes one pass over its bytes.

const (
	swarOnes  = 0x0101010101010101
	swarHighs = 0x8080808080808080
)

// swarSpecial returns the bit mask of the bytes of w (little endian) that
// end a run of plain string text: '"', '\\' and control characters. Only
// its lowest set bit is exact.
func swarSpecial(w uint64) uint64 {
	q := w ^ 0x2222222222222222 // '"'
	s := w ^ 0x5c5c5c5c5c5c5c5c // '\\'
	return ((q-swarOnes)&^q | (s-swarOnes)&^s | (w-0x2020202020202020)&^w) & swarHighs
}

// validString validates the rest of a string whose opening quote is at
// b[i-1]. It returns the position after the closing quote, whether the
// string had escapes, and whether it is valid.
func validString(b []byte, i int) (int, bool, bool) {
	esc := false
	for {
		for i+8 <= len(b) {
			if t := swarSpecial(binary.LittleEndian.Uint64(b[i:])); t != 0 {
				i += bits.TrailingZeros64(t) >> 3
				break
			}
			i += 8
		}
		for ; i < len(b); i++ {
			if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
				break
			}
		}
		if i >= len(b) {
			return i, esc, false
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, esc, true
		case c < 0x20:
			return i, esc, false
		}
		// A backslash.
		esc = true
		i++
		if i >= len(b) {
			return i, esc, false
		}
		switch b[i] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i++
		case 'u':
			if i+4 >= len(b) || !ishex(b[i+1]) || !ishex(b[i+2]) || !ishex(b[i+3]) || !ishex(b[i+4]) {
				return i, esc, false
			}
			i += 5
		default:
			return i, esc, false
		}
	}
}

func ishex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// validNumber validates the number at b[i].
func validNumber(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	if i >= len(b) || b[i] < '0' || b[i] > '9' {
		return i, false
	}
	if b[i] == '0' {
		i++
	} else {
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i, true
}

// skipSpace returns the position of the first byte from b[i] on that is no
// JSON white space, or len(b).
func skipSpace[T ~string | ~[]byte](b T, i int) int {
	if i < len(b) && b[i] > ' ' {
		return i // compact JSON has no white space: the common case
	}
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// validValue validates the JSON value that starts at b[i] (after white
// space) and returns the position after it.
func validValue(b []byte, i int) (int, bool) {
	// The containers open around the current value, as a stack of bits:
	// 1 for an object, 0 for an array; deeper levels spill into more.
	var stack uint64
	depth := 0
	var more []uint64
	push := func(obj bool) {
		if depth > 0 && depth%64 == 0 {
			more = append(more, stack)
			stack = 0
		}
		stack <<= 1
		if obj {
			stack |= 1
		}
		depth++
	}
	pop := func() {
		depth--
		stack >>= 1
		if depth > 0 && depth%64 == 0 {
			stack = more[len(more)-1]
			more = more[:len(more)-1]
		}
	}
	var ok bool
value:
	i = skipSpace(b, i)
	if i >= len(b) {
		return i, false
	}
	switch b[i] {
	case '{':
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == '}' {
			i++
			goto after
		}
		push(true)
		goto key
	case '[':
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == ']' {
			i++
			goto after
		}
		push(false)
		goto value
	case '"':
		if i, _, ok = validString(b, i+1); !ok {
			return i, false
		}
	case 't':
		if i+4 > len(b) || string(b[i:i+4]) != "true" {
			return i, false
		}
		i += 4
	case 'f':
		if i+5 > len(b) || string(b[i:i+5]) != "false" {
			return i, false
		}
		i += 5
	case 'n':
		if i+4 > len(b) || string(b[i:i+4]) != "null" {
			return i, false
		}
		i += 4
	default:
		if c := b[i]; c != '-' && (c < '0' || c > '9') {
			return i, false
		}
		if i, ok = validNumber(b, i); !ok {
			return i, false
		}
	}
after:
	if depth == 0 {
		return i, true
	}
	i = skipSpace(b, i)
	if i >= len(b) {
		return i, false
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
		pop()
		goto after
	}
	return i, false
key:
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != '"' {
		return i, false
	}
	if i, _, ok = validString(b, i+1); !ok {
		return i, false
	}
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != ':' {
		return i, false
	}
	i++
	goto value
}

// validJSON reports whether b is one valid JSON value with nothing but
// white space around it, as gjson.ValidBytes does.
func validJSON(b []byte) bool {
	i, ok := validValue(b, 0)
	return ok && skipSpace(b, i) == len(b)
}

// jsonKind names the kind of the valid JSON value that starts at b[i].
func jsonKind(b []byte, i int) string {
	switch b[i] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// walkObject validates raw, which must be one JSON value, and calls fn for
// each member of it when it is an object, with the key and value gjson
// would give (gjson.Result.ForEach). It returns the kind of the value
// ("object" for an object) and false when raw is no valid JSON; fn may have
// been called for members before the error.
func walkObject(raw []byte, fn func(key string, v gjson.Result)) (string, bool) {
	i := skipSpace(raw, 0)
	if i >= len(raw) {
		return "", false
	}
	if raw[i] != '{' {
		end, ok := validValue(raw, i)
		if !ok || skipSpace(raw, end) != len(raw) {
			return "", false
		}
		return jsonKind(raw, i), true
	}
	s := bytesString(raw)
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return "object", skipSpace(raw, i+1) == len(raw)
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return "", false
		}
		ks := i
		ke, esc, ok := validString(raw, i+1)
		if !ok {
			return "", false
		}
		key := s[ks+1 : ke-1]
		if esc {
			key = gjson.Parse(s[ks:ke]).Str
		}
		i = skipSpace(raw, ke)
		if i >= len(raw) || raw[i] != ':' {
			return "", false
		}
		vs := skipSpace(raw, i+1)
		var ve int
		if vs < len(raw) && raw[vs] == '"' {
			ve, esc, ok = validString(raw, vs+1)
			if !ok {
				return "", false
			}
			fn(key, stringResult(s, vs, ve, esc))
		} else {
			if ve, ok = validValue(raw, vs); !ok {
				return "", false
			}
			fn(key, valueResult(s, vs, ve))
		}
		i = skipSpace(raw, ve)
		if i >= len(raw) {
			return "", false
		}
		if raw[i] == '}' {
			return "object", skipSpace(raw, i+1) == len(raw)
		}
		if raw[i] != ',' {
			return "", false
		}
		i = skipSpace(raw, i+1)
	}
}

// stringResult returns the gjson value of the valid JSON string s[vs:ve];
// esc says whether it has escapes.
func stringResult(s string, vs, ve int, esc bool) gjson.Result {
	if esc {
		v := gjson.Parse(s[vs:ve])
		v.Index = vs
		return v
	}
	return gjson.Result{Type: gjson.String, Raw: s[vs:ve], Str: s[vs+1 : ve-1], Index: vs}
}

// valueResult returns the gjson value of the valid JSON value s[vs:ve].
func valueResult(s string, vs, ve int) gjson.Result {
	raw := s[vs:ve]
	v := gjson.Result{Raw: raw, Index: vs}
	switch raw[0] {
	case '{', '[':
		v.Type = gjson.JSON
	case '"':
		v.Type = gjson.String
		text := raw[1 : len(raw)-1]
		if strings.IndexByte(text, '\\') >= 0 {
			v = gjson.Parse(raw)
			v.Index = vs
			return v
		}
		v.Str = text
	case 't':
		v.Type = gjson.True
	case 'f':
		v.Type = gjson.False
	case 'n':
		v.Type = gjson.Null
	default:
		v.Type = gjson.Number
		v.Num, _ = strconv.ParseFloat(raw, 64)
	}
	return v
}

// The iterators below serve values that walkObject has validated already:
// they do not check syntax again, and they jump over strings and nested
// values instead of parsing them.

// skipValid returns the position after the valid JSON value at s[i].
func skipValid(s string, i int) int {
	switch s[i] {
	case '"':
		return stringEnd(s, i+1)
	case '{', '[':
		depth := 0
		for i < len(s) {
			c := s[i]
			i++
			switch c {
			case '"':
				i = stringEnd(s, i)
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i
				}
			}
		}
		return i
	}
	for i < len(s) {
		switch s[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// stringEnd returns the position after the closing quote of the valid
// string whose text starts at s[i].
func stringEnd(s string, i int) int {
	end, _ := scanString(s, i)
	return end
}

// scanString returns the position after the closing quote of the valid
// string whose text starts at s[i], and whether the string has escapes.
// It tests eight bytes at a time for a quote or a backslash.
func scanString(s string, i int) (int, bool) {
	esc := false
	for {
		for i+8 <= len(s) {
			w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			q := w ^ 0x2222222222222222
			b := w ^ 0x5c5c5c5c5c5c5c5c
			if t := ((q-swarOnes)&^q | (b-swarOnes)&^b) & swarHighs; t != 0 {
				i += bits.TrailingZeros64(t) >> 3
				break
			}
			i += 8
		}
		for i < len(s) && s[i] != '"' && s[i] != '\\' {
			i++
		}
		if i >= len(s) {
			return len(s), esc
		}
		if s[i] == '"' {
			return i + 1, esc
		}
		esc = true
		i += 2 // the backslash and the byte it escapes; \u's hex digits are plain
	}
}

// forEachMember calls fn with the key and value of each member of the
// valid JSON object v, as v.ForEach would, until fn returns false.
func forEachMember(v gjson.Result, fn func(key string, val gjson.Result) bool) {
	s := v.Raw
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '{' {
		return
	}
	i = skipSpace(s, i+1)
	for i < len(s) && s[i] == '"' {
		ke, esc := scanString(s, i+1)
		key := s[i+1 : ke-1]
		if esc {
			key = gjson.Parse(s[i:ke]).Str
		}
		i = skipSpace(s, ke)
		if i >= len(s) || s[i] != ':' {
			return
		}
		vs := skipSpace(s, i+1)
		if vs >= len(s) {
			return
		}
		var val gjson.Result
		if s[vs] == '"' {
			ve, esc := scanString(s, vs+1)
			val = stringResult(s, vs, ve, esc)
			i = ve
		} else {
			ve := skipValid(s, vs)
			val = valueResult(s, vs, ve)
			i = ve
		}
		if v.Index > 0 {
			val.Index += v.Index
		} else {
			val.Index = 0
		}
		if !fn(key, val) {
			return
		}
		i = skipSpace(s, i)
		if i >= len(s) || s[i] != ',' {
			return
		}
		i = skipSpace(s, i+1)
	}
}

// forEachElement calls fn with each element of the valid JSON array v, as
// v.ForEach would, until fn returns false.
func forEachElement(v gjson.Result, fn func(val gjson.Result) bool) {
	s := v.Raw
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '[' {
		return
	}
	i = skipSpace(s, i+1)
	for i < len(s) && s[i] != ']' {
		ve := skipValid(s, i)
		if !fn(nestedResult(v, s, i, ve)) {
			return
		}
		i = skipSpace(s, ve)
		if i >= len(s) || s[i] != ',' {
			return
		}
		i = skipSpace(s, i+1)
	}
}

// nestedResult returns the gjson value s[vs:ve] of the value v, with its
// Index counted in the JSON v came from, as gjson does.
func nestedResult(v gjson.Result, s string, vs, ve int) gjson.Result {
	r := valueResult(s, vs, ve)
	if v.Index > 0 {
		r.Index += v.Index
	} else {
		r.Index = 0
	}
	return r
}

// walkMembers calls fn for each top-level member of raw: the members
// walked lists when it is not nil (raw is then known to be a valid
// object), else those walkObject finds as it validates raw.
func walkMembers(raw []byte, walked []memberPos, fn func(key string, v gjson.Result)) (string, bool) {
	if walked == nil {
		return walkObject(raw, fn)
	}
	s := bytesString(raw)
	for _, m := range walked {
		key := s[m.ks+1 : m.ke-1]
		if m.kesc {
			key = gjson.Parse(s[m.ks:m.ke]).Str
		}
		if m.vesc || raw[m.vs] == '"' {
			fn(key, stringResult(s, int(m.vs), int(m.ve), m.vesc))
		} else {
			fn(key, valueResult(s, int(m.vs), int(m.ve)))
		}
	}
	return "object", true
}

// memberPos locates one top-level member of a record, relative to the
// record's first byte.
type memberPos struct {
	ks, ke int32 // the key, quotes included
	vs, ve int32 // the value
	kesc   bool  // the key has escapes
	vesc   bool  // the value is a string with escapes
}

// memberWalk validates a record in the Reader's buffer and notes its
// top-level members, in one pass.
type memberWalk struct {
	keyView
	members []memberPos
}

// run validates the object at b[p] and returns the position after it. It
// reports false when the object is invalid or goes on past the end of b;
// the caller then finds the end of the value another way.
func (w *memberWalk) run(b []byte, p int) (int, bool) {
	w.keyView = keyView{obj: true, srcS: -1, nameS: -1}
	w.members = w.members[:0]
	i := skipSpace(b, p+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return i, false
		}
		ks := i
		ke, kesc, ok := validString(b, i+1)
		if !ok {
			return ke, false
		}
		i = skipSpace(b, ke)
		if i >= len(b) || b[i] != ':' {
			return i, false
		}
		vs := skipSpace(b, i+1)
		if vs >= len(b) {
			return vs, false
		}
		var ve int
		vesc := false
		str := b[vs] == '"'
		if str {
			ve, vesc, ok = validString(b, vs+1)
		} else {
			ve, ok = validValue(b, vs)
		}
		if !ok {
			return ve, false
		}
		if ve-p > 1<<31-1 {
			return ve, false
		}
		w.members = append(w.members, memberPos{ks: int32(ks - p), ke: int32(ke - p), vs: int32(vs - p), ve: int32(ve - p), kesc: kesc, vesc: vesc})
		c := keyClass(b[ks+1 : ke-1])
		if kesc && c == 0 {
			w.odd = true
		}
		w.mask |= c
		switch c & (keySource | keyName) {
		case keySource:
			if str {
				w.srcS, w.srcE = vs+1, ve-1
			} else {
				w.srcS, w.odd = -1, true
			}
		case keyName:
			if str {
				w.nameS, w.nameE = vs+1, ve-1
			} else {
				w.nameS, w.odd = -1, true
			}
		}
		i = skipSpace(b, ve)
		if i >= len(b) {
			return i, false
		}
		if b[i] == '}' {
			return i + 1, true
		}
		if b[i] != ',' {
			return i, false
		}
		i = skipSpace(b, i+1)
	}
}
