package cloudtrail

import "log/slog"

// LogValue implements slog.LogValuer, so that a logged event is a short
// group that says what happened, not the whole record:
//
//	logger.Info("job submitted", "event", e)
//	// event.time, event.source, event.operation, event.actor, event.sourceIP,
//	// event.error.code and event.error.message (for a failed call),
//	// event.requestID, event.eventID
//
// The attributes are time (eventTime), source (eventSource), operation
// (eventName), actor (Actor().String()), sourceIP (sourceIPAddress), error
// (a group of errorCode and errorMessage, only for a failed call),
// requestID and eventID, each only when the record has it. Nothing else of
// the record is logged: neither the access key id nor the other members of
// userIdentity, nor requestParameters and responseElements. Log e.Raw()
// for the record itself.
//
// Log the event under a key: an empty key inlines the group, whose time
// would then stand beside the log record's own.
func (e *Event) LogValue() slog.Value {
	return slog.GroupValue(e.logAttrs(make([]slog.Attr, 0, 9))...)
}

// logAttrs appends the attributes of LogValue to attrs.
func (e *Event) logAttrs(attrs []slog.Attr) []slog.Attr {
	if e == nil {
		return attrs
	}
	if !e.EventTime.IsZero() {
		attrs = append(attrs, slog.Time("time", e.EventTime))
	}
	attrs = appendString(attrs, "source", e.EventSource)
	attrs = appendString(attrs, "operation", e.EventName)
	if a := e.Actor(); a != (Actor{}) {
		attrs = append(attrs, slog.String("actor", a.String()))
	}
	attrs = appendString(attrs, "sourceIP", e.SourceIPAddress)
	if e.Failed() {
		errAttrs := []slog.Attr{slog.String("code", e.ErrorCode)}
		errAttrs = appendString(errAttrs, "message", e.ErrorMessage)
		attrs = append(attrs, slog.Attr{Key: "error", Value: slog.GroupValue(errAttrs...)})
	}
	attrs = appendString(attrs, "requestID", e.RequestID)
	attrs = appendString(attrs, "eventID", e.EventID)
	return attrs
}

// LogValue implements slog.LogValuer: a typed event logs as its Event does
// (see Event.LogValue), with fieldErrors, the number of values that did
// not convert, when there are any. Without this method the typed event
// would log as the record, which is what encoding/json makes of it.
func (t *Typed[Req, Resp]) LogValue() slog.Value {
	if t == nil {
		return slog.GroupValue()
	}
	attrs := t.Event.logAttrs(make([]slog.Attr, 0, 10))
	if n := len(t.Errors); n > 0 {
		attrs = append(attrs, slog.Int("fieldErrors", n))
	}
	return slog.GroupValue(attrs...)
}

// LogValue implements slog.LogValuer: a group of the actor's kind, name
// and account (accountId), each when it is not empty.
func (a Actor) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 3)
	attrs = appendString(attrs, "kind", string(a.Kind))
	attrs = appendString(attrs, "name", a.Name)
	attrs = appendString(attrs, "account", a.AccountID)
	return slog.GroupValue(attrs...)
}

// appendString appends a string attribute unless its value is empty.
func appendString(attrs []slog.Attr, key, value string) []slog.Attr {
	if value == "" {
		return attrs
	}
	return append(attrs, slog.String(key, value))
}
