package wire

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// maxDepth is how deeply typed values may nest: deeper values (possible
// only through recursive shapes) do not convert. Values that no field
// types are skipped without recursion at any depth.
const maxDepth = 1000

// slabBytes is the size of the chunks from which the scalars behind the
// pointer fields of the typed structures are carved, instead of being
// allocated one by one.
const slabBytes = 1024

// put stores v in the slot p, or with ptr in the chunk slab and a pointer
// to it in p. It returns true.
func put[T any](p unsafe.Pointer, ptr bool, v T, slab *[]T) bool {
	if ptr {
		*(**T)(p) = carve(slab, v)
	} else {
		*(*T)(p) = v
	}
	return true
}

// carve stores v in the chunk *slab, starting a new chunk when it is full,
// and returns a pointer to it. Chunks are never written twice, so the
// pointers stay valid (and the chunk alive) however long they are kept.
func carve[T any](slab *[]T, v T) *T {
	if len(*slab) == cap(*slab) {
		*slab = make([]T, 0, max(1, slabBytes/int(unsafe.Sizeof(v))))
	}
	*slab = append(*slab, v)
	return &(*slab)[len(*slab)-1]
}

// chunk is the unused rest of a block of structures of one type.
type chunk struct {
	next unsafe.Pointer
	left int
}

// newStruct returns a new zero structure of type t, from the decoder's
// current block of them: nested structures cost an allocation per block,
// not each. A block stays alive while any of its structures is used, like
// the decoder's chunks of scalars.
func (d *decoder) newStruct(t *typeInfo) unsafe.Pointer {
	if t.id >= len(d.chunks) {
		d.chunks = append(d.chunks, make([]chunk, t.id+1-len(d.chunks))...)
	}
	c := &d.chunks[t.id]
	if c.left == 0 {
		c.next, c.left = t.newBlock(), t.chunkLen
	}
	p := c.next
	c.left--
	if c.left > 0 {
		c.next = unsafe.Add(p, t.typ.Size())
	} else {
		c.next = nil // never a pointer past the end of the block
	}
	return p
}

// step is one open container of typed values, for the paths of errors. It
// holds no pointer, so that the decoder's bookkeeping costs no write
// barriers.
type step struct {
	at    int // objects: the offset of the opening quote of the key at hand
	index int // lists: the element at hand; -1 for objects
}

// decoder reads one JSON document into typed values by their tables.
// Values that do not fit are never fatal: the decoder records a
// *cloudtrail.FieldError with the value's JSON path and the caller keeps
// the value as written. Only malformed JSON stops a decode.
type decoder struct {
	s    string // the document
	pos  int
	err  *jsonscan.Error // the first syntax error; it ends the decode
	root string
	path []step
	errs cloudtrail.FieldErrors
	// asWritten is set when a scalar converted but is written in another
	// form than the encoder writes its value (a number in a string, 90.0,
	// more digits than a float64 keeps): the member that holds it is then
	// kept as written too, so that encoding gives it back unchanged.
	asWritten bool

	chunks []chunk // by structure id: the rest of the block of each type

	strs  []string
	i8    []int8
	i16   []int16
	i32   []int32
	i64   []int64
	f32   []float32
	f64   []float64
	bools []bool
	times []cloudtrail.Time
}

var decoders = sync.Pool{New: func() any { return new(decoder) }}

func newDecoder() *decoder { return decoders.Get().(*decoder) }

// release returns d to the pool.
func (d *decoder) release() {
	d.s, d.root, d.err, d.errs = "", "", nil, nil
	d.path = d.path[:0]
	decoders.Put(d)
}

// document decodes s, which should hold an object, into the structure t at
// dst, or into a new one when dst is nil, and returns a pointer to it; root
// prefixes the paths of its errors. For an empty document, null, and any
// value that is not an object (a FieldError) it returns nil.
func (d *decoder) document(s, root string, t *typeInfo, dst unsafe.Pointer) unsafe.Pointer {
	if d.err != nil {
		return nil // the decode has failed already
	}
	d.s, d.pos, d.root = s, 0, root
	d.path = d.path[:0]
	d.pos = jsonscan.SkipSpace(s, 0)
	if d.pos == len(s) {
		return nil
	}
	var p unsafe.Pointer
	if s[d.pos] == '{' {
		p = dst
		if p == nil {
			p = t.newValue()
		}
		d.object(t, p)
	} else {
		d.value(t, nil, false)
	}
	if d.err == nil && jsonscan.SkipSpace(s, d.pos) != len(s) {
		d.syntax("data after the JSON value")
	}
	return p
}

// syntax records a syntax error at d.pos; the first one ends the decode.
func (d *decoder) syntax(msg string) {
	if d.err == nil {
		d.err = &jsonscan.Error{Offset: d.pos, Msg: msg}
	}
}

// syntaxError is the error for malformed JSON in a document: the
// package's ErrSyntax, with where and why.
func (d *decoder) syntaxError() error {
	where := d.root
	if where == "" {
		where = "the object"
	}
	return fmt.Errorf("cloudtrail: %w: %s at offset %d of %s", cloudtrail.ErrSyntax, d.err.Msg, d.err.Offset, where)
}

// spaces is eight spaces, as a word.
const spaces = 0x2020202020202020

// ws returns the byte at d.pos after skipping spaces, or 0 at the end of
// the input, which is a syntax error.
func (d *decoder) ws() byte {
	if d.pos < len(d.s) {
		if c := d.s[d.pos]; c > ' ' {
			return c
		}
	}
	return d.wsSlow()
}

func (d *decoder) wsSlow() byte {
	s, i := d.s, d.pos
	for i < len(s) {
		switch s[i] {
		case ' ', '\n', '\r', '\t':
			i++
			// Indented records have runs of spaces: eight at a time.
			for i+8 <= len(s) {
				if x := jsonscan.Load64(s, i) ^ spaces; x != 0 {
					i += bits.TrailingZeros64(x) >> 3
					break
				}
				i += 8
			}
		default:
			d.pos = i
			return s[i]
		}
	}
	d.pos = i
	d.syntax("the text ends early")
	return 0
}

// str reads the string at d.pos.
func (d *decoder) str() (string, bool) {
	end, esc, err := jsonscan.String(d.s, d.pos)
	if err != nil {
		d.pos = err.Offset
		d.syntax(err.Msg)
		return "", false
	}
	v := d.s[d.pos+1 : end-1]
	if esc {
		v = jsonscan.Unescape(v)
	}
	if !utf8.ValidString(v) {
		// Invalid UTF-8 is kept as it is, and as written: encoding writes
		// U+FFFD for it.
		d.asWritten = true
	}
	d.pos = end
	return v, true
}

// literal reads lit at d.pos.
func (d *decoder) literal(lit string) bool {
	if jsonscan.Literal(d.s, d.pos, lit) {
		d.pos += len(lit)
		return true
	}
	d.syntax("invalid literal")
	return false
}

// member reads the key of an object member and its colon; c is the byte
// at d.pos.
func (d *decoder) member(c byte) (string, bool) {
	if c != '"' {
		d.syntax("expected object key")
		return "", false
	}
	key, ok := d.str()
	if !ok {
		return "", false
	}
	if d.ws() != ':' {
		d.syntax("expected : after object key")
		return "", false
	}
	d.pos++
	if d.ws() == 0 {
		return "", false
	}
	return key, true
}

// hashedMember is member for the keys of structures, which it also hashes
// for their key table. It is the decoder's hottest path: compact input
// (CloudTrail's) takes no call but the scan.
func (d *decoder) hashedMember(c byte) (string, uint64, bool) {
	if c != '"' {
		d.syntax("expected object key")
		return "", 0, false
	}
	s, i := d.s, d.pos
	end, h, ok := scanKey(s, i)
	if !ok {
		key, ok := d.member(c)
		return key, keyHash(key), ok
	}
	key := s[i+1 : end-1]
	i = end
	if i < len(s) && s[i] == ':' {
		i++
	} else {
		d.pos = i
		if d.ws() != ':' {
			d.syntax("expected : after object key")
			return "", 0, false
		}
		i = d.pos + 1
	}
	return key, h, d.valueAt(i)
}

// next moves past the comma or the closing bracket after a member or
// element; it reports whether another one follows.
func (d *decoder) next(closing byte) bool {
	s, i := d.s, d.pos
	var c byte
	if i < len(s) && s[i] > ' ' {
		c = s[i]
	} else {
		c = d.wsSlow()
		i = d.pos
	}
	switch c {
	case ',':
		i++
		d.pos = i
		if i < len(s) && s[i] > ' ' {
			return true
		}
		return d.wsSlow() != 0
	case closing:
		d.pos = i + 1
		return false
	case 0:
		return false
	}
	if closing == '}' {
		d.syntax("expected , or } after object member")
	} else {
		d.syntax("expected , or ] after array element")
	}
	return false
}

// open begins a container at d.pos (its opening bracket) and reports
// whether it has members or elements; a container nested too deeply is
// skipped as a value that does not convert.
func (d *decoder) open(want string) (empty, ok bool) {
	if len(d.path) >= maxDepth {
		start := d.pos
		d.skip()
		d.fail(start, want, cloudtrail.ErrNestedTooDeep)
		return false, false
	}
	closing := byte('}')
	if d.s[d.pos] == '[' {
		closing = ']'
	}
	d.pos++
	c := d.ws()
	if c == closing {
		d.pos++
		return true, true
	}
	return false, c != 0
}

// object decodes the members of the object at d.pos into the structure t
// at p. It reports false when the object was too deeply nested to decode.
func (d *decoder) object(t *typeInfo, p unsafe.Pointer) bool {
	empty, ok := d.open("structure")
	if !ok || empty {
		return ok
	}
	var unknown *cloudtrail.RawMembers
	if t.unknown != noUnknown {
		unknown = (*cloudtrail.RawMembers)(unsafe.Add(p, t.unknown))
	}
	top := len(d.path)
	d.path = append(d.path, step{index: -1})
	prev := -1 // the field of the member before
	// The fields given so far, to tell a member that comes again.
	var seen uint64
	var seenMore []uint64
	if len(t.fields) > 64 {
		seenMore = make([]uint64, (len(t.fields)+63)/64)
	}
	for {
		at := d.pos
		d.path[top].at = at
		d.asWritten = false // what the keys set does not count
		// The member that followed prev the last time, if the record
		// writes its key as then: records of one service write their
		// members in one order, so that this costs one comparison.
		n, ok := d.predicted(t, prev)
		if !ok {
			if d.err != nil {
				break // the text ends after the key
			}
			key, h, ok := d.hashedMember(d.s[d.pos])
			if !ok {
				break
			}
			var found bool
			if n, found = t.keys.lookupHash(t.blob, key, h); found {
				t.learn(prev, n, d.s[at+1])
			} else {
				n = -1
			}
		}
		start := d.pos
		if n >= 0 && seenField(&seen, seenMore, n) {
			// The first member of a name counts, as everywhere; the later
			// one is kept and reported.
			d.skip()
			if d.err == nil && unknown != nil {
				*unknown = append(*unknown, cloudtrail.RawMember{Name: d.keyAt(at), Value: json.RawMessage(d.s[start:d.pos]), Duplicate: true})
				d.fail(start, "", cloudtrail.ErrDuplicateMember)
			}
			prev = n
		} else if n >= 0 {
			f := &t.fields[n]
			d.asWritten = false
			if ok := d.value(f.t(), unsafe.Add(p, f.offset), f.ptr); (!ok || d.asWritten) && d.err == nil {
				d.keep(unknown, d.keyAt(at), start)
			}
			d.asWritten = false
			prev = n
		} else {
			d.skip()
			if d.err == nil {
				d.keep(unknown, d.keyAt(at), start)
			}
		}
		if !d.next('}') {
			break
		}
	}
	d.path = d.path[:top]
	d.asWritten = false // kept in this structure, if at all
	return true
}

// seenField notes field n as given and reports whether it was given before.
func seenField(seen *uint64, more []uint64, n int) bool {
	w, bit := seen, uint64(1)<<(n&63)
	if more != nil {
		w = &more[n>>6]
	}
	if *w&bit != 0 {
		return true
	}
	*w |= bit
	return false
}

// keyAt returns the key whose opening quote is at d.s[at].
func (d *decoder) keyAt(at int) string {
	end, esc := jsonscan.StringEnd(d.s, at)
	key := d.s[at+1 : max(at+1, end-1)]
	if esc {
		key = jsonscan.Unescape(key)
	}
	return key
}

// valueAt moves to the value that starts at s[i] after spaces, as after the
// colon of a member (none in compact JSON, one in indented JSON). It
// reports false at the end of the input.
func (d *decoder) valueAt(i int) bool {
	s := d.s
	if i < len(s) && s[i] > ' ' {
		d.pos = i
		return true
	}
	if i+1 < len(s) && s[i] == ' ' && s[i+1] > ' ' {
		d.pos = i + 1
		return true
	}
	d.pos = i
	return d.wsSlow() != 0
}

// predicted reads the key at d.pos when it is the one t expects after the
// field prev, spelt as then (as the model writes it or with its first
// letter lower-cased), and returns its field.
func (d *decoder) predicted(t *typeInfo, prev int) (int, bool) {
	g := int(t.next[prev+1].Load())
	if g < 0 {
		return 0, false
	}
	n := g >> 1
	f := &t.fields[n]
	q, head, tail := f.quoted, f.head, f.tail
	if g&1 != 0 {
		q, head, tail = f.camel, f.camelHead, f.camelTail
	}
	s, i, l := d.s, d.pos, int(q.len)
	if len(s)-i < l {
		return 0, false
	}
	if l >= 8 {
		if jsonscan.Load64(s, i) != head || jsonscan.Load64(s, i+l-8) != tail || l > 16 && s[i+8:i+l-8] != t.blob[int(q.off)+8:int(q.off)+l-8] {
			return 0, false
		}
	} else if s[i:i+l] != t.str(q) {
		return 0, false
	}
	return n, d.valueAt(i + l)
}

// keep adds the value at d.s[start:d.pos] to a structure's kept members.
func (d *decoder) keep(unknown *cloudtrail.RawMembers, key string, start int) {
	if unknown == nil {
		return
	}
	*unknown = append(*unknown, cloudtrail.RawMember{Name: key, Value: json.RawMessage(d.s[start:d.pos])})
}

// fail records the value d.s[start:d.pos], already read, as a FieldError.
func (d *decoder) fail(start int, want string, err error) {
	if d.err != nil {
		return
	}
	if err == nil || err == cloudtrail.ErrNotNumber || err == cloudtrail.ErrNotBoolean || err == cloudtrail.ErrNotBase64 {
		if jsonscan.IsRedaction(d.s[start:d.pos]) {
			err = cloudtrail.ErrRedacted
		} else if err == nil {
			err = cloudtrail.ErrConvert
		}
	}
	d.errs = append(d.errs, &cloudtrail.FieldError{Path: d.pathString(), Raw: d.s[start:d.pos], Want: want, Err: err})
}

// reject skips the value at d.pos and records it as a FieldError.
func (d *decoder) reject(want string, err error) {
	start := d.pos
	d.skip()
	d.fail(start, want, err)
}

// pathString is the JSON path of the value at hand.
func (d *decoder) pathString() string {
	b := make([]byte, 0, 96)
	b = append(b, d.root...)
	for _, s := range d.path {
		if s.index >= 0 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.index), 10)
			b = append(b, ']')
			continue
		}
		b = jsonscan.AppendPathName(b, d.keyAt(s.at))
	}
	return string(b)
}

// value decodes the value at d.pos into the slot p of type t; with ptr,
// the slot holds a pointer to the value, which value allocates. It reports
// false when the value is null or does not convert (recording a
// FieldError); the caller then keeps the value as written.
func (d *decoder) value(t *typeInfo, p unsafe.Pointer, ptr bool) bool {
	c := d.s[d.pos]
	if c == 'n' {
		d.literal("null")
		return false
	}
	switch t.kind {
	case kString:
		if c == '"' {
			s, ok := d.str()
			return ok && put(p, ptr, s, &d.strs)
		}
	case kEnum:
		if c == '"' {
			s, ok := d.str()
			// An empty enum would read as absent: it is kept as written.
			return ok && s != "" && put(p, false, s, nil)
		}
	case kBool:
		v, ok := d.boolean(c)
		return ok && put(p, ptr, v, &d.bools)
	case kInt32, kIntEnum:
		v, ok := d.integer(c, t.kind, math.MinInt32, math.MaxInt32)
		return ok && put(p, ptr, int32(v), &d.i32)
	case kInt64:
		v, ok := d.integer(c, t.kind, math.MinInt64, math.MaxInt64)
		return ok && put(p, ptr, v, &d.i64)
	case kInt16:
		v, ok := d.integer(c, t.kind, math.MinInt16, math.MaxInt16)
		return ok && put(p, ptr, int16(v), &d.i16)
	case kInt8:
		v, ok := d.integer(c, t.kind, math.MinInt8, math.MaxInt8)
		return ok && put(p, ptr, int8(v), &d.i8)
	case kFloat64:
		v, ok := d.float(c, t.kind, 64)
		return ok && put(p, ptr, v, &d.f64)
	case kFloat32:
		v, ok := d.float(c, t.kind, 32)
		return ok && put(p, ptr, float32(v), &d.f32)
	case kTime:
		v, ok := d.time(c)
		return ok && put(p, ptr, v, &d.times)
	case kBlob:
		if c == '"' {
			start := d.pos
			s, ok := d.str()
			if !ok {
				return false
			}
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				d.fail(start, "blob", cloudtrail.ErrNotBase64)
				return false
			}
			*(*[]byte)(p) = b
			return true
		}
	case kDocument:
		start := d.pos
		d.skip()
		if d.err != nil {
			return false
		}
		*(*json.RawMessage)(p) = json.RawMessage(d.s[start:d.pos])
		return true
	case kStruct:
		if c == '{' {
			q := p
			if ptr {
				q = d.newStruct(t)
			}
			if !d.object(t, q) {
				return false
			}
			if ptr {
				*(*unsafe.Pointer)(p) = q
			}
			return true
		}
	case kList:
		if c == '[' {
			return d.list(t, p)
		}
	case kMap:
		if c == '{' {
			return d.dict(t, p)
		}
	case kUnion:
		if c == '{' {
			return d.union(t, p)
		}
	}
	d.reject(wants[t.kind], nil)
	return false
}

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// list decodes the array at d.pos into the slice at p. When an element is
// null or does not convert, the slice is left unset and list reports false,
// so that the caller keeps the array whole as written.
func (d *decoder) list(t *typeInfo, p unsafe.Pointer) bool {
	empty, ok := d.open("list")
	if !ok {
		return false
	}
	et := t.elem
	var h sliceHeader
	if empty {
		*(*sliceHeader)(p) = sliceHeader{data: unsafe.Pointer(&zerobase)}
		return true
	}
	top := len(d.path)
	d.path = append(d.path, step{})
	clean := true
	size := et.typ.Size()
	for i := 0; ; i++ {
		d.path[top].index = i
		if h.len == h.cap {
			d.grow(t, &h)
		}
		if !d.value(et, unsafe.Add(h.data, uintptr(h.len)*size), false) {
			clean = false
		}
		h.len++
		if d.err != nil || !d.next(']') {
			break
		}
	}
	d.path = d.path[:top]
	if !clean || d.err != nil {
		return false
	}
	*(*sliceHeader)(p) = h
	return true
}

// grow gives the slice h of type t room for more elements: one at first
// (most lists have one), then four, then twice as many; the elements are
// copied over.
func (d *decoder) grow(t *typeInfo, h *sliceHeader) {
	et := t.elem.typ
	var data unsafe.Pointer
	var n int
	switch {
	case h.cap == 0 && t.elem.kind == kStruct:
		data, n = d.newStruct(t.elem), 1 // from the decoder's block of them
	case h.cap == 0:
		data, n = reflect.New(et).UnsafePointer(), 1
	default:
		n = max(4, 2*h.cap)
		data = reflect.MakeSlice(t.typ, n, n).UnsafePointer()
	}
	size := et.Size()
	for i := range h.len {
		off := uintptr(i) * size
		reflect.NewAt(et, unsafe.Add(data, off)).Elem().Set(reflect.NewAt(et, unsafe.Add(h.data, off)).Elem())
	}
	h.data, h.cap = data, n
}

// zerobase is where decoded empty slices point, so that they are not nil.
var zerobase uintptr

// dict decodes the object at d.pos into the map at p. Like list, it
// leaves the map unset when a value is null or does not convert.
func (d *decoder) dict(t *typeInfo, p unsafe.Pointer) bool {
	empty, ok := d.open("map")
	if !ok {
		return false
	}
	if t.typ == stringMapType {
		return d.stringMap(p, empty)
	}
	m := reflect.MakeMap(t.typ)
	if !empty {
		top := len(d.path)
		d.path = append(d.path, step{index: -1})
		et, kt := t.elem, t.typ.Key()
		slot := reflect.New(et.typ)
		clean := true
		for {
			d.path[top].at = d.pos
			key, ok := d.member(d.s[d.pos])
			if !ok {
				break
			}
			slot.Elem().SetZero()
			if d.value(et, slot.UnsafePointer(), false) {
				m.SetMapIndex(reflect.ValueOf(key).Convert(kt), slot.Elem())
			} else {
				clean = false
			}
			if d.err != nil || !d.next('}') {
				break
			}
		}
		d.path = d.path[:top]
		if !clean || d.err != nil {
			return false
		}
	}
	reflect.NewAt(t.typ, p).Elem().Set(m)
	return true
}

var stringMapType = reflect.TypeFor[map[string]string]()

// stringMap is dict for map[string]string, the maps of tags, without
// reflection.
func (d *decoder) stringMap(p unsafe.Pointer, empty bool) bool {
	m := map[string]string{}
	if !empty {
		top := len(d.path)
		d.path = append(d.path, step{index: -1})
		clean := true
		for {
			d.path[top].at = d.pos
			key, ok := d.member(d.s[d.pos])
			if !ok {
				break
			}
			var v string
			if d.value(scalarInfos[kString], unsafe.Pointer(&v), false) {
				m[key] = v
			} else {
				clean = false
			}
			if d.err != nil || !d.next('}') {
				break
			}
		}
		d.path = d.path[:top]
		if !clean || d.err != nil {
			return false
		}
	}
	*(*map[string]string)(p) = m
	return true
}

// union decodes the object at d.pos, which should have exactly one member
// with a value, into the union interface at p. A union with no member, or
// whose member does not convert, is left unset for the caller to keep; one
// with more than one member is also a FieldError.
func (d *decoder) union(t *typeInfo, p unsafe.Pointer) bool {
	empty, ok := d.open("union")
	if !ok || empty {
		return false
	}
	top := len(d.path)
	d.path = append(d.path, step{index: -1})
	var v reflect.Value
	set, clean := 0, true
	for {
		d.path[top].at = d.pos
		key, ok := d.member(d.s[d.pos])
		if !ok {
			break
		}
		switch n, known := t.byName.lookup(t.blob, key); {
		case d.s[d.pos] == 'n':
			d.literal("null") // a null member is no member
		case set > 0:
			d.reject("union", cloudtrail.ErrUnionMembers)
			clean = false
		case known:
			set++
			m := t.members[n]
			f := &m.fields[0]
			mv := reflect.New(m.typ)
			if d.value(f.t(), unsafe.Add(mv.UnsafePointer(), f.offset), f.ptr) {
				v = mv
			} else {
				clean = false
			}
		default:
			set++
			start := d.pos
			d.skip()
			if t.other != nil && d.err == nil {
				mv := reflect.New(t.other).Elem()
				mv.Field(0).SetString(key)
				mv.Field(1).SetBytes([]byte(d.s[start:d.pos]))
				v = mv.Addr()
			}
		}
		if d.err != nil || !d.next('}') {
			break
		}
	}
	d.path = d.path[:top]
	if set == 0 || !clean || !v.IsValid() || d.err != nil {
		return false
	}
	reflect.NewAt(t.typ, p).Elem().Set(v)
	return true
}

// boolean reads true, false, or a string "true" or "false" in any ASCII
// case.
func (d *decoder) boolean(c byte) (bool, bool) {
	switch c {
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case '"':
		start := d.pos
		v, ok := d.str()
		if !ok {
			return false, false
		}
		d.asWritten = true
		switch {
		case strings.EqualFold(v, "true"):
			return true, true
		case strings.EqualFold(v, "false"):
			return false, true
		}
		d.fail(start, "boolean", cloudtrail.ErrNotBoolean)
		return false, false
	}
	d.reject("boolean", nil)
	return false, false
}

// number reads a number, or a string holding one, and returns its text.
func (d *decoder) number(c byte, want string) (text string, integer bool, start int, ok bool) {
	start = d.pos
	switch {
	case c == '-' || jsonscan.IsDigit(c):
		end, integer, ok := jsonscan.Number(d.s, d.pos)
		if !ok {
			d.pos = end
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
		end, integer, ok := jsonscan.Number(v, 0)
		if !ok || end != len(v) {
			d.fail(start, want, cloudtrail.ErrNotNumber)
			return "", false, start, false
		}
		d.asWritten = true
		return v, integer, start, true
	}
	d.reject(want, nil)
	return "", false, start, false
}

// integer reads an integer in [lo, hi].
func (d *decoder) integer(c byte, k kind, lo, hi int64) (int64, bool) {
	want := wants[k]
	text, integer, start, ok := d.number(c, want)
	if !ok {
		return 0, false
	}
	v, err := parseInt(text, integer, lo, hi)
	if err != nil {
		d.fail(start, want, err)
		return 0, false
	}
	if !integer || strings.HasPrefix(text, "-0") {
		d.asWritten = true // 90.0, 9e1, -0
	}
	return v, true
}

// float reads a float of the given bit size.
func (d *decoder) float(c byte, k kind, bits int) (float64, bool) {
	want := wants[k]
	text, _, start, ok := d.number(c, want)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(text, bits)
	if err != nil {
		d.fail(start, want, cloudtrail.ErrOutOfRange)
		return 0, false
	}
	if !d.asWritten {
		var buf [32]byte
		if string(appendFloat(buf[:0], v, bits)) != text {
			d.asWritten = true // 1.50, 1E3, digits a float64 does not keep
		}
	}
	return v, true
}

// time reads a timestamp in any form cloudtrail.ParseTime accepts, written
// as a number or a string, keeping the value as written in Raw.
func (d *decoder) time(c byte) (cloudtrail.Time, bool) {
	start := d.pos
	var text string
	switch {
	case c == '-' || jsonscan.IsDigit(c):
		end, _, ok := jsonscan.Number(d.s, d.pos)
		if !ok {
			d.pos = end
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
		d.reject("timestamp", nil)
		return cloudtrail.Time{}, false
	}
	t, err := cloudtrail.ParseTime(text)
	if err != nil {
		d.fail(start, "timestamp", err)
		return cloudtrail.Time{}, false
	}
	return cloudtrail.Time{Time: t, Raw: d.s[start:d.pos]}, true
}

// skip skips the value at d.pos, which must not be space, checking that it
// is well-formed, at any depth and without recursion.
func (d *decoder) skip() {
	if d.err != nil {
		return
	}
	end, err := jsonscan.Value(d.s, d.pos)
	if err != nil {
		d.pos = err.Offset
		d.syntax(err.Msg)
		return
	}
	d.pos = end
}
