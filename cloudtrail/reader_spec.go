package cloudtrail

import (
	"bytes"
	"runtime"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// Splitting records on two CPUs. When the buffer holds a long stretch of a
// Records array that is not split yet, a helper goroutine takes its second
// half: it starts at a place that looks like the start of a record and
// splits (and, without a filter, validates and decodes) the records from
// there to the end of the data, while the Reader goes on through the first
// half. When the Reader comes to the helper's starting place at the start
// of an element, the helper's results are used and the Reader jumps to
// where the helper stopped; when it does not (the guess was wrong, which
// only odd input makes happen) they are dropped. The helper only reads a
// part of the buffer that nothing writes while it runs: the Reader waits
// for it before reading more input. Indices, the filter's decisions on
// containers, errors and their order are all the Reader's, as without a
// helper.

const (
	// specMin is the least data, in bytes, that the Reader splits with a
	// helper.
	specMin = 96 << 10
	// specBuffer is the size of the buffer of a Reader that uses helpers:
	// larger than a single CPU needs, so that each half is worth a
	// goroutine.
	specBuffer = 1 << 20
)

// specRecord is an element the helper found.
type specRecord struct {
	s, e int     // the element, b[s:e]
	kv   keyView // what its top-level members tell
	// walked lists the members of a record the helper validated; nil when
	// it did not.
	walked []memberPos
	ev     *Event // the record, decoded by the helper (Delivery.Index unset); nil when not
}

// spec is the work of one helper.
type spec struct {
	start  int           // where the helper started: the first byte of an element
	done   chan struct{} // closed when the helper is done
	recs   []specRecord  // the complete elements it found, in order
	end    int           // the position after the last of them
	decode bool          // validate and decode records (no filter)
	base   int64         // the offset of b[0] in the input
	format Format        // Delivery.Format of the elements
}

// recordStart is how CloudTrail starts each record of a log file. In
// valid JSON, `,{"eventVersion":` after the end of an object can only be
// the start of an element: the quote cannot close a string, since a letter
// follows it.
var recordStart = []byte(`{"eventVersion":`)

// findRecordStart returns the position of a likely element start in b at
// or after from, or -1.
func findRecordStart(b []byte, from int) int {
	for tries := 0; tries < 8 && from < len(b); tries++ {
		i := bytes.Index(b[from:], recordStart)
		if i < 0 {
			return -1
		}
		at := from + i
		j := at - 1
		for j > 0 && jsonscan.IsSpace(b[j]) {
			j--
		}
		if j > 0 && b[j] == ',' {
			j--
			for j > 0 && jsonscan.IsSpace(b[j]) {
				j--
			}
			if j >= 0 && b[j] == '}' {
				return at
			}
		}
		from = at + 1
	}
	return -1
}

// useHelpers reports whether splitting on two CPUs can pay.
func useHelpers() bool { return runtime.GOMAXPROCS(0) > 1 }

// startSpec starts a helper on the second half of the unsplit data, when
// there is enough of it. The Reader is at the start of an element.
func (r *Reader) startSpec() {
	avail := r.end - r.pos
	if avail < specMin {
		return
	}
	s := findRecordStart(r.buf[:r.end], r.pos+avail/2)
	if s < 0 {
		return
	}
	sp := &spec{
		start:  s,
		done:   make(chan struct{}),
		decode: r.walk,
		base:   r.base,
		format: r.elemFmt,
	}
	b := r.buf[:r.end]
	r.spec = sp
	go func() {
		defer close(sp.done)
		sp.run(b)
	}()
}

// run splits the elements of b from sp.start on.
func (sp *spec) run(b []byte) {
	p := sp.start
	var v objScan
	var w memberWalk
	for p < len(b) && b[p] == '{' {
		rec := specRecord{s: p}
		done := false
		if sp.decode {
			if end, err := w.run(b, p); err == nil {
				rec.e, rec.kv = end, w.keyView
				rec.walked = append([]memberPos(nil), w.members...)
				done = true
				if rec.kv.mask&keyContainer == 0 && rec.kv.mask&recordKeys != 0 && !rec.kv.odd &&
					!(rec.kv.srcS >= 0 && rec.kv.srcE-rec.kv.srcS >= 4 && string(b[rec.kv.srcS:rec.kv.srcS+4]) == "aws:") {
					rec.ev = decodeSpec(bytes.Clone(b[p:end]), rec.walked, sp.format, sp.base+int64(p))
				}
			}
		}
		if !done {
			v.reset(p, true, false)
			end, res := v.run(b, p)
			if res != scanDone {
				return
			}
			rec.e, rec.kv = end, v.keyView
		}
		// Only an element followed by another element is taken: what
		// ends the array, or follows it otherwise (a member name after a
		// stray closing brace), is left to the Reader.
		q := jsonscan.SkipSpace(b, rec.e)
		if q >= len(b) || b[q] != ',' {
			return
		}
		next := jsonscan.SkipSpace(b, q+1)
		if next >= len(b) || b[next] != '{' {
			return
		}
		sp.recs = append(sp.recs, rec)
		sp.end = rec.e
		p = next
	}
}

// decodeSpec decodes a validated record for a helper.
func decodeSpec(raw []byte, walked []memberPos, f Format, off int64) *Event {
	blk := new(struct {
		e Event
		d Delivery
	})
	parseWalked(&blk.e, raw, walked)
	blk.d.Format, blk.d.Offset = f, off
	blk.e.Delivery = &blk.d
	return &blk.e
}

// dropSpec waits for the helper, if any, and drops its work.
func (r *Reader) dropSpec() {
	if r.spec != nil {
		<-r.spec.done
		r.spec = nil
	}
}

// atElement is called at the start of an element (r.buf[r.pos] is '{').
// It reports true when the helper's work starts here and the Reader is
// now to take it.
func (r *Reader) atElement() bool {
	sp := r.spec
	if sp == nil {
		if r.helpers {
			r.startSpec()
		}
		return false
	}
	switch {
	case r.pos < sp.start:
		return false
	case r.pos > sp.start:
		r.dropSpec() // the guess was wrong
		return false
	}
	<-sp.done
	if len(sp.recs) == 0 {
		r.spec = nil
		return false
	}
	r.specNext = 0
	r.state = stSpec
	return true
}

// specStep hands out the next element the helper found.
func (r *Reader) specStep() (*Event, error, bool) {
	sp := r.spec
	if r.specNext >= len(sp.recs) {
		r.pos, r.mark = sp.end, sp.end
		r.spec = nil
		r.state = stAfterElem
		return nil, nil, false
	}
	rec := &sp.recs[r.specNext]
	r.specNext++
	r.elems++
	r.pos = rec.e
	if rec.ev != nil && rec.e-rec.s <= r.opt.maxRecord {
		// A record the helper decoded: number it, as valueOf would.
		r.mark = rec.e
		idx, ok := r.countRecord()
		if !ok {
			return nil, nil, false
		}
		e := rec.ev
		rec.ev = nil
		e.Delivery.Index, e.Delivery.Format = idx, r.elemFmt
		return e, nil, true
	}
	return r.valueOf(rec.s, rec.e, r.elemFmt, &rec.kv, rec.walked)
}
