package wire

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// ErrNilEvent is the error for decoding a nil *cloudtrail.Event.
var ErrNilEvent = errors.New("wire: nil event")

// Service is what a generated package registers: its operations and the
// member types of its unions. The package declares it as a variable, so
// that it is data rather than code, and registers it from init.
type Service struct {
	// EventSource is the event source of the package's records; every
	// operation is registered under it.
	EventSource string
	// Operations are the package's operations.
	Operations []Operation
	// Unions holds a nil pointer to each member structure of the package's
	// unions, and UnknownUnion one to its type for union members the model
	// does not know.
	Unions       []any
	UnknownUnion any
}

// Operation is one operation of a Service.
type Operation struct {
	// Name is the operation's name, the eventName of its records.
	Name string
	// Event is a nil pointer to its typed event, a
	// cloudtrail.Typed[Request, Response].
	Event any
	// Aliases are further event names its records have, such as the
	// WebSocket forms of streaming calls.
	Aliases []string
	// EventSources are further event sources its records have, such as the
	// one of the model it comes from when that is not the package's.
	EventSources []string

	// The facts of the operation that the generator derives from the
	// model, registered for every event source and name of the operation
	// (see cloudtrail.OperationInfo).
	ReadOnly, Idempotent bool
	Kind                 cloudtrail.OperationKind
	Resource             string
	HTTPMethod           string
}

// Register registers every operation of s with cloudtrail.Register, and its
// facts with cloudtrail.DefaultRegistry.RegisterInfo, under each of its
// event sources and names. It panics when an Event is not a
// pointer to a cloudtrail.Typed, which is a mistake of the generator.
func Register(s *Service) {
	registerUnions(s.Unions, s.UnknownUnion)
	for i := range s.Operations {
		o := &s.Operations[i]
		op := newOperation(o.Event)
		byType.add(op, cloudtrail.Operation{EventSource: s.EventSource, EventName: o.Name})
		for _, src := range append([]string{s.EventSource}, o.EventSources...) {
			for _, name := range append([]string{o.Name}, o.Aliases...) {
				cloudtrail.Register(src, name, op.decode)
				cloudtrail.DefaultRegistry.RegisterInfo(cloudtrail.OperationInfo{
					EventSource: src,
					EventName:   name,
					ReadOnly:    o.ReadOnly,
					Idempotent:  o.Idempotent,
					Kind:        o.Kind,
					Resource:    o.Resource,
					HTTPMethod:  o.HTTPMethod,
				})
			}
		}
	}
}

// operation decodes the records of one operation.
type operation struct {
	event reflect.Type // the cloudtrail.Typed structure
	init  sync.Once
	req   *typeInfo
	resp  *typeInfo
	// block holds a typed event, its request and its response, so that a
	// decode allocates them at once; offReq and offResp are where the
	// request and response are in it.
	block           reflect.Type
	offReq, offResp uintptr

	// where the members of the Typed structure are
	offEvent, offRequest, offResponse, offErrors uintptr
}

var (
	eventPtrType   = reflect.TypeFor[*cloudtrail.Event]()
	fieldErrorType = reflect.TypeFor[cloudtrail.FieldErrors]()
)

func newOperation(event any) *operation {
	t := reflect.TypeOf(event)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		panic(fmt.Sprintf("wire: operation event %T is not a pointer to a structure", event))
	}
	op := &operation{event: t.Elem()}
	member := func(name string, want reflect.Type) reflect.StructField {
		f, ok := op.event.FieldByName(name)
		if !ok || len(f.Index) != 1 || want != nil && f.Type != want || want == nil && f.Type.Kind() != reflect.Pointer {
			panic(fmt.Sprintf("wire: operation event %v is not a cloudtrail.Typed (member %s)", op.event, name))
		}
		return f
	}
	op.offEvent = member("Event", eventPtrType).Offset
	op.offRequest = member("Request", nil).Offset
	op.offResponse = member("Response", nil).Offset
	op.offErrors = member("Errors", fieldErrorType).Offset
	return op
}

// decode is the cloudtrail.DecodeFunc of the operation.
func (op *operation) decode(e *cloudtrail.Event) (any, error) {
	if e == nil {
		return nil, ErrNilEvent
	}
	op.init.Do(op.build)
	p := reflect.New(op.block).UnsafePointer()
	*(**cloudtrail.Event)(unsafe.Add(p, op.offEvent)) = e
	d := newDecoder()
	req := d.document(shared(e.RequestParameters), "requestParameters", op.req, unsafe.Add(p, op.offReq))
	resp := d.document(shared(e.ResponseElements), "responseElements", op.resp, unsafe.Add(p, op.offResp))
	var err error
	if d.err != nil {
		err = d.syntaxError()
	}
	errs := d.errs
	d.release()
	if err != nil {
		return nil, err
	}
	*(*unsafe.Pointer)(unsafe.Add(p, op.offRequest)) = req
	*(*unsafe.Pointer)(unsafe.Add(p, op.offResponse)) = resp
	*(*cloudtrail.FieldErrors)(unsafe.Add(p, op.offErrors)) = errs
	return reflect.NewAt(op.event, p).Interface(), nil
}

// build makes the tables of the request and response types and the
// block type, on the first decode.
func (op *operation) build() {
	req, _ := op.event.FieldByName("Request")
	resp, _ := op.event.FieldByName("Response")
	op.req, op.resp = infoOf(req.Type.Elem()), infoOf(resp.Type.Elem())
	op.block = reflect.StructOf([]reflect.StructField{
		{Name: "Event", Type: op.event},
		{Name: "Request", Type: req.Type.Elem()},
		{Name: "Response", Type: resp.Type.Elem()},
	})
	op.offReq, op.offResp = op.block.Field(1).Offset, op.block.Field(2).Offset
}

// shared views b as a string without copying: the strings of the typed
// values share the Event's bytes, which never change.
func shared(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Marshal returns the JSON of v, a pointer to a generated structure: the
// members that are set, with the model's names, and the members kept in
// UnknownMembers. A nil pointer encodes as null. Generated MarshalJSON
// methods call it.
func Marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		return nil, fmt.Errorf("wire: Marshal of %T, not a pointer", v)
	}
	if rv.IsNil() {
		return []byte("null"), nil
	}
	if isUnknownUnion(rv.Type()) {
		// {"Tag": Value}: the member as it was read.
		m := rv.Elem()
		b := append(jsonscan.AppendString([]byte{'{'}, m.Field(0).String()), ':')
		if raw := m.Field(1).Bytes(); len(raw) > 0 {
			b = append(b, raw...)
		} else {
			b = append(b, "null"...)
		}
		return append(b, '}'), nil
	}
	return encode(infoOf(rv.Type().Elem()), rv.UnsafePointer())
}

// Unmarshal replaces the structure v points to with the JSON object data,
// read as CloudTrail writes it. It returns the syntax error, or else the
// values that did not convert as a cloudtrail.FieldErrors (the rest of the
// object decoded all the same), or nil. Paths in the errors start at the
// object's members. Generated UnmarshalCloudTrail methods call it.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("wire: Unmarshal into %T, not a non-nil pointer", v)
	}
	rv.Elem().SetZero()
	d := newDecoder()
	defer d.release()
	d.document(string(data), "", infoOf(rv.Type().Elem()), rv.UnsafePointer())
	if d.err != nil {
		return d.syntaxError()
	}
	if len(d.errs) > 0 {
		return d.errs
	}
	return nil
}

// byType maps request, response and event types to their operations.
var byType typeIndex

// typeIndex maps the request, response and typed event types of the
// registered operations to the operations. A type that more than one
// operation uses maps to none of them.
type typeIndex struct {
	mu sync.RWMutex
	m  map[reflect.Type]cloudtrail.Operation
}

func (x *typeIndex) add(op *operation, o cloudtrail.Operation) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.m == nil {
		x.m = map[reflect.Type]cloudtrail.Operation{}
	}
	for _, name := range []string{"", "Request", "Response"} {
		t := op.event
		if name != "" {
			f, _ := t.FieldByName(name)
			t = f.Type.Elem()
		}
		if prev, ok := x.m[t]; ok && prev != o {
			x.m[t] = cloudtrail.Operation{} // shared: no one operation
			continue
		}
		x.m[t] = o
	}
}

// OperationOf returns the operation whose request, response or typed event
// v is (a pointer to, or a value of), such as CreateJob of MediaConvert for
// a *mediaconvert.CreateJobRequest. It reports false for a type of no
// registered operation, or of more than one.
func OperationOf(v any) (cloudtrail.Operation, bool) {
	t := reflect.TypeOf(v)
	if t == nil {
		return cloudtrail.Operation{}, false
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	byType.mu.RLock()
	defer byType.mu.RUnlock()
	o, ok := byType.m[t]
	return o, ok && o.EventName != ""
}
