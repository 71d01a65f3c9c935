package cloudtrail

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// decoder converts the values of one validated record into envelope
// fields, collecting the values that do not convert.
type decoder struct {
	raw   []byte   // the record; values are sliced from it, not copied
	stack []string // the member names and indices above the current value
	errs  FieldErrors
	seen  uint64 // the fields of the current object given so far, by number
}

// memberFunc decodes one member of an object. It returns a number from 1
// to 63 that tells which field the member is for, or 0 for a member it
// does not know; it sets the field only when d.first says the field was
// not given before, so that the first member of a name counts.
type memberFunc func(key string, v jv) int

// path returns the JSON path of the member key of the current object. It is
// built only for errors, so decoding allocates no paths.
func (d *decoder) path(key string) string {
	p := ""
	for _, elem := range d.stack {
		p = JoinPath(p, elem)
	}
	return JoinPath(p, key)
}

// member decodes one member of an object with member. A member it does
// not know, and one whose value does not convert, is kept in *unknown as
// written. When a field's member comes twice (in any case of its name),
// the first counts, as with Event.Get: a later one is reported with
// ErrDuplicateMember and kept in *unknown, unless a member of that name is
// there already. d.seen holds the fields of the object given so far.
func (d *decoder) member(key string, v jv, member memberFunc, unknown *map[string]json.RawMessage) {
	n := len(d.errs)
	id := member(key, v)
	if id != 0 {
		if bit := uint64(1) << id; d.seen&bit != 0 {
			d.errs = append(d.errs, &FieldError{Path: d.path(key), Raw: d.text(v), Err: ErrDuplicateMember})
		} else {
			d.seen |= bit
			if !d.failedAt(n, key) {
				return
			}
		}
	}
	if *unknown == nil {
		*unknown = make(map[string]json.RawMessage)
	}
	if _, dup := (*unknown)[key]; dup {
		if id == 0 {
			d.errs = append(d.errs, &FieldError{Path: d.path(key), Raw: d.text(v), Err: ErrDuplicateMember})
		}
		return
	}
	(*unknown)[key] = d.rawValue(v)
}

// first reports whether field id of the current object has not been given
// before.
func (d *decoder) first(id int) bool { return d.seen&(1<<id) == 0 }

// object decodes the members of the object v with member (see
// decoder.member). A value that is no object is reported; it reports false
// for it and for null.
func (d *decoder) object(v jv, key string, member memberFunc, unknown *map[string]json.RawMessage) bool {
	switch d.raw[v.s] {
	case 'n':
		return false
	case '{':
	default:
		d.fail(key, v, "object")
		return false
	}
	if key != "" {
		d.stack = append(d.stack, key)
	}
	outer := d.seen
	d.seen = 0
	for i := v.s; ; {
		k, mv, ok := nextMember(d.raw[:v.e], i)
		if !ok {
			break
		}
		d.member(k, mv, member, unknown)
		i = mv.e
	}
	d.seen = outer
	if key != "" {
		d.stack = d.stack[:len(d.stack)-1]
	}
	return true
}

// failedAt reports whether one of the errors recorded since the first n is
// about the member key of the current object itself, whose value must then
// be kept as written.
func (d *decoder) failedAt(n int, key string) bool {
	if len(d.errs) == n {
		return false
	}
	path := d.path(key)
	for _, err := range d.errs[n:] {
		if err.Path == path {
			return true
		}
	}
	return false
}

// fail records a value that does not convert.
func (d *decoder) fail(key string, v jv, want string) {
	d.errs = append(d.errs, &FieldError{Path: d.path(key), Raw: d.text(v), Want: want, Err: ErrConvert})
}

// text returns v's JSON text.
func (d *decoder) text(v jv) string { return bytesString(d.raw[v.s:v.e]) }

// rawValue returns v's JSON text as a slice of the record, or nil for null.
func (d *decoder) rawValue(v jv) json.RawMessage {
	if d.raw[v.s] == 'n' {
		return nil
	}
	return json.RawMessage(d.raw[v.s:v.e:v.e])
}

// strText returns the text of the string v.
func (d *decoder) strText(v jv) string {
	if v.esc {
		return jsonscan.Unescape(d.raw[v.s+1 : v.e-1])
	}
	return bytesString(d.raw[v.s+1 : v.e-1])
}

// str reads a string member. Numbers and booleans are kept as their text;
// objects and arrays are reported.
func (d *decoder) str(v jv, key string) string {
	switch d.raw[v.s] {
	case '"':
		return d.strText(v)
	case 'n':
		return ""
	case '{', '[':
		d.fail(key, v, "string")
		return ""
	}
	return d.text(v) // a number or a boolean
}

// bool reads a boolean member, given as a JSON boolean or as the strings
// "true" and "false" in any case.
func (d *decoder) bool(v jv, key string) *bool {
	var b bool
	switch d.raw[v.s] {
	case 't':
		b = true
	case 'f':
	case 'n':
		return nil
	case '"':
		parsed, err := strconv.ParseBool(strings.TrimSpace(d.strText(v)))
		if err != nil {
			d.fail(key, v, "boolean")
			return nil
		}
		b = parsed
	default:
		d.fail(key, v, "boolean")
		return nil
	}
	return &b
}

// time reads a time member in any form ParseTime accepts.
func (d *decoder) time(v jv, key string) time.Time {
	var text string
	switch c := d.raw[v.s]; {
	case c == 'n':
		return time.Time{}
	case c == '"':
		text = d.strText(v)
	case c == '-' || jsonscan.IsDigit(c):
		text = d.text(v)
	default:
		d.fail(key, v, "time")
		return time.Time{}
	}
	// RFC 3339 without fractions is by far the most common form.
	if len(text) == 20 && text[19] == 'Z' {
		if t, err := time.Parse(time.RFC3339, text); err == nil {
			return t
		}
	}
	t, err := ParseTime(text)
	if err != nil {
		d.errs = append(d.errs, &FieldError{Path: d.path(key), Raw: d.text(v), Want: "time", Err: err})
		return time.Time{}
	}
	return t
}

func (d *decoder) userIdentity(v jv, key string) *UserIdentity {
	u := new(UserIdentity)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "type":
			if d.first(1) {
				u.Type = d.str(v, key)
			}
			return 1
		case "principalid":
			if d.first(2) {
				u.PrincipalID = d.str(v, key)
			}
			return 2
		case "arn":
			if d.first(3) {
				u.ARN = d.str(v, key)
			}
			return 3
		case "accountid":
			if d.first(4) {
				u.AccountID = d.str(v, key)
			}
			return 4
		case "accesskeyid":
			if d.first(5) {
				u.AccessKeyID = d.str(v, key)
			}
			return 5
		case "username":
			if d.first(6) {
				u.UserName = d.str(v, key)
			}
			return 6
		case "invokedby":
			if d.first(7) {
				u.InvokedBy = d.str(v, key)
			}
			return 7
		case "identityprovider":
			if d.first(8) {
				u.IdentityProvider = d.str(v, key)
			}
			return 8
		case "credentialid":
			if d.first(9) {
				u.CredentialID = d.str(v, key)
			}
			return 9
		case "sessioncontext":
			if d.first(10) {
				u.SessionContext = d.sessionContext(v, key)
			}
			return 10
		case "onbehalfof":
			if d.first(11) {
				u.OnBehalfOf = d.onBehalfOf(v, key)
			}
			return 11
		case "inscopeof":
			if d.first(12) {
				u.InScopeOf = d.inScopeOf(v, key)
			}
			return 12
		case "invokedbydelegate":
			if d.first(13) {
				u.InvokedByDelegate = d.invokedByDelegate(v, key)
			}
			return 13
		default:
			return 0
		}
	}, &u.Unknown)
	if !ok {
		return nil
	}
	return u
}

func (d *decoder) sessionContext(v jv, key string) *SessionContext {
	s := new(SessionContext)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "attributes":
			if d.first(1) {
				s.Attributes = d.sessionAttributes(v, key)
			}
			return 1
		case "sessionissuer":
			if d.first(2) {
				s.SessionIssuer = d.sessionIssuer(v, key)
			}
			return 2
		case "webidfederationdata":
			if d.first(3) {
				s.WebIDFederationData = d.webIDFederationData(v, key)
			}
			return 3
		case "sourceidentity":
			if d.first(4) {
				s.SourceIdentity = d.str(v, key)
			}
			return 4
		case "ec2roledelivery":
			if d.first(5) {
				s.EC2RoleDelivery = d.str(v, key)
			}
			return 5
		case "ec2issuedinvpc":
			if d.first(6) {
				s.EC2IssuedInVPC = d.str(v, key)
			}
			return 6
		case "assumedroot":
			if d.first(7) {
				s.AssumedRoot = d.bool(v, key)
			}
			return 7
		default:
			return 0
		}
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) sessionAttributes(v jv, key string) *SessionAttributes {
	a := new(SessionAttributes)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "creationdate":
			if d.first(1) {
				a.CreationDate = d.time(v, key)
			}
			return 1
		case "mfaauthenticated":
			if d.first(2) {
				a.MFAAuthenticated = d.bool(v, key)
			}
			return 2
		default:
			return 0
		}
	}, &a.Unknown)
	if !ok {
		return nil
	}
	return a
}

func (d *decoder) sessionIssuer(v jv, key string) *SessionIssuer {
	s := new(SessionIssuer)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "type":
			if d.first(1) {
				s.Type = d.str(v, key)
			}
			return 1
		case "principalid":
			if d.first(2) {
				s.PrincipalID = d.str(v, key)
			}
			return 2
		case "arn":
			if d.first(3) {
				s.ARN = d.str(v, key)
			}
			return 3
		case "accountid":
			if d.first(4) {
				s.AccountID = d.str(v, key)
			}
			return 4
		case "username":
			if d.first(5) {
				s.UserName = d.str(v, key)
			}
			return 5
		default:
			return 0
		}
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) webIDFederationData(v jv, key string) *WebIDFederationData {
	w := new(WebIDFederationData)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "federatedprovider":
			if d.first(1) {
				w.FederatedProvider = d.str(v, key)
			}
			return 1
		case "attributes":
			if d.first(2) {
				w.Attributes = d.rawValue(v)
			}
			return 2
		default:
			return 0
		}
	}, &w.Unknown)
	if !ok {
		return nil
	}
	return w
}

func (d *decoder) onBehalfOf(v jv, key string) *OnBehalfOf {
	o := new(OnBehalfOf)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "userid":
			if d.first(1) {
				o.UserID = d.str(v, key)
			}
			return 1
		case "identitystorearn":
			if d.first(2) {
				o.IdentityStoreARN = d.str(v, key)
			}
			return 2
		default:
			return 0
		}
	}, &o.Unknown)
	if !ok {
		return nil
	}
	return o
}

func (d *decoder) inScopeOf(v jv, key string) *InScopeOf {
	s := new(InScopeOf)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "sourcearn":
			if d.first(1) {
				s.SourceARN = d.str(v, key)
			}
			return 1
		case "sourceaccount":
			if d.first(2) {
				s.SourceAccount = d.str(v, key)
			}
			return 2
		case "issuertype":
			if d.first(3) {
				s.IssuerType = d.str(v, key)
			}
			return 3
		case "credentialsissuedto":
			if d.first(4) {
				s.CredentialsIssuedTo = d.str(v, key)
			}
			return 4
		default:
			return 0
		}
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) invokedByDelegate(v jv, key string) *InvokedByDelegate {
	s := new(InvokedByDelegate)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		if string(foldKey(&buf, key)) != "accountid" {
			return 0
		}
		if d.first(1) {
			s.AccountID = d.str(v, key)
		}
		return 1
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) addendum(v jv, key string) *Addendum {
	a := new(Addendum)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "reason":
			if d.first(1) {
				a.Reason = d.str(v, key)
			}
			return 1
		case "updatedfields":
			if d.first(2) {
				a.UpdatedFields = d.str(v, key)
			}
			return 2
		case "originalrequestid":
			if d.first(3) {
				a.OriginalRequestID = d.str(v, key)
			}
			return 3
		case "originaleventid":
			if d.first(4) {
				a.OriginalEventID = d.str(v, key)
			}
			return 4
		default:
			return 0
		}
	}, &a.Unknown)
	if !ok {
		return nil
	}
	return a
}

func (d *decoder) tlsDetails(v jv, key string) *TLSDetails {
	t := new(TLSDetails)
	ok := d.object(v, key, func(key string, v jv) int {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "tlsversion":
			if d.first(1) {
				t.TLSVersion = d.str(v, key)
			}
			return 1
		case "ciphersuite":
			if d.first(2) {
				t.CipherSuite = d.str(v, key)
			}
			return 2
		case "clientprovidedhostheader":
			if d.first(3) {
				t.ClientProvidedHostHeader = d.str(v, key)
			}
			return 3
		default:
			return 0
		}
	}, &t.Unknown)
	if !ok {
		return nil
	}
	return t
}

func (d *decoder) resources(v jv, key string) []Resource {
	switch d.raw[v.s] {
	case 'n':
		return nil
	case '[':
	default:
		d.fail(key, v, "array")
		return nil
	}
	var out []Resource
	d.stack = append(d.stack, key)
	for i, at := 0, v.s; ; i++ {
		item, ok := nextElement(d.raw[:v.e], at)
		if !ok {
			break
		}
		at = item.e
		var r Resource
		if d.object(item, indexName(i), func(key string, v jv) int {
			var buf [maxFoldKey]byte
			switch string(foldKey(&buf, key)) {
			case "arn":
				if d.first(1) {
					r.ARN = d.str(v, key)
				}
				return 1
			case "arnprefix":
				if d.first(2) {
					r.ARNPrefix = d.str(v, key)
				}
				return 2
			case "accountid":
				if d.first(3) {
					r.AccountID = d.str(v, key)
				}
				return 3
			case "type":
				if d.first(4) {
					r.Type = d.str(v, key)
				}
				return 4
			default:
				return 0
			}
		}, &r.Unknown) {
			out = append(out, r)
		}
	}
	d.stack = d.stack[:len(d.stack)-1]
	return out
}

// indexNames are the path elements of the first array indices, made once.
var indexNames = func() (names [16]string) {
	for i := range names {
		names[i] = "[" + strconv.Itoa(i) + "]"
	}
	return names
}()

// indexName returns the path element of array index i, such as "[3]".
func indexName(i int) string {
	if i < len(indexNames) {
		return indexNames[i]
	}
	return "[" + strconv.Itoa(i) + "]"
}

// maxFoldKey is the longest member name foldKey folds; no envelope member
// is longer.
const maxFoldKey = 32

// foldKey writes key in ASCII lower case into buf and returns that part of
// buf, for matching member names without regard to case in a switch on
// string(foldKey(...)), which does not allocate. Keys longer than any
// envelope member name come back empty, so they match nothing.
func foldKey(buf *[maxFoldKey]byte, key string) []byte {
	if len(key) > maxFoldKey {
		return nil
	}
	for i := 0; i < len(key); i++ {
		buf[i] = jsonscan.Lower(key[i])
	}
	return buf[:len(key)]
}
