package cloudtrail

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/mediatrail/mediatrail/internal/jsonscan"
)

// recordTimeLayout is how CloudTrail writes eventTime and the other times
// of the envelope.
const recordTimeLayout = "2006-01-02T15:04:05Z"

// appendFields writes the record an Event made in code describes: the
// members CloudTrail writes, in its order, those that are set, then the
// Unknown ones by name.
func appendFields(b []byte, e *Event) []byte {
	o := objectWriter{b: b}
	o.str("eventVersion", e.EventVersion)
	if e.UserIdentity != nil {
		o.key("userIdentity")
		o.b = appendIdentity(o.b, e.UserIdentity)
	}
	o.time("eventTime", e.EventTime)
	o.str("eventSource", e.EventSource)
	o.str("eventName", e.EventName)
	o.str("awsRegion", e.AWSRegion)
	o.str("sourceIPAddress", e.SourceIPAddress)
	o.str("userAgent", e.UserAgent)
	o.str("errorCode", e.ErrorCode)
	o.str("errorMessage", e.ErrorMessage)
	// requestParameters and responseElements are written as null when
	// absent, as CloudTrail does.
	o.rawOrNull("requestParameters", e.RequestParameters)
	o.rawOrNull("responseElements", e.ResponseElements)
	o.raw("additionalEventData", e.AdditionalEventData)
	o.str("requestID", e.RequestID)
	o.str("eventID", e.EventID)
	o.boolean("readOnly", e.ReadOnly)
	if len(e.Resources) > 0 {
		o.key("resources")
		o.b = append(o.b, '[')
		for i := range e.Resources {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			r := &e.Resources[i]
			ro := objectWriter{b: o.b}
			ro.str("accountId", r.AccountID)
			ro.str("type", r.Type)
			ro.str("ARN", r.ARN)
			ro.str("ARNPrefix", r.ARNPrefix)
			o.b = ro.end(r.Unknown)
		}
		o.b = append(o.b, ']')
	}
	o.str("eventType", e.EventType)
	o.str("apiVersion", e.APIVersion)
	o.boolean("managementEvent", e.ManagementEvent)
	o.str("recipientAccountId", e.RecipientAccountID)
	o.raw("serviceEventDetails", e.ServiceEventDetails)
	o.str("sharedEventID", e.SharedEventID)
	o.str("vpcEndpointId", e.VPCEndpointID)
	o.str("vpcEndpointAccountId", e.VPCEndpointAccountID)
	o.str("eventCategory", e.EventCategory)
	if a := e.Addendum; a != nil {
		o.key("addendum")
		ao := objectWriter{b: o.b}
		ao.str("reason", a.Reason)
		ao.str("updatedFields", a.UpdatedFields)
		ao.str("originalRequestID", a.OriginalRequestID)
		ao.str("originalEventID", a.OriginalEventID)
		o.b = ao.end(a.Unknown)
	}
	if t := e.TLSDetails; t != nil {
		o.key("tlsDetails")
		to := objectWriter{b: o.b}
		to.str("tlsVersion", t.TLSVersion)
		to.str("cipherSuite", t.CipherSuite)
		to.str("clientProvidedHostHeader", t.ClientProvidedHostHeader)
		o.b = to.end(t.Unknown)
	}
	if e.SessionCredentialFromConsole != nil {
		// CloudTrail writes it as a string.
		o.str("sessionCredentialFromConsole", strconv.FormatBool(*e.SessionCredentialFromConsole))
	}
	o.raw("edgeDeviceDetails", e.EdgeDeviceDetails)
	o.raw("insightDetails", e.InsightDetails)
	o.raw("eventContext", e.EventContext)
	return o.end(e.Unknown)
}

// appendIdentity writes a userIdentity.
func appendIdentity(b []byte, u *UserIdentity) []byte {
	o := objectWriter{b: b}
	o.str("type", u.Type)
	o.str("principalId", u.PrincipalID)
	o.str("arn", u.ARN)
	o.str("accountId", u.AccountID)
	o.str("accessKeyId", u.AccessKeyID)
	o.str("userName", u.UserName)
	if s := u.SessionContext; s != nil {
		o.key("sessionContext")
		so := objectWriter{b: o.b}
		if i := s.SessionIssuer; i != nil {
			so.key("sessionIssuer")
			io := objectWriter{b: so.b}
			io.str("type", i.Type)
			io.str("principalId", i.PrincipalID)
			io.str("arn", i.ARN)
			io.str("accountId", i.AccountID)
			io.str("userName", i.UserName)
			so.b = io.end(i.Unknown)
		}
		if w := s.WebIDFederationData; w != nil {
			so.key("webIdFederationData")
			wo := objectWriter{b: so.b}
			wo.str("federatedProvider", w.FederatedProvider)
			wo.raw("attributes", w.Attributes)
			so.b = wo.end(w.Unknown)
		}
		if a := s.Attributes; a != nil {
			so.key("attributes")
			ao := objectWriter{b: so.b}
			ao.time("creationDate", a.CreationDate)
			if a.MFAAuthenticated != nil {
				// CloudTrail writes it as a string.
				ao.str("mfaAuthenticated", strconv.FormatBool(*a.MFAAuthenticated))
			}
			so.b = ao.end(a.Unknown)
		}
		so.str("sourceIdentity", s.SourceIdentity)
		so.str("ec2RoleDelivery", s.EC2RoleDelivery)
		so.str("ec2IssuedInVPC", s.EC2IssuedInVPC)
		so.boolean("assumedRoot", s.AssumedRoot)
		o.b = so.end(s.Unknown)
	}
	o.str("invokedBy", u.InvokedBy)
	o.str("identityProvider", u.IdentityProvider)
	o.str("credentialId", u.CredentialID)
	if ob := u.OnBehalfOf; ob != nil {
		o.key("onBehalfOf")
		oo := objectWriter{b: o.b}
		oo.str("userId", ob.UserID)
		oo.str("identityStoreArn", ob.IdentityStoreARN)
		o.b = oo.end(ob.Unknown)
	}
	if s := u.InScopeOf; s != nil {
		o.key("inScopeOf")
		so := objectWriter{b: o.b}
		so.str("sourceArn", s.SourceARN)
		so.str("sourceAccount", s.SourceAccount)
		so.str("issuerType", s.IssuerType)
		so.str("credentialsIssuedTo", s.CredentialsIssuedTo)
		o.b = so.end(s.Unknown)
	}
	if d := u.InvokedByDelegate; d != nil {
		o.key("invokedByDelegate")
		do := objectWriter{b: o.b}
		do.str("accountId", d.AccountID)
		o.b = do.end(d.Unknown)
	}
	return o.end(u.Unknown)
}

// objectWriter writes the members of a JSON object that are set.
type objectWriter struct {
	b    []byte
	some bool // a member has been written
}

// key writes the separator and the name of the next member.
func (o *objectWriter) key(name string) {
	if o.some {
		o.b = append(o.b, ',')
	} else {
		o.b = append(o.b, '{')
		o.some = true
	}
	o.b = jsonscan.AppendString(o.b, name)
	o.b = append(o.b, ':')
}

// keyAsWritten is key for a name kept as written, which may hold bytes
// that are no UTF-8.
func (o *objectWriter) keyAsWritten(name string) {
	if o.some {
		o.b = append(o.b, ',')
	} else {
		o.b = append(o.b, '{')
		o.some = true
	}
	o.b = jsonscan.AppendStringVerbatim(o.b, name)
	o.b = append(o.b, ':')
}

func (o *objectWriter) str(name, v string) {
	if v != "" {
		o.key(name)
		o.b = jsonscan.AppendString(o.b, v)
	}
}

func (o *objectWriter) time(name string, t time.Time) {
	if !t.IsZero() {
		o.key(name)
		o.b = append(o.b, '"')
		o.b = t.UTC().AppendFormat(o.b, recordTimeLayout)
		o.b = append(o.b, '"')
	}
}

func (o *objectWriter) boolean(name string, v *bool) {
	if v != nil {
		o.key(name)
		o.b = strconv.AppendBool(o.b, *v)
	}
}

// raw writes a raw JSON member that is set.
func (o *objectWriter) raw(name string, v json.RawMessage) {
	if len(v) > 0 {
		o.key(name)
		o.b = append(o.b, v...)
	}
}

// rawOrNull writes a raw JSON member, null when it is not set.
func (o *objectWriter) rawOrNull(name string, v json.RawMessage) {
	o.key(name)
	if len(v) == 0 {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = append(o.b, v...)
}

// end writes the unknown members, by name, and closes the object.
func (o *objectWriter) end(unknown map[string]json.RawMessage) []byte {
	names := make([]string, 0, len(unknown))
	for name := range unknown {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		o.keyAsWritten(name)
		if v := unknown[name]; len(v) > 0 {
			o.b = append(o.b, v...)
		} else {
			o.b = append(o.b, "null"...)
		}
	}
	if !o.some {
		return append(o.b, "{}"...)
	}
	return append(o.b, '}')
}
