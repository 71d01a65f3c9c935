// Package elastictranscoder types the CloudTrail records of Amazon Elastic
// Transcoder (event source elastictranscoder.amazonaws.com).
//
// Its types are generated from the service's Smithy model by internal/gen
// (see generate.go): for each of the API's operations a request and a
// response structure named as in the model, such as CreateJobRequest, and a
// typed event, such as CreateJobEvent, that the package registers with
// cloudtrail.Register when it is imported:
//
//	v, err := cloudtrail.Decode(e) // e from cloudtrail.Parse
//	if ev, ok := v.(*elastictranscoder.CreateJobEvent); ok {
//		_ = ev.Request.GetOutputs()
//	}
//
// DecodeCreateJob and its siblings decode without the registry.
//
// The structures, lists, maps, enums and unions that the operations reach
// are Go types named as in the model; names that start with underscores lose
// them (__listOfString becomes ListOfString). Lists and maps are aliases of
// slices and maps, optional scalars are pointers, enums are string types
// with constants and a Values method, and every field has a getter that is
// safe to call on a nil structure, so chains of getters never panic.
//
// Decoding follows what CloudTrail writes rather than the wire protocol:
// keys match member names and JSON names without regard to case; numbers and
// booleans given as strings convert; timestamps may be epoch seconds, epoch
// milliseconds, numeric strings, RFC 3339 or Java-style dates. A value that
// does not convert (such as a redacted "***" where a structure belongs)
// leaves its field unset, is listed with its JSON path in the event's
// Errors, and is kept with the other members the model does not have in the
// structure's UnknownMembers. MarshalJSON writes the member names of the
// model (PipelineId, Outputs) and the kept members, so that a decoded record
// encodes back to the members it was read from. A list or map with an
// element that does not convert is kept whole in the same way.
//
// The strings of a decoded event share the bytes of the cloudtrail.Event, as
// the Event's own strings do; those bytes must not be modified.
//
// The types do not implement json.Unmarshaler; their struct tags let
// encoding/json fill them too, more slowly and without the leniency above.
// UnmarshalCloudTrail decodes one structure the CloudTrail way.
package elastictranscoder
