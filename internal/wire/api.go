package wire

import (
	"encoding/binary"
	"errors"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// ErrNilEvent is the error for decoding a nil *cloudtrail.Event.
var ErrNilEvent = errors.New("wire: nil event")

// Fold writes k lower-cased (ASCII only) into buf and returns its length;
// a key longer than buf gives 0, as it cannot name a member. Generated code
// switches on string(buf[:Fold(buf[:], k)]), which does not allocate.
func Fold(buf []byte, k string) int {
	if len(k) > len(buf) {
		return 0
	}
	i := 0
	for ; i+8 <= len(k); i += 8 {
		// Eight bytes at a time: set bit 5 of the bytes in 'A'..'Z'.
		x := uint64(k[i]) | uint64(k[i+1])<<8 | uint64(k[i+2])<<16 | uint64(k[i+3])<<24 |
			uint64(k[i+4])<<32 | uint64(k[i+5])<<40 | uint64(k[i+6])<<48 | uint64(k[i+7])<<56
		const ones, highs = 0x0101010101010101, 0x8080808080808080
		h := x &^ highs
		ge := h + ones*(0x80-'A') // high bit set where h >= 'A'
		gt := h + ones*(0x7f-'Z') // high bit set where h > 'Z'
		upper := (ge &^ gt) &^ x & highs
		binary.LittleEndian.PutUint64(buf[i:], x|upper>>2)
	}
	for ; i < len(k); i++ {
		c := k[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return len(k)
}

// DecodeEvent decodes the requestParameters and responseElements of e with
// the generated decoders of the operation's input and output structures.
// Request and Response stay nil when their member is null or absent. It
// fails only for malformed JSON; values that do not convert are listed in
// the event's Errors.
//
// Like the Event's own strings, the strings of the typed values share the
// Event's bytes (e.RequestParameters and e.ResponseElements) instead of
// copying them; those bytes must not be modified.
func DecodeEvent[Req, Resp any](e *cloudtrail.Event, req func(*Req, *Decoder), resp func(*Resp, *Decoder)) (*cloudtrail.Typed[Req, Resp], error) {
	if e == nil {
		return nil, ErrNilEvent
	}
	ev := &cloudtrail.Typed[Req, Resp]{Event: e}
	d := NewDecoder()
	defer d.Release()
	if d.OpenShared(e.RequestParameters, "requestParameters") {
		ev.Request = new(Req)
		req(ev.Request, d)
	}
	d.Close()
	if d.OpenShared(e.ResponseElements, "responseElements") {
		ev.Response = new(Resp)
		resp(ev.Response, d)
	}
	d.Close()
	if err := d.Err(); err != nil {
		return nil, err
	}
	ev.Errors = d.FieldErrors()
	return ev, nil
}

// Any returns v as a DecodeFunc result: a nil interface, not a nil
// pointer, when err is set.
func Any[T any](v *T, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Unmarshal replaces *v with the object data, decoded by fn. It returns
// the syntax error, or else the FieldErrors as a cloudtrail.FieldErrors,
// or nil. Paths in the errors start at the object's members.
func Unmarshal[T any](data []byte, v *T, fn func(*T, *Decoder)) error {
	var zero T
	*v = zero
	d := NewDecoder()
	defer d.Release()
	if d.Open(data, "") {
		fn(v, d)
	}
	d.Close()
	return d.Result()
}

// Marshal encodes v with fn; a nil v encodes as null.
func Marshal[T any](v *T, fn func(*T, *Encoder)) ([]byte, error) {
	if v == nil {
		return []byte("null"), nil
	}
	e := NewEncoder()
	fn(v, e)
	return e.Finish()
}
