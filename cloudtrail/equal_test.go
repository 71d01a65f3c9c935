package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// TestMarshalMadeInCode encodes an Event made in code with every field
// set and checks that Parse gives back every field.
func TestMarshalMadeInCode(t *testing.T) {
	want := &cloudtrail.Event{
		EventVersion: "1.11",
		UserIdentity: &cloudtrail.UserIdentity{
			Type: "AssumedRole", PrincipalID: "AROAEXAMPLE:alice", ARN: "arn:aws:sts::111122223333:assumed-role/Admin/alice",
			AccountID: "111122223333", AccessKeyID: "ASIAEXAMPLE", UserName: "alice", InvokedBy: "mediaconvert.amazonaws.com",
			IdentityProvider: "idp", CredentialID: "cred",
			SessionContext: &cloudtrail.SessionContext{
				SessionIssuer:       &cloudtrail.SessionIssuer{Type: "Role", PrincipalID: "AROAEXAMPLE", ARN: "arn:aws:iam::111122223333:role/Admin", AccountID: "111122223333", UserName: "Admin"},
				WebIDFederationData: &cloudtrail.WebIDFederationData{FederatedProvider: "cognito", Attributes: json.RawMessage(`{"a":"b"}`)},
				Attributes:          &cloudtrail.SessionAttributes{CreationDate: time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC), MFAAuthenticated: ptr(true)},
				SourceIdentity:      "alice@example.com", EC2RoleDelivery: "2.0", EC2IssuedInVPC: "vpc-1", AssumedRoot: ptr(false),
			},
			OnBehalfOf:        &cloudtrail.OnBehalfOf{UserID: "u-1", IdentityStoreARN: "arn:aws:identitystore::111122223333:identitystore/d-1"},
			InScopeOf:         &cloudtrail.InScopeOf{SourceARN: "arn:x", SourceAccount: "1", IssuerType: "t", CredentialsIssuedTo: "c"},
			InvokedByDelegate: &cloudtrail.InvokedByDelegate{AccountID: "2"},
			Unknown:           map[string]json.RawMessage{"newMember": json.RawMessage(`[1,2]`)},
		},
		EventTime:                    time.Date(2026, 4, 1, 10, 11, 12, 0, time.UTC),
		EventSource:                  "mediaconvert.amazonaws.com",
		EventName:                    "CreateJob",
		AWSRegion:                    "us-west-2",
		SourceIPAddress:              "203.0.113.7",
		UserAgent:                    "aws-cli/2.17",
		ErrorCode:                    "BadRequestException",
		ErrorMessage:                 "a \"quoted\" message",
		RequestParameters:            json.RawMessage(`{"role":"arn:aws:iam::111122223333:role/MC"}`),
		AdditionalEventData:          json.RawMessage(`{"x":1}`),
		RequestID:                    "req-1",
		EventID:                      "ev-1",
		EventType:                    "AwsApiCall",
		APIVersion:                   "2017-08-29",
		ManagementEvent:              ptr(true),
		ReadOnly:                     ptr(false),
		Resources:                    []cloudtrail.Resource{{ARN: "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default", AccountID: "111122223333", Type: "AWS::MediaConvert::Queue"}},
		RecipientAccountID:           "111122223333",
		ServiceEventDetails:          json.RawMessage(`{"s":true}`),
		SharedEventID:                "shared",
		VPCEndpointID:                "vpce-1",
		VPCEndpointAccountID:         "111122223333",
		EventCategory:                "Management",
		Addendum:                     &cloudtrail.Addendum{Reason: "DELIVERY_DELAY", UpdatedFields: "f", OriginalRequestID: "r", OriginalEventID: "e"},
		SessionCredentialFromConsole: ptr(true),
		EdgeDeviceDetails:            json.RawMessage(`{"d":1}`),
		TLSDetails:                   &cloudtrail.TLSDetails{TLSVersion: "TLSv1.3", CipherSuite: "TLS_AES_128_GCM_SHA256", ClientProvidedHostHeader: "mediaconvert.us-west-2.amazonaws.com"},
		InsightDetails:               json.RawMessage(`{"i":1}`),
		EventContext:                 json.RawMessage(`{"c":1}`),
		Unknown:                      map[string]json.RawMessage{"brandNewMember": json.RawMessage(`"v"`)},
	}
	data, err := json.Marshal(want)
	require.NoError(t, err)
	got, err := cloudtrail.Parse(data)
	require.NoError(t, err)
	require.Empty(t, got.EnvelopeErrors)
	if diff := cmp.Diff(*want, *got, cmpopts.IgnoreUnexported(cloudtrail.Event{})); diff != "" {
		t.Errorf("fields after a round trip (-want +got):\n%s", diff)
	}
	// The record read and the one made in code are the same record.
	require.True(t, want.Equal(got))
	require.Empty(t, cmp.Diff(want, got))

	// A raw member that is no JSON is an error, not a broken record.
	bad := &cloudtrail.Event{EventName: "X", RequestParameters: json.RawMessage(`{"a":`)}
	_, err = json.Marshal(bad)
	require.ErrorIs(t, err, cloudtrail.ErrSyntax)
	// Nothing set: an empty record with its null members.
	data, err = json.Marshal(&cloudtrail.Event{})
	require.NoError(t, err)
	require.JSONEq(t, `{"requestParameters":null,"responseElements":null}`, string(data))
}

// TestEqual compares reads of the same record written in different ways.
func TestEqual(t *testing.T) {
	raw, err := os.ReadFile("../testdata/records/mediaconvert/CreateJob-2017.json")
	require.NoError(t, err)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, raw))
	a, err := cloudtrail.Parse(raw)
	require.NoError(t, err)
	b, err := cloudtrail.Parse(compact.Bytes())
	require.NoError(t, err)
	b.Delivery = &cloudtrail.Delivery{Format: cloudtrail.FormatEventBridge, Index: 3}

	tests := []struct {
		name string
		a, b *cloudtrail.Event
		want bool
	}{
		{"indented and compact", a, b, true},
		{"itself", a, a, true},
		{"nil and nil", nil, nil, true},
		{"nil and a record", nil, a, false},
		{"another record", a, mustParse(t, strings.Replace(compact.String(), `"CreateJob"`, `"GetJob"`, 1)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.a.Equal(tt.b))
			require.Equal(t, tt.want, tt.b.Equal(tt.a))
			// Plain cmp.Diff does not panic, and agrees.
			require.Equal(t, tt.want, cmp.Diff(tt.a, tt.b) == "")
		})
	}
}

func TestRawMembersEqual(t *testing.T) {
	m := cloudtrail.RawMembers{{Name: "a", Value: json.RawMessage(`{"x": 1}`)}, {Name: "b", Value: json.RawMessage(`"90"`)}}
	require.True(t, m.Equal(cloudtrail.RawMembers{{Name: "a", Value: json.RawMessage(`{"x":1.0}`)}, {Name: "b", Value: json.RawMessage(`"90"`)}}))
	require.False(t, m.Equal(cloudtrail.RawMembers{{Name: "a", Value: json.RawMessage(`{"x":1}`)}, {Name: "b", Value: json.RawMessage(`90`)}}))
	require.False(t, m.Equal(m[:1]))
	require.False(t, m.Equal(cloudtrail.RawMembers{m[1], m[0]}))
}

func TestFieldErrorEqual(t *testing.T) {
	fe := &cloudtrail.FieldError{Path: "requestParameters.x", Raw: `{ "a": 1 }`, Want: "integer", Err: cloudtrail.ErrNotNumber}
	require.True(t, fe.Equal(&cloudtrail.FieldError{Path: "requestParameters.x", Raw: `{"a":1}`, Want: "integer", Err: cloudtrail.ErrNotNumber}))
	require.False(t, fe.Equal(&cloudtrail.FieldError{Path: "requestParameters.y", Raw: `{"a":1}`, Want: "integer", Err: cloudtrail.ErrNotNumber}))
	require.False(t, fe.Equal(&cloudtrail.FieldError{Path: "requestParameters.x", Raw: `{"a":1}`, Want: "integer", Err: cloudtrail.ErrNotBoolean}))
	require.False(t, fe.Equal(nil))
	require.Empty(t, cmp.Diff(cloudtrail.FieldErrors{fe}, cloudtrail.FieldErrors{fe}))
}
