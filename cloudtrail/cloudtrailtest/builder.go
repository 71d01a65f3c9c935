package cloudtrailtest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/internal/wire"
)

// Defaults of the records NewEvent makes.
const (
	DefaultAccount      = "111122223333"
	DefaultRegion       = "us-west-2"
	DefaultEventVersion = "1.11"
)

// DefaultTime is the eventTime of the records NewEvent makes when WithTime
// is not given: 2026-04-01T12:00:00Z.
var DefaultTime = time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)

// IdentityKind is the kind of identity that makes the call of a record.
type IdentityKind string

// The identities NewEvent writes, as CloudTrail writes them.
const (
	// AssumedRole is a role session (the default): an "AssumedRole"
	// userIdentity with its session context and session issuer, as for
	// applications on EC2, ECS or Lambda and federated users.
	AssumedRole IdentityKind = "AssumedRole"
	// IAMUser is an IAM user with a long-term access key.
	IAMUser IdentityKind = "IAMUser"
	// IdentityCenterUser is an IAM Identity Center user: an
	// "IdentityCenterUser" userIdentity with onBehalfOf (the user's id and
	// identity store) and a credential id.
	IdentityCenterUser IdentityKind = "IdentityCenterUser"
	// AWSService is an AWS service calling on the account's behalf: an
	// "AWSService" userIdentity with invokedBy, and the service as the
	// source address and user agent.
	AWSService IdentityKind = "AWSService"
	// Root is the account's root user.
	Root IdentityKind = "Root"
)

// Option changes a record NewEvent makes.
type Option func(*builder)

// WithSeed selects the generated parts of the record: its ids, access
// keys, session and user names, source address and user agent. The same
// seed (and the same other arguments) gives the same record. Without it,
// the seed is made from the call (operation, time, request, response and
// the other options), so that different calls get different event ids,
// request ids and job ids, and the same call the same ones.
func WithSeed(seed uint64) Option { return func(b *builder) { b.seed, b.seeded = seed, true } }

// WithTime sets the eventTime; the times of a response the kit fills in
// follow it.
func WithTime(t time.Time) Option { return func(b *builder) { b.time = t.UTC() } }

// WithRegion sets awsRegion, and the region of the ARNs and endpoints the
// kit fills in.
func WithRegion(region string) Option { return func(b *builder) { b.region = region } }

// WithAccount sets the account of the identity, the recipient account and
// the account of the ARNs the kit fills in.
func WithAccount(account string) Option { return func(b *builder) { b.account = account } }

// WithIdentity sets the kind of identity that made the call.
func WithIdentity(kind IdentityKind) Option { return func(b *builder) { b.identity = kind } }

// WithOperation names the operation when the request and response do not
// (raw JSON, or nil for both), such as WithOperation("mediaconvert.amazonaws.com",
// "ListQueues"). The event source may be given in its EventBridge form
// ("aws.mediaconvert").
func WithOperation(eventSource, eventName string) Option {
	return func(b *builder) {
		b.op = cloudtrail.Operation{EventSource: cloudtrail.CanonicalEventSource(eventSource), EventName: eventName}
	}
}

// WithError makes the record of a failed call: errorCode and errorMessage
// set, and a null responseElements, as CloudTrail writes them.
func WithError(code, message string) Option {
	return func(b *builder) { b.errCode, b.errMessage = code, message }
}

// WithEdit calls edit with the record's Event before it is written, so
// that any part of it can be set: edit may change every exported field
// (e.ReadOnly, e.UserIdentity.SessionContext, e.Unknown, ...). NewEvent
// then writes the record from the fields and reads it back.
func WithEdit(edit func(e *cloudtrail.Event)) Option {
	return func(b *builder) { b.edits = append(b.edits, edit) }
}

// builder holds what the options set.
type builder struct {
	seed                uint64
	seeded              bool // WithSeed was given
	time                time.Time
	region, account     string
	identity            IdentityKind
	op                  cloudtrail.Operation
	errCode, errMessage string
	edits               []func(*cloudtrail.Event)
	rng                 *rand.Rand
}

// NewEvent returns a realistic record of a call with request and response
// as its requestParameters and responseElements, with a complete, current
// envelope: eventVersion 1.11, an identity (WithIdentity), request and
// event IDs, region, source IP address, user agent, TLS details, readOnly,
// managementEvent and eventCategory, and the recipient account.
//
// request and response may be values of the typed packages (such as a
// *mediaconvert.CreateJobRequest, whose package must be imported so that
// its operations are registered), raw JSON (json.RawMessage, []byte or
// string), other values that encoding/json encodes, or nil. The operation
// is the one the request or response type belongs to, or the one
// WithOperation names.
//
// When response is nil and the call did not fail (WithError), NewEvent
// writes what the service answers where the kit knows it: a MediaConvert or
// Elastic Transcoder CreateJob response echoes the request with the job's
// id (in the service's format), ARN, status (SUBMITTED, Submitted) and
// times; the Start...Job calls of Transcribe answer with the job
// IN_PROGRESS and its media; MediaTailor's PutPlaybackConfiguration
// answers with the configuration and its endpoints. For other operations
// responseElements is null, as CloudTrail writes it for many calls.
//
// NewEvent panics when the operation cannot be told or is not registered,
// or when a value does not encode to JSON: mistakes of the test, as with
// httptest.NewRequest.
func NewEvent(request, response any, opts ...Option) *cloudtrail.Event {
	b := &builder{time: DefaultTime, region: DefaultRegion, account: DefaultAccount, identity: AssumedRole}
	for _, o := range opts {
		o(b)
	}
	op := b.operation(request, response)
	req := mustJSON("request", request)
	resp := mustJSON("response", response)
	if !b.seeded {
		// Without WithSeed, the seed is the call's own, so that different
		// calls get different ids and the same call the same ones.
		h := fnv.New64a()
		fmt.Fprintf(h, "%s %s %d %s %s %s %s|", op.EventSource, op.EventName, b.time.UnixNano(), b.region, b.account, b.identity, b.errCode)
		h.Write(req)
		h.Write([]byte{'|'})
		h.Write(resp)
		b.seed = h.Sum64()
	}
	b.rng = rand.New(rand.NewPCG(b.seed, 0x6d656469617472)) // "mediatr"
	e := b.envelope(op)
	e.RequestParameters = req
	switch {
	case b.errCode != "":
		e.ErrorCode, e.ErrorMessage = b.errCode, b.errMessage
	case resp != nil:
		e.ResponseElements = resp
	default:
		e.ResponseElements = b.respond(op, req)
	}
	for _, edit := range b.edits {
		edit(e)
	}
	data, err := e.MarshalJSON()
	if err != nil {
		panic(fmt.Sprintf("cloudtrailtest: NewEvent: %v", err))
	}
	out, err := cloudtrail.Parse(data)
	if err != nil {
		panic(fmt.Sprintf("cloudtrailtest: NewEvent: the record does not read back: %v", err))
	}
	return out
}

// operation tells the operation of the record.
func (b *builder) operation(request, response any) cloudtrail.Operation {
	op := b.op
	if op.EventName == "" {
		for _, v := range []any{request, response} {
			if o, ok := wire.OperationOf(v); ok {
				op = o
				break
			}
		}
	}
	if op.EventName == "" {
		panic(fmt.Sprintf("cloudtrailtest: NewEvent: no operation for a request of type %T and a response of type %T: give WithOperation, or import the package of the types", request, response))
	}
	if _, ok := cloudtrail.DefaultRegistry.Lookup(op.EventSource, op.EventName); !ok {
		panic(fmt.Sprintf("cloudtrailtest: NewEvent: %s of %s is not registered: import its package", op.EventName, op.EventSource))
	}
	return op
}

// mustJSON encodes v as JSON, nil for nil.
func mustJSON(what string, v any) json.RawMessage {
	var data []byte
	switch v := v.(type) {
	case nil:
		return nil
	case json.RawMessage:
		data = v
	case []byte:
		data = v
	case string:
		data = []byte(v)
	default:
		var err error
		if data, err = json.Marshal(v); err != nil {
			panic(fmt.Sprintf("cloudtrailtest: NewEvent: the %s does not encode: %v", what, err))
		}
	}
	if !json.Valid(data) {
		panic(fmt.Sprintf("cloudtrailtest: NewEvent: the %s is no valid JSON: %.80q", what, data))
	}
	if string(data) == "null" {
		return nil
	}
	return json.RawMessage(data)
}

// serviceName returns the short name of an event source, such as
// "mediaconvert".
func serviceName(eventSource string) string {
	name, _, _ := strings.Cut(eventSource, ".")
	return name
}

// envelope makes the envelope of a call of op.
func (b *builder) envelope(op cloudtrail.Operation) *cloudtrail.Event {
	svc := serviceName(op.EventSource)
	// CloudTrail marks calls that change nothing read-only.
	info, _ := cloudtrail.Info(op.EventSource, op.EventName)
	readOnly := !info.IsWrite()
	management := true
	e := &cloudtrail.Event{
		EventVersion:       DefaultEventVersion,
		EventTime:          b.time,
		EventSource:        op.EventSource,
		EventName:          op.EventName,
		AWSRegion:          b.region,
		RequestID:          b.uuid(),
		EventID:            b.uuid(),
		EventType:          "AwsApiCall",
		ReadOnly:           &readOnly,
		ManagementEvent:    &management,
		RecipientAccountID: b.account,
		EventCategory:      "Management",
	}
	if b.identity == AWSService {
		e.UserIdentity = &cloudtrail.UserIdentity{Type: "AWSService", InvokedBy: op.EventSource}
		e.SourceIPAddress, e.UserAgent = op.EventSource, op.EventSource
		return e
	}
	e.SourceIPAddress = fmt.Sprintf("203.0.113.%d", 1+b.rng.IntN(254))
	e.UserAgent = b.userAgent(svc, op.EventName)
	e.TLSDetails = &cloudtrail.TLSDetails{
		TLSVersion:               "TLSv1.3",
		CipherSuite:              "TLS_AES_128_GCM_SHA256",
		ClientProvidedHostHeader: fmt.Sprintf("%s.%s.amazonaws.com", svc, b.region),
	}
	e.UserIdentity = b.userIdentity(svc)
	return e
}

// builderUsers are the names of the people and roles of the records.
var builderUsers = []string{"alice", "bob", "carol", "dave", "erin", "frank"}

// builderRoles are the roles of the assumed-role sessions, by service.
var builderRoles = map[string][]string{
	"mediaconvert":      {"MediaPipelineRole", "VideoTranscodeWorker"},
	"elastictranscoder": {"MediaPipelineRole", "TranscodeWorker"},
	"transcribe":        {"TranscribeWorker", "CallAnalyticsPipeline"},
	"mediatailor":       {"AdInsertionAdmin", "LiveChannelOperator"},
}

// userIdentity makes the identity of b.identity for a call of the service
// svc.
func (b *builder) userIdentity(svc string) *cloudtrail.UserIdentity {
	acct := b.account
	user := builderUsers[b.rng.IntN(len(builderUsers))]
	mfa := b.identity == Root
	created := b.time.Add(-time.Duration(5+b.rng.IntN(55)) * time.Minute)
	switch b.identity {
	case IAMUser:
		return &cloudtrail.UserIdentity{
			Type:        "IAMUser",
			PrincipalID: "AIDA" + b.key(17),
			ARN:         fmt.Sprintf("arn:aws:iam::%s:user/%s", acct, user),
			AccountID:   acct,
			AccessKeyID: "AKIA" + b.key(16),
			UserName:    user,
		}
	case IdentityCenterUser:
		return &cloudtrail.UserIdentity{
			Type:         "IdentityCenterUser",
			AccountID:    acct,
			CredentialID: b.key(32),
			OnBehalfOf: &cloudtrail.OnBehalfOf{
				UserID:           b.uuid(),
				IdentityStoreARN: fmt.Sprintf("arn:aws:identitystore::%s:identitystore/d-%s", acct, strings.ToLower(b.key(10))),
			},
		}
	case Root:
		return &cloudtrail.UserIdentity{
			Type:        "Root",
			PrincipalID: acct,
			ARN:         fmt.Sprintf("arn:aws:iam::%s:root", acct),
			AccountID:   acct,
			AccessKeyID: "ASIA" + b.key(16),
			SessionContext: &cloudtrail.SessionContext{
				Attributes: &cloudtrail.SessionAttributes{CreationDate: created, MFAAuthenticated: &mfa},
			},
		}
	}
	roles := builderRoles[svc]
	if len(roles) == 0 {
		roles = []string{"MediaPipelineRole"}
	}
	role := roles[b.rng.IntN(len(roles))]
	roleID := "AROA" + b.key(17)
	return &cloudtrail.UserIdentity{
		Type:        "AssumedRole",
		PrincipalID: roleID + ":" + user,
		ARN:         fmt.Sprintf("arn:aws:sts::%s:assumed-role/%s/%s", acct, role, user),
		AccountID:   acct,
		AccessKeyID: "ASIA" + b.key(16),
		SessionContext: &cloudtrail.SessionContext{
			SessionIssuer: &cloudtrail.SessionIssuer{
				Type:        "Role",
				PrincipalID: roleID,
				ARN:         fmt.Sprintf("arn:aws:iam::%s:role/%s", acct, role),
				AccountID:   acct,
				UserName:    role,
			},
			Attributes: &cloudtrail.SessionAttributes{CreationDate: created, MFAAuthenticated: &mfa},
		},
	}
}

// userAgent returns the user agent of an SDK or CLI call.
func (b *builder) userAgent(svc, name string) string {
	switch b.rng.IntN(3) {
	case 0:
		return fmt.Sprintf("aws-cli/2.27.%d md/awscrt#0.26.1 ua/2.1 os/linux#6.1.134 md/arch#x86_64 lang/python#3.13.3 md/pyimpl#CPython m/N cfg/retry-mode#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off md/command#%s.%s",
			b.rng.IntN(50), svc, cliCommand(name))
	case 1:
		return fmt.Sprintf("aws-sdk-go-v2/1.36.%d ua/2.1 os/linux lang/go#1.24.2 md/GOOS#linux md/GOARCH#amd64 api/%s#1.%d.0 m/E", b.rng.IntN(10), svc, 60+b.rng.IntN(40))
	}
	return fmt.Sprintf("Boto3/1.38.%d md/Botocore#1.38.%d ua/2.1 os/linux#6.1.134 md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.38.%d",
		b.rng.IntN(40), b.rng.IntN(40), b.rng.IntN(40))
}

// cliCommand turns an operation name into the CLI's command name, such as
// "create-job".
func cliCommand(name string) string {
	var sb strings.Builder
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			if i > 0 {
				sb.WriteByte('-')
			}
			c += 'a' - 'A'
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

// uuid returns a random UUID (version 4) from the record's seed.
func (b *builder) uuid() string {
	x, y := b.rng.Uint64(), b.rng.Uint64()
	x = x&^0xf000 | 0x4000
	y = y&^(0xc<<60) | 0x8<<60
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", x>>32, x>>16&0xffff, x&0xffff, y>>48, y&0xffffffffffff)
}

// key returns n characters of an access key or id: upper-case letters and
// digits.
func (b *builder) key(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = alphabet[b.rng.IntN(len(alphabet))]
	}
	return string(buf)
}

// lowerID returns n lower-case letters and digits, as the suffixes of
// MediaConvert and Elastic Transcoder job ids.
func (b *builder) lowerID(n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = alphabet[b.rng.IntN(len(alphabet))]
	}
	return string(buf)
}
