package trailgen

import (
	"strconv"
	"time"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// jw appends compact JSON to b, placing the commas between members and
// elements itself.
type jw struct {
	b     []byte
	comma bool // a value ends the current level, so the next one needs a comma
}

func (w *jw) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
}

// open starts an object or array ('{' or '[').
func (w *jw) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.comma = false
}

// close ends an object or array ('}' or ']').
func (w *jw) close(c byte) {
	w.b = append(w.b, c)
	w.comma = true
}

// key starts a member.
func (w *jw) key(k string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	w.comma = false
}

// str writes a string value.
func (w *jw) str(s string) {
	w.sep()
	w.b = jsonscan.AppendString(w.b, s)
	w.comma = true
}

// strs writes a string value made of parts.
func (w *jw) strs(parts ...string) {
	w.beginStr()
	for _, p := range parts {
		w.b = jsonscan.AppendEscaped(w.b, p)
	}
	w.endStr()
}

// beginStr and endStr frame a string value whose text the caller appends
// to w.b, already escaped.
func (w *jw) beginStr() {
	w.sep()
	w.b = append(w.b, '"')
}

func (w *jw) endStr() {
	w.b = append(w.b, '"')
	w.comma = true
}

// raw writes a JSON value given as text.
func (w *jw) raw(v string) {
	w.sep()
	w.b = append(w.b, v...)
	w.comma = true
}

// rawBytes writes a JSON value given as bytes.
func (w *jw) rawBytes(v []byte) {
	w.sep()
	w.b = append(w.b, v...)
	w.comma = true
}

func (w *jw) int(n int64) {
	w.sep()
	w.b = strconv.AppendInt(w.b, n, 10)
	w.comma = true
}

func (w *jw) bool(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
	w.comma = true
}

func (w *jw) time(t time.Time) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = t.AppendFormat(w.b, "2006-01-02T15:04:05Z")
	w.b = append(w.b, '"')
	w.comma = true
}

func (w *jw) ks(k, v string) {
	w.key(k)
	w.str(v)
}

func (w *jw) ki(k string, n int64) {
	w.key(k)
	w.int(n)
}

func (w *jw) kb(k string, v bool) {
	w.key(k)
	w.bool(v)
}

func (w *jw) kobj(k string) {
	w.key(k)
	w.open('{')
}

func (w *jw) karr(k string) {
	w.key(k)
	w.open('[')
}

func (w *jw) knull(k string) {
	w.key(k)
	w.raw("null")
}
