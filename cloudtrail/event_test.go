package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

func mustParse(t *testing.T, record string) *cloudtrail.Event {
	t.Helper()
	e, err := cloudtrail.Parse([]byte(record))
	require.NoError(t, err)
	require.NotNil(t, e)
	return e
}

func ptr[T any](v T) *T { return &v }

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  error
	}{
		{"empty", "", cloudtrail.ErrSyntax},
		{"space", "  \n", cloudtrail.ErrSyntax},
		{"trailing comma", `{"Records":[{"eventName":"CreateJob"},]}`, cloudtrail.ErrSyntax},
		{"elision", `{"settings":{...}}`, cloudtrail.ErrSyntax},
		{"unterminated", `{"eventName":"CreateJob"`, cloudtrail.ErrSyntax},
		{"two values", `{"eventName":"A"} {"eventName":"B"}`, cloudtrail.ErrSyntax},
		{"array", `[{"eventName":"CreateJob"}]`, cloudtrail.ErrNotRecord},
		{"string", `"CreateJob"`, cloudtrail.ErrNotRecord},
		{"number", `1712252726`, cloudtrail.ErrNotRecord},
		{"null", `null`, cloudtrail.ErrNotRecord},
		{"true", `true`, cloudtrail.ErrNotRecord},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := cloudtrail.Parse([]byte(tt.input))
			require.Nil(t, e)
			require.Error(t, err)
			require.True(t, errors.Is(err, tt.want), "error %q does not wrap %q", err, tt.want)
		})
	}
}

// TestParseRaw checks that Raw and MarshalJSON give the input byte for
// byte, whatever its layout, and that Parse copies its input.
func TestParseRaw(t *testing.T) {
	inputs := []string{
		`{"eventVersion":"1.08","eventName":"GetJob"}`,
		"\n  {\n\t\"eventVersion\" : \"1.08\" ,\n  \"eventName\":\"GetJob\"\n}\n\n",
		`{"eventName":"GetJob","eventName":"GetJob"}`,
		`{"eventName":"Get\u004aob","userAgent":"caf\u00e9 \ud83c\udfac","x":1.50}`,
		"{\"userAgent\":\"Nov 2, 2023, 12:59:45\u202fAM\"}",
		`{}`,
	}
	for _, in := range inputs {
		t.Run(in, func(t *testing.T) {
			buf := []byte(in)
			e, err := cloudtrail.Parse(buf)
			require.NoError(t, err)
			require.Equal(t, in, string(e.Raw()))

			out, err := json.Marshal(e)
			require.NoError(t, err)
			var compact bytes.Buffer
			require.NoError(t, json.Compact(&compact, []byte(in)))
			require.Equal(t, compact.String(), string(out), "json.Marshal of an Event compacts its raw bytes")
			direct, err := e.MarshalJSON()
			require.NoError(t, err)
			require.Equal(t, in, string(direct))

			// Parse copied the input: changing it changes nothing.
			for i := range buf {
				buf[i] = 'x'
			}
			require.Equal(t, in, string(e.Raw()))
		})
	}
	t.Run("escapes decoded", func(t *testing.T) {
		e := mustParse(t, `{"eventName":"Get\u004aob","userAgent":"caf\u00e9 \ud83c\udfac"}`)
		require.Equal(t, "GetJob", e.EventName)
		require.Equal(t, "café 🎬", e.UserAgent)
	})
	t.Run("nil event", func(t *testing.T) {
		var e *cloudtrail.Event
		require.Nil(t, e.Raw())
		out, err := e.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, "null", string(out))
		require.False(t, e.Failed())
		require.False(t, e.Get("eventName").Exists())
		require.Equal(t, cloudtrail.Actor{}, e.Actor())
	})
}

// gjsonString returns the string at a gjson path of raw JSON.
func gjsonString(raw []byte, path string) string { return gjson.GetBytes(raw, path).Str }

// TestParseBooleans reads booleans given as JSON booleans and as strings.
func TestParseBooleans(t *testing.T) {
	tests := []struct {
		name       string
		value      string
		want       *bool
		wantErrors int
	}{
		{"true", `true`, ptr(true), 0},
		{"false", `false`, ptr(false), 0},
		{"string true", `"true"`, ptr(true), 0},
		{"string false", `"false"`, ptr(false), 0},
		{"string TRUE", `"TRUE"`, ptr(true), 0},
		{"string False", `"False"`, ptr(false), 0},
		{"null", `null`, nil, 0},
		{"junk string", `"yes please"`, nil, 1},
		{"number", `1`, nil, 1},
		{"object", `{}`, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := `{"eventVersion":"1.09","readOnly":` + tt.value +
				`,"managementEvent":` + tt.value +
				`,"sessionCredentialFromConsole":` + tt.value +
				`,"userIdentity":{"type":"AssumedRole","sessionContext":{"attributes":{"mfaAuthenticated":` + tt.value +
				`},"assumedRoot":` + tt.value + `}}}`
			e := mustParse(t, rec)
			require.Equal(t, tt.want, e.ReadOnly)
			require.Equal(t, tt.want, e.ManagementEvent)
			require.Equal(t, tt.want, e.SessionCredentialFromConsole)
			require.Equal(t, tt.want, e.UserIdentity.SessionContext.Attributes.MFAAuthenticated)
			require.Equal(t, tt.want, e.UserIdentity.SessionContext.AssumedRoot)
			require.Len(t, e.EnvelopeErrors, 5*tt.wantErrors)
			if tt.wantErrors > 0 {
				var paths []string
				for _, fe := range e.EnvelopeErrors {
					paths = append(paths, fe.Path)
					require.Equal(t, tt.value, fe.Raw)
					require.Equal(t, "boolean", fe.Want)
					require.True(t, errors.Is(fe, cloudtrail.ErrConvert))
				}
				require.ElementsMatch(t, []string{
					"readOnly", "managementEvent", "sessionCredentialFromConsole",
					"userIdentity.sessionContext.attributes.mfaAuthenticated",
					"userIdentity.sessionContext.assumedRoot",
				}, paths)
			}
		})
	}
}

// TestParseInsightsEvent reads an Insights event, which has no
// userIdentity, eventSource, eventName or requestID.
func TestParseInsightsEvent(t *testing.T) {
	rec := `{
  "eventVersion": "1.08",
  "eventTime": "2024-06-03T11:00:00Z",
  "awsRegion": "us-west-2",
  "eventID": "b0f1e2d3-c4b5-4a69-8e7d-6c5b4a392817",
  "eventType": "AwsCloudTrailInsight",
  "recipientAccountId": "111122223333",
  "sharedEventID": "3f2e1d0c-9b8a-4776-a5b4-c3d2e1f0a9b8",
  "insightDetails": {"state": "Start", "eventSource": "mediaconvert.amazonaws.com", "eventName": "CreateJob", "insightType": "ApiCallRateInsight"},
  "eventCategory": "Insight"
}`
	e := mustParse(t, rec)
	require.Nil(t, e.UserIdentity)
	require.Equal(t, cloudtrail.Actor{}, e.Actor())
	require.Equal(t, "unknown", e.Actor().String())
	require.Empty(t, e.EventSource)
	require.Empty(t, e.EventName)
	require.Empty(t, e.RequestID)
	require.Equal(t, "AwsCloudTrailInsight", e.EventType)
	require.Equal(t, "Insight", e.EventCategory)
	require.Equal(t, "3f2e1d0c-9b8a-4776-a5b4-c3d2e1f0a9b8", e.SharedEventID)
	require.True(t, e.EventTime.Equal(utc(2024, 6, 3, 11, 0, 0, 0)))
	require.Equal(t, "ApiCallRateInsight", gjsonString(e.InsightDetails, "insightType"))
	require.Empty(t, e.EnvelopeErrors)
	require.Empty(t, e.Unknown)
	require.Nil(t, e.ReadOnly)
	require.Nil(t, e.ManagementEvent)
}

// TestParseEmptyObjects reads members given as empty objects.
func TestParseEmptyObjects(t *testing.T) {
	e := mustParse(t, `{"eventVersion":"1.09","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333","sessionContext":{"sessionIssuer":{},"webIdFederationData":{},"attributes":{}}},"requestParameters":{},"responseElements":{},"additionalEventData":{},"tlsDetails":{},"resources":[]}`)
	sc := e.UserIdentity.SessionContext
	require.NotNil(t, sc)
	require.Equal(t, &cloudtrail.SessionIssuer{}, sc.SessionIssuer)
	require.Equal(t, &cloudtrail.WebIDFederationData{}, sc.WebIDFederationData)
	require.Equal(t, &cloudtrail.SessionAttributes{}, sc.Attributes)
	require.Equal(t, "{}", string(e.RequestParameters))
	require.Equal(t, "{}", string(e.ResponseElements))
	require.Equal(t, "{}", string(e.AdditionalEventData))
	require.Equal(t, &cloudtrail.TLSDetails{}, e.TLSDetails)
	require.Empty(t, e.Resources)
	require.Empty(t, e.EnvelopeErrors)

	// An empty session issuer does not hide the root user.
	want := cloudtrail.Actor{Kind: cloudtrail.ActorRoot, Name: "root", ARN: "arn:aws:iam::111122223333:root", AccountID: "111122223333"}
	require.Equal(t, want, e.Actor())
}

// TestParseRequestResponseNullOrAbsent distinguishes null, absent and
// present requestParameters and responseElements.
func TestParseRequestResponseNullOrAbsent(t *testing.T) {
	tests := []struct {
		name     string
		members  string
		wantReq  string
		wantResp string
	}{
		{"both null", `"requestParameters":null,"responseElements":null`, "", ""},
		{"both absent", ``, "", ""},
		{"request only", `"requestParameters":{"name":"QueueName"}`, `{"name":"QueueName"}`, ""},
		{"response only, request null", `"requestParameters":null,"responseElements":{"job":{"id":"1"}}`, "", `{"job":{"id":"1"}}`},
		{"spaced", `"requestParameters" : { "id" : "1412018849233-f2czlr" } , "responseElements" : null`, `{ "id" : "1412018849233-f2czlr" }`, ""},
		{"redacted string", `"requestParameters":"HIDDEN_DUE_TO_SECURITY_REASONS","responseElements":"HIDDEN_DUE_TO_SECURITY_REASONS"`, `"HIDDEN_DUE_TO_SECURITY_REASONS"`, `"HIDDEN_DUE_TO_SECURITY_REASONS"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sep := ""
			if tt.members != "" {
				sep = ","
			}
			e := mustParse(t, `{"eventName":"DeleteQueue"`+sep+tt.members+`}`)
			if tt.wantReq == "" {
				require.Nil(t, e.RequestParameters)
			} else {
				require.Equal(t, tt.wantReq, string(e.RequestParameters))
			}
			if tt.wantResp == "" {
				require.Nil(t, e.ResponseElements)
				require.False(t, e.ResponseElement("job.id").Exists())
			} else {
				require.Equal(t, tt.wantResp, string(e.ResponseElements))
			}
			require.Empty(t, e.EnvelopeErrors)
			require.Empty(t, e.Unknown)
		})
	}
}

// TestParsePascalCaseKeys reads a record whose member names are written in
// PascalCase (as some tools and older exports write them).
func TestParsePascalCaseKeys(t *testing.T) {
	rec := `{
  "EventVersion": "1.05",
  "UserIdentity": {"Type": "AssumedRole", "PrincipalId": "AROAIOSFODNN7EXAMPLE:alice", "Arn": "arn:aws:sts::111122223333:assumed-role/Editor/alice", "AccountId": "111122223333", "AccessKeyId": "ASIAIOSFODNN7EXAMPLE",
    "SessionContext": {"SessionIssuer": {"Type": "Role", "PrincipalId": "AROAIOSFODNN7EXAMPLE", "Arn": "arn:aws:iam::111122223333:role/Editor", "AccountId": "111122223333", "UserName": "Editor"},
      "Attributes": {"CreationDate": "2024-04-04T17:30:19Z", "MfaAuthenticated": "true"}}},
  "EventTime": "2024-04-04T17:45:26Z",
  "EventSource": "mediaconvert.amazonaws.com",
  "EventName": "CreateQueue",
  "AwsRegion": "us-west-2",
  "SourceIpAddress": "203.0.113.100",
  "UserAgent": "aws-cli/2.15.30",
  "ErrorCode": "BadRequestException",
  "ErrorMessage": "Queue name already exists",
  "RequestParameters": {"name": "QueueName"},
  "ResponseElements": null,
  "RequestId": "1234abcd-12ab-34cd-56ef-1234567890ab",
  "EventId": "0987dcba-09fe-87dc-65ba-ab0987654321",
  "ReadOnly": false,
  "EventType": "AwsApiCall",
  "ManagementEvent": true,
  "RecipientAccountId": "111122223333",
  "SharedEventId": "3f2e1d0c-9b8a-4776-a5b4-c3d2e1f0a9b8",
  "VpcEndpointId": "vpce-0123456789abcdef0",
  "EventCategory": "Management",
  "TlsDetails": {"TlsVersion": "TLSv1.3", "CipherSuite": "TLS_AES_128_GCM_SHA256", "ClientProvidedHostHeader": "mediaconvert.us-west-2.amazonaws.com"},
  "Resources": [{"ARN": "arn:aws:mediaconvert:us-west-2:111122223333:queues/QueueName", "AccountId": "111122223333", "Type": "AWS::MediaConvert::Queue"}]
}`
	e := mustParse(t, rec)
	require.Empty(t, e.Unknown, "every member is known whatever its case")
	require.Empty(t, e.EnvelopeErrors)
	require.Equal(t, "1.05", e.EventVersion)
	require.True(t, e.EventTime.Equal(utc(2024, 4, 4, 17, 45, 26, 0)))
	require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
	require.Equal(t, "CreateQueue", e.EventName)
	require.Equal(t, "us-west-2", e.AWSRegion)
	require.Equal(t, "203.0.113.100", e.SourceIPAddress)
	require.Equal(t, "aws-cli/2.15.30", e.UserAgent)
	require.Equal(t, "BadRequestException", e.ErrorCode)
	require.Equal(t, "Queue name already exists", e.ErrorMessage)
	require.True(t, e.Failed())
	require.Equal(t, `{"name": "QueueName"}`, string(e.RequestParameters))
	require.Nil(t, e.ResponseElements)
	require.Equal(t, "1234abcd-12ab-34cd-56ef-1234567890ab", e.RequestID)
	require.Equal(t, "0987dcba-09fe-87dc-65ba-ab0987654321", e.EventID)
	require.Equal(t, ptr(false), e.ReadOnly)
	require.Equal(t, ptr(true), e.ManagementEvent)
	require.Equal(t, "AwsApiCall", e.EventType)
	require.Equal(t, "111122223333", e.RecipientAccountID)
	require.Equal(t, "3f2e1d0c-9b8a-4776-a5b4-c3d2e1f0a9b8", e.SharedEventID)
	require.Equal(t, "vpce-0123456789abcdef0", e.VPCEndpointID)
	require.Equal(t, "Management", e.EventCategory)
	require.Equal(t, &cloudtrail.TLSDetails{TLSVersion: "TLSv1.3", CipherSuite: "TLS_AES_128_GCM_SHA256", ClientProvidedHostHeader: "mediaconvert.us-west-2.amazonaws.com"}, e.TLSDetails)
	require.Equal(t, []cloudtrail.Resource{{ARN: "arn:aws:mediaconvert:us-west-2:111122223333:queues/QueueName", AccountID: "111122223333", Type: "AWS::MediaConvert::Queue"}}, e.Resources)

	u := e.UserIdentity
	require.Equal(t, "AssumedRole", u.Type)
	require.Equal(t, "AROAIOSFODNN7EXAMPLE:alice", u.PrincipalID)
	require.Equal(t, "arn:aws:sts::111122223333:assumed-role/Editor/alice", u.ARN)
	require.Equal(t, "111122223333", u.AccountID)
	require.Equal(t, "ASIAIOSFODNN7EXAMPLE", u.AccessKeyID)
	require.Equal(t, &cloudtrail.SessionIssuer{Type: "Role", PrincipalID: "AROAIOSFODNN7EXAMPLE", ARN: "arn:aws:iam::111122223333:role/Editor", AccountID: "111122223333", UserName: "Editor"}, u.SessionContext.SessionIssuer)
	require.True(t, u.SessionContext.Attributes.CreationDate.Equal(utc(2024, 4, 4, 17, 30, 19, 0)))
	require.Equal(t, ptr(true), u.SessionContext.Attributes.MFAAuthenticated)
}

func TestParseSharedEventID(t *testing.T) {
	for _, key := range []string{"sharedEventID", "sharedEventId", "SharedEventID", "sharedeventid"} {
		t.Run(key, func(t *testing.T) {
			e := mustParse(t, `{"eventVersion":"1.08","`+key+`":"3f2e1d0c-9b8a-4776-a5b4-c3d2e1f0a9b8"}`)
			require.Equal(t, "3f2e1d0c-9b8a-4776-a5b4-c3d2e1f0a9b8", e.SharedEventID)
			require.Empty(t, e.Unknown)
		})
	}
}

func TestParseResources(t *testing.T) {
	e := mustParse(t, `{"resources":[
  {"ARN":"arn:aws:s3:::media-input.example.com/mezzanine/sample-1080p.mov","type":"AWS::S3::Object"},
  {"accountId":"111122223333","type":"AWS::S3::Bucket","arn":"arn:aws:s3:::media-input.example.com"},
  {"Arn":"arn:aws:iam::111122223333:role/MediaConvert_Default_Role","accountId":"111122223333","type":"AWS::IAM::Role","resourceName":"MediaConvert_Default_Role"}
]}`)
	want := []cloudtrail.Resource{
		{ARN: "arn:aws:s3:::media-input.example.com/mezzanine/sample-1080p.mov", Type: "AWS::S3::Object"},
		{ARN: "arn:aws:s3:::media-input.example.com", AccountID: "111122223333", Type: "AWS::S3::Bucket"},
		{ARN: "arn:aws:iam::111122223333:role/MediaConvert_Default_Role", AccountID: "111122223333", Type: "AWS::IAM::Role",
			Unknown: map[string]json.RawMessage{"resourceName": json.RawMessage(`"MediaConvert_Default_Role"`)}},
	}
	if diff := cmp.Diff(want, e.Resources); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	require.Empty(t, e.EnvelopeErrors)

	t.Run("not a list", func(t *testing.T) {
		e := mustParse(t, `{"eventName":"GetObject","resources":{"ARN":"arn:aws:s3:::b"}}`)
		require.Nil(t, e.Resources)
		require.Len(t, e.EnvelopeErrors, 1)
		require.Equal(t, "resources", e.EnvelopeErrors[0].Path)
		require.Equal(t, "GetObject", e.EventName)
	})
	t.Run("entry not an object", func(t *testing.T) {
		e := mustParse(t, `{"resources":["arn:aws:s3:::b",{"ARN":"arn:aws:s3:::c"}]}`)
		require.Equal(t, []cloudtrail.Resource{{ARN: "arn:aws:s3:::c"}}, e.Resources)
		require.Len(t, e.EnvelopeErrors, 1)
		require.Equal(t, "resources[0]", e.EnvelopeErrors[0].Path)
	})
}

func TestParseEventTimeForms(t *testing.T) {
	tests := []struct {
		value string
		want  time.Time
	}{
		{`"2024-04-04T17:45:26Z"`, utc(2024, 4, 4, 17, 45, 26, 0)},
		{`"2024-04-04T17:45:26.123Z"`, utc(2024, 4, 4, 17, 45, 26, 123000000)},
		{`"2024-04-04T17:45:26.123456789Z"`, utc(2024, 4, 4, 17, 45, 26, 123456789)},
		{`"2024-04-04T19:45:26+02:00"`, utc(2024, 4, 4, 17, 45, 26, 0)},
		{`"2024-04-04T12:45:26.5-05:00"`, utc(2024, 4, 4, 17, 45, 26, 500000000)},
		{`"20131102T010628Z"`, utc(2013, 11, 2, 1, 6, 28, 0)},
		{`1712252726`, utc(2024, 4, 4, 17, 45, 26, 0)},
		{`"1712252726"`, utc(2024, 4, 4, 17, 45, 26, 0)},
		{`1510714652436`, utc(2017, 11, 15, 2, 57, 32, 436000000)},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			e := mustParse(t, `{"eventTime":`+tt.value+`,"userIdentity":{"type":"AssumedRole","sessionContext":{"attributes":{"creationDate":`+tt.value+`}}}}`)
			require.Empty(t, e.EnvelopeErrors)
			require.True(t, e.EventTime.Equal(tt.want), "eventTime %s, want %s", e.EventTime, tt.want)
			require.Equal(t, time.UTC, e.EventTime.Location())
			cd := e.UserIdentity.SessionContext.Attributes.CreationDate
			require.True(t, cd.Equal(tt.want), "creationDate %s, want %s", cd, tt.want)
			require.Equal(t, time.UTC, cd.Location())
		})
	}
}

// TestParseEnvelopeErrors checks values that do not convert: the record
// still decodes, each value is reported with its path, and, as
// Event.EnvelopeErrors documents, the value is kept in Unknown.
func TestParseEnvelopeErrors(t *testing.T) {
	e := mustParse(t, `{"eventVersion":"1.05","eventTime":"timestamp","eventName":"StartTranscriptionJob","readOnly":"maybe","userIdentity":"AssumedRole"}`)
	require.Equal(t, "1.05", e.EventVersion)
	require.Equal(t, "StartTranscriptionJob", e.EventName)
	require.True(t, e.EventTime.IsZero())
	require.Nil(t, e.ReadOnly)
	require.Nil(t, e.UserIdentity)

	require.Len(t, e.EnvelopeErrors, 3)
	byPath := map[string]*cloudtrail.FieldError{}
	for _, fe := range e.EnvelopeErrors {
		byPath[fe.Path] = fe
	}
	require.Contains(t, byPath, "eventTime")
	require.Contains(t, byPath, "readOnly")
	require.Contains(t, byPath, "userIdentity")
	require.Equal(t, `"timestamp"`, byPath["eventTime"].Raw)
	require.Equal(t, "time", byPath["eventTime"].Want)
	require.True(t, errors.Is(byPath["eventTime"], cloudtrail.ErrNotATime))
	require.Equal(t, "boolean", byPath["readOnly"].Want)
	require.Equal(t, "object", byPath["userIdentity"].Want)
	require.True(t, errors.Is(e.EnvelopeErrors, cloudtrail.ErrNotATime))
	require.True(t, errors.Is(e.EnvelopeErrors, cloudtrail.ErrConvert))

	// "The field is left unset and the value is kept in Unknown under its
	// name."
	want := map[string]json.RawMessage{
		"eventTime":    json.RawMessage(`"timestamp"`),
		"readOnly":     json.RawMessage(`"maybe"`),
		"userIdentity": json.RawMessage(`"AssumedRole"`),
	}
	if diff := cmp.Diff(want, e.Unknown); diff != "" {
		t.Errorf("values that did not convert are not kept in Unknown (-want +got):\n%s", diff)
	}
}

// TestParseOldRecord reads a record of eventVersion 1.0 (2013), which has
// no eventID, requestID, eventType or recipientAccountId.
func TestParseOldRecord(t *testing.T) {
	rec := `{"eventVersion":"1.0","userIdentity":{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Alice"},"eventTime":"2013-11-02T01:06:28Z","eventSource":"elastictranscoder.amazonaws.com","eventName":"ListPipelines","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.10","userAgent":"aws-sdk-ruby/1.28.1 ruby/1.9.3 x86_64-linux","requestParameters":null,"responseElements":null}`
	e := mustParse(t, rec)
	require.Empty(t, e.EnvelopeErrors)
	require.Empty(t, e.Unknown)
	require.Equal(t, "1.0", e.EventVersion)
	require.Empty(t, e.EventID)
	require.Empty(t, e.RequestID)
	require.Empty(t, e.EventType)
	require.Empty(t, e.RecipientAccountID)
	require.Nil(t, e.ReadOnly)
	require.Nil(t, e.ManagementEvent)
	require.Nil(t, e.TLSDetails)
	require.Equal(t, "ListPipelines", e.EventName)
	require.True(t, e.EventTime.Equal(utc(2013, 11, 2, 1, 6, 28, 0)))
	require.Equal(t, "user/Alice", e.Actor().String())
}

// TestParseUnknownMembers keeps members the envelope does not know, at the
// top and inside its structures, byte for byte.
func TestParseUnknownMembers(t *testing.T) {
	rec := `{"eventVersion":"1.11","eventName":"CreateJob","someNewMember":{"a":[1, 2]},"anotherOne":5,"flag":true,"nothing":null,
"userIdentity":{"type":"IAMUser","userName":"alice","futureField":"x","sessionContext":{"newContext":{"k":"v"},"attributes":{"creationDate":"2024-04-04T17:30:19Z","mfaAuthenticated":"false","extra":1},"sessionIssuer":{"type":"Role","region":"us-west-2"}}},
"tlsDetails":{"tlsVersion":"TLSv1.3","keyExchange":"x25519"},
"addendum":{"reason":"DELIVERY_DELAY","updatedFields":"","originalRequestID":"r","originalEventID":"e","note":"n"}}`
	e := mustParse(t, rec)
	require.Empty(t, e.EnvelopeErrors)
	if diff := cmp.Diff(map[string]json.RawMessage{
		"someNewMember": json.RawMessage(`{"a":[1, 2]}`),
		"anotherOne":    json.RawMessage(`5`),
		"flag":          json.RawMessage(`true`),
		"nothing":       nil,
	}, e.Unknown); diff != "" {
		t.Errorf("Unknown (-want +got):\n%s", diff)
	}
	u := e.UserIdentity
	require.Equal(t, map[string]json.RawMessage{"futureField": json.RawMessage(`"x"`)}, u.Unknown)
	require.Equal(t, map[string]json.RawMessage{"newContext": json.RawMessage(`{"k":"v"}`)}, u.SessionContext.Unknown)
	require.Equal(t, map[string]json.RawMessage{"extra": json.RawMessage(`1`)}, u.SessionContext.Attributes.Unknown)
	require.Equal(t, map[string]json.RawMessage{"region": json.RawMessage(`"us-west-2"`)}, u.SessionContext.SessionIssuer.Unknown)
	require.Equal(t, map[string]json.RawMessage{"keyExchange": json.RawMessage(`"x25519"`)}, e.TLSDetails.Unknown)
	require.Equal(t, &cloudtrail.Addendum{Reason: "DELIVERY_DELAY", OriginalRequestID: "r", OriginalEventID: "e",
		Unknown: map[string]json.RawMessage{"note": json.RawMessage(`"n"`)}}, e.Addendum)
}

// TestParseScalarsAsText reads account ids and other strings given as
// numbers.
func TestParseScalarsAsText(t *testing.T) {
	e := mustParse(t, `{"eventVersion":1.08,"recipientAccountId":111122223333,"userIdentity":{"type":"Root","accountId":111122223333,"principalId":111122223333},"eventName":"GetJob","apiVersion":20170829}`)
	require.Empty(t, e.EnvelopeErrors)
	require.Equal(t, "1.08", e.EventVersion)
	require.Equal(t, "111122223333", e.RecipientAccountID)
	require.Equal(t, "111122223333", e.UserIdentity.AccountID)
	require.Equal(t, "111122223333", e.UserIdentity.PrincipalID)
	require.Equal(t, "20170829", e.APIVersion)

	e = mustParse(t, `{"eventName":{"name":"GetJob"},"awsRegion":["us-west-2"]}`)
	require.Empty(t, e.EventName)
	require.Empty(t, e.AWSRegion)
	require.Len(t, e.EnvelopeErrors, 2)
	require.Equal(t, "eventName", e.EnvelopeErrors[0].Path)
	require.Equal(t, "string", e.EnvelopeErrors[0].Want)
	require.Equal(t, "awsRegion", e.EnvelopeErrors[1].Path)
}

func TestEventAccessors(t *testing.T) {
	e, err := cloudtrail.Parse(readTestdata(t, "records/mediaconvert/CreateJob-2017.json"))
	require.NoError(t, err)
	require.Equal(t, "ecsInstanceRole", lastSlash(e.RequestParameter("role").Str))
	require.Equal(t, "DASH ISO", e.RequestParameter("settings.outputGroups.0.name").Str)
	require.Equal(t, "90", e.RequestParameter("settings.outputGroups.0.outputs.0.videoDescription.codecSettings.h264Settings.gopSize").Raw)
	require.Equal(t, "90.0", e.ResponseElement("job.settings.outputGroups.0.outputs.0.videoDescription.codecSettings.h264Settings.gopSize").Raw)
	require.Equal(t, "SUBMITTED", e.ResponseElement("job.status").Str)
	require.Equal(t, `"1510714652428"`, e.ResponseElement("job.timing.submitTime").Raw)
	require.Equal(t, "test user", e.Get("userIdentity.userName").Str)
	require.False(t, e.AdditionalEventDatum("x").Exists())
	require.False(t, e.Failed())

	e, err = cloudtrail.Parse(splitTrail(t, readTestdata(t, "trails/media-sample.json"))[7])
	require.NoError(t, err)
	require.Equal(t, "SigV4", e.AdditionalEventDatum("SignatureVersion").Str)
	require.Equal(t, int64(734003200), e.AdditionalEventDatum("bytesTransferredOut").Int())
}

func lastSlash(s string) string { return s[strings.LastIndexByte(s, '/')+1:] }

// TestActor answers "who did this" for each kind of identity.
func TestActor(t *testing.T) {
	tests := []struct {
		name       string
		record     string // a record file of testdata, or a userIdentity object
		want       cloudtrail.Actor
		wantString string
	}{
		{
			name:       "IAM user",
			record:     "records/mediaconvert/ListJobs.json",
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorIAMUser, Name: "alice", ARN: "arn:aws:iam::111122223333:user/alice", AccountID: "111122223333"},
			wantString: "user/alice",
		},
		{
			name:       "IAM user without userName",
			record:     "records/elastictranscoder/CreateJob.json",
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorIAMUser, Name: "smithj", ARN: "arn:aws:iam::111122223333:user/smithj", AccountID: "111122223333"},
			wantString: "user/smithj",
		},
		{
			name:       "IAM user with a space in its name",
			record:     "records/mediaconvert/CreateJob-2017.json",
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorIAMUser, Name: "test user", ARN: "arn:aws:iam::123456789000:user/testuser", AccountID: "123456789000"},
			wantString: "user/test user",
		},
		{
			name:   "assumed role: the role behind the session",
			record: "records/mediaconvert/GetJob.json",
			want: cloudtrail.Actor{Kind: cloudtrail.ActorRole, Name: "MediaJobWatcherRole",
				ARN: "arn:aws:iam::111122223333:role/service-role/MediaJobWatcherRole", AccountID: "111122223333", Session: "media-job-watcher"},
			wantString: "role/MediaJobWatcherRole (session media-job-watcher)",
		},
		{
			name:   "assumed role of the 2024 example",
			record: "records/mediaconvert/CreateJob-2024.json",
			want: cloudtrail.Actor{Kind: cloudtrail.ActorRole, Name: "admin",
				ARN: "arn:aws:iam::111122223333:role/admin", AccountID: "111122223333", Session: "example-admin"},
			wantString: "role/admin (session example-admin)",
		},
		{
			name:   "assumed role invoked by a service",
			record: "trails/media-sample.json#7",
			want: cloudtrail.Actor{Kind: cloudtrail.ActorRole, Name: "MediaConvert_Default_Role",
				ARN: "arn:aws:iam::111122223333:role/service-role/MediaConvert_Default_Role", AccountID: "111122223333", Session: "MediaConvert"},
			wantString: "role/MediaConvert_Default_Role (session MediaConvert)",
		},
		{
			name:   "assumed role without sessionContext",
			record: `{"type":"AssumedRole","principalId":"AROAIOSFODNN7EXAMPLE:ci","arn":"arn:aws:sts::111122223333:assumed-role/Deployer/ci","accountId":"111122223333"}`,
			want: cloudtrail.Actor{Kind: cloudtrail.ActorRole, Name: "Deployer",
				ARN: "arn:aws:sts::111122223333:assumed-role/Deployer/ci", AccountID: "111122223333", Session: "ci"},
			wantString: "role/Deployer (session ci)",
		},
		{
			name:   "assumed role across accounts: the role's account",
			record: `{"type":"AssumedRole","principalId":"AROAIOSFODNN7EXAMPLE:audit","arn":"arn:aws:sts::123456789012:assumed-role/Auditor/audit","accountId":"111122223333","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAIOSFODNN7EXAMPLE","arn":"arn:aws:iam::123456789012:role/Auditor","accountId":"123456789012","userName":"Auditor"}}}`,
			want: cloudtrail.Actor{Kind: cloudtrail.ActorRole, Name: "Auditor",
				ARN: "arn:aws:iam::123456789012:role/Auditor", AccountID: "123456789012", Session: "audit"},
			wantString: "role/Auditor (session audit)",
		},
		{
			name:   "Identity Center permission set, console session",
			record: "records/transcribe/StartMedicalTranscriptionJob.json",
			// The permission set's session is named after the person.
			want: cloudtrail.Actor{Kind: cloudtrail.ActorIdentityCenterUser, Name: "ana.silva@example.com",
				ARN:       "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ClinicalData_fedcba9876543210",
				AccountID: "123456789012", Role: "AWSReservedSSO_ClinicalData_fedcba9876543210"},
			wantString: "identitycenter/ana.silva@example.com (role AWSReservedSSO_ClinicalData_fedcba9876543210)",
		},
		{
			name:   "Identity Center user with onBehalfOf and userName",
			record: `{"type":"AssumedRole","principalId":"AROA3EXAMPLESSOROLE1:jdoe","arn":"arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_MediaEngineers_0123456789abcdef/jdoe","accountId":"123456789012","userName":"jdoe@example.com","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_MediaEngineers_0123456789abcdef","accountId":"123456789012","userName":"AWSReservedSSO_MediaEngineers_0123456789abcdef"}},"onBehalfOf":{"userId":"906744c8-7041-70a4-8d6f-2b1e3example","identityStoreArn":"arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"}}`,
			want: cloudtrail.Actor{Kind: cloudtrail.ActorIdentityCenterUser, Name: "jdoe@example.com", ARN: "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_MediaEngineers_0123456789abcdef", AccountID: "123456789012",
				UserID: "906744c8-7041-70a4-8d6f-2b1e3example", Role: "AWSReservedSSO_MediaEngineers_0123456789abcdef"},
			wantString: "identitycenter/jdoe@example.com (role AWSReservedSSO_MediaEngineers_0123456789abcdef)",
		},
		{
			// An identity-enhanced role session logs the user in
			// onBehalfOf only; there is no userName.
			name:   "Identity Center user with onBehalfOf only",
			record: "records/mediaconvert/CreatePreset.json",
			// The session name names the person; the user id is kept.
			want: cloudtrail.Actor{Kind: cloudtrail.ActorIdentityCenterUser, Name: "jdoe@example.com",
				ARN:       "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_MediaEngineers_0123456789abcdef",
				AccountID: "123456789012", UserID: "906744c8-7041-70a4-8d6f-2b1e3example", Role: "AWSReservedSSO_MediaEngineers_0123456789abcdef"},
			wantString: "identitycenter/jdoe@example.com (role AWSReservedSSO_MediaEngineers_0123456789abcdef)",
		},
		{
			name:       "IdentityCenterUser identity type",
			record:     `{"type":"IdentityCenterUser","accountId":"123456789012","onBehalfOf":{"userId":"544894e8-80c1-707f-60e3-3ba6510dfac1","identityStoreArn":"arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"},"credentialId":"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"}`,
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorIdentityCenterUser, Name: "544894e8-80c1-707f-60e3-3ba6510dfac1", AccountID: "123456789012", UserID: "544894e8-80c1-707f-60e3-3ba6510dfac1"},
			wantString: "identitycenter/544894e8-80c1-707f-60e3-3ba6510dfac1",
		},
		{
			name:       "Identity Center session with a source identity only",
			record:     `{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Ops_0a1b","sessionContext":{"sessionIssuer":{"type":"Role","userName":"AWSReservedSSO_Ops_0a1b"},"sourceIdentity":"kim@example.com"},"onBehalfOf":{"userId":"u-9"}}`,
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorIdentityCenterUser, Name: "kim@example.com", ARN: "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Ops_0a1b", UserID: "u-9", Role: "AWSReservedSSO_Ops_0a1b"},
			wantString: "identitycenter/kim@example.com (role AWSReservedSSO_Ops_0a1b)",
		},
		{
			name:       "IdentityCenterUser identity type with userName",
			record:     `{"type":"IdentityCenterUser","accountId":"123456789012","userName":"jdoe","onBehalfOf":{"userId":"544894e8-80c1-707f-60e3-3ba6510dfac1"}}`,
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorIdentityCenterUser, Name: "jdoe", AccountID: "123456789012", UserID: "544894e8-80c1-707f-60e3-3ba6510dfac1"},
			wantString: "identitycenter/jdoe",
		},
		{
			name:       "AWS service",
			record:     "records/mediatailor/ListTagsForResource.json",
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorAWSService, Name: "resource-explorer-2.amazonaws.com"},
			wantString: "service resource-explorer-2.amazonaws.com",
		},
		{
			name:       "AWS service in the sample trail",
			record:     "trails/media-sample.json#6",
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorAWSService, Name: "mediaconvert.amazonaws.com"},
			wantString: "service mediaconvert.amazonaws.com",
		},
		{
			name:       "root",
			record:     "records/mediaconvert/DeletePreset.json",
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorRoot, Name: "root", ARN: "arn:aws:iam::123456789012:root", AccountID: "123456789012"},
			wantString: "root",
		},
		{
			name:       "federated user",
			record:     `{"type":"FederatedUser","principalId":"111122223333:bob","arn":"arn:aws:sts::111122223333:federated-user/bob","accountId":"111122223333","sessionContext":{"sessionIssuer":{"type":"IAMUser","principalId":"AIDA3EXAMPLEFEDERAT1","arn":"arn:aws:iam::111122223333:user/broker","accountId":"111122223333","userName":"broker"}}}`,
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorFederatedUser, Name: "bob", ARN: "arn:aws:sts::111122223333:federated-user/bob", AccountID: "111122223333"},
			wantString: "federated/bob",
		},
		{
			name:       "SAML user",
			record:     `{"type":"SAMLUser","principalId":"SAMPLE_PRINCIPAL_ID","userName":"carol@example.com","identityProvider":"EXAMPLE_IDP"}`,
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorWebIdentity, Name: "carol@example.com"},
			wantString: "webidentity/carol@example.com",
		},
		{
			name:       "web identity user without name",
			record:     `{"type":"WebIdentityUser","principalId":"accounts.google.com:1234567890","identityProvider":"accounts.google.com"}`,
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorWebIdentity, Name: "accounts.google.com:1234567890"},
			wantString: "webidentity/accounts.google.com:1234567890",
		},
		{
			name:       "another account",
			record:     `{"type":"AWSAccount","principalId":"AIDA3EXAMPLEOTHER001","accountId":"123456789012"}`,
			want:       cloudtrail.Actor{Kind: cloudtrail.ActorAWSAccount, Name: "123456789012", AccountID: "123456789012"},
			wantString: "account 123456789012",
		},
		{
			name:       "unknown type",
			record:     `{"type":"Directory","principalId":"d-123","arn":"arn:aws:ds:us-east-1:111122223333:directory/d-123","accountId":"111122223333"}`,
			want:       cloudtrail.Actor{Name: "d-123", ARN: "arn:aws:ds:us-east-1:111122223333:directory/d-123", AccountID: "111122223333"},
			wantString: "d-123",
		},
		{
			name:       "empty identity",
			record:     `{}`,
			want:       cloudtrail.Actor{},
			wantString: "unknown",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := actorTestEvent(t, tt.record)
			got := e.Actor()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Actor (-want +got):\n%s", diff)
			}
			require.Equal(t, tt.wantString, got.String())
			require.Equal(t, got, e.UserIdentity.Actor())
		})
	}
	t.Run("nil identity", func(t *testing.T) {
		var u *cloudtrail.UserIdentity
		require.Equal(t, cloudtrail.Actor{}, u.Actor())
	})
}

// actorTestEvent returns the event of a record file of testdata
// ("file#index" for a record of a trail), or of a record made around a
// userIdentity object.
func actorTestEvent(t *testing.T, record string) *cloudtrail.Event {
	t.Helper()
	if strings.HasPrefix(record, "{") {
		return mustParse(t, `{"eventVersion":"1.09","userIdentity":`+record+`}`)
	}
	file, index, found := strings.Cut(record, "#")
	data := readTestdata(t, file)
	if found {
		var i int
		for _, c := range index {
			i = i*10 + int(c-'0')
		}
		data = splitTrail(t, data)[i]
	}
	e, err := cloudtrail.Parse(data)
	require.NoError(t, err)
	return e
}

func TestEventAt(t *testing.T) {
	e := mustParse(t, `{"eventName":"CreateJob","requestParameters":{"settings":{"outputGroups":[{"name":"File Group","a.b":{"":"empty"},"x*y":1}]}}}`)
	tests := []struct{ path, want string }{
		{"eventName", "CreateJob"},
		{"requestParameters.settings.outputGroups[0].name", "File Group"},
		{`requestParameters.settings.outputGroups[0]["a.b"][""]`, "empty"},
		{"requestParameters.settings.outputGroups[0].x*y", "1"},
		{cloudtrail.JoinPath(cloudtrail.JoinPath("requestParameters.settings.outputGroups[0]", "a.b"), ""), "empty"},
		{"requestParameters.settings.outputGroups[1].name", ""},
		{`requestParameters["unclosed`, ""},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, e.At(tt.path).String(), tt.path)
	}
}
