package cloudtrail_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
)

// queueEvent is what the test decoders make.
type queueEvent struct {
	Name  string
	Event *cloudtrail.Event
}

func decodeQueue(e *cloudtrail.Event) (any, error) {
	return &queueEvent{Name: e.RequestParameter("name").Str, Event: e}, nil
}

func TestRegistryRegisterLookupDecode(t *testing.T) {
	var r cloudtrail.Registry // the zero Registry is ready to use
	_, ok := r.Lookup("mediaconvert.amazonaws.com", "CreateQueue")
	require.False(t, ok)
	require.Empty(t, r.Operations())
	require.Empty(t, r.EventSources())

	r.Register("mediaconvert.amazonaws.com", "CreateQueue", decodeQueue)
	r.Register("transcribe.amazonaws.com", "GetVocabulary", decodeQueue)
	r.Register("aws.mediaconvert", "GetQueue", decodeQueue)
	require.Equal(t, []string{"mediaconvert.amazonaws.com", "transcribe.amazonaws.com"}, r.EventSources())

	fn, ok := r.Lookup("mediaconvert.amazonaws.com", "CreateQueue")
	require.True(t, ok)
	require.NotNil(t, fn)

	e, err := cloudtrail.Parse(readTestdata(t, "records/mediaconvert/CreateQueue.json"))
	require.NoError(t, err)
	v, err := r.Decode(e)
	require.NoError(t, err)
	q, ok := v.(*queueEvent)
	require.True(t, ok, "Decode returned %T", v)
	require.Equal(t, "QueueName", q.Name)
	require.Same(t, e, q.Event, "the decoder gets the event itself")

	// The event name is case sensitive; the event source is not.
	_, ok = r.Lookup("mediaconvert.amazonaws.com", "createQueue")
	require.False(t, ok)
	for _, source := range []string{"aws.mediaconvert", "AWS.MediaConvert", " mediaconvert.amazonaws.com ", "MEDIACONVERT.AMAZONAWS.COM"} {
		_, ok := r.Lookup(source, "CreateQueue")
		require.True(t, ok, "Lookup(%q)", source)
	}
}

func TestRegistryEventBridgeSource(t *testing.T) {
	var r cloudtrail.Registry
	r.Register("aws.transcribe", "StartTranscriptionJob", func(e *cloudtrail.Event) (any, error) { return e.EventName, nil })
	require.Equal(t, []cloudtrail.Operation{{EventSource: "transcribe.amazonaws.com", EventName: "StartTranscriptionJob"}}, r.Operations())

	e, err := cloudtrail.Parse(readTestdata(t, "records/transcribe/StartTranscriptionJob.json"))
	require.NoError(t, err)
	v, err := r.Decode(e)
	require.NoError(t, err)
	require.Equal(t, "StartTranscriptionJob", v)
}

func TestRegistryNotRegistered(t *testing.T) {
	var r cloudtrail.Registry
	r.Register("mediaconvert.amazonaws.com", "CreateQueue", decodeQueue)

	e, err := cloudtrail.Parse(readTestdata(t, "records/mediaconvert/DeleteQueue.json"))
	require.NoError(t, err)
	v, err := r.Decode(e)
	require.Nil(t, v)
	require.Error(t, err)
	require.True(t, errors.Is(err, cloudtrail.ErrNotRegistered))

	var nre *cloudtrail.NotRegisteredError
	require.True(t, errors.As(err, &nre))
	require.Equal(t, "mediaconvert.amazonaws.com", nre.EventSource)
	require.Equal(t, "DeleteQueue", nre.EventName)
	require.Equal(t, "cloudtrail: no decoder registered for mediaconvert.amazonaws.com DeleteQueue", err.Error())

	// Wrapped further, it is still found.
	wrapped := fmt.Errorf("record 3: %w", err)
	require.True(t, errors.Is(wrapped, cloudtrail.ErrNotRegistered))
	require.True(t, errors.As(wrapped, &nre))

	// An event without a source is not registered either, and the event
	// stays usable.
	e, err = cloudtrail.Parse([]byte(`{"eventVersion":"1.08","eventType":"AwsCloudTrailInsight"}`))
	require.NoError(t, err)
	_, err = r.Decode(e)
	require.True(t, errors.Is(err, cloudtrail.ErrNotRegistered))
	require.Equal(t, "AwsCloudTrailInsight", e.EventType)
}

func TestRegistryDecodeNil(t *testing.T) {
	var r cloudtrail.Registry
	v, err := r.Decode(nil)
	require.Nil(t, v)
	require.Error(t, err)
	require.False(t, errors.Is(err, cloudtrail.ErrNotRegistered))
}

func TestRegistryDecoderError(t *testing.T) {
	var r cloudtrail.Registry
	boom := errors.New("boom")
	r.Register("mediatailor.amazonaws.com", "GetPlaybackConfiguration", func(*cloudtrail.Event) (any, error) { return nil, boom })
	e, err := cloudtrail.Parse(readTestdata(t, "records/mediatailor/GetPlaybackConfiguration.json"))
	require.NoError(t, err)
	_, err = r.Decode(e)
	require.ErrorIs(t, err, boom)
	require.False(t, errors.Is(err, cloudtrail.ErrNotRegistered))
}

func TestRegistryPanics(t *testing.T) {
	t.Run("twice", func(t *testing.T) {
		var r cloudtrail.Registry
		r.Register("mediaconvert.amazonaws.com", "CreateJob", decodeQueue)
		require.PanicsWithValue(t, "cloudtrail: Register called twice for mediaconvert.amazonaws.com CreateJob", func() {
			r.Register("mediaconvert.amazonaws.com", "CreateJob", decodeQueue)
		})
	})
	t.Run("twice under another spelling of the source", func(t *testing.T) {
		var r cloudtrail.Registry
		r.Register("aws.mediaconvert", "CreateJob", decodeQueue)
		require.Panics(t, func() { r.Register("MediaConvert.amazonaws.com", "CreateJob", decodeQueue) })
	})
	t.Run("nil decoder", func(t *testing.T) {
		var r cloudtrail.Registry
		require.Panics(t, func() { r.Register("mediaconvert.amazonaws.com", "CreateJob", nil) })
		_, ok := r.Lookup("mediaconvert.amazonaws.com", "CreateJob")
		require.False(t, ok, "a refused registration leaves nothing behind")
	})
	t.Run("a panic leaves the registry usable", func(t *testing.T) {
		var r cloudtrail.Registry
		r.Register("mediaconvert.amazonaws.com", "CreateJob", decodeQueue)
		require.Panics(t, func() { r.Register("mediaconvert.amazonaws.com", "CreateJob", decodeQueue) })
		// The lock was released: both reads and writes still work.
		_, ok := r.Lookup("mediaconvert.amazonaws.com", "CreateJob")
		require.True(t, ok)
		r.Register("mediaconvert.amazonaws.com", "GetJob", decodeQueue)
		require.Len(t, r.Operations(), 2)
	})
}

func TestRegistryOperationsSorted(t *testing.T) {
	var r cloudtrail.Registry
	for _, op := range []cloudtrail.Operation{
		{EventSource: "transcribe.amazonaws.com", EventName: "GetVocabulary"},
		{EventSource: "mediaconvert.amazonaws.com", EventName: "TagResource"},
		{EventSource: "aws.mediatailor", EventName: "CreateChannel"},
		{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateJob"},
		{EventSource: "elastictranscoder.amazonaws.com", EventName: "ReadJob"},
	} {
		r.Register(op.EventSource, op.EventName, decodeQueue)
	}
	require.Equal(t, []cloudtrail.Operation{
		{EventSource: "elastictranscoder.amazonaws.com", EventName: "ReadJob"},
		{EventSource: "mediaconvert.amazonaws.com", EventName: "CreateJob"},
		{EventSource: "mediaconvert.amazonaws.com", EventName: "TagResource"},
		{EventSource: "mediatailor.amazonaws.com", EventName: "CreateChannel"},
		{EventSource: "transcribe.amazonaws.com", EventName: "GetVocabulary"},
	}, r.Operations())
}

// TestRegistryConcurrent registers and decodes from many goroutines at once
// in a fresh Registry; run it with -race.
func TestRegistryConcurrent(t *testing.T) {
	var r cloudtrail.Registry
	e, err := cloudtrail.Parse(readTestdata(t, "records/mediaconvert/CreateQueue.json"))
	require.NoError(t, err)

	const workers, perWorker = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker*2)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				name := fmt.Sprintf("Op%d_%d", w, i)
				want := name
				r.Register("mediaconvert.amazonaws.com", name, func(*cloudtrail.Event) (any, error) { return want, nil })
				fn, ok := r.Lookup("aws.mediaconvert", name)
				if !ok {
					errs <- fmt.Errorf("%s not found after Register", name)
					continue
				}
				if v, _ := fn(e); v != want {
					errs <- fmt.Errorf("%s decodes to %v", name, v)
				}
				// CreateQueue is registered by no one: Decode reports it.
				if _, err := r.Decode(e); !errors.Is(err, cloudtrail.ErrNotRegistered) {
					errs <- fmt.Errorf("Decode of CreateQueue: %v", err)
				}
				_ = r.Operations()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	require.Len(t, r.Operations(), workers*perWorker)

	// With CreateQueue registered, every goroutine decodes it.
	r.Register("mediaconvert.amazonaws.com", "CreateQueue", decodeQueue)
	var wg2 sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for i := 0; i < perWorker; i++ {
				v, err := r.Decode(e)
				if err != nil {
					t.Error(err)
					return
				}
				if q := v.(*queueEvent); q.Name != "QueueName" {
					t.Errorf("decoded %q", q.Name)
					return
				}
			}
		}()
	}
	wg2.Wait()
}

// TestDefaultRegistry uses the package-level Register and Decode, with an
// event source that no service package uses.
func TestDefaultRegistry(t *testing.T) {
	const source, name = "registry-test.mediatrail.example.com", "Ping"
	cloudtrail.Register("aws.registry-test", "Unused", decodeQueue) // an EventBridge-style source
	cloudtrail.Register(source, name, func(e *cloudtrail.Event) (any, error) { return "pong " + e.EventID, nil })

	_, ok := cloudtrail.DefaultRegistry.Lookup("registry-test.amazonaws.com", "Unused")
	require.True(t, ok)
	e, err := cloudtrail.Parse([]byte(`{"eventSource":"` + source + `","eventName":"` + name + `","eventID":"e-1"}`))
	require.NoError(t, err)
	v, err := cloudtrail.Decode(e)
	require.NoError(t, err)
	require.Equal(t, "pong e-1", v)
	require.Panics(t, func() { cloudtrail.Register(source, name, decodeQueue) })
	require.Contains(t, cloudtrail.DefaultRegistry.Operations(), cloudtrail.Operation{EventSource: source, EventName: name})

	e, err = cloudtrail.Parse([]byte(`{"eventSource":"` + source + `","eventName":"Pong"}`))
	require.NoError(t, err)
	_, err = cloudtrail.Decode(e)
	require.True(t, errors.Is(err, cloudtrail.ErrNotRegistered))
}

func TestCanonicalEventSource(t *testing.T) {
	tests := []struct{ in, want string }{
		{"aws.mediaconvert", "mediaconvert.amazonaws.com"},
		{"aws.elastictranscoder", "elastictranscoder.amazonaws.com"},
		{"aws.transcribe", "transcribe.amazonaws.com"},
		{"aws.mediatailor", "mediatailor.amazonaws.com"},
		{"AWS.MediaConvert", "mediaconvert.amazonaws.com"},
		{"  aws.mediaconvert\n", "mediaconvert.amazonaws.com"},
		{"mediaconvert.amazonaws.com", "mediaconvert.amazonaws.com"},
		{"MediaConvert.AmazonAWS.com", "mediaconvert.amazonaws.com"},
		{" s3.amazonaws.com ", "s3.amazonaws.com"},
		{"aws.", "aws."},
		{"aws.a.b", "aws.a.b"},
		{"aws", "aws"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			require.Equal(t, tt.want, cloudtrail.CanonicalEventSource(tt.in))
			// It is idempotent.
			require.Equal(t, tt.want, cloudtrail.CanonicalEventSource(tt.want))
		})
	}
}
