package typedtest

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// WithoutEvent returns list with the Event field of each summary set to
// zero, so that tests compare the rest; CheckSummariesCarryEvent checks
// the Event.
func WithoutEvent[S any](list []S) []S {
	for i := range list {
		reflect.ValueOf(&list[i]).Elem().FieldByName("Event").SetZero()
	}
	return list
}

// CheckSummariesCarryEvent decodes the records of the test data of
// eventSource and checks that every summary that each of the summaries
// functions returns carries the EventRef of its event. Each function
// takes a typed event and returns a slice of summaries.
func CheckSummariesCarryEvent(t *testing.T, eventSource string, summaries ...any) {
	t.Helper()
	found := 0
	for _, e := range Events(t, eventSource) {
		v, err := cloudtrail.Decode(e)
		if err != nil {
			continue
		}
		want := e.Ref()
		for _, fn := range summaries {
			list := reflect.ValueOf(fn).Call([]reflect.Value{reflect.ValueOf(&v).Elem()})[0]
			for i := range list.Len() {
				got := list.Index(i).FieldByName("Event").Interface().(cloudtrail.EventRef)
				if got != want {
					t.Errorf("%s %s: summary %d of %s: Event = %+v, want %+v", e.EventName, e.EventID, i, list.Type(), got, want)
				}
				if got.EventName != e.EventName || got.EventID != e.EventID || !got.EventTime.Equal(e.EventTime) {
					t.Errorf("%s %s: summary %d of %s: Event = %+v", e.EventName, e.EventID, i, list.Type(), got)
				}
				found++
			}
		}
	}
	if found == 0 {
		t.Errorf("no summaries of %s in the test data", eventSource)
	}
}

// CheckSummaryJSON checks that every exported field of each summary type
// (a struct type) has a json tag with a camelCase name and omitzero, and
// that its zero value encodes to {}.
func CheckSummaryJSON(t *testing.T, types ...reflect.Type) {
	t.Helper()
	for _, typ := range types {
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			tag, ok := f.Tag.Lookup("json")
			name, opts, _ := strings.Cut(tag, ",")
			switch {
			case !ok || name == "" || name == "-":
				t.Errorf("%s.%s has no json name: %q", typ, f.Name, tag)
			case !unicode.IsLower(rune(name[0])) || strings.ContainsAny(name, "_- "):
				t.Errorf("%s.%s: json name %q is not camelCase", typ, f.Name, name)
			case !strings.Contains(","+opts+",", ",omitzero,"):
				t.Errorf("%s.%s: json tag %q lacks omitzero", typ, f.Name, tag)
			}
		}
		b, err := json.Marshal(reflect.New(typ).Interface())
		if err != nil || string(b) != "{}" {
			t.Errorf("zero %s encodes to %s, %v; want {}", typ, b, err)
		}
	}
}
