package cloudtrail

import (
	"bufio"
	"io"
	"math/bits"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// Buffers that Readers share. A Reader takes its large buffers (the
// buffer of the text, the buffered readers of its input, the state and
// window of its decompressor, the read-ahead chunks) from these pools when
// it opens its input, and gives them back once reading has ended: at the
// end of the input, after the error that ends reading, or on Close. So a
// program that reads many small inputs one after another, or several at
// once, reuses the same few buffers rather than making the collector free
// hundreds of kilobytes per input.
//
// What a Reader gives back is no longer reachable from it: its fields are
// cleared first, and nothing the Reader returned points into a buffer (an
// Event owns a copy of its bytes). A buffer that grew beyond maxPooled for
// a large record is left to the collector.

// maxPooled is the largest buffer, in bytes, that goes back to a pool.
const maxPooled = 1 << 20

// textPools holds text buffers (Reader.buf) by size class: class i holds
// buffers of a capacity of at least initialBuffer<<i bytes (and less than
// twice that, for all but the last class), each as a *[]byte, so that
// putting one back allocates nothing.
var textPools [textClasses]sync.Pool

// textClasses is the number of classes: initialBuffer<<(textClasses-1) is
// maxPooled.
const textClasses = 4

// textClass returns the class of buffers of at least size bytes, or -1
// when the size is larger than maxPooled.
func textClass(size int) int {
	for i := range textPools {
		if initialBuffer<<i >= size {
			return i
		}
	}
	return -1
}

// getText returns a text buffer of length size, from a pool when one is
// there, and the box to give it back in (see putText). Its bytes are
// not zeroed: a Reader reads no byte of it that it has not filled.
func getText(size int) ([]byte, *[]byte) {
	c := textClass(size)
	if c < 0 {
		return make([]byte, size), nil
	}
	if box, _ := textPools[c].Get().(*[]byte); box != nil {
		b := (*box)[:size]
		*box = nil
		return b, box
	}
	return make([]byte, size, initialBuffer<<c), nil
}

// putText gives a text buffer back, in box when it is not nil; buffers
// smaller than initialBuffer or larger than maxPooled are dropped.
func putText(b []byte, box *[]byte) {
	n := cap(b)
	if n < initialBuffer || n > maxPooled {
		return
	}
	c := bits.Len(uint(n/initialBuffer)) - 1
	if box == nil {
		box = new([]byte)
	}
	*box = b[:0]
	textPools[c].Put(box)
}

// bufio.Readers: those that detect the compression of the input (and read
// uncompressed input), and the small ones that peek at the decompressed
// text.
var (
	sniffPool sync.Pool // *bufio.Reader of readChunk bytes
	peekPool  sync.Pool // *bufio.Reader of peekSize bytes
)

const peekSize = 4096

// getBufio returns a bufio.Reader of size bytes (readChunk or peekSize)
// that reads from src.
func getBufio(src io.Reader, size int) *bufio.Reader {
	p := &sniffPool
	if size == peekSize {
		p = &peekPool
	}
	if br, _ := p.Get().(*bufio.Reader); br != nil {
		br.Reset(src)
		return br
	}
	return bufio.NewReaderSize(src, size)
}

// putBufio gives a bufio.Reader of getBufio back; it drops the source.
func putBufio(br *bufio.Reader) {
	if br == nil {
		return
	}
	br.Reset(nil)
	switch br.Size() {
	case readChunk:
		sniffPool.Put(br)
	case peekSize:
		peekPool.Put(br)
	}
}

// gzipKit is the reusable part of a gzipStream: the buffered reader of the
// compressed input, the decompressor with its window and tables, and the
// bytes kept to go on after damage.
type gzipKit struct {
	in   *bufio.Reader
	zr   gzip.Reader
	kept []byte
}

var gzipKits sync.Pool // *gzipKit

func getGzipKit() *gzipKit {
	if k, _ := gzipKits.Get().(*gzipKit); k != nil {
		return k
	}
	return &gzipKit{in: bufio.NewReaderSize(nil, gzipInBuffer)}
}

// readAheadChunks holds the chunks of read-ahead goroutines.
var readAheadChunks sync.Pool // *[readAheadChunk]byte

func getChunk() []byte {
	if c, _ := readAheadChunks.Get().(*[readAheadChunk]byte); c != nil {
		return c[:]
	}
	return make([]byte, readAheadChunk)
}

func putChunk(b []byte) {
	if cap(b) == readAheadChunk {
		readAheadChunks.Put((*[readAheadChunk]byte)(b[:readAheadChunk]))
	}
}

// release gives the Reader's buffers back to the pools once reading has
// ended; the Reader does not touch them again. A read-ahead goroutine
// gives back what it reads with (and its chunks) when it has ended too.
func (r *Reader) release() {
	if r.released || r.state == stInit {
		return
	}
	r.released = true
	if r.spent != nil {
		putText(r.spent, r.textBox)
		r.spent, r.textBox = nil, nil
	}
	r.in = nil
	for i := range r.peeks {
		putBufio(r.peeks[i])
		r.peeks[i] = nil
	}
	gz := r.gz
	if r.ra != nil {
		// The read-ahead goroutine reads the outermost layer, and gives it
		// back (and the sniffing reader under it) when both it and the
		// Reader are done.
		gz = gz[1:]
		r.ra.finish()
		r.ra = nil
	}
	for _, g := range gz {
		g.release()
	}
	putBufio(r.sniff)
	r.sniff = nil
}
