package cloudtrail

import "github.com/tidwall/gjson"

// filter selects records by event source and event name from their bytes.
type filter struct {
	sources map[string]struct{} // canonical event sources; nil: any
	names   map[string]struct{} // event names; nil: any
}

func newFilter(o *options) filter {
	var f filter
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
func (f *filter) active() bool { return f.sources != nil || f.names != nil }

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
// container. Like the decoder, it takes the last member named eventSource
// or eventName without regard to ASCII case.
func (f *filter) matchRecord(raw []byte) bool {
	if !f.active() {
		return true
	}
	var src, name, insight gjson.Result
	forEachMember(gjson.Result{Type: gjson.JSON, Raw: bytesString(raw)}, func(key string, v gjson.Result) bool {
		switch {
		case equalFoldASCII(key, "eventSource"):
			src = v
		case equalFoldASCII(key, "eventName"):
			name = v
		case equalFoldASCII(key, "insightDetails"):
			insight = v
		}
		return true
	})
	if !src.Exists() && !name.Exists() && insight.IsObject() {
		// An Insights event: its source and name are in insightDetails.
		src, name = insight.Get("eventSource"), insight.Get("eventName")
	}
	return f.matchValues(src, name)
}

func (f *filter) matchValues(src, name gjson.Result) bool {
	if f.sources != nil {
		s, ok := envelopeText(src)
		if !ok {
			return false
		}
		if _, ok := f.sources[CanonicalEventSource(s)]; !ok {
			return false
		}
	}
	if f.names != nil {
		s, ok := envelopeText(name)
		if !ok {
			return false
		}
		if _, ok := f.names[s]; !ok {
			return false
		}
	}
	return true
}

// envelopeText returns the text the decoder gives a string member:
// strings as they are, numbers and booleans as written.
func envelopeText(v gjson.Result) (string, bool) {
	switch v.Type {
	case gjson.String:
		return v.Str, true
	case gjson.Number, gjson.True, gjson.False:
		return v.Raw, true
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
	if v := gjson.ParseBytes(q); v.Type == gjson.String {
		return v.Str
	}
	return string(text)
}
