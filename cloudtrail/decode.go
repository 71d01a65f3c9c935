package cloudtrail

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/tidwall/gjson"
)

// decoder converts the gjson values of one record into envelope fields,
// collecting the values that do not convert.
type decoder struct {
	raw   []byte   // the record; values are sliced from it, not copied
	stack []string // the member names and indices above the current value
	errs  FieldErrors
}

// memberFunc decodes one member of an object and reports whether it knew it.
type memberFunc func(key string, v gjson.Result) bool

// path returns the JSON path of the member key of the current object. It is
// built only for errors, so decoding allocates no paths.
func (d *decoder) path(key string) string {
	p := ""
	for _, elem := range d.stack {
		p = JoinPath(p, elem)
	}
	return JoinPath(p, key)
}

// object calls member for each member of v; members it does not know are
// kept in *unknown. A value that is no object is reported and kept whole
// under the empty name.
func (d *decoder) object(v gjson.Result, key string, member memberFunc, unknown *map[string]json.RawMessage) bool {
	if v.Type == gjson.Null {
		return false
	}
	if !v.IsObject() {
		d.fail(key, v, "object")
		return false
	}
	if key != "" {
		d.stack = append(d.stack, key)
		defer func() { d.stack = d.stack[:len(d.stack)-1] }()
	}
	// The record was validated as a whole before its members are decoded,
	// so forEachMember may skip over values instead of parsing them.
	forEachMember(v, func(key string, val gjson.Result) bool {
		if n := len(d.errs); !member(key, val) || d.failedAt(n, key) {
			if *unknown == nil {
				*unknown = make(map[string]json.RawMessage)
			}
			(*unknown)[key] = d.rawValue(val)
		}
		return true
	})
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
func (d *decoder) fail(key string, v gjson.Result, want string) {
	d.errs = append(d.errs, &FieldError{Path: d.path(key), Raw: v.Raw, Want: want, Err: ErrConvert})
}

// rawValue returns v's JSON text as a slice of the record, or nil for null.
func (d *decoder) rawValue(v gjson.Result) json.RawMessage {
	if v.Type == gjson.Null || v.Raw == "" {
		return nil
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(v.Raw)))
	base := uintptr(unsafe.Pointer(unsafe.SliceData(d.raw)))
	if p >= base && p+uintptr(len(v.Raw)) <= base+uintptr(len(d.raw)) {
		off := int(p - base)
		return json.RawMessage(d.raw[off : off+len(v.Raw) : off+len(v.Raw)])
	}
	return json.RawMessage(v.Raw)
}

// str reads a string member. Numbers and booleans are kept as their text;
// objects and arrays are reported.
func (d *decoder) str(v gjson.Result, key string) string {
	switch v.Type {
	case gjson.String:
		return v.Str
	case gjson.Null:
		return ""
	case gjson.Number, gjson.True, gjson.False:
		return v.Raw
	}
	d.fail(key, v, "string")
	return ""
}

// bool reads a boolean member, given as a JSON boolean or as the strings
// "true" and "false" in any case.
func (d *decoder) bool(v gjson.Result, key string) *bool {
	var b bool
	switch v.Type {
	case gjson.True:
		b = true
	case gjson.False:
	case gjson.Null:
		return nil
	case gjson.String:
		parsed, err := strconv.ParseBool(strings.TrimSpace(v.Str))
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
func (d *decoder) time(v gjson.Result, key string) time.Time {
	var text string
	switch v.Type {
	case gjson.Null:
		return time.Time{}
	case gjson.String:
		text = v.Str
	case gjson.Number:
		text = v.Raw
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
		d.errs = append(d.errs, &FieldError{Path: d.path(key), Raw: v.Raw, Want: "time", Err: err})
		return time.Time{}
	}
	return t
}

func (d *decoder) userIdentity(v gjson.Result, key string) *UserIdentity {
	u := new(UserIdentity)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "type":
			u.Type = d.str(v, key)
		case "principalid":
			u.PrincipalID = d.str(v, key)
		case "arn":
			u.ARN = d.str(v, key)
		case "accountid":
			u.AccountID = d.str(v, key)
		case "accesskeyid":
			u.AccessKeyID = d.str(v, key)
		case "username":
			u.UserName = d.str(v, key)
		case "invokedby":
			u.InvokedBy = d.str(v, key)
		case "identityprovider":
			u.IdentityProvider = d.str(v, key)
		case "credentialid":
			u.CredentialID = d.str(v, key)
		case "sessioncontext":
			u.SessionContext = d.sessionContext(v, key)
		case "onbehalfof":
			u.OnBehalfOf = d.onBehalfOf(v, key)
		case "inscopeof":
			u.InScopeOf = d.inScopeOf(v, key)
		case "invokedbydelegate":
			u.InvokedByDelegate = d.invokedByDelegate(v, key)
		default:
			return false
		}
		return true
	}, &u.Unknown)
	if !ok {
		return nil
	}
	return u
}

func (d *decoder) sessionContext(v gjson.Result, key string) *SessionContext {
	s := new(SessionContext)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "attributes":
			s.Attributes = d.sessionAttributes(v, key)
		case "sessionissuer":
			s.SessionIssuer = d.sessionIssuer(v, key)
		case "webidfederationdata":
			s.WebIDFederationData = d.webIDFederationData(v, key)
		case "sourceidentity":
			s.SourceIdentity = d.str(v, key)
		case "ec2roledelivery":
			s.EC2RoleDelivery = d.str(v, key)
		case "ec2issuedinvpc":
			s.EC2IssuedInVPC = d.str(v, key)
		case "assumedroot":
			s.AssumedRoot = d.bool(v, key)
		default:
			return false
		}
		return true
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) sessionAttributes(v gjson.Result, key string) *SessionAttributes {
	a := new(SessionAttributes)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "creationdate":
			a.CreationDate = d.time(v, key)
		case "mfaauthenticated":
			a.MFAAuthenticated = d.bool(v, key)
		default:
			return false
		}
		return true
	}, &a.Unknown)
	if !ok {
		return nil
	}
	return a
}

func (d *decoder) sessionIssuer(v gjson.Result, key string) *SessionIssuer {
	s := new(SessionIssuer)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "type":
			s.Type = d.str(v, key)
		case "principalid":
			s.PrincipalID = d.str(v, key)
		case "arn":
			s.ARN = d.str(v, key)
		case "accountid":
			s.AccountID = d.str(v, key)
		case "username":
			s.UserName = d.str(v, key)
		default:
			return false
		}
		return true
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) webIDFederationData(v gjson.Result, key string) *WebIDFederationData {
	w := new(WebIDFederationData)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "federatedprovider":
			w.FederatedProvider = d.str(v, key)
		case "attributes":
			w.Attributes = d.rawValue(v)
		default:
			return false
		}
		return true
	}, &w.Unknown)
	if !ok {
		return nil
	}
	return w
}

func (d *decoder) onBehalfOf(v gjson.Result, key string) *OnBehalfOf {
	o := new(OnBehalfOf)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "userid":
			o.UserID = d.str(v, key)
		case "identitystorearn":
			o.IdentityStoreARN = d.str(v, key)
		default:
			return false
		}
		return true
	}, &o.Unknown)
	if !ok {
		return nil
	}
	return o
}

func (d *decoder) inScopeOf(v gjson.Result, key string) *InScopeOf {
	s := new(InScopeOf)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "sourcearn":
			s.SourceARN = d.str(v, key)
		case "sourceaccount":
			s.SourceAccount = d.str(v, key)
		case "issuertype":
			s.IssuerType = d.str(v, key)
		case "credentialsissuedto":
			s.CredentialsIssuedTo = d.str(v, key)
		default:
			return false
		}
		return true
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) invokedByDelegate(v gjson.Result, key string) *InvokedByDelegate {
	s := new(InvokedByDelegate)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		if string(foldKey(&buf, key)) != "accountid" {
			return false
		}
		s.AccountID = d.str(v, key)
		return true
	}, &s.Unknown)
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) addendum(v gjson.Result, key string) *Addendum {
	a := new(Addendum)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "reason":
			a.Reason = d.str(v, key)
		case "updatedfields":
			a.UpdatedFields = d.str(v, key)
		case "originalrequestid":
			a.OriginalRequestID = d.str(v, key)
		case "originaleventid":
			a.OriginalEventID = d.str(v, key)
		default:
			return false
		}
		return true
	}, &a.Unknown)
	if !ok {
		return nil
	}
	return a
}

func (d *decoder) tlsDetails(v gjson.Result, key string) *TLSDetails {
	t := new(TLSDetails)
	ok := d.object(v, key, func(key string, v gjson.Result) bool {
		var buf [maxFoldKey]byte
		switch string(foldKey(&buf, key)) {
		case "tlsversion":
			t.TLSVersion = d.str(v, key)
		case "ciphersuite":
			t.CipherSuite = d.str(v, key)
		case "clientprovidedhostheader":
			t.ClientProvidedHostHeader = d.str(v, key)
		default:
			return false
		}
		return true
	}, &t.Unknown)
	if !ok {
		return nil
	}
	return t
}

func (d *decoder) resources(v gjson.Result, key string) []Resource {
	if v.Type == gjson.Null {
		return nil
	}
	if !v.IsArray() {
		d.fail(key, v, "array")
		return nil
	}
	var out []Resource
	d.stack = append(d.stack, key)
	defer func() { d.stack = d.stack[:len(d.stack)-1] }()
	i := 0
	forEachElement(v, func(item gjson.Result) bool {
		var r Resource
		index := indexName(i)
		i++
		if !d.object(item, index, func(key string, v gjson.Result) bool {
			var buf [maxFoldKey]byte
			switch string(foldKey(&buf, key)) {
			case "arn":
				r.ARN = d.str(v, key)
			case "arnprefix":
				r.ARNPrefix = d.str(v, key)
			case "accountid":
				r.AccountID = d.str(v, key)
			case "type":
				r.Type = d.str(v, key)
			default:
				return false
			}
			return true
		}, &r.Unknown) {
			return true
		}
		out = append(out, r)
		return true
	})
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
		c := key[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(key)]
}
