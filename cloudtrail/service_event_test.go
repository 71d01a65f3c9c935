package cloudtrail_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
)

// TestServiceEvents reads the events MediaConvert and Amazon Transcribe
// send to EventBridge themselves, with WithServiceEvents and without.
func TestServiceEvents(t *testing.T) {
	tests := []struct {
		file string
		want *cloudtrail.Event
		eb   *cloudtrail.EventBridgeDelivery
	}{
		{
			file: "eventbridge-mediaconvert-job-state-change.json",
			want: &cloudtrail.Event{
				EventTime:          time.Date(2024, 4, 4, 17, 50, 26, 0, time.UTC),
				EventSource:        "mediaconvert.amazonaws.com",
				EventName:          "MediaConvert Job State Change",
				AWSRegion:          "us-west-2",
				EventID:            "9e1c2d3e-5a7b-4cf7-a9f1-bf3703467718",
				EventType:          "AwsServiceEvent",
				RecipientAccountID: "111122223333",
				UserIdentity:       &cloudtrail.UserIdentity{Type: "AWSService", AccountID: "111122223333", InvokedBy: "mediaconvert.amazonaws.com"},
				Resources:          []cloudtrail.Resource{{ARN: "arn:aws:mediaconvert:us-west-2:111122223333:jobs/1712252725875-defhgi"}},
			},
			eb: &cloudtrail.EventBridgeDelivery{
				Version:    "0",
				ID:         "9e1c2d3e-5a7b-4cf7-a9f1-bf3703467718",
				DetailType: "MediaConvert Job State Change",
				Source:     "aws.mediaconvert",
				Account:    "111122223333",
				Time:       time.Date(2024, 4, 4, 17, 50, 26, 0, time.UTC),
				Region:     "us-west-2",
				Resources:  []string{"arn:aws:mediaconvert:us-west-2:111122223333:jobs/1712252725875-defhgi"},
			},
		},
		{
			file: "eventbridge-transcribe-job-state-change.json",
			want: &cloudtrail.Event{
				EventTime:          time.Date(2023, 11, 2, 1, 3, 58, 0, time.UTC),
				EventSource:        "transcribe.amazonaws.com",
				EventName:          "Transcribe Job State Change",
				AWSRegion:          "us-east-1",
				EventID:            "1a234567-1a6d-3ab4-1234-abf8b19be123",
				EventType:          "AwsServiceEvent",
				RecipientAccountID: "111122223333",
				UserIdentity:       &cloudtrail.UserIdentity{Type: "AWSService", AccountID: "111122223333", InvokedBy: "transcribe.amazonaws.com"},
			},
			eb: &cloudtrail.EventBridgeDelivery{
				Version:    "0",
				ID:         "1a234567-1a6d-3ab4-1234-abf8b19be123",
				DetailType: "Transcribe Job State Change",
				Source:     "aws.transcribe",
				Account:    "111122223333",
				Time:       time.Date(2023, 11, 2, 1, 3, 58, 0, time.UTC),
				Region:     "us-east-1",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "containers", tc.file))
			require.NoError(t, err)

			// Without the option: what it is, and nothing else.
			rs := readResults(t, cloudtrail.NewReader(bytes.NewReader(data)))
			require.Len(t, rs, 1)
			var nre *cloudtrail.NotRecordsError
			require.ErrorAs(t, rs[0].err, &nre)
			require.Equal(t, cloudtrail.KindOtherEvent, nre.Kind)
			require.ErrorIs(t, rs[0].err, cloudtrail.ErrOtherEvent)

			// With it: a service event.
			r := cloudtrail.NewReader(bytes.NewReader(data), cloudtrail.WithServiceEvents())
			evs := events(t, readResults(t, r))
			require.Len(t, evs, 1)
			e := evs[0]
			require.Equal(t, cloudtrail.FormatEventBridge, r.Format())

			// The detail is kept as written.
			var event struct{ Detail json.RawMessage }
			require.NoError(t, json.Unmarshal(data, &event))
			tc.want.ServiceEventDetails = event.Detail
			if diff := cmp.Diff(tc.want, e, cloudtrailtest.Options()...); diff != "" {
				t.Errorf("event (-want +got):\n%s", diff)
			}
			if !bytes.Equal(e.ServiceEventDetails, event.Detail) {
				t.Errorf("ServiceEventDetails is not the detail as written:\n%s", e.ServiceEventDetails)
			}
			// Raw is the EventBridge event as read, and so is what the
			// event encodes to.
			require.Equal(t, strings.TrimSpace(string(data)), string(e.Raw()))
			out, err := json.Marshal(e)
			require.NoError(t, err)
			require.JSONEq(t, string(data), string(out))
			require.Equal(t, "service "+tc.want.EventSource, e.Actor().String())

			d := e.Delivery
			require.Equal(t, cloudtrail.FormatEventBridge, d.Format)
			require.Equal(t, -1, d.Index, "a service event is no record")
			require.Equal(t, int64(0), d.Offset)
			if diff := cmp.Diff(tc.eb, d.EventBridge); diff != "" {
				t.Errorf("EventBridge delivery (-want +got):\n%s", diff)
			}

			// No typed form: it is not a call.
			_, err = cloudtrail.Decode(e)
			require.ErrorIs(t, err, cloudtrail.ErrNotRegistered)
		})
	}
}

// TestServiceEventsAmongRecords checks that service events keep the
// indices of the records around them, come through the filters by source
// and detail-type, and that only AWS services' events count.
func TestServiceEventsAmongRecords(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "containers", "eventbridge-firehose.jsonl"))
	require.NoError(t, err)
	custom := `{"version":"0","id":"ee1c2d3e-0000-4cf7-a9f1-bf3703467718","detail-type":"Order Placed","source":"com.example.orders","account":"111122223333","time":"2024-04-04T18:10:00Z","region":"us-west-2","resources":[],"detail":{"orderId":"o-1"}}`
	s3 := `{"version":"0","id":"ff1c2d3e-0000-4cf7-a9f1-bf3703467718","detail-type":"Object Created","source":"aws.s3","account":"111122223333","time":"2024-04-04T18:11:00Z","region":"us-west-2","resources":[],"detail":{"bucket":{"name":"amzn-s3-demo-bucket"},"object":{"key":"AWSLogs/x.json.gz"}}}`
	input := string(data) + custom + "\n" + s3 + "\n"

	type got struct {
		Name  string
		Index int
		Err   string
	}
	read := func(opts ...cloudtrail.Option) []got {
		var out []got
		for _, r := range readResults(t, cloudtrail.NewReader(strings.NewReader(input), opts...)) {
			var nre *cloudtrail.NotRecordsError
			switch {
			case r.err == nil:
				out = append(out, got{Name: r.event.EventSource + " " + r.event.EventName, Index: r.event.Delivery.Index})
			case errors.As(r.err, &nre):
				out = append(out, got{Err: string(nre.Kind)})
			default:
				out = append(out, got{Err: r.err.Error()})
			}
		}
		return out
	}
	without := []got{
		{Name: "mediaconvert.amazonaws.com GetJob", Index: 0},
		{Err: string(cloudtrail.KindOtherEvent)},
		{Name: "signin.amazonaws.com ConsoleLogin", Index: 1},
		{Name: "transcribe.amazonaws.com StartTranscriptionJob", Index: 2},
		{Err: string(cloudtrail.KindOtherEvent)},
		{Err: string(cloudtrail.KindS3Notification)},
	}
	if diff := cmp.Diff(without, read()); diff != "" {
		t.Errorf("without WithServiceEvents (-want +got):\n%s", diff)
	}
	with := []got{
		{Name: "mediaconvert.amazonaws.com GetJob", Index: 0},
		{Name: "mediaconvert.amazonaws.com MediaConvert Job State Change", Index: -1},
		{Name: "signin.amazonaws.com ConsoleLogin", Index: 1},
		{Name: "transcribe.amazonaws.com StartTranscriptionJob", Index: 2},
		{Err: string(cloudtrail.KindOtherEvent)},
		{Err: string(cloudtrail.KindS3Notification)},
	}
	if diff := cmp.Diff(with, read(cloudtrail.WithServiceEvents())); diff != "" {
		t.Errorf("with WithServiceEvents (-want +got):\n%s", diff)
	}
	// The filters select service events by source (in either form) and
	// by detail-type.
	bySource := []got{
		{Name: "mediaconvert.amazonaws.com GetJob", Index: 0},
		{Name: "mediaconvert.amazonaws.com MediaConvert Job State Change", Index: -1},
		{Err: string(cloudtrail.KindOtherEvent)},
		{Err: string(cloudtrail.KindS3Notification)},
	}
	if diff := cmp.Diff(bySource, read(cloudtrail.WithServiceEvents(), cloudtrail.WithEventSources("aws.mediaconvert"))); diff != "" {
		t.Errorf("by source (-want +got):\n%s", diff)
	}
	byName := []got{
		{Name: "mediaconvert.amazonaws.com MediaConvert Job State Change", Index: -1},
		{Err: string(cloudtrail.KindOtherEvent)},
		{Err: string(cloudtrail.KindS3Notification)},
	}
	if diff := cmp.Diff(byName, read(cloudtrail.WithServiceEvents(), cloudtrail.WithEventNames("MediaConvert Job State Change"))); diff != "" {
		t.Errorf("by name (-want +got):\n%s", diff)
	}
}

// TestServiceEventsWrapped reads a service event that came through SNS
// and SQS, as an EventBridge rule with those targets delivers it.
func TestServiceEventsWrapped(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "containers", "eventbridge-transcribe-job-state-change.json"))
	require.NoError(t, err)
	compact := new(bytes.Buffer)
	require.NoError(t, json.Compact(compact, data))
	in := cloudtrailtest.WrapSQS(cloudtrailtest.WrapSNS(compact.Bytes()))
	evs := events(t, readResults(t, cloudtrail.NewReader(bytes.NewReader(in), cloudtrail.WithServiceEvents())))
	require.Len(t, evs, 1)
	e := evs[0]
	require.Equal(t, "Transcribe Job State Change", e.EventName)
	require.Equal(t, []string{"SQS message", "SNS notification"}, e.Delivery.Via)
	require.Equal(t, compact.String(), string(e.Raw()))
	require.JSONEq(t, `{"TranscriptionJobName":"support-call-20231102-0001","TranscriptionJobStatus":"COMPLETED"}`, string(e.ServiceEventDetails))
}
