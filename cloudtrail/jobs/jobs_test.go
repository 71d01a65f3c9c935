package jobs_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/mediatrail/mediatrail/cloudtrail"
	"github.com/mediatrail/mediatrail/cloudtrail/cloudtrailtest"
	"github.com/mediatrail/mediatrail/cloudtrail/jobs"
	"github.com/mediatrail/mediatrail/elastictranscoder"
	"github.com/mediatrail/mediatrail/mediaconvert"
	"github.com/mediatrail/mediatrail/mediatailor"
	"github.com/mediatrail/mediatrail/transcribe"
)

var t0 = time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)

// at returns the options of a record made at t0 plus d, with a seed of its
// own.
func at(d time.Duration, opts ...cloudtrailtest.Option) []cloudtrailtest.Option {
	return append([]cloudtrailtest.Option{cloudtrailtest.WithTime(t0.Add(d)), cloudtrailtest.WithSeed(uint64(d/time.Second) + 1)}, opts...)
}

// fold adds the events to a new Tracker, requiring no error.
func fold(t testing.TB, events []*cloudtrail.Event, opts ...jobs.Option) *jobs.Tracker {
	t.Helper()
	tr := jobs.NewTracker(opts...)
	for _, e := range events {
		require.NoError(t, tr.Add(e))
	}
	return tr
}

// shuffled returns the events in an order of the seed.
func shuffled(events []*cloudtrail.Event, seed uint64) []*cloudtrail.Event {
	out := append([]*cloudtrail.Event(nil), events...)
	rand.New(rand.NewPCG(seed, 0)).Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// requireSameInAnyOrder folds the events in order and in ten shuffled
// orders and requires the same histories, which it returns.
func requireSameInAnyOrder(t *testing.T, events []*cloudtrail.Event, opts ...jobs.Option) []*jobs.History {
	t.Helper()
	want := fold(t, events, opts...).Histories()
	for seed := uint64(1); seed <= 10; seed++ {
		got := fold(t, shuffled(events, seed), opts...).Histories()
		if diff := cmp.Diff(want, got, cloudtrailtest.Options()...); diff != "" {
			t.Fatalf("order of seed %d gives other histories (-in order +shuffled):\n%s", seed, diff)
		}
	}
	return want
}

// serviceEvent returns an event a service sent to EventBridge, as a
// Reader made with WithServiceEvents delivers it.
func serviceEvent(t testing.TB, source, detailType, id string, when time.Time, resources []string, detail string) *cloudtrail.Event {
	t.Helper()
	res, _ := json.Marshal(resources)
	if resources == nil {
		res = []byte("[]")
	}
	in := fmt.Sprintf(`{"version":"0","id":%q,"detail-type":%q,"source":%q,"account":%q,"time":%q,"region":%q,"resources":%s,"detail":%s}`,
		id, detailType, source, cloudtrailtest.DefaultAccount, when.UTC().Format(time.RFC3339), cloudtrailtest.DefaultRegion, res, detail)
	r := cloudtrail.NewReader(strings.NewReader(in), cloudtrail.WithServiceEvents())
	e, err := r.Next()
	require.NoError(t, err)
	return e
}

// call returns the observation of the call e.
func call(e *cloudtrail.Event, status, detail string) jobs.Observation {
	o := jobs.Observation{Time: e.EventTime, Operation: e.EventName, EventID: e.EventID, Actor: e.Actor(),
		SourceIP: e.SourceIPAddress, Status: status, Detail: detail}
	if e.Failed() {
		o.Err = &jobs.CallError{Code: e.ErrorCode, Message: e.ErrorMessage}
	}
	return o
}

// seen returns the observation of the service event e.
func seen(e *cloudtrail.Event, when time.Time, status, detail string) jobs.Observation {
	return jobs.Observation{Time: when, Operation: e.EventName, EventID: e.EventID, Actor: e.Actor(), Status: status, Detail: detail}
}

// submitted returns the submission of the call e.
func submitted(e *cloudtrail.Event) *jobs.Submission {
	return &jobs.Submission{Time: e.EventTime, Operation: e.EventName, EventID: e.EventID, Actor: e.Actor(),
		SourceIP: e.SourceIPAddress, Settings: e.RequestParameters}
}

// mcJobRequest is a CreateJob request with one file output group.
func mcJobRequest() *mediaconvert.CreateJobRequest {
	return &mediaconvert.CreateJobRequest{
		Role:  cloudtrail.Ptr("arn:aws:iam::111122223333:role/MediaConvert_Default_Role"),
		Queue: cloudtrail.Ptr("arn:aws:mediaconvert:us-west-2:111122223333:queues/Default"),
		Settings: &mediaconvert.JobSettings{
			Inputs: []mediaconvert.Input{{FileInput: cloudtrail.Ptr("s3://media-input.example.com/mezzanine/sample-1080p.mov")}},
			OutputGroups: []mediaconvert.OutputGroup{{
				Name: cloudtrail.Ptr("File Group"),
				OutputGroupSettings: &mediaconvert.OutputGroupSettings{
					Type:              mediaconvert.OutputGroupTypeFileGroupSettings,
					FileGroupSettings: &mediaconvert.FileGroupSettings{Destination: cloudtrail.Ptr("s3://media-output.example.com/vod/")},
				},
				Outputs: []mediaconvert.Output{{NameModifier: cloudtrail.Ptr("_1080p")}},
			}},
		},
	}
}

// mcJobID returns the id of the job a CreateJob event made.
func mcJobID(e *cloudtrail.Event) string {
	return e.ResponseElement("job.id").String()
}

// getJob returns a GetJob record of the job in status, at t0 plus d.
func getJob(id string, status mediaconvert.JobStatus, pct int32, d time.Duration, opts ...cloudtrailtest.Option) *cloudtrail.Event {
	job := &mediaconvert.Job{Id: cloudtrail.Ptr(id), Status: status}
	if pct > 0 {
		job.JobPercentComplete = cloudtrail.Ptr(pct)
	}
	return cloudtrailtest.NewEvent(&mediaconvert.GetJobRequest{Id: cloudtrail.Ptr(id)}, &mediaconvert.GetJobResponse{Job: job}, at(d, opts...)...)
}

// mcStateChange returns a MediaConvert Job State Change event, its
// detail's timestamp at t0 plus d plus 412 ms.
func mcStateChange(t testing.TB, id, status string, d time.Duration, extra string) (*cloudtrail.Event, time.Time) {
	when := t0.Add(d + 412*time.Millisecond)
	arn := "arn:aws:mediaconvert:us-west-2:111122223333:jobs/" + id
	detail := fmt.Sprintf(`{"timestamp":%d,"accountId":"111122223333","queue":"arn:aws:mediaconvert:us-west-2:111122223333:queues/Default","jobId":%q,"status":%q,"userMetadata":{}%s}`,
		when.UnixMilli(), id, status, extra)
	return serviceEvent(t, "aws.mediaconvert", "MediaConvert Job State Change", fmt.Sprintf("9e1c2d3e-%04d-4cf7-a9f1-bf3703467718", d/time.Second), when, []string{arn}, detail), when
}

// TestMediaConvertJob follows a job created, read back while it
// progresses and completed, in every order.
func TestMediaConvertJob(t *testing.T) {
	create := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(0)...)
	id := mcJobID(create)
	get := getJob(id, mediaconvert.JobStatusProgressing, 40, time.Minute)
	done, doneAt := mcStateChange(t, id, "COMPLETE", 3*time.Minute,
		`,"outputGroupDetails":[{"outputDetails":[{"outputFilePaths":["s3://media-output.example.com/vod/sample-1080p_1080p.mp4"],"durationInMs":61440,"videoDetails":{"widthInPx":1920,"heightInPx":1080}}],"type":"FILE_GROUP"}]`)

	got := requireSameInAnyOrder(t, []*cloudtrail.Event{create, get, done})
	want := []*jobs.History{{
		Kind:      jobs.MediaConvertJob,
		ID:        id,
		ARN:       "arn:aws:mediaconvert:us-west-2:111122223333:jobs/" + id,
		Account:   "111122223333",
		Region:    "us-west-2",
		Submitted: submitted(create),
		Observations: []jobs.Observation{
			call(create, "SUBMITTED", "queue Default, 1 output group"),
			call(get, "PROGRESSING", "40% complete"),
			seen(done, doneAt, "COMPLETE", "1 output file"),
		},
		Final: jobs.State{
			Status:   "COMPLETE",
			Time:     doneAt,
			Terminal: true,
			Outputs:  []string{"s3://media-output.example.com/vod/sample-1080p_1080p.mp4"},
		},
	}}
	if diff := cmp.Diff(want, got, cloudtrailtest.Options()...); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	require.Equal(t, "service mediaconvert.amazonaws.com", got[0].Observations[2].Actor.String())
}

// TestMediaConvertJobNeverCompletes follows jobs of which no end is seen.
func TestMediaConvertJobNeverCompletes(t *testing.T) {
	submittedOnly := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(0)...)
	progressing := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(time.Second)...)
	get := getJob(mcJobID(progressing), mediaconvert.JobStatusProgressing, 10, time.Minute)
	update, _ := mcStateChange(t, mcJobID(progressing), "STATUS_UPDATE", 2*time.Minute, `,"jobProgress":{"phaseProgress":{"PROBING":{"status":"COMPLETE","percentComplete":100},"TRANSCODING":{"status":"PROGRESSING","percentComplete":45}},"jobPercentComplete":45,"currentPhase":"TRANSCODING"}`)

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{submittedOnly, progressing, get, update})
	require.Len(t, hs, 2)
	require.Equal(t, mcJobID(submittedOnly), hs[0].ID)
	require.Equal(t, jobs.State{Status: "SUBMITTED", Time: t0, Outputs: []string{"s3://media-output.example.com/vod/"}}, hs[0].Final)
	require.Equal(t, mcJobID(progressing), hs[1].ID)
	require.Equal(t, "PROGRESSING", hs[1].Final.Status)
	require.False(t, hs[1].Final.Terminal)
	require.Equal(t, "STATUS_UPDATE; 45% complete", hs[1].Observations[2].Detail)
}

// TestFailedCreateJob: a CreateJob that failed made no job, so there is
// no history to put it in; it is counted. Failed calls on a job are
// observations with their error, and change no state.
func TestFailedCreateJob(t *testing.T) {
	failed := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(0, cloudtrailtest.WithError("BadRequestException", "/outputGroups/0: Should have at least 1 items"))...)
	tr := fold(t, []*cloudtrail.Event{failed})
	require.Empty(t, tr.Histories())
	require.Equal(t, jobs.Stats{Events: 1, Unattributed: 1}, tr.Stats())

	create := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(time.Minute)...)
	id := mcJobID(create)
	denied := cloudtrailtest.NewEvent(&mediaconvert.CancelJobRequest{Id: cloudtrail.Ptr(id)}, nil,
		at(2*time.Minute, cloudtrailtest.WithIdentity(cloudtrailtest.IAMUser), cloudtrailtest.WithError("AccessDeniedException", "User is not authorized to perform: mediaconvert:CancelJob"))...)
	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{failed, create, denied})
	require.Len(t, hs, 1)
	require.Equal(t, []jobs.Observation{call(create, "SUBMITTED", "queue Default, 1 output group"), call(denied, "", "")}, hs[0].Observations)
	require.Equal(t, &jobs.CallError{Code: "AccessDeniedException", Message: "User is not authorized to perform: mediaconvert:CancelJob"}, hs[0].Observations[1].Err)
	require.Equal(t, "SUBMITTED", hs[0].Final.Status, "a failed call changes no state")
}

// TestCancelJobByAnotherActor follows a job one role submitted and an IAM
// user canceled.
func TestCancelJobByAnotherActor(t *testing.T) {
	create := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(0)...)
	id := mcJobID(create)
	cancel := cloudtrailtest.NewEvent(&mediaconvert.CancelJobRequest{Id: cloudtrail.Ptr(id)}, nil, at(5*time.Minute, cloudtrailtest.WithIdentity(cloudtrailtest.IAMUser))...)
	canceled, canceledAt := mcStateChange(t, id, "CANCELED", 5*time.Minute+2*time.Second, "")

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{create, cancel, canceled})
	require.Len(t, hs, 1)
	h := hs[0]
	require.NotEqual(t, create.Actor(), cancel.Actor())
	require.Equal(t, create.Actor(), h.Submitted.Actor)
	require.Equal(t, []jobs.Observation{
		call(create, "SUBMITTED", "queue Default, 1 output group"),
		call(cancel, "CANCELED", ""),
		seen(canceled, canceledAt, "CANCELED", ""),
	}, h.Observations)
	require.Equal(t, cloudtrail.ActorIAMUser, h.Observations[1].Actor.Kind)
	require.Equal(t, jobs.State{Status: "CANCELED", Time: canceledAt, Terminal: true, Outputs: []string{"s3://media-output.example.com/vod/"}}, h.Final)
}

// TestTerminalWins: a status a read shows later in time does not take a
// job back from an end it reached, and errors come with the state.
func TestTerminalWins(t *testing.T) {
	create := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(0)...)
	id := mcJobID(create)
	failed, failedAt := mcStateChange(t, id, "ERROR", time.Minute, `,"errorCode":1040,"errorMessage":"Example error message"`)
	stale := getJob(id, mediaconvert.JobStatusProgressing, 90, 2*time.Minute) // behind, as lists and reads may be

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{create, failed, stale})
	require.Len(t, hs, 1)
	require.Equal(t, jobs.State{Status: "ERROR", Time: failedAt, Terminal: true, ErrorCode: "1040", ErrorMessage: "Example error message",
		Outputs: []string{"s3://media-output.example.com/vod/"}}, hs[0].Final)
	require.Equal(t, "error 1040: Example error message", hs[0].Observations[1].Detail)
}

// TestTranscriptionJob follows a transcription job started, read back in
// progress and completed, and another that failed.
func TestTranscriptionJob(t *testing.T) {
	const name = "support-call-20260401-0001"
	const transcript = "https://s3.us-west-2.amazonaws.com/media-output.example.com/support-call-20260401-0001.json"
	start := cloudtrailtest.NewEvent(&transcribe.StartTranscriptionJobRequest{
		TranscriptionJobName: cloudtrail.Ptr(name),
		LanguageCode:         transcribe.LanguageCodeEnUs,
		Media:                &transcribe.Media{MediaFileUri: cloudtrail.Ptr("s3://media-input.example.com/calls/support-call-20260401-0001.flac")},
	}, nil, at(0)...)
	get := func(status transcribe.TranscriptionJobStatus, d time.Duration) *cloudtrail.Event {
		job := &transcribe.TranscriptionJob{TranscriptionJobName: cloudtrail.Ptr(name), TranscriptionJobStatus: status}
		if status == transcribe.TranscriptionJobStatusCompleted {
			job.Transcript = &transcribe.Transcript{TranscriptFileUri: cloudtrail.Ptr(transcript)}
		}
		return cloudtrailtest.NewEvent(&transcribe.GetTranscriptionJobRequest{TranscriptionJobName: cloudtrail.Ptr(name)},
			&transcribe.GetTranscriptionJobResponse{TranscriptionJob: job}, at(d)...)
	}
	inProgress := get(transcribe.TranscriptionJobStatusInProgress, time.Minute)
	completed := get(transcribe.TranscriptionJobStatusCompleted, 4*time.Minute)
	other := serviceEvent(t, "aws.transcribe", "Transcribe Job State Change", "1a234567-1a6d-3ab4-1234-abf8b19be123", t0.Add(2*time.Minute), nil,
		`{"TranscriptionJobName":"support-call-20260401-0002","TranscriptionJobStatus":"FAILED","FailureReason":"The media format that you specified doesn't match the detected media format."}`)

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{start, inProgress, completed, other})
	want := []*jobs.History{{
		Kind:      jobs.TranscriptionJob,
		ID:        name,
		Name:      name,
		Account:   "111122223333",
		Region:    "us-west-2",
		Submitted: submitted(start),
		Observations: []jobs.Observation{
			call(start, "IN_PROGRESS", ""),
			call(inProgress, "IN_PROGRESS", ""),
			call(completed, "COMPLETED", ""),
		},
		Final: jobs.State{Status: "COMPLETED", Time: t0.Add(4 * time.Minute), Terminal: true, Outputs: []string{transcript}},
	}, {
		Kind:    jobs.TranscriptionJob,
		ID:      "support-call-20260401-0002",
		Name:    "support-call-20260401-0002",
		Account: "111122223333",
		Region:  "us-west-2",
		Observations: []jobs.Observation{
			seen(other, t0.Add(2*time.Minute), "FAILED", "The media format that you specified doesn't match the detected media format."),
		},
		Final: jobs.State{Status: "FAILED", Time: t0.Add(2 * time.Minute), Terminal: true,
			ErrorMessage: "The media format that you specified doesn't match the detected media format."},
	}}
	if diff := cmp.Diff(want, hs, cloudtrailtest.Options()...); diff != "" {
		t.Errorf("histories (-want +got):\n%s", diff)
	}
}

// TestVocabularyStates: a vocabulary is READY, then PENDING again after an
// update, then READY again; reads and events in between do not take it
// back.
func TestVocabularyStates(t *testing.T) {
	const name = "product-names"
	create := cloudtrailtest.NewEvent(&transcribe.CreateVocabularyRequest{VocabularyName: cloudtrail.Ptr(name), LanguageCode: transcribe.LanguageCodeEnUs,
		Phrases: []string{"MediaConvert", "MediaTailor"}},
		&transcribe.CreateVocabularyResponse{VocabularyName: cloudtrail.Ptr(name), VocabularyState: transcribe.VocabularyStatePending}, at(0)...)
	ready := func(d time.Duration) *cloudtrail.Event {
		return serviceEvent(t, "aws.transcribe", "Vocabulary State Change", fmt.Sprintf("2b345678-%04d-3ab4-1234-abf8b19be123", d/time.Second), t0.Add(d), nil,
			`{"VocabularyName":"product-names","VocabularyState":"READY"}`)
	}
	update := cloudtrailtest.NewEvent(&transcribe.UpdateVocabularyRequest{VocabularyName: cloudtrail.Ptr(name), LanguageCode: transcribe.LanguageCodeEnUs},
		&transcribe.UpdateVocabularyResponse{VocabularyName: cloudtrail.Ptr(name), VocabularyState: transcribe.VocabularyStatePending}, at(10*time.Minute)...)
	list := cloudtrailtest.NewEvent(nil, &transcribe.ListVocabulariesResponse{Vocabularies: []transcribe.VocabularyInfo{{VocabularyName: cloudtrail.Ptr(name), VocabularyState: transcribe.VocabularyStatePending}}},
		at(5*time.Minute, cloudtrailtest.WithOperation(transcribe.EventSource, "ListVocabularies"))...) // behind: it was READY

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{create, ready(2 * time.Minute), list})
	require.Equal(t, "READY", hs[0].Final.Status)
	require.False(t, hs[0].Final.Terminal, "a vocabulary can change")

	hs = requireSameInAnyOrder(t, []*cloudtrail.Event{create, ready(2 * time.Minute), list, update})
	require.Equal(t, "PENDING", hs[0].Final.Status)

	hs = requireSameInAnyOrder(t, []*cloudtrail.Event{create, ready(2 * time.Minute), list, update, ready(12 * time.Minute)})
	require.Equal(t, "READY", hs[0].Final.Status)
	require.Equal(t, t0.Add(12*time.Minute), hs[0].Final.Time)
	require.Len(t, hs[0].Observations, 5)
	require.Equal(t, "listed", hs[0].Observations[2].Detail)
}

// TestElasticTranscoderPipeline follows a pipeline created and updated
// twice.
func TestElasticTranscoderPipeline(t *testing.T) {
	const id = "1412018848038-nkomx0"
	pipeline := func(status string) *elastictranscoder.Pipeline {
		return &elastictranscoder.Pipeline{Id: cloudtrail.Ptr(id), Name: cloudtrail.Ptr("archive-ingest"), Status: cloudtrail.Ptr(status),
			Arn:         cloudtrail.Ptr("arn:aws:elastictranscoder:us-west-2:111122223333:pipeline/" + id),
			InputBucket: cloudtrail.Ptr("media-input.example.com"), Role: cloudtrail.Ptr("arn:aws:iam::111122223333:role/Elastic_Transcoder_Default_Role")}
	}
	create := cloudtrailtest.NewEvent(&elastictranscoder.CreatePipelineRequest{Name: cloudtrail.Ptr("archive-ingest"), InputBucket: cloudtrail.Ptr("media-input.example.com"),
		OutputBucket: cloudtrail.Ptr("media-output.example.com"), Role: cloudtrail.Ptr("arn:aws:iam::111122223333:role/Elastic_Transcoder_Default_Role")},
		&elastictranscoder.CreatePipelineResponse{Pipeline: pipeline("Active")}, at(0)...)
	update := cloudtrailtest.NewEvent(&elastictranscoder.UpdatePipelineRequest{Id: cloudtrail.Ptr(id), InputBucket: cloudtrail.Ptr("media-archive.example.com")},
		&elastictranscoder.UpdatePipelineResponse{Pipeline: pipeline("Active")}, at(time.Hour)...)
	pause := cloudtrailtest.NewEvent(&elastictranscoder.UpdatePipelineStatusRequest{Id: cloudtrail.Ptr(id), Status: cloudtrail.Ptr("Paused")}, nil, at(2*time.Hour)...)

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{create, update, pause})
	want := []*jobs.History{{
		Kind:      jobs.ElasticTranscoderPipeline,
		ID:        id,
		Name:      "archive-ingest",
		ARN:       "arn:aws:elastictranscoder:us-west-2:111122223333:pipeline/" + id,
		Account:   "111122223333",
		Region:    "us-west-2",
		Submitted: submitted(create),
		Observations: []jobs.Observation{
			call(create, "Active", ""),
			call(update, "Active", ""),
			call(pause, "Paused", ""),
		},
		Final: jobs.State{Status: "Paused", Time: t0.Add(2 * time.Hour)},
	}}
	if diff := cmp.Diff(want, hs, cloudtrailtest.Options()...); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}

	// Without its response, a CreatePipeline names no pipeline.
	bare := cloudtrailtest.NewEvent(&elastictranscoder.CreatePipelineRequest{Name: cloudtrail.Ptr("archive-ingest")}, nil, at(0)...)
	tr := fold(t, []*cloudtrail.Event{bare})
	require.Equal(t, 0, tr.Len())
	require.Equal(t, 1, tr.Stats().Unattributed)
}

// TestPlaybackConfiguration follows a playback configuration put twice,
// deleted, and put again.
func TestPlaybackConfiguration(t *testing.T) {
	put := func(origin string, d time.Duration) *cloudtrail.Event {
		return cloudtrailtest.NewEvent(&mediatailor.PutPlaybackConfigurationRequest{
			Name:                  cloudtrail.Ptr("live-news"),
			VideoContentSourceUrl: cloudtrail.Ptr(origin),
			AdDecisionServerUrl:   cloudtrail.Ptr("https://ads.example.com/vast"),
		}, nil, at(d)...)
	}
	first := put("https://origin.example.com/live-news", 0)
	second := put("https://origin-2.example.com/live-news", time.Hour)
	del := cloudtrailtest.NewEvent(&mediatailor.DeletePlaybackConfigurationRequest{Name: cloudtrail.Ptr("live-news")}, nil, at(2*time.Hour)...)

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{first, second, del})
	require.Len(t, hs, 1)
	h := hs[0]
	require.Equal(t, jobs.PlaybackConfiguration, h.Kind)
	require.Equal(t, "live-news", h.ID)
	require.Equal(t, submitted(first), h.Submitted)
	require.Equal(t, []jobs.Observation{call(first, "ACTIVE", ""), call(second, "ACTIVE", ""), call(del, "DELETED", "")}, h.Observations)
	hls := second.ResponseElement("HlsConfiguration.ManifestEndpointPrefix").String()
	require.NotEmpty(t, hls)
	require.Equal(t, jobs.State{Status: "DELETED", Time: t0.Add(2 * time.Hour), Terminal: true,
		Outputs: []string{hls, second.ResponseElement("DashConfiguration.ManifestEndpointPrefix").String()}}, h.Final)

	// A read that lags behind does not bring it back; a Put does.
	get := cloudtrailtest.NewEvent(&mediatailor.GetPlaybackConfigurationRequest{Name: cloudtrail.Ptr("live-news")},
		&mediatailor.GetPlaybackConfigurationResponse{Name: cloudtrail.Ptr("live-news")}, at(3*time.Hour)...)
	hs = requireSameInAnyOrder(t, []*cloudtrail.Event{first, second, del, get})
	require.Equal(t, "DELETED", hs[0].Final.Status)
	again := put("https://origin.example.com/live-news", 4*time.Hour)
	hs = requireSameInAnyOrder(t, []*cloudtrail.Event{first, second, del, get, again})
	require.Equal(t, "ACTIVE", hs[0].Final.Status)
	require.False(t, hs[0].Final.Terminal)
	require.Equal(t, submitted(first), hs[0].Submitted, "the submission is the first")
}

// TestMediaTailorChannel follows a channel created, started, stopped and
// deleted.
func TestMediaTailorChannel(t *testing.T) {
	name := cloudtrail.Ptr("sports-east")
	create := cloudtrailtest.NewEvent(&mediatailor.CreateChannelRequest{ChannelName: name, PlaybackMode: mediatailor.PlaybackModeLoop},
		&mediatailor.CreateChannelResponse{ChannelName: name, ChannelState: mediatailor.ChannelStateStopped,
			Arn:     cloudtrail.Ptr("arn:aws:mediatailor:us-west-2:111122223333:channel/sports-east"),
			Outputs: []mediatailor.ResponseOutputItem{{ManifestName: cloudtrail.Ptr("index"), PlaybackUrl: cloudtrail.Ptr("https://channel-assembly.mediatailor.us-west-2.amazonaws.com/v1/channel/sports-east/index.m3u8")}}},
		at(0)...)
	start := cloudtrailtest.NewEvent(&mediatailor.StartChannelRequest{ChannelName: name}, nil, at(time.Minute)...)
	stop := cloudtrailtest.NewEvent(&mediatailor.StopChannelRequest{ChannelName: name}, nil, at(time.Hour)...)
	describe := cloudtrailtest.NewEvent(&mediatailor.DescribeChannelRequest{ChannelName: name},
		&mediatailor.DescribeChannelResponse{ChannelName: name, ChannelState: mediatailor.ChannelStateRunning}, at(30*time.Minute)...)
	del := cloudtrailtest.NewEvent(&mediatailor.DeleteChannelRequest{ChannelName: name}, nil, at(2*time.Hour)...)

	hs := requireSameInAnyOrder(t, []*cloudtrail.Event{create, start, describe, stop})
	require.Len(t, hs, 1)
	require.Equal(t, "arn:aws:mediatailor:us-west-2:111122223333:channel/sports-east", hs[0].ARN)
	require.Equal(t, []string{"STOPPED", "RUNNING", "RUNNING", "STOPPED"}, statuses(hs[0]))
	require.Equal(t, "STOPPED", hs[0].Final.Status)
	require.Equal(t, []string{"https://channel-assembly.mediatailor.us-west-2.amazonaws.com/v1/channel/sports-east/index.m3u8"}, hs[0].Final.Outputs)
	hs = requireSameInAnyOrder(t, []*cloudtrail.Event{create, start, describe, stop, del})
	require.Equal(t, "DELETED", hs[0].Final.Status)
}

func statuses(h *jobs.History) []string {
	var out []string
	for _, o := range h.Observations {
		out = append(out, o.Status)
	}
	return out
}

// TestRedactedSettings: the settings of a submission are kept as the
// record has them, redacted values included.
func TestRedactedSettings(t *testing.T) {
	req := `{"role":"arn:aws:iam::111122223333:role/MediaConvert_Default_Role","settings":{"inputs":[{"fileInput":"s3://media-input.example.com/mezzanine/sample-1080p.mov"}],` +
		`"outputGroups":[{"name":"Apple HLS","outputGroupSettings":{"type":"HLS_GROUP_SETTINGS","hlsGroupSettings":{"destination":"s3://media-output.example.com/hls/","segmentLength":6,"encryption":"***"}},"outputs":[{"nameModifier":"_720p"}]}]}}`
	create := cloudtrailtest.NewEvent(req, nil, at(0, cloudtrailtest.WithOperation(mediaconvert.EventSource, "CreateJob"))...)
	hs := fold(t, []*cloudtrail.Event{create}).Histories()
	require.Len(t, hs, 1)
	require.JSONEq(t, req, string(hs[0].Submitted.Settings))
	require.Contains(t, string(hs[0].Submitted.Settings), `"encryption":"***"`)
	require.Equal(t, []string{"s3://media-output.example.com/hls/"}, hs[0].Final.Outputs)

	// WithoutSettings keeps none.
	hs = fold(t, []*cloudtrail.Event{create}, jobs.WithoutSettings()).Histories()
	require.Nil(t, hs[0].Submitted.Settings)
}

// TestObservationLimit: a history keeps its first and last observations,
// the same ones in any order, and counts the others.
func TestObservationLimit(t *testing.T) {
	create := cloudtrailtest.NewEvent(mcJobRequest(), nil, at(0)...)
	id := mcJobID(create)
	events := []*cloudtrail.Event{create}
	for i := 1; i <= 100; i++ {
		events = append(events, getJob(id, mediaconvert.JobStatusProgressing, int32(i%100), time.Duration(i)*time.Second))
	}
	hs := requireSameInAnyOrder(t, events, jobs.WithObservationLimit(4))
	require.Len(t, hs, 1)
	h := hs[0]
	require.Equal(t, 96, h.Dropped)
	require.Len(t, h.Observations, 5)
	var times []time.Duration
	for _, o := range h.Observations {
		times = append(times, o.Time.Sub(t0))
	}
	require.Equal(t, []time.Duration{0, 97 * time.Second, 98 * time.Second, 99 * time.Second, 100 * time.Second}, times)
	require.Equal(t, submitted(create), h.Submitted)

	// The same event twice counts once.
	tr := fold(t, append(events, events...), jobs.WithObservationLimit(200))
	require.Len(t, tr.Histories()[0].Observations, 101)
	require.Equal(t, 0, tr.Histories()[0].Dropped)

	// The default keeps 32 and the first.
	h = fold(t, events).Histories()[0]
	require.Len(t, h.Observations, jobs.DefaultObservationLimit+1)
	require.Equal(t, 100-jobs.DefaultObservationLimit, h.Dropped)
}

// TestIgnored: events of other operations and services are ignored.
func TestIgnored(t *testing.T) {
	events := []*cloudtrail.Event{
		cloudtrailtest.NewEvent(nil, nil, at(0, cloudtrailtest.WithOperation(mediaconvert.EventSource, "ListQueues"))...),
		cloudtrailtest.NewEvent(nil, nil, at(time.Second, cloudtrailtest.WithOperation(mediaconvert.EventSource, "ListQueues"),
			cloudtrailtest.WithEdit(func(e *cloudtrail.Event) { e.EventSource, e.EventName = "s3.amazonaws.com", "GetObject" }))...),
		serviceEvent(t, "aws.mediaconvert", "Job Engine Version Added", "3c456789-0000-3ab4-1234-abf8b19be123", t0, nil, `{"version":"2026-04-01"}`),
		nil,
	}
	tr := jobs.NewTracker()
	for _, e := range events {
		require.NoError(t, tr.Add(e))
	}
	require.Zero(t, tr.Len())
	require.Equal(t, jobs.Stats{Events: 3}, tr.Stats())
}

// TestTrail reads a generated trail: every job a CreateJob made has a
// history that starts with it.
func TestTrail(t *testing.T) {
	data := cloudtrailtest.Trail(cloudtrailtest.TrailConfig{Records: 20000, MediaFraction: 0.3, Seed: 7})
	r := cloudtrail.NewReader(strings.NewReader(string(data)))
	tr := jobs.NewTracker()
	type job struct {
		kind jobs.Kind
		id   string
	}
	created := map[job]string{} // the eventID of the CreateJob
	for e, err := range r.All() {
		require.NoError(t, err)
		require.NoError(t, tr.Add(e))
		if e.EventName != "CreateJob" {
			continue
		}
		v, err := cloudtrail.Decode(e)
		require.NoError(t, err)
		switch e.EventSource {
		case mediaconvert.EventSource:
			created[job{jobs.MediaConvertJob, mediaconvert.JobSummaries(v)[0].ID}] = e.EventID
		case elastictranscoder.EventSource:
			created[job{jobs.ElasticTranscoderJob, elastictranscoder.JobSummaries(v)[0].ID}] = e.EventID
		}
	}
	require.NoError(t, r.Err())
	require.Greater(t, len(created), 500)

	found := 0
	for _, h := range tr.Histories() {
		eventID, ok := created[job{h.Kind, h.ID}]
		if !ok {
			continue
		}
		found++
		require.NotNil(t, h.Submitted, "%s %s", h.Kind, h.ID)
		require.Equal(t, eventID, h.Submitted.EventID)
		require.Equal(t, eventID, h.Observations[0].EventID)
	}
	require.Equal(t, len(created), found, "every CreateJob gives a history")
	st := tr.Stats()
	require.Equal(t, 20000, st.Events)
	require.Zero(t, st.Unattributed)
	require.Zero(t, st.Undecodable)
	t.Logf("%d histories from %d events, %d about jobs", tr.Len(), st.Events, st.Used)
}

// TestTestdataJobs follows the jobs of the repository's test data: the
// documentation's MediaConvert and Transcribe records with the events the
// services sent for them.
func TestTestdataJobs(t *testing.T) {
	serviceEvents := func(file string) []*cloudtrail.Event {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "containers", file))
		require.NoError(t, err)
		var out []*cloudtrail.Event
		for e, err := range cloudtrail.NewReader(bytes.NewReader(data), cloudtrail.WithServiceEvents()).All() {
			require.NoError(t, err)
			out = append(out, e)
		}
		return out
	}
	var events []*cloudtrail.Event
	events = append(events, cloudtrailtest.Example("mediaconvert/CreateJob-2024")...)
	events = append(events, cloudtrailtest.Example("mediaconvert/GetJob")...)
	events = append(events, cloudtrailtest.Example("trails/transcribe-log")...)
	events = append(events, serviceEvents("eventbridge-mediaconvert-job-state-change.json")...)
	events = append(events, serviceEvents("eventbridge-transcribe-job-state-change.json")...)

	hs := requireSameInAnyOrder(t, events)
	require.Len(t, hs, 2)

	tj := hs[0]
	require.Equal(t, jobs.TranscriptionJob, tj.Kind)
	require.Equal(t, "support-call-20231102-0001", tj.ID)
	require.Equal(t, []string{"StartTranscriptionJob", "Transcribe Job State Change", "GetTranscriptionJob"}, operations(tj))
	require.Equal(t, []string{"IN_PROGRESS", "COMPLETED", "COMPLETED"}, statuses(tj))
	require.Equal(t, jobs.State{Status: "COMPLETED", Time: time.Date(2023, 11, 2, 1, 4, 12, 0, time.UTC), Terminal: true,
		Outputs: []string{"https://s3.us-east-1.amazonaws.com/media-output.example.com/transcripts/support-call-20231102-0001.json"}}, tj.Final)
	require.Equal(t, "role/TranscribeWorkerRole (session transcribe-worker)", tj.Submitted.Actor.String())

	mc := hs[1]
	require.Equal(t, jobs.MediaConvertJob, mc.Kind)
	require.Equal(t, "1712252725875-defhgi", mc.ID)
	require.Equal(t, []string{"CreateJob", "MediaConvert Job State Change", "GetJob"}, operations(mc))
	require.Equal(t, []string{"SUBMITTED", "COMPLETE", "COMPLETE"}, statuses(mc))
	require.Equal(t, "COMPLETE", mc.Final.Status)
	require.Equal(t, time.Date(2024, 4, 4, 18, 2, 14, 0, time.UTC), mc.Final.Time, "the latest observation with a status")
	require.Equal(t, []string{"s3://media-output.example.com/vod/sample-1080p_1080p.mp4"}, mc.Final.Outputs, "the files the job wrote")
	require.Equal(t, time.UnixMilli(1712253026412).UTC(), mc.Observations[1].Time, "the time of the state change, to the millisecond")
}

func operations(h *jobs.History) []string {
	var out []string
	for _, o := range h.Observations {
		out = append(out, o.Operation)
	}
	return out
}
