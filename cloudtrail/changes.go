package cloudtrail

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// ChangeKind says how a value the service returned differs from the value
// that was requested.
type ChangeKind string

// The kinds of Change.
const (
	// ChangeFilled is a value the service returned where the request gave
	// none: a default it filled in.
	ChangeFilled ChangeKind = "filled"
	// ChangeChanged is a value both sides give, with different values.
	ChangeChanged ChangeKind = "changed"
	// ChangeDropped is a value the request gave and the service did not
	// return.
	ChangeDropped ChangeKind = "dropped"
	// ChangeRedacted is a value of which one side or both is a redaction
	// ("***", "HIDDEN_DUE_TO_SECURITY_REASONS"), so that the values cannot
	// be compared. It is reported whether or not the values differ, and
	// never as another kind; a nil Requested or Returned tells that the
	// value is on one side only.
	ChangeRedacted ChangeKind = "redacted"
)

// Change is one difference between a requested JSON value and the value a
// service returned for it; see Changes.
type Change struct {
	// Path is the JSON path of the value from the top of the compared
	// values, with the member names as the returned side writes them (as
	// the requested side does for a dropped value), joined as JoinPath
	// joins them: "settings.outputGroups[0].outputs[0].videoDescription.scalingBehavior".
	// It is "." when the compared values themselves differ (two different
	// numbers, say, or invalid JSON). Event.At reads it back:
	// e.At("requestParameters." + c.Path) for a change of ServiceChanges.
	Path string
	Kind ChangeKind
	// Requested is the requested value as written; nil for ChangeFilled.
	Requested json.RawMessage
	// Returned is the returned value as written; nil for ChangeDropped.
	Returned json.RawMessage
}

// maxChangeDepth is the nesting below which Changes compares objects and
// arrays whole, by their text, rather than member by member, so that its
// recursion, and the time it takes (each level scans what it holds), stay
// bounded on any input. Records nest a dozen levels at most.
const maxChangeDepth = 200

// Changes compares the JSON value a service returned with the value that
// was requested, and returns their differences in the order of the
// returned value: for an object, the changes in each of its members in the
// order the returned object writes them, then the members that only the
// requested object has (ChangeDropped).
//
// Objects are compared member by member, their names matched without
// regard to ASCII case (an exact match first), since records do not always
// spell a member the same way in the request and the response; of a name
// an object gives twice, the first counts. Arrays are compared by index:
// the elements past the end of the shorter one are filled or dropped. A
// member or element on one side only is one Change, whole. Other values
// are compared by value, as jsonscan.Equal does: strings by their
// unescaped content, numbers by their decimal value (90 and 90.0 are the
// same). null counts as absent. A value that is a redaction on either side
// is a ChangeRedacted, not compared. Objects and arrays 200 levels deep
// are compared whole, by their text, as one Change, so that the comparison
// is bounded whatever the depth of the input (records nest a dozen levels).
//
// Text that is empty or white space is absent. When either text is no
// valid JSON, the two are compared whole, byte for byte: Changes then
// returns one Change with the Path "." or none. It does not fail or panic
// otherwise.
//
// The Requested and Returned values of the changes share the memory of
// requested and returned, which the caller must not modify while it uses
// them.
func Changes(requested, returned json.RawMessage) []Change {
	req, ret := trimJSON(requested), trimJSON(returned)
	var d differ
	if (req != nil && !jsonscan.Valid(req)) || (ret != nil && !jsonscan.Valid(ret)) {
		d.leaf(req, ret)
	} else {
		d.compare(req, ret, 0)
	}
	return d.out
}

// differ collects the changes between two valid JSON values.
type differ struct {
	path []byte // the path of the values being compared
	out  []Change
}

// compare compares the valid values req and ret (nil when absent) at
// d.path, depth levels below the top.
func (d *differ) compare(req, ret []byte, depth int) {
	if isJSONNull(req) {
		req = nil
	}
	if isJSONNull(ret) {
		ret = nil
	}
	if req != nil && ret != nil && bytes.Equal(req, ret) && !mayHoldRedaction(req) {
		return // the same text, and no redaction in it to report
	}
	if req != nil && ret != nil && !jsonscan.IsRedaction(req) && !jsonscan.IsRedaction(ret) &&
		(req[0] == '{' || req[0] == '[') && req[0] == ret[0] {
		switch {
		case depth >= maxChangeDepth:
			if !bytes.Equal(req, ret) {
				d.add(ChangeChanged, req, ret)
			}
		case req[0] == '{':
			d.objects(req, ret, depth+1, false)
		default:
			d.arrays(req, ret, depth+1)
		}
		return
	}
	d.leaf(req, ret)
}

// mayHoldRedaction reports whether the valid value v may hold a redaction:
// whether its text has an asterisk, an escape (which may write one) or
// HIDDEN_DUE_TO_SECURITY_REASONS.
func mayHoldRedaction(v []byte) bool {
	return bytes.IndexByte(v, '*') >= 0 || bytes.IndexByte(v, '\\') >= 0 ||
		bytes.Contains(v, []byte("HIDDEN_DUE_TO_SECURITY_REASONS"))
}

// leaf compares req and ret whole.
func (d *differ) leaf(req, ret []byte) {
	switch {
	case req == nil && ret == nil:
	case jsonscan.IsRedaction(req) || jsonscan.IsRedaction(ret):
		d.add(ChangeRedacted, req, ret)
	case req == nil:
		d.add(ChangeFilled, nil, ret)
	case ret == nil:
		d.add(ChangeDropped, req, nil)
	case !jsonscan.Equal(req, ret):
		d.add(ChangeChanged, req, ret)
	}
}

// add records a change at d.path.
func (d *differ) add(kind ChangeKind, req, ret []byte) {
	path := "."
	if len(d.path) > 0 {
		path = string(d.path)
	}
	c := Change{Path: path, Kind: kind}
	if req != nil {
		c.Requested = json.RawMessage(req[:len(req):len(req)])
	}
	if ret != nil {
		c.Returned = json.RawMessage(ret[:len(ret):len(ret)])
	}
	d.out = append(d.out, c)
}

// objects compares the objects req and ret member by member. At the top
// (of an echo, see Event.ServiceChanges) only the members both have are
// compared.
func (d *differ) objects(req, ret []byte, depth int, top bool) {
	reqs, rets := collectMembers(req), collectMembers(ret)
	index := newMemberIndex(reqs)
	n := len(d.path)
	for i := range rets {
		m := &rets[i]
		if m.dup {
			continue
		}
		var reqValue []byte
		if j := index.match(reqs, m.name); j >= 0 {
			reqs[j].used = true
			reqValue = reqs[j].value
		} else if top {
			continue
		}
		d.path = jsonscan.AppendPathName(d.path, m.name)
		d.compare(reqValue, m.value, depth)
		d.path = d.path[:n]
	}
	if top {
		return
	}
	for i := range reqs {
		if m := &reqs[i]; !m.used && !m.dup {
			d.path = jsonscan.AppendPathName(d.path, m.name)
			d.compare(m.value, nil, depth)
			d.path = d.path[:n]
		}
	}
}

// arrays compares the arrays req and ret element by element.
func (d *differ) arrays(req, ret []byte, depth int) {
	n := len(d.path)
	i, j := 0, 0 // the positions to go on from; -1 after the last element
	for k := 0; i >= 0 || j >= 0; k++ {
		var reqValue, retValue []byte
		if i >= 0 {
			if s, e, ok := jsonscan.NextElement(req, i); ok {
				reqValue, i = req[s:e], e
			} else {
				i = -1
			}
		}
		if j >= 0 {
			if s, e, ok := jsonscan.NextElement(ret, j); ok {
				retValue, j = ret[s:e], e
			} else {
				j = -1
			}
		}
		if reqValue == nil && retValue == nil {
			break
		}
		d.path = append(d.path, '[')
		d.path = strconv.AppendInt(d.path, int64(k), 10)
		d.path = append(d.path, ']')
		d.compare(reqValue, retValue, depth)
		d.path = d.path[:n]
	}
}

// member is one member of an object being compared.
type member struct {
	name  string
	value []byte
	dup   bool // a later member of a name given before
	used  bool // matched with a member of the other side
}

// smallObject is the number of members up to which objects are searched
// and checked for duplicates member by member rather than with maps.
const smallObject = 16

// collectMembers returns the members of the valid object obj, in order,
// with the later ones of a name given twice marked.
func collectMembers(obj []byte) []member {
	var ms []member
	var seen map[string]bool
	for i := 0; ; {
		m, ok := jsonscan.NextMember(obj, i)
		if !ok {
			break
		}
		i = m.ValueEnd
		mem := member{name: jsonscan.Key(obj, m), value: obj[m.ValueStart:m.ValueEnd]}
		switch {
		case seen != nil:
			mem.dup = seen[mem.name]
			seen[mem.name] = true
		case len(ms) < smallObject:
			for k := range ms {
				if ms[k].name == mem.name {
					mem.dup = true
					break
				}
			}
		default:
			seen = make(map[string]bool, 2*len(ms))
			for k := range ms {
				seen[ms[k].name] = true
			}
			mem.dup = seen[mem.name]
			seen[mem.name] = true
		}
		ms = append(ms, mem)
	}
	return ms
}

// memberIndex finds members by name, for objects of more than smallObject
// members.
type memberIndex struct {
	exact map[string]int   // the first member of each name
	fold  map[string][]int // the members of each lower-cased name
}

func newMemberIndex(ms []member) memberIndex {
	if len(ms) <= smallObject {
		return memberIndex{}
	}
	x := memberIndex{exact: make(map[string]int, len(ms)), fold: make(map[string][]int, len(ms))}
	for k := range ms {
		if ms[k].dup {
			continue
		}
		x.exact[ms[k].name] = k
		l := asciiLower(ms[k].name)
		x.fold[l] = append(x.fold[l], k)
	}
	return x
}

// match returns the index of the member of ms that name matches and that
// no other name has matched, or -1: the member of that name, else the first
// of that name without regard to ASCII case.
func (x memberIndex) match(ms []member, name string) int {
	if x.exact == nil {
		for k := range ms {
			if !ms[k].dup && !ms[k].used && ms[k].name == name {
				return k
			}
		}
		for k := range ms {
			if !ms[k].dup && !ms[k].used && jsonscan.EqualFold(ms[k].name, name) {
				return k
			}
		}
		return -1
	}
	if k, ok := x.exact[name]; ok && !ms[k].used {
		return k
	}
	for _, k := range x.fold[asciiLower(name)] {
		if !ms[k].used {
			return k
		}
	}
	return -1
}

// asciiLower lower-cases the ASCII letters of s.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				b[k] = jsonscan.Lower(b[k])
			}
			return string(b)
		}
	}
	return s
}

// trimJSON returns text without the white space around it; nil when
// nothing else is left.
func trimJSON(text []byte) []byte {
	i, j := 0, len(text)
	for i < j && jsonscan.IsSpace(text[i]) {
		i++
	}
	for j > i && jsonscan.IsSpace(text[j-1]) {
		j--
	}
	if i == j {
		return nil
	}
	return text[i:j]
}

// isJSONNull reports whether the trimmed value v is null.
func isJSONNull(v []byte) bool { return string(v) == "null" }

// echoes maps operations to the member of their responseElements that
// echoes the request; see RegisterEcho.
var echoes struct {
	sync.RWMutex
	m map[Operation]string
}

// RegisterEcho declares that the responseElements of (eventSource,
// eventName) echo its requestParameters in their member named member
// (matched without regard to ASCII case, an exact match first), or, when
// member is "", whole: MediaConvert's CreateJob returns the job it made,
// with the settings it was given, as "job". It is what
// Event.ServiceChanges compares. The event source may be given in its
// EventBridge form. The service packages call it from init; like Register,
// it panics when the pair is registered twice.
func RegisterEcho(eventSource, eventName, member string) {
	echoes.Lock()
	defer echoes.Unlock()
	registerOp(&echoes.m, "RegisterEcho", eventSource, eventName, member)
}

// EchoMember returns the member of the responseElements of (eventSource,
// eventName) that echoes its request, as RegisterEcho declared it ("" for
// the whole responseElements), and whether one is declared.
func EchoMember(eventSource, eventName string) (member string, ok bool) {
	echoes.RLock()
	defer echoes.RUnlock()
	return lookupOp(echoes.m, eventSource, eventName)
}

// ServiceChanges returns what the service filled in, changed or dropped of
// what the call requested: the Changes from the requestParameters to the
// echo of them that RegisterEcho declares for the operation (import the
// service packages to declare theirs).
//
// At the top, only the members of requestParameters that the echo has too
// are compared, so that what the echo adds beside them (a job's id, status
// and timing) and what it does not return by design (tags) are not
// reported; inside those members everything is, the settings that the
// service filled in deep inside first of all. The paths start at the
// members: "settings.outputGroups[0].outputs[0].containerSettings.mp4Settings.cslgAtom".
// When either side is redacted whole, the one Change is a ChangeRedacted
// with the Path ".".
//
// It reports false, with no changes, for an operation without a declared
// echo, a failed call, and a record without requestParameters or without
// the echo, or with no valid JSON in them; true with no changes when the
// service returned what was requested.
func (e *Event) ServiceChanges() ([]Change, bool) {
	if e == nil || e.Failed() {
		return nil, false
	}
	member, ok := EchoMember(e.EventSource, e.EventName)
	if !ok {
		return nil, false
	}
	req, resp := trimJSON(e.RequestParameters), trimJSON(e.ResponseElements)
	if req == nil || resp == nil || isJSONNull(req) || isJSONNull(resp) || !jsonscan.Valid(req) || !jsonscan.Valid(resp) {
		return nil, false
	}
	echo := resp
	if member != "" && !jsonscan.IsRedaction(resp) {
		if echo = objectMember(resp, member); echo == nil || isJSONNull(echo) {
			return nil, false
		}
	}
	var d differ
	if req[0] == '{' && echo[0] == '{' {
		d.objects(req, echo, 1, true)
	} else {
		d.compare(req, echo, 0)
	}
	return d.out, true
}

// objectMember returns the value of the member of the valid object obj
// that name matches, or nil: the first of that name, else the first of that
// name without regard to ASCII case.
func objectMember(obj []byte, name string) []byte {
	if obj[0] != '{' {
		return nil
	}
	var folded []byte
	for i := 0; ; {
		m, ok := jsonscan.NextMember(obj, i)
		if !ok {
			return folded
		}
		i = m.ValueEnd
		key := jsonscan.Key(obj, m)
		if key == name {
			return obj[m.ValueStart:m.ValueEnd]
		}
		if folded == nil && jsonscan.EqualFold(key, name) {
			folded = obj[m.ValueStart:m.ValueEnd]
		}
	}
}
