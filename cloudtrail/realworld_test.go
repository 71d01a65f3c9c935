package cloudtrail_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// Records as real trails hold them, beyond the documentation examples:
// the identity types and envelope members of event versions 1.05 to 1.11,
// redacted members, odd values.

func TestRealWorldEnvelope(t *testing.T) {
	const at = `"eventTime":"2024-03-01T10:00:00Z"`
	tests := []struct {
		name   string
		record string
		check  func(t *testing.T, e *cloudtrail.Event)
	}{
		{
			name: "AWSService with invokedBy and no arn, hidden request, redacted response, 1.11 members",
			record: `{"eventVersion":"1.11","userIdentity":{"type":"AWSService","invokedBy":"mediaconvert.amazonaws.com"},` + at + `,
				"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"us-east-1",
				"sourceIPAddress":"mediaconvert.amazonaws.com","userAgent":"mediaconvert.amazonaws.com",
				"requestParameters":"HIDDEN_DUE_TO_SECURITY_REASONS","responseElements":"***",
				"sessionCredentialFromConsole":"true","vpcEndpointAccountId":"111122223333",
				"tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"mediaconvert.us-east-1.amazonaws.com"},
				"eventContext":{"requestContext":{"x":1}},"edgeDeviceDetails":{"deviceID":"d"},
				"addendum":{"reason":"DELIVERY_DELAY","updatedFields":"","originalRequestID":"r","originalEventID":"e"}}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, cloudtrail.Actor{Kind: cloudtrail.ActorAWSService, Name: "mediaconvert.amazonaws.com"}, e.Actor())
				require.Equal(t, "service mediaconvert.amazonaws.com", e.Actor().String())
				require.Equal(t, `"HIDDEN_DUE_TO_SECURITY_REASONS"`, string(e.RequestParameters))
				require.Equal(t, `"***"`, string(e.ResponseElements))
				require.Equal(t, "mediaconvert.amazonaws.com", e.SourceIPAddress)
				require.NotNil(t, e.SessionCredentialFromConsole)
				require.True(t, *e.SessionCredentialFromConsole)
				require.Equal(t, "111122223333", e.VPCEndpointAccountID)
				require.Equal(t, "TLSv1.3", e.TLSDetails.TLSVersion)
				require.Equal(t, "mediaconvert.us-east-1.amazonaws.com", e.TLSDetails.ClientProvidedHostHeader)
				require.JSONEq(t, `{"requestContext":{"x":1}}`, string(e.EventContext))
				require.JSONEq(t, `{"deviceID":"d"}`, string(e.EdgeDeviceDetails))
				require.Equal(t, "DELIVERY_DELAY", e.Addendum.Reason)
				require.Equal(t, "e", e.Addendum.OriginalEventID)
				require.Nil(t, e.ReadOnly, "readOnly absent")
				require.Empty(t, e.Unknown)
			},
		},
		{
			name: "Root, failed call, null responseElements",
			record: `{"eventVersion":"1.10","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333","accessKeyId":""},` + at + `,
				"eventSource":"mediaconvert.amazonaws.com","eventName":"CreateQueue","errorCode":"AccessDenied","errorMessage":"User: arn:aws:iam::111122223333:root is not authorized","requestParameters":{"name":"q"},"responseElements":null}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, cloudtrail.Actor{Kind: cloudtrail.ActorRoot, Name: "root", ARN: "arn:aws:iam::111122223333:root", AccountID: "111122223333"}, e.Actor())
				require.True(t, e.Failed())
				require.Nil(t, e.ResponseElements)
				require.Equal(t, "q", e.RequestParameter("name").String())
			},
		},
		{
			name: "IdentityCenterUser with onBehalfOf, epoch eventTime",
			record: `{"eventVersion":"1.09","userIdentity":{"type":"IdentityCenterUser","accountId":"111122223333","onBehalfOf":{"userId":"906744a8-e0d1-7040-f3d4-EXAMPLE","identityStoreArn":"arn:aws:identitystore::111122223333:identitystore/d-1234567890"},"credentialId":"CRED"},
				"eventTime":1709287200,"eventSource":"mediaconvert.amazonaws.com","eventName":"ListJobs"}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, "identitycenter/906744a8-e0d1-7040-f3d4-EXAMPLE", e.Actor().String())
				require.Equal(t, "CRED", e.UserIdentity.CredentialID)
				require.Equal(t, time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), e.EventTime)
			},
		},
		{
			name: "AssumedRole through IAM Identity Center",
			record: `{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:alice","arn":"arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123/alice",
				"sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123","accountId":"111122223333","userName":"AWSReservedSSO_Admin_0123"},"attributes":{"creationDate":"2024-03-01T09:00:00Z","mfaAuthenticated":"false"}},
				"onBehalfOf":{"userId":"u-1","identityStoreArn":"arn:aws:identitystore::111122223333:identitystore/d-1"},"inScopeOf":{"issuerType":"AWS::SSO","credentialsIssuedTo":"arn:x"}},` + at + `}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				// The session names the person who signed in.
				require.Equal(t, "identitycenter/alice (role AWSReservedSSO_Admin_0123)", e.Actor().String())
				require.Equal(t, "u-1", e.Actor().UserID)
				require.Equal(t, "AWS::SSO", e.UserIdentity.InScopeOf.IssuerType)
				require.Equal(t, time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC), e.UserIdentity.SessionContext.Attributes.CreationDate)
				require.False(t, *e.UserIdentity.SessionContext.Attributes.MFAAuthenticated)
			},
		},
		{
			name: "AssumedRole of a web identity",
			record: `{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:app","arn":"arn:aws:sts::111122223333:assumed-role/AppRole/app","accountId":"111122223333",
				"sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/AppRole","userName":"AppRole"},
				"webIdFederationData":{"federatedProvider":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com","attributes":{}},"attributes":{"creationDate":"2024-03-01T09:00:00Z","mfaAuthenticated":"false"}}},` + at + `}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, "role/AppRole (session app)", e.Actor().String())
				w := e.UserIdentity.SessionContext.WebIDFederationData
				require.Equal(t, "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", w.FederatedProvider)
				require.Equal(t, `{}`, string(w.Attributes))
			},
		},
		{
			name:   "WebIdentityUser",
			record: `{"eventVersion":"1.08","userIdentity":{"type":"WebIdentityUser","principalId":"accounts.google.com:app.apps.googleusercontent.com:1234","userName":"1234","identityProvider":"accounts.google.com"},` + at + `}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, "webidentity/1234", e.Actor().String())
				require.Equal(t, "accounts.google.com", e.UserIdentity.IdentityProvider)
			},
		},
		{
			name:   "SAMLUser",
			record: `{"eventVersion":"1.08","userIdentity":{"type":"SAMLUser","principalId":"SAMLUser:alice@example.com","userName":"alice@example.com","identityProvider":"bdGOnTesti4+ERVOZkiXoQ="},` + at + `}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, "webidentity/alice@example.com", e.Actor().String())
			},
		},
		{
			name:   "AWSAccount",
			record: `{"eventVersion":"1.08","userIdentity":{"type":"AWSAccount","principalId":"AIDAEXAMPLE","accountId":"444455556666"},` + at + `}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, "account 444455556666", e.Actor().String())
			},
		},
		{
			name:   "Unknown identity type",
			record: `{"eventVersion":"1.08","userIdentity":{"type":"Unknown","principalId":"","accountId":"111122223333","userName":"alice"},` + at + `}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, cloudtrail.Actor{Name: "alice", AccountID: "111122223333"}, e.Actor())
				require.Equal(t, "alice", e.Actor().String())
			},
		},
		{
			name: "resources with ARNPrefix",
			record: `{"eventVersion":"1.09",` + at + `,"eventSource":"s3.amazonaws.com","eventName":"ListObjects","resources":[
				{"type":"AWS::S3::Object","ARNPrefix":"arn:aws:s3:::media-input.example.com/mezzanine/"},
				{"accountId":"111122223333","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::media-input.example.com"}]}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, []cloudtrail.Resource{
					{ARNPrefix: "arn:aws:s3:::media-input.example.com/mezzanine/", Type: "AWS::S3::Object"},
					{ARN: "arn:aws:s3:::media-input.example.com", AccountID: "111122223333", Type: "AWS::S3::Bucket"},
				}, e.Resources)
			},
		},
		{
			name: "duplicate keys, escapes and unicode",
			record: `{"eventName":"A","eventName":"CreateJob","eventSource":"media\u0063onvert.amazonaws.com",` + at + `,
				"userIdentity":{"type":"IAMUser","userName":"Jos\u00e9 Garc\u00eda","arn":"arn:aws:iam::111122223333:user/media/Jos\u00e9 Garc\u00eda"},
				"newMember\u00e9":"v\u2028w","requestParameters":{"name":"\ud83c\udfac \"q\""}}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, "A", e.EventName, "the first of duplicate members counts, as in e.Get")
				require.Equal(t, e.Get("eventName").String(), e.EventName)
				require.Len(t, e.EnvelopeErrors, 1)
				require.ErrorIs(t, e.EnvelopeErrors[0], cloudtrail.ErrDuplicateMember)
				require.Equal(t, `"CreateJob"`, string(e.Unknown["eventName"]))
				require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
				require.Equal(t, "user/José García", e.Actor().String())
				require.Equal(t, `"v\u2028w"`, string(e.Unknown["newMemberé"]))
				require.Equal(t, "🎬 \"q\"", e.RequestParameter("name").String())
			},
		},
		{
			name:   "numbers of every form in the envelope and the payload",
			record: `{"eventVersion":1.05,` + at + `,"readOnly":"TRUE","managementEvent":"false","requestParameters":{"a":1e3,"b":-0,"c":123456789012345678901234567890,"d":"1000"}}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, "1.05", e.EventVersion)
				require.True(t, *e.ReadOnly)
				require.False(t, *e.ManagementEvent)
				require.Equal(t, "123456789012345678901234567890", e.RequestParameter("c").Raw)
				require.JSONEq(t, `{"a":1e3,"b":-0,"c":123456789012345678901234567890,"d":"1000"}`, string(e.RequestParameters))
				require.Empty(t, e.EnvelopeErrors)
			},
		},
		{
			name:   "eventTime with offset and nanoseconds",
			record: `{"eventTime":"2024-03-01T12:00:00.123456789+02:00"}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, time.Date(2024, 3, 1, 10, 0, 0, 123456789, time.UTC), e.EventTime)
			},
		},
		{
			name:   "eventTime in epoch milliseconds as a string",
			record: `{"eventTime":"1709287200123"}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.Equal(t, time.Date(2024, 3, 1, 10, 0, 0, 123e6, time.UTC), e.EventTime)
			},
		},
		{
			name:   "eventTime that is no time",
			record: `{"eventTime":"timestamp","eventName":"ListJobs"}`,
			check: func(t *testing.T, e *cloudtrail.Event) {
				require.True(t, e.EventTime.IsZero())
				require.Len(t, e.EnvelopeErrors, 1)
				require.Equal(t, "eventTime", e.EnvelopeErrors[0].Path)
				require.ErrorIs(t, e.EnvelopeErrors[0], cloudtrail.ErrNotATime)
				require.Equal(t, `"timestamp"`, string(e.Unknown["eventTime"]))
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := cloudtrail.Parse([]byte(tt.record))
			require.NoError(t, err)
			tt.check(t, e)
			// The reader gives the same event from a log file.
			r := cloudtrail.NewReader(strings.NewReader(`{"Records":[` + tt.record + `]}`))
			got, err := r.Next()
			require.NoError(t, err)
			require.Equal(t, e.Raw(), got.Raw())
			tt.check(t, got)
		})
	}
}

func TestRealWorldParseBOM(t *testing.T) {
	rec := `{"eventTime":"2024-03-01T10:00:00Z","eventName":"GetJob"}`
	e, err := cloudtrail.Parse([]byte("\xef\xbb\xbf" + rec))
	require.NoError(t, err)
	require.Equal(t, "GetJob", e.EventName)
	require.Equal(t, rec, string(e.Raw()))
}

func gzipText(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.String()
}

func TestRealWorldContainers(t *testing.T) {
	rec := `{"eventVersion":"1.08","eventTime":"2024-03-01T10:00:00Z","eventSource":"mediaconvert.amazonaws.com","eventName":"ListJobs","eventID":"a"}`
	other := `{"eventVersion":"1.08","eventTime":"2024-03-01T10:00:01Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","eventID":"b"}`
	pascal := `{"EventVersion":"1.08","UserIdentity":{"Type":"IAMUser","UserName":"bob"},"EventTime":"2024-03-01T10:00:00Z","EventSource":"mediaconvert.amazonaws.com","EventName":"CreateJob","AwsRegion":"us-east-1","RequestParameters":{"role":"r"}}`
	tests := []struct {
		name   string
		input  string
		format cloudtrail.Format
		names  []string // the events read, unfiltered
		media  int      // the events of the mediaconvert filter
		errs   []string // the errors, as text fragments
	}{
		{name: "S3 log file, gzip, compact", input: gzipText(t, `{"Records":[`+rec+`,`+other+`]}`), format: cloudtrail.FormatLogFile, names: []string{"ListJobs", "GetObject"}, media: 1},
		{name: "log file with a byte order mark", input: "\xef\xbb\xbf" + `{"Records":[` + rec + `]}`, format: cloudtrail.FormatLogFile, names: []string{"ListJobs"}, media: 1},
		{name: "gzip of a log file with a byte order mark", input: gzipText(t, "\xef\xbb\xbf"+`{"Records":[`+rec+`]}`), format: cloudtrail.FormatLogFile, names: []string{"ListJobs"}, media: 1},
		{name: "JSON Lines with CRLF", input: rec + "\r\n" + other + "\r\n", format: cloudtrail.FormatLines, names: []string{"ListJobs", "GetObject"}, media: 1},
		{name: "pretty log file with CRLF", input: "{\r\n  \"Records\": [\r\n    " + rec + ",\r\n    " + other + "\r\n  ]\r\n}\r\n", format: cloudtrail.FormatLogFile, names: []string{"ListJobs", "GetObject"}, media: 1},
		{name: "trailing newlines", input: `{"Records":[` + rec + "]}\n\n", format: cloudtrail.FormatLogFile, names: []string{"ListJobs"}, media: 1},
		{name: "trailing garbage", input: `{"Records":[` + rec + "]}\nGARBAGE", format: cloudtrail.FormatLogFile, names: []string{"ListJobs"}, media: 1, errs: []string{`"GARBAGE" where a JSON value should start`}},
		{name: "Records after other members", input: `{"digestPublicKeyFingerprint":"x","Records":[` + rec + `]}`, format: cloudtrail.FormatLogFile, names: []string{"ListJobs"}, media: 1},
		{name: "empty Records", input: `{"Records":[]}`, format: cloudtrail.FormatLogFile},
		{name: "null Records", input: `{"Records":null}`, format: cloudtrail.FormatLogFile},
		{name: "0-byte file", input: ""},
		{name: "gzip of an empty file", input: gzipText(t, "")},
		{name: "PascalCase record alone", input: pascal, format: cloudtrail.FormatRecord, names: []string{"CreateJob"}, media: 1},
		{name: "PascalCase records in a log file", input: `{"Records":[` + pascal + `,` + other + `]}`, format: cloudtrail.FormatLogFile, names: []string{"CreateJob", "GetObject"}, media: 1},
		{name: "PascalCase records as JSON Lines", input: pascal + "\n" + pascal + "\n", format: cloudtrail.FormatLines, names: []string{"CreateJob", "CreateJob"}, media: 2},
		{name: "record with a PascalCase EventSource only", input: `{"eventVersion":"1.08","EventSource":"mediaconvert.amazonaws.com","eventName":"GetJob"}`, format: cloudtrail.FormatRecord, names: []string{"GetJob"}, media: 1},
		{
			name:   "EventBridge event with a PascalCase detail",
			input:  `{"version":"0","id":"x","detail-type":"AWS API Call via CloudTrail","source":"aws.mediaconvert","account":"111122223333","time":"2024-03-01T10:00:00Z","region":"us-east-1","resources":[],"detail":{"EventVersion":"1.08","EventTime":"2024-03-01T10:00:00Z","EventSource":"mediaconvert.amazonaws.com","EventName":"ListJobs","UserIdentity":{"Type":"IAMUser","UserName":"bob"}}}`,
			format: cloudtrail.FormatEventBridge, names: []string{"ListJobs"}, media: 1,
		},
		{
			name:   "SNS event to Lambda stays no record",
			input:  `{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn"}`,
			format: cloudtrail.FormatRecord,
			errs:   []string{"not a CloudTrail record: an event of aws:sns"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cloudtrail.NewReader(strings.NewReader(tt.input))
			var names, errs []string
			for e, err := range r.All() {
				if err != nil {
					errs = append(errs, err.Error())
					continue
				}
				names = append(names, e.EventName)
				if e.EventName == "CreateJob" || e.EventName == "ListJobs" {
					require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
					require.Equal(t, time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), e.EventTime)
				}
				if tt.name == "EventBridge event with a PascalCase detail" {
					require.Equal(t, "user/bob", e.Actor().String())
					require.Equal(t, "x", e.Delivery.EventBridge.ID)
				}
			}
			require.Equal(t, tt.names, names)
			require.Len(t, errs, len(tt.errs), "%q", errs)
			for i, want := range tt.errs {
				require.Contains(t, errs[i], want)
			}
			{
				require.Equal(t, tt.format, r.Format())
			}

			n := 0
			f := cloudtrail.NewReader(strings.NewReader(tt.input), cloudtrail.WithEventSources("mediaconvert.amazonaws.com"))
			for e, err := range f.All() {
				if err == nil {
					require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
					n++
				}
			}
			require.Equal(t, tt.media, n)
		})
	}
}

// TestRealWorldPascalRecord checks that a PascalCase record decodes as a
// camelCase one does.
func TestRealWorldPascalRecord(t *testing.T) {
	in := `{"EventVersion":"1.08","UserIdentity":{"Type":"AssumedRole","Arn":"arn:aws:sts::111122223333:assumed-role/R/s","SessionContext":{"SessionIssuer":{"UserName":"R"}}},"EventTime":"2024-03-01T10:00:00Z","EventSource":"mediaconvert.amazonaws.com","EventName":"CreateJob","AwsRegion":"us-east-1","RequestParameters":{"role":"r"},"ReadOnly":false}`
	e, err := cloudtrail.NewReader(strings.NewReader(in)).Next()
	require.NoError(t, err)
	require.Equal(t, "role/R (session s)", e.Actor().String())
	require.Equal(t, "us-east-1", e.AWSRegion)
	require.False(t, *e.ReadOnly)
	require.JSONEq(t, `{"role":"r"}`, string(e.RequestParameters))
	require.Empty(t, e.Unknown)
	var rerr *cloudtrail.RecordError
	_, err = cloudtrail.NewReader(strings.NewReader(in)).Next()
	require.False(t, errors.As(err, &rerr))
	b, err := json.Marshal(e)
	require.NoError(t, err)
	require.Equal(t, in, string(b))
}
