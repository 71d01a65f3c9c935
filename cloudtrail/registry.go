package cloudtrail

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// ErrNotRegistered is the error, wrapped in a *NotRegisteredError, that
// Decode returns for an event whose (eventSource, eventName) pair has no
// decoder. The Event itself stays usable.
var ErrNotRegistered = errors.New("no decoder registered")

// NotRegisteredError reports an event that has no registered decoder.
type NotRegisteredError struct {
	EventSource string
	EventName   string
}

// Error implements error.
func (e *NotRegisteredError) Error() string {
	return fmt.Sprintf("cloudtrail: no decoder registered for %s %s", e.EventSource, e.EventName)
}

// Unwrap returns ErrNotRegistered.
func (e *NotRegisteredError) Unwrap() error { return ErrNotRegistered }

// DecodeFunc decodes an event into the typed value of its operation. It
// returns an error only when no typed value can be made at all; values that
// could not be converted are reported by the typed value (see FieldErrors).
type DecodeFunc func(e *Event) (any, error)

// Operation names one API operation as CloudTrail records it.
type Operation struct {
	EventSource string // such as "mediaconvert.amazonaws.com"
	EventName   string // such as "CreateJob"
}

// Registry maps operations to their decoders and their facts (see
// OperationInfo). The zero Registry is empty and ready to use. A Registry
// is safe for concurrent use.
type Registry struct {
	mu       sync.RWMutex
	decoders map[Operation]DecodeFunc
	infos    map[Operation]OperationInfo
}

// DefaultRegistry is the registry that the service packages fill when they
// are imported, and that the package-level Decode uses.
var DefaultRegistry = new(Registry)

// Register makes fn the decoder of (eventSource, eventName). The event
// source may be given in its EventBridge form ("aws.mediaconvert"). Like
// sql.Register, it panics when fn is nil or the pair is registered twice:
// both are mistakes in the program, not in its input.
func (r *Registry) Register(eventSource, eventName string, fn DecodeFunc) {
	if fn == nil {
		panic("cloudtrail: Register decoder is nil")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	registerOp(&r.decoders, "Register", eventSource, eventName, fn)
}

// registerOp adds v for (eventSource, eventName) to *m, making the map
// when needed; it panics, naming the registering function what, when the
// operation has a value already.
func registerOp[V any](m *map[Operation]V, what, eventSource, eventName string, v V) {
	op := Operation{EventSource: CanonicalEventSource(eventSource), EventName: eventName}
	if _, dup := (*m)[op]; dup {
		panic("cloudtrail: " + what + " called twice for " + op.EventSource + " " + op.EventName)
	}
	if *m == nil {
		*m = make(map[Operation]V)
	}
	(*m)[op] = v
}

// lookupOp returns the value of (eventSource, eventName) in m. Records
// name their source in the canonical form, under which values are
// registered: only a miss costs the canonicalization.
func lookupOp[V any](m map[Operation]V, eventSource, eventName string) (V, bool) {
	if v, ok := m[Operation{EventSource: eventSource, EventName: eventName}]; ok {
		return v, true
	}
	v, ok := m[Operation{EventSource: CanonicalEventSource(eventSource), EventName: eventName}]
	return v, ok
}

// Lookup returns the decoder of (eventSource, eventName), if any.
func (r *Registry) Lookup(eventSource, eventName string) (DecodeFunc, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return lookupOp(r.decoders, eventSource, eventName)
}

// Operations returns the registered operations, sorted by event source and
// event name.
func (r *Registry) Operations() []Operation {
	r.mu.RLock()
	ops := make([]Operation, 0, len(r.decoders))
	for op := range r.decoders {
		ops = append(ops, op)
	}
	r.mu.RUnlock()
	slices.SortFunc(ops, func(a, b Operation) int {
		if c := strings.Compare(a.EventSource, b.EventSource); c != 0 {
			return c
		}
		return strings.Compare(a.EventName, b.EventName)
	})
	return ops
}

// EventSources returns the event sources that have a registered
// operation, sorted: with the four service packages imported, those of
// the media services, for WithEventSources:
//
//	cloudtrail.WithEventSources(cloudtrail.DefaultRegistry.EventSources()...)
func (r *Registry) EventSources() []string {
	var sources []string
	for _, op := range r.Operations() {
		if n := len(sources); n == 0 || sources[n-1] != op.EventSource {
			sources = append(sources, op.EventSource)
		}
	}
	return sources
}

// Decode dispatches e on its event source and event name to the registered
// decoder and returns the typed value it makes. For a pair with no decoder it
// returns an error that wraps ErrNotRegistered.
func (r *Registry) Decode(e *Event) (any, error) {
	if e == nil {
		return nil, errors.New("cloudtrail: Decode of a nil Event")
	}
	fn, ok := r.Lookup(e.EventSource, e.EventName)
	if !ok {
		return nil, &NotRegisteredError{EventSource: e.EventSource, EventName: e.EventName}
	}
	return fn(e)
}

// Register makes fn the decoder of (eventSource, eventName) in the
// DefaultRegistry. The service packages call it from init.
func Register(eventSource, eventName string, fn DecodeFunc) {
	DefaultRegistry.Register(eventSource, eventName, fn)
}

// Decode dispatches e through the DefaultRegistry. Import the service
// packages (for their side effect, as with image formats) to fill it:
//
//	import _ "github.com/mediatrail/mediatrail/mediaconvert"
func Decode(e *Event) (any, error) {
	return DefaultRegistry.Decode(e)
}

// CanonicalEventSource returns the CloudTrail form of an event source:
// EventBridge sources such as "aws.mediaconvert" become
// "mediaconvert.amazonaws.com"; other sources are lower-cased and trimmed.
func CanonicalEventSource(source string) string {
	s := strings.ToLower(strings.TrimSpace(source))
	if rest, ok := strings.CutPrefix(s, "aws."); ok && rest != "" && !strings.Contains(rest, ".") {
		return rest + ".amazonaws.com"
	}
	return s
}
