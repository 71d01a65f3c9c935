package cloudtrail

import (
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// Walking the members of records. A record is validated once, as its
// top-level members are found (internal/jsonscan knows the syntax); the
// decoder then walks the nested objects and arrays of the validated text
// without checking them again.

// jv is one JSON value of a record: raw[s:e] of the record's bytes.
type jv struct {
	s, e int
	esc  bool // a string with escapes
}

// kindOf names the kind of JSON value that starts with c, for messages.
func kindOf(c byte) string {
	switch c {
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

// memberName returns the name of member m of raw. A name without escapes
// is not copied: it lives as long as the record.
func memberName(raw []byte, ks, ke int, esc bool) string {
	if esc {
		return jsonscan.Unescape(raw[ks+1 : ke-1])
	}
	return bytesString(raw[ks+1 : ke-1])
}

// walkRecord validates raw, which must hold one JSON value, and notes the
// members of it in w when it is an object, relative to raw's first byte.
// It returns the kind of the value, or where raw stops being valid JSON.
func walkRecord(raw []byte, w *memberWalk) (string, *jsonscan.Error) {
	i := jsonscan.SkipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		if _, err := jsonscan.Check(raw); err != nil {
			return "", err
		}
		return kindOf(raw[i]), nil
	}
	end, err := w.run(raw, i)
	if err != nil {
		return "", err
	}
	if end = jsonscan.SkipSpace(raw, end); end != len(raw) {
		return "", &jsonscan.Error{Offset: end, Msg: "data after the JSON value"}
	}
	if i > 0 {
		// run notes the members relative to the object's brace.
		for k := range w.members {
			m := &w.members[k]
			m.ks, m.ke, m.vs, m.ve = m.ks+int32(i), m.ke+int32(i), m.vs+int32(i), m.ve+int32(i)
		}
	}
	return "object", nil
}

// nextMember returns the member of the valid object of raw that follows
// position i (the object's brace, or the end of the value before), with its
// name; false after the last.
func nextMember(raw []byte, i int) (key string, v jv, ok bool) {
	m, ok := jsonscan.NextMember(raw, i)
	if !ok {
		return "", jv{}, false
	}
	return memberName(raw, m.KeyStart, m.KeyEnd, m.KeyEscaped), jv{m.ValueStart, m.ValueEnd, m.ValueEscaped}, true
}

// nextElement returns the element of the valid array of raw that follows
// position i (the array's bracket, or the end of the element before);
// false after the last.
func nextElement(raw []byte, i int) (jv, bool) {
	s, e, ok := jsonscan.NextElement(raw, i)
	if !ok {
		return jv{}, false
	}
	v := jv{s: s, e: e}
	if raw[s] == '"' {
		_, v.esc = jsonscan.StringEnd(raw[:e], s)
	}
	return v, true
}

// memberPos locates one top-level member of a record, relative to the
// record's first byte.
type memberPos struct {
	ks, ke int32 // the key, quotes included
	vs, ve int32 // the value
	kesc   bool  // the key has escapes
	vesc   bool  // the value is a string with escapes
}

// memberWalk validates a record and notes its top-level members, in one
// pass.
type memberWalk struct {
	keyView
	members []memberPos
}

// run validates the object at b[p] and returns the position after it; on
// malformed text (or text that ends first), the fault, and the caller
// finds the end of the value another way.
func (w *memberWalk) run(b []byte, p int) (int, *jsonscan.Error) {
	w.keyView = keyView{obj: true, srcS: -1, nameS: -1}
	w.members = w.members[:0]
	for i, first := p, true; ; first = false {
		m, end, ok, err := jsonscan.ScanMember(b, i, first)
		if err != nil || !ok {
			return end, err
		}
		if m.ValueEnd-p > 1<<31-1 {
			return end, &jsonscan.Error{Offset: m.ValueEnd, Msg: "the record is larger than 2 GiB"}
		}
		w.note(b, p, m)
		i = m.ValueEnd
	}
}

// note notes the member m of the record that starts at b[p].
func (w *memberWalk) note(b []byte, p int, m jsonscan.Member) {
	w.members = append(w.members, memberPos{ks: int32(m.KeyStart - p), ke: int32(m.KeyEnd - p), vs: int32(m.ValueStart - p), ve: int32(m.ValueEnd - p), kesc: m.KeyEscaped, vesc: m.ValueEscaped})
	key := b[m.KeyStart+1 : m.KeyEnd-1]
	c := keyClass(key)
	if m.KeyEscaped && c == 0 {
		w.odd = true
	}
	w.mask |= c
	// The first member of a name counts, as in the decoder and in
	// Event.Get.
	str := b[m.ValueStart] == '"'
	switch c & (keySource | keyName) {
	case keySource:
		if !str {
			w.odd = true
		} else if w.srcS < 0 {
			w.srcS, w.srcE = m.ValueStart+1, m.ValueEnd-1
		}
	case keyName:
		if !str {
			w.odd = true
		} else if w.nameS < 0 {
			w.nameS, w.nameE = m.ValueStart+1, m.ValueEnd-1
		}
	}
	if c&keyReadOnly != 0 && w.ro == 0 {
		w.ro = readOnlyOf(b[m.ValueStart:m.ValueEnd])
	}
}
