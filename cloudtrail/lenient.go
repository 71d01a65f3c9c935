package cloudtrail

import (
	"bufio"
	"bytes"
	"io"
)

// lenientReader rewrites documentation-style JSON into JSON as it is read;
// see Lenient for what it accepts.
type lenientReader struct {
	src *bufio.Reader
	out []byte
	off int // bytes of out already returned
	err error

	inStr bool
	kind  byte   // what closes the current string: '"', 'd' (typographic double) or 's' (single)
	esc   bool   // the previous byte in the string was a backslash
	comma bool   // a comma waits for the next value
	held  []byte // white space after the waiting comma
	last  byte   // the last significant byte written outside strings: 0, '{', '[', ',', ':' or 'v' (value)
}

func newLenientReader(r io.Reader) *lenientReader {
	return &lenientReader{src: bufio.NewReaderSize(r, 32<<10)}
}

// lenientBytes rewrites b as the Lenient option does.
func lenientBytes(b []byte) []byte {
	out, err := io.ReadAll(newLenientReader(bytes.NewReader(b)))
	if err != nil {
		return b
	}
	return out
}

// Read implements io.Reader.
func (l *lenientReader) Read(p []byte) (int, error) {
	for l.off == len(l.out) {
		if l.err != nil {
			return 0, l.err
		}
		l.out, l.off = l.out[:0], 0
		l.fill(32 << 10)
	}
	n := copy(p, l.out[l.off:])
	l.off += n
	return n, nil
}

// Typographic characters, as their UTF-8 bytes after the lead byte 0xE2.
const (
	leftDouble  = "\x80\x9c" // “
	rightDouble = "\x80\x9d" // ”
	leftSingle  = "\x80\x98" // ‘
	rightSingle = "\x80\x99" // ’
	ellipsis    = "\x80\xa6" // …
)

// fill rewrites input until about n bytes are written or the input ends.
func (l *lenientReader) fill(n int) {
	for len(l.out) < n {
		c, err := l.src.ReadByte()
		if err != nil {
			l.err = err
			return
		}
		if l.inStr {
			l.stringByte(c)
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			l.space(c)
		case ',':
			if l.comma || l.last == 0 || l.last == '{' || l.last == '[' || l.last == ',' || l.last == ':' {
				continue // an empty member or element
			}
			l.comma = true
		case '}', ']':
			l.dropComma()
			l.out = append(l.out, c)
			l.last = 'v'
		case ':':
			l.dropComma()
			l.out = append(l.out, c)
			l.last = ':'
		case '{', '[':
			l.value()
			l.out = append(l.out, c)
			l.last = c
		case '"':
			l.openString('"')
		case '\'':
			l.openString('s')
		case '.':
			if l.next("..") {
				l.src.Discard(2)
				for l.next(".") {
					l.src.Discard(1)
				}
				l.elision()
				continue
			}
			l.value()
			l.out = append(l.out, c)
			l.last = 'v'
		case '/':
			if l.next("/") {
				for {
					c, err := l.src.ReadByte()
					if err != nil || c == '\n' {
						break
					}
				}
				l.space('\n')
				continue
			}
			if l.next("*") {
				l.src.Discard(1)
				for {
					c, err := l.src.ReadByte()
					if err != nil || c == '*' && l.next("/") {
						l.src.Discard(1)
						break
					}
				}
				l.space(' ')
				continue
			}
			l.value()
			l.out = append(l.out, c)
			l.last = 'v'
		case 0xc2:
			if l.next("\xa0") { // no-break space
				l.src.Discard(1)
				l.space(' ')
				continue
			}
			l.value()
			l.out = append(l.out, c)
			l.last = 'v'
		case 0xe2:
			switch {
			case l.next(leftDouble), l.next(rightDouble):
				l.src.Discard(2)
				l.openString('d')
			case l.next(leftSingle), l.next(rightSingle):
				l.src.Discard(2)
				l.openString('s')
			case l.next(ellipsis):
				l.src.Discard(2)
				l.elision()
			default:
				l.value()
				l.out = append(l.out, c)
				l.last = 'v'
			}
		default:
			l.value()
			l.out = append(l.out, c)
			l.last = 'v'
		}
	}
}

// next reports whether the input continues with s.
func (l *lenientReader) next(s string) bool {
	b, _ := l.src.Peek(len(s))
	return string(b) == s
}

// value writes the comma that waits, if any, before a value.
func (l *lenientReader) value() {
	if l.comma {
		l.out = append(l.out, ',')
		l.out = append(l.out, l.held...)
		l.comma, l.held = false, l.held[:0]
	}
}

// dropComma drops the comma that waits, if any, keeping the white space
// after it.
func (l *lenientReader) dropComma() {
	if l.comma {
		l.out = append(l.out, l.held...)
		l.comma, l.held = false, l.held[:0]
	}
}

// space writes white space outside strings, after the comma that waits.
func (l *lenientReader) space(c byte) {
	if l.comma {
		l.held = append(l.held, c)
		return
	}
	l.out = append(l.out, c)
}

// elision handles "..." outside strings: an elided value becomes null, an
// elided member or element goes.
func (l *lenientReader) elision() {
	if l.last == ':' {
		l.out = append(l.out, "null"...)
		l.last = 'v'
	}
}

func (l *lenientReader) openString(kind byte) {
	l.value()
	l.out = append(l.out, '"')
	l.inStr, l.kind, l.esc = true, kind, false
}

func (l *lenientReader) closeString() {
	l.out = append(l.out, '"')
	l.inStr = false
	l.last = 'v'
}

// stringByte rewrites one byte inside a string.
func (l *lenientReader) stringByte(c byte) {
	if l.esc {
		l.esc = false
		if c == '\'' {
			// \' is no JSON escape.
			l.out[len(l.out)-1] = '\''
			return
		}
		l.out = append(l.out, c)
		return
	}
	switch {
	case c == '\\':
		l.esc = true
		l.out = append(l.out, c)
	case c == '"':
		if l.kind == 's' {
			l.out = append(l.out, '\\', '"')
			return
		}
		l.closeString()
	case c == '\'' && l.kind == 's':
		l.closeString()
	case c == 0xe2 && l.kind == 'd' && (l.next(leftDouble) || l.next(rightDouble)):
		l.src.Discard(2)
		l.closeString()
	case c == 0xe2 && l.kind == 's' && (l.next(leftSingle) || l.next(rightSingle)):
		l.src.Discard(2)
		l.closeString()
	case c < 0x20:
		switch c {
		case '\n':
			l.out = append(l.out, '\\', 'n')
		case '\t':
			l.out = append(l.out, '\\', 't')
		case '\r':
			l.out = append(l.out, '\\', 'r')
		default:
			l.out = append(l.out, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
		}
	default:
		l.out = append(l.out, c)
	}
}
