package cloudtrail

import (
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// readAhead reads its source on a goroutine of its own, a few chunks ahead
// of the consumer, so that inflating a gzip stream and splitting records
// run in parallel.
type readAhead struct {
	sh   *aheadShared
	stop func()
	cur  chunk
	off  int
	err  error
}

// aheadShared is what the consumer and the goroutine share. The goroutine
// refers to it, never to the readAhead, so that the readAhead can be
// collected while the goroutine waits.
type aheadShared struct {
	chunks chan chunk
	free   chan []byte
	// refs counts the sides still at work, the goroutine and the
	// consumer; the last one to be done gives the chunks, and what release
	// gives back, to the pools.
	refs    atomic.Int32
	release func()
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
// release, if not nil, is called once both the goroutine has ended and
// the consumer has called finish: then nothing reads src any more, and the
// buffers it reads with may be reused.
func newReadAhead(src io.Reader, release func()) (*readAhead, func()) {
	sh := &aheadShared{
		chunks:  make(chan chunk, readAheadDepth),
		free:    make(chan []byte, readAheadDepth+1),
		release: release,
	}
	sh.refs.Store(2)
	quit := make(chan struct{})
	var once sync.Once
	stop := func() { once.Do(func() { close(quit) }) }
	ra := &readAhead{sh: sh, stop: stop}
	go fetch(src, sh, quit)
	runtime.AddCleanup(ra, func(stop func()) { stop() }, stop)
	return ra, stop
}

// fetch reads src into free buffers and sends them on chunks until the
// source ends or quit is closed. It takes at most readAheadDepth+1 buffers
// from the pool, as it needs them, so that a small input takes one.
func fetch(src io.Reader, sh *aheadShared, quit <-chan struct{}) {
	defer func() {
		close(sh.chunks)
		sh.done()
	}()
	made := 0
	for {
		var buf []byte
		select {
		case buf = <-sh.free:
		case <-quit:
			return
		default:
			if made <= readAheadDepth {
				select {
				case <-quit:
					return
				default:
				}
				buf = getChunk()
				made++
				break
			}
			select {
			case buf = <-sh.free:
			case <-quit:
				return
			}
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
		case sh.chunks <- chunk{buf[:n], err}:
		case <-quit:
			sh.free <- buf // there is room for every buffer
			return
		}
		if err != nil {
			return
		}
	}
}

// done is called once by each side when it is done; the last gives the
// chunks back, and calls release.
func (sh *aheadShared) done() {
	if sh.refs.Add(-1) > 0 {
		return
	}
drain:
	for {
		select {
		case b := <-sh.free:
			putChunk(b)
		default:
			break drain
		}
	}
	for c := range sh.chunks { // closed: the goroutine has ended
		putChunk(c.data)
	}
	if sh.release != nil {
		sh.release()
		sh.release = nil
	}
}

// finish stops the goroutine, if it is still at work, and tells it that
// the consumer is done: Read is not called again.
func (ra *readAhead) finish() {
	ra.stop()
	if ra.cur.data != nil {
		ra.sh.free <- ra.cur.data // there is room for every buffer
		ra.cur.data = nil
	}
	ra.off = 0
	ra.err = io.ErrClosedPipe
	ra.sh.done()
}

// Read implements io.Reader.
func (ra *readAhead) Read(p []byte) (int, error) {
	for ra.off == len(ra.cur.data) {
		if ra.err != nil {
			return 0, ra.err
		}
		if ra.cur.data != nil {
			select {
			case ra.sh.free <- ra.cur.data[:cap(ra.cur.data)]:
			default:
			}
			ra.cur.data = nil
		}
		c, ok := <-ra.sh.chunks
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
