package cloudtrail_test

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	_ "github.com/mediatrail/mediatrail/internal/services" // every service package, for the DefaultRegistry
)

func TestRegistryInfo(t *testing.T) {
	var r cloudtrail.Registry
	_, ok := r.Info("mediaconvert.amazonaws.com", "CreateQueue")
	require.False(t, ok)

	create := cloudtrail.OperationInfo{EventSource: "aws.mediaconvert", EventName: "CreateQueue", Kind: cloudtrail.OpCreate, Resource: "Queue", HTTPMethod: "POST"}
	r.RegisterInfo(create)
	r.RegisterInfo(cloudtrail.OperationInfo{EventSource: "mediaconvert.amazonaws.com", EventName: "GetQueue", ReadOnly: true, Idempotent: true, Kind: cloudtrail.OpRead, Resource: "Queue", HTTPMethod: "GET"})
	require.Panics(t, func() {
		r.RegisterInfo(cloudtrail.OperationInfo{EventSource: "MediaConvert.amazonaws.com", EventName: "CreateQueue"})
	})

	want := create
	want.EventSource = "mediaconvert.amazonaws.com" // registered in its CloudTrail form
	for _, src := range []string{"mediaconvert.amazonaws.com", "aws.mediaconvert", " MediaConvert.amazonaws.com"} {
		got, ok := r.Info(src, "CreateQueue")
		require.True(t, ok, src)
		require.Equal(t, want, got, src)
	}
	_, ok = r.Info("mediaconvert.amazonaws.com", "createqueue") // event names are case sensitive
	require.False(t, ok)
	// Facts do not make a decoder, nor the other way round.
	_, ok = r.Lookup("mediaconvert.amazonaws.com", "CreateQueue")
	require.False(t, ok)

	ro, no := true, false
	tests := []struct {
		name         string
		e            *cloudtrail.Event
		change, know bool
	}{
		{"nil", nil, false, false},
		{"model: create", &cloudtrail.Event{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateQueue"}, true, true},
		{"model: read", &cloudtrail.Event{EventSource: "aws.mediaconvert", EventName: "GetQueue"}, false, true},
		{"record wins: create read-only", &cloudtrail.Event{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateQueue", ReadOnly: &ro}, false, true},
		{"record wins: read not read-only", &cloudtrail.Event{EventSource: "mediaconvert.amazonaws.com", EventName: "GetQueue", ReadOnly: &no}, true, true},
		{"failed call is an attempted change", &cloudtrail.Event{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateQueue", ErrorCode: "AccessDenied"}, true, true},
		{"unknown", &cloudtrail.Event{EventSource: "s3.amazonaws.com", EventName: "PutObject"}, false, false},
		{"unknown with readOnly", &cloudtrail.Event{EventSource: "s3.amazonaws.com", EventName: "GetObject", ReadOnly: &ro}, false, true},
	}
	for _, tt := range tests {
		change, known := r.IsWrite(tt.e)
		require.Equal(t, tt.change, change, tt.name)
		require.Equal(t, tt.know, known, tt.name)
	}
}

func TestOperationInfoIsChange(t *testing.T) {
	for kind, change := range map[cloudtrail.OperationKind]bool{
		cloudtrail.OpCreate: true, cloudtrail.OpRead: false, cloudtrail.OpList: false,
		cloudtrail.OpUpdate: true, cloudtrail.OpDelete: true, cloudtrail.OpPut: true,
		cloudtrail.OpTag: true, cloudtrail.OpUntag: true, cloudtrail.OpPolicy: true,
		cloudtrail.OpStart: true, cloudtrail.OpStop: true, cloudtrail.OpCancel: true,
		cloudtrail.OpOther: true,
	} {
		require.Equal(t, change, cloudtrail.OperationInfo{Kind: kind}.IsWrite(), kind)
		require.False(t, cloudtrail.OperationInfo{Kind: kind, ReadOnly: true}.IsWrite(), kind)
	}
}

// TestDefaultRegistryInfo checks a few operations of the service packages
// (internal/services checks them all against the models).
func TestDefaultRegistryInfo(t *testing.T) {
	info, ok := cloudtrail.Info("aws.mediaconvert", "CreateJob")
	require.True(t, ok)
	require.Equal(t, cloudtrail.OperationInfo{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateJob", Kind: cloudtrail.OpCreate, Resource: "Job", HTTPMethod: "POST"}, info)
	info, ok = cloudtrail.Info("transcribestreaming.amazonaws.com", "StartStreamTranscriptionWebSocket")
	require.True(t, ok)
	require.Equal(t, cloudtrail.OpStart, info.Kind)
	_, ok = cloudtrail.Info("s3.amazonaws.com", "PutObject")
	require.False(t, ok)
}

// changeRecords are records for WithWritesOnly: a fixture of every
// operation of the service packages with its readOnly as CloudTrail
// writes it, without one, and with the opposite one, failed calls, and
// records of operations that no package registers.
func changeRecords(t *testing.T) []*cloudtrail.Event {
	var events []*cloudtrail.Event
	for i, op := range cloudtrailtest.FixtureOperations() {
		edits := []cloudtrailtest.Option{nil,
			cloudtrailtest.WithEdit(func(e *cloudtrail.Event) { e.ReadOnly = nil }),
			cloudtrailtest.WithEdit(func(e *cloudtrail.Event) { v := !*e.ReadOnly; e.ReadOnly = &v }),
		}
		opts := []cloudtrailtest.Option{edits[i%3]}
		if i%7 == 0 {
			opts = append(opts, cloudtrailtest.WithError("AccessDeniedException", "no"))
		}
		if opts[0] == nil {
			opts = opts[1:]
		}
		events = append(events, cloudtrailtest.Fixture(op.EventSource, op.EventName, opts...))
	}
	for _, rec := range []string{
		`{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"PutObject","eventID":"u-1"}`,
		`{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"PutObject","readOnly":false,"eventID":"u-2"}`,
		`{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"GetObject","readOnly":true,"eventID":"u-3"}`,
		`{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"PutObject","ReadOnly":"false","eventID":"u-4"}`,
		`{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"PutObject","readOnly":"maybe","eventID":"u-5"}`,
		`{"eventVersion":"1.11","eventSource":"aws.mediaconvert","eventName":"GetJob","readOnly":null,"eventID":"u-6"}`,
		`{"eventVersion":"1.11","eventSource":"MediaConvert.amazonaws.com","eventName":"CreateJob","eventID":"u-7"}`,
		`{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","readOnly":true,"readOnly":false,"eventID":"u-8"}`,
		`{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob","eventID":"u-10","readOnly" :	false }`,
		`{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","READONLY":true,"readOnly":false,"eventID":"u-11"}`,
		`{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"PutObject","readOnly":"\u0066alse","eventID":"u-12"}`,
		`{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","readOnly":{"x":[true]},"eventID":"u-13"}`,
		`{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","readOnly":" TRUE ","eventID":"u-14"}`,
		`{"eventVersion":"1.11","eventSource":"mediaconvert.amazonaws.com","eventName":"GetJob","eventID":"u-15","readOnly":0}`,
		`{"eventVersion":"1.11","eventTime":"2024-04-04T17:00:00Z","eventType":"AwsCloudTrailInsight","eventID":"u-9","insightDetails":{"eventSource":"mediaconvert.amazonaws.com","eventName":"CreateJob","insightType":"ApiCallRateInsight"}}`,
	} {
		e, err := cloudtrail.Parse([]byte(rec))
		require.NoError(t, err)
		events = append(events, e)
	}
	return events
}

// TestWithWritesOnly checks that the filter delivers, from every
// container, exactly the records whose Events IsWrite reports as known
// changes.
func TestWithWritesOnly(t *testing.T) {
	events := changeRecords(t)
	var want []string
	for _, e := range events {
		if change, known := cloudtrail.IsWrite(e); change && known {
			want = append(want, e.EventID)
		}
	}
	require.NotEmpty(t, want)
	require.Less(t, len(want), len(events))
	require.Contains(t, want, "u-2")
	require.Contains(t, want, "u-4")
	require.Contains(t, want, "u-7")
	require.NotContains(t, want, "u-8") // the first readOnly counts
	require.Contains(t, want, "u-10")
	require.NotContains(t, want, "u-11") // without regard to case
	require.Contains(t, want, "u-12")
	require.Contains(t, want, "u-13") // no boolean: the model tells
	require.NotContains(t, want, "u-14")
	require.NotContains(t, want, "u-15")

	read := func(in []byte, opts ...cloudtrail.Option) []string {
		r := cloudtrail.NewReader(strings.NewReader(string(in)), opts...)
		var ids []string
		for {
			e, err := r.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			ids = append(ids, e.EventID)
		}
		return ids
	}
	for _, c := range cloudtrailtest.Containers() {
		t.Run(c.String(), func(t *testing.T) {
			in := cloudtrailtest.Encode(c, events...)
			require.Len(t, read(in), len(events))
			require.Equal(t, want, read(in, cloudtrail.WithWritesOnly()))
			require.Equal(t, want, read(in, cloudtrail.WithWritesOnly(), cloudtrail.WithParallel(false)))
		})
	}

	// With the other filters, a record must match all.
	in := cloudtrailtest.Encode(cloudtrailtest.JSONLines, events...)
	var mc []string
	for _, e := range events {
		change, known := cloudtrail.IsWrite(e)
		if change && known && cloudtrail.CanonicalEventSource(e.EventSource) == "mediaconvert.amazonaws.com" && e.EventName == "CreateJob" {
			mc = append(mc, e.EventID)
		}
	}
	require.NotEmpty(t, mc)
	require.Equal(t, mc, read(in, cloudtrail.WithWritesOnly(), cloudtrail.WithEventSources("aws.mediaconvert"), cloudtrail.WithEventNames("CreateJob")))
}
