package cloudtrailtest_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

func ptr[T any](v T) *T { return &v }

// createJobRequest is a small MediaConvert job.
func createJobRequest() *mediaconvert.CreateJobRequest {
	return &mediaconvert.CreateJobRequest{
		Role: ptr("arn:aws:iam::111122223333:role/MediaConvert_Default_Role"),
		Settings: &mediaconvert.JobSettings{
			Inputs: []mediaconvert.Input{{FileInput: ptr("s3://amzn-s3-demo-bucket/in/clip.mov")}},
			OutputGroups: []mediaconvert.OutputGroup{{
				Name: ptr("File Group"),
				OutputGroupSettings: &mediaconvert.OutputGroupSettings{
					Type:              mediaconvert.OutputGroupTypeFileGroupSettings,
					FileGroupSettings: &mediaconvert.FileGroupSettings{Destination: ptr("s3://amzn-s3-demo-bucket/out/")},
				},
			}},
		},
	}
}

func TestNewEventCreateJob(t *testing.T) {
	at := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	e := cloudtrailtest.NewEvent(createJobRequest(), nil, cloudtrailtest.WithSeed(3), cloudtrailtest.WithTime(at), cloudtrailtest.WithRegion("eu-west-1"))
	require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
	require.Equal(t, "CreateJob", e.EventName)
	require.Equal(t, "1.11", e.EventVersion)
	require.Equal(t, at, e.EventTime)
	require.Equal(t, "eu-west-1", e.AWSRegion)
	require.Equal(t, cloudtrailtest.DefaultAccount, e.RecipientAccountID)
	require.Equal(t, false, *e.ReadOnly)
	require.Equal(t, true, *e.ManagementEvent)
	require.Equal(t, "Management", e.EventCategory)
	require.Equal(t, "AwsApiCall", e.EventType)
	require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, e.EventID)
	require.NotEqual(t, e.EventID, e.RequestID)
	require.Equal(t, "TLSv1.3", e.TLSDetails.TLSVersion)
	require.Equal(t, "mediaconvert.eu-west-1.amazonaws.com", e.TLSDetails.ClientProvidedHostHeader)
	require.Empty(t, e.EnvelopeErrors)

	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	ev := v.(*mediaconvert.CreateJobEvent)
	require.Empty(t, ev.Errors)
	job := ev.Response.GetJob()
	require.Regexp(t, `^1778051289000-[a-z0-9]{6}$`, job.GetId())
	require.Equal(t, "arn:aws:mediaconvert:eu-west-1:111122223333:jobs/"+job.GetId(), job.GetArn())
	require.Equal(t, mediaconvert.JobStatusSubmitted, job.GetStatus())
	require.Equal(t, at, job.GetCreatedAt().Instant())
	require.Equal(t, "arn:aws:mediaconvert:eu-west-1:111122223333:queues/Default", job.GetQueue())
	// The response echoes the request's settings.
	if diff := cmp.Diff(ev.Request.GetSettings(), job.GetSettings(), cloudtrailtest.Options()...); diff != "" {
		t.Errorf("settings of the job (-requested +returned):\n%s", diff)
	}
	require.Equal(t, ev.Request.GetRole(), job.GetRole())

	// Deterministic: the same arguments give the same record.
	again := cloudtrailtest.NewEvent(createJobRequest(), nil, cloudtrailtest.WithSeed(3), cloudtrailtest.WithTime(at), cloudtrailtest.WithRegion("eu-west-1"))
	require.Equal(t, string(e.Raw()), string(again.Raw()))
	other := cloudtrailtest.NewEvent(createJobRequest(), nil, cloudtrailtest.WithSeed(4), cloudtrailtest.WithTime(at), cloudtrailtest.WithRegion("eu-west-1"))
	require.NotEqual(t, e.EventID, other.EventID)
}

func TestNewEventIdentities(t *testing.T) {
	tests := []struct {
		kind  cloudtrailtest.IdentityKind
		check func(t *testing.T, e *cloudtrail.Event)
	}{
		{cloudtrailtest.AssumedRole, func(t *testing.T, e *cloudtrail.Event) {
			u := e.UserIdentity
			require.Equal(t, "AssumedRole", u.Type)
			require.Regexp(t, `^arn:aws:sts::111122223333:assumed-role/[A-Za-z]+/[a-z]+$`, u.ARN)
			require.Regexp(t, `^ASIA[A-Z2-7]{16}$`, u.AccessKeyID)
			require.Equal(t, "Role", u.SessionContext.SessionIssuer.Type)
			require.True(t, strings.HasPrefix(u.PrincipalID, u.SessionContext.SessionIssuer.PrincipalID+":"))
			require.False(t, u.SessionContext.Attributes.CreationDate.IsZero())
			require.Equal(t, cloudtrail.ActorRole, e.Actor().Kind)
		}},
		{cloudtrailtest.IAMUser, func(t *testing.T, e *cloudtrail.Event) {
			u := e.UserIdentity
			require.Equal(t, "IAMUser", u.Type)
			require.Equal(t, "arn:aws:iam::111122223333:user/"+u.UserName, u.ARN)
			require.Regexp(t, `^AKIA[A-Z2-7]{16}$`, u.AccessKeyID)
			require.Equal(t, cloudtrail.ActorIAMUser, e.Actor().Kind)
		}},
		{cloudtrailtest.IdentityCenterUser, func(t *testing.T, e *cloudtrail.Event) {
			u := e.UserIdentity
			require.Equal(t, "IdentityCenterUser", u.Type)
			require.Regexp(t, `^arn:aws:identitystore::111122223333:identitystore/d-[a-z2-7]{10}$`, u.OnBehalfOf.IdentityStoreARN)
			require.NotEmpty(t, u.OnBehalfOf.UserID)
			require.NotEmpty(t, u.CredentialID)
			require.Equal(t, cloudtrail.ActorIdentityCenterUser, e.Actor().Kind)
		}},
		{cloudtrailtest.AWSService, func(t *testing.T, e *cloudtrail.Event) {
			require.Equal(t, "AWSService", e.UserIdentity.Type)
			require.Equal(t, "mediaconvert.amazonaws.com", e.UserIdentity.InvokedBy)
			require.Equal(t, "mediaconvert.amazonaws.com", e.SourceIPAddress)
			require.Nil(t, e.TLSDetails)
			require.Equal(t, cloudtrail.ActorAWSService, e.Actor().Kind)
		}},
		{cloudtrailtest.Root, func(t *testing.T, e *cloudtrail.Event) {
			u := e.UserIdentity
			require.Equal(t, "Root", u.Type)
			require.Equal(t, "arn:aws:iam::111122223333:root", u.ARN)
			require.True(t, *u.SessionContext.Attributes.MFAAuthenticated)
			require.Equal(t, cloudtrail.ActorRoot, e.Actor().Kind)
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			e := cloudtrailtest.NewEvent(&mediaconvert.ListQueuesRequest{}, nil, cloudtrailtest.WithIdentity(tt.kind))
			require.Empty(t, e.EnvelopeErrors)
			require.True(t, *e.ReadOnly)
			tt.check(t, e)
		})
	}
}

func TestNewEventResponses(t *testing.T) {
	t.Run("StartTranscriptionJob", func(t *testing.T) {
		req := &transcribe.StartTranscriptionJobRequest{
			TranscriptionJobName: ptr("support-call-0001"),
			LanguageCode:         transcribe.LanguageCodeEnUs,
			Media:                &transcribe.Media{MediaFileUri: ptr("s3://amzn-s3-demo-bucket/calls/0001.flac")},
			OutputBucketName:     ptr("amzn-s3-demo-bucket"),
		}
		ev := decode[*transcribe.StartTranscriptionJobEvent](t, cloudtrailtest.NewEvent(req, nil))
		job := ev.Response.GetTranscriptionJob()
		require.Equal(t, transcribe.TranscriptionJobStatusInProgress, job.GetTranscriptionJobStatus())
		require.Equal(t, "support-call-0001", job.GetTranscriptionJobName())
		require.Equal(t, "s3://amzn-s3-demo-bucket/calls/0001.flac", job.GetMedia().GetMediaFileUri())
		require.Equal(t, transcribe.LanguageCodeEnUs, job.GetLanguageCode())
		require.False(t, job.GetCreationTime().Instant().IsZero())
	})
	t.Run("Elastic Transcoder CreateJob", func(t *testing.T) {
		req := &elastictranscoder.CreateJobRequest{
			PipelineId: ptr("1592307711842-6mfrjw"),
			Input:      &elastictranscoder.JobInput{Key: ptr("in/talk.mov")},
			Outputs:    []elastictranscoder.CreateJobOutput{{Key: ptr("out/talk-720p.mp4"), PresetId: ptr("1351620000001-000010")}},
		}
		ev := decode[*elastictranscoder.CreateJobEvent](t, cloudtrailtest.NewEvent(req, nil))
		job := ev.Response.GetJob()
		require.Equal(t, "Submitted", job.GetStatus())
		require.Regexp(t, `^[0-9]{13}-[a-z0-9]{6}$`, job.GetId())
		require.Equal(t, "1592307711842-6mfrjw", job.GetPipelineId())
		require.Len(t, job.GetOutputs(), 1)
		require.Equal(t, "Submitted", job.GetOutputs()[0].GetStatus())
	})
	t.Run("PutPlaybackConfiguration", func(t *testing.T) {
		req := &mediatailor.PutPlaybackConfigurationRequest{
			Name:                  ptr("live-ssai"),
			VideoContentSourceUrl: ptr("https://origin.example.com/live"),
			AdDecisionServerUrl:   ptr("https://ads.example.com/vast"),
		}
		ev := decode[*mediatailor.PutPlaybackConfigurationEvent](t, cloudtrailtest.NewEvent(req, nil))
		resp := ev.Response
		require.Equal(t, "arn:aws:mediatailor:us-west-2:111122223333:playbackConfiguration/live-ssai", resp.GetPlaybackConfigurationArn())
		require.Equal(t, "https://origin.example.com/live", resp.GetVideoContentSourceUrl())
		require.Contains(t, resp.GetHlsConfiguration().GetManifestEndpointPrefix(), "/v1/master/")
	})
	t.Run("failed call", func(t *testing.T) {
		e := cloudtrailtest.NewEvent(createJobRequest(), nil, cloudtrailtest.WithError("BadRequestException", "Invalid settings"))
		require.Equal(t, "BadRequestException", e.ErrorCode)
		require.Equal(t, "Invalid settings", e.ErrorMessage)
		require.True(t, e.Failed())
		require.Nil(t, e.ResponseElements)
		require.Contains(t, string(e.Raw()), `"responseElements":null`)
	})
	t.Run("given response", func(t *testing.T) {
		resp := &mediaconvert.CreateJobResponse{Job: &mediaconvert.Job{Id: ptr("1-abcdef"), Status: mediaconvert.JobStatusProgressing}}
		ev := decode[*mediaconvert.CreateJobEvent](t, cloudtrailtest.NewEvent(nil, resp))
		require.Nil(t, ev.Request)
		require.Equal(t, "1-abcdef", ev.Response.GetJob().GetId())
	})
	t.Run("raw JSON and no response", func(t *testing.T) {
		e := cloudtrailtest.NewEvent(json.RawMessage(`{"arn":"arn:aws:mediaconvert:us-west-2:111122223333:queues/Default"}`), nil,
			cloudtrailtest.WithOperation("aws.mediaconvert", "GetQueue"))
		require.Equal(t, "mediaconvert.amazonaws.com", e.EventSource)
		require.Equal(t, "GetQueue", e.EventName)
		require.Nil(t, e.ResponseElements)
	})
}

func TestNewEventEdit(t *testing.T) {
	e := cloudtrailtest.NewEvent(createJobRequest(), nil, cloudtrailtest.WithEdit(func(e *cloudtrail.Event) {
		e.SourceIPAddress = "198.51.100.9"
		e.UserIdentity.SessionContext.SourceIdentity = "alice@example.com"
		e.Unknown = map[string]json.RawMessage{"newMember": json.RawMessage(`{"x":1}`)}
	}))
	require.Equal(t, "198.51.100.9", e.SourceIPAddress)
	require.Equal(t, "alice@example.com", e.UserIdentity.SessionContext.SourceIdentity)
	require.JSONEq(t, `{"x":1}`, string(e.Unknown["newMember"]))
	require.Equal(t, `{"x":1}`, e.Get("newMember").Raw)
}

func TestNewEventPanics(t *testing.T) {
	require.PanicsWithValue(t, "cloudtrailtest: NewEvent: no operation for a request of type <nil> and a response of type <nil>: give WithOperation, or import the package of the types", func() {
		cloudtrailtest.NewEvent(nil, nil)
	})
	require.Panics(t, func() {
		cloudtrailtest.NewEvent(nil, nil, cloudtrailtest.WithOperation("mediaconvert.amazonaws.com", "NoSuchCall"))
	})
	require.Panics(t, func() {
		cloudtrailtest.NewEvent(json.RawMessage(`{"a":`), nil, cloudtrailtest.WithOperation("mediaconvert.amazonaws.com", "GetQueue"))
	})
}

func TestOptions(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/records/mediaconvert/CreateJob-2024.json")
	require.NoError(t, err)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, raw))
	pretty, err := cloudtrail.Parse(raw)
	require.NoError(t, err)
	flat, err := cloudtrail.Parse([]byte(compact.String()))
	require.NoError(t, err)
	flat.Delivery = &cloudtrail.Delivery{Format: cloudtrail.FormatEventBridge}

	// Events, as read from different containers and written differently.
	require.Empty(t, cmp.Diff(pretty, flat, cloudtrailtest.Options()...))
	require.Empty(t, cmp.Diff(pretty, flat))
	// Typed events hold raw JSON and times read from their text.
	a, b := decode[*mediaconvert.CreateJobEvent](t, pretty), decode[*mediaconvert.CreateJobEvent](t, flat)
	require.Empty(t, cmp.Diff(a, b, cloudtrailtest.Options()...))
	require.Empty(t, cmp.Diff(a, b))
	// A time made in code equals the one read from the record.
	made := &cloudtrail.Time{Time: a.Response.GetJob().GetCreatedAt().Instant()}
	require.Empty(t, cmp.Diff(made, a.Response.GetJob().GetCreatedAt(), cloudtrailtest.Options()...))
	// A difference is named by its field.
	changed, err := cloudtrail.Parse([]byte(strings.Replace(compact.String(), `"us-west-2"`, `"eu-west-1"`, 1)))
	require.NoError(t, err)
	diff := cmp.Diff(pretty, changed, cloudtrailtest.Options()...)
	require.Contains(t, diff, "AWSRegion")
	require.Contains(t, diff, `"eu-west-1"`)
	require.NotEmpty(t, cmp.Diff(pretty, (*cloudtrail.Event)(nil), cloudtrailtest.Options()...))
	// A change deep inside requestParameters is named by its path, and
	// the diff shows only it.
	deep := cloudtrailtest.Fixture(mediaconvert.EventSource, "CreateJob")
	edited := cloudtrailtest.Fixture(mediaconvert.EventSource, "CreateJob", cloudtrailtest.WithEdit(func(e *cloudtrail.Event) {
		e.RequestParameters = json.RawMessage(strings.Replace(string(e.RequestParameters), `"s3://amzn-s3-demo-bucket/`, `"s3://changed-bucket/`, 1))
	}))
	diff = cmp.Diff(deep, edited, cloudtrailtest.Options()...)
	require.Contains(t, diff, `RequestParameters`)
	require.Contains(t, diff, `"s3://changed-bucket/`)
	require.Less(t, len(diff), 3000, diff)
	// Numbers compare by value; the text of numbers a float64 does not
	// hold is kept.
	require.Empty(t, cmp.Diff(json.RawMessage(`{"a":90,"b":[1e2]}`), json.RawMessage(`{"b":[100.0],"a":90.0}`), cloudtrailtest.Options()...))
	require.NotEmpty(t, cmp.Diff(json.RawMessage(`123456789012345678901`), json.RawMessage(`123456789012345678902`), cloudtrailtest.Options()...))
}

// decode decodes e into its typed event T, with no errors.
func decode[T any](t *testing.T, e *cloudtrail.Event) T {
	t.Helper()
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	ev, ok := v.(T)
	require.True(t, ok, "decoded %T", v)
	if fe, ok := v.(interface{ FieldErrors() cloudtrail.FieldErrors }); ok {
		require.Empty(t, fe.FieldErrors())
	}
	return ev
}

// TestNewEventEveryOperation makes a record of every registered operation
// from a value of its request type alone, and one from a value of its
// response type alone: each decodes to the typed event of its operation.
func TestNewEventEveryOperation(t *testing.T) {
	ops := cloudtrail.DefaultRegistry.Operations()
	require.Greater(t, len(ops), 140)
	for _, op := range ops {
		v, err := cloudtrail.Decode(cloudtrailtest.NewEvent(nil, nil, cloudtrailtest.WithOperation(op.EventSource, op.EventName)))
		require.NoError(t, err, "%v", op)
		typed := reflect.ValueOf(v).Elem()
		for _, member := range []string{"Request", "Response"} {
			value := reflect.New(typed.FieldByName(member).Type().Elem()).Interface()
			got, err := cloudtrail.Decode(cloudtrailtest.NewEvent(value, nil))
			require.NoError(t, err)
			require.Equal(t, reflect.TypeOf(v), reflect.TypeOf(got), "%s of %v", member, op)
		}
	}
}

// TestNewEventDefaultSeed checks that without WithSeed different calls get
// different ids, and the same call the same ones.
func TestNewEventDefaultSeed(t *testing.T) {
	a := cloudtrailtest.NewEvent(createJobRequest(), nil)
	again := cloudtrailtest.NewEvent(createJobRequest(), nil)
	require.Equal(t, string(a.Raw()), string(again.Raw()))

	other := createJobRequest()
	other.Role = cloudtrail.Ptr("arn:aws:iam::111122223333:role/Other")
	b := cloudtrailtest.NewEvent(other, nil)
	get := cloudtrailtest.NewEvent(&mediaconvert.GetJobRequest{Id: cloudtrail.Ptr("1-abc")}, nil)
	ids := map[string]bool{a.EventID: true, b.EventID: true, get.EventID: true}
	require.Len(t, ids, 3, "event ids")
	require.NotEqual(t, a.RequestID, b.RequestID)
	require.NotEqual(t, a.ResponseElement("job.id").String(), b.ResponseElement("job.id").String())
}
