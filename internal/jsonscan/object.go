package jsonscan

// Objects and arrays are walked with pull functions rather than callbacks,
// so that walking allocates nothing: the caller keeps the position.

// Member is one member of an object, as positions in the text.
type Member struct {
	KeyStart, KeyEnd     int  // the name, quotes included
	ValueStart, ValueEnd int  // the value
	KeyEscaped           bool // the name has escapes
	ValueEscaped         bool // the value is a string with escapes
}

// Key returns the member's name, unescaped, from the text it was found in.
func Key[T Text](b T, m Member) string {
	if m.KeyEscaped {
		return Unescape(b[m.KeyStart+1 : m.KeyEnd-1])
	}
	return string(b[m.KeyStart+1 : m.KeyEnd-1])
}

// ScanMember validates the next member of an object. i is the position of
// the object's opening brace (first is true), or the end of the value of
// the member before. It returns the member and true; at the closing brace,
// false and the position after it; on malformed text, the fault.
//
//	for i, first := start, true; ; first = false {
//		m, end, ok, err := jsonscan.ScanMember(b, i, first)
//		if err != nil || !ok {
//			break
//		}
//		... // use m
//		i = m.ValueEnd
//	}
func ScanMember[T Text](b T, i int, first bool) (m Member, end int, ok bool, err *Error) {
	opening := first
	if opening {
		i++
	}
	i = SkipSpace(b, i)
	if i >= len(b) {
		return m, i, false, &Error{i, "the text ends inside an object"}
	}
	switch c := b[i]; {
	case c == '}':
		return m, i + 1, false, nil
	case opening:
	case c == ',':
		i = SkipSpace(b, i+1)
		if i >= len(b) {
			return m, i, false, &Error{i, "the text ends inside an object"}
		}
	default:
		return m, i, false, &Error{i, "expected , or } after object member"}
	}
	if b[i] != '"' {
		return m, i, false, &Error{i, "expected a member name in quotes"}
	}
	m.KeyStart = i
	if m.KeyEnd, m.KeyEscaped, err = String(b, i); err != nil {
		return m, m.KeyEnd, false, err
	}
	i = SkipSpace(b, m.KeyEnd)
	if i >= len(b) || b[i] != ':' {
		return m, i, false, &Error{i, "expected : after a member name"}
	}
	m.ValueStart = SkipSpace(b, i+1)
	if m.ValueStart < len(b) && b[m.ValueStart] == '"' {
		m.ValueEnd, m.ValueEscaped, err = String(b, m.ValueStart)
	} else {
		m.ValueEnd, err = Value(b, m.ValueStart)
	}
	if err != nil {
		return m, m.ValueEnd, false, err
	}
	return m, m.ValueEnd, true, nil
}

// NextMember returns the next member of an object that is valid JSON, as
// ScanMember does, without validating: it jumps over values. It reports
// false after the last member.
func NextMember[T Text](b T, i int) (m Member, ok bool) {
	i = SkipSpace(b, i)
	if i >= len(b) || b[i] != '{' && b[i] != ',' {
		return m, false
	}
	i = SkipSpace(b, i+1)
	if i >= len(b) || b[i] != '"' {
		return m, false
	}
	m.KeyStart = i
	m.KeyEnd, m.KeyEscaped = StringEnd(b, i)
	i = SkipSpace(b, m.KeyEnd)
	if i >= len(b) || b[i] != ':' {
		return m, false
	}
	m.ValueStart = SkipSpace(b, i+1)
	if m.ValueStart >= len(b) {
		return m, false
	}
	if b[m.ValueStart] == '"' {
		m.ValueEnd, m.ValueEscaped = StringEnd(b, m.ValueStart)
	} else {
		m.ValueEnd = Skip(b, m.ValueStart)
	}
	return m, true
}

// NextElement returns the start and end of the next element of an array
// that is valid JSON. i is the position of the array's opening bracket, or
// the end of the element before. It reports false after the last element.
func NextElement[T Text](b T, i int) (start, end int, ok bool) {
	i = SkipSpace(b, i)
	if i >= len(b) || b[i] != '[' && b[i] != ',' {
		return 0, 0, false
	}
	i = SkipSpace(b, i+1)
	if i >= len(b) || b[i] == ']' {
		return 0, 0, false
	}
	return i, Skip(b, i), true
}
