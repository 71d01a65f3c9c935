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
	esc   bool   // the previous byte in the string was a backslash, not yet written
	key   bool   // the current string is the name of a member
	comma bool   // a comma waits for the next value
	held  []byte // white space after the waiting comma, or after a value in a container
	last  byte   // the last significant byte written outside strings: 0, '{', '[', ',', ':', 'k' (name) or 'v' (value)

	// The open containers, '{' or '[', innermost last; past
	// maxLenientDepth only depth counts them.
	open  []byte
	depth int
}

// maxLenientDepth is the deepest nesting at which Lenient inserts missing
// commas; it bounds the memory a deeply nested input takes.
const maxLenientDepth = 1 << 10

// newLenientReader returns a reader of r rewritten as Lenient says.
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
			l.dropComma() // writes the white space before it
			l.comma = true
		case '}', ']':
			l.dropComma()
			l.out = append(l.out, c)
			l.last = 'v'
			l.closeContainer()
		case ':':
			l.dropComma()
			l.out = append(l.out, c)
			l.last = ':'
		case '{', '[':
			l.value(c)
			l.out = append(l.out, c)
			l.last = c
			l.openContainer(c)
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
			l.value(c)
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
			l.value(c)
			l.out = append(l.out, c)
			l.last = 'v'
		case 0xc2:
			if l.next("\xa0") { // no-break space
				l.src.Discard(1)
				l.space(' ')
				continue
			}
			l.value(c)
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
				l.value(c)
				l.out = append(l.out, c)
				l.last = 'v'
			}
		default:
			l.value(c)
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

// value writes what goes before a value, or a member, that starts with c:
// the comma that waits or one that is missing, then the white space held.
func (l *lenientReader) value(c byte) {
	if l.comma || l.missingComma(c) {
		l.out = append(l.out, ',')
		l.last = ','
	}
	l.dropComma()
}

// missingComma reports whether a value or member that starts with c
// follows a value, after white space, with no comma between. In valid JSON
// only , or } follows a value in an object, and only , or ] in an array.
func (l *lenientReader) missingComma(c byte) bool {
	if l.last != 'v' || len(l.held) == 0 {
		return false
	}
	switch l.top() {
	case '{':
		return c == '"' // a member's name
	case '[':
		return c == '"' || c == '{' || c == '[' || c == '-' || '0' <= c && c <= '9' || c == 't' || c == 'f' || c == 'n'
	}
	return false
}

// dropComma drops the comma that waits, if any, and writes the white space
// held.
func (l *lenientReader) dropComma() {
	l.out = append(l.out, l.held...)
	l.comma, l.held = false, l.held[:0]
}

// space writes white space outside strings, or holds it while a comma
// waits or, after a value in a container, may be missing.
func (l *lenientReader) space(c byte) {
	if l.comma || l.last == 'v' && l.top() != 0 {
		l.held = append(l.held, c)
		return
	}
	l.out = append(l.out, c)
}

// openContainer records an object or array that opens with c.
func (l *lenientReader) openContainer(c byte) {
	if l.depth < maxLenientDepth {
		l.open = append(l.open, c)
	}
	l.depth++
}

// closeContainer records the end of the innermost object or array.
func (l *lenientReader) closeContainer() {
	if l.depth > 0 {
		l.depth--
		l.open = l.open[:min(l.depth, len(l.open))]
	}
}

// top returns the innermost open container, '{' or '[', or 0 outside
// containers and past maxLenientDepth.
func (l *lenientReader) top() byte {
	if l.depth == 0 || l.depth > len(l.open) {
		return 0
	}
	return l.open[l.depth-1]
}

// elision handles "..." outside strings: an elided value becomes null, an
// elided member or element goes.
func (l *lenientReader) elision() {
	if l.last == ':' {
		l.out = append(l.out, "null"...)
		l.last = 'v'
	}
}

// openString writes the opening quote of a string that kind closes.
func (l *lenientReader) openString(kind byte) {
	l.value('"')
	l.key = l.top() == '{' && (l.last == '{' || l.last == ',')
	l.out = append(l.out, '"')
	l.inStr, l.kind, l.esc = true, kind, false
}

// closeString writes the closing quote of a string.
func (l *lenientReader) closeString() {
	l.out = append(l.out, '"')
	l.inStr = false
	l.last = 'v'
	if l.key {
		l.last = 'k'
	}
}

// stringByte rewrites one byte inside a string.
func (l *lenientReader) stringByte(c byte) {
	if l.esc {
		// \' and Markdown's \. \_ \* and the like are no JSON escapes:
		// drop the backslash.
		l.esc = false
		if !markdownEscape(c) {
			l.out = append(l.out, '\\')
		}
		l.out = append(l.out, c)
		return
	}
	switch {
	case c == '\\':
		l.esc = true // written with the next byte, or dropped
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

// markdownEscape reports whether a backslash before c is no JSON escape
// but one of Markdown's (or \'): c is ASCII punctuation other than ", \
// and /.
func markdownEscape(c byte) bool {
	switch {
	case c == '"' || c == '\\' || c == '/':
		return false
	case '!' <= c && c <= '/', ':' <= c && c <= '@', '[' <= c && c <= '`', '{' <= c && c <= '~':
		return true
	}
	return false
}
