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

func skipSpace(b []byte, i int) int {
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
		ve, ok := validValue(raw, vs)
		if !ok {
			return "", false
		}
		fn(key, valueResult(s, vs, ve))
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

// stringEnd returns the position after the closing quote of the string
// whose text starts at s[i].
func stringEnd(s string, i int) int {
	from := i
	for {
		j := strings.IndexByte(s[i:], '"')
		if j < 0 {
			return len(s)
		}
		q := i + j
		n := 0
		for k := q - 1; k >= from && s[k] == '\\'; k-- {
			n++
		}
		if n&1 == 0 {
			return q + 1
		}
		i = q + 1
	}
}

// forEachMember calls fn with the key and value of each member of the
// valid JSON object v, as v.ForEach would, until fn returns false.
func forEachMember(v gjson.Result, fn func(key string, val gjson.Result) bool) {
	s := v.Raw
	i := skipSpaceString(s, 0)
	if i >= len(s) || s[i] != '{' {
		return
	}
	i = skipSpaceString(s, i+1)
	for i < len(s) && s[i] == '"' {
		ke := stringEnd(s, i+1)
		key := s[i+1 : ke-1]
		if strings.IndexByte(key, '\\') >= 0 {
			key = gjson.Parse(s[i:ke]).Str
		}
		i = skipSpaceString(s, ke)
		if i >= len(s) || s[i] != ':' {
			return
		}
		vs := skipSpaceString(s, i+1)
		if vs >= len(s) {
			return
		}
		ve := skipValid(s, vs)
		if !fn(key, nestedResult(v, s, vs, ve)) {
			return
		}
		i = skipSpaceString(s, ve)
		if i >= len(s) || s[i] != ',' {
			return
		}
		i = skipSpaceString(s, i+1)
	}
}

// forEachElement calls fn with each element of the valid JSON array v, as
// v.ForEach would, until fn returns false.
func forEachElement(v gjson.Result, fn func(val gjson.Result) bool) {
	s := v.Raw
	i := skipSpaceString(s, 0)
	if i >= len(s) || s[i] != '[' {
		return
	}
	i = skipSpaceString(s, i+1)
	for i < len(s) && s[i] != ']' {
		ve := skipValid(s, i)
		if !fn(nestedResult(v, s, i, ve)) {
			return
		}
		i = skipSpaceString(s, ve)
		if i >= len(s) || s[i] != ',' {
			return
		}
		i = skipSpaceString(s, i+1)
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

func skipSpaceString(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}
