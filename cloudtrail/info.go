package cloudtrail

// OperationKind says what an operation does to its resource. The service
// packages derive it from the AWS Smithy models, in this order:
//
//  1. The resource lifecycle: an operation that the model binds to a
//     resource as its create, read, update, delete, list or put operation
//     has that kind (MediaTailor binds its Create… operations as put, which
//     creates or replaces). Operations bound as a resource's further
//     operations or collection operations get their resource from the
//     binding and their kind from the next steps.
//  2. The model's traits: a read-only operation (the readonly trait, or the
//     HTTP method GET, which Smithy defines as read-only) is OpList when it
//     is paginated and OpRead otherwise.
//  3. The operation's name, whose first word is its verb, as Smithy's
//     naming guidance has it: Create, Update, Put, Delete, Tag, Untag,
//     Start, Stop and Cancel give their kinds, Put… and Delete… of a
//     resource named …Policy give OpPolicy, the verbs of reading (Get,
//     Describe, Read, List, Search) give OpList when the operation is
//     paginated and OpRead otherwise, and any other verb (Associate, Probe,
//     TestRole's Test, ...) gives OpOther.
//
// The generated documentation of each typed event says which step decided.
type OperationKind string

// The kinds of operations.
const (
	OpCreate OperationKind = "create" // creates a resource
	OpRead   OperationKind = "read"   // reads one resource, or a page that is not paginated
	OpList   OperationKind = "list"   // reads a paginated list of resources
	OpUpdate OperationKind = "update" // changes a resource
	OpDelete OperationKind = "delete" // deletes a resource
	OpPut    OperationKind = "put"    // creates or replaces a resource
	OpTag    OperationKind = "tag"    // adds tags to a resource
	OpUntag  OperationKind = "untag"  // removes tags from a resource
	// OpPolicy sets or removes a resource policy (Put…Policy and
	// Delete…Policy by name). A policy that the model makes a resource of
	// its own, such as MediaTailor's ChannelPolicy, has the kinds of its
	// lifecycle instead (OpPut, OpDelete), with Resource "ChannelPolicy".
	OpPolicy OperationKind = "policy"
	OpStart  OperationKind = "start"  // starts a job, a query, a stream or a channel
	OpStop   OperationKind = "stop"   // stops one
	OpCancel OperationKind = "cancel" // cancels a job
	OpOther  OperationKind = "other"  // anything else
)

// OperationInfo holds facts about an operation that the service packages
// derive from the AWS Smithy models when they register it. Every event
// name and event source the operation is registered under (such as the
// WebSocket forms of Transcribe's streaming calls) has the same facts but
// its own EventSource and EventName.
type OperationInfo struct {
	EventSource string // such as "mediaconvert.amazonaws.com"
	EventName   string // such as "CreateJob"

	// ReadOnly says the model marks the operation read-only: it has the
	// smithy.api#readonly trait, or its protocol is restJson1 and its HTTP
	// method is GET, which Smithy defines as read-only. Only MediaTailor's
	// model has readonly traits, and Transcribe's awsJson protocol has no
	// GET, so false does not mean that the operation changes anything
	// (Transcribe's GetTranscriptionJob is not ReadOnly): see IsWrite.
	ReadOnly bool
	// Idempotent says calling the operation again with the same input has
	// no further effect: it has the smithy.api#idempotent trait, is
	// ReadOnly, or its HTTP method is PUT or DELETE, which Smithy defines
	// as idempotent.
	Idempotent bool
	// Kind is what the operation does to its resource (see OperationKind).
	Kind OperationKind
	// Resource is the type of resource the operation acts on: the name of
	// the resource the model binds it to, without the suffix "Resource"
	// that MediaTailor's resource shapes have ("PlaybackConfiguration"),
	// else the noun of the operation's name: the name without its verb
	// ("Job" for CreateJob, "JobTemplate" for GetJobTemplate), in the
	// singular for OpList ("Job" for ListJobs), the noun after "For"
	// ("Resource" for ListTagsForResource, as for TagResource) and before
	// "By" ("Job" for ListJobsByPipeline). It is empty for a name that is
	// only a verb (MediaConvert's Probe).
	Resource string
	// HTTPMethod is the operation's HTTP method: the method of its
	// smithy.api#http trait for the restJson1 protocol, and "POST" for the
	// awsJson protocols (Transcribe), which send every call so (the http
	// traits that Transcribe's model has too are not those of its
	// protocol, and count for nothing here).
	HTTPMethod string
}

// IsWrite reports whether a call of the operation changes a resource, as
// far as the model tells: false for a ReadOnly operation and for the kinds
// OpRead and OpList, true for every other, OpOther included (such as
// MediaConvert's Probe, which the model does not tell apart from a
// change).
func (o OperationInfo) IsWrite() bool {
	return !o.ReadOnly && o.Kind != OpRead && o.Kind != OpList
}

// RegisterInfo records the facts of the operation info.EventSource,
// info.EventName (the event source may be given in its EventBridge form).
// The service packages call it on the DefaultRegistry when they are
// imported. Like Register, it panics when the operation's facts are
// registered twice.
func (r *Registry) RegisterInfo(info OperationInfo) {
	info.EventSource = CanonicalEventSource(info.EventSource)
	r.mu.Lock()
	defer r.mu.Unlock()
	registerOp(&r.infos, "RegisterInfo", info.EventSource, info.EventName, info)
}

// Info returns the facts of the operation (eventSource, eventName), if they
// are registered. The event source may be given in its EventBridge form.
func (r *Registry) Info(eventSource, eventName string) (OperationInfo, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return lookupOp(r.infos, eventSource, eventName)
}

// Info returns the facts of the operation (eventSource, eventName) from the
// DefaultRegistry: import the service packages to fill it.
func Info(eventSource, eventName string) (OperationInfo, bool) {
	return DefaultRegistry.Info(eventSource, eventName)
}

// IsWrite reports whether the record e is a call that changes a resource,
// and whether that is known. The record's own readOnly decides when it has
// one, since it is what CloudTrail states for the call; otherwise the
// facts of its operation in r do (OperationInfo.IsWrite), and known is
// false for an operation that r does not know, and for a nil e.
//
// It tells what the call is, not whether it succeeded: a failed call
// (e.Failed, which CloudTrail records with the same readOnly) of a
// changing operation is a change too, an attempted one. Test e.Failed
// as well to count only changes that were made.
func (r *Registry) IsWrite(e *Event) (write, known bool) {
	if e == nil {
		return false, false
	}
	if e.ReadOnly != nil {
		return !*e.ReadOnly, true
	}
	info, ok := r.Info(e.EventSource, e.EventName)
	if !ok {
		return false, false
	}
	return info.IsWrite(), true
}

// IsWrite is DefaultRegistry.IsWrite: it reports whether the record e is
// a call that changes a resource, and whether that is known, from the
// record's readOnly or else from the facts of its operation.
func IsWrite(e *Event) (write, known bool) {
	return DefaultRegistry.IsWrite(e)
}
