package cloudtrail

import "encoding/json"

// RawMember is one member of a JSON object, kept as it was written in the
// record: its key exactly as spelled there and its value as raw JSON.
type RawMember struct {
	Name  string          // the key as written, such as "encryption"
	Value json.RawMessage // the value as written, such as "\"***\""
}

// RawMembers is the ordered list of members that a typed structure keeps
// besides its typed fields: members the service model does not have, values
// that did not convert to the type of their field (reported as FieldErrors
// as well), and explicit nulls. The generated MarshalJSON methods write them
// back, so that re-encoding a decoded value gives every member it was
// decoded from.
//
// A kept value whose name matches a modelled member stands in for that
// member while its typed field is not set; once the field is set, the field
// is written instead.
type RawMembers []RawMember

// Get returns the value of the first member whose name equals name without
// regard to ASCII case.
func (m RawMembers) Get(name string) (json.RawMessage, bool) {
	for _, r := range m {
		if equalFoldASCII(r.Name, name) {
			return r.Value, true
		}
	}
	return nil, false
}
