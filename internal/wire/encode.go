package wire

import (
	"encoding/base64"
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// ErrNotFinite is the error for a NaN or infinite float, which JSON cannot
// represent.
var ErrNotFinite = errors.New("wire: NaN or infinite number")

// encoder writes compact JSON by the tables of the types.
type encoder struct {
	buf []byte
	err error
}

var encoders = sync.Pool{New: func() any { return &encoder{buf: make([]byte, 0, 1024)} }}

// encode returns the JSON of the value of type t at p.
func encode(t *typeInfo, p unsafe.Pointer) ([]byte, error) {
	e := encoders.Get().(*encoder)
	e.buf, e.err = e.buf[:0], nil
	e.value(t, p)
	out, err := slices.Clone(e.buf), e.err
	if cap(e.buf) <= 1<<20 {
		encoders.Put(e)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// set reports whether the field at p holds a value.
func (f *field) set(p unsafe.Pointer) bool {
	if f.ptr {
		return *(*unsafe.Pointer)(p) != nil
	}
	switch f.t().kind {
	case kEnum:
		return *(*string)(p) != ""
	case kIntEnum:
		return *(*int32)(p) != 0
	case kList, kBlob, kDocument:
		return (*sliceHeader)(p).data != nil
	case kMap:
		return *(*unsafe.Pointer)(p) != nil
	case kUnion:
		return !reflect.NewAt(f.typ, p).Elem().IsNil()
	}
	return true
}

// object writes the structure t at p: its fields that are set, in order,
// with the kept members written back where their fields are not set.
func (e *encoder) object(t *typeInfo, p unsafe.Pointer) {
	e.buf = append(e.buf, '{')
	var kept cloudtrail.RawMembers
	if t.unknown != noUnknown {
		kept = *(*cloudtrail.RawMembers)(unsafe.Add(p, t.unknown))
	}
	var owner []int // the field each kept member belongs to, or -1
	if len(kept) > 0 {
		owner = make([]int, len(kept))
		for i, r := range kept {
			owner[i] = -1
			if r.Duplicate {
				owner[i] = -2 // not written
			} else if n, ok := t.keys.lookup(t.blob, r.Name); ok {
				owner[i] = n
			}
		}
	}
	first := true
	for n := range t.fields {
		f := &t.fields[n]
		fp := unsafe.Add(p, f.offset)
		if f.set(fp) {
			// A value kept as written, unless the field has been changed
			// since.
			if i := slices.Index(owner, n); i >= 0 && sameValue(f, fp, kept[i].Value) {
				e.raw(&first, kept[i])
				continue
			}
			if !first {
				e.buf = append(e.buf, ',')
			}
			first = false
			e.buf = append(e.buf, t.str(f.quoted)...)
			if f.ptr {
				fp = *(*unsafe.Pointer)(fp)
			}
			e.value(f.t(), fp)
			continue
		}
		for i, o := range owner {
			if o == n {
				e.raw(&first, kept[i])
			}
		}
	}
	for i, o := range owner {
		if o == -1 {
			e.raw(&first, kept[i])
		}
	}
	e.buf = append(e.buf, '}')
}

// raw writes a kept member.
func (e *encoder) raw(first *bool, r cloudtrail.RawMember) {
	if !*first {
		e.buf = append(e.buf, ',')
	}
	*first = false
	e.buf = jsonscan.AppendStringVerbatim(e.buf, r.Name)
	e.buf = append(e.buf, ':')
	if len(r.Value) == 0 {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = append(e.buf, r.Value...)
}

// value writes the value of type t at p.
func (e *encoder) value(t *typeInfo, p unsafe.Pointer) {
	switch t.kind {
	case kString, kEnum:
		e.buf = jsonscan.AppendString(e.buf, *(*string)(p))
	case kBool:
		e.buf = strconv.AppendBool(e.buf, *(*bool)(p))
	case kInt8:
		e.buf = strconv.AppendInt(e.buf, int64(*(*int8)(p)), 10)
	case kInt16:
		e.buf = strconv.AppendInt(e.buf, int64(*(*int16)(p)), 10)
	case kInt32, kIntEnum:
		e.buf = strconv.AppendInt(e.buf, int64(*(*int32)(p)), 10)
	case kInt64:
		e.buf = strconv.AppendInt(e.buf, *(*int64)(p), 10)
	case kFloat32:
		e.float(float64(*(*float32)(p)), 32)
	case kFloat64:
		e.float(*(*float64)(p), 64)
	case kTime:
		t := (*cloudtrail.Time)(p)
		if t.Raw != "" {
			e.buf = append(e.buf, t.Raw...)
		} else {
			b, _ := t.MarshalJSON()
			e.buf = append(e.buf, b...)
		}
	case kBlob:
		e.buf = append(e.buf, '"')
		e.buf = base64.StdEncoding.AppendEncode(e.buf, *(*[]byte)(p))
		e.buf = append(e.buf, '"')
	case kDocument:
		if raw := *(*[]byte)(p); len(raw) > 0 {
			e.buf = append(e.buf, raw...)
		} else {
			e.buf = append(e.buf, "null"...)
		}
	case kStruct:
		e.object(t, p)
	case kList:
		h := (*sliceHeader)(p)
		if h.data == nil {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.buf = append(e.buf, '[')
		size := t.elem.typ.Size()
		for i := range h.len {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.value(t.elem, unsafe.Add(h.data, uintptr(i)*size))
		}
		e.buf = append(e.buf, ']')
	case kMap:
		e.dict(t, p)
	case kUnion:
		e.union(t, p)
	}
}

// dict writes a map with its keys sorted.
func (e *encoder) dict(t *typeInfo, p unsafe.Pointer) {
	m := reflect.NewAt(t.typ, p).Elem()
	if m.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	keys := m.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int {
		switch x, y := a.String(), b.String(); {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	e.buf = append(e.buf, '{')
	v := reflect.New(t.elem.typ).Elem()
	for i, k := range keys {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = jsonscan.AppendString(e.buf, k.String())
		e.buf = append(e.buf, ':')
		v.Set(m.MapIndex(k))
		e.value(t.elem, v.Addr().UnsafePointer())
	}
	e.buf = append(e.buf, '}')
}

// union writes a union with its one member: {"Name": value}.
func (e *encoder) union(t *typeInfo, p unsafe.Pointer) {
	u := reflect.NewAt(t.typ, p).Elem()
	if u.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	mv := u.Elem() // a pointer to the member structure
	if mv.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	if n, ok := t.ifaces[mv.Type()]; ok {
		e.object(t.members[n], mv.UnsafePointer())
		return
	}
	if t.other != nil && mv.Type().Elem() == t.other {
		m := mv.Elem()
		e.buf = append(e.buf, '{')
		e.buf = jsonscan.AppendString(e.buf, m.Field(0).String())
		e.buf = append(e.buf, ':')
		if raw := m.Field(1).Bytes(); len(raw) > 0 {
			e.buf = append(e.buf, raw...)
		} else {
			e.buf = append(e.buf, "null"...)
		}
		e.buf = append(e.buf, '}')
		return
	}
	e.buf = append(e.buf, "null"...)
}

// sameValue reports whether raw decodes to the value of field f at fp.
func sameValue(f *field, fp unsafe.Pointer, raw []byte) bool {
	t := f.t()
	if t.kind == kDocument || len(raw) == 0 {
		return false
	}
	tmp := reflect.New(f.typ)
	d := newDecoder()
	defer d.release()
	d.s = string(raw)
	d.pos = jsonscan.SkipSpace(d.s, 0)
	if d.pos == len(d.s) || !d.value(t, tmp.UnsafePointer(), false) || d.err != nil || len(d.errs) > 0 {
		return false
	}
	cur := fp
	if f.ptr {
		cur = *(*unsafe.Pointer)(fp)
	}
	return reflect.DeepEqual(tmp.Elem().Interface(), reflect.NewAt(f.typ, cur).Elem().Interface())
}

// float writes a float as encoding/json does; NaN and infinities, which
// JSON cannot hold, are an error.
func (e *encoder) float(f float64, bits int) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if e.err == nil {
			e.err = ErrNotFinite
		}
		e.buf = append(e.buf, '0')
		return
	}
	e.buf = appendFloat(e.buf, f, bits)
}

// appendFloat appends the finite number f as encoding/json writes it.
func appendFloat(b []byte, f float64, bits int) []byte {
	fmt := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			fmt = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, fmt, -1, bits)
	if fmt == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
