package cloudtrail

import (
	"encoding/json"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// RawMember is one member of a JSON object, kept as it was written in the
// record: its key exactly as spelled there and its value as raw JSON.
type RawMember struct {
	Name  string          // the key as written, such as "encryption"
	Value json.RawMessage // the value as written, such as "\"***\""
	// Duplicate is set for a later member of a name the structure has
	// been given before (reported with ErrDuplicateMember). Such members
	// are kept for inspection and not written back.
	Duplicate bool
}

// RawMembers is the ordered list of members that a typed structure keeps
// besides its typed fields: members the service model does not have, values
// that did not convert to the type of their field (reported as FieldErrors
// as well), explicit nulls, the later members of a name given twice
// (reported with ErrDuplicateMember), and the text of values that converted
// but are written otherwise than the encoder writes them (a number in a
// string, 90.0, "true"). The generated MarshalJSON methods write them back,
// so that re-encoding a decoded value gives every member as it was written,
// with one exception: of a name given twice, only the first member is
// written, since JSON readers disagree on which of two members counts
// (RFC 8259, section 4); the later ones stay here, marked Duplicate, for
// inspection.
//
// A kept value whose name matches a modelled member stands in for that
// member while its typed field is not set, and while the field holds the
// value the kept text decodes to; once the field is set to another value,
// the field is written instead.
type RawMembers []RawMember

// Get returns the value of the first member whose name equals name without
// regard to ASCII case.
func (m RawMembers) Get(name string) (json.RawMessage, bool) {
	for _, r := range m {
		if jsonscan.EqualFold(r.Name, name) {
			return r.Value, true
		}
	}
	return nil, false
}

// Equal reports whether m and o hold the same members in the same order:
// the same names, and values that are the same JSON value (white space and
// the form of numbers aside). go-cmp uses it, so that typed values read
// from the same record written compact and indented compare equal.
func (m RawMembers) Equal(o RawMembers) bool {
	if len(m) != len(o) {
		return false
	}
	for i := range m {
		if m[i].Name != o[i].Name || m[i].Duplicate != o[i].Duplicate || !jsonscan.Equal(m[i].Value, o[i].Value) {
			return false
		}
	}
	return true
}
