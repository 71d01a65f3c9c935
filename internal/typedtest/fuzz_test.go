package typedtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/mediatrail/mediatrail/cloudtrail"
	_ "github.com/mediatrail/mediatrail/internal/services" // every service package
)

// FuzzDecodeOperations feeds arbitrary bytes to the typed decoders of every
// operation of every service package, as the requestParameters and
// responseElements of a record: op picks the operation. No input may
// panic. What decodes must encode to valid JSON, and a round trip must
// hold: decoding the encoding gives the same typed values, and encoding
// those gives the same bytes (unless a field's member is given twice: the
// later one is reported, and not written back).
func FuzzDecodeOperations(f *testing.F) {
	ops := cloudtrail.DefaultRegistry.Operations()
	index := map[cloudtrail.Operation]uint16{}
	for i, op := range ops {
		index[op] = uint16(i)
	}
	for _, rec := range Records(f) {
		e, err := cloudtrail.Parse(rec.Data)
		if err != nil {
			continue
		}
		i, ok := index[cloudtrail.Operation{EventSource: cloudtrail.CanonicalEventSource(e.EventSource), EventName: e.EventName}]
		if !ok {
			continue
		}
		f.Add(i, []byte(e.RequestParameters), []byte(e.ResponseElements))
	}
	f.Add(uint16(0), []byte(`{"a":"90","b":[1,"2",3.0],"c":{"d":"***"},"c":1}`), []byte(`{"x":1e400,"y":"true"}`))
	f.Fuzz(func(t *testing.T, op uint16, req, resp []byte) {
		o := ops[int(op)%len(ops)]
		e := &cloudtrail.Event{EventSource: o.EventSource, EventName: o.EventName, RequestParameters: req, ResponseElements: resp}
		v, err := cloudtrail.Decode(e)
		if err != nil {
			return // malformed JSON: no typed value
		}
		parts := typedParts(v)
		// A field's member given twice is written once: the first counts.
		dup := false
		for _, fe := range v.(cloudtrail.TypedEvent).FieldErrors() {
			dup = dup || errors.Is(fe, cloudtrail.ErrDuplicateMember)
		}
		var enc [2][]byte
		for i, part := range parts {
			// MarshalJSON itself: json.Marshal would compact the kept
			// members' text.
			out, err := part.Interface().(json.Marshaler).MarshalJSON()
			if err != nil {
				return // a float32 that overflows: the only value that cannot encode
			}
			if !json.Valid(out) {
				t.Fatalf("%s: encoding is no JSON: %s", o.EventName, out)
			}
			enc[i] = out
		}
		if dup {
			return
		}
		again, err := cloudtrail.Decode(&cloudtrail.Event{EventSource: o.EventSource, EventName: o.EventName, RequestParameters: enc[0], ResponseElements: enc[1]})
		if err != nil {
			t.Fatalf("%s: decoding the encoding %s / %s: %v", o.EventName, enc[0], enc[1], err)
		}
		for i, part := range typedParts(again) {
			if !cmp.Equal(parts[i].Interface(), part.Interface(), memberOrder) {
				t.Fatalf("%s: the round trip changed the values (-first +again):\n%s\n%s", o.EventName, enc[i], cmp.Diff(parts[i].Interface(), part.Interface(), memberOrder))
			}
			out, err := part.Interface().(json.Marshaler).MarshalJSON()
			if err != nil || !bytes.Equal(out, enc[i]) {
				t.Fatalf("%s: encoding is not stable:\n%s\n%s", o.EventName, enc[i], out)
			}
		}
	})
}

// memberOrder compares kept members without regard to their order: the
// encoder writes them in the order of the model's fields.
var memberOrder = cmpopts.SortSlices(func(a, b cloudtrail.RawMember) bool {
	return a.Name < b.Name || a.Name == b.Name && string(a.Value) < string(b.Value)
})

// typedParts returns the Request and Response of a typed event.
func typedParts(v any) [2]reflect.Value {
	ev := reflect.ValueOf(v).Elem()
	return [2]reflect.Value{ev.FieldByName("Request"), ev.FieldByName("Response")}
}
