package cloudtrail

import (
	"strconv"
	"strings"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// filter selects records by event source and event name, and whether they
// are changes, from their bytes.
type filter struct {
	sources map[string]struct{} // canonical event sources; nil: any
	names   map[string]struct{} // event names; nil: any
	changes *Registry           // WithWritesOnly: the registry that tells; nil: any
}

func newFilter(o *options) filter {
	var f filter
	if o.writesOnly {
		f.changes = DefaultRegistry
	}
	if len(o.sources) > 0 {
		f.sources = make(map[string]struct{}, len(o.sources))
		for _, s := range o.sources {
			f.sources[s] = struct{}{}
		}
	}
	if len(o.names) > 0 {
		f.names = make(map[string]struct{}, len(o.names))
		for _, n := range o.names {
			f.names[n] = struct{}{}
		}
	}
	return f
}

// active reports whether the filter skips anything.
func (f *filter) active() bool { return f.sources != nil || f.names != nil || f.changes != nil }

// matchSourceText reports whether the text of an eventSource string, as
// written between its quotes, is a wanted source.
func (f *filter) matchSourceText(text []byte) bool {
	if f.sources == nil {
		return true
	}
	if _, ok := f.sources[string(text)]; ok {
		return true
	}
	if isCanonicalText(text) {
		return false
	}
	_, ok := f.sources[CanonicalEventSource(unquoteText(text))]
	return ok
}

// matchNameText reports whether the text of an eventName string, as
// written between its quotes, is a wanted name.
func (f *filter) matchNameText(text []byte) bool {
	if f.names == nil {
		return true
	}
	if _, ok := f.names[string(text)]; ok {
		return true
	}
	for _, c := range text {
		if c == '\\' {
			_, ok := f.names[unquoteText(text)]
			return ok
		}
	}
	return false
}

// matchRecord decides for the bytes of one complete, valid record; it is
// used off the fast path, for records that came wrapped in another
// container. Like the decoder, it takes the first member named eventSource
// or eventName without regard to ASCII case.
func (f *filter) matchRecord(raw []byte) bool {
	if !f.active() {
		return true
	}
	none := jv{s: -1}
	src, name, insight := none, none, none
	find := func(obj jv) {
		for i := obj.s; ; {
			key, v, ok := nextMember(raw[:obj.e], i)
			if !ok {
				return
			}
			i = v.e
			switch {
			case src.s < 0 && jsonscan.EqualFold(key, "eventSource"):
				src = v
			case name.s < 0 && jsonscan.EqualFold(key, "eventName"):
				name = v
			case insight.s < 0 && jsonscan.EqualFold(key, "insightDetails"):
				insight = v
			}
		}
	}
	if i := jsonscan.SkipSpace(raw, 0); i < len(raw) && raw[i] == '{' {
		find(jv{s: i, e: len(raw)})
	}
	if src.s < 0 && name.s < 0 && insight.s >= 0 && raw[insight.s] == '{' {
		// An Insights event: its source and name are in insightDetails.
		find(insight)
	}
	if f.sources != nil {
		s, ok := envelopeText(raw, src)
		if !ok {
			return false
		}
		if _, ok := f.sources[CanonicalEventSource(s)]; !ok {
			return false
		}
	}
	if f.names != nil {
		s, ok := envelopeText(raw, name)
		if !ok {
			return false
		}
		if _, ok := f.names[s]; !ok {
			return false
		}
	}
	return f.matchChange(raw)
}

// matchChange decides WithWritesOnly for the bytes of one record, as
// Registry.IsWrite decides for the Event the record decodes to: by the
// first top-level member named readOnly (without regard to ASCII case,
// like the decoder) when it is a boolean or a string of one, else by the
// facts of the operation that its eventSource and eventName name. It
// reads the record's top-level members and decodes none of them but those
// three.
func (f *filter) matchChange(raw []byte) bool {
	if f.changes == nil {
		return true
	}
	i := jsonscan.SkipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return false
	}
	none := jv{s: -1}
	src, name, ro := none, none, none
	for {
		key, v, ok := nextMember(raw, i)
		if !ok {
			break
		}
		i = v.e
		switch {
		case ro.s < 0 && jsonscan.EqualFold(key, "readOnly"):
			ro = v
		case src.s < 0 && jsonscan.EqualFold(key, "eventSource"):
			src = v
		case name.s < 0 && jsonscan.EqualFold(key, "eventName"):
			name = v
		}
	}
	if readOnly, ok := boolValue(raw, ro); ok {
		return !readOnly
	}
	s, ok := envelopeText(raw, src)
	if !ok {
		return false
	}
	n, ok := envelopeText(raw, name)
	if !ok {
		return false
	}
	info, ok := f.changes.Info(s, n)
	return ok && info.IsWrite()
}

// boolValue reads the boolean member v of raw as the decoder does: a JSON
// boolean, or a string that strconv.ParseBool takes. It reports false for
// anything else, which the decoder leaves unset.
func boolValue(raw []byte, v jv) (bool, bool) {
	if v.s < 0 || v.s >= len(raw) {
		return false, false
	}
	switch raw[v.s] {
	case 't':
		return true, true
	case 'f':
		return false, true
	case '"':
		if text, ok := envelopeText(raw, v); ok {
			b, err := strconv.ParseBool(strings.TrimSpace(text))
			return b, err == nil
		}
	}
	return false, false
}

// matchFields decides for a service event (see WithServiceEvents), whose
// canonical event source and event name are known. WithWritesOnly skips
// it: it is no call.
func (f *filter) matchFields(source, name string) bool {
	if f.changes != nil {
		return false
	}
	if f.sources != nil {
		if _, ok := f.sources[source]; !ok {
			return false
		}
	}
	if f.names != nil {
		if _, ok := f.names[name]; !ok {
			return false
		}
	}
	return true
}

// envelopeText returns the text the decoder gives the string member v of
// raw: strings as they are, numbers and booleans as written.
func envelopeText(raw []byte, v jv) (string, bool) {
	if v.s < 0 {
		return "", false
	}
	switch c := raw[v.s]; {
	case c == '"':
		if v.esc {
			return jsonscan.Unescape(raw[v.s+1 : v.e-1]), true
		}
		return string(raw[v.s+1 : v.e-1]), true
	case c == 't' || c == 'f' || c == '-' || jsonscan.IsDigit(c):
		return string(raw[v.s:v.e]), true
	}
	return "", false
}

// isCanonicalText reports whether an event source's text is already in the
// form CanonicalEventSource gives: lower case, no spaces or escapes, no
// EventBridge "aws." prefix.
func isCanonicalText(text []byte) bool {
	if len(text) == 0 {
		return true
	}
	if len(text) >= 4 && text[0] == 'a' && text[1] == 'w' && text[2] == 's' && text[3] == '.' {
		return false
	}
	for _, c := range text {
		if c >= 'A' && c <= 'Z' || c == '\\' || c == ' ' || c == '\t' || c >= 0x80 {
			return false
		}
	}
	return true
}

// unquoteText decodes the text of a JSON string as written between its
// quotes; text that does not decode is returned as it is.
func unquoteText(text []byte) string {
	q := make([]byte, 0, len(text)+2)
	q = append(q, '"')
	q = append(q, text...)
	q = append(q, '"')
	if end, esc, err := jsonscan.String(q, 0); err == nil && end == len(q) && esc {
		return jsonscan.Unescape(text)
	}
	return string(text)
}
