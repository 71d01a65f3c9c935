package cloudtrailtest

import (
	"encoding/json"
	"strconv"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// Options returns the go-cmp options that compare what the library decodes
// as a test means it, so that
//
//	if diff := cmp.Diff(want, got, cloudtrailtest.Options()...); diff != "" {
//		t.Errorf("events (-want +got):\n%s", diff)
//	}
//
// is the one line a test needs, for events, typed events, their requests
// and responses, and slices of them:
//
//   - events compare field by field, so that a diff names the field, and
//     without Delivery (where the record was read from) or the record's
//     bytes;
//   - raw JSON (json.RawMessage: requestParameters, responseElements, kept
//     members, Unknown) compares as the JSON values it holds, so that white
//     space and the order of members do not count, numbers compare by
//     value, and a diff names the path inside it
//     (RequestParameters["settings"]["inputs"][0]["fileInput"]);
//   - cloudtrail.Time compares by instant, not by the text it was read
//     from, so that a time made in code equals one read from a record.
//
// Without these options cmp.Diff works too (Event.Equal compares whole
// records as JSON values), but a diff then shows whole events.
func Options() []cmp.Option {
	return []cmp.Option{
		cmp.Transformer("Fields", func(e *cloudtrail.Event) cloudtrail.Event {
			if e == nil {
				return cloudtrail.Event{}
			}
			// A copy without where the record was read from; the record's
			// bytes are ignored below, so that only the fields count.
			fields := *e
			fields.Delivery = nil
			return fields
		}),
		cmpopts.IgnoreUnexported(cloudtrail.Event{}),
		cmp.Transformer("JSON", jsonTree),
		cmp.Comparer(func(a, b cloudtrail.Time) bool { return a.Time.Equal(b.Time) }),
	}
}

// Number is a JSON number that a float64 does not hold exactly, as Options
// shows it in a diff: its text.
type Number string

// jsonTree turns raw JSON into the value it holds, for go-cmp to walk:
// objects as map[string]any (of a name given twice, the first counts),
// arrays as []any, numbers as float64 (or Number when a float64 does not
// hold them exactly), strings, booleans and nil. Text that is no JSON stays
// as it is, a string.
func jsonTree(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	if !jsonscan.Valid(raw) {
		return string(raw)
	}
	return jsonValue(raw, jsonscan.SkipSpace(raw, 0), 0)
}

// maxTreeDepth bounds the nesting jsonValue turns into values; deeper
// values stay text.
const maxTreeDepth = 200

// jsonValue returns the valid JSON value at b[i].
func jsonValue(b []byte, i, depth int) any {
	if depth > maxTreeDepth {
		return string(b[i:jsonscan.Skip(b, i)])
	}
	switch b[i] {
	case '{':
		m := map[string]any{}
		for at := i; ; {
			mem, ok := jsonscan.NextMember(b, at)
			if !ok {
				return m
			}
			if k := jsonscan.Key(b, mem); !hasMember(m, k) {
				m[k] = jsonValue(b, mem.ValueStart, depth+1)
			}
			at = mem.ValueEnd
		}
	case '[':
		a := []any{}
		for at := i; ; {
			s, e, ok := jsonscan.NextElement(b, at)
			if !ok {
				return a
			}
			a = append(a, jsonValue(b, s, depth+1))
			at = e
		}
	case '"':
		end, _ := jsonscan.StringEnd(b, i)
		return jsonscan.Unescape(b[i+1 : end-1])
	case 't':
		return true
	case 'f':
		return false
	case 'n':
		return nil
	}
	end, _, _ := jsonscan.Number(b, i)
	text := b[i:end]
	if f, err := strconv.ParseFloat(string(text), 64); err == nil && jsonscan.Equal(text, strconv.AppendFloat(nil, f, 'g', -1, 64)) {
		return f
	}
	return Number(jsonscan.CanonicalNumber(text))
}

func hasMember(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}
