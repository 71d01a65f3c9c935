// Package cloudtrail reads AWS CloudTrail records from every container they
// come in and decodes their envelope into typed Go values.
//
// An Event holds every documented member of a record; requestParameters,
// responseElements and the other service-defined members stay raw JSON with
// fast path accessors. The service packages (mediaconvert,
// elastictranscoder, transcribe, mediatailor) register typed decoders for
// those members, and Decode dispatches an Event to its typed form.
package cloudtrail

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unsafe"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
	"github.com/tidwall/gjson"
)

// Event is one CloudTrail record. Field names follow the record's member
// names with Go initialisms; members not listed here are kept in Unknown,
// and Raw returns the record's bytes exactly as read.
type Event struct {
	EventVersion    string        // eventVersion, such as "1.08"
	UserIdentity    *UserIdentity // userIdentity; nil when absent (Insights events)
	EventTime       time.Time     // eventTime, in UTC
	EventSource     string        // eventSource, such as "mediaconvert.amazonaws.com"
	EventName       string        // eventName, such as "CreateJob"
	AWSRegion       string        // awsRegion
	SourceIPAddress string        // sourceIPAddress
	UserAgent       string        // userAgent
	ErrorCode       string        // errorCode; empty when the call succeeded
	ErrorMessage    string        // errorMessage

	// RequestParameters is the requestParameters member as raw JSON; nil when
	// it is null or absent.
	RequestParameters json.RawMessage
	// ResponseElements is the responseElements member as raw JSON; nil when
	// it is null or absent.
	ResponseElements json.RawMessage
	// AdditionalEventData is the additionalEventData member as raw JSON.
	AdditionalEventData json.RawMessage

	RequestID            string          // requestID
	EventID              string          // eventID
	EventType            string          // eventType, such as "AwsApiCall"
	APIVersion           string          // apiVersion
	ManagementEvent      *bool           // managementEvent; nil when absent
	ReadOnly             *bool           // readOnly; nil when absent
	Resources            []Resource      // resources
	RecipientAccountID   string          // recipientAccountId
	ServiceEventDetails  json.RawMessage // serviceEventDetails as raw JSON
	SharedEventID        string          // sharedEventID (also read from sharedEventId)
	VPCEndpointID        string          // vpcEndpointId
	VPCEndpointAccountID string          // vpcEndpointAccountId
	EventCategory        string          // eventCategory, such as "Management"
	Addendum             *Addendum       // addendum
	// SessionCredentialFromConsole is sessionCredentialFromConsole, which
	// CloudTrail writes as the string "true"; nil when absent.
	SessionCredentialFromConsole *bool
	EdgeDeviceDetails            json.RawMessage // edgeDeviceDetails as raw JSON
	TLSDetails                   *TLSDetails     // tlsDetails
	InsightDetails               json.RawMessage // insightDetails as raw JSON
	EventContext                 json.RawMessage // eventContext as raw JSON

	// Unknown holds the members of the record that are not listed above,
	// by their names as written, so that new members AWS adds are kept.
	Unknown map[string]json.RawMessage

	// EnvelopeErrors lists envelope values that could not be converted (an
	// eventTime that is no time, a readOnly that is no boolean). The field is
	// left unset and the value is kept in Unknown under its name.
	EnvelopeErrors FieldErrors

	// Delivery describes the container the record was read from, when a
	// Reader read it; nil for Parse.
	Delivery *Delivery

	raw []byte
}

// Resource is one entry of a record's resources list.
type Resource struct {
	ARN       string                     // ARN (also read from arn)
	ARNPrefix string                     // ARNPrefix, for S3 data events on a prefix, such as "arn:aws:s3:::bucket/logs/"
	AccountID string                     // accountId
	Type      string                     // type, such as "AWS::S3::Object"
	Unknown   map[string]json.RawMessage // other members, as written
}

// Addendum tells why a record was delivered late or changed after delivery.
type Addendum struct {
	Reason            string                     // reason, such as "DELIVERY_DELAY"
	UpdatedFields     string                     // updatedFields
	OriginalRequestID string                     // originalRequestID
	OriginalEventID   string                     // originalEventID
	Unknown           map[string]json.RawMessage // other members, as written
}

// TLSDetails describes the TLS connection of the call.
type TLSDetails struct {
	TLSVersion               string                     // tlsVersion, such as "TLSv1.3"
	CipherSuite              string                     // cipherSuite
	ClientProvidedHostHeader string                     // clientProvidedHostHeader
	Unknown                  map[string]json.RawMessage // other members, as written
}

// UserIdentity tells who made the call.
type UserIdentity struct {
	// Type is the kind of identity: "Root", "IAMUser", "AssumedRole",
	// "Role", "FederatedUser", "Directory", "AWSAccount", "AWSService",
	// "IdentityCenterUser", "WebIdentityUser", "SAMLUser" or "Unknown".
	Type              string
	PrincipalID       string             // principalId
	ARN               string             // arn
	AccountID         string             // accountId
	AccessKeyID       string             // accessKeyId
	UserName          string             // userName
	InvokedBy         string             // invokedBy, such as "s3.amazonaws.com"
	IdentityProvider  string             // identityProvider
	CredentialID      string             // credentialId
	SessionContext    *SessionContext    // sessionContext
	OnBehalfOf        *OnBehalfOf        // onBehalfOf (IAM Identity Center)
	InScopeOf         *InScopeOf         // inScopeOf
	InvokedByDelegate *InvokedByDelegate // invokedByDelegate

	Unknown map[string]json.RawMessage // other members, as written
}

// SessionContext describes the temporary credentials of the call.
type SessionContext struct {
	Attributes          *SessionAttributes   // attributes
	SessionIssuer       *SessionIssuer       // sessionIssuer
	WebIDFederationData *WebIDFederationData // webIdFederationData
	SourceIdentity      string               // sourceIdentity
	EC2RoleDelivery     string               // ec2RoleDelivery, such as "2.0"
	EC2IssuedInVPC      string               // ec2IssuedInVPC
	AssumedRoot         *bool                // assumedRoot

	Unknown map[string]json.RawMessage // other members, as written
}

// SessionAttributes are the attributes of a session.
type SessionAttributes struct {
	CreationDate     time.Time                  // creationDate, in UTC
	MFAAuthenticated *bool                      // mfaAuthenticated
	Unknown          map[string]json.RawMessage // other members, as written
}

// SessionIssuer is the identity that issued a session's credentials.
type SessionIssuer struct {
	Type        string                     // type, such as "Role"
	PrincipalID string                     // principalId
	ARN         string                     // arn
	AccountID   string                     // accountId
	UserName    string                     // userName
	Unknown     map[string]json.RawMessage // other members, as written
}

// WebIDFederationData describes a web identity federation.
type WebIDFederationData struct {
	FederatedProvider string                     // federatedProvider
	Attributes        json.RawMessage            // attributes, as raw JSON
	Unknown           map[string]json.RawMessage // other members, as written
}

// OnBehalfOf names the IAM Identity Center user a call was made for.
type OnBehalfOf struct {
	UserID           string                     // userId
	IdentityStoreARN string                     // identityStoreArn
	Unknown          map[string]json.RawMessage // other members, as written
}

// InScopeOf describes the scope credentials were issued in.
type InScopeOf struct {
	SourceARN           string                     // sourceArn
	SourceAccount       string                     // sourceAccount
	IssuerType          string                     // issuerType
	CredentialsIssuedTo string                     // credentialsIssuedTo
	Unknown             map[string]json.RawMessage // other members, as written
}

// InvokedByDelegate names the account a delegated call was made by.
type InvokedByDelegate struct {
	AccountID string                     // accountId
	Unknown   map[string]json.RawMessage // other members, as written
}

// ErrSyntax is the error that Parse wraps when its input is not valid JSON.
// Errors about a given place in the text are a *SyntaxError, which matches
// it.
var ErrSyntax = errors.New("invalid JSON")

// SyntaxError reports where JSON text breaks. It matches ErrSyntax.
type SyntaxError struct {
	Msg    string // what is wrong, such as "expected , or } after object member"
	Offset int64  // where: the offset of the first wrong byte (or of the end) in the text In names
	In     string // the text Offset counts in, such as "the record" or "requestParameters"
	docs   bool   // the text has the marks of a documentation example
}

// Error implements error.
func (e *SyntaxError) Error() string {
	s := fmt.Sprintf("%v: %s at byte %d of %s", ErrSyntax, e.Msg, e.Offset, e.In)
	if e.docs {
		s += " (documentation-style JSON? Lenient() reads it)"
	}
	return s
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// ErrNotRecord is the error that Parse wraps when its input is valid JSON
// but no JSON object, and so no CloudTrail record.
var ErrNotRecord = errors.New("not a CloudTrail record")

// Parse decodes one CloudTrail record; a leading UTF-8 byte order mark is
// skipped. It copies data, so the caller may reuse it. Values that do not
// convert (see Event.EnvelopeErrors) do not make Parse fail; only input
// that is no JSON object does: invalid JSON with a *SyntaxError, other
// JSON with ErrNotRecord.
func Parse(data []byte) (*Event, error) {
	// A file saved by an editor on Windows may start with a UTF-8 byte
	// order mark, which is no part of the record (the Reader skips it too).
	text := bytes.TrimPrefix(data, utf8BOM)
	e := new(Event)
	err := parseInto(e, append([]byte(nil), text...), nil)
	if se, ok := err.(*SyntaxError); ok {
		se.Offset += int64(len(data) - len(text))
		return nil, fmt.Errorf("cloudtrail: record: %w", se)
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// utf8BOM is the UTF-8 encoding of the byte order mark U+FEFF.
var utf8BOM = []byte("\xef\xbb\xbf")

// parseInto decodes a record whose bytes the Event may keep into e, which
// must be zero. It lets a Reader allocate an Event with its Delivery; w,
// when not nil, is a memberWalk to reuse.
func parseInto(e *Event, raw []byte, w *memberWalk) error {
	if w == nil {
		w = new(memberWalk)
	}
	kind, serr := walkRecord(raw, w)
	if serr != nil {
		return &SyntaxError{Msg: serr.Msg, Offset: int64(serr.Offset), In: "the record"}
	}
	if kind != "object" {
		return fmt.Errorf("cloudtrail: record is JSON %s: %w", kind, ErrNotRecord)
	}
	parseWalked(e, raw, w.members)
	return nil
}

// parseWalked decodes raw into e: a record that has been validated, of
// which walked lists the top-level members (see memberWalk).
func parseWalked(e *Event, raw []byte, walked []memberPos) {
	e.raw = raw
	var stack [8]string // the path stack rarely goes deeper: no allocation
	d := decoder{raw: raw, stack: stack[:0]}
	member := func(key string, v jv) int { return e.member(&d, key, v) }
	for _, m := range walked {
		d.member(memberName(raw, int(m.ks), int(m.ke), m.kesc), jv{int(m.vs), int(m.ve), m.vesc}, member, &e.Unknown)
	}
	e.EnvelopeErrors = d.errs
}

// member decodes one top-level member; it returns the number of its field
// (see memberFunc), or 0 for a member it does not know.
func (e *Event) member(d *decoder, key string, v jv) int {
	var buf [maxFoldKey]byte
	switch string(foldKey(&buf, key)) {
	case "eventversion":
		if d.first(1) {
			e.EventVersion = d.str(v, key)
		}
		return 1
	case "useridentity":
		if d.first(2) {
			e.UserIdentity = d.userIdentity(v, key)
		}
		return 2
	case "eventtime":
		if d.first(3) {
			e.EventTime = d.time(v, key)
		}
		return 3
	case "eventsource":
		if d.first(4) {
			e.EventSource = d.str(v, key)
		}
		return 4
	case "eventname":
		if d.first(5) {
			e.EventName = d.str(v, key)
		}
		return 5
	case "awsregion":
		if d.first(6) {
			e.AWSRegion = d.str(v, key)
		}
		return 6
	case "sourceipaddress":
		if d.first(7) {
			e.SourceIPAddress = d.str(v, key)
		}
		return 7
	case "useragent":
		if d.first(8) {
			e.UserAgent = d.str(v, key)
		}
		return 8
	case "errorcode":
		if d.first(9) {
			e.ErrorCode = d.str(v, key)
		}
		return 9
	case "errormessage":
		if d.first(10) {
			e.ErrorMessage = d.str(v, key)
		}
		return 10
	case "requestparameters":
		if d.first(11) {
			e.RequestParameters = d.rawValue(v)
		}
		return 11
	case "responseelements":
		if d.first(12) {
			e.ResponseElements = d.rawValue(v)
		}
		return 12
	case "additionaleventdata":
		if d.first(13) {
			e.AdditionalEventData = d.rawValue(v)
		}
		return 13
	case "requestid":
		if d.first(14) {
			e.RequestID = d.str(v, key)
		}
		return 14
	case "eventid":
		if d.first(15) {
			e.EventID = d.str(v, key)
		}
		return 15
	case "eventtype":
		if d.first(16) {
			e.EventType = d.str(v, key)
		}
		return 16
	case "apiversion":
		if d.first(17) {
			e.APIVersion = d.str(v, key)
		}
		return 17
	case "managementevent":
		if d.first(18) {
			e.ManagementEvent = d.bool(v, key)
		}
		return 18
	case "readonly":
		if d.first(19) {
			e.ReadOnly = d.bool(v, key)
		}
		return 19
	case "resources":
		if d.first(20) {
			e.Resources = d.resources(v, key)
		}
		return 20
	case "recipientaccountid":
		if d.first(21) {
			e.RecipientAccountID = d.str(v, key)
		}
		return 21
	case "serviceeventdetails":
		if d.first(22) {
			e.ServiceEventDetails = d.rawValue(v)
		}
		return 22
	case "sharedeventid":
		if d.first(23) {
			e.SharedEventID = d.str(v, key)
		}
		return 23
	case "vpcendpointid":
		if d.first(24) {
			e.VPCEndpointID = d.str(v, key)
		}
		return 24
	case "vpcendpointaccountid":
		if d.first(25) {
			e.VPCEndpointAccountID = d.str(v, key)
		}
		return 25
	case "eventcategory":
		if d.first(26) {
			e.EventCategory = d.str(v, key)
		}
		return 26
	case "addendum":
		if d.first(27) {
			e.Addendum = d.addendum(v, key)
		}
		return 27
	case "sessioncredentialfromconsole":
		if d.first(28) {
			e.SessionCredentialFromConsole = d.bool(v, key)
		}
		return 28
	case "edgedevicedetails":
		if d.first(29) {
			e.EdgeDeviceDetails = d.rawValue(v)
		}
		return 29
	case "tlsdetails":
		if d.first(30) {
			e.TLSDetails = d.tlsDetails(v, key)
		}
		return 30
	case "insightdetails":
		if d.first(31) {
			e.InsightDetails = d.rawValue(v)
		}
		return 31
	case "eventcontext":
		if d.first(32) {
			e.EventContext = d.rawValue(v)
		}
		return 32
	default:
		return 0
	}
}

// Raw returns the record's bytes exactly as read. The caller must not modify
// them.
func (e *Event) Raw() []byte {
	if e == nil {
		return nil
	}
	return e.raw
}

// Get returns the value at a gjson path of the whole record, such as
// "userIdentity.sessionContext.sessionIssuer.userName". Paths are case
// sensitive, as in gjson.
func (e *Event) Get(path string) gjson.Result {
	if e == nil {
		return gjson.Result{}
	}
	return gjson.GetBytes(e.raw, path)
}

// At returns the value at a path in the notation of FieldError.Path and
// Change.Path, member names joined by dots and indexes in brackets (see
// JoinPath), such as "requestParameters.settings.outputGroups[0].name":
// the paths the library reports read back with it. Get takes gjson's own
// paths instead, with indexes as members ("settings.outputGroups.0.name").
func (e *Event) At(path string) gjson.Result {
	return e.Get(gjsonPath(path))
}

// gjsonPath turns a path of JoinPath's notation into a gjson path: each
// element escaped for gjson, joined by dots.
func gjsonPath(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); {
		var elem string
		switch {
		case path[i] == '.':
			i++
			continue
		case strings.HasPrefix(path[i:], `["`):
			end, esc := jsonscan.StringEnd(path, i+1)
			if end >= len(path) || path[end] != ']' {
				elem, i = path[i:], len(path) // no closing bracket: the rest as a name
				break
			}
			elem = path[i+2 : end-1]
			if esc {
				elem = jsonscan.Unescape(elem)
			}
			i = end + 1
		case path[i] == '[':
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				elem, i = path[i:], len(path)
				break
			}
			elem, i = path[i+1:i+end], i+end+1
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(elem) // an index, as gjson writes it
			continue
		default:
			end := strings.IndexAny(path[i:], ".[")
			if end < 0 {
				end = len(path) - i
			}
			elem, i = path[i:i+end], i+end
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(gjson.Escape(elem))
	}
	return b.String()
}

// RequestParameter returns the value at a gjson path of requestParameters,
// such as "settings.outputGroups.0.name".
func (e *Event) RequestParameter(path string) gjson.Result {
	if e == nil {
		return gjson.Result{}
	}
	return gjson.GetBytes(e.RequestParameters, path)
}

// ResponseElement returns the value at a gjson path of responseElements,
// such as "job.status".
func (e *Event) ResponseElement(path string) gjson.Result {
	if e == nil {
		return gjson.Result{}
	}
	return gjson.GetBytes(e.ResponseElements, path)
}

// AdditionalEventDatum returns the value at a gjson path of
// additionalEventData.
func (e *Event) AdditionalEventDatum(path string) gjson.Result {
	if e == nil {
		return gjson.Result{}
	}
	return gjson.GetBytes(e.AdditionalEventData, path)
}

// Failed reports whether the call failed, that is whether the record has an
// errorCode.
func (e *Event) Failed() bool { return e != nil && e.ErrorCode != "" }

// MarshalJSON returns the record's bytes as read, so that an Event encodes
// to the record it was decoded from (json.Marshal compacts them, as it does
// every Marshaler's output; Raw gives them exactly). An Event made in code
// encodes from its fields, as CloudTrail writes a record: the members that
// are set, in CloudTrail's order and spelling, times as RFC 3339 in UTC to
// the second, then the Unknown members by name. Changing the fields of an
// Event that was read does not change what it encodes to.
func (e *Event) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	if len(e.raw) > 0 {
		return e.raw, nil
	}
	b := appendFields(nil, e)
	if _, err := jsonscan.Check(b); err != nil {
		return nil, &SyntaxError{Msg: "a raw member of the Event is no valid JSON: " + err.Msg, Offset: int64(err.Offset), In: "the record"}
	}
	return b, nil
}

// bytesString returns b as a string without copying. The string must not
// outlive changes to b; the Event owns its bytes and never changes them.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// kindName names the JSON kind of v for error messages.
func kindName(v gjson.Result) string {
	switch v.Type {
	case gjson.Null:
		return "null"
	case gjson.False, gjson.True:
		return "boolean"
	case gjson.Number:
		return "number"
	case gjson.String:
		return "string"
	}
	if v.IsArray() {
		return "array"
	}
	return "object"
}

// Equal reports whether e and o are the same record: whether they encode
// (see MarshalJSON) to the same JSON value, white space, the order of
// members and the form of numbers aside. Where the records were read from
// (Delivery) does not count, so the same record read from a log file and
// from an EventBridge event is equal. go-cmp uses Equal, so cmp.Diff of
// two events, or of values that hold them, compares them so.
func (e *Event) Equal(o *Event) bool {
	if e == nil || o == nil {
		return e == o
	}
	if e == o {
		return true
	}
	a, errA := e.MarshalJSON()
	b, errB := o.MarshalJSON()
	if errA != nil || errB != nil {
		return false
	}
	return jsonscan.Equal(a, b)
}
