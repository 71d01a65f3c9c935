package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/tidwall/gjson"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// updateGolden rewrites the golden envelopes in testdata/golden:
//
//	go test ./cloudtrail -run TestGolden -update
var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testdataDir is the repository's testdata folder, seen from this package.
const testdataDir = "../testdata"

// readTestdata returns the bytes of a file of testdata, by its slash path
// relative to testdata.
func readTestdata(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdataDir, filepath.FromSlash(rel)))
	require.NoError(t, err)
	return data
}

// readTestdataJSONPath returns the raw JSON value at a gjson path of a file
// of testdata.
func readTestdataJSONPath(t testing.TB, rel, jsonPath string) string {
	t.Helper()
	v := gjson.GetBytes(readTestdata(t, rel), jsonPath)
	require.True(t, v.Exists(), "%s has no %s", rel, jsonPath)
	return v.Raw
}

// testdataFiles returns the slash paths, relative to testdata, of the files
// under dir whose names end in ext, sorted.
func testdataFiles(t testing.TB, dir, ext string) []string {
	t.Helper()
	var out []string
	root := filepath.Join(testdataDir, filepath.FromSlash(dir))
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ext) {
			rel, err := filepath.Rel(testdataDir, p)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	require.NoError(t, err)
	sort.Strings(out)
	return out
}

// splitTrail returns the records of a CloudTrail log file, each as the exact
// bytes it has in the file.
func splitTrail(t testing.TB, data []byte) []json.RawMessage {
	t.Helper()
	var log struct {
		Records []json.RawMessage `json:"Records"`
	}
	require.NoError(t, json.Unmarshal(data, &log))
	require.NotEmpty(t, log.Records)
	return log.Records
}

// fixtureRecord is one record of testdata with a name for messages and
// golden files.
type fixtureRecord struct {
	name   string // such as "records/mediaconvert/CreateJob-2017" or "trails/media-sample/07-GetObject"
	source string // the file it comes from
	data   []byte // the record's bytes, exactly as in the file
}

// validFixtureRecords returns every record of testdata/records and
// testdata/trails.
func validFixtureRecords(t testing.TB) []fixtureRecord {
	t.Helper()
	var out []fixtureRecord
	for _, f := range testdataFiles(t, "records", ".json") {
		out = append(out, fixtureRecord{name: strings.TrimSuffix(f, ".json"), source: f, data: readTestdata(t, f)})
	}
	for _, f := range testdataFiles(t, "trails", ".json") {
		out = append(out, trailFixtureRecords(t, f)...)
	}
	return out
}

// trailFixtureRecords returns the records of one log file of testdata.
func trailFixtureRecords(t testing.TB, file string) []fixtureRecord {
	t.Helper()
	var out []fixtureRecord
	for i, rec := range splitTrail(t, readTestdata(t, file)) {
		name := fmt.Sprintf("%s/%02d-%s", strings.TrimSuffix(file, ".json"), i, gjson.GetBytes(rec, "eventName").Str)
		out = append(out, fixtureRecord{name: name, source: file, data: rec})
	}
	return out
}

// envelopeOracle is the envelope as encoding/json reads it, independently
// of Parse.
type envelopeOracle struct {
	EventVersion string `json:"eventVersion"`
	UserIdentity *struct {
		Type           string `json:"type"`
		PrincipalID    string `json:"principalId"`
		ARN            string `json:"arn"`
		AccountID      string `json:"accountId"`
		AccessKeyID    string `json:"accessKeyId"`
		UserName       string `json:"userName"`
		InvokedBy      string `json:"invokedBy"`
		SessionContext *struct {
			Attributes *struct {
				CreationDate     string `json:"creationDate"`
				MFAAuthenticated string `json:"mfaAuthenticated"`
			} `json:"attributes"`
			SessionIssuer *struct {
				Type        string `json:"type"`
				PrincipalID string `json:"principalId"`
				ARN         string `json:"arn"`
				AccountID   string `json:"accountId"`
				UserName    string `json:"userName"`
			} `json:"sessionIssuer"`
		} `json:"sessionContext"`
		OnBehalfOf *struct {
			UserID           string `json:"userId"`
			IdentityStoreARN string `json:"identityStoreArn"`
		} `json:"onBehalfOf"`
	} `json:"userIdentity"`
	EventTime           string          `json:"eventTime"`
	EventSource         string          `json:"eventSource"`
	EventName           string          `json:"eventName"`
	AWSRegion           string          `json:"awsRegion"`
	SourceIPAddress     string          `json:"sourceIPAddress"`
	UserAgent           string          `json:"userAgent"`
	ErrorCode           string          `json:"errorCode"`
	ErrorMessage        string          `json:"errorMessage"`
	RequestParameters   json.RawMessage `json:"requestParameters"`
	ResponseElements    json.RawMessage `json:"responseElements"`
	AdditionalEventData json.RawMessage `json:"additionalEventData"`
	RequestID           string          `json:"requestID"`
	EventID             string          `json:"eventID"`
	ReadOnly            *bool           `json:"readOnly"`
	Resources           []struct {
		ARN       string `json:"ARN"`
		AccountID string `json:"accountId"`
		Type      string `json:"type"`
	} `json:"resources"`
	EventType                    string  `json:"eventType"`
	ManagementEvent              *bool   `json:"managementEvent"`
	RecipientAccountID           string  `json:"recipientAccountId"`
	SharedEventID                string  `json:"sharedEventID"`
	EventCategory                string  `json:"eventCategory"`
	SessionCredentialFromConsole *string `json:"sessionCredentialFromConsole"`
	TLSDetails                   *struct {
		TLSVersion               string `json:"tlsVersion"`
		CipherSuite              string `json:"cipherSuite"`
		ClientProvidedHostHeader string `json:"clientProvidedHostHeader"`
	} `json:"tlsDetails"`
}

// rawOrNil returns nil for an absent or null raw value.
func rawOrNil(m json.RawMessage) json.RawMessage {
	if len(m) == 0 || string(m) == "null" {
		return nil
	}
	return m
}

func parseRFC3339(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return tm
}

func boolText(b *bool) string {
	if b == nil {
		return ""
	}
	if *b {
		return "true"
	}
	return "false"
}

// TestFixturesParse parses every record of testdata/records and
// testdata/trails and checks every envelope member against what
// encoding/json reads from the same bytes.
func TestFixturesParse(t *testing.T) {
	recs := validFixtureRecords(t)
	require.GreaterOrEqual(t, len(recs), 60)
	for _, rec := range recs {
		t.Run(rec.name, func(t *testing.T) {
			e, err := cloudtrail.Parse(rec.data)
			require.NoError(t, err)
			require.Empty(t, e.EnvelopeErrors, "a valid fixture has no envelope errors")
			require.Empty(t, e.Unknown, "a valid fixture has only documented members")
			require.Equal(t, rec.data, e.Raw(), "Raw must give the record's bytes")

			var o envelopeOracle
			require.NoError(t, json.Unmarshal(rec.data, &o))

			require.Equal(t, o.EventVersion, e.EventVersion)
			require.NotEmpty(t, e.EventVersion)
			require.True(t, parseRFC3339(t, o.EventTime).Equal(e.EventTime), "eventTime %s, got %s", o.EventTime, e.EventTime)
			require.Equal(t, time.UTC, e.EventTime.Location())
			require.Equal(t, o.EventSource, e.EventSource)
			require.Equal(t, o.EventName, e.EventName)
			require.Equal(t, o.AWSRegion, e.AWSRegion)
			require.Equal(t, o.SourceIPAddress, e.SourceIPAddress)
			require.Equal(t, o.UserAgent, e.UserAgent)
			require.Equal(t, o.ErrorCode, e.ErrorCode)
			require.Equal(t, o.ErrorMessage, e.ErrorMessage)
			require.Equal(t, o.ErrorCode != "", e.Failed())
			require.Equal(t, string(rawOrNil(o.RequestParameters)), string(e.RequestParameters))
			require.Equal(t, string(rawOrNil(o.ResponseElements)), string(e.ResponseElements))
			require.Equal(t, string(rawOrNil(o.AdditionalEventData)), string(e.AdditionalEventData))
			require.Equal(t, o.RequestID, e.RequestID)
			require.Equal(t, o.EventID, e.EventID)
			require.NotEmpty(t, e.EventID)
			require.Equal(t, boolText(o.ReadOnly), boolText(e.ReadOnly))
			require.Equal(t, o.EventType, e.EventType)
			require.Equal(t, boolText(o.ManagementEvent), boolText(e.ManagementEvent))
			require.Equal(t, o.RecipientAccountID, e.RecipientAccountID)
			require.Equal(t, o.SharedEventID, e.SharedEventID)
			require.Equal(t, o.EventCategory, e.EventCategory)
			if o.SessionCredentialFromConsole == nil {
				require.Nil(t, e.SessionCredentialFromConsole)
			} else {
				require.Equal(t, *o.SessionCredentialFromConsole, boolText(e.SessionCredentialFromConsole))
			}

			require.Len(t, e.Resources, len(o.Resources))
			for i, r := range o.Resources {
				require.Equal(t, r.ARN, e.Resources[i].ARN)
				require.Equal(t, r.AccountID, e.Resources[i].AccountID)
				require.Equal(t, r.Type, e.Resources[i].Type)
			}

			if o.TLSDetails == nil {
				require.Nil(t, e.TLSDetails)
			} else {
				require.NotNil(t, e.TLSDetails)
				require.Equal(t, o.TLSDetails.TLSVersion, e.TLSDetails.TLSVersion)
				require.Equal(t, o.TLSDetails.CipherSuite, e.TLSDetails.CipherSuite)
				require.Equal(t, o.TLSDetails.ClientProvidedHostHeader, e.TLSDetails.ClientProvidedHostHeader)
			}

			ou := o.UserIdentity
			require.NotNil(t, ou, "every fixture names its caller")
			u := e.UserIdentity
			require.NotNil(t, u)
			require.Equal(t, ou.Type, u.Type)
			require.Equal(t, ou.PrincipalID, u.PrincipalID)
			require.Equal(t, ou.ARN, u.ARN)
			require.Equal(t, ou.AccountID, u.AccountID)
			require.Equal(t, ou.AccessKeyID, u.AccessKeyID)
			require.Equal(t, ou.UserName, u.UserName)
			require.Equal(t, ou.InvokedBy, u.InvokedBy)
			if ou.OnBehalfOf == nil {
				require.Nil(t, u.OnBehalfOf)
			} else {
				require.NotNil(t, u.OnBehalfOf)
				require.Equal(t, ou.OnBehalfOf.UserID, u.OnBehalfOf.UserID)
				require.Equal(t, ou.OnBehalfOf.IdentityStoreARN, u.OnBehalfOf.IdentityStoreARN)
			}
			if ou.SessionContext == nil {
				require.Nil(t, u.SessionContext)
				return
			}
			sc := u.SessionContext
			require.NotNil(t, sc)
			if a := ou.SessionContext.Attributes; a != nil {
				require.NotNil(t, sc.Attributes)
				require.True(t, parseRFC3339(t, a.CreationDate).Equal(sc.Attributes.CreationDate),
					"creationDate %s, got %s", a.CreationDate, sc.Attributes.CreationDate)
				require.Equal(t, a.MFAAuthenticated, boolText(sc.Attributes.MFAAuthenticated))
			} else {
				require.Nil(t, sc.Attributes)
			}
			if is := ou.SessionContext.SessionIssuer; is != nil {
				require.NotNil(t, sc.SessionIssuer)
				require.Equal(t, is.Type, sc.SessionIssuer.Type)
				require.Equal(t, is.PrincipalID, sc.SessionIssuer.PrincipalID)
				require.Equal(t, is.ARN, sc.SessionIssuer.ARN)
				require.Equal(t, is.AccountID, sc.SessionIssuer.AccountID)
				require.Equal(t, is.UserName, sc.SessionIssuer.UserName)
			} else {
				require.Nil(t, sc.SessionIssuer)
			}
		})
	}
}

// envelopeView is the part of an envelope that TestFixtureEnvelopes spells
// out for chosen records.
type envelopeView struct {
	EventVersion, EventTime, EventSource, EventName, AWSRegion, SourceIPAddress string
	ErrorCode, RequestID, EventID, EventType, RecipientAccountID, EventCategory string
	ReadOnly, ManagementEvent, SessionCredentialFromConsole                     string
	HasRequestParameters, HasResponseElements                                   bool
	ResourceARNs                                                                []string
	TLSHost                                                                     string

	IdentityType, PrincipalID, ARN, AccountID, AccessKeyID, UserName, InvokedBy string
	SessionCreationDate, MFAAuthenticated                                       string
	IssuerType, IssuerPrincipalID, IssuerARN, IssuerAccountID, IssuerUserName   string
	HasSessionIssuer                                                            bool
	OnBehalfOfUserID                                                            string
}

func viewOf(e *cloudtrail.Event) envelopeView {
	v := envelopeView{
		EventVersion:                 e.EventVersion,
		EventTime:                    e.EventTime.Format(time.RFC3339Nano),
		EventSource:                  e.EventSource,
		EventName:                    e.EventName,
		AWSRegion:                    e.AWSRegion,
		SourceIPAddress:              e.SourceIPAddress,
		ErrorCode:                    e.ErrorCode,
		RequestID:                    e.RequestID,
		EventID:                      e.EventID,
		EventType:                    e.EventType,
		RecipientAccountID:           e.RecipientAccountID,
		EventCategory:                e.EventCategory,
		ReadOnly:                     boolText(e.ReadOnly),
		ManagementEvent:              boolText(e.ManagementEvent),
		SessionCredentialFromConsole: boolText(e.SessionCredentialFromConsole),
		HasRequestParameters:         e.RequestParameters != nil,
		HasResponseElements:          e.ResponseElements != nil,
	}
	for _, r := range e.Resources {
		v.ResourceARNs = append(v.ResourceARNs, r.ARN)
	}
	if e.TLSDetails != nil {
		v.TLSHost = e.TLSDetails.ClientProvidedHostHeader
	}
	u := e.UserIdentity
	if u == nil {
		return v
	}
	v.IdentityType, v.PrincipalID, v.ARN, v.AccountID = u.Type, u.PrincipalID, u.ARN, u.AccountID
	v.AccessKeyID, v.UserName, v.InvokedBy = u.AccessKeyID, u.UserName, u.InvokedBy
	if u.OnBehalfOf != nil {
		v.OnBehalfOfUserID = u.OnBehalfOf.UserID
	}
	if sc := u.SessionContext; sc != nil {
		if a := sc.Attributes; a != nil {
			v.SessionCreationDate = a.CreationDate.Format(time.RFC3339Nano)
			v.MFAAuthenticated = boolText(a.MFAAuthenticated)
		}
		if is := sc.SessionIssuer; is != nil {
			v.HasSessionIssuer = true
			v.IssuerType, v.IssuerPrincipalID, v.IssuerARN = is.Type, is.PrincipalID, is.ARN
			v.IssuerAccountID, v.IssuerUserName = is.AccountID, is.UserName
		}
	}
	return v
}

// TestFixtureEnvelopes spells out the envelopes of chosen records, one of
// each kind of identity and record.
func TestFixtureEnvelopes(t *testing.T) {
	tests := []struct {
		file  string
		index int // the record's index in a trail; -1 for a record file
		want  envelopeView
	}{
		{"records/elastictranscoder/CreateJob.json", -1, envelopeView{
			EventVersion: "1.02", EventTime: "2014-09-29T19:29:02Z",
			EventSource: "elastictranscoder.amazonaws.com", EventName: "CreateJob", AWSRegion: "us-east-2",
			SourceIPAddress: "192.0.2.15", RequestID: "4e6b66f9-d548-11e3-a8a9-73e33example",
			EventID: "5ab02562-0fc5-43d0-b7b6-90293example", EventType: "AwsApiCall",
			RecipientAccountID: "111122223333", HasRequestParameters: true, HasResponseElements: true,
			IdentityType: "IAMUser", PrincipalID: "A1B2C3D4E5F6G7EXAMPLE",
			ARN: "arn:aws:iam::111122223333:user/smithj", AccountID: "111122223333",
			AccessKeyID: "AKIAIOSFODNN7EXAMPLE",
		}},
		{"records/elastictranscoder/ReadJob.json", -1, envelopeView{
			EventVersion: "1.02", EventTime: "2014-09-29T19:28:50Z",
			EventSource: "elastictranscoder.amazonaws.com", EventName: "ReadJob", AWSRegion: "us-east-2",
			SourceIPAddress: "192.0.2.15", RequestID: "497b3622-d548-11e3-8fb9-4dad0example",
			EventID: "c32289c7-005a-46f7-9801-cba41example", EventType: "AwsApiCall",
			RecipientAccountID: "111122223333", HasRequestParameters: true,
			IdentityType: "IAMUser", PrincipalID: "A1B2C3D4E5F6G7EXAMPLE",
			ARN: "arn:aws:iam::111122223333:user/smithj", AccountID: "111122223333",
			AccessKeyID: "AKIAIOSFODNN7EXAMPLE",
		}},
		{"records/mediaconvert/CreateJob-2017.json", -1, envelopeView{
			EventVersion: "1.05", EventTime: "2017-11-15T02:57:32Z",
			EventSource: "mediaconvert.amazonaws.com", EventName: "CreateJob", AWSRegion: "us-west-2",
			SourceIPAddress: "1.2.3.4", RequestID: "b99d731e-c9b0-11e7-9b04-7fc9a0800896",
			EventID: "22ef8e82-ea2c-4014-9a45-16fd11474b31", EventType: "AwsApiCall", ReadOnly: "false",
			RecipientAccountID: "123456789000", HasRequestParameters: true, HasResponseElements: true,
			IdentityType: "IAMUser", PrincipalID: "ABCDEFGHIJKL123456789",
			ARN: "arn:aws:iam::123456789000:user/testuser", AccountID: "123456789000",
			AccessKeyID: "ABCDE12345EFGHIJKLMN", UserName: "test user",
		}},
		{"records/mediaconvert/CreateJob-2024.json", -1, envelopeView{
			EventVersion: "1.09", EventTime: "2024-04-04T17:45:26Z",
			EventSource: "mediaconvert.amazonaws.com", EventName: "CreateJob", AWSRegion: "us-west-2",
			SourceIPAddress: "203.0.113.100", RequestID: "1234abcd-12ab-34cd-56ef-1234567890ab",
			EventID: "0987dcba-09fe-87dc-65ba-ab0987654321", EventType: "AwsApiCall", ReadOnly: "false",
			ManagementEvent: "true", RecipientAccountID: "111122223333", EventCategory: "Management",
			HasRequestParameters: true, HasResponseElements: true,
			IdentityType: "AssumedRole", PrincipalID: "AKIAIOSFODNN7EXAMPLE:example-admin",
			ARN: "arn:aws:sts::111122223333:assumed-role/admin/example-admin", AccountID: "111122223333",
			AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SessionCreationDate: "2024-04-04T17:30:19Z",
			MFAAuthenticated: "false", HasSessionIssuer: true, IssuerType: "Role",
			IssuerPrincipalID: "AKIAIOSFODNN7EXAMPLE", IssuerARN: "arn:aws:iam::111122223333:role/admin",
			IssuerAccountID: "111122223333", IssuerUserName: "admin",
		}},
		{"records/mediaconvert/CreateQueue.json", -1, envelopeView{
			EventVersion: "1.05", EventTime: "2018-07-10T16:49:13Z",
			EventSource: "mediaconvert.amazonaws.com", EventName: "CreateQueue", AWSRegion: "eu-west-1",
			SourceIPAddress: "203.0.113.100", RequestID: "1234abcd-12ab-34cd-56ef-1234567890ab",
			EventID: "0987dcba-09fe-87dc-65ba-ab0987654321", EventType: "AwsApiCall", ReadOnly: "false",
			RecipientAccountID: "111122223333", HasRequestParameters: true, HasResponseElements: true,
			IdentityType: "IAMUser", PrincipalID: "AKIAIOSFODNN7EXAMPLE",
			ARN: "arn:aws:iam::111122223333:user/testuser", AccountID: "111122223333",
			AccessKeyID: "AKIAIOSFODNN7EXAMPLE", UserName: "testUser", InvokedBy: "signin.amazonaws.com",
			SessionCreationDate: "2018-07-10T14:01:57Z", MFAAuthenticated: "false",
		}},
		{"records/mediaconvert/DeletePreset.json", -1, envelopeView{
			EventVersion: "1.09", EventTime: "2024-06-01T10:05:12Z",
			EventSource: "mediaconvert.amazonaws.com", EventName: "DeletePreset", AWSRegion: "eu-west-1",
			SourceIPAddress: "198.51.100.201", RequestID: "5673ecbd-9ce4-4c7c-b5bf-3b4b1144f96e",
			EventID: "cebb8cc2-2fde-40f5-8fef-c617d4f19cc2", EventType: "AwsApiCall", ReadOnly: "false",
			ManagementEvent: "true", RecipientAccountID: "123456789012", EventCategory: "Management",
			SessionCredentialFromConsole: "true", HasRequestParameters: true,
			TLSHost:      "mediaconvert.eu-west-1.amazonaws.com",
			IdentityType: "Root", PrincipalID: "123456789012", ARN: "arn:aws:iam::123456789012:root",
			AccountID: "123456789012", AccessKeyID: "ASIAI44QH8DHBEXAMPLE",
			SessionCreationDate: "2024-06-01T10:02:33Z", MFAAuthenticated: "true",
			HasSessionIssuer: true, // "sessionIssuer": {}
		}},
		{"records/mediaconvert/ListTagsForResource.json", -1, envelopeView{
			EventVersion: "1.09", EventTime: "2024-04-06T02:11:57Z",
			EventSource: "mediaconvert.amazonaws.com", EventName: "ListTagsForResource", AWSRegion: "us-west-2",
			SourceIPAddress: "resource-explorer-2.amazonaws.com", RequestID: "ede8b3ee-73f2-4175-90bc-83a7ebf9c6e2",
			EventID: "55064195-e623-40a5-9f7b-827ae11a34f8", EventType: "AwsApiCall", ReadOnly: "true",
			ManagementEvent: "true", RecipientAccountID: "111122223333", EventCategory: "Management",
			HasRequestParameters: true, HasResponseElements: true,
			IdentityType: "AWSService", InvokedBy: "resource-explorer-2.amazonaws.com",
		}},
		{"records/transcribe/StartTranscriptionJob-Conflict.json", -1, envelopeView{
			EventVersion: "1.09", EventTime: "2024-02-19T09:14:27Z",
			EventSource: "transcribe.amazonaws.com", EventName: "StartTranscriptionJob", AWSRegion: "us-east-1",
			SourceIPAddress: "198.51.100.24", ErrorCode: "ConflictException",
			RequestID: "5c4656d4-8226-4df4-a42b-fffa4fc8d797", EventID: "4e123252-f5d7-49a5-9d9e-1c65514a674d",
			EventType: "AwsApiCall", ReadOnly: "false", ManagementEvent: "true",
			RecipientAccountID: "111122223333", EventCategory: "Management", HasRequestParameters: true,
			TLSHost:      "transcribe.us-east-1.amazonaws.com",
			IdentityType: "AssumedRole", PrincipalID: "AROAIOSFODNN7EXAMPLE:transcribe-worker",
			ARN:       "arn:aws:sts::111122223333:assumed-role/TranscribeWorkerRole/transcribe-worker",
			AccountID: "111122223333", AccessKeyID: "ASIAIOSFODNN7EXAMPLE",
			SessionCreationDate: "2024-02-19T09:00:12Z", MFAAuthenticated: "false", HasSessionIssuer: true,
			IssuerType: "Role", IssuerPrincipalID: "AROAIOSFODNN7EXAMPLE",
			IssuerARN:       "arn:aws:iam::111122223333:role/TranscribeWorkerRole",
			IssuerAccountID: "111122223333", IssuerUserName: "TranscribeWorkerRole",
		}},
		{"records/mediatailor/GetPlaybackConfiguration.json", -1, envelopeView{
			EventVersion: "1.05", EventTime: "2018-12-28T22:52:37Z",
			EventSource: "mediatailor.amazonaws.com", EventName: "GetPlaybackConfiguration",
			AWSRegion: "us-west-2", SourceIPAddress: "1.2.3.4",
			RequestID: "0z1y2x3w-0123-4567-9876-6q7r8s9t0u1v", EventID: "888ddd77-3322-eeww-uuii-abc123jkl343",
			EventType: "AwsApiCall", ReadOnly: "true", RecipientAccountID: "111122223333",
			HasRequestParameters: true,
			IdentityType:         "IAMUser", PrincipalID: "AIDAEXAMPLE", ARN: "arn:aws:iam::111122223333:user/testuser",
			AccountID: "111122223333", AccessKeyID: "AIDAEXAMPLE", UserName: "testuser",
		}},
		{"trails/transcribe-log.json", 0, envelopeView{
			EventVersion: "1.05", EventTime: "2023-11-02T00:59:45Z",
			EventSource: "transcribe.amazonaws.com", EventName: "StartTranscriptionJob", AWSRegion: "us-east-1",
			SourceIPAddress: "198.51.100.24", RequestID: "7d2a4a3c-5e0f-4b7a-9c1d-2f4e6a8b0c11",
			EventID: "c6a4b1e2-93d7-4f05-8a2e-5b7c9d1e3f20", EventType: "AwsApiCall",
			RecipientAccountID: "111122223333", HasRequestParameters: true, HasResponseElements: true,
			IdentityType: "AssumedRole", PrincipalID: "AROAIOSFODNN7EXAMPLE:transcribe-worker",
			ARN:       "arn:aws:sts::111122223333:assumed-role/TranscribeWorkerRole/transcribe-worker",
			AccountID: "111122223333", AccessKeyID: "ASIAIOSFODNN7EXAMPLE", UserName: "transcribe-worker",
			SessionCreationDate: "2023-11-02T00:41:07Z", MFAAuthenticated: "false", HasSessionIssuer: true,
			IssuerType: "Role", IssuerPrincipalID: "AROAIOSFODNN7EXAMPLE",
			IssuerARN:       "arn:aws:iam::111122223333:role/TranscribeWorkerRole",
			IssuerAccountID: "111122223333", IssuerUserName: "TranscribeWorkerRole",
		}},
		{"trails/media-sample.json", 7, envelopeView{
			EventVersion: "1.09", EventTime: "2024-04-04T17:45:29Z",
			EventSource: "s3.amazonaws.com", EventName: "GetObject", AWSRegion: "us-west-2",
			SourceIPAddress: "mediaconvert.amazonaws.com", RequestID: "EXAMPLE3GNKAXE7W",
			EventID: "141d6519-a2ea-41e3-88c3-dd3ceb509eea", EventType: "AwsApiCall", ReadOnly: "true",
			ManagementEvent: "false", RecipientAccountID: "111122223333", EventCategory: "Data",
			HasRequestParameters: true,
			ResourceARNs: []string{
				"arn:aws:s3:::media-input.example.com/mezzanine/sample-1080p.mov",
				"arn:aws:s3:::media-input.example.com",
			},
			TLSHost:      "s3.us-west-2.amazonaws.com",
			IdentityType: "AssumedRole", PrincipalID: "AROA3EXAMPLEMCROLE01:MediaConvert",
			ARN:       "arn:aws:sts::111122223333:assumed-role/MediaConvert_Default_Role/MediaConvert",
			AccountID: "111122223333", AccessKeyID: "ASIA3EXAMPLEMCROLE01", InvokedBy: "mediaconvert.amazonaws.com",
			SessionCreationDate: "2024-04-04T17:45:27Z", MFAAuthenticated: "false", HasSessionIssuer: true,
			IssuerType: "Role", IssuerPrincipalID: "AROA3EXAMPLEMCROLE01",
			IssuerARN:       "arn:aws:iam::111122223333:role/service-role/MediaConvert_Default_Role",
			IssuerAccountID: "111122223333", IssuerUserName: "MediaConvert_Default_Role",
		}},
		{"trails/media-sample.json", 13, envelopeView{
			EventVersion: "1.09", EventTime: "2024-04-05T09:10:02Z",
			EventSource: "signin.amazonaws.com", EventName: "ConsoleLogin", AWSRegion: "us-east-1",
			SourceIPAddress: "203.0.113.17", EventID: "d8c73ee4-57fa-4ca8-9652-db27c027660d",
			EventType: "AwsConsoleSignIn", ReadOnly: "false", ManagementEvent: "true",
			RecipientAccountID: "111122223333", EventCategory: "Management", HasResponseElements: true,
			TLSHost:      "signin.aws.amazon.com",
			IdentityType: "IAMUser", PrincipalID: "AIDACKCEVSQ6C2EXAMPLE", ARN: "arn:aws:iam::111122223333:user/alice",
			AccountID: "111122223333", UserName: "alice",
		}},
	}
	for _, tt := range tests {
		name := tt.file
		if tt.index >= 0 {
			name = fmt.Sprintf("%s[%d]", tt.file, tt.index)
		}
		t.Run(name, func(t *testing.T) {
			data := readTestdata(t, tt.file)
			if tt.index >= 0 {
				data = splitTrail(t, data)[tt.index]
			}
			e, err := cloudtrail.Parse(data)
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, viewOf(e)); diff != "" {
				t.Errorf("envelope of %s (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestDocsExamples parses the documentation examples as published: the
// valid ones decode, with envelope errors where they carry placeholders; the
// others are reported as invalid JSON.
func TestDocsExamples(t *testing.T) {
	files := testdataFiles(t, "docs", "")
	require.Len(t, files, 9)
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			data := readTestdata(t, f)
			switch path.Ext(f) {
			case ".txt":
				require.False(t, json.Valid(data), "%s is valid JSON: name it .json", f)
				e, err := cloudtrail.Parse(data)
				require.Nil(t, e)
				require.True(t, errors.Is(err, cloudtrail.ErrSyntax), "error %v does not wrap ErrSyntax", err)
			case ".json":
				require.True(t, json.Valid(data), "%s is no valid JSON: name it .txt", f)
				var recs []json.RawMessage
				if gjson.GetBytes(data, "Records").Exists() {
					recs = splitTrail(t, data)
				} else {
					recs = []json.RawMessage{data}
				}
				for _, rec := range recs {
					e, err := cloudtrail.Parse(rec)
					require.NoError(t, err)
					require.Equal(t, []byte(rec), e.Raw())
					require.NotEmpty(t, e.EventName)
					require.NotEmpty(t, e.EventSource)
				}
			default:
				t.Fatalf("unexpected file %s", f)
			}
		})
	}
}

// TestDocsPlaceholderTimes checks the Transcribe example, whose eventTime is
// the placeholder "timestamp": the record decodes, and the value is
// reported, not turned into a time.
func TestDocsPlaceholderTimes(t *testing.T) {
	recs := splitTrail(t, readTestdata(t, "docs/transcribe-log.json"))
	require.Len(t, recs, 2)
	for i, want := range []string{"StartTranscriptionJob", "GetTranscriptionJob"} {
		e, err := cloudtrail.Parse(recs[i])
		require.NoError(t, err)
		require.Equal(t, want, e.EventName)
		require.Equal(t, "transcribe.amazonaws.com", e.EventSource)
		require.Equal(t, "region", e.AWSRegion)
		require.Equal(t, "AssumedRole | FederatedUser | IAMUser | Root | SAMLUser | WebIdentityUser", e.UserIdentity.Type)
		require.True(t, e.EventTime.IsZero())
		require.Len(t, e.EnvelopeErrors, 1)
		fe := e.EnvelopeErrors[0]
		require.Equal(t, "eventTime", fe.Path)
		require.Equal(t, `"timestamp"`, fe.Raw)
		require.True(t, errors.Is(fe, cloudtrail.ErrNotATime))
		require.True(t, errors.Is(e.EnvelopeErrors, cloudtrail.ErrNotATime))
	}
}

// goldenEnvelope is what a golden file holds: the decoded envelope without
// the raw service members, which are checked byte for byte elsewhere.
type goldenEnvelope struct {
	EventVersion                 string
	EventTime                    string
	EventSource                  string
	EventName                    string
	AWSRegion                    string
	SourceIPAddress              string
	UserAgent                    string
	ErrorCode                    string `json:",omitempty"`
	ErrorMessage                 string `json:",omitempty"`
	RequestParameters            string // the JSON kind of the member, with its size
	ResponseElements             string
	AdditionalEventData          string `json:",omitempty"`
	RequestID                    string
	EventID                      string
	EventType                    string
	APIVersion                   string `json:",omitempty"`
	ManagementEvent              *bool
	ReadOnly                     *bool
	Resources                    []cloudtrail.Resource `json:",omitempty"`
	RecipientAccountID           string
	SharedEventID                string `json:",omitempty"`
	VPCEndpointID                string `json:",omitempty"`
	EventCategory                string
	SessionCredentialFromConsole *bool                  `json:",omitempty"`
	TLSDetails                   *cloudtrail.TLSDetails `json:",omitempty"`
	UserIdentity                 *cloudtrail.UserIdentity
	Actor                        cloudtrail.Actor
	ActorString                  string
	UnknownMembers               []string `json:",omitempty"`
	EnvelopeErrors               []string `json:",omitempty"`
}

// describeRaw names the JSON kind of a raw member and its size.
func describeRaw(m json.RawMessage) string {
	if m == nil {
		return "absent or null"
	}
	v := gjson.ParseBytes(m)
	switch {
	case v.IsObject():
		n := 0
		v.ForEach(func(_, _ gjson.Result) bool { n++; return true })
		return fmt.Sprintf("object of %d members, %d bytes", n, len(m))
	case v.IsArray():
		return fmt.Sprintf("array of %d values, %d bytes", len(v.Array()), len(m))
	}
	return "value " + string(m)
}

func golden(e *cloudtrail.Event) goldenEnvelope {
	g := goldenEnvelope{
		EventVersion:                 e.EventVersion,
		EventTime:                    e.EventTime.Format(time.RFC3339Nano),
		EventSource:                  e.EventSource,
		EventName:                    e.EventName,
		AWSRegion:                    e.AWSRegion,
		SourceIPAddress:              e.SourceIPAddress,
		UserAgent:                    e.UserAgent,
		ErrorCode:                    e.ErrorCode,
		ErrorMessage:                 e.ErrorMessage,
		RequestParameters:            describeRaw(e.RequestParameters),
		ResponseElements:             describeRaw(e.ResponseElements),
		RequestID:                    e.RequestID,
		EventID:                      e.EventID,
		EventType:                    e.EventType,
		APIVersion:                   e.APIVersion,
		ManagementEvent:              e.ManagementEvent,
		ReadOnly:                     e.ReadOnly,
		Resources:                    e.Resources,
		RecipientAccountID:           e.RecipientAccountID,
		SharedEventID:                e.SharedEventID,
		VPCEndpointID:                e.VPCEndpointID,
		EventCategory:                e.EventCategory,
		SessionCredentialFromConsole: e.SessionCredentialFromConsole,
		TLSDetails:                   e.TLSDetails,
		UserIdentity:                 e.UserIdentity,
		Actor:                        e.Actor(),
		ActorString:                  e.Actor().String(),
	}
	if e.AdditionalEventData != nil {
		g.AdditionalEventData = describeRaw(e.AdditionalEventData)
	}
	for k := range e.Unknown {
		g.UnknownMembers = append(g.UnknownMembers, k)
	}
	sort.Strings(g.UnknownMembers)
	for _, fe := range e.EnvelopeErrors {
		g.EnvelopeErrors = append(g.EnvelopeErrors, fe.Error())
	}
	return g
}

// TestGolden compares the envelope of every record of testdata/records,
// testdata/trails and the valid examples of testdata/docs with its golden
// file in testdata/golden. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	recs := validFixtureRecords(t)
	for _, f := range testdataFiles(t, "docs", ".json") {
		data := readTestdata(t, f)
		if gjson.GetBytes(data, "Records").Exists() {
			recs = append(recs, trailFixtureRecords(t, f)...)
		} else {
			recs = append(recs, fixtureRecord{name: strings.TrimSuffix(f, ".json"), source: f, data: data})
		}
	}

	seen := map[string]bool{}
	for _, rec := range recs {
		file := filepath.Join(testdataDir, "golden", filepath.FromSlash(rec.name)+".json")
		seen[filepath.Clean(file)] = true
		t.Run(rec.name, func(t *testing.T) {
			e, err := cloudtrail.Parse(rec.data)
			require.NoError(t, err)
			got, err := json.MarshalIndent(golden(e), "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			if *updateGolden {
				require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
				require.NoError(t, os.WriteFile(file, got, 0o644))
				return
			}
			want, err := os.ReadFile(file)
			require.NoError(t, err, "no golden file: run go test ./cloudtrail -run TestGolden -update")
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("envelope of %s differs from %s (-want +got):\n%s", rec.name, file, diff)
			}
		})
	}

	// Golden files of records that are gone are stale.
	err := filepath.WalkDir(filepath.Join(testdataDir, "golden"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !seen[filepath.Clean(p)] {
			if *updateGolden {
				return os.Remove(p)
			}
			t.Errorf("stale golden file %s: no record of testdata decodes to it", p)
		}
		return nil
	})
	require.NoError(t, err)
}

// TestTrailsKeepRecordBytes checks that the records of the log files are the
// records of testdata/records, byte for byte after re-indentation, where
// both exist.
func TestTrailsKeepRecordBytes(t *testing.T) {
	compact := func(b []byte) string {
		var buf bytes.Buffer
		require.NoError(t, json.Compact(&buf, b))
		return buf.String()
	}
	byEventID := map[string]string{}
	sources := map[string]bool{} // the event sources of the records of testdata/records
	for _, f := range testdataFiles(t, "records", ".json") {
		data := readTestdata(t, f)
		byEventID[gjson.GetBytes(data, "eventID").Str+"/"+gjson.GetBytes(data, "eventTime").Str] = compact(data)
		sources[gjson.GetBytes(data, "eventSource").Str] = true
	}
	mediaRecords := 0
	for _, f := range []string{"trails/elastictranscoder-log.json", "trails/transcribe-log.json", "trails/media-sample.json"} {
		for _, rec := range splitTrail(t, readTestdata(t, f)) {
			source := gjson.GetBytes(rec, "eventSource").Str
			if !sources[source] {
				continue
			}
			mediaRecords++
			key := gjson.GetBytes(rec, "eventID").Str + "/" + gjson.GetBytes(rec, "eventTime").Str
			want, ok := byEventID[key]
			require.True(t, ok, "%s: record %s is in no file of testdata/records", f, key)
			require.Equal(t, want, compact(rec), "%s: record %s differs from its file in testdata/records", f, key)
		}
	}
	require.Equal(t, 5+2+14, mediaRecords)
}

// TestTrailsThroughReader reads the log files of testdata with the Reader:
// it yields the records the log holds, in order and byte for byte.
func TestTrailsThroughReader(t *testing.T) {
	for _, f := range testdataFiles(t, "trails", ".json") {
		t.Run(f, func(t *testing.T) {
			data := readTestdata(t, f)
			want := splitTrail(t, data)
			r := cloudtrail.NewReader(bytes.NewReader(data))
			defer r.Close()
			var got []*cloudtrail.Event
			for e, err := range r.All() {
				require.NoError(t, err)
				got = append(got, e)
			}
			require.Len(t, got, len(want))
			for i, e := range got {
				require.Equal(t, string(want[i]), string(e.Raw()), "record %d", i)
				require.NotNil(t, e.Delivery)
				require.Equal(t, i, e.Delivery.Index)
				require.Empty(t, e.EnvelopeErrors)
			}
		})
	}
}
