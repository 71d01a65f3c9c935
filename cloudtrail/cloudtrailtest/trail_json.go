package cloudtrailtest

import (
	"strconv"
	"time"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// trailJW appends compact JSON to b, placing the commas between members and
// elements itself.
type trailJW struct {
	b     []byte
	comma bool // a value ends the current level, so the next one needs a comma
}

func (w *trailJW) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
}

// open starts an object or array ('{' or '[').
func (w *trailJW) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.comma = false
}

// close ends an object or array ('}' or ']').
func (w *trailJW) close(c byte) {
	w.b = append(w.b, c)
	w.comma = true
}

// key starts a member.
func (w *trailJW) key(k string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	w.comma = false
}

// str writes a string value.
func (w *trailJW) str(s string) {
	w.sep()
	w.b = jsonscan.AppendString(w.b, s)
	w.comma = true
}

// strs writes a string value made of parts.
func (w *trailJW) strs(parts ...string) {
	w.beginStr()
	for _, p := range parts {
		w.b = jsonscan.AppendEscaped(w.b, p)
	}
	w.endStr()
}

// beginStr and endStr frame a string value whose text the caller appends
// to w.b, already escaped.
func (w *trailJW) beginStr() {
	w.sep()
	w.b = append(w.b, '"')
}

func (w *trailJW) endStr() {
	w.b = append(w.b, '"')
	w.comma = true
}

// raw writes a JSON value given as text.
func (w *trailJW) raw(v string) {
	w.sep()
	w.b = append(w.b, v...)
	w.comma = true
}

// rawBytes writes a JSON value given as bytes.
func (w *trailJW) rawBytes(v []byte) {
	w.sep()
	w.b = append(w.b, v...)
	w.comma = true
}

func (w *trailJW) int(n int64) {
	w.sep()
	w.b = strconv.AppendInt(w.b, n, 10)
	w.comma = true
}

func (w *trailJW) bool(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
	w.comma = true
}

func (w *trailJW) time(t time.Time) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = t.AppendFormat(w.b, "2006-01-02T15:04:05Z")
	w.b = append(w.b, '"')
	w.comma = true
}

func (w *trailJW) ks(k, v string) {
	w.key(k)
	w.str(v)
}

func (w *trailJW) ki(k string, n int64) {
	w.key(k)
	w.int(n)
}

func (w *trailJW) kb(k string, v bool) {
	w.key(k)
	w.bool(v)
}

func (w *trailJW) kobj(k string) {
	w.key(k)
	w.open('{')
}

func (w *trailJW) karr(k string) {
	w.key(k)
	w.open('[')
}

func (w *trailJW) knull(k string) {
	w.key(k)
	w.raw("null")
}
