package cloudtrail

import (
	"io"
	"runtime"
	"sync"
)

// readAhead reads its source on a goroutine of its own, a few chunks ahead
// of the consumer, so that inflating a gzip stream and splitting records
// run in parallel.
type readAhead struct {
	chunks chan chunk
	free   chan []byte
	cur    chunk
	off    int
	err    error
}

type chunk struct {
	data []byte
	err  error
}

const (
	readAheadChunk = 256 << 10
	readAheadDepth = 4
)

// newReadAhead starts reading src ahead. The returned function stops the
// goroutine; it is also stopped when the reader is garbage collected.
func newReadAhead(src io.Reader) (io.Reader, func()) {
	ra := &readAhead{
		chunks: make(chan chunk, readAheadDepth),
		free:   make(chan []byte, readAheadDepth+1),
	}
	for i := 0; i < readAheadDepth+1; i++ {
		ra.free <- make([]byte, readAheadChunk)
	}
	quit := make(chan struct{})
	var once sync.Once
	stop := func() { once.Do(func() { close(quit) }) }
	go fetch(src, ra.chunks, ra.free, quit)
	runtime.AddCleanup(ra, func(stop func()) { stop() }, stop)
	return ra, stop
}

// fetch reads src into free buffers and sends them on chunks until the
// source ends or quit is closed. It must not refer to the readAhead, so
// that the readAhead can be collected while fetch waits.
func fetch(src io.Reader, chunks chan<- chunk, free <-chan []byte, quit <-chan struct{}) {
	defer close(chunks)
	for {
		var buf []byte
		select {
		case buf = <-free:
		case <-quit:
			return
		}
		n := 0
		var err error
		for n < len(buf) && err == nil {
			var m int
			m, err = src.Read(buf[n:])
			if m < 0 || m > len(buf)-n {
				m, err = 0, io.ErrShortBuffer
			}
			n += m
			if m == 0 && err == nil {
				// Let the consumer see what there is rather than spin.
				break
			}
		}
		select {
		case chunks <- chunk{buf[:n], err}:
		case <-quit:
			return
		}
		if err != nil {
			return
		}
	}
}

// Read implements io.Reader.
func (ra *readAhead) Read(p []byte) (int, error) {
	for ra.off == len(ra.cur.data) {
		if ra.err != nil {
			return 0, ra.err
		}
		if ra.cur.data != nil {
			select {
			case ra.free <- ra.cur.data[:cap(ra.cur.data)]:
			default:
			}
			ra.cur.data = nil
		}
		c, ok := <-ra.chunks
		if !ok {
			ra.err = io.ErrUnexpectedEOF
			continue
		}
		ra.cur, ra.off = c, 0
		if c.err != nil {
			ra.err = c.err
		}
	}
	n := copy(p, ra.cur.data[ra.off:])
	ra.off += n
	return n, nil
}
