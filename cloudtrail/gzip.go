package cloudtrail

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// ErrCorrupt is the error that a *ContainerError wraps when compressed
// input does not decompress: a gzip header, checksum or compressed block
// that is damaged, or bytes after the last gzip member that are neither
// zero padding nor another member.
var ErrCorrupt = errors.New("input is corrupt")

// Limits of decompression. A gzip member inflates at most about 1032
// times; CloudTrail's JSON inflates 8 to 30 times, and even the same record
// repeated over and over stays near 100 times. Whitespace or zeros, the
// stuff of decompression bombs, inflate about 1000 times: past bombFloor,
// a ratio over bombRatio stops reading within a fraction of a second.
const (
	bombFloor = 64 << 20
	bombRatio = 400
)

// gzipWindow is how many of the last compressed bytes a Reader keeps to go
// on after a gzip member cut short.
const gzipWindow = 256 << 10

// gzipStream inflates gzip input of one or more members, as cat of gzip
// files makes. It goes on after the zero padding that tape drives and
// some uploaders leave at the end; when a member is cut short or corrupt
// and another member follows, it reports the damage (see takeNotices) and
// goes on with that member, so that a damaged file costs only its own
// records; and it stops decompression bombs.
type gzipStream struct {
	src *sourceReader // the compressed input, counted and kept
	in  *bufio.Reader // what the decompressor reads from
	zr  *gzip.Reader  // the decompressor
	out int64         // bytes inflated
	max int64         // the most bytes to inflate; < 0: no limit
	at  int64         // the offset of the current member in the compressed input
	err error         // the error that ended the stream

	mu      sync.Mutex
	notices []notice // damage the stream went on after, not yet taken

	kit *gzipKit // the buffers of src, in and zr, until release
}

// gzipInBuffer is the size of the buffer the decompressor reads from.
const gzipInBuffer = 64 << 10

// notice is damage a gzipStream went on after, with the offset of the
// decompressed text where it is.
type notice struct {
	off int64
	err error
}

// sourceReader reads the compressed input. It counts the bytes, keeps the
// error of the input (to tell it from the decompressor's), and keeps the
// last bytes read, to find the next member in after a member cut short
// (the decompressor reads on into the next member before it finds the
// damage, a few kilobytes as a rule); it can read kept bytes again
// (replay) before it reads on. Positions are offsets in the compressed
// input.
type sourceReader struct {
	r      io.Reader
	pos    int64  // the offset of the next byte Read gives
	err    error  // the input's own error, other than io.EOF
	replay []byte // kept bytes to give again before reading on
	kept   []byte // the bytes from keptAt to pos+len(replay), at most 2*window
	keptAt int64
	window int // how many bytes at least are kept, when more have been read
}

func (s *sourceReader) Read(p []byte) (int, error) {
	if len(s.replay) > 0 {
		n := copy(p, s.replay)
		s.replay = s.replay[n:]
		s.pos += int64(n)
		return n, nil
	}
	n, err := s.r.Read(p)
	if n < 0 || n > len(p) {
		n, err = 0, errors.New("cloudtrail: io.Reader returned an invalid count")
	}
	if s.window > 0 {
		s.keep(p[:n])
	}
	s.pos += int64(n)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

// keep adds b to the kept bytes, dropping the oldest beyond the window.
func (s *sourceReader) keep(b []byte) {
	if len(b) >= s.window {
		s.kept = append(s.kept[:0], b[len(b)-s.window:]...)
		s.keptAt = s.pos + int64(len(s.replay)) + int64(len(b)-s.window)
		return
	}
	// kept grows as bytes come, so that a small input costs no more than
	// its size; once it holds 2*window, the oldest bytes make room.
	if len(s.kept)+len(b) > 2*s.window {
		drop := len(s.kept) + len(b) - s.window
		s.keptAt += int64(drop)
		s.kept = s.kept[:copy(s.kept, s.kept[drop:])]
	}
	s.kept = append(s.kept, b...)
}

// newGzipStream starts inflating r, whose first two bytes are the gzip
// magic number. keep is how many of the last bytes read are kept to find
// the next member after damage (0: none); max the most bytes to inflate
// (< 0: no limit).
func newGzipStream(r io.Reader, keep int, max int64) (*gzipStream, error) {
	k := getGzipKit()
	src := &sourceReader{r: r, window: keep, kept: k.kept[:0]}
	k.kept = nil
	k.in.Reset(src)
	g := &gzipStream{src: src, in: k.in, max: max, zr: &k.zr, kit: k}
	if err := g.zr.Reset(g.in); err != nil {
		if g.src.err != nil {
			err = g.src.err
			g.release()
			return nil, err
		}
		// A damaged first header: go on with the next member, if any.
		g.damaged(err)
		if g.err != nil {
			err = g.headerError(err)
			g.release()
			return nil, err
		}
		return g, nil
	}
	g.zr.Multistream(false)
	return g, nil
}

// release gives the buffers of the stream back to the pool, once nothing
// reads it any more; the stream is not to be read after. Its notices stay.
func (g *gzipStream) release() {
	k := g.kit
	if k == nil {
		return
	}
	g.kit = nil
	if cap(g.src.kept) <= maxPooled {
		k.kept = g.src.kept[:0]
	}
	g.src.r, g.src.kept, g.src.replay = nil, nil, nil
	g.in, g.zr = nil, nil
	if g.err == nil {
		g.err = errReleased
	}
	k.in.Reset(nil)
	gzipKits.Put(k)
}

// errReleased is the error of a gzipStream read after release, which the
// Reader never does.
var errReleased = errors.New("cloudtrail: internal error: gzip stream read after its buffers were released")

// consumed returns the offset in the compressed input of the next byte the
// decompressor reads.
func (g *gzipStream) consumed() int64 { return g.src.pos - int64(g.in.Buffered()) }

// headerError describes an error reading a member's header.
func (g *gzipStream) headerError(err error) error {
	if g.src.err != nil {
		return g.src.err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
		return &ContainerError{What: "gzip header", Offset: g.out, Err: fmt.Errorf("%w: the input ends inside the gzip header at offset %d of the compressed input", ErrTruncated, g.at)}
	}
	return &ContainerError{What: "gzip header", Offset: g.out, Err: fmt.Errorf("%w: the gzip header at offset %d of the compressed input is invalid", ErrCorrupt, g.at)}
}

// Read implements io.Reader.
func (g *gzipStream) Read(p []byte) (int, error) {
	for g.err == nil {
		if g.max >= 0 && int64(len(p)) > g.max-g.out+1 {
			p = p[:g.max-g.out+1]
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		if g.max >= 0 && g.out > g.max {
			g.err = &TooLargeError{What: "decompressed input", Limit: g.max, Offset: g.max}
			return n - int(g.out-g.max), g.err
		}
		if c := g.consumed(); g.out > bombFloor && g.out > bombRatio*c {
			g.err = &ContainerError{What: "gzip stream", Offset: g.out, Err: fmt.Errorf("%w: %d bytes inflate to more than %d, a ratio over %d:1 that no CloudTrail data has: a decompression bomb", ErrTooLarge, c, g.out, bombRatio)}
			return n, g.err
		}
		switch {
		case err == nil:
			return n, nil
		case err == io.EOF:
			g.nextMember()
		case g.src.err != nil:
			g.err = g.src.err
		default:
			g.damaged(err)
		}
		if n > 0 {
			return n, nil
		}
	}
	return 0, g.err
}

// nextMember moves on after the end of a member: to the next member, or
// to the end of the input after zero padding.
func (g *gzipStream) nextMember() {
	for {
		c, err := g.in.ReadByte()
		if err != nil {
			g.err = io.EOF
			if g.src.err != nil {
				g.err = g.src.err
			}
			return
		}
		if c != 0 {
			g.in.UnreadByte()
			break
		}
	}
	g.at = g.consumed()
	if head, _ := g.in.Peek(2); len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
		g.err = &ContainerError{What: "gzip stream", Offset: g.out, Err: fmt.Errorf("%w: bytes that are no gzip member follow the last member, at offset %d of the compressed input", ErrCorrupt, g.at)}
		return
	}
	if err := g.zr.Reset(g.in); err != nil {
		g.damaged(err)
		return
	}
	g.zr.Multistream(false)
}

// damaged handles a member that is cut short or corrupt: when another
// member starts after the start of this one, it notes the damage and goes
// on there; else the damage ends the stream.
func (g *gzipStream) damaged(cause error) {
	err := fmt.Errorf("%w: gzip member at offset %d of the compressed input: %v", ErrCorrupt, g.at, cause)
	if errors.Is(cause, io.ErrUnexpectedEOF) || cause == io.EOF {
		err = fmt.Errorf("%w: the gzip member at offset %d of the compressed input ends early", ErrTruncated, g.at)
	}
	damage := &ContainerError{What: "gzip stream", Offset: g.out, Err: err}
	from := g.at + 1
	for {
		at, ok := g.findMember(from)
		if !ok {
			g.err = damage
			return
		}
		g.at = at
		if g.zr.Reset(g.in) == nil {
			g.zr.Multistream(false)
			damage.Err = fmt.Errorf("%w; reading goes on with the member at offset %d", err, at)
			g.mu.Lock()
			g.notices = append(g.notices, notice{g.out, damage})
			g.mu.Unlock()
			return
		}
		from = at + 1
	}
}

// gzipMagic starts every gzip member: the magic number and the deflate
// method.
var gzipMagic = []byte{0x1f, 0x8b, 8}

// findMember positions g.in at the first gzip header at or after the
// offset from of the compressed input, and returns its offset. It searches
// the kept bytes first, then reads on.
func (g *gzipStream) findMember(from int64) (int64, bool) {
	s := g.src
	end := s.keptAt + int64(len(s.kept))
	if from < s.keptAt {
		from = s.keptAt // the window has moved on: search what is kept
	}
	if s.window == 0 || from > end {
		return g.scan(g.consumed())
	}
	if i := bytes.Index(s.kept[from-s.keptAt:], gzipMagic); i >= 0 {
		at := from + int64(i)
		s.replay, s.pos = s.kept[at-s.keptAt:], at
		g.in.Reset(s)
		return at, true
	}
	// Not in the kept bytes: read on from their end, less two bytes that
	// may start a header.
	at := max(from, end-int64(len(gzipMagic)-1))
	s.replay, s.pos = s.kept[at-s.keptAt:], at
	g.in.Reset(s)
	return g.scan(at)
}

// scan reads g.in on, from the offset at of the compressed input, to the
// next gzip header.
func (g *gzipStream) scan(at int64) (int64, bool) {
	for {
		head, _ := g.in.Peek(max(g.in.Buffered(), len(gzipMagic))) // short at the end of the input
		if i := bytes.Index(head, gzipMagic); i >= 0 {
			g.in.Discard(i)
			return at + int64(i), true
		}
		if len(head) < len(gzipMagic) {
			return 0, false
		}
		skip := len(head) - (len(gzipMagic) - 1) // the last bytes may start a header
		g.in.Discard(skip)
		at += int64(skip)
	}
}

// takeNotices returns the damage noted at offsets of the decompressed text
// before upTo (all of it when upTo < 0), and forgets it.
func (g *gzipStream) takeNotices(upTo int64) []notice {
	g.mu.Lock()
	defer g.mu.Unlock()
	i := 0
	for i < len(g.notices) && (upTo < 0 || g.notices[i].off <= upTo) {
		i++
	}
	out := g.notices[:i:i]
	g.notices = g.notices[i:]
	return out
}
