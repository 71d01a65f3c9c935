package cloudtrail

import "time"

// EventRef names the event that something was learned from: which call,
// when, by whom, and the eventID that finds the record again (in CloudTrail
// Lake, Athena or lookup-events). The summaries of the service packages
// carry one, so that a job listed alone still says which record showed it.
//
// It encodes to JSON in camelCase as CloudTrail spells the members, each
// only when set: {"eventSource", "eventName", "eventTime", "eventID",
// "actor"}. It holds no credentials (no access key id, no session
// context).
type EventRef struct {
	EventSource string    `json:"eventSource,omitzero"` // eventSource, such as "mediaconvert.amazonaws.com"
	EventName   string    `json:"eventName,omitzero"`   // eventName, such as "CreateJob"
	EventTime   time.Time `json:"eventTime,omitzero"`   // eventTime, in UTC
	EventID     string    `json:"eventID,omitzero"`     // eventID
	Actor       Actor     `json:"actor,omitzero"`       // who made the call (Event.Actor)
}

// Ref returns the reference of e: its source, name, time, id and actor. It
// is safe to call on a nil *Event, which gives the zero EventRef.
func (e *Event) Ref() EventRef {
	if e == nil {
		return EventRef{}
	}
	return EventRef{
		EventSource: e.EventSource,
		EventName:   e.EventName,
		EventTime:   e.EventTime,
		EventID:     e.EventID,
		Actor:       e.Actor(),
	}
}

// IsZero reports whether r refers to no event.
func (r EventRef) IsZero() bool {
	return r.EventSource == "" && r.EventName == "" && r.EventTime.IsZero() && r.EventID == "" && r.Actor == (Actor{})
}
