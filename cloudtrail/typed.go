package cloudtrail

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// ErrConvert is the error that every *FieldError matches: a JSON value does
// not fit the type its field has in the service model.
var ErrConvert = errors.New("value does not convert")

// The causes of FieldErrors that say more than ErrConvert; a FieldError
// matches its cause and ErrConvert.
var (
	ErrNotNumber     = errors.New("not a number")
	ErrNotInteger    = errors.New("not an integral number")
	ErrOutOfRange    = errors.New("number out of range")
	ErrNotBoolean    = errors.New("not a boolean")
	ErrNotBase64     = errors.New("not base64")
	ErrUnionMembers  = errors.New("union has more than one member")
	ErrNestedTooDeep = errors.New("nested too deeply")
	// ErrDuplicateMember is the cause of a FieldError for a member that
	// comes again in the same object. The first counts everywhere (the
	// typed fields, Event.Get, filters and the registry); the FieldError
	// holds the later value, and Unknown or UnknownMembers keep it.
	ErrDuplicateMember = errors.New("member comes more than once; the first counts")
	// ErrRedacted is the cause of a FieldError for a value CloudTrail
	// redacted ("***", "HIDDEN_DUE_TO_SECURITY_REASONS") where the field
	// wants another type: the value was never logged, rather than wrong.
	ErrRedacted = errors.New("value is redacted")
)

// FieldError reports one value of requestParameters or responseElements that
// could not be converted to its typed field. The field is left unset, and the
// value is kept with the structure it belongs to so that nothing is lost.
type FieldError struct {
	// Path is the JSON path of the value from the top of the record, such as
	// "requestParameters.settings.outputGroups[0].outputGroupSettings" (see
	// JoinPath for member names that need quoting); for
	// an object decoded on its own (a structure's UnmarshalCloudTrail), from
	// the top of that object.
	Path string
	// Raw is the JSON value as it was in the record.
	Raw string
	// Want names what the model expects there, such as "structure",
	// "integer" or "timestamp"; it is empty when the value is in the way
	// whatever its type (ErrDuplicateMember).
	Want string
	// Err is the cause: ErrConvert when nothing more specific is known,
	// else one of the package's causes (ErrNotNumber, ..., a *TimeError).
	Err error
}

// Equal reports whether e and o report the same value the same way: the
// same path, the same JSON value, the same wanted type and the same cause
// (by its message). go-cmp uses it, so that cmp.Diff of typed events
// compares their Errors.
func (e *FieldError) Equal(o *FieldError) bool {
	if e == nil || o == nil {
		return e == o
	}
	if e.Path != o.Path || e.Want != o.Want || !jsonscan.Equal([]byte(e.Raw), []byte(o.Raw)) {
		return false
	}
	if e.Err == nil || o.Err == nil {
		return e.Err == o.Err
	}
	return e.Err.Error() == o.Err.Error()
}

// Error implements error.
func (e *FieldError) Error() string {
	raw := e.Raw
	if len(raw) > 64 {
		raw = raw[:61] + "..."
	}
	if e.Want == "" {
		return fmt.Sprintf("cloudtrail: %s: %s: %v", e.Path, raw, e.Err)
	}
	if e.Err != nil && !errors.Is(e.Err, ErrConvert) {
		return fmt.Sprintf("cloudtrail: %s: cannot convert %s to %s: %v", e.Path, raw, e.Want, e.Err)
	}
	return fmt.Sprintf("cloudtrail: %s: cannot convert %s to %s", e.Path, raw, e.Want)
}

// Unwrap returns the cause and ErrConvert, so that errors.Is(err,
// ErrConvert) holds for every FieldError.
func (e *FieldError) Unwrap() []error {
	if e.Err == nil || e.Err == ErrConvert {
		return []error{ErrConvert}
	}
	return []error{e.Err, ErrConvert}
}

// MarshalJSON implements json.Marshaler: the error as an object of
// strings, {"path", "raw", "want", "error"}, where raw is the JSON value as
// it was in the record, written as a string, want is left out when empty,
// and error is the cause's message ("not a number", "value does not
// convert"). FieldErrors, a slice of them, encodes as the array.
func (e *FieldError) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	cause := ErrConvert.Error()
	if e.Err != nil {
		cause = e.Err.Error()
	}
	return marshalJSON(struct {
		Path  string `json:"path"`
		Raw   string `json:"raw"`
		Want  string `json:"want,omitzero"`
		Error string `json:"error"`
	}{e.Path, e.Raw, e.Want, cause})
}

// FieldErrors is a list of field errors that is itself an error.
type FieldErrors []*FieldError

// Error implements error: the first error and a count of the rest.
func (fe FieldErrors) Error() string {
	switch len(fe) {
	case 0:
		return "cloudtrail: no field errors"
	case 1:
		return fe[0].Error()
	}
	return fmt.Sprintf("%s (and %d more field errors)", fe[0].Error(), len(fe)-1)
}

// Unwrap returns the errors, so errors.Is and errors.As look at each.
func (fe FieldErrors) Unwrap() []error {
	errs := make([]error, len(fe))
	for i, e := range fe {
		errs[i] = e
	}
	return errs
}

// Typed is an event decoded into the request and response types of its
// operation. The service packages define one per operation, such as
// mediaconvert.CreateJobEvent, as Typed[CreateJobRequest, CreateJobResponse].
//
// Request is nil when the record has no requestParameters (null or absent),
// Response likewise for responseElements. Values that could not be converted
// leave their fields unset and are listed in Errors; the rest of the event is
// decoded all the same.
//
// Encoding a Typed with encoding/json gives the record as it was read, the
// embedded Event's MarshalJSON: every member, userIdentity's access key id
// included, compacted as encoding/json compacts every Marshaler's output
// (Raw gives the bytes exactly). TypedJSON writes the typed view instead:
// the event's EventRef, Request, Response and Errors. Logging a Typed with
// log/slog writes a short group (see LogValue), neither of these.
type Typed[Req, Resp any] struct {
	*Event // the envelope, with the record's raw bytes

	Request  *Req  // requestParameters, typed
	Response *Resp // responseElements, typed

	// Errors lists the values that could not be converted, each with its
	// JSON path. It is empty for a clean decode.
	Errors FieldErrors
}

// FieldErrors returns the values that could not be converted. It lets code
// that holds a typed event as an interface value ask for them:
//
//	if fe, ok := v.(interface{ FieldErrors() cloudtrail.FieldErrors }); ok { ... }
func (t *Typed[Req, Resp]) FieldErrors() FieldErrors {
	if t == nil {
		return nil
	}
	return t.Errors
}

// Envelope returns the event the typed value was decoded from.
func (t *Typed[Req, Resp]) Envelope() *Event {
	if t == nil {
		return nil
	}
	return t.Event
}

// TypedJSON returns the typed view of the event as JSON, where
// json.Marshal gives the record:
//
//	{"event": {...}, "request": {...}, "response": {...}, "errors": [...]}
//
// event is the EventRef of the embedded Event (Event.Ref), request and
// response are Request and Response as their MarshalJSON writes them (the
// members as CloudTrail spells them, values as written, UnknownMembers
// kept), and errors is Errors (see FieldError.MarshalJSON). A member whose
// value is nil or empty is left out. Characters such as <, > and & are
// written as they are, not escaped for HTML.
func (t *Typed[Req, Resp]) TypedJSON() ([]byte, error) {
	if t == nil {
		return []byte("null"), nil
	}
	return marshalJSON(struct {
		Event    EventRef    `json:"event,omitzero"`
		Request  *Req        `json:"request,omitzero"`
		Response *Resp       `json:"response,omitzero"`
		Errors   FieldErrors `json:"errors,omitempty"`
	}{t.Event.Ref(), t.Request, t.Response, t.Errors})
}

// marshalJSON encodes v as json.Marshal does, but without escaping <, >
// and & for HTML, so that URLs and messages read as written.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// TypedEvent is what every typed value returned by Decode implements.
type TypedEvent interface {
	Envelope() *Event
	FieldErrors() FieldErrors
}

// JoinPath appends a member name or an index ("[3]") to a JSON path. An
// elem of the form [N], N decimal digits, is an index; any other is a
// member name, appended as ".name", or as ["name"] (the name as a JSON
// string) when it is empty or holds '.', '[', ']', '"', '\\' or a control
// byte, so that every path names one value.
func JoinPath(path, elem string) string {
	if isIndexElem(elem) {
		return path + elem
	}
	return string(jsonscan.AppendPathName([]byte(path), elem))
}

// isIndexElem reports whether elem is an index path element, "[N]".
func isIndexElem(elem string) bool {
	if len(elem) < 3 || elem[0] != '[' || elem[len(elem)-1] != ']' {
		return false
	}
	for i := 1; i < len(elem)-1; i++ {
		if elem[i] < '0' || elem[i] > '9' {
			return false
		}
	}
	return true
}

// Ptr returns a pointer to v, for the optional fields of the typed
// packages, which are pointers (as aws.String is for the AWS SDK):
//
//	req := &mediaconvert.CreateJobRequest{Role: cloudtrail.Ptr("arn:aws:iam::111122223333:role/MediaConvert")}
func Ptr[T any](v T) *T { return &v }
