package wire

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// Conversion errors, the Err of the FieldErrors a Decoder records.
var (
	ErrNotInteger   = errors.New("not an integral number")
	ErrRange        = errors.New("number out of range")
	ErrNotNumber    = errors.New("not a number")
	ErrNotBoolean   = errors.New("not a boolean")
	ErrUnionMembers = errors.New("union has more than one member")
)

type frameKind uint8

const (
	kindStruct frameKind = iota
	kindList
	kindMap
	kindUnion
)

// frame is one open object or array of the document.
type frame struct {
	key      string                 // struct, map, union: the current member's key as written
	owner    *cloudtrail.RawMembers // list, map, union: where the whole value goes when dirty
	ownerKey string                 // the key under which it goes there
	start    int                    // offset of the opening bracket
	n        int                    // members or elements begun so far
	set      int                    // union: members with a value
	kind     frameKind
	dirty    bool // list, map, union: an element did not convert or was null
}

// slab sizes: scalars behind the pointer fields of the typed structures are
// carved from chunks instead of being allocated one by one.
const (
	slabStrings = 64
	slabNumbers = 128
)

// carve stores v in the chunk *slab, starting a new chunk when it is full,
// and returns a pointer to it. Chunks are never written twice, so the
// pointers stay valid (and the chunk alive) however long they are kept.
func carve[T any](slab *[]T, v T, size int) *T {
	if len(*slab) == cap(*slab) {
		*slab = make([]T, 0, size)
	}
	*slab = append(*slab, v)
	return &(*slab)[len(*slab)-1]
}

// A Decoder reads one JSON document at a time for generated code. The zero
// Decoder is ready to use; NewDecoder takes one from a pool.
//
// The methods that read a value take owner, the RawMembers of the structure
// whose member is being read. A value that does not fit (or null) is kept
// there under the member's key; with a nil owner (an element of a list, map
// or union) the enclosing list, map or union is marked to be kept whole.
type Decoder struct {
	s       string // the document
	pos     int
	err     error // first syntax error; it ends the decode
	root    string
	frames  []frame
	stack   []byte // containers open in skip
	errs    cloudtrail.FieldErrors
	dropped bool // the last popped frame was dirty

	strs  []string
	i32   []int32
	i64   []int64
	f32   []float32
	f64   []float64
	bools []bool
}

var pool = sync.Pool{New: func() any { return new(Decoder) }}

// NewDecoder returns a Decoder from a pool; Release returns it.
func NewDecoder() *Decoder { return pool.Get().(*Decoder) }

// Release returns d to the pool. d must not be used afterwards.
func (d *Decoder) Release() {
	d.s, d.root, d.err, d.errs = "", "", nil, nil
	clear(d.frames[:cap(d.frames)])
	d.frames = d.frames[:0]
	pool.Put(d)
}

// Open starts the document data; root prefixes the paths of its field errors
// ("requestParameters"). It reports whether data is an object, which the
// caller then reads with NextKey. Empty data and null give false; any other
// value gives false and a FieldError wanting a structure. Call Close when
// done with the document.
func (d *Decoder) Open(data []byte, root string) bool {
	return d.open(string(data), root)
}

// OpenShared is Open without copying data: the strings of the decoded
// values share its memory, so data must not change while they are in use.
// It is for the bytes of a cloudtrail.Event, which never change them.
func (d *Decoder) OpenShared(data []byte, root string) bool {
	if len(data) == 0 {
		return d.open("", root)
	}
	return d.open(unsafe.String(unsafe.SliceData(data), len(data)), root)
}

func (d *Decoder) open(s, root string) bool {
	d.s, d.pos, d.root = s, 0, root
	d.frames = d.frames[:0]
	if d.err != nil {
		return false
	}
	d.pos = skipSpace(d.s, 0)
	if d.pos == len(d.s) {
		return false
	}
	if d.s[d.pos] == '{' {
		d.pos++
		return d.push(kindStruct, nil, d.pos-1)
	}
	if d.s[d.pos] == 'n' {
		d.null()
		return false
	}
	d.reject(nil, "structure", nil)
	return false
}

// Close ends the document: only spaces may follow its value.
func (d *Decoder) Close() {
	if d.err == nil && skipSpace(d.s, d.pos) != len(d.s) {
		d.syntax("data after the JSON value")
	}
	d.s = ""
}

// Err returns the syntax error that ended the decode, if any.
func (d *Decoder) Err() error { return d.err }

// FieldErrors returns the values that did not convert, in document order.
func (d *Decoder) FieldErrors() cloudtrail.FieldErrors { return d.errs }

// Result returns Err when set, else the FieldErrors as an error, else nil.
func (d *Decoder) Result() error {
	if d.err != nil {
		return d.err
	}
	if len(d.errs) > 0 {
		return d.errs
	}
	return nil
}

func (d *Decoder) syntax(msg string) {
	if d.err == nil {
		d.err = &SyntaxError{Offset: d.pos, Msg: msg}
	}
}

// peek returns the next byte that is not a space, or 0 (with a syntax error)
// at the end of the input.
func (d *Decoder) peek() byte {
	if d.pos < len(d.s) {
		if c := d.s[d.pos]; c > ' ' {
			return c
		}
	}
	return d.peekSpace()
}

func (d *Decoder) peekSpace() byte {
	s, i := d.s, d.pos
	// One space, as after the colons of indented records.
	if i+1 < len(s) && s[i] == ' ' && s[i+1] > ' ' {
		d.pos = i + 1
		return s[i+1]
	}
	for i < len(s) {
		switch s[i] {
		case ' ':
			// Indented records have long runs of spaces: eight at a time.
			if i+8 <= len(s) && s[i:i+8] == "        " {
				i += 8
				continue
			}
			i++
		case '\n', '\r', '\t':
			i++
		default:
			d.pos = i
			return s[i]
		}
	}
	d.pos = i
	d.syntax("unexpected end of input")
	return 0
}

func (d *Decoder) push(k frameKind, owner *cloudtrail.RawMembers, start int) bool {
	if len(d.frames) >= MaxDepth {
		if d.err == nil {
			d.err = ErrDepth
		}
		return false
	}
	var ownerKey string
	if owner != nil && len(d.frames) > 0 {
		ownerKey = d.frames[len(d.frames)-1].key
	}
	d.frames = append(d.frames, frame{kind: k, owner: owner, ownerKey: ownerKey, start: start})
	return true
}

// pop closes the innermost frame after its closing bracket was read. A dirty
// list, map or union is kept whole with its owner, or marks its parent.
func (d *Decoder) pop() {
	n := len(d.frames) - 1
	f := &d.frames[n]
	if f.kind == kindUnion && f.set == 0 {
		f.dirty = true
	}
	d.dropped = f.dirty
	if f.dirty {
		if f.owner != nil {
			*f.owner = append(*f.owner, cloudtrail.RawMember{Name: f.ownerKey, Value: json.RawMessage(d.s[f.start:d.pos])})
		} else if n > 0 {
			d.frames[n-1].dirty = true
		}
	}
	d.frames = d.frames[:n] // Release clears the popped frames
}

// Dropped reports whether the list, map or union just finished had an
// element that did not convert (or was null), so that it was kept whole as
// raw JSON; its typed field is then left unset.
func (d *Decoder) Dropped() bool { return d.dropped }

// NextKey advances to the next member of the current object and reports
// whether there is one; Key returns its key. At the end of the object it
// closes it and returns false.
func (d *Decoder) NextKey() bool {
	if d.err != nil {
		return false
	}
	f := &d.frames[len(d.frames)-1]
	c := d.peek()
	if c == '}' {
		d.pos++
		d.pop()
		return false
	}
	if f.n > 0 {
		if c != ',' {
			d.syntax("expected , or } after object member")
			return false
		}
		d.pos++
		c = d.peek()
	}
	if c != '"' {
		d.syntax("expected object key")
		return false
	}
	end, esc, msg := scanString(d.s, d.pos)
	if end < 0 {
		d.syntax(msg)
		return false
	}
	key := d.s[d.pos+1 : end-1]
	if esc {
		key = unescape(key)
	}
	d.pos = end
	if d.peek() != ':' {
		d.syntax("expected : after object key")
		return false
	}
	d.pos++
	f.key = key
	f.n++
	return true
}

// Key returns the key of the current member, as written.
func (d *Decoder) Key() string {
	if len(d.frames) == 0 {
		return ""
	}
	return d.frames[len(d.frames)-1].key
}

// NextElem advances to the next element of the current array and reports
// whether there is one. At the end of the array it closes it and returns
// false.
func (d *Decoder) NextElem() bool {
	if d.err != nil {
		return false
	}
	f := &d.frames[len(d.frames)-1]
	c := d.peek()
	if c == ']' {
		d.pos++
		d.pop()
		return false
	}
	if f.n > 0 {
		if c != ',' {
			d.syntax("expected , or ] after array element")
			return false
		}
		d.pos++
	}
	f.n++
	return true
}

// BeginStruct reports whether the next value is an object, and if so opens
// it for NextKey.
func (d *Decoder) BeginStruct(owner *cloudtrail.RawMembers) bool {
	c := d.peek()
	if c == '{' {
		d.pos++
		return d.push(kindStruct, nil, d.pos-1)
	}
	d.other(owner, "structure", c)
	return false
}

// BeginMap reports whether the next value is an object, and if so opens it
// for NextKey as a map.
func (d *Decoder) BeginMap(owner *cloudtrail.RawMembers) bool {
	c := d.peek()
	if c == '{' {
		d.pos++
		return d.push(kindMap, owner, d.pos-1)
	}
	d.other(owner, "map", c)
	return false
}

// BeginUnion reports whether the next value is an object, and if so opens it
// for NextKey and UnionMember.
func (d *Decoder) BeginUnion(owner *cloudtrail.RawMembers) bool {
	c := d.peek()
	if c == '{' {
		d.pos++
		return d.push(kindUnion, owner, d.pos-1)
	}
	d.other(owner, "union", c)
	return false
}

// BeginList reports whether the next value is an array, and if so opens it
// for NextElem.
func (d *Decoder) BeginList(owner *cloudtrail.RawMembers) bool {
	c := d.peek()
	if c == '[' {
		d.pos++
		return d.push(kindList, owner, d.pos-1)
	}
	d.other(owner, "list", c)
	return false
}

// UnionMember reports whether the member at hand is the value of the
// current union. A null member is skipped; a second member with a value is a
// FieldError, and the union is kept whole as raw JSON.
func (d *Decoder) UnionMember() bool {
	f := &d.frames[len(d.frames)-1]
	if c := d.peek(); c == 'n' {
		d.null()
		return false
	}
	if f.set > 0 {
		d.reject(nil, "union", ErrUnionMembers)
		return false
	}
	f.set++
	return true
}

// other handles a value that is not the kind a field wants: null is kept
// without error, anything else is a FieldError.
func (d *Decoder) other(owner *cloudtrail.RawMembers, want string, c byte) {
	if d.err != nil {
		return
	}
	if c == 'n' {
		if d.null() {
			d.keep(owner, "null")
		}
		return
	}
	d.reject(owner, want, nil)
}

// null reads the literal null.
func (d *Decoder) null() bool {
	i := scanLiteral(d.s, d.pos, "null")
	if i < 0 {
		d.syntax("invalid literal")
		return false
	}
	d.pos = i
	return true
}

// reject skips the next value and records it as a FieldError.
func (d *Decoder) reject(owner *cloudtrail.RawMembers, want string, err error) {
	start := d.pos
	d.skip()
	d.fail(owner, start, want, err)
}

// fail records the value d.s[start:d.pos], already read, as a FieldError
// and keeps it.
func (d *Decoder) fail(owner *cloudtrail.RawMembers, start int, want string, err error) {
	if d.err != nil {
		return
	}
	if err == nil {
		err = cloudtrail.ErrConvert
	}
	raw := d.s[start:d.pos]
	d.errs = append(d.errs, &cloudtrail.FieldError{Path: d.path(), Raw: raw, Want: want, Err: err})
	d.keep(owner, raw)
}

// keep stores a raw value that has no typed place: with the structure owner
// under the current key, or else by marking the enclosing frame dirty.
func (d *Decoder) keep(owner *cloudtrail.RawMembers, raw string) {
	if owner != nil {
		*owner = append(*owner, cloudtrail.RawMember{Name: d.Key(), Value: json.RawMessage(raw)})
	} else if n := len(d.frames); n > 0 {
		d.frames[n-1].dirty = true
	}
}

// path is the JSON path of the value at hand.
func (d *Decoder) path() string {
	b := make([]byte, 0, 96)
	b = append(b, d.root...)
	for i := range d.frames {
		f := &d.frames[i]
		if f.kind == kindList {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(f.n-1), 10)
			b = append(b, ']')
			continue
		}
		if len(b) > 0 {
			b = append(b, '.')
		}
		b = append(b, f.key...)
	}
	return string(b)
}

// Unknown keeps the value of a member the model does not have.
func (d *Decoder) Unknown(owner *cloudtrail.RawMembers) {
	if d.err != nil {
		return
	}
	d.peek()
	start := d.pos
	d.skip()
	if d.err == nil {
		d.keep(owner, d.s[start:d.pos])
	}
}

// Skip skips the next value.
func (d *Decoder) Skip() {
	if d.err == nil {
		d.peek()
		d.skip()
	}
}

// RawValue returns a copy of the next value as written.
func (d *Decoder) RawValue() json.RawMessage {
	if d.err != nil {
		return nil
	}
	d.peek()
	start := d.pos
	d.skip()
	if d.err != nil {
		return nil
	}
	return json.RawMessage(d.s[start:d.pos])
}

// str reads the string at d.pos.
func (d *Decoder) str() (string, bool) {
	end, esc, msg := scanString(d.s, d.pos)
	if end < 0 {
		d.syntax(msg)
		return "", false
	}
	v := d.s[d.pos+1 : end-1]
	if esc {
		v = unescape(v)
	}
	d.pos = end
	return v, true
}

// StringValue reads a string.
func (d *Decoder) StringValue(owner *cloudtrail.RawMembers) (string, bool) {
	c := d.peek()
	if c == '"' {
		return d.str()
	}
	d.other(owner, "string", c)
	return "", false
}

// String reads an optional string.
func (d *Decoder) String(owner *cloudtrail.RawMembers) *string {
	v, ok := d.StringValue(owner)
	if !ok {
		return nil
	}
	return carve(&d.strs, v, slabStrings)
}

// Enum reads the value of an enum, a string. The empty string, which would
// read as absent, is kept as raw JSON like null.
func (d *Decoder) Enum(owner *cloudtrail.RawMembers) string {
	c := d.peek()
	if c != '"' {
		d.other(owner, "enum", c)
		return ""
	}
	v, ok := d.str()
	if ok && v == "" {
		d.keep(owner, `""`)
	}
	return v
}

// EnumValue reads the value of an enum for a list or map, reporting whether
// it is a non-empty string.
func (d *Decoder) EnumValue(owner *cloudtrail.RawMembers) (string, bool) {
	v := d.Enum(owner)
	return v, v != ""
}

// number reads a number, or a string holding a number, and returns its
// text; start is where the value began.
func (d *Decoder) number(owner *cloudtrail.RawMembers, want string) (text string, integer bool, start int, ok bool) {
	c := d.peek()
	start = d.pos
	switch {
	case c == '-' || isDigit(c):
		end, integer := scanNumber(d.s, d.pos)
		if end < 0 {
			d.syntax("invalid number")
			return "", false, start, false
		}
		d.pos = end
		return d.s[start:end], integer, start, true
	case c == '"':
		v, ok := d.str()
		if !ok {
			return "", false, start, false
		}
		end, integer := scanNumber(v, 0)
		if end != len(v) {
			d.fail(owner, start, want, ErrNotNumber)
			return "", false, start, false
		}
		return v, integer, start, true
	}
	d.other(owner, want, c)
	return "", false, start, false
}

// parseInt converts a number's text to an integer in [lo, hi]. Numbers with
// a fraction or an exponent, such as 90.0 or 9e1, convert when their value is
// integral; the conversion is exact, also beyond 2^53.
func parseInt(text string, integer bool, lo, hi int64) (int64, error) {
	if integer && len(text) <= 18 {
		neg := text[0] == '-'
		i := 0
		if neg {
			i = 1
		}
		var v int64
		for ; i < len(text); i++ {
			v = v*10 + int64(text[i]-'0')
		}
		if neg {
			v = -v
		}
		if v < lo || v > hi {
			return 0, ErrRange
		}
		return v, nil
	}
	if !integer {
		var err error
		if text, err = integralText(text); err != nil {
			return 0, err
		}
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil || v < lo || v > hi {
		return 0, ErrRange
	}
	return v, nil
}

// integralText rewrites a JSON number with a fraction or an exponent as the
// digits of the integer it equals, or fails with ErrNotInteger when it is
// not integral and with ErrRange when it is too large for any int64.
func integralText(text string) (string, error) {
	sign := ""
	if text[0] == '-' {
		sign, text = "-", text[1:]
	}
	mant, exp := text, 0
	if i := strings.IndexAny(text, "eE"); i >= 0 {
		mant = text[:i]
		e, err := strconv.Atoi(strings.TrimPrefix(text[i+1:], "+"))
		if err != nil || e > 1000 || e < -1000 {
			e = 1001 // beyond any int64 either way
			if strings.HasPrefix(text[i+1:], "-") {
				e = -1001
			}
		}
		exp = e
	}
	digits := mant
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		digits = mant[:i] + mant[i+1:]
		exp -= len(mant) - i - 1
	}
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return "0", nil
	}
	if exp < 0 {
		if -exp > len(digits) || strings.TrimRight(digits[len(digits)+exp:], "0") != "" {
			return "", ErrNotInteger
		}
		digits = digits[:len(digits)+exp]
		if digits == "" {
			return "0", nil
		}
	} else if exp > 0 {
		if len(digits)+exp > 19 {
			return "", ErrRange
		}
		digits += strings.Repeat("0", exp)
	}
	return sign + digits, nil
}

// IntValue reads an integer in [lo, hi]; want names the model type.
func (d *Decoder) IntValue(owner *cloudtrail.RawMembers, want string, lo, hi int64) (int64, bool) {
	text, integer, start, ok := d.number(owner, want)
	if !ok {
		return 0, false
	}
	v, err := parseInt(text, integer, lo, hi)
	if err != nil {
		d.fail(owner, start, want, err)
		return 0, false
	}
	return v, true
}

// Int32Value reads an integer.
func (d *Decoder) Int32Value(owner *cloudtrail.RawMembers) (int32, bool) {
	v, ok := d.IntValue(owner, "integer", math.MinInt32, math.MaxInt32)
	return int32(v), ok
}

// Int32 reads an optional integer.
func (d *Decoder) Int32(owner *cloudtrail.RawMembers) *int32 {
	v, ok := d.Int32Value(owner)
	if !ok {
		return nil
	}
	return carve(&d.i32, v, slabNumbers)
}

// Int64Value reads a long.
func (d *Decoder) Int64Value(owner *cloudtrail.RawMembers) (int64, bool) {
	return d.IntValue(owner, "long", math.MinInt64, math.MaxInt64)
}

// Int64 reads an optional long.
func (d *Decoder) Int64(owner *cloudtrail.RawMembers) *int64 {
	v, ok := d.Int64Value(owner)
	if !ok {
		return nil
	}
	return carve(&d.i64, v, slabNumbers)
}

// Int16Value reads a short.
func (d *Decoder) Int16Value(owner *cloudtrail.RawMembers) (int16, bool) {
	v, ok := d.IntValue(owner, "short", math.MinInt16, math.MaxInt16)
	return int16(v), ok
}

// Int16 reads an optional short.
func (d *Decoder) Int16(owner *cloudtrail.RawMembers) *int16 {
	if v, ok := d.Int16Value(owner); ok {
		return &v
	}
	return nil
}

// Int8Value reads a byte.
func (d *Decoder) Int8Value(owner *cloudtrail.RawMembers) (int8, bool) {
	v, ok := d.IntValue(owner, "byte", math.MinInt8, math.MaxInt8)
	return int8(v), ok
}

// Int8 reads an optional byte.
func (d *Decoder) Int8(owner *cloudtrail.RawMembers) *int8 {
	if v, ok := d.Int8Value(owner); ok {
		return &v
	}
	return nil
}

// Float64Value reads a double.
func (d *Decoder) Float64Value(owner *cloudtrail.RawMembers) (float64, bool) {
	text, _, start, ok := d.number(owner, "double")
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		d.fail(owner, start, "double", ErrRange)
		return 0, false
	}
	return v, true
}

// Float64 reads an optional double.
func (d *Decoder) Float64(owner *cloudtrail.RawMembers) *float64 {
	v, ok := d.Float64Value(owner)
	if !ok {
		return nil
	}
	return carve(&d.f64, v, slabNumbers)
}

// Float32Value reads a float.
func (d *Decoder) Float32Value(owner *cloudtrail.RawMembers) (float32, bool) {
	text, _, start, ok := d.number(owner, "float")
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(text, 32)
	if err != nil {
		d.fail(owner, start, "float", ErrRange)
		return 0, false
	}
	return float32(v), true
}

// Float32 reads an optional float.
func (d *Decoder) Float32(owner *cloudtrail.RawMembers) *float32 {
	v, ok := d.Float32Value(owner)
	if !ok {
		return nil
	}
	return carve(&d.f32, v, slabNumbers)
}

// BoolValue reads a boolean: true, false, or a string "true" or "false" in
// any ASCII case.
func (d *Decoder) BoolValue(owner *cloudtrail.RawMembers) (bool, bool) {
	c := d.peek()
	switch c {
	case 't':
		if i := scanLiteral(d.s, d.pos, "true"); i >= 0 {
			d.pos = i
			return true, true
		}
		d.syntax("invalid literal")
		return false, false
	case 'f':
		if i := scanLiteral(d.s, d.pos, "false"); i >= 0 {
			d.pos = i
			return false, true
		}
		d.syntax("invalid literal")
		return false, false
	case '"':
		start := d.pos
		v, ok := d.str()
		if !ok {
			return false, false
		}
		switch {
		case strings.EqualFold(v, "true"):
			return true, true
		case strings.EqualFold(v, "false"):
			return false, true
		}
		d.fail(owner, start, "boolean", ErrNotBoolean)
		return false, false
	}
	d.other(owner, "boolean", c)
	return false, false
}

// Bool reads an optional boolean.
func (d *Decoder) Bool(owner *cloudtrail.RawMembers) *bool {
	v, ok := d.BoolValue(owner)
	if !ok {
		return nil
	}
	return carve(&d.bools, v, slabNumbers)
}

// TimeValue reads a timestamp in any form cloudtrail.ParseTime accepts,
// written as a number or a string. The value as written is kept in Raw.
func (d *Decoder) TimeValue(owner *cloudtrail.RawMembers) (cloudtrail.Time, bool) {
	c := d.peek()
	start := d.pos
	var text string
	switch {
	case c == '-' || isDigit(c):
		end, _ := scanNumber(d.s, d.pos)
		if end < 0 {
			d.syntax("invalid number")
			return cloudtrail.Time{}, false
		}
		d.pos = end
		text = d.s[start:end]
	case c == '"':
		v, ok := d.str()
		if !ok {
			return cloudtrail.Time{}, false
		}
		text = v
	default:
		d.other(owner, "timestamp", c)
		return cloudtrail.Time{}, false
	}
	t, err := cloudtrail.ParseTime(text)
	if err != nil {
		d.fail(owner, start, "timestamp", err)
		return cloudtrail.Time{}, false
	}
	return cloudtrail.Time{Time: t, Raw: d.s[start:d.pos]}, true
}

// Time reads an optional timestamp.
func (d *Decoder) Time(owner *cloudtrail.RawMembers) *cloudtrail.Time {
	if v, ok := d.TimeValue(owner); ok {
		return &v
	}
	return nil
}

// BlobValue reads a blob, a base64 string.
func (d *Decoder) BlobValue(owner *cloudtrail.RawMembers) ([]byte, bool) {
	c := d.peek()
	if c != '"' {
		d.other(owner, "blob", c)
		return nil, false
	}
	start := d.pos
	v, ok := d.str()
	if !ok {
		return nil, false
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		d.fail(owner, start, "blob", err)
		return nil, false
	}
	return b, true
}

// Blob reads an optional blob.
func (d *Decoder) Blob(owner *cloudtrail.RawMembers) []byte {
	b, _ := d.BlobValue(owner)
	return b
}

// DocumentValue reads any JSON value as written.
func (d *Decoder) DocumentValue(owner *cloudtrail.RawMembers) (json.RawMessage, bool) {
	v := d.RawValue()
	return v, v != nil
}

// Document reads an optional document, any JSON value.
func (d *Decoder) Document(owner *cloudtrail.RawMembers) json.RawMessage {
	return d.RawValue()
}

// skip skips the value at d.pos, which must not be space, checking that it
// is well-formed; it does not allocate once d.stack has grown.
func (d *Decoder) skip() {
	if d.err != nil {
		return
	}
	s := d.s
	i := d.pos
	stack := d.stack[:0]
	defer func() { d.stack = stack }()
	fail := func(at int, msg string) {
		d.pos = at
		d.syntax(msg)
	}
	for {
		i = skipSpace(s, i)
		if i >= len(s) {
			fail(i, "unexpected end of input")
			return
		}
		switch c := s[i]; c {
		case '{', '[':
			if len(d.frames)+len(stack) >= MaxDepth {
				d.pos = i
				if d.err == nil {
					d.err = ErrDepth
				}
				return
			}
			i = skipSpace(s, i+1)
			if i < len(s) && (c == '{' && s[i] == '}' || c == '[' && s[i] == ']') {
				i++
				break
			}
			stack = append(stack, c)
			if c == '{' {
				if i = skipKey(s, i); i < 0 {
					fail(-i, "invalid object key")
					return
				}
			}
			continue
		case '"':
			end, _, msg := scanString(s, i)
			if end < 0 {
				fail(i, msg)
				return
			}
			i = end
		case 't':
			if i = scanLiteral(s, i, "true"); i < 0 {
				fail(d.pos, "invalid literal")
				return
			}
		case 'f':
			if i = scanLiteral(s, i, "false"); i < 0 {
				fail(d.pos, "invalid literal")
				return
			}
		case 'n':
			if i = scanLiteral(s, i, "null"); i < 0 {
				fail(d.pos, "invalid literal")
				return
			}
		default:
			end, _ := scanNumber(s, i)
			if end < 0 {
				fail(i, "invalid value")
				return
			}
			i = end
		}
		// After a value: close containers until a comma starts the next.
		for {
			if len(stack) == 0 {
				d.pos = i
				return
			}
			i = skipSpace(s, i)
			if i >= len(s) {
				fail(i, "unexpected end of input")
				return
			}
			c, top := s[i], stack[len(stack)-1]
			if c == ',' {
				i++
				if top == '{' {
					if i = skipKey(s, skipSpace(s, i)); i < 0 {
						fail(-i, "invalid object key")
						return
					}
				}
				break
			}
			if top == '{' && c == '}' || top == '[' && c == ']' {
				i++
				stack = stack[:len(stack)-1]
				continue
			}
			fail(i, "expected , or closing bracket")
			return
		}
	}
}

// skipKey skips an object key and its colon at s[i]; it returns the offset
// after the colon, or -offset of the error.
func skipKey(s string, i int) int {
	if i >= len(s) || s[i] != '"' {
		return -i
	}
	end, _, _ := scanString(s, i)
	if end < 0 {
		return -i
	}
	end = skipSpace(s, end)
	if end >= len(s) || s[end] != ':' {
		return -end
	}
	return end + 1
}
